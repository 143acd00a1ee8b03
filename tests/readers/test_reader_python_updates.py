"""Python scripts that change a VM that exists already: update_role, and a role body PUT to
`.../roles/<name>` (Update Role). Each names the VM it changes, states some of its facts and leaves the rest
as they were: unknown to the reader, never "none"."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Deployment, Role
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "ops/deploy.py"
HEADER = "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'
DEBUG_BODY = (
    f"<PersistentVMRole {NS}>"
    "<DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings></PersistentVMRole>"
)
CREATE = """
net = ConfigurationSet()
net.subnet_names.append('data')
sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'l', 'sql01', None, None,
                                      network_config=net, availability_set_name='sql-as',
                                      virtual_network_name='vnet')
"""


def source(text: str) -> str:
    return HEADER + textwrap.dedent(text).lstrip("\n")


def deployments(text: str) -> list[Deployment]:
    document = read_document(PATH, source(text).encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, Deployment)]


def only_vm(text: str) -> Role:
    (deployment,) = deployments(text)
    (vm,) = deployment.roles
    return vm


def check(tmp_path, monkeypatch, text: str) -> LintResult:
    (tmp_path / "deploy.py").write_text(source(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def codes(result: LintResult) -> list[str]:
    return sorted(f.code for f in result.findings if f.code != "MIG601")


@pytest.mark.parametrize(
    "path",
    [
        "'/sub/services/hostedservices/shop/deployments/shop/roles/sql01'",
        "'/%s/services/hostedservices/%s/deployments/%s/roles/sql01' % (SUB, SERVICE, SERVICE)",
        "'/%s/services/hostedservices/%s/deployments/%s/roles/%s' % (SUB, SERVICE, SERVICE, ROLE)",
        "f'/{SUB}/services/hostedservices/{SERVICE}/deployments/{SERVICE}/roles/{ROLE}'",
    ],
)
def test_a_partial_body_put_to_a_role_changes_the_vm_its_path_names(tmp_path, monkeypatch, path):
    text = "SUB = 'sub'\nSERVICE = 'shop'\nROLE = 'sql01'\n" + CREATE
    text += f"DEBUG = '{DEBUG_BODY}'\nsms.perform_put({path}, DEBUG)\n"
    vm = only_vm(text)
    assert (vm.name, [s.name for s in vm.subnets], vm.availability_set) == ("sql01", ["data"], "sql-as")
    assert vm.boot_diagnostics is True
    assert vm.changes_existing is False  # the file creates it
    assert codes(check(tmp_path, monkeypatch, text)) == []


def test_a_body_that_names_its_role_leaves_what_it_does_not_state_as_it_was():
    body = DEBUG_BODY.replace("<DebugSettings>", "<RoleName>sql01</RoleName><DebugSettings>")
    vm = only_vm(
        CREATE
        + f"sms.perform_put('/sub/services/hostedservices/shop/deployments/shop/roles/sql01', '{body}')\n"
    )
    assert ([s.name for s in vm.subnets], vm.availability_set, vm.boot_diagnostics) == (
        ["data"],
        "sql-as",
        True,
    )
    assert vm.unknown == frozenset()


def test_a_body_put_to_a_vm_the_file_does_not_create_changes_an_existing_one():
    vm = only_vm(
        f"sms.perform_put('/sub/services/hostedservices/shop/deployments/shop/roles/sql01', '{DEBUG_BODY}')\n"
    )
    assert (vm.name, vm.changes_existing, vm.boot_diagnostics) == ("sql01", True, True)
    assert vm.unknown == {"availability_set", "endpoints", "subnets", "extensions", "public_ips"}


def test_an_update_body_states_what_it_holds():
    body = (
        f"<PersistentVMRole {NS}><RoleName>sql01</RoleName><AvailabilitySetName>new-as</AvailabilitySetName>"
        "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<SubnetNames><SubnetName>a</SubnetName><SubnetName>b</SubnetName></SubnetNames>"
        "</ConfigurationSet></ConfigurationSets></PersistentVMRole>"
    )
    vm = only_vm(
        f"sms.perform_put('/sub/services/hostedservices/shop/deployments/shop/roles/sql01', '{body}')\n"
    )
    # Its network set states the subnets, not the endpoints: those stay as they were.
    assert (vm.availability_set, [s.name for s in vm.subnets], vm.unknown) == (
        "new-as",
        ["a", "b"],
        {"endpoints", "extensions", "public_ips"},
    )
    assert vm.changes_existing is True


def test_update_role_leaves_unchanged_what_it_is_given_as_none_or_empty():
    """The SDK writes into update_role's body only what it is given: an availability set of None and a
    network configuration with no subnet names leave them as they were."""
    vm = only_vm(
        "net = ConfigurationSet()\n"
        "net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('http', 'tcp', '80', '80'))\n"
        "sms.update_role('shop', 'shop', 'web01', availability_set_name=None, network_config=net)\n"
    )
    assert {"availability_set", "subnets"} <= vm.unknown and [e.name for e in vm.endpoints] == ["http"]


def test_a_role_put_to_a_role_the_path_does_not_state_is_unknown_in_what_it_leaves_out(tmp_path, monkeypatch):
    text = (
        CREATE
        + "def enable(role):\n"
        + f"    sms.perform_put('/sub/services/hostedservices/shop/deployments/shop/roles/' + role, '{DEBUG_BODY}')\n"
    )
    assert codes(check(tmp_path, monkeypatch, text)) == []


def test_update_role_changes_an_existing_vm_and_leaves_the_rest_unknown():
    vm = only_vm("sms.update_role('shop', 'shop', 'sql01', role_size='Large')\n")
    assert (vm.changes_existing, vm.size) == (True, "Large")
    assert vm.unknown == {"availability_set", "endpoints", "subnets", "extensions", "public_ips"}


def test_update_role_of_a_vm_the_file_creates_is_part_of_its_creation():
    vm = only_vm(CREATE + "sms.update_role('shop', 'shop', 'sql01', role_size='Large')\n")
    assert (vm.changes_existing, vm.size, vm.unknown) == (False, "Large", frozenset())
    assert [s.name for s in vm.subnets] == ["data"]


def test_a_post_of_a_role_still_adds_one():
    body = DEBUG_BODY.replace("<DebugSettings>", "<RoleName>sql02</RoleName><DebugSettings>")
    (deployment,) = deployments(
        CREATE + f"sms.perform_post('/sub/services/hostedservices/shop/deployments/shop/roles', '{body}')\n"
    )
    assert [(r.name, r.changes_existing) for r in deployment.roles] == [("sql01", False), ("sql02", False)]
