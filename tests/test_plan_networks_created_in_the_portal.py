"""A classic network created in the Azure portal is known to the classic API, and so to every migration
command, as `Group <resource group> <name>` (errors page: "The actual Virtual Network name follows the
pattern 'Group * <VNET name>'"): the plan's commands take that name, whether the files define the network by
it or an inventory export names it by its id, and what the files place in it by its portal name moves with it."""

from __future__ import annotations

import json

SUB = "11111111-1111-1111-1111-111111111111"


def _network_row(group: str) -> str:
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/{group}/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1",
        "name": "vnet1",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "location": "westeurope",
        "resourceGroup": group,
        "subscriptionId": SUB,
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
            "subnets": [{"name": "Sub1", "addressPrefix": "10.0.0.0/24"}],
            "status": "Created",
        },
    }
    return json.dumps({"count": 1, "data": [row], "skip_token": None, "total_records": 1})


NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Group rg1 vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Sub1"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

SCRIPT = """\
$a = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://acct1.blob.core.windows.net/vhds/vm1.vhd' |
  Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p' | Set-AzureSubnet -SubnetNames 'Sub1'
New-AzureVM -ServiceName 'svc1' -VMs $a -VNetName 'vnet1' -Location 'West Europe'
"""


def _steps(plan) -> dict:
    return {step.id: step for step in plan.steps}


def test_an_exported_network_of_a_group_of_its_own_is_moved_by_its_classic_name(plan_of):
    plan = plan_of({"classic.json": _network_row("rg1")})
    [step] = plan.steps
    assert step.name == "Group rg1 vnet1"
    assert step.moves == ("virtual network 'Group rg1 vnet1' (1 subnet)",)
    assert step.powershell.validate[0] == (
        "(Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'Group rg1 vnet1').ValidationMessages"
    )
    assert step.cli.prepare == ("azure network vnet prepare-migration 'Group rg1 vnet1'",)
    # The documents give no name to what it becomes: nothing is made up.
    assert not any("-Migrated" in line or "'vnet1'" in line for line in step.becomes)
    assert "-Migrated" not in " ".join(step.powershell.check)
    assert any("created in the Azure portal" in note for note in step.notes)


def test_an_exported_network_of_the_classic_group_keeps_its_name(plan_of):
    plan = plan_of({"classic.json": _network_row("Default-Networking")})
    [step] = plan.steps
    assert step.powershell.validate[0] == (
        "(Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'vnet1').ValidationMessages"
    )
    assert step.becomes == ("virtual network 'vnet1' in resource group 'vnet1-Migrated'",)


def test_an_exported_portal_network_with_the_vms_a_script_places_in_it(plan_of):
    plan = plan_of({"classic.json": _network_row("rg1"), "deploy.ps1": SCRIPT})
    steps = _steps(plan)
    network = steps["network:vnet1"]
    assert network.name == "Group rg1 vnet1"
    assert [member.vms for member in network.members] == [("vm1",)]
    assert "-VirtualNetworkName 'Group rg1 vnet1'" in network.powershell.prepare[0]


def test_a_service_placed_by_the_portal_name_moves_with_the_network_the_files_define(plan_of):
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "deploy.ps1": SCRIPT})
    steps = _steps(plan)
    assert "network:vnet1" not in steps
    network = steps["network:Group rg1 vnet1"]
    assert [member.vms for member in network.members] == [("vm1",)]
    assert "moves: cloud service 'svc1': VMs vm1" in [f"moves: {m}" for m in network.moves]
    assert any(note.startswith("The files place cloud service 'svc1' in 'vnet1'") for note in network.notes)
    # MIG003, which says the script's name is the portal one, is said on the step that moves the service.
    assert [n.finding.code for n in network.notes if hasattr(n, "finding")] == ["MIG003"]
    assert not any("No file checked here defines" in note for note in network.notes)
    # Its disk's storage account waits for the step that moves the VM.
    assert steps["storage:acct1"].after == ("network:Group rg1 vnet1",)


def test_a_network_an_export_files_in_the_classic_group_is_not_the_portal_one(plan_of):
    """The export's id says the network of that name is in Default-Networking: another network."""
    row = _network_row("Default-Networking")
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "classic.json": row, "deploy.ps1": SCRIPT})
    steps = _steps(plan)
    assert [member.vms for member in steps["network:vnet1"].members] == [("vm1",)]
    assert steps["network:Group rg1 vnet1"].members == ()
