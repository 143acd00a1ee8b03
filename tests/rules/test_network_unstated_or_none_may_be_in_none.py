"""MIG105 for a deployment a script creates in no virtual network on one path and in one it does not state
on another (`sys.argv[1] if len(sys.argv) > 1 else None`): its VMs may be in no virtual network, as when the
other path names its network, and the finding says the network is not stated."""

from __future__ import annotations

from lint_support import lint_files, where

SCRIPT = """\
import sys
from azure.servicemanagement import *

sms = ServiceManagementService("subscription-id", "management.pem")
net = ConfigurationSet()
net.subnet_names.append("FrontEnd")
vnet = sys.argv[1] if len(sys.argv) > 1 else None
"""
CREATE = (
    'sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web01", None, None,\n'
    "    network_config=net{more})\n"
)


def _findings(tmp_path, monkeypatch, script):
    return lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", "MIG203", dedent=False).findings


def test_one_call_given_a_network_the_script_does_not_state_or_none(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, SCRIPT + CREATE.format(more=", virtual_network_name=vnet"))
    assert where(findings) == ["MIG105 deploy.py:8:5"]
    message = findings[0].message
    assert "may be in no virtual network" in message
    assert "on another it may be in a virtual network the script does not state" in message


def test_a_call_under_a_test_of_the_network_and_one_in_none(tmp_path, monkeypatch):
    script = (
        SCRIPT
        + "if vnet:\n    "
        + CREATE.format(more=", virtual_network_name=vnet").replace("\n    network", "\n        network")
        + "else:\n    "
        + CREATE.format(more="").replace("\n    network", "\n        network")
    )
    findings = _findings(tmp_path, monkeypatch, script)
    assert where(findings) == ["MIG105 deploy.py:12:9"]  # the `else` call, which creates it in none
    assert "a virtual network the script does not state" in findings[0].message


def test_a_named_network_is_still_named(tmp_path, monkeypatch):
    script = SCRIPT.replace("sys.argv[1] if", '"prod-vnet" if') + CREATE.format(
        more=", virtual_network_name=vnet"
    )
    [finding] = _findings(tmp_path, monkeypatch, script)
    assert "on another it is in 'prod-vnet'" in finding.message


def test_a_network_not_stated_on_every_path_says_nothing(tmp_path, monkeypatch):
    script = "import os\n" + SCRIPT.replace(
        "sys.argv[1] if len(sys.argv) > 1 else None", 'os.environ["VNET"]'
    )  # stops the script where the environment does not set it: never None
    assert _findings(tmp_path, monkeypatch, script + CREATE.format(more=", virtual_network_name=vnet")) == []
