"""A script that creates a storage account, a reserved IP, a cloud service or a VM under a name it builds of
a value it does not state (`"${prefix}store"`, `$prefix = $args[0]`; `"${PREFIX}store"`; `prefix + "store"`)
and then surely removes it by that very name, built alike, removes what it created: no plan step is left
for it, in PowerShell, the classic CLI and Python alike, as a name written out or a value passed whole
(`param($Name)`) would. A removal by a name built otherwise (`"${prefix}old"`) removes nothing it created."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

PY = """\
import sys
from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
prefix = sys.argv[1]
disk = OSVirtualHardDisk(media_link="https://shopdisks.blob.core.windows.net/vhds/web1.vhd", source_image_name="img")
"""
PS_VM = (
    "New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img -MediaLocation "
    '"https://shopdisks.blob.core.windows.net/vhds/{blob}.vhd" | New-AzureVM -ServiceName {svc} -Location "West US"\n'
)

# What each script creates (under "{new}"), then removes (under "{gone}"), with the names built in its format,
# and the stand-in the plan moves for it when it stays.
CREATED_THEN_REMOVED = {
    "powershell storage account": (
        "deploy.ps1",
        '$prefix = $args[0]\nNew-AzureStorageAccount -StorageAccountName "${{prefix}}{new}" -Location "West US"\n'
        'Remove-AzureStorageAccount -StorageAccountName "${{prefix}}{gone}"\n',
        "<storage account name, deploy.ps1:2:45>",
    ),
    "powershell storage account built with +": (
        "deploy.ps1",
        '$prefix = $args[0]\nNew-AzureStorageAccount -StorageAccountName ($prefix + "{new}") -Location "West US"\n'
        'Remove-AzureStorageAccount -StorageAccountName ($prefix + "{gone}")\n',
        "<storage account name, deploy.ps1:2:45>",
    ),
    "powershell reserved IP": (
        "deploy.ps1",
        '$prefix = $args[0]\nNew-AzureReservedIP -ReservedIPName "${{prefix}}{new}" -Location "West US"\n'
        'Remove-AzureReservedIP -ReservedIPName "${{prefix}}{gone}" -Force\n',
        "<reserved IP name, deploy.ps1:2>",
    ),
    "powershell VM": (
        "deploy.ps1",
        "$prefix = $args[0]\n"
        + PS_VM.format(vm='"${{prefix}}{new}"', blob="web1", svc='"shop"')
        + PS_VM.format(vm='"web2"', blob="web2", svc='"shop"')
        + 'Remove-AzureVM -ServiceName "shop" -Name "${{prefix}}{gone}"\n',
        "<VM name, deploy.ps1:2>",
    ),
    "classic cli storage account": (
        "deploy.sh",
        'PREFIX=$1\nazure storage account create "${{PREFIX}}{new}" -l "West US" --type LRS\n'
        'azure storage account delete "${{PREFIX}}{gone}" -q\n',
        "<storage account name, deploy.sh:2:30>",
    ),
    "classic cli cloud service": (
        "deploy.sh",
        'PREFIX=$1\nazure vm create "${{PREFIX}}{new}" img -n web1 '
        "-u https://shopdisks.blob.core.windows.net/vhds/web1.vhd user 'P@ss'\n"
        'azure service delete "${{PREFIX}}{gone}" -q\n',
        "<cloud service name, deploy.sh:2>",
    ),
    "python VM": (
        "deploy.py",
        PY + 'sms.create_virtual_machine_deployment("shop", "shop", "production", "l", "web2", None, disk)\n'
        'sms.add_role("shop", "shop", prefix + "{new}", None, OSVirtualHardDisk('
        'media_link="https://shopdisks.blob.core.windows.net/vhds/web3.vhd", source_image_name="img"))\n'
        'sms.delete_role("shop", "shop", prefix + "{gone}")\n',
        "<VM name, deploy.py:7>",
    ),
}


def _moves(tmp_path, monkeypatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    return " ".join(move for sub in build_plan(result).subscriptions for s in sub.steps for move in s.moves)


@pytest.mark.parametrize("case", CREATED_THEN_REMOVED, ids=CREATED_THEN_REMOVED.keys())
def test_what_is_removed_by_the_name_built_alike_is_gone(tmp_path, monkeypatch, case):
    name, script, stand_in = CREATED_THEN_REMOVED[case]
    (tmp_path / "same").mkdir()
    (tmp_path / "other").mkdir()
    removed = _moves(tmp_path / "same", monkeypatch, name, script.format(new="made", gone="made"))
    kept = _moves(tmp_path / "other", monkeypatch, name, script.format(new="made", gone="old"))
    assert stand_in in kept
    assert stand_in not in removed
