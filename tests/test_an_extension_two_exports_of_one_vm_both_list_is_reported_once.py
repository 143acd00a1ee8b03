"""Two exports of one VM (a Resource Graph row and a `Get-AzureVM` object of it) that both list one of its
extensions describe one extension: MIG204 or MIG206 about it is reported once, at the export read first,
as MIG202 about the VM's two subnets is. An extension only one export lists, or one the exports give
other versions of, is still reported."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SUB = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"
SNAPSHOT = ("Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0")


def _graph(*extensions: tuple[str, str, str]) -> str:
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/websvc/providers/Microsoft.ClassicCompute/virtualMachines/web01",
        "name": "web01",
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": {
            "domainName": {"name": "websvc"},
            "hardwareProfile": {"size": "Small", "deploymentName": "websvc"},
            "networkProfile": {
                "virtualNetwork": {"name": "prod-vnet", "subnetNames": ["FrontEnd", "BackEnd"]}
            },
            "extensions": [{"publisher": p, "extension": n, "version": v} for p, n, v in extensions],
        },
    }
    return json.dumps({"count": 1, "data": [row], "skip_token": None, "total_records": 1}, indent=1)


def _get_azure_vm(*extensions: tuple[str, str, str]) -> str:
    vm = {
        "ServiceName": "websvc",
        "DeploymentName": "websvc",
        "Name": "web01",
        "VirtualNetworkName": "prod-vnet",
        "VM": {
            "RoleName": "web01",
            "RoleType": "PersistentVMRole",
            "ConfigurationSets": [
                {"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": ["FrontEnd", "BackEnd"]}
            ],
            "ResourceExtensionReferences": [
                {"ReferenceName": n, "Publisher": p, "Name": n, "Version": v, "State": "Enable"}
                for p, n, v in extensions
            ],
        },
        "OperationDescription": "Get-AzureVM",
    }
    return json.dumps([vm], indent=1)


def _codes_by_file(tmp_path, monkeypatch, graph: str, vms: str) -> list[str]:
    result = lint_files(
        tmp_path, monkeypatch, {"classic.json": graph, "vms.json": vms}, "MIG202", "MIG204", "MIG206"
    )
    return sorted(f.rsplit(":", 2)[0] for f in where(result.findings))


def test_an_extension_both_exports_list_is_reported_once_as_the_vm_s_subnets_are(tmp_path, monkeypatch):
    bginfo = ("Microsoft.Compute", "BGInfo", "1.*")
    found = _codes_by_file(tmp_path, monkeypatch, _graph(SNAPSHOT, bginfo), _get_azure_vm(SNAPSHOT, bginfo))
    assert found == ["MIG202 classic.json", "MIG204 classic.json", "MIG206 classic.json"]


def test_an_extension_one_export_lists_is_reported_at_it(tmp_path, monkeypatch):
    found = _codes_by_file(tmp_path, monkeypatch, _graph(), _get_azure_vm(SNAPSHOT))
    assert found == ["MIG202 classic.json", "MIG206 vms.json"]


def test_other_versions_of_an_extension_are_each_reported(tmp_path, monkeypatch):
    found = _codes_by_file(
        tmp_path,
        monkeypatch,
        _graph(("Microsoft.Compute", "BGInfo", "1.0")),
        _get_azure_vm(("Microsoft.Compute", "BGInfo", "1.*")),
    )
    assert found == ["MIG202 classic.json", "MIG204 classic.json", "MIG204 vms.json"]
