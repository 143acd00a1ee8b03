"""A script that creates a classic resource through Resource Manager's generic calls, giving a classic type
(`New-AzResource -ResourceType 'Microsoft.ClassicCompute/domainNames'`, `az resource create --resource-type
...`, azure-mgmt-resource's `resources.create_or_update(..., "Microsoft.ClassicCompute", "", "domainNames",
...)`), creates the classic resource, which fails where the classic API's creation does: MIG601 at the
call, naming the Resource Manager type to create instead. It was reported by nothing, and a folder walk
skipped the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

# A cloud service (classic) created through Resource Manager, in each language that can, at line 2.
CREATES = {
    "New-AzResource.ps1": (
        "param($Group)\n"
        "New-AzResource -ResourceType 'Microsoft.ClassicCompute/domainNames' -ResourceName web"
        " -ResourceGroupName $Group -Location westeurope -Force\n"
    ),
    "New-AzureRmResource by id.ps1": (
        "param($Group)\n"
        "New-AzureRmResource -ResourceId '/subscriptions/s/resourceGroups/rg/providers/"
        "Microsoft.ClassicCompute/domainNames/web' -Location westeurope -Force\n"
    ),
    "az.sh": (
        "#!/bin/bash\n"
        "az resource create -g rg -n web --resource-type Microsoft.ClassicCompute/domainNames -p '{}'\n"
    ),
    "az with namespace.sh": (
        "#!/bin/bash\n"
        "az resource create -g rg -n web --namespace Microsoft.ClassicCompute --resource-type domainNames -p '{}'\n"
    ),
    "mgmt.py": (
        "from azure.mgmt.resource import ResourceManagementClient\n"
        'ResourceManagementClient(c, s).resources.begin_create_or_update("rg", "Microsoft.ClassicCompute",'
        ' "", "domainNames", "web", "2016-04-01", {})\n'
    ),
}


@pytest.mark.parametrize("name", CREATES)
def test_creating_a_classic_cloud_service_through_resource_manager_fails_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: CREATES[name]}, "MIG601")
    (finding,) = result.findings
    assert where([finding])[0].startswith(f"MIG601 {name}:2:")
    assert "create classic cloud services" in finding.message
    assert "uses the classic resource types through Resource Manager" in finding.message
    # Not Cloud Services (extended support), Microsoft.Compute/cloudServices, which retires too.
    assert "Microsoft.Compute/virtualMachines behind a Microsoft.Network/loadBalancers" in (finding.fix or "")
    assert "not Cloud Services (extended support), which retires on 2027-03-31" in (finding.fix or "")


@pytest.mark.parametrize("name", CREATES)
def test_a_resource_manager_type_is_no_classic_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    text = (
        CREATES[name]
        .replace("Microsoft.ClassicCompute", "Microsoft.Compute")
        .replace("domainNames", "cloudServices")
    )
    assert lint_files(tmp_path, monkeypatch, {name: text}, "MIG601").findings == []


def test_a_classic_reserved_ip_created_so_is_a_classic_call_whose_creation_is_not_said_to_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "New-AzResource -ResourceType 'Microsoft.ClassicNetwork/reservedIps' -ResourceName ip -Force\n"
    (finding,) = lint_files(tmp_path, monkeypatch, {"ip.ps1": text}, "MIG601").findings
    assert "New-AzResource Microsoft.ClassicNetwork/reservedIps" in finding.message
    assert "fail today" not in finding.message
    assert "Microsoft.Network/publicIPAddresses" in (finding.fix or "")
