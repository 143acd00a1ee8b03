"""The Python reader reads a VM put in a network or a subnet on some paths only as the PowerShell reader
does (tests/readers/test_scripts_vm_network_and_subnet_on_some_paths.py): a subnet given on every branch
is no finding; one given on one branch only, in whichever form the script gives it (a network object made
again in the branch, one a function builds), may be none; so may a network named on one branch."""

from __future__ import annotations

from lint_support import lint_files, where

HEAD = """\
import sys
from azure.servicemanagement import ConfigurationSet, ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
"""
CREATE = (
    'sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web01", None, None, '
    "{network}, virtual_network_name={vnet})\n"
)


def _found(tmp_path, monkeypatch, body: str) -> list[str]:
    files = {"create.py": HEAD + body}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False).findings)


def test_a_subnet_on_every_branch_is_not_reported(tmp_path, monkeypatch):
    body = (
        "network = ConfigurationSet()\n"
        'if len(sys.argv) > 1:\n    network.subnet_names.append("FrontEnd")\n'
        'else:\n    network.subnet_names.append("BackEnd")\n'
    ) + CREATE.format(network="network", vnet='"prod-vnet"')
    assert _found(tmp_path, monkeypatch, body) == []


def test_a_network_object_made_again_with_a_subnet_on_one_branch_may_have_none(tmp_path, monkeypatch):
    body = (
        "network = ConfigurationSet()\n"
        "if len(sys.argv) > 1:\n"
        "    network = ConfigurationSet()\n"
        '    network.subnet_names.append("FrontEnd")\n'
    ) + CREATE.format(network="network", vnet='"prod-vnet"')
    assert _found(tmp_path, monkeypatch, body) == ["MIG203 create.py:9:5"]


def test_a_network_object_a_function_gives_a_subnet_on_one_branch_may_have_none(tmp_path, monkeypatch):
    body = (
        "def make():\n"
        "    network = ConfigurationSet()\n"
        "    if len(sys.argv) > 1:\n"
        '        network.subnet_names.append("FrontEnd")\n'
        "    return network\n"
    ) + CREATE.format(network="make()", vnet='"prod-vnet"')
    assert _found(tmp_path, monkeypatch, body) == ["MIG203 create.py:10:5"]


def test_a_network_named_on_one_branch_may_be_none(tmp_path, monkeypatch):
    body = (
        'network = ConfigurationSet()\nnetwork.subnet_names.append("FrontEnd")\n'
        'vnet = None\nif len(sys.argv) > 1:\n    vnet = "prod-vnet"\n'
    ) + CREATE.format(network="network", vnet="vnet")
    assert _found(tmp_path, monkeypatch, body) == ["MIG105 create.py:10:5"]
