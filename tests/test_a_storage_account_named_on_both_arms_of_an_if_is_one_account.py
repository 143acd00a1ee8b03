"""A variable set on both arms of an if/else to values the script does not state (a new account's name on
one, an existing account's on the other) names one storage account after the `if`: whichever arm runs, the
VMs' disks and the images built on it are in the account the variable holds. It is shown by the stand-in of
the account an arm creates, as the shell reader shows it, not as a second account each later use adds to
the plan (Reference, vm-migration-overview: each storage account is a migration scope of its own, so a
phantom account is a step that moves nothing). So does a variable an `if` gives a name the script states
where it held another (`$sa = 'acctdev'; if ($prod) { $sa = 'acctprod' }`, in Python `sa = 'acctdev'`
then `if prod: sa = 'acctprod'`): the one account the script creates after it is one of the two, and holds
the disk named by the same variable. And so, in PowerShell, does a variable an `if` gives a stated name where it
held $null or a value the script does not state (`if ($Prod) { $sa = 'prodstore' }`, in Python `sa =
sys.argv[2]` then `if prod: sa = 'prodstore'`): one account, named 'prodstore' or not, not one the call that
creates it names and another its disks are in, and the VM one OS disk, not one in each."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import Deployment

POWERSHELL = """\
if ($createNew) {
    $sa = "acct" + (Get-Random)
    New-AzureStorageAccount -StorageAccountName $sa -Location "West US"
} else {
    $sa = (Get-AzureStorageAccount)[0].StorageAccountName
}
$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img -MediaLocation "https://$sa.blob.core.windows.net/vhds/vm1.vhd"
New-AzureVM -ServiceName svc1 -Location "West US" -VMs $vm
Add-AzureVMImage -ImageName myimg -MediaLocation "https://$sa.blob.core.windows.net/vhds/image.vhd" -OS Linux
"""

SHELL = """\
azure config mode asm
if [ -n "$NEW" ]; then
  SA="acct$RANDOM"
  azure storage account create "$SA" -l "West US" --type LRS
else
  SA=$(azure storage account list --json | jq -r '.[0].name')
fi
azure vm image create myimg -u "https://$SA.blob.core.windows.net/vhds/image.vhd" -o linux
azure vm create svc1 myimg user Pass123! -l "West US" -u "https://$SA.blob.core.windows.net/vhds/vm1.vhd" -n vm1
"""


PYTHON = """\
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk
sms = ServiceManagementService(sub, cert)
if cond:
    storage_name = 'acct' + suffix()
    sms.create_storage_account(storage_name, 'd', 'l', location='West US')
else:
    storage_name = existing[0].service_name
media_link = 'https://' + storage_name + '.blob.core.windows.net/vhds/a.vhd'
hd = OSVirtualHardDisk('img', media_link)
sms.create_virtual_machine_deployment(service_name='svc1', deployment_name='svc1', deployment_slot='production',
    label='x', role_name='vm1', system_config=cfg, os_virtual_hard_disk=hd, role_size='Small')
sms.add_os_image('lbl', 'https://' + storage_name + '.blob.core.windows.net/vhds/image.vhd', 'myimg', 'Linux')
"""


def _storage_moves(tmp_path, monkeypatch, capsys, name: str, script: str) -> list[list[str]]:
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [s["moves"] for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] == "storage"]


def test_powershell_one_account_holds_the_disk_and_the_image(tmp_path, monkeypatch, capsys):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.ps1", POWERSHELL)
    assert moves == [["storage account '<storage account name, deploy.ps1:3:49>' (1 disk, 1 image)"]]


def test_shell_one_account_holds_the_disk_and_the_image(tmp_path, monkeypatch, capsys):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.sh", SHELL)
    assert moves == [["storage account '<storage account name, deploy.sh:3:6>' (1 disk, 1 image)"]]


def test_powershell_an_arm_that_assigns_a_stated_name_is_joined_too(tmp_path, monkeypatch, capsys):
    # the account the first arm creates, or 'stated': whichever, the one that holds the disk and the image
    script = POWERSHELL.replace("(Get-AzureStorageAccount)[0].StorageAccountName", '"stated"')
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.ps1", script)
    assert moves == [["storage account '<storage account name, deploy.ps1:3:49>' (1 disk, 1 image)"]]


NAMED_ON_ONE_PATH_POWERSHELL = """\
param([switch]$Prod{sa})
if ($Prod) {{ $sa = 'prodstore' }}
New-AzureStorageAccount -StorageAccountName $sa -Location "West US"
$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img -MediaLocation "https://$sa.blob.core.windows.net/vhds/vm1.vhd"
New-AzureVM -ServiceName svc1 -Location "West US" -VMs $vm
"""


@pytest.mark.parametrize("otherwise", ["", ", $sa"], ids=["null-otherwise", "parameter-otherwise"])
def test_powershell_a_name_stated_on_one_path_only_is_one_account_with_the_disk(
    tmp_path, monkeypatch, capsys, otherwise
):
    script = NAMED_ON_ONE_PATH_POWERSHELL.format(sa=otherwise)
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.ps1", script)
    assert moves == [["storage account '<storage account name, deploy.ps1:3:45>' (1 disk)"]]


def test_python_one_account_holds_the_disk_and_the_image(tmp_path, monkeypatch, capsys):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.py", PYTHON)
    assert moves == [["storage account '<storage account name, deploy.py:5>' (1 disk, 1 image)"]]


def test_python_a_name_bound_again_after_the_account_is_made_names_another(tmp_path, monkeypatch, capsys):
    # Not two arms: the second binding replaces the first, whose account holds nothing of the script's.
    script = (
        PYTHON.replace("else:\n    storage_name", "storage_name")
        .replace("if cond:\n    ", "")
        .replace("\n    sms.create_storage", "\nsms.create_storage")
    )
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.py", script)
    assert len(moves) == 2


REBOUND_POWERSHELL = """\
param([switch]$Prod, [string]$Qa)
$sa = "acctdev"
if ($Prod) { $sa = "acctprod" } elseif ($Qa) { $sa = "acctqa" }
New-AzureStorageAccount -StorageAccountName $sa -Location "West US" -Type Premium_LRS
$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img -MediaLocation "https://$sa.blob.core.windows.net/vhds/vm1.vhd"
New-AzureVM -ServiceName svc1 -Location "West US" -VMs $vm
"""

REBOUND_SHELL = """\
SA=acctdev
if [ "$1" = prod ]; then SA=acctprod; fi
azure storage account create "$SA" -l "West US" --type PLRS
azure vm create svc1 img user Pass123! -l "West US" -u "https://$SA.blob.core.windows.net/vhds/vm1.vhd" -n vm1
"""


def test_powershell_an_if_that_names_another_stated_account_creates_one_account(
    tmp_path, monkeypatch, capsys
):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.ps1", REBOUND_POWERSHELL)
    assert moves == [["storage account '<storage account name, deploy.ps1:4:45>' (1 disk)"]]


def test_shell_an_if_that_names_another_stated_account_creates_one_account(tmp_path, monkeypatch, capsys):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.sh", REBOUND_SHELL)
    assert moves == [["storage account '<storage account name, deploy.sh:3:30>' (1 disk)"]]


REBOUND_PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk
sms = ServiceManagementService(sub, cert)
sa = 'acctdev'
if sys.argv[1:] == ['prod']:
    sa = 'acctprod'
sms.create_storage_account(sa, 'd', 'l', location='West US')
hd = OSVirtualHardDisk('img', 'https://' + sa + '.blob.core.windows.net/vhds/vm1.vhd')
sms.create_virtual_machine_deployment(service_name='svc1', deployment_name='svc1', deployment_slot='production',
    label='x', role_name='vm1', system_config=cfg, os_virtual_hard_disk=hd, role_size='Small')
"""


def test_python_an_if_that_names_another_stated_account_creates_one_account(tmp_path, monkeypatch, capsys):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.py", REBOUND_PYTHON)
    assert moves == [["storage account '<storage account name, deploy.py:7>' (1 disk)"]]


NAMED_ON_ONE_PATH_PYTHON = {
    "stated in the if": REBOUND_PYTHON.replace("sa = 'acctdev'", "sa = sys.argv[2]").replace(
        "'acctprod'", "'prodstore'"
    ),
    "stated before the if": REBOUND_PYTHON.replace("sa = 'acctprod'", "sa = input()"),
    "None before the if": REBOUND_PYTHON.replace("sa = 'acctdev'", "sa = None"),
}


@pytest.mark.parametrize("script", NAMED_ON_ONE_PATH_PYTHON.values(), ids=NAMED_ON_ONE_PATH_PYTHON.keys())
def test_python_a_name_stated_on_one_path_only_is_one_account_with_the_disk(
    tmp_path, monkeypatch, capsys, script
):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.py", script)
    assert moves == [["storage account '<storage account name, deploy.py:7>' (1 disk)"]]


def test_python_the_vm_of_a_name_stated_on_one_path_only_has_one_os_disk():
    script = NAMED_ON_ONE_PATH_PYTHON["stated in the if"]
    [deployment] = [r for r in script_resources(script, "deploy.py") if isinstance(r, Deployment)]
    [vm] = deployment.roles
    assert [(d.name, d.account) for d in vm.disks] == [("vm1.vhd", "<storage account name, deploy.py:7>")]
