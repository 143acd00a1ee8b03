"""What a Python script passes as None where the SDK takes a string it may leave empty, and a virtual network
that is None on one path and a value the script does not state on another.

None in a model object's string (`ResourceExtensionReference("snap", None, "VMSnapshotLinux", "1.0")`,
`publisher=None`) is left out of the body the SDK sends, as "" is sent empty: either way the body states no
value, and the object is read as if the script left the argument out. A deployment a call creates in no
virtual network on one path and in one the script does not state on another (`sys.argv[1] if ... else
None`) may be in none: its VMs carry that path, as they do when the other path names its network."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, Role
from migcheck.readers import python_script

HEAD = """\
import sys
from azure.servicemanagement import *

sms = ServiceManagementService("subscription-id", "management.pem")
net = ConfigurationSet()
net.subnet_names.append("FrontEnd")
"""
CREATE = (
    'sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web01", None, None,\n'
    "    network_config=net{more})\n"
)


def _deployment(tmp_path, text: str) -> Deployment:
    path = tmp_path / "deploy.py"
    path.write_text(textwrap.dedent(text))
    document = python_script.read(str(path), path.read_bytes())
    [deployment] = [r for r in document.resources if isinstance(r, Deployment)]
    return deployment


def _vm(tmp_path, text: str) -> Role:
    [vm] = _deployment(tmp_path, text).roles
    return vm


def _with_extension(extension: str) -> str:
    more = ', virtual_network_name="prod-vnet", resource_extension_references=[ext]'
    return HEAD + f"ext = {extension}\n" + CREATE.format(more=more)


@pytest.mark.parametrize(
    "extension",
    [
        'ResourceExtensionReference("snap", None, "VMSnapshotLinux", "1.0")',
        'ResourceExtensionReference(reference_name="snap", publisher=None, name="VMSnapshotLinux", version="1.0")',
        'ResourceExtensionReference("snap", "", "VMSnapshotLinux", "1.0")',
        'ResourceExtensionReference(reference_name="snap", name="VMSnapshotLinux", version="1.0")',
    ],
    ids=["positional-none", "keyword-none", "empty", "left-out"],
)
def test_an_extension_without_a_publisher_is_read_however_the_script_leaves_it_out(
    tmp_path, monkeypatch, extension
):
    vm = _vm(tmp_path, _with_extension(extension))
    assert [(e.publisher, e.name, e.version) for e in vm.extensions] == [("", "VMSnapshotLinux", "1.0")]
    assert "extensions" not in vm.unknown
    findings = lint_files(tmp_path, monkeypatch, {"deploy.py": _with_extension(extension)}, "MIG206").findings
    column = len("ext = ") + extension.index('"VMSnapshotLinux"') + 1  # at the name, however it is passed
    assert where(findings) == [f"MIG206 deploy.py:7:{column}"]


def test_an_extension_state_set_to_none_is_no_state(tmp_path):
    script = _with_extension(
        'ResourceExtensionReference("snap", "Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0")'
    )
    script = script.replace("sms.create", "ext.state = None\nsms.create")
    [extension] = _vm(tmp_path, script).extensions
    assert (extension.name, extension.state) == ("VMSnapshot", "")


def test_a_publisher_the_script_does_not_state_leaves_the_extensions_unknown(tmp_path):
    script = _with_extension('ResourceExtensionReference("snap", sys.argv[1], "VMSnapshotLinux", "1.0")')
    vm = _vm(tmp_path, script)
    assert vm.extensions == () and "extensions" in vm.unknown


def test_an_endpoint_given_none_for_protocol_and_port_is_read_as_one_that_leaves_them_out(tmp_path):
    endpoint = 'ConfigurationSetInputEndpoint("web", {protocol}, {port})'
    script = HEAD + "net.input_endpoints.input_endpoints.append({endpoint})\n" + CREATE.format(more="")
    left_out = _vm(tmp_path, script.format(endpoint='ConfigurationSetInputEndpoint("web")'))
    given_none = _vm(tmp_path, script.format(endpoint=endpoint.format(protocol="None", port="None")))
    assert [e.name for e in given_none.endpoints] == [e.name for e in left_out.endpoints] == ["web"]
    assert "endpoints" not in given_none.unknown


UNSTATED_OR_NONE = HEAD + "vnet = sys.argv[1] if len(sys.argv) > 1 else None\n"


def test_a_network_the_script_does_not_state_or_none_leaves_the_vm_in_none_on_a_path(tmp_path):
    deployment = _deployment(tmp_path, UNSTATED_OR_NONE + CREATE.format(more=", virtual_network_name=vnet"))
    assert (deployment.virtual_network, deployment.network_known) == (None, False)
    [vm] = deployment.roles
    at = vm.absent_on_some_path("virtual_network")
    assert at is not None and at.line == 8  # the call, given None on the path that makes `vnet` None


def test_a_call_under_a_test_of_the_network_is_never_given_none(tmp_path):
    # `if vnet:` runs its call only with the value of sys.argv: the `else` call creates it in none.
    script = (
        UNSTATED_OR_NONE
        + "if vnet:\n"
        + textwrap.indent(CREATE.format(more=", virtual_network_name=vnet"), "    ")
        + "else:\n"
        + textwrap.indent(CREATE.format(more=""), "    ")
    )
    deployment = _deployment(tmp_path, script)
    assert (deployment.virtual_network, deployment.network_known) == (None, False)
    [vm] = deployment.roles
    at = vm.absent_on_some_path("virtual_network")
    assert at is not None and at.line == 12  # the `else` call, not the one under `if vnet:`


def test_a_named_network_or_none_still_names_it(tmp_path):
    script = UNSTATED_OR_NONE.replace("sys.argv[1] if", '"prod-vnet" if')
    deployment = _deployment(tmp_path, script + CREATE.format(more=", virtual_network_name=vnet"))
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "prod-vnet"
    [vm] = deployment.roles
    assert vm.absent_on_some_path("virtual_network") is not None


def test_a_network_the_script_does_not_state_on_every_path_is_not_none_on_any(tmp_path):
    script = HEAD + 'vnet = os.environ["VNET"]\n' + CREATE.format(more=", virtual_network_name=vnet")
    deployment = _deployment(tmp_path, "import os\n" + script)
    # A network it does not name (the script stops where the environment lacks it): a stand-in where the
    # call passes it, never none.
    assert deployment.network_known
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name == "<virtual network name, deploy.py:10>"
    [vm] = deployment.roles
    assert vm.absent_on_some_path("virtual_network") is None


def test_every_path_in_none_is_in_none(tmp_path):
    script = UNSTATED_OR_NONE.replace("sys.argv[1] if", '"" if') + CREATE.format(
        more=", virtual_network_name=vnet"
    )
    deployment = _deployment(tmp_path, script)
    assert (deployment.virtual_network, deployment.network_known) == (None, True)
    [vm] = deployment.roles
    assert vm.absent_on_some_path("virtual_network") is None  # in none for certain: MIG105's own finding
