"""An image (or a registered disk) whose VHD blob a script names in a storage account it does not state
(`Add-AzureVMImage -MediaLocation "https://$sa.blob.core.windows.net/..."`, Python `'https://' + name +
'.blob...'`, shell `-u "https://$SA.blob..."`) is in that value's stand-in account, as a VM's disk named so
is: the account's step says the image is registered on it and must be removed before the account migrates
(MIG402). Reference, vm-migration-deep-dive: a storage account that holds registered classic disks or images
fails to migrate until they are removed."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

POWERSHELL = """\
$sa = "acct" + (Get-Random)
New-AzureStorageAccount -StorageAccountName $sa -Location "West US"
Add-AzureVMImage -ImageName myimg -MediaLocation "https://$sa.blob.core.windows.net/vhds/image.vhd" -OS Linux
"""

POWERSHELL_DISK = """\
$sa = "acct" + (Get-Random)
New-AzureStorageAccount -StorageAccountName $sa -Location "West US"
Add-AzureDisk -DiskName mydisk -MediaLocation "https://$sa.blob.core.windows.net/vhds/data.vhd"
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService(sub, cert)
storage_name = 'acct' + suffix()
sms.create_storage_account(storage_name, 'd', 'l', location='West US')
sms.add_os_image('lbl', 'https://' + storage_name + '.blob.core.windows.net/vhds/image.vhd', 'myimg', 'Linux')
"""

PYTHON_DISK = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService(sub, cert)
storage_name = 'acct' + suffix()
sms.create_storage_account(storage_name, 'd', 'l', location='West US')
sms.add_disk(False, 'lbl', f'https://{storage_name}.blob.core.windows.net/vhds/data.vhd', 'mydisk', 'Linux')
"""

SHELL = """\
azure config mode asm
SA="acct$RANDOM"
azure storage account create "$SA" -l "West US" --type LRS
azure vm image create myimg -u "https://$SA.blob.core.windows.net/vhds/image.vhd" -o linux
"""

SHELL_DISK = """\
azure config mode asm
SA="acct$RANDOM"
azure storage account create "$SA" -l "West US" --type LRS
azure vm disk create mydisk -u "https://$SA.blob.core.windows.net/vhds/data.vhd"
"""


def _storage_steps(tmp_path, monkeypatch, capsys, name: str, script: str) -> list[dict]:
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] == "storage"]


@pytest.mark.parametrize(
    ("name", "script", "account"),
    [
        ("deploy.ps1", POWERSHELL, "<storage account name, deploy.ps1:2:45>"),
        ("deploy.py", PYTHON, "<storage account name, deploy.py:4>"),
        ("deploy.sh", SHELL, "<storage account name, deploy.sh:2:4>"),
    ],
)
def test_an_image_in_an_account_named_by_a_variable_is_registered_on_that_account(
    tmp_path, monkeypatch, capsys, name, script, account
):
    steps = _storage_steps(tmp_path, monkeypatch, capsys, name, script)
    assert [s["name"] for s in steps] == [account]
    assert steps[0]["moves"] == [f"storage account '{account}' (1 image)"]
    assert any("image 'myimg'" in note for note in steps[0]["notes"])


@pytest.mark.parametrize(
    ("name", "script"),
    [("deploy.ps1", POWERSHELL_DISK), ("deploy.py", PYTHON_DISK), ("deploy.sh", SHELL_DISK)],
)
def test_a_disk_registered_in_an_account_named_by_a_variable_is_on_that_account(
    tmp_path, monkeypatch, capsys, name, script
):
    steps = _storage_steps(tmp_path, monkeypatch, capsys, name, script)
    assert len(steps) == 1
    assert steps[0]["moves"] == [f"storage account '{steps[0]['name']}' (1 disk)"]
