"""A classic CLI `azure vm create -l` that adds a VM to a cloud service a command placed before (`azure
service create --location`, or the `vm create` that made it) does not move the service: the CLI sets the
location aside. Nor does a Terraform `azure_instance`'s `location` with a `hosted_service_name`: the provider
creates no service then, and its documentation gives the argument as where the cloud service is created. Nor does
a PowerShell New-AzureQuickVM or New-AzureVM -Location: the module refuses the call for a service that exists
elsewhere, which creates no VM (the VM a later call without it adds is in the service's region). The plan checked the quotas of that region too, and, the service having two regions, left the reserved IP that
keeps its VIP without one; it now takes the service's own region."""

from __future__ import annotations

from lint_support import quota_regions, reserve_step

SCRIPT = """\
azure service create shop --location "North Europe"
azure vm create -n web1 -c shop img ops Passw0rd! -l "West US"
"""
TERRAFORM = """\
resource "azure_hosted_service" "shop" {
  name     = "shop"
  location = "North Europe"
}

resource "azure_instance" "web" {
  name                 = "web1"
  hosted_service_name  = azure_hosted_service.shop.name
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "West US"
  username             = "ops"
  storage_service_name = "shopdisks"
}
"""


def test_a_script_s_vm_in_a_service_it_created_elsewhere_leaves_the_service_where_it_is(plan_of):
    plan = plan_of({"make.sh": SCRIPT})
    assert quota_regions(plan) == [
        "Get-AzVMUsage -Location 'northeurope'; Get-AzNetworkUsage -Location 'northeurope'"
    ]
    assert (
        "New-AzureReservedIP -ReservedIPName '<name>' -Location 'North Europe' -ServiceName 'shop'"
        in reserve_step(plan)
    )


def test_a_second_vm_s_location_is_set_aside_as_the_first_placed_the_service(plan_of):
    plan = plan_of(
        {
            "make.sh": 'azure vm create shop img ops Passw0rd! -n web1 -l "North Europe"\n'
            'azure vm create -n web2 -c shop img ops Passw0rd! -l "West US"\n'
        }
    )
    assert quota_regions(plan) == [
        "Get-AzVMUsage -Location 'northeurope'; Get-AzNetworkUsage -Location 'northeurope'"
    ]


def test_a_terraform_instance_in_a_hosted_service_of_the_module_is_in_that_service_s_region(plan_of):
    plan = plan_of({"main.tf": TERRAFORM})
    assert quota_regions(plan) == [
        "Get-AzVMUsage -Location 'northeurope'; Get-AzNetworkUsage -Location 'northeurope'"
    ]
    assert "-Location 'North Europe' -ServiceName 'shop'" in reserve_step(plan)


def test_a_terraform_instance_in_a_hosted_service_the_module_does_not_declare_gives_no_region(plan_of):
    joined = TERRAFORM.split("\n\n", 1)[1].replace("azure_hosted_service.shop.name", '"shop"')
    plan = plan_of({"main.tf": joined})
    assert quota_regions(plan) == [
        "Get-AzVMUsage -Location '<region>'; Get-AzNetworkUsage -Location '<region>'"
    ]
    assert "-Location '<region>' -ServiceName 'shop'" in reserve_step(plan)


def test_a_powershell_vm_s_location_is_refused_and_leaves_a_service_the_script_created_where_it_is(plan_of):
    script = """\
New-AzureService -ServiceName shop -Location "North Europe"
New-AzureQuickVM -Linux -ServiceName shop -Name web1 -ImageName img -LinuxUser ops -Password p -Location "West US"
New-AzureQuickVM -Linux -ServiceName shop -Name web2 -ImageName img -LinuxUser ops -Password p
"""
    plan = plan_of({"make.ps1": script})
    assert quota_regions(plan) == [
        "Get-AzVMUsage -Location 'northeurope'; Get-AzNetworkUsage -Location 'northeurope'"
    ]
    assert "-Location 'North Europe' -ServiceName 'shop'" in reserve_step(plan)
