"""A plan whose only classic storage account is one a script, a Terraform configuration or a publish profile
names (no disk or image of the files in it) is a step of its own, and the plan gives the notice of the
retirement of classic storage accounts with it, as the readiness summary does and as a plan of an account of
disks does."""

from __future__ import annotations

import pytest

from migcheck.plan import RETIREMENTS, StepKind

STORAGE_NOTICE = RETIREMENTS[2]

POWERSHELL = 'New-AzureStorageAccount -StorageAccountName "logs1" -Location "West US"\n'

CLASSIC_CLI = '#!/bin/bash\nazure storage account create --location "West US" logs1\n'

TERRAFORM = """\
provider "azure" {
  publish_settings = "settings"
}

resource "azure_storage_service" "logs" {
  name         = "logs1"
  location     = "West US"
  account_type = "Standard_LRS"
}
"""

PUBLISH_PROFILE = """\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureHostedServiceName>shop</AzureHostedServiceName>
    <AzureStorageAccountName>logs1</AzureStorageAccountName>
  </PropertyGroup>
</Project>
"""


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("make.ps1", POWERSHELL),
        ("make.sh", CLASSIC_CLI),
        ("main.tf", TERRAFORM),
        ("Profiles/shop.azurePubxml", PUBLISH_PROFILE),
    ],
)
def test_the_storage_notice_comes_with_a_step_of_an_account_the_files_only_name(plan_of, path, text):
    plan = plan_of({path: text})
    [step] = [step for step in plan.steps if step.kind is StepKind.STORAGE]
    assert step.name == "logs1"
    assert STORAGE_NOTICE in plan.retirements


def test_a_plan_of_a_virtual_network_alone_still_says_nothing_of_storage(plan_of):
    netcfg = """\
        <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
          <VirtualNetworkConfiguration><VirtualNetworkSites>
            <VirtualNetworkSite name="net1" Location="West US">
              <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
              <Subnets><Subnet name="a"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
            </VirtualNetworkSite>
          </VirtualNetworkSites></VirtualNetworkConfiguration>
        </NetworkConfiguration>
    """
    plan = plan_of({"net.netcfg": netcfg})
    assert STORAGE_NOTICE not in plan.retirements
