"""A script creates a cloud service's deployment with a VM in subnet `web` and names no virtual network
(New-AzureVM -Location with Set-AzureSubnet and no -VNetName; `vm create --location --subnet-names`;
`create_virtual_machine_deployment` without `virtual_network_name`), beside a .netcfg whose one network,
`app-vnet`, defines a subnet of that name. The platform refuses that call, so which network the service is in
is not known: its plan step is not decided (never ready), says the call is refused, and leaves the network's
commands to that network's own step rather than repeating them."""

from __future__ import annotations

import json

import pytest
from lint_support import APP_VNET_NETCFG, run_cli

CREATES = {
    "deploy.ps1": """\
$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img" |
  Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password "Passw0rd!" |
  Set-AzureSubnet -SubnetNames "web"
$vm | New-AzureVM -ServiceName "contoso-web" -Location "North Europe"
""",
    "deploy.sh": """\
#!/bin/bash
azure vm create contoso-web img ops 'Passw0rd!' --vm-name web01 --location "North Europe" --subnet-names web
""",
    "deploy.py": """\
from azure.servicemanagement import ConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("web")
disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd")
sms.create_virtual_machine_deployment(
    "contoso-web", "contoso-web", "production", "contoso-web", "web01", None, disk, network_config=net
)
""",
}


def _plan(tmp_path, monkeypatch, capsys, name: str) -> dict:
    (tmp_path / name).write_text(CREATES[name])
    (tmp_path / "network.netcfg").write_text(APP_VNET_NETCFG)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return json.loads(out)["subscriptions"][0]


@pytest.mark.parametrize("name", sorted(CREATES))
def test_the_service_s_step_is_not_decided_and_the_overview_does_not_say_all_ready(
    tmp_path, monkeypatch, capsys, name
):
    plan = _plan(tmp_path, monkeypatch, capsys, name)
    [step] = [s for s in plan["steps"] if s["kind"] == "unknown_network"]
    assert step["ready"] is False
    assert step["network_unknown"] is True
    assert plan["overview"]["not_decided"] == 1
    assert plan["overview"]["start_with"] == ["network:app-vnet"]  # not the service too


@pytest.mark.parametrize("name", sorted(CREATES))
def test_the_service_s_step_says_the_call_is_refused(tmp_path, monkeypatch, capsys, name):
    plan = _plan(tmp_path, monkeypatch, capsys, name)
    [step] = [s for s in plan["steps"] if s["kind"] == "unknown_network"]
    [refused] = [n for n in step["notes"] if "the platform refuses that call" in n]
    assert refused.startswith(f"{name}:")
    assert "names no virtual network" in refused


@pytest.mark.parametrize("name", sorted(CREATES))
def test_the_network_s_commands_are_only_in_the_network_s_step(tmp_path, monkeypatch, capsys, name):
    plan = _plan(tmp_path, monkeypatch, capsys, name)
    [step] = [s for s in plan["steps"] if s["kind"] == "unknown_network"]
    [network] = [s for s in plan["steps"] if s["kind"] == "network"]
    assert network["name"] == "app-vnet" and network["commands"]["powershell"]
    assert step["commands"] == {}
    assert any("'app-vnet' defines it" in n and "its own step" in n for n in step["notes"])
