"""What a null subnet list of an exported VM says, as the code reads it and docs/inventory.md says it. In a
Resource Graph row, `"subnetNames": null` says nothing: the classic providers publish no schema and the rows
seen hold an array, `[]` for none, so the VM is in its network with its subnets not known and MIG203 is not
about it; `[]` is MIG203, at the empty list. A `Get-AzureVM` object's null `SubnetNames` is empty, since
ConvertTo-Json writes a list that holds nothing as null, and MIG203 points at the null. The manual says both,
and does not count a Resource Graph row's null among the values findings point at."""

from __future__ import annotations

import json

import pytest
from doc_pages import ROOT, section
from lint_support import lint_files, where


def _row(subnets: object) -> str:
    """A Resource Graph export of VM a1 in network vn, with `subnetNames` written as `subnets`."""
    vm = {
        "id": "/subscriptions/8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/resourceGroups/cs1/providers/"
        "Microsoft.ClassicCompute/virtualMachines/a1",
        "name": "a1",
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": {
            "domainName": {"name": "cs1"},
            "hardwareProfile": {"deploymentName": "cs1", "size": "Small", "availabilitySet": ""},
            "networkProfile": {
                "inputEndpoints": [],
                "virtualNetwork": {"name": "vn", "subnetNames": subnets},
            },
        },
    }
    return json.dumps({"count": 1, "data": [vm]}, indent=2)


def _context(subnets: object) -> str:
    """A `Get-AzureVM | ConvertTo-Json` export of VM a1 in network vn, with `SubnetNames` written as `subnets`."""
    network_set = {
        "ConfigurationSetType": "NetworkConfiguration",
        "InputEndpoints": [],
        "SubnetNames": subnets,
    }
    vm = {
        "ServiceName": "cs1",
        "Name": "a1",
        "DeploymentName": "cs1",
        "VirtualNetworkName": "vn",
        "VM": {"RoleName": "a1", "AvailabilitySetName": None, "ConfigurationSets": [network_set]},
    }
    return json.dumps([vm], indent=2)


def _at(text: str, key: str, value: str) -> str:
    """`line:column` of `value` written after `key` in `text`."""
    offset = text.index(value, text.index(f'"{key}"'))
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def test_a_resource_graph_row_s_null_subnet_list_leaves_the_vm_s_subnets_not_known(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"classic.json": _row(None)}, "MIG203", dedent=False)
    assert result.findings == []
    (service,) = result.estate.cloud_services
    (vm,) = service.vms
    assert "subnets" in vm.unknown


@pytest.mark.parametrize(
    ("export", "subnets", "key", "written"),
    [
        pytest.param(_row, [], "subnetNames", "[]", id="resource graph []"),
        pytest.param(_context, [], "SubnetNames", "[]", id="get-azurevm []"),
        pytest.param(_context, None, "SubnetNames", "null", id="get-azurevm null"),
    ],
)
def test_an_empty_subnet_list_is_mig203_at_the_list(tmp_path, monkeypatch, export, subnets, key, written):
    text = export(subnets)
    result = lint_files(tmp_path, monkeypatch, {"vms.json": text}, "MIG203", dedent=False)
    assert where(result.findings) == [f"MIG203 vms.json:{_at(text, key, written)}"]


def test_the_manual_says_which_null_subnet_list_is_empty_and_which_says_nothing():
    pointed = " ".join(section("## Where findings point").split())
    assert "an empty subnet list (`[]`, or a `Get-AzureVM` object's null)" in pointed
    assert "empty or null subnet list" not in pointed
    manual = " ".join((ROOT / "docs" / "inventory.md").read_text(encoding="utf-8").split())
    assert "In a Resource Graph row only `[]` says a VM has no subnet" in manual
    assert "so its null list (`SubnetNames`, `ResourceExtensionStatusList`, ...) is empty" in manual
