"""Characters that `str.isdigit` accepts and `int` refuses (superscripts such as `²`), where a reader
reads a number: a LUN, an index, a count, a format field. They are not numbers; the file is read all the
same, never reported as one migcheck failed to read."""

from __future__ import annotations

from lint_support import lint_files

EXPORT = """\
{"data": [{"id": "/subscriptions/1/resourceGroups/a/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
  "name": "vm1", "type": "microsoft.classiccompute/virtualmachines", "subscriptionId": "1",
  "properties": {"domainName": {"name": "svc"}, "hardwareProfile": {"size": "Small"},
    "networkProfile": {"inputEndpoints": [{"endpointName": "RDP", "privatePort": "²", "publicPort": "²"}]},
    "storageProfile": {"dataDisks": [{"lun": "²", "diskName": "d", "vhdUri": "https://a.blob.core.windows.net/v/d.vhd"}]}}}]}
"""
POWERSHELL = """\
$vms = @("a", "b")
$x = $vms[²]
Get-AzureVM -ServiceName svc -Name vm1 | Remove-AzureDataDisk -LUN ² | Update-AzureVM
New-AzureVMConfig -Name $x -InstanceSize Small -ImageName img |
    Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel d -LUN ² -MediaLocation "https://a.blob.core.windows.net/v/e.vhd" |
    New-AzureVM -ServiceName svc
"""
PYTHON = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('s', 'c')
T = "<PersistentVMRole xmlns='http://schemas.microsoft.com/windowsazure'><RoleName>{²}</RoleName></PersistentVMRole>"
sms.perform_put('/s/services/hostedservices/a/deployments/a/roles/x', T.format('vm'))
sms.delete_data_disk('a', 'a', 'x', '²')
"""


def test_superscript_digits_are_not_numbers_and_break_no_reader(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"classic.json": EXPORT, "a.ps1": POWERSHELL, "b.py": PYTHON}, dedent=False
    )
    assert not [f.message for f in result.findings if "failed to read" in f.message]
    assert {d.path for d in result.documents} == {"classic.json", "a.ps1", "b.py"}
