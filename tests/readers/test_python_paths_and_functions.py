"""Python scripts whose values differ by path, VM calls in the script's own functions, and migration steps a
function runs in a loop.

A name bound on the branches of an `if` (or in a `try` and its `except`), a change made under a condition
that does not hold around the call, and `a if test else b` give a call's argument as one of a few
alternatives: the VM is described once for each and the descriptions are joined as the PowerShell reader
joins a VM built differently on different paths (a blocker some path sets is reported; an absence, or a
value such as the availability set, is known only when every path agrees). A VM call in one of the script's
functions is read once for each call of the function. Each behaviour is checked at its line and column,
with the near misses that must stay silent."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Deployment, Role, Script
from migcheck.readers import python_script, read_document

HEADER = """\
import os
import sys
from azure.servicemanagement import (
    ServiceManagementService, ConfigurationSet, ResourceExtensionReference, ResourceExtensionReferences,
    OSVirtualHardDisk,
)
sms = ServiceManagementService("sub", "cert.pem")
"""
FIRST = HEADER.count("\n") + 1  # the line of a snippet's first statement
BGINFO = 'ResourceExtensionReference("BGInfo", "Microsoft.Compute", "BGInfo", "1.*")'
NAME_IN_BGINFO = BGINFO.index('"BGInfo", "1.*"')  # findings are at the extension's name
LINUX = 'ResourceExtensionReference("CustomScriptForLinux", "Microsoft.OSTCExtensions", "CustomScriptForLinux", "1.*")'


def source(text: str) -> str:
    return HEADER + textwrap.dedent(text).lstrip("\n")


def found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, *codes: str) -> list[str]:
    """`CODE deploy.py:line:column` of the findings of the rules `codes` on the script."""
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": source(text)}, *codes, dedent=False)
    return where(result.findings)


def vms(text: str) -> dict[str, Role]:
    """The VMs the script describes, by name."""
    document = read_document("deploy.py", source(text).encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return {
        role.name: role
        for deployment in document.resources
        if isinstance(deployment, Deployment)
        for role in deployment.roles
    }


def at(line: int, column: int, code: str) -> str:
    """A finding on the snippet's `line` (1: its first line)."""
    return f"{code} deploy.py:{FIRST + line - 1}:{column}"


# --- 1. values that differ by path ------------------------------------------------------------------------


def test_an_extension_appended_on_one_branch_of_an_if_is_the_vms_on_that_path(tmp_path, monkeypatch):
    text = f"""
    windows = sys.argv[1] == "windows" if len(sys.argv) > 1 else True
    exts = ResourceExtensionReferences()
    if windows:
        exts.resource_extension_references.append(
            {BGINFO})
    else:
        exts.resource_extension_references.append(
            {LINUX})
    sms.create_virtual_machine_deployment("jump", "jump", "production", "jump", "jump01", None, None,
                                          resource_extension_references=exts)
    """
    assert found(tmp_path, monkeypatch, text, "MIG204") == [at(5, 9 + NAME_IN_BGINFO, "MIG204")]
    (vm,) = vms(text).values()
    assert [e.name for e in vm.extensions] == ["BGInfo", "CustomScriptForLinux"]
    assert "extensions" in vm.unknown  # which of them it has depends on the path


def test_an_extension_bound_on_either_branch_is_reported_on_update_role(tmp_path, monkeypatch):
    text = f"""
    if os.environ.get("WIN"):
        ext = {BGINFO}
    else:
        ext = {LINUX}
    sms.update_role("jump", "jump", "jump01", resource_extension_references=[ext])
    """
    assert found(tmp_path, monkeypatch, text, "MIG204") == [at(2, 11 + NAME_IN_BGINFO, "MIG204")]


def test_a_subnet_appended_under_an_if_is_a_second_subnet_on_that_path(tmp_path, monkeypatch):
    text = """
    net = ConfigurationSet()
    net.subnet_names.append("app")
    if os.environ.get("DUAL"):
        net.subnet_names.append("backup")
    sms.add_role("app", "app", "app02", None, None, network_config=net)
    """
    assert found(tmp_path, monkeypatch, text, "MIG202") == [at(4, 29, "MIG202")]


def test_a_subnet_in_a_try_and_another_in_its_except_are_two_paths_of_one_subnet(tmp_path, monkeypatch):
    text = """
    try:
        subnet = os.environ["SUBNET"]
    except KeyError:
        subnet = "app"
    net = ConfigurationSet()
    net.subnet_names.append(subnet)
    sms.add_role("app", "app", "app02", None, None, network_config=net)
    """
    assert found(tmp_path, monkeypatch, text, "MIG202") == []
    (vm,) = vms(text).values()
    assert "subnets" in vm.unknown  # one subnet on each path: which is not known


def test_a_change_in_an_except_adds_to_a_try_body_that_may_have_run_in_part_only(tmp_path, monkeypatch):
    """The handler runs when the `try` body failed part way: what the body adds is not certainly there
    beside what the handler adds, and no path is claimed to hold both."""
    text = """
    config = {"subnet": "app"}
    net = ConfigurationSet()
    try:
        net.subnet_names.append(config["subnet"])
    except KeyError:
        net.subnet_names.append("default")
    sms.add_role("app", "app", "app02", None, None, network_config=net)
    """
    assert found(tmp_path, monkeypatch, text, "MIG202") == []
    assert "subnets" in vms(text)["app02"].unknown


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            f"""
            exts = [{BGINFO}]
            if os.environ.get("WIN"):
                exts = []
            else:
                exts = [{LINUX}]
            sms.update_role("jump", "jump", "jump01", resource_extension_references=exts)
            """,
            "both branches bind the list again: the first is on no path",
        ),
        (
            f"""
            DEBUG = False
            exts = ResourceExtensionReferences()
            if DEBUG:
                exts.resource_extension_references.append({BGINFO})
            sms.update_role("jump", "jump", "jump01", resource_extension_references=exts)
            """,
            "a test the script decides against the change",
        ),
        (
            f"""
            ext = {LINUX}
            if os.environ.get("WIN"):
                sms.update_role("jump", "jump", "jump01", resource_extension_references=[ext])
            else:
                ext = {BGINFO}
            """,
            "the change is on the other branch of the `if` the call is in",
        ),
    ],
    ids=["rebound-on-every-branch", "decided-test", "other-branch"],
)
def test_a_blocker_on_no_path_to_the_call_is_not_reported(tmp_path, monkeypatch, text, why):
    assert found(tmp_path, monkeypatch, text, "MIG204") == [], why


def test_a_value_that_differs_by_path_is_unknown_and_an_absence_is_known_only_when_all_agree(
    tmp_path, monkeypatch
):
    text = """
    size = "Large" if os.environ.get("BIG") else "Small"
    avset = "app-as" if os.environ.get("HA") else None
    sms.add_role("app", "app", "app01", None, None, availability_set_name=avset, role_size=size)
    sms.add_role("app", "app", "app02", None, None, availability_set_name="app-as")
    """
    vm = vms(text)["app01"]
    assert (vm.size, vm.availability_set) == ("", "")
    assert "availability_set" in vm.unknown
    assert found(tmp_path, monkeypatch, text, "MIG103") == []  # app01 may be in the set: not claimed


def test_alternatives_past_the_cap_leave_the_value_unknown_as_before(tmp_path, monkeypatch):
    def script(conditions: int) -> str:
        changes = "".join(
            f'if os.environ.get("S{i}"):\n    net.subnet_names.append("s{i}")\n' for i in range(conditions)
        )
        return (
            "net = ConfigurationSet()\n"
            + changes
            + 'sms.add_role("app", "app", "app02", None, None, network_config=net)\n'
        )

    # Three independent tests: eight paths, each read; on one of them the VM has two subnets or more.
    assert found(tmp_path, monkeypatch, script(3), "MIG202") == [at(5, 29, "MIG202")]
    # Four: sixteen paths, more than are followed, and the subnets are unknown.
    assert found(tmp_path, monkeypatch, script(4), "MIG202") == []
    assert "subnets" in vms(script(4))["app02"].unknown


def test_a_conditional_availability_set_in_a_loop_is_decided_at_each_turn(tmp_path, monkeypatch):
    loop = """
    names = ["web01", "web02", "db01", "db02"]
    for i, name in enumerate(names):
        net = ConfigurationSet()
        net.subnet_names.append("db" if name.startswith("db") else "web")
        avset = {avset}
        if i == 0:
            sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", name, None, None,
                                                  network_config=net, availability_set_name=avset)
        else:
            sms.add_role("shop", "shop", name, None, None, network_config=net, availability_set_name=avset)
    """
    mixed = loop.format(avset='"db-as" if name.startswith("db") else "web-as"')
    assert found(tmp_path, monkeypatch, mixed, "MIG102") == [at(5, 13, "MIG102")]
    assert {name: vm.availability_set for name, vm in vms(mixed).items()} == {
        "web01": "web-as",
        "web02": "web-as",
        "db01": "db-as",
        "db02": "db-as",
    }
    assert found(tmp_path, monkeypatch, loop.format(avset='"shop-as"'), "MIG102") == []


def test_a_conditional_availability_set_the_loop_does_not_decide_is_unknown(tmp_path, monkeypatch):
    text = """
    for name in sys.argv[1:]:
        avset = "db-as" if name.startswith("db") else "web-as"
        sms.add_role("shop", "shop", name, None, None, availability_set_name=avset)
    sms.add_role("shop", "shop", "web09", None, None, availability_set_name="web-as")
    """
    assert found(tmp_path, monkeypatch, text, "MIG102", "MIG103") == []
    assert "availability_set" in vms(text)["<VM name, deploy.py:10>"].unknown


def test_rows_of_a_file_the_script_reads_stay_unknown(tmp_path, monkeypatch):
    text = """
    import csv
    for row in csv.DictReader(open("servers.csv")):
        net = ConfigurationSet()
        for s in row["subnets"].split(";"):
            net.subnet_names.append(s)
        exts = [ResourceExtensionReference(row["ext"], row["publisher"], row["ext"], row["version"])] if row["ext"] else None
        sms.add_role(row["service"], row["service"], row["name"], None, None, network_config=net,
                     availability_set_name=row["avset"] or None, resource_extension_references=exts)
    """
    assert found(tmp_path, monkeypatch, text, "MIG102", "MIG103", "MIG202", "MIG204") == []
    (vm,) = vms(text).values()
    assert {"subnets", "extensions", "availability_set"} <= vm.unknown


def test_alternatives_cost_linear_time(monkeypatch):
    """Many VMs, each with a subnet appended under a test the script does not decide and an extension
    bound on both branches of an `if`: each call is read on its few paths, in time linear in the script
    (with a budget too large to cut it short)."""
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 1_000_000.0)
    vm = (
        "net{i} = ConfigurationSet()\n"
        'net{i}.subnet_names.append("app")\n'
        'if os.environ.get("DUAL{i}"):\n'
        '    net{i}.subnet_names.append("backup")\n'
        'if os.environ.get("WIN{i}"):\n'
        f"    ext{{i}} = {BGINFO}\n"
        "else:\n"
        f"    ext{{i}} = {LINUX}\n"
        'sms.add_role("app", "app", "vm{i}", None, None, network_config=net{i}, '
        "resource_extension_references=[ext{i}])\n"
    )

    def make(n: int):
        data = (HEADER + "".join(vm.format(i=i) for i in range(n))).encode("utf-8")

        def work():
            document = read_document("deploy.py", data, explicit=True)
            roles = [r for d in document.resources if isinstance(d, Deployment) for r in d.roles]
            assert len(roles) == n
            assert all(len(r.subnets) == 2 and len(r.extensions) == 2 for r in roles)

        return work

    assert_linear(make, 200)


def test_a_chain_of_names_over_a_conditional_expression_is_read_once_per_name_on_each_path(monkeypatch):
    """`a0 = '' if test else ''`, then `a2 = a1 + a1`, read by many calls: the choice `a0` makes is met
    again through each name kept from a read, so that each name is read once on each path, not once per
    path through the chain (with a budget too large to cut it short; the chains stay shorter than the
    depth past which a value is not followed)."""
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 1_000_000.0)

    def make(lines: int):
        chain = "".join(f"a{i} = a{i - 1} + a{i - 1}\n" for i in range(1, lines))
        calls = "".join(
            f"sms.add_role('app', 'app', 'vm{n}', None, None, role_size=a{lines - 1})\n" for n in range(50)
        )
        data = (HEADER + "a0 = '' if os.environ.get('A') else ''\n" + chain + calls).encode("utf-8")
        return lambda: read_document("deploy.py", data, explicit=True)

    assert_linear(make, 4)


# --- 2. VM calls in the script's own functions ------------------------------------------------------------

PROVISION = """
def provision(name, subnets):
    net = ConfigurationSet()
    for subnet in subnets:
        net.subnet_names.append(subnet)
    sms.add_role("app", "app", name, None, None, network_config=net, role_size="Medium")
"""


def test_a_function_called_twice_creates_a_vm_for_each_call(tmp_path, monkeypatch):
    text = PROVISION + 'provision("app01", ["app"])\nprovision("app02", ["app", "backup"])\n'
    assert found(tmp_path, monkeypatch, text, "MIG202") == [at(7, 28, "MIG202")]
    assert {name: [s.name for s in vm.subnets] for name, vm in vms(text).items()} == {
        "app01": ["app"],
        "app02": ["app", "backup"],
    }


def test_a_function_called_once_reads_its_parameters(tmp_path, monkeypatch):
    text = PROVISION + 'provision("app02", ["app", "backup"])\n'
    assert found(tmp_path, monkeypatch, text, "MIG202") == [at(6, 28, "MIG202")]


def test_a_function_each_call_gives_one_subnet_is_silent(tmp_path, monkeypatch):
    text = PROVISION + 'provision("app01", ["app"])\nprovision("app02", ["app"])\n'
    assert found(tmp_path, monkeypatch, text, "MIG202") == []
    assert sorted(vms(text)) == ["app01", "app02"]


def test_a_function_called_where_the_reader_does_not_see_is_read_once_as_before():
    text = PROVISION + 'handlers = {"add": provision}\nprovision("app01", ["app"])\n'
    (vm,) = vms(text).values()
    assert vm.name == "<VM name, deploy.py:12>"
    assert "subnets" in vm.unknown


def test_calls_on_the_branches_of_an_if_create_vms_never_together(tmp_path, monkeypatch):
    text = """
    def deploy(name, avset):
        sms.add_role("app", "app", name, None, None, availability_set_name=avset)
    if len(sys.argv) > 1:
        deploy("app01", "app-as")
        deploy("app02", "app-as")
    else:
        deploy("app03", None)
    """
    assert found(tmp_path, monkeypatch, text, "MIG103") == []
    # Called where both run, the VMs meet.
    both = text.replace("else:\n", "if True:\n")
    # At the value that puts app03 in no set, which its call gives.
    assert found(tmp_path, monkeypatch, both, "MIG103") == [at(7, 21, "MIG103")]


def test_a_choice_in_a_function_is_a_choice_of_each_call(tmp_path, monkeypatch):
    """Each call of `deploy` takes one branch of its `if`: the VMs of different calls meet."""
    text = """
    def deploy(name, clustered):
        if clustered:
            sms.add_role("app", "app", name, None, None, availability_set_name="app-as")
        else:
            sms.add_role("app", "app", name, None, None)
    deploy("app01", True)
    deploy("app02", False)
    """
    assert found(tmp_path, monkeypatch, text, "MIG103") == [at(5, 13, "MIG103")]
    assert {name: vm.availability_set for name, vm in vms(text).items()} == {"app01": "app-as", "app02": ""}


# --- 3. migration steps a function runs in a loop ---------------------------------------------------------

MIGRATE = """
def migrate_storage(account):
    path = "/{{0}}/services/storageservices/{{1}}/migration".format("sub", account)
    for step in ({steps}):
        sms.perform_post(path + "?comp=" + step, "", x_ms_version="2016-03-01")
migrate_storage("archive01")
"""


def test_steps_a_function_runs_in_a_loop_over_a_tuple_are_each_a_step(tmp_path, monkeypatch):
    wrong = MIGRATE.format(steps='"Validate", "Commit", "Prepare"')
    document = read_document("deploy.py", source(wrong).encode("utf-8"), explicit=True)
    (script,) = [r for r in document.resources if isinstance(r, Script)]
    assert [(s.step, s.target, s.mark.line, s.mark.column) for s in script.migration] == [
        ("validate", "archive01", FIRST + 3, 13),
        ("commit", "archive01", FIRST + 3, 13),
        ("prepare", "archive01", FIRST + 3, 13),
    ]
    # At the request, run by the call that names the account, as PowerShell shows a function's steps.
    assert found(tmp_path, monkeypatch, wrong, "MIG602") == [at(4, 13, "MIG602")]
    right = MIGRATE.format(steps='"Validate", "Prepare", "Commit"')
    assert found(tmp_path, monkeypatch, right, "MIG602") == []
