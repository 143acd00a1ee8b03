"""A PowerShell script that builds a VM's disk address with the `-f` operator from a storage account name it
does not state (`"https://{0}.blob.core.windows.net/vhds/{1}.vhd" -f $StorageName, $ServiceName`) puts the
disk in the account that value names, as a double-quoted string (`"https://$StorageName.blob..."`) does: the
account the script creates under it holds the disk, where the plan said it held none."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

SCRIPT = """\
param($ServiceName, $StorageName)
New-AzureStorageAccount -StorageAccountName $StorageName -Location "West Europe"
$media = {address}
$vm = New-AzureVMConfig -Name app1 -InstanceSize Small -ImageName img -MediaLocation $media
New-AzureVM -ServiceName $ServiceName -VMs $vm -Location "West Europe"
"""

ADDRESSES = {
    "the format operator": '"https://{0}.blob.core.windows.net/vhds/{1}.vhd" -f $StorageName, $ServiceName',
    "a double-quoted string": '"https://$StorageName.blob.core.windows.net/vhds/$ServiceName.vhd"',
}


@pytest.mark.parametrize("how", sorted(ADDRESSES))
def test_the_created_account_holds_the_disk(tmp_path, monkeypatch, capsys, how) -> None:
    (tmp_path / "deploy.ps1").write_text(SCRIPT.replace("{address}", ADDRESSES[how]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    moves = [move for s in steps if s["kind"] == "storage" for move in s["moves"]]
    assert moves == ["storage account '<storage account name, deploy.ps1:2:45>' (1 disk)"]
