"""A function a Python module beside the script defines (`from lib import deploy_vm`) is the script's from
there, as a dot-sourced PowerShell file's and a sourced shell file's are: each call the script makes runs
the function's body where the module writes it, with the values the call passes and the module's own
top-level names (its client, its constants), so two calls create two VMs on the network they name, and a
migration step it takes is shown at its request with the call in the script that runs it. The module's own
check no longer reads that function once as well: the stand-ins of that read are no resource of the
estate. Only a module that is itself checked is followed (one level, a checked file inside the root)."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.plugins import load_rules

LIB = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
REGION = "West Europe"


def deploy_vm(vnet, name):
    sms.create_virtual_machine_deployment(
        "svc", name, "production", name, name, None, None, virtual_network_name=vnet
    )


def new_ip(name):
    sms.create_reserved_ip_address(name, location=REGION)


def new_account(name):
    sms.create_storage_account(name, "d", "l", location=REGION)
"""
DEPLOY = """\
from lib import deploy_vm

deploy_vm("WP", "web1")
deploy_vm("WP", "web2")
"""


def moved(result) -> dict[str, list[tuple[str, ...]]]:
    """The VMs of each cloud service the plan moves, by step name."""
    return {step.name: [member.vms for member in step.members] for step in build_plan(result).steps}


def roles(result) -> list[tuple[str, str, int]]:
    """Each VM of the estate, with where it is shown."""
    found = [role for d in result.estate.documents for r in d.resources for role in getattr(r, "roles", ())]
    return sorted((vm.name, vm.mark.path, vm.mark.line) for vm in found)


def test_two_calls_of_an_imported_function_create_two_vms_on_the_network_they_name(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.py": LIB, "deploy.py": DEPLOY}, dedent=False)
    assert moved(result)["WP"] == [("web1", "web2")]
    assert roles(result) == [("web1", "lib.py", 8), ("web2", "lib.py", 8)]


def test_without_a_script_that_calls_it_the_function_is_read_once(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.py": LIB}, dedent=False)
    assert roles(result) == [("<VM name, lib.py:9>", "lib.py", 8)]  # where the name is passed


def test_a_function_the_script_does_not_call_is_still_read_once(tmp_path, monkeypatch):
    deploy = "from lib import deploy_vm, new_ip\n\ndeploy_vm('WP', 'web1')\n"
    result = lint_files(tmp_path, monkeypatch, {"lib.py": LIB, "deploy.py": deploy}, dedent=False)
    assert [ip.name for ip in result.estate.reserved_ips] == ["<reserved IP name, lib.py:14>"]


def test_what_else_the_function_creates_is_what_the_calls_name(tmp_path, monkeypatch):
    deploy = "from lib import new_ip, new_account\n\nnew_ip('web-ip')\nnew_account('acct1')\n"
    result = lint_files(tmp_path, monkeypatch, {"lib.py": LIB, "deploy.py": deploy}, dedent=False)
    assert [ip.name for ip in result.estate.reserved_ips] == ["web-ip"]
    steps = moved(result)
    assert {"acct1", "web-ip"} <= set(steps)  # the storage account's and reserved IP's steps
    assert not [name for name in steps if name.startswith(("<reserved IP", "<storage account"))]


def test_the_module_s_calls_are_reported_in_its_own_check_only(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.py": LIB, "deploy.py": DEPLOY}, "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 lib.py:3:7"]


def test_a_step_an_imported_function_takes_is_at_its_request_with_the_script_s_call(tmp_path, monkeypatch):
    files = {
        "lib.py": LIB + '\n\ndef step(comp):\n    sms.perform_post("/sub/services/networking/virtualnetwork'
        '/app-vnet/migration?comp=" + comp, "")\n',
        "move.py": "from lib import step\n\nstep('Commit')\nstep('Prepare')\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 lib.py:22:9"]
    assert result.findings[0].message.endswith("(run by the call at move.py line 3)")


def test_a_module_that_is_not_checked_is_not_followed(tmp_path, monkeypatch):
    (tmp_path / "lib.py").write_text(LIB, encoding="utf-8")
    (tmp_path / "deploy.py").write_text(DEPLOY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["deploy.py"], Config(), load_rules())
    assert roles(result) == []


def test_a_function_of_a_module_the_module_imports_is_not_followed(tmp_path, monkeypatch):
    files = {
        "lib.py": LIB,
        "wrapper.py": "from lib import deploy_vm\n",
        "deploy.py": DEPLOY.replace("lib", "wrapper"),
    }
    assert "WP" not in moved(lint_files(tmp_path, monkeypatch, files, dedent=False))


def test_a_suppression_at_the_script_s_end_still_applies_to_nothing(tmp_path, monkeypatch):
    deploy = DEPLOY + "# migcheck: ignore[MIG203] nothing follows\n"
    files = {"lib.py": LIB, "deploy.py": deploy}
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", "MIG006", dedent=False)
    [unused] = [finding for finding in result.findings if finding.code == "MIG006"]
    assert unused.message.startswith(
        "`ignore[MIG203]` applies to nothing: no statement follows it in its block"
    )


def test_a_value_the_script_imports_beside_the_function_is_still_the_one_the_function_reads(
    tmp_path, monkeypatch
):
    lib = LIB.replace('REGION = "West Europe"', 'REGION = "West Europe"\nVNET = "WP"').replace(
        "virtual_network_name=vnet", "virtual_network_name=VNET"
    )
    deploy = "from lib import deploy_vm, VNET\n\nprint(VNET)\ndeploy_vm(None, 'web1')\n"
    result = lint_files(tmp_path, monkeypatch, {"lib.py": lib, "deploy.py": deploy}, dedent=False)
    assert moved(result)["WP"] == [("web1",)]


def test_a_function_imported_under_another_name_runs_at_the_calls_of_that_name(tmp_path, monkeypatch):
    deploy = 'from lib import deploy_vm as dv\n\ndv("WP", "web1")\ndv("WP", "web2")\n'
    result = lint_files(tmp_path, monkeypatch, {"lib.py": LIB, "deploy.py": deploy}, dedent=False)
    assert moved(result)["WP"] == [("web1", "web2")]
    assert roles(result) == [("web1", "lib.py", 8), ("web2", "lib.py", 8)]  # not the module's unknown one


def test_a_function_imported_under_two_names_runs_at_the_calls_of_either(tmp_path, monkeypatch):
    deploy = 'from lib import deploy_vm, deploy_vm as dv\n\ndeploy_vm("WP", "web1")\ndv("WP", "web2")\n'
    result = lint_files(tmp_path, monkeypatch, {"lib.py": LIB, "deploy.py": deploy}, dedent=False)
    assert roles(result) == [("web1", "lib.py", 8), ("web2", "lib.py", 8)]


def test_a_value_an_imported_function_returns_is_the_script_s(tmp_path, monkeypatch):
    lib = LIB + '\n\ndef network_of(tier):\n    return "W" + tier\n'
    deploy = 'from lib import deploy_vm, network_of\n\nnet = network_of("P")\ndeploy_vm(net, "web1")\n'
    result = lint_files(tmp_path, monkeypatch, {"lib.py": lib, "deploy.py": deploy}, dedent=False)
    assert moved(result)["WP"] == [("web1",)]
