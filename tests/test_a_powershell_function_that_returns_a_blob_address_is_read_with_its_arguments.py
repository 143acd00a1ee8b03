"""A PowerShell function of the script that returns a blob's address or a VM's name built from its parameters
(`function Get-BlobUrl($Account, $Name, $Container = 'vhds') { return "https://$Account.blob..." }`) is read
with the call's arguments bound, by position, by name or by default: VMs whose blobs it builds on one value
the script does not state are in one stand-in storage account, one it is given stated is in that account,
and a name it builds is the stated name, as the Python and shell readers read their helpers. Another value
names another account."""

from __future__ import annotations

import json

from lint_support import run_cli

SCRIPT = """\
function Get-BlobUrl($Account, $Name, $Container = 'vhds') {
    return "https://$Account.blob.core.windows.net/$Container/$Name.vhd"
}
function Get-VmName($Number) {
    return "web-$Number"
}
$account = $env:VHD_ACCOUNT
New-AzureVMConfig -Name (Get-VmName 1) -InstanceSize Small -ImageName 'img' -MediaLocation (Get-BlobUrl $account 'vm1') | Add-AzureProvisioningConfig -Linux -LinuxUser u -Password p | New-AzureVM -ServiceName 'svc1'
New-AzureVMConfig -Name (Get-VmName 2) -InstanceSize Small -ImageName 'img' -MediaLocation (Get-BlobUrl -Name 'vm2' -Account $account) | Add-AzureProvisioningConfig -Linux -LinuxUser u -Password p | New-AzureVM -ServiceName 'svc2'
New-AzureVMConfig -Name 'vm3' -InstanceSize Small -ImageName 'img' -MediaLocation (Get-BlobUrl $args[0] 'vm3') | Add-AzureProvisioningConfig -Linux -LinuxUser u -Password p | New-AzureVM -ServiceName 'svc3'
New-AzureVMConfig -Name 'vm4' -InstanceSize Small -ImageName 'img' -MediaLocation (Get-BlobUrl 'prodvhds' 'vm4') | Add-AzureProvisioningConfig -Linux -LinuxUser u -Password p | New-AzureVM -ServiceName 'svc4'
"""


def test_a_powershell_function_returning_a_blob_address_or_a_name_is_read_with_its_arguments(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "deploy.ps1").write_text(SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for sub in json.loads(out)["subscriptions"] for s in sub["steps"]]
    assert sorted(m for s in steps if s["kind"] == "storage" for m in s["moves"]) == [
        "storage account '<storage account name, deploy.ps1:10:83>' (1 disk)",  # vm3, on $args[0]
        "storage account '<storage account name, deploy.ps1:8:92>' (2 disks)",  # vm1 and vm2, on $account
        "storage account 'prodvhds' (1 disk)",
    ]
    services = [
        m for s in steps if s["kind"] != "storage" for m in s["moves"] if m.startswith("cloud service")
    ]
    assert "cloud service 'svc1': VMs web-1" in services
    assert "cloud service 'svc2': VMs web-2" in services
