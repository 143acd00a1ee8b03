"""A variable an `if` and its `else` give different values the script does not state (the name a caller
passes on one path, the one picked from a list on the other) holds one of them whichever path ran: the
VM New-AzureVM creates in the service it names and the VM Get-AzureVM then reads from that service
(to add disks or an extension) are one VM of one cloud service, not two in two."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
param([string]$NewName, [string]$VNetName, [string]$vmName, [string]$confirm)
if ($confirm -eq 'yes') {
    New-AzureService -ServiceName $NewName -Location 'North Europe'
    $picked = $NewName
} else {
    $picked = (Get-AzureService).ServiceName | Out-GridView -PassThru
}
$servicename = $picked
$cfg = New-AzureVMConfig -Name $vmName -InstanceSize Small -ImageName img
$cfg | Set-AzureSubnet -SubnetNames web | New-AzureVM -ServiceName $serviceName -VNetName $VNetName
if ($disks) {
    $vm = Get-AzureVM -ServiceName {read} -Name $vmName
    $vm | Add-AzureDataDisk -CreateNew -DiskSizeInGB 100 -DiskLabel data -LUN 0 | Update-AzureVM
}
"""


def _deployments(read: str) -> list[Deployment]:
    document = read_document("new-vm.ps1", SCRIPT.replace("{read}", read).encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


def test_the_vm_created_and_the_vm_read_are_in_one_service():
    (deployment,) = _deployments("$servicename")
    assert len(deployment.roles) == 1
    assert deployment.virtual_network is not None


def test_another_variable_names_another_service():
    assert len(_deployments("$OtherService")) == 2
