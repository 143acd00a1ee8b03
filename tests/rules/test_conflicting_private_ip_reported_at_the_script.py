"""MIG306 across files: the address a script asks for, which can still change, is the one reported, not
the VM an export or REST body shows holding it, whichever order the files are read in."""

from __future__ import annotations

import json

import pytest

from tests.lint_support import lint_files, where

ROW = {
    "id": "/subscriptions/0000/resourceGroups/web/providers/Microsoft.ClassicCompute/virtualMachines/web01",
    "name": "web01",
    "type": "microsoft.classiccompute/virtualmachines",
    "location": "westeurope",
    "subscriptionId": "0000",
    "properties": {
        "domainName": {"name": "web", "type": "Microsoft.ClassicCompute/domainNames"},
        "hardwareProfile": {"size": "Small", "deploymentName": "web"},
        "networkProfile": {
            "virtualNetwork": {"name": "prod-vnet", "subnetNames": ["front"], "staticIpAddress": "10.0.1.5"}
        },
        "instanceView": {"status": "ReadyRole", "powerState": "Started"},
    },
}
SCRIPT = """\
$vm = New-AzureVMConfig -Name "api01" -InstanceSize Small -ImageName "img"
$vm | Set-AzureSubnet -SubnetNames "front" | Set-AzureStaticVNetIP -IPAddress "10.0.1.5"
New-AzureVM -ServiceName "api" -VMs $vm -VNetName "prod-vnet" -Location "West Europe"
"""


@pytest.mark.parametrize(("export", "script"), [("a.json", "z.ps1"), ("z.json", "a.ps1")])
def test_the_script_s_address_is_reported(tmp_path, monkeypatch, export, script):
    files = {export: json.dumps({"data": [ROW]}), script: SCRIPT}
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG306").findings
    assert where([found]) == [f"MIG306 {script}:2:79"]
    assert found.message.startswith(
        "VM 'api01' of cloud service 'api' asks for private IP 10.0.1.5, which VM 'web01'"
    )
