"""A virtual network bound to an affinity group (a .netcfg's `VirtualNetworkSite AffinityGroup="ag"`, a REST
body's `<AffinityGroup>`, the classic CLI's `network vnet create -a ag`) is in the region the files create
the group in: `New-AzureAffinityGroup -Location`, `azure account affinity-group create --location`,
`create_affinity_group(location=…)`, Terraform's `azure_affinity_group`, a Create Affinity Group body, a
List Affinity Groups response. What asks a network's region gets it, as for a network given by Location:
the plan's quotas of step 0 and the resource group a linked circuit moves into, MIG303's message and fix
(naming where the group is created), and MIG004, which compares the region a REST body states beside the
group with the group's. A group created in two regions leaves the region unknown."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files, quota_regions

from migcheck.plan import StepKind

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="legacy-vnet" AffinityGroup="shop-group">
        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="apps"><AddressPrefix>10.3.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
# Each creates affinity group shop-group in East US, on the line given.
CREATED = {
    "group.ps1": ("New-AzureAffinityGroup -Name 'shop-group' -Location 'East US'\n", 1),
    "group.sh": ('azure account affinity-group create shop-group --location "East US"\n', 1),
    "group.py": (
        "from azure.servicemanagement import ServiceManagementService\n\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.create_affinity_group('shop-group', 'shop group', 'East US')\n",
        4,
    ),
    "group.tf": (
        'provider "azure" {}\n\n'
        'resource "azure_affinity_group" "shop" {\n  name     = "shop-group"\n  location = "East US"\n}\n',
        3,
    ),
    "group.xml": (
        f"<CreateAffinityGroup {REST}>\n  <Name>shop-group</Name>\n  <Label>c2hvcA==</Label>\n"
        "  <Location>East US</Location>\n</CreateAffinityGroup>\n",
        4,
    ),
    "groups.xml": (
        f"<AffinityGroups {REST}>\n  <AffinityGroup>\n    <Name>other</Name>\n    <Location>West US</Location>\n"
        "  </AffinityGroup>\n  <AffinityGroup>\n    <Name>shop-group</Name>\n    <Location>East US</Location>\n"
        "  </AffinityGroup>\n</AffinityGroups>\n",
        8,
    ),
}
EAST_US = ["Get-AzVMUsage -Location 'eastus'; Get-AzNetworkUsage -Location 'eastus'"]
UNKNOWN = ["Get-AzVMUsage -Location '<region>'; Get-AzNetworkUsage -Location '<region>'"]
FIX = 'Make the virtual network regional (Location="East US", its affinity group\'s region'


def _mig303(tmp_path, monkeypatch, files):
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG303", dedent=False).findings
    return finding


@pytest.mark.parametrize("name", CREATED)
def test_a_netcfg_network_is_in_the_region_a_file_creates_its_group_in(tmp_path, monkeypatch, plan_of, name):
    text, line = CREATED[name]
    finding = _mig303(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: text})
    assert finding.message.endswith(f"; the group is in East US (stated at {name}:{line})")
    assert finding.fix.startswith(FIX)
    assert quota_regions(plan_of({})) == EAST_US  # the same files, written by lint_files


def test_a_network_the_classic_cli_makes_in_the_group_is_in_its_region(tmp_path, monkeypatch, plan_of):
    script = (
        'azure account affinity-group create shop-group --location "East US"\n'
        "azure network vnet create legacy-vnet -e 10.3.0.0 -i 16 -a shop-group\n"
    )
    finding = _mig303(tmp_path, monkeypatch, {"make.sh": script})
    assert finding.message.endswith("; the group is in East US (stated at make.sh:1)")
    assert quota_regions(plan_of({})) == EAST_US


def test_a_rest_body_s_network_is_in_the_region_a_script_creates_its_group_in(tmp_path, monkeypatch, plan_of):
    body = (
        f"<VirtualNetworkSites {REST}>\n  <VirtualNetworkSite>\n    <Name>legacy-vnet</Name>\n"
        "    <AffinityGroup>shop-group</AffinityGroup>\n  </VirtualNetworkSite>\n</VirtualNetworkSites>\n"
    )
    files = {"vnets.xml": body, "group.ps1": CREATED["group.ps1"][0]}
    assert _mig303(tmp_path, monkeypatch, files).fix.startswith(FIX)
    assert quota_regions(plan_of({})) == EAST_US


def test_a_group_created_in_two_regions_leaves_the_region_unknown(tmp_path, monkeypatch, plan_of):
    # Created again in the same region, as Resource Manager names it, or where a body leaves it to a
    # template's field: still East US.
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "group.ps1": CREATED["group.ps1"][0],
        "again.sh": "azure account affinity-group create shop-group --location eastus\n",
        "templated.xml": CREATED["group.xml"][0].replace("East US", "{3}"),
    }
    assert _mig303(tmp_path, monkeypatch, files).fix.startswith(FIX)
    files["west.ps1"] = "New-AzureAffinityGroup -Name 'shop-group' -Location 'West US'\n"
    assert _mig303(tmp_path, monkeypatch, files).message.endswith("Resource Manager knows regions only")
    assert quota_regions(plan_of({})) == UNKNOWN


def test_a_rest_body_s_location_beside_the_group_is_compared_with_the_group_s_region(tmp_path, monkeypatch):
    body = (
        f"<VirtualNetworkSites {REST}>\n  <VirtualNetworkSite>\n    <Name>legacy-vnet</Name>\n"
        "    <AffinityGroup>shop-group</AffinityGroup>\n    <Location>West US</Location>\n"
        "    <AddressSpace><AddressPrefixes><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>\n"
        "    <Subnets><Subnet><Name>apps</Name><AddressPrefix>10.3.1.0/24</AddressPrefix></Subnet></Subnets>\n"
        "  </VirtualNetworkSite>\n</VirtualNetworkSites>\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, "vnets.xml": body, "group.ps1": CREATED["group.ps1"][0]}
    [conflict] = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).findings
    assert (
        "location 'West US' / 'East US' (the region of affinity group 'shop-group', stated at group.ps1:1)"
        in (conflict.message)
    )
    # Stated alike, they agree.
    (tmp_path / "vnets.xml").write_text(body.replace("West US", "East US"), encoding="utf-8")
    assert not lint_files(tmp_path, monkeypatch, {}, "MIG004").findings


def test_the_resource_group_a_linked_circuit_moves_into_is_made_in_the_group_s_region(plan_of):
    netcfg = NETCFG.replace(
        "</Subnets>",
        '</Subnets><Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="er-site">'
        '<Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>',
    ).replace(
        "<VirtualNetworkSites>",
        '<LocalNetworkSites><LocalNetworkSite name="er-site"><AddressSpace><AddressPrefix>192.168.0.0/16'
        "</AddressPrefix></AddressSpace></LocalNetworkSite></LocalNetworkSites><VirtualNetworkSites>",
    )
    link = 'New-AzureDedicatedCircuitLink -ServiceKey "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" -VNetName "legacy-vnet"\n'
    files = {"net.netcfg": netcfg, "link.ps1": link, "group.ps1": CREATED["group.ps1"][0]}
    [circuit] = [s for s in plan_of(files).steps if s.kind is StepKind.CIRCUIT]
    assert "New-AzResourceGroup -Name '<resource group>' -Location 'eastus'" in circuit.powershell.prepare


def _exported_group(name: str, location: str) -> dict:
    """An affinity group as `Get-AzureAffinityGroup | ConvertTo-Json` writes it."""
    return {
        "Name": name,
        "Label": name,
        "Description": None,
        "Location": location,
        "HostedServices": [],
        "StorageServices": [],
        "OperationDescription": "Get-AzureAffinityGroup",
        "OperationId": "7c3e0b1a",
        "OperationStatus": "Succeeded",
    }


def test_an_export_of_the_subscription_s_affinity_groups_states_the_region(tmp_path, monkeypatch, plan_of):
    groups = json.dumps(
        [_exported_group("other", "West US"), _exported_group("shop-group", "East US")], indent=2
    )
    finding = _mig303(
        tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "inventory/groups.json": groups}
    )
    line = groups.splitlines().index('    "Location": "East US",') + 1
    assert finding.message.endswith(f"; the group is in East US (stated at inventory/groups.json:{line})")
    assert quota_regions(plan_of({})) == EAST_US


def test_a_cloud_service_an_export_lists_in_a_group_is_in_the_group_s_region(plan_of):
    service = {
        "ServiceName": "shop",
        "Location": None,
        "AffinityGroup": "shop-group",
        "DateCreated": "2015-03-09T15:15:29Z",
        "DateModified": "2015-03-09T15:15:29Z",
        "OperationDescription": "Get-AzureService",
    }
    vm = graph_vm("00000000-0000-0000-0000-000000000001", "shop", "web1")
    files = {
        "inventory/vms.json": graph_page(vm),
        "inventory/services.json": json.dumps([service]),
        "inventory/groups.json": json.dumps(_exported_group("shop-group", "East US")),
    }
    assert quota_regions(plan_of(files)) == EAST_US
