"""A Python parameter that defaults to None and is set on one branch only (`if name == "x": network =
"appvnet"`) is still None past the branch on the other path, when no call passes it: the VM may be in no
virtual network (MIG105). Set on every path where it may be None (`if network is None: network = "x"`,
`if not network:`, or in the `else` of `if network:`), it is never None past the `if`."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = """\
from azure.servicemanagement import ConfigurationSet


def create_vm(sms, name, network=None):
{fill}
    network_config = ConfigurationSet()
    network_config.subnet_names = ['front']
    sms.create_virtual_machine_deployment(service_name=name, deployment_name=name,
        deployment_slot='production', label=name, role_name=name, os_virtual_hard_disk=None,
        system_config=None, network_config=network_config, virtual_network_name=network)
"""


def _findings(tmp_path, monkeypatch, fill: str):
    script = SCRIPT.replace("{fill}", fill)
    return lint_files(tmp_path, monkeypatch, {"vm.py": script}, "MIG105", "MIG203", dedent=False).findings


@pytest.mark.parametrize(
    "fill",
    [
        '    if name == "x":\n        network = "appvnet"',
        '    if name == "x":\n        network = "appvnet"\n    elif name == "y":\n        network = "hub"',
        '    if network is not None:\n        pass\n    else:\n        if name == "x":\n            network = "a"',
    ],
)
def test_a_network_set_on_one_branch_only_may_still_be_none(tmp_path, monkeypatch, fill):
    findings = _findings(tmp_path, monkeypatch, fill)
    create = (
        SCRIPT.replace("{fill}", fill)
        .splitlines()
        .index("    sms.create_virtual_machine_deployment(service_name=name, deployment_name=name,")
        + 1
    )
    assert where(findings) == [f"MIG105 vm.py:{create}:9"]
    assert "may be in no virtual network: on one path of the script this call creates it in none" in (
        findings[0].message
    )


@pytest.mark.parametrize(
    "fill",
    [
        '    if network is None:\n        network = "appvnet"',
        '    if network == None:\n        network = "appvnet"',
        '    if not network:\n        network = "appvnet"',
        '    if network is None or name == "x":\n        network = "appvnet"',
        '    if network:\n        pass\n    else:\n        network = "appvnet"',
        '    if network is not None:\n        pass\n    elif name == "x":\n        network = "a"\n'
        '    else:\n        network = "b"',
    ],
)
def test_a_network_set_wherever_it_is_none_is_never_none(tmp_path, monkeypatch, fill):
    assert _findings(tmp_path, monkeypatch, fill) == []
