"""MIG106: a `Get-AzureDeployment | ConvertTo-Json` export names the deployment's reserved IP but not its
roles' kinds or endpoints; beside a `Get-AzureVM` export of the same deployment, which lists every input
endpoint of its VMs, the reserved IP of a deployment with none is reported, whichever file is read first,
and not when a VM has one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

DEPLOYMENT = json.dumps(
    {
        "ServiceName": "app",
        "Slot": "Production",
        "DeploymentName": "app",
        "VNetName": "prod-vnet",
        "ReservedIPName": "app-rip",
        "SdkVersion": "",
        "RoleInstanceList": [{"RoleName": "app01", "InstanceName": "app01", "InstanceStatus": "ReadyRole"}],
        "OperationDescription": "Get-AzureDeployment",
    }
)


def _vms(endpoints: list[dict]) -> str:
    network = {
        "ConfigurationSetType": "NetworkConfiguration",
        "SubnetNames": ["web"],
        "InputEndpoints": endpoints,
    }
    vm = {
        "ServiceName": "app",
        "DeploymentName": "app",
        "Name": "app01",
        "InstanceStatus": "ReadyRole",
        "VirtualNetworkName": "prod-vnet",
        "VM": {"RoleName": "app01", "RoleType": "PersistentVMRole", "ConfigurationSets": [network]},
        "OperationDescription": "Get-AzureVM",
    }
    return json.dumps([vm], indent=2)


@pytest.mark.parametrize("deployment", ["deployment.json", "zz-deployment.json"], ids=["first", "last"])
def test_a_reserved_ip_of_a_deployment_whose_vms_have_no_endpoint_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deployment: str
) -> None:
    files = {deployment: DEPLOYMENT, "vms.json": _vms([])}
    result = lint_files(tmp_path, monkeypatch, files, "MIG106")
    assert where(result.findings) == [f"MIG106 {deployment}:1:114"]
    assert "reserved IP 'app-rip' of cloud service 'app'" in result.findings[0].message


def test_a_vm_s_endpoint_carries_the_reserved_ip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    endpoint = {"Name": "web", "Port": 80, "LocalPort": 80, "Protocol": "tcp"}
    files = {"deployment.json": DEPLOYMENT, "vms.json": _vms([endpoint])}
    assert lint_files(tmp_path, monkeypatch, files, "MIG106").findings == []
