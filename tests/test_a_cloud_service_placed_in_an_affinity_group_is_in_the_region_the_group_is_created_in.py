"""A cloud service a script places in an affinity group (`New-AzureVM -AffinityGroup`, `azure vm create
--affinity-group`, `azure service create --affinitygroup`, `create_hosted_service(affinity_group=...)`) is in
the region the script creates that group in (`New-AzureAffinityGroup -Location`, `azure account affinity-group
create --location`, `create_affinity_group(name, label, location)`). The plan names that region in step 0's
quotas and in the command that reserves the service's VIP, where it said `<region>`; a group the files do not
create, or create in two regions, still leaves the region to fill in."""

from __future__ import annotations

from lint_support import quota_regions, reserve_step

POWERSHELL = """\
New-AzureAffinityGroup -Name 'shop-group' -Location 'East US'
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password 'Passw0rd!'
New-AzureVM -ServiceName shop -VMs $vm -AffinityGroup 'shop-group'
"""
CLI = """\
azure account affinity-group create shop-group --location "East US"
azure vm create shop img ops Passw0rd! -n web1 --affinity-group shop-group
"""
CLI_SERVICE = """\
azure account affinity-group create shop-group -l "East US"
azure service create shop --affinitygroup shop-group
azure vm create -n web1 -c shop img ops Passw0rd!
"""
PYTHON = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService('sub', 'cert.pem')
sms.create_affinity_group('shop-group', 'shop group', 'East US')
sms.create_hosted_service('shop', 'shop', affinity_group='shop-group')
sms.create_virtual_machine_deployment('shop', 'web', 'production', 'web', 'web1', None, None)
"""
EAST_US = ["Get-AzVMUsage -Location 'eastus'; Get-AzNetworkUsage -Location 'eastus'"]
RESERVE = "New-AzureReservedIP -ReservedIPName '<name>' -Location 'East US' -ServiceName 'shop'"


def test_a_powershell_vm_s_service_in_a_group_the_script_creates_is_in_the_group_s_region(plan_of):
    plan = plan_of({"make.ps1": POWERSHELL})
    assert quota_regions(plan) == EAST_US
    assert RESERVE in reserve_step(plan)
    # A group the files do not create, or create in two regions, leaves the region to fill in.
    for script in (
        POWERSHELL.split("\n", 1)[1],
        "New-AzureAffinityGroup shop-group -Location 'West US'\n" + POWERSHELL,
    ):
        assert "-Location '<region>' -ServiceName 'shop'" in reserve_step(plan_of({"make.ps1": script}))


def test_a_classic_cli_service_in_a_group_the_script_creates_is_in_the_group_s_region(plan_of):
    for script in (CLI, CLI_SERVICE):
        plan = plan_of({"make.sh": script})
        assert quota_regions(plan) == EAST_US
        assert RESERVE in reserve_step(plan)


def test_a_python_service_in_a_group_the_script_creates_is_in_the_group_s_region(plan_of):
    assert quota_regions(plan_of({"make.py": PYTHON})) == EAST_US


def test_the_group_may_be_created_by_another_file(plan_of):
    plan = plan_of(
        {
            "group.ps1": "New-AzureAffinityGroup -Name 'shop-group' -Location 'East US'\n",
            "make.ps1": POWERSHELL.split("\n", 1)[1],
        }
    )
    assert quota_regions(plan) == EAST_US
