<#
  Moves contoso-prod-vnet and the storage account of its jump hosts to Resource Manager (change NET-412).
  Run from an operator's machine with the classic Azure module.
#>
Import-Module Azure
Add-AzureAccount
Select-AzureSubscription -SubscriptionName "Contoso Production"

$account = "contosojumpstd"
$network = "contoso-prod-vnet"

# The jump hosts' disks live here.
Move-AzureStorageAccount -Validate -StorageAccountName $account
Move-AzureStorageAccount -Prepare -StorageAccountName $account
Move-AzureStorageAccount -Commit -StorageAccountName $account

Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $network
Move-AzureVirtualNetwork -Commit -VirtualNetworkName $network
