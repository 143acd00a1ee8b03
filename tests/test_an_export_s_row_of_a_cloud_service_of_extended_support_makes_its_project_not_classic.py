"""An inventory export's row of type `Microsoft.Compute/cloudServices` (Resource Graph, `az resource list`,
`Get-AzResource`) shows a cloud service deployed as Cloud Services (extended support), as a template's
resource of that type does. Such a row was passed over (an export of those rows alone was not even read as
an export), so the project of that name in the repository stayed a classic cloud service: MIG101 said, as an
error, that its web role cannot migrate. It is now the project of a service of extended support (MIG101 as a
warning of its retirement), and a row whose project is not among the files checked is said to retire where
the export lists it."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Standard_D1_v2" />
</ServiceDefinition>
"""
ID = "/subscriptions/s1/resourceGroups/shop-rg/providers/Microsoft.Compute/cloudServices/shop"
GRAPH_ROW = {
    "id": ID,
    "name": "shop",
    "type": "microsoft.compute/cloudservices",
    "location": "eastus",
    "resourceGroup": "shop-rg",
    "subscriptionId": "s1",
    "properties": {
        "roleProfile": {"roles": [{"name": "Web", "sku": {"name": "Standard_D1_v2", "capacity": 2}}]}
    },
}
RESOURCE_LIST_ROW = {"id": ID, "name": "shop", "type": "Microsoft.Compute/cloudServices", "properties": None}
GET_AZRESOURCE_ROW = {
    "Name": "shop",
    "ResourceGroupName": "shop-rg",
    "ResourceType": "Microsoft.Compute/cloudServices",
    "ResourceId": ID,
    "Properties": {"roleProfile": {"roles": [{"name": "Web"}]}},
}
GRAPH_PAGE = {"count": 1, "data": [GRAPH_ROW], "skip_token": None, "total_records": 1}


def _said(found) -> list[tuple[str, str]]:
    return [(w, f.severity.name.lower()) for w, f in zip(where(found), found, strict=True)]


@pytest.mark.parametrize("export", [GRAPH_PAGE, [RESOURCE_LIST_ROW], [GET_AZRESOURCE_ROW]])
def test_the_project_an_export_lists_as_extended_support_is_not_classic(tmp_path, monkeypatch, export):
    files = {
        "src/shop/ServiceDefinition.csdef": CSDEF.format(name="shop"),
        "src/billing/ServiceDefinition.csdef": CSDEF.format(name="billing"),
        "inventory/resources.json": json.dumps(export, indent=2),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    assert _said(found) == [
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "error"),
        ("MIG101 src/shop/ServiceDefinition.csdef:3:3", "warning"),
    ]
    assert "(inventory/resources.json:" in found[1].message
    assert "lists it as a Microsoft.Compute/cloudServices resource" in found[1].message
    assert "'shop' is deployed as Cloud Services (extended support)" in found[1].message


def test_a_row_whose_project_is_not_checked_is_said_to_retire_where_listed(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"resources.json": json.dumps(GRAPH_PAGE, indent=2)}).findings
    assert _said(found) == [("MIG101 resources.json:4:5", "warning")]
    assert found[0].message.startswith("cloud service 'shop' runs on Cloud Services (extended support)")
    assert "retires on 2027-03-31" in found[0].message
