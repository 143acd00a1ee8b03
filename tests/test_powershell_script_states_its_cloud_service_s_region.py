"""A PowerShell script that creates a cloud service states its region as a Create Cloud Service body does:
`New-AzureService -ServiceName x -Location 'West Europe'`, and New-AzureVM or New-AzureQuickVM given
`-Location` (which create the service when it does not exist), the location passed by name or position
(`ServiceRegion`). Only a location the script states on every path to the call is one: not a value it does
not state, one it binds differently on two branches, one a branch may leave missing, nor a parameter's
default the caller may replace; a service placed in an affinity group states the group, not a region, and a
storage account's location is no cloud service's. The plan names the region in step 0's quotas and in the command
that reserves the service's VIP."""

from __future__ import annotations

import textwrap

from migcheck.model import ServiceRegion
from migcheck.readers import read_document


def _regions(body: str) -> list[tuple[str, str, int]]:
    return [(r.service, r.location, r.mark.line) for r in _records(body) if not r.affinity_group]


def _groups(body: str) -> list[tuple[str, str, int]]:
    return [(r.service, r.affinity_group, r.mark.line) for r in _records(body) if r.affinity_group]


def _records(body: str) -> list[ServiceRegion]:
    document = read_document("deploy.ps1", textwrap.dedent(body).encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, ServiceRegion)]


def test_a_location_passed_by_name_places_the_service():
    body = """\
    $name = 'ps-test'
    $location = 'North Europe'
    New-AzureService -ServiceName $name -Location $location
    """
    assert _regions(body) == [("ps-test", "North Europe", 3)]


def test_a_location_passed_by_position_places_the_service():
    assert _regions("New-AzureService svc1 'West Europe'\n") == [("svc1", "West Europe", 1)]


def test_a_vm_that_creates_its_service_places_it():
    body = """\
    $vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img
    New-AzureVM -ServiceName svc1 -Location 'East US' -VMs $vm
    New-AzureQuickVM -Windows -ServiceName svc2 -Name vm2 -ImageName img -Password p -Location 'West US'
    """
    assert _regions(body) == [("svc1", "East US", 2), ("svc2", "West US", 3)]


def test_a_location_bound_alike_on_every_path_places_the_service():
    body = """\
    if ($args[0] -eq 'prod') { $where = 'East US' } else { $where = 'East US' }
    New-AzureService -ServiceName svc1 -Location $where
    """
    assert _regions(body) == [("svc1", "East US", 2)]


def test_a_service_created_only_where_it_is_missing_is_placed():
    body = """\
    if (!(Test-AzureName -Service svc1)) {
        New-AzureService -ServiceName svc1 -Location 'Japan East'
    }
    """
    assert _regions(body) == [("svc1", "Japan East", 2)]


def test_a_location_that_differs_by_path_places_it_nowhere():
    body = """\
    if ($args[0] -eq 'prod') { $where = 'East US' } else { $where = 'West US' }
    New-AzureService -ServiceName svc1 -Location $where
    """
    assert _regions(body) == []


def test_a_location_a_branch_may_leave_missing_places_it_nowhere():
    body = """\
    if ($args[0] -eq 'prod') { $where = 'East US' }
    New-AzureService -ServiceName svc1 -Location $where
    """
    assert _regions(body) == []


def test_a_location_the_script_does_not_state_places_it_nowhere():
    assert _regions("New-AzureService -ServiceName svc1 -Location $args[0]\n") == []
    # A default the caller may replace with another region.
    body = """\
    param([string]$Location = 'West US')
    New-AzureService -ServiceName svc1 -Location $Location
    """
    assert _regions(body) == []


def test_a_location_passed_on_some_paths_only_places_it_nowhere():
    body = """\
    $p = @{ ServiceName = 'svc1' }
    if ($args[0]) { $p.Location = 'East US' } else { $p.AffinityGroup = 'group1' }
    New-AzureService @p
    """
    assert _regions(body) == []


def test_an_affinity_group_given_on_some_paths_places_it_nowhere():
    body = """\
    $p = @{ ServiceName = 'svc1'; Location = 'East US' }
    if ($args[0]) { $p.AffinityGroup = 'group1' }
    New-AzureService @p
    """
    assert _regions(body) == []


def test_a_service_in_an_affinity_group_states_the_group_not_a_region():
    assert _regions("New-AzureService -ServiceName svc1 -AffinityGroup group1\n") == []
    assert _groups("New-AzureService -ServiceName svc1 -AffinityGroup group1\n") == [("svc1", "group1", 1)]
    body = """\
    $vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img
    New-AzureVM -ServiceName svc1 -AffinityGroup group1 -VMs $vm
    """
    assert _regions(body) == []
    assert _groups(body) == [("svc1", "group1", 2)]
    # The cmdlet refuses a location given with an affinity group: the call creates nothing.
    both = "New-AzureService -ServiceName svc1 -Location 'West US' -AffinityGroup group1\n"
    assert _records(both) == []


def test_a_vm_added_to_a_service_without_a_location_states_no_region():
    body = """\
    $vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img
    New-AzureVM -ServiceName svc1 -VNetName net1 -VMs $vm
    """
    assert _regions(body) == []


def test_each_call_of_a_function_places_its_own_service():
    body = """\
    function New-Service($name, $region) {
        New-AzureService -ServiceName $name -Location $region
    }
    New-Service web 'Japan East'
    New-Service api 'Japan West'
    """
    assert _regions(body) == [("web", "Japan East", 2), ("api", "Japan West", 2)]


def test_a_service_the_script_does_not_name_still_states_a_region():
    [(service, location, _)] = _regions("New-AzureService -ServiceName $args[0] -Location 'Brazil South'\n")
    assert (service, location) == ("<cloud service name, deploy.ps1:1>", "Brazil South")


def test_a_storage_account_s_location_is_no_cloud_service_s():
    body = "New-AzureStorageAccount -StorageAccountName svc1 -Location 'West US' -Type Standard_LRS\n"
    assert _regions(body) == []


def test_the_plan_names_the_region_of_a_service_the_script_creates(plan_of):
    script = textwrap.dedent(
        """\
        New-AzureService -ServiceName svc1 -Location 'West Europe'
        $vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img |
            Add-AzureProvisioningConfig -Windows -AdminUsername admin1 -Password 'P@ss'
        New-AzureVM -ServiceName svc1 -VMs $vm
        """
    )
    plan = plan_of({"deploy.ps1": script})
    [subscription] = plan.subscriptions
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in (
        subscription.preamble.powershell
    )
    [step] = [s for s in plan.steps if s.name.startswith("svc1/")]
    assert "New-AzureReservedIP -ReservedIPName '<name>' -Location 'West Europe' -ServiceName 'svc1'" in (
        step.downtime
    )
