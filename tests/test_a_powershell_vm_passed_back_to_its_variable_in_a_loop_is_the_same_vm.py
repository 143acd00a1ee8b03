"""A cmdlet that takes a VM configuration and passes it on (Add-AzureDataDisk, Add-AzureEndpoint,
Set-AzureSubnet, …) gives back the very object it was given. A loop that assigns it back to the variable that
held it (`$vm = $vm | Add-AzureDataDisk …`, `$vm = Add-AzureEndpoint -VM $vm …`) leaves the variable holding
that VM, as before the loop. The reader read such a variable as unknown after the loop, so a subnet set on
it afterwards was lost to the VM, which MIG203 said had none."""

from __future__ import annotations

import pytest
from lint_support import lint_files

LOOPS = {
    "for": "for ($lun = 0; $lun -lt $disks; $lun++) {\n    {body}\n}",
    "foreach": "foreach ($lun in 1..$disks) {\n    {body}\n}",
    "while": "$lun = 0\nwhile ($lun -lt $disks) {\n    {body}\n    $lun++\n}",
}
BODIES = [
    "$vm = $vm | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel data -LUN $lun",
    "$vm = Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel data -LUN $lun -VM $vm",
    "$vm = Add-AzureEndpoint -Name ep$lun -Protocol tcp -LocalPort 80 -PublicPort 80 -VM $vm | Set-AzureVMBGInfoExtension",
]
SCRIPT = """\
param([int]$disks)
$vm = New-AzureVMConfig -Name app1 -InstanceSize Small -ImageName img
$ready = Add-AzureProvisioningConfig -Linux -LinuxUser ops -Password pw -VM $vm
{loop}
Set-AzureSubnet app -VM $vm
New-AzureVM -ServiceName shop -VMs $ready -AffinityGroup ag -VNetName appnet
"""


def _subnet_findings(tmp_path, monkeypatch, loop: str, body: str) -> list[str]:
    script = SCRIPT.replace("{loop}", LOOPS[loop].replace("{body}", body))
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG203")
    return [f.message for f in result.findings]


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("loop", sorted(LOOPS))
def test_a_subnet_set_after_the_loop_is_the_vm_s(tmp_path, monkeypatch, loop: str, body: str) -> None:
    assert _subnet_findings(tmp_path, monkeypatch, loop, body) == []
