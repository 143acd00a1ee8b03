"""Files of Resource Manager that name what classic files name describe nothing classic. Each case is in the
shape of a repository that holds it: an Automation runbook of AzureRM cmdlets written with an upper-case `RM`
(`Stop-AzureRMVM`, QuaeNocentDocent/azure-automation-scheduled-shutdown-and-startup), a Resource Manager VM
whose OS disk is an unmanaged VHD in a storage account's blob endpoint (dzimchuk/azure-automation), and custom
role definitions whose actions name the classic providers' and Cloud Services (extended support)'s types
(`Microsoft.ClassicCompute/virtualMachines/*`, `Microsoft.Compute/cloudServices/*`), written as a deployment
template, a Bicep file and Terraform's `azurerm_role_definition`. Each has a control beside it: the same file
with one classic call or resource is found, so the silence is about what the file says."""

from __future__ import annotations

import pytest
from lint_support import lint_files

RUNBOOK = """\
[cmdletBinding()]
Param
(
    [Parameter(Mandatory=$true)] [string]$SubscriptionName,
    [Parameter(Mandatory=$false)] $ConnectionName='AzureRunAsConnection',
    [Parameter(Mandatory=$true)] [string] $vmName,
    [Parameter(Mandatory=$true)] [string] $resourceGroupName
)
$servicePrincipalConnection = Get-AutomationConnection -Name $ConnectionName
Add-AzureRmAccount `
    -ServicePrincipal `
    -TenantId $servicePrincipalConnection.TenantId `
    -ApplicationId $servicePrincipalConnection.ApplicationId `
    -CertificateThumbprint $servicePrincipalConnection.CertificateThumbprint
$subscription = Select-AzureRmSubscription -SubscriptionName $SubscriptionName -ErrorAction SilentlyContinue
Stop-AzureRMVM -Name $vmName -ResourceGroupName $resourceGroupName -Force
"""

UNMANAGED_DISK_VM = """\
param([string]$ResourceGroupName, [string]$VMName, [string]$StorageAccountName, [string]$Location)
$storageAccount = Get-AzureRmStorageAccount -ResourceGroupName $ResourceGroupName -Name $StorageAccountName
$osDiskUri = $storageAccount.PrimaryEndpoints.Blob.ToString() + "vhds/" + $VMName + "OsDisk.vhd"
$vm = New-AzureRmVMConfig -VMName $VMName -VMSize Standard_D1
$vm = Set-AzureRmVMSourceImage -VM $vm -PublisherName MicrosoftWindowsServer -Offer WindowsServer `
    -Skus 2016-Datacenter -Version latest
$vm = Set-AzureRmVMOSDisk -VM $vm -Name ($VMName + 'OsDisk') -CreateOption FromImage -VhdUri $osDiskUri
New-AzureRmVM -ResourceGroupName $ResourceGroupName -Location $Location -VM $vm
"""

ROLE_TEMPLATE = """\
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Authorization/roleDefinitions",
      "apiVersion": "2022-04-01",
      "name": "[guid(subscription().id, 'vm-operators')]",
      "properties": {
        "roleName": "VM operators",
        "permissions": [
          {
            "actions": [
              "Microsoft.ClassicCompute/virtualMachines/*",
              "Microsoft.ClassicCompute/domainNames/*",
              "Microsoft.ClassicStorage/storageAccounts/read",
              "Microsoft.ClassicNetwork/virtualNetworks/join/action",
              "Microsoft.Compute/cloudServices/*"
            ]
          }
        ],
        "assignableScopes": ["[subscription().id]"]
      }
    }%s
  ]
}
"""

# A classic VM beside the role definition: the control of ROLE_TEMPLATE.
CLASSIC_VM_RESOURCE = """,
    {
      "type": "Microsoft.ClassicCompute/virtualMachines",
      "apiVersion": "2017-04-01",
      "name": "jump01",
      "location": "westeurope",
      "properties": {}
    }"""

ROLE_BICEP = """\
resource operators 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'vm-operators')
  properties: {
    roleName: 'VM operators'
    permissions: [
      {
        actions: [
          'Microsoft.ClassicCompute/virtualMachines/*'
          'Microsoft.ClassicNetwork/virtualNetworks/*'
          'Microsoft.Compute/cloudServices/*'
        ]
      }
    ]
    assignableScopes: [
      subscription().id
    ]
  }
}
"""

ROLE_TERRAFORM = """\
data "azurerm_subscription" "current" {}

resource "azurerm_role_definition" "idbroker" {
  name  = "custom-idbroker-role"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions = [
      "Microsoft.Compute/virtualMachines/*",
      "Microsoft.Compute/cloudServices/* ",
      "Microsoft.ClassicCompute/virtualMachines/*",
      "Microsoft.ClassicStorage/storageAccounts/*",
    ]
    not_actions = []
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}
"""


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("Runbooks/StopAzureVM.ps1", RUNBOOK),
        ("VirtualMachine/New-VMWithUnmanagedOSDisk.ps1", UNMANAGED_DISK_VM),
        ("roles/operators.json", ROLE_TEMPLATE % ""),
        ("roles/operators.bicep", ROLE_BICEP),
        ("roles/main.tf", ROLE_TERRAFORM),
    ],
)
def test_the_file_is_read_and_describes_nothing_classic(tmp_path, monkeypatch, path, text):
    result = lint_files(tmp_path, monkeypatch, {path: text}, dedent=False)
    assert result.read == 1
    assert not result.findings
    # Read, and not among the files that describe something classic (those the summary counts).
    assert not result.described


def test_a_classic_cmdlet_in_the_runbook_is_found(tmp_path, monkeypatch):
    classic = RUNBOOK.replace(
        "Stop-AzureRMVM -Name $vmName -ResourceGroupName $resourceGroupName -Force",
        "Stop-AzureVM -Name $vmName -ServiceName $resourceGroupName -Force",
    )
    result = lint_files(tmp_path, monkeypatch, {"Runbooks/StopAzureVM.ps1": classic}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG601"]
    assert [d.path for d in result.described] == ["Runbooks/StopAzureVM.ps1"]


def test_a_classic_vm_beside_the_role_definition_is_found(tmp_path, monkeypatch):
    files = {"roles/operators.json": ROLE_TEMPLATE % CLASSIC_VM_RESOURCE}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    # Both at the classic resource's object, the line before its type (lines counted from 1).
    line = (
        (ROLE_TEMPLATE % CLASSIC_VM_RESOURCE)
        .splitlines()
        .index('      "type": "Microsoft.ClassicCompute/virtualMachines",')
    )
    assert {(f.code, f.location.line) for f in result.findings if f.location} == {
        ("MIG105", line),
        ("MIG601", line),
    }
    assert [d.path for d in result.described] == ["roles/operators.json"]
