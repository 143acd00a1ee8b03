"""Python scripts: model objects kept in dicts and lists, the defaults of collection parameters, the changes a
script makes to a list besides adding to it, and comprehensions that call the SDK.

A model object (`ConfigurationSet()`) a script puts in a dict or a list, or binds to a second name, is that
one object: what the script does to it through its own name afterwards (`net.subnet_names.append(...)`) is
in the dict (salt's `vm_kwargs`), the list and the second name too, up to where the name is bound to another
object; an object the script lets go after storing it is unknown there. Each behaviour is checked at its
line and column, with the near misses that must stay what they were."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Deployment, Role
from migcheck.readers import read_document

HEADER = """\
import os
import azure.servicemanagement
from azure.servicemanagement import ConfigurationSet, ConfigurationSetInputEndpoint

conn = azure.servicemanagement.ServiceManagementService("3f2a9c1e-5b7d-4e8f-9a01-2b3c4d5e6f70", "mgmt.pem")
"""


def script(body: str) -> str:
    """A script of the SDK's era: the header, then `body`, dedented."""
    return HEADER + textwrap.dedent(body).lstrip("\n")


def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> list[str]:
    """`CODE deploy.py:line:column` of the findings of rule `code` on the script `deploy.py`."""
    return where(lint_files(tmp_path, monkeypatch, {"deploy.py": text}, code, dedent=False).findings)


def vms(text: str) -> dict[str, Role]:
    """The VMs the script describes, by name."""
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return {
        role.name: role
        for deployment in document.resources
        if isinstance(deployment, Deployment)
        for role in deployment.roles
    }


def subnets(text: str) -> dict[str, tuple[str, ...] | None]:
    """The subnets of each VM the script describes, by name; None for subnets it does not know."""
    return {
        name: None if "subnets" in role.unknown else tuple(ref.name for ref in role.subnets)
        for name, role in vms(text).items()
    }


def position(text: str, needle: str) -> str:
    """`line:column` (1-based) of the first occurrence of `needle` in `text`."""
    at = text.index(needle)
    return f"{text.count(chr(10), 0, at) + 1}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


# --- 1. a model object kept in a dict or a list is the object, changed after it is kept ----------------------

SALT = script(
    """
    net = azure.servicemanagement.ConfigurationSet()
    vm_kwargs = {"service_name": "svc", "deployment_name": "svc", "deployment_slot": "production",
                 "label": "vm1", "role_name": "vm1", "system_config": None, "os_virtual_hard_disk": None,
                 "network_config": net, "role_size": "Small"}
    vnet = "prod"
    if vnet:
        vm_kwargs["virtual_network_name"] = vnet
        net.subnet_names.append("front")
    conn.create_virtual_machine_deployment(**vm_kwargs)
    """
)


def test_a_subnet_added_to_a_network_config_a_dict_of_arguments_holds_is_the_vms(tmp_path, monkeypatch):
    assert findings(tmp_path, monkeypatch, SALT, "MIG203") == []
    assert subnets(SALT) == {"vm1": ("front",)}
    two = SALT.replace('net.subnet_names.append("front")', 'net.subnet_names.extend(["front", "back"])')
    assert findings(tmp_path, monkeypatch, two, "MIG202") == ["MIG202 deploy.py:" + position(two, '"back"')]


def test_a_network_config_a_dict_holds_with_no_subnet_added_still_has_none(tmp_path, monkeypatch):
    text = SALT.replace('    net.subnet_names.append("front")\n', "")
    assert findings(tmp_path, monkeypatch, text, "MIG203") == [
        "MIG203 deploy.py:" + position(text, "create_virtual_machine_deployment")
    ]


CALL = (
    'conn.create_virtual_machine_deployment("svc", "svc", "production", "vm1", "vm1", None, None, {config},\n'
    '                                       virtual_network_name="prod")\n'
)


@pytest.mark.parametrize(
    ("kept", "config"),
    [
        pytest.param("cfg = [net]", "cfg[0]", id="a list"),
        pytest.param("cfg = (net,)", "cfg[0]", id="a tuple"),
        pytest.param('cfg = {"net": net}', 'cfg["net"]', id="a dict"),
        pytest.param('cfg = {"nets": [net]}', 'cfg["nets"][0]', id="a list in a dict"),
        pytest.param(
            'inner = [net]\ncfg = {"nets": inner}', 'cfg["nets"][0]', id="a list a dict holds by name"
        ),
        pytest.param("alias = net", "alias", id="a second name"),
    ],
)
def test_subnets_added_after_the_object_is_kept_are_where_it_is_kept(tmp_path, monkeypatch, kept, config):
    text = script(f'net = ConfigurationSet()\n{kept}\nnet.subnet_names.append("front")\n')
    text += CALL.format(config=config)
    assert subnets(text) == {"vm1": ("front",)}
    assert findings(tmp_path, monkeypatch, text, "MIG203") == []


def test_changes_through_both_names_of_one_object_are_made_in_the_order_written():
    text = script(
        """
        net = ConfigurationSet()
        alias = net
        net.subnet_names.append("front")
        alias.subnet_names.append("back")
        """
    ) + CALL.format(config="alias")
    assert subnets(text) == {"vm1": ("front", "back")}


def test_an_endpoint_added_after_the_dict_is_built_is_the_reserved_ips_deployments(tmp_path, monkeypatch):
    text = script(
        """
        net = ConfigurationSet()
        net.subnet_names.append("front")
        vm_kwargs = {"service_name": "svc", "deployment_name": "svc", "deployment_slot": "production",
                     "label": "vm1", "role_name": "vm1", "system_config": None, "os_virtual_hard_disk": None,
                     "network_config": net, "virtual_network_name": "prod", "reserved_ip_name": "svc-vip"}
        net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint("web", "tcp", "80", "80"))
        conn.create_virtual_machine_deployment(**vm_kwargs)
        """
    )
    assert findings(tmp_path, monkeypatch, text, "MIG106") == []
    assert [endpoint.name for endpoint in vms(text)["vm1"].endpoints] == ["web"]
    # Without the endpoint, the reserved IP is on a deployment with none: MIG106 at the name.
    bare = text.replace(
        'net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint("web", '
        '"tcp", "80", "80"))\n',
        "",
    )
    assert findings(tmp_path, monkeypatch, bare, "MIG106") == [
        "MIG106 deploy.py:" + position(bare, '"svc-vip"')
    ]


def test_changes_after_the_name_is_bound_to_another_object_are_that_objects():
    text = script(
        """
        net = ConfigurationSet(); kw1 = {"network_config": net}; net.subnet_names.append("a")
        net = ConfigurationSet(); kw2 = {"network_config": net}; net.subnet_names.append("b")
        conn.create_virtual_machine_deployment("s1", "s1", "production", "vm1", "vm1", None, None, **kw1)
        conn.create_virtual_machine_deployment("s2", "s2", "production", "vm2", "vm2", None, None, **kw2)
        """
    )
    assert subnets(text) == {"vm1": ("a",), "vm2": ("b",)}


@pytest.mark.parametrize(
    "between",
    [
        pytest.param(
            'if os.environ.get("NEW"):\n    net = ConfigurationSet()\n', id="bound again under a test"
        ),
        pytest.param("keep(net)\n", id="let go"),
        pytest.param('net.subnet_names.append(os.environ["SUBNET"])\n', id="a subnet not stated"),
    ],
)
def test_an_object_kept_then_maybe_replaced_or_let_go_is_unknown_where_it_is_kept(between):
    text = script('net = ConfigurationSet()\ncfg = {"n": net, "name": "vm1"}\n' + between)
    text += 'net.subnet_names.append("front")\n' + CALL.format(config='cfg["n"]').replace(
        '"vm1", None', 'cfg["name"], None'
    )
    assert subnets(text) == {"vm1": None}  # the VM is still read: only its network config is unknown


def test_an_object_made_at_each_turn_of_a_loop_is_that_turns():
    text = script(
        """
        for name in ("vm1", "vm2"):
            net = ConfigurationSet()
            kw = {"network_config": net, "role_name": name}
            net.subnet_names.append("front-" + name)
            conn.create_virtual_machine_deployment("svc", "svc", "production", name, system_config=None,
                                                   os_virtual_hard_disk=None, virtual_network_name="v", **kw)
        """
    )
    assert subnets(text) == {"vm1": ("front-vm1",), "vm2": ("front-vm2",)}


def test_many_objects_kept_in_dicts_and_changed_after_cost_linear_time():
    def make(n: int):
        data = script(
            "".join(
                f'net{i} = ConfigurationSet()\nkw{i} = {{"network_config": net{i}, "role_name": "vm{i}"}}\n'
                f'net{i}.subnet_names.append("s{i}")\n'
                f'conn.add_role("svc", "svc", system_config=None, os_virtual_hard_disk=None, **kw{i})\n'
                for i in range(n)
            )
        ).encode()
        return lambda: read_document("deploy.py", data, explicit=True)

    assert_linear(make, 100)


# --- 2. a collection a parameter defaults to, for a call that leaves it out ------------------------------------

MAKE_VM = script(
    """
    def make_vm(sms, name, subnets={default}):
        net = ConfigurationSet()
    {body}
        sms.create_virtual_machine_deployment(name, name, "production", name, name, None, None, net,
                                              virtual_network_name="prod")


    make_vm(conn, "vm1")
    make_vm(conn, "vm2", ["app"])
    """
)
LOOP = "    for subnet in subnets:\n        net.subnet_names.append(subnet)"
EXTEND = "    net.subnet_names.extend(subnets)"


@pytest.mark.parametrize("default", ["()", "[]"])
@pytest.mark.parametrize("body", [LOOP, EXTEND], ids=["a loop", "extend"])
def test_an_empty_collection_a_parameter_defaults_to_leaves_the_vm_without_a_subnet(
    tmp_path, monkeypatch, default, body
):
    text = MAKE_VM.format(default=default, body=body)
    assert subnets(text) == {"vm1": (), "vm2": ("app",)}
    assert findings(tmp_path, monkeypatch, text, "MIG203") == [
        "MIG203 deploy.py:" + position(text, "create_virtual_machine_deployment")
    ]


@pytest.mark.parametrize("default", ['("app", "data")', '["app", "data"]'])
def test_subnets_a_parameter_defaults_to_are_the_vms(tmp_path, monkeypatch, default):
    text = MAKE_VM.format(default=default, body=EXTEND)
    assert subnets(text) == {"vm1": ("app", "data"), "vm2": ("app",)}
    assert findings(tmp_path, monkeypatch, text, "MIG202") == ["MIG202 deploy.py:" + position(text, '"data"')]


@pytest.mark.parametrize(
    ("default", "body"),
    [
        # A list default is made once: a call that adds to it adds for every call after.
        pytest.param("[]", '    subnets.append("app")\n' + EXTEND, id="added to"),
        pytest.param("[]", "    net.subnet_names = subnets", id="kept by the object"),
        pytest.param("[]", "    keep(subnets)\n" + EXTEND, id="let go"),
        pytest.param('["app", os.environ["SUBNET"]]', EXTEND, id="an item not written out"),
        pytest.param("[[]]", EXTEND, id="a list in the list"),
        pytest.param("DEFAULT_SUBNETS", EXTEND, id="a name"),
    ],
)
def test_a_collection_default_a_call_may_have_changed_is_unknown(default, body):
    text = MAKE_VM.format(default=default, body=body)
    assert subnets(text)["vm1"] is None


# --- 3. changes to a list besides adding at its end -----------------------------------------------------------

TWO_SUBNETS = script(
    """
    net = ConfigurationSet()
    net.subnet_names.extend(["front", "back"])
    {change}
    """
) + CALL.format(config="net")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ('net.subnet_names.insert(0, "mgmt")', ("mgmt", "front", "back")),
        ('net.subnet_names[:] = ["app"]', ("app",)),
        ('net.subnet_names[1:] = ["app", "data"]', ("front", "app", "data")),
        ('net.subnet_names[0] = "app"', ("app", "back")),
        ("net.subnet_names.clear()", ()),
        ("del net.subnet_names[:]", ()),
        ("del net.subnet_names[0]", ("back",)),
        ("del net.subnet_names[-1:]", ("front",)),
        ('net.subnet_names.remove("front")', ("back",)),
        ("net.subnet_names.pop()", ("front",)),
        ("net.subnet_names.pop(0)", ("back",)),
        ('for gone in ["front", "back"]:\n    net.subnet_names.remove(gone)', ()),
    ],
)
def test_a_change_certain_from_what_the_script_writes_out_is_made(change, expected):
    assert subnets(TWO_SUBNETS.format(change=change)) == {"vm1": expected}


def test_a_subnet_taken_out_again_leaves_one_and_no_mig202(tmp_path, monkeypatch):
    text = TWO_SUBNETS.format(change='net.subnet_names.remove("back")')
    assert findings(tmp_path, monkeypatch, text, "MIG202") == []
    text = TWO_SUBNETS.format(change="net.subnet_names[:] = []")
    assert findings(tmp_path, monkeypatch, text, "MIG203") == [
        "MIG203 deploy.py:" + position(text, "create_virtual_machine_deployment")
    ]


@pytest.mark.parametrize(
    "change",
    [
        'for _ in os.environ["DROP"].split(","):\n    net.subnet_names.pop()',
        "net.subnet_names.pop(int(os.environ['AT']))",
        "net.subnet_names.remove(os.environ['SUBNET'])",
        'net.subnet_names.remove("mgmt")',  # not in the list: it raises
        'net.subnet_names.insert(int(os.environ["AT"]), "mgmt")',
        'net.subnet_names[int(os.environ["AT"])] = "mgmt"',
        "net.subnet_names[:] = os.environ['SUBNETS'].split(',')",
        "net.subnet_names.pop(5)",
        'while os.environ.get("NONE"):\n    net.subnet_names.clear()',
    ],
)
def test_a_change_not_certain_from_what_the_script_writes_out_leaves_the_subnets_unknown(
    tmp_path, monkeypatch, change
):
    text = TWO_SUBNETS.format(change=change)
    assert subnets(text) == {"vm1": None}
    # Not "front and back, and maybe more": either may be gone.
    assert vms(text)["vm1"].subnets == ()
    assert findings(tmp_path, monkeypatch, text, "MIG202") == []


def test_a_change_under_a_test_the_script_does_not_decide_is_read_on_each_path(tmp_path, monkeypatch):
    # Where the test does not hold, the VM keeps both subnets: MIG202, as for an append under a test.
    text = TWO_SUBNETS.format(change='if os.environ.get("ONE"):\n    net.subnet_names.pop()')
    assert findings(tmp_path, monkeypatch, text, "MIG202") == ["MIG202 deploy.py:" + position(text, '"back"')]
    text = TWO_SUBNETS.format(change='if os.environ.get("SPLIT"):\n    net.subnet_names[:] = ["front"]')
    assert findings(tmp_path, monkeypatch, text, "MIG202") == ["MIG202 deploy.py:" + position(text, '"back"')]
    text = TWO_SUBNETS.format(
        change='if os.environ.get("ONE"):\n    net.subnet_names.pop()\nelse:\n    del net.subnet_names[0]'
    )
    assert findings(tmp_path, monkeypatch, text, "MIG202") == []


def test_changes_to_a_list_not_known_in_full_leave_it_unknown_but_for_one_that_replaces_it():
    text = script(
        """
        net = ConfigurationSet()
        net.subnet_names.extend(os.environ["SUBNETS"].split(","))
        net.subnet_names.append("front")
        {change}
        """
    ) + CALL.format(config="net")
    assert subnets(text.format(change="net.subnet_names.pop()")) == {"vm1": None}
    assert subnets(text.format(change='net.subnet_names.remove("front")')) == {"vm1": None}
    assert subnets(text.format(change='net.subnet_names[:] = ["app"]')) == {"vm1": ("app",)}
    assert subnets(text.format(change="net.subnet_names.clear()")) == {"vm1": ()}


def test_an_insert_that_may_not_run_adds_what_it_may_add():
    text = TWO_SUBNETS.format(change='if os.environ.get("MGMT"):\n    net.subnet_names.insert(0, "mgmt")')
    assert subnets(text) == {"vm1": None}  # front and back, and maybe more: not a list the reader knows


def test_a_list_of_names_the_script_takes_an_item_out_of_is_read_after():
    text = script(
        """
        names = ["front", "back", "mgmt"]
        names.pop()
        del names[0]
        net = ConfigurationSet()
        net.subnet_names.extend(names)
        """
    ) + CALL.format(config="net")
    assert subnets(text) == {"vm1": ("back",)}


# --- 4. comprehensions whose item calls the SDK ---------------------------------------------------------------

ROLES = script(
    """
    net = ConfigurationSet()
    net.subnet_names.append("front")
    conn.create_virtual_machine_deployment("svc", "svc", "production", "a1", "a1", None, None, net,
                                           virtual_network_name="prod")
    {adds}
    """
)


def names(text: str) -> list[str]:
    return sorted(vms(text))


@pytest.mark.parametrize(
    ("adds", "expected"),
    [
        ('[conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2")]', ["b1", "b2"]),
        ('results = [conn.add_role("svc", "svc", n, None, None) for n in ["b1", "b2"]]', ["b1", "b2"]),
        ('ok = all(conn.add_role("svc", "svc", n, None, None) for n in ["c1"])', ["c1"]),
        ('list(conn.add_role("svc", "svc", n, None, None) for n in ("c1", "c2"))', ["c1", "c2"]),
        ('{conn.add_role("svc", "svc", n, None, None) for n in ("d1",)}', ["d1"]),
        (
            '[conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2", "b3") if n != "b2"]',
            ["b1", "b3"],
        ),
        (
            '[conn.add_role("svc", "svc", t + n, None, None) for t in ("b", "c") for n in ("1", "2")]',
            ["b1", "b2", "c1", "c2"],
        ),
        (
            'for t in ("b", "c"):\n    [conn.add_role("svc", "svc", t + n, None, None) for n in ("1",)]',
            ["b1", "c1"],
        ),
        ('[conn.add_role("svc", "svc", n, None, None) for n in ()]', []),
    ],
)
def test_a_comprehension_over_written_out_items_calls_the_sdk_once_for_each(adds, expected):
    assert names(ROLES.format(adds=adds)) == ["a1", *expected]


def test_each_vm_a_comprehension_adds_is_named_in_its_finding(tmp_path, monkeypatch):
    text = ROLES.format(adds='[conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2")]')
    found = lint_files(tmp_path, monkeypatch, {"deploy.py": text}, "MIG203", dedent=False).findings
    at = "MIG203 deploy.py:" + position(text, "add_role")
    assert where(found) == [at, at]
    assert sorted(f.message.split("'")[1] for f in found) == ["b1", "b2"]


def test_a_test_of_a_comprehension_reads_its_item_where_other_comprehensions_bind_the_name_too():
    adds = "\n".join(
        f'[conn.add_role("svc", "svc", n, None, None) for n in {items} if n]'
        for items in ('("b1", "")', '("c1",)')
    )
    assert names(ROLES.format(adds=adds)) == ["a1", "b1", "c1"]


def test_a_comprehension_in_a_function_reads_the_items_its_caller_passes():
    text = ROLES.format(
        adds='def add(names):\n    [conn.add_role("svc", "svc", n, None, None) for n in names]\n\n\nadd(("b1", "b2"))'
    )
    assert names(text) == ["a1", "b1", "b2"]


@pytest.mark.parametrize(
    "adds",
    [
        pytest.param(
            '[conn.add_role("svc", "svc", n, None, None) for n in os.environ["VMS"].split()]', id="items"
        ),
        pytest.param('any(conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2"))', id="any"),
        pytest.param(
            'all(wait(conn.add_role("svc", "svc", n, None, None)) for n in ("b1", "b2"))', id="all of"
        ),
        pytest.param(
            'gen = (conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2"))\nwait(gen)',
            id="passed on",
        ),
        pytest.param(
            'list = print\nlist(conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2"))', id="list"
        ),
        pytest.param(
            '[conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2") if os.environ.get(n)]',
            id="test",
        ),
        pytest.param('{n: conn.add_role("svc", "svc", n, None, None) for n in ("b1", "b2")}', id="dict"),
    ],
)
def test_a_comprehension_the_reader_cannot_run_item_by_item_adds_one_vm_it_does_not_name(adds):
    (added,) = [name for name in names(ROLES.format(adds=adds)) if name != "a1"]
    assert added.startswith("<VM name, deploy.py:")


def test_many_comprehensions_that_call_the_sdk_cost_linear_time():
    def make_text(n: int) -> str:
        return script(
            "".join(
                f'[conn.add_role("svc", "svc", n, None, None) for n in ("a{i}", "b{i}") if n]\n'
                for i in range(n)
            )
        )

    def make(n: int):
        data = make_text(n).encode()
        return lambda: read_document("deploy.py", data, explicit=True)

    assert len(vms(make_text(3))) == 6
    assert_linear(make, 100)
