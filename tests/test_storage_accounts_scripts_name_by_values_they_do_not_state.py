"""A storage account a PowerShell script creates or uses under a name it does not state is still an account.

`New-AzureStorageAccount -StorageAccountName $sa`, `-MediaLocation "https://$sa.blob.core.windows.net/..."`
and `Set-AzureSubscription -CurrentStorageAccountName $StorageAccountName` (a VM created without a blob
name has its OS disk put in the current account) each name an account by a value the script does not
state. The account is kept under a stand-in named where the value is first passed (`<storage account name,
deploy.ps1:2:45>`), as VMs and networks are: the plan has its step after the VMs whose disks it holds, the
readiness summary lists it. Two uses of one value are one account; other values, and stated names, are
other accounts. Reference, vm-migration-overview: storage accounts are a migration scope of their own, and
"the VHD blobs behind these disks will get migrated when the Storage Account is migrated"."""

from __future__ import annotations

import json

from lint_support import run_cli

CREATED = """\
$sa = "acct" + (Get-Random -Maximum 9999)
New-AzureStorageAccount -StorageAccountName $sa -Location "West US"
$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" -MediaLocation "https://$sa.blob.core.windows.net/vhds/vm1.vhd" |
  Add-AzureProvisioningConfig -Linux -LinuxUser "u" -Password "p"
New-AzureVM -ServiceName "svc1" -Location "West US" -VMs $vm
"""

CURRENT = """\
param($StorageAccountName)
Set-AzureSubscription -SubscriptionName 'dev' -CurrentStorageAccountName $StorageAccountName
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'image'
New-AzureVM -ServiceName 'svc' -VMs $vm -Location 'West US'
"""

TWO_VALUES = """\
param($first, $second)
$a = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation "https://$first.blob.core.windows.net/vhds/a.vhd"
$b = New-AzureVMConfig -Name 'vm2' -InstanceSize Small -ImageName 'img' -MediaLocation "https://$second.blob.core.windows.net/vhds/b.vhd"
$c = New-AzureVMConfig -Name 'vm3' -InstanceSize Small -ImageName 'img' -MediaLocation "https://$first.blob.core.windows.net/vhds/c.vhd"
$d = New-AzureVMConfig -Name 'vm4' -InstanceSize Small -ImageName 'img' -MediaLocation "https://stated.blob.core.windows.net/vhds/d.vhd"
New-AzureVM -ServiceName 'svc' -Location 'West US' -VMs $a, $b, $c, $d
"""


def _plan(tmp_path, monkeypatch, capsys, script: str) -> list[dict]:
    (tmp_path / "deploy.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] != "prerequisites"]


def test_an_account_created_and_named_in_a_blob_by_one_value_is_one_step_after_its_vms(
    tmp_path, monkeypatch, capsys
):
    steps = _plan(tmp_path, monkeypatch, capsys, CREATED)
    assert [s["kind"] for s in steps] == ["service", "storage"]
    account = steps[1]
    assert account["name"] == "<storage account name, deploy.ps1:2:45>"
    assert account["after"] == [steps[0]["id"]]
    assert account["moves"] == ["storage account '<storage account name, deploy.ps1:2:45>' (1 disk)"]
    _, summary, _ = run_cli(capsys, "check", ".")
    assert "    <storage account name, deploy.ps1:2:45> (1 disk)" in summary


def test_the_current_account_of_an_unstated_value_holds_the_os_disk_the_platform_makes(
    tmp_path, monkeypatch, capsys
):
    steps = _plan(tmp_path, monkeypatch, capsys, CURRENT)
    assert [(s["kind"], s["name"]) for s in steps][1:] == [
        ("storage", "<storage account name, deploy.ps1:2:74>")
    ]
    assert steps[1]["after"] == [steps[0]["id"]]


def test_other_values_are_other_accounts_and_a_stated_name_its_own(tmp_path, monkeypatch, capsys):
    steps = _plan(tmp_path, monkeypatch, capsys, TWO_VALUES)
    accounts = {s["name"]: s["moves"] for s in steps if s["kind"] == "storage"}
    assert accounts == {
        "<storage account name, deploy.ps1:2:88>": [
            "storage account '<storage account name, deploy.ps1:2:88>' (2 disks)"
        ],
        "<storage account name, deploy.ps1:3:88>": [
            "storage account '<storage account name, deploy.ps1:3:88>' (1 disk)"
        ],
        "stated": ["storage account 'stated' (1 disk)"],
    }


PYTHON = """\
from random import Random
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService('sub', 'cert.pem')
storage_name = 'acct' + str(Random().randint(0, 9))
sms.create_storage_account(storage_name, 'd', 'l', location='West US')
media = {media}
sms.create_virtual_machine_deployment(service_name='svc1', deployment_name='svc1', deployment_slot='production',
    label='l', role_name='vm1', system_config=LinuxConfigurationSet('h', 'u', 'p', True),
    os_virtual_hard_disk=OSVirtualHardDisk('img', media), role_size='Small')
"""


def _python_plan(tmp_path, monkeypatch, capsys, media: str) -> list[dict]:
    (tmp_path / "deploy.py").write_text(PYTHON.format(media=media), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] != "prerequisites"]


def test_python_an_account_created_and_named_in_a_blob_by_one_value_is_one(tmp_path, monkeypatch, capsys):
    media = "'https://' + storage_name + '.blob.core.windows.net/vhds/vm1.vhd'"
    steps = _python_plan(tmp_path, monkeypatch, capsys, media)
    assert [(s["kind"], s["name"]) for s in steps][1:] == [("storage", "<storage account name, deploy.py:5>")]
    assert steps[1]["after"] == [steps[0]["id"]]
    assert steps[1]["moves"] == ["storage account '<storage account name, deploy.py:5>' (1 disk)"]


def test_python_an_f_string_and_a_table_read_twice_name_one_account(tmp_path, monkeypatch, capsys):
    script = PYTHON.replace("storage_name = 'acct' + str(Random().randint(0, 9))", "cfg = dict(load())")
    script = script.replace("create_storage_account(storage_name", "create_storage_account(cfg['account']")
    media = "f\"https://{cfg['account']}.blob.core.windows.net/vhds/vm1.vhd\""
    (tmp_path / "deploy.py").write_text(script.format(media=media), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    assert [s["moves"] for s in steps if s["kind"] == "storage"] == [
        ["storage account '<storage account name, deploy.py:5>' (1 disk)"]
    ]


def test_python_a_blob_of_another_value_is_another_account(tmp_path, monkeypatch, capsys):
    media = "'https://' + other + '.blob.core.windows.net/vhds/vm1.vhd'"
    script = PYTHON.replace("media = {media}", "other = input()\nmedia = {media}")
    (tmp_path / "deploy.py").write_text(script.format(media=media), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    assert sorted(s["moves"][0] for s in steps if s["kind"] == "storage") == [
        "storage account '<storage account name, deploy.py:10>' (1 disk)",
        "storage account '<storage account name, deploy.py:5>' (the files name no disk or image in it)",
    ]


IN_A_LOOP = """\
import uuid
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk


class Deployer:
    def __init__(self, account):
        self.sms = ServiceManagementService('sub', 'cert.pem')
        self.account = account

    def deploy(self, name):
        first = 'https://' + self.account + '.blob.core.windows.net/vhds/' + str(uuid.uuid4()) + '.vhd'
        self.sms.create_virtual_machine_deployment(service_name='svc1', deployment_name='svc1',
            deployment_slot='production', label='l', role_name='vm1',
            system_config=LinuxConfigurationSet('h', 'u', 'p', True),
            os_virtual_hard_disk=OSVirtualHardDisk('img', first), role_size='Small')
        link = 'https://' + input() + '.blob.core.windows.net/vhds/other.vhd'
        for i in range(2, 4):
            name_i = name + str(i)
            {before}
            self.sms.add_role(service_name='svc1', deployment_name='svc1', role_name=name_i,
                system_config=LinuxConfigurationSet('h', 'u', 'p', True),
                os_virtual_hard_disk=OSVirtualHardDisk('img', link), role_size='Small')
            {after}


Deployer(input()).deploy(input())
"""


def _accounts(tmp_path, monkeypatch, capsys, script: str) -> list[str]:
    (tmp_path / "deploy.py").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    return sorted(s["moves"][0] for s in steps if s["kind"] == "storage")


def test_python_a_blob_built_on_an_account_value_is_in_that_account_whatever_the_blob_name(
    tmp_path, monkeypatch, capsys
):
    # The blob names are told by nothing (a random one, one made at each turn of the loop), and the
    # address is bound in the loop's turn: the host names the account all the same.
    link = "link = 'https://' + self.account + '.blob.core.windows.net/vhds/' + name_i + '.vhd'"
    assert _accounts(tmp_path, monkeypatch, capsys, IN_A_LOOP.format(before=link, after="")) == [
        "storage account '<storage account name, deploy.py:15>' (3 disks)"
    ]


def test_python_a_blob_address_bound_in_the_loops_turn_is_read_where_it_is_built(
    tmp_path, monkeypatch, capsys
):
    link = "link = f'https://{self.account}.blob.core.windows.net/vhds/vm.vhd'"
    script = IN_A_LOOP.format(before=link, after="").replace("' + str(uuid.uuid4()) + '.vhd'", "vm.vhd'")
    assert _accounts(tmp_path, monkeypatch, capsys, script) == [
        "storage account '<storage account name, deploy.py:15>' (3 disks)"
    ]


def test_python_a_blob_address_read_before_the_loop_binds_it_again_is_not_put_in_that_account(
    tmp_path, monkeypatch, capsys
):
    # Read before the turn binds it again, `link` holds the address bound before the loop (another
    # account), then that of the turn before: the loop's disks are not in the account of `self.account`, but
    # in one no file states, which the loop's VMs share, named where the blob is passed.
    link = "link = 'https://' + self.account + '.blob.core.windows.net/vhds/' + name_i + '.vhd'"
    assert _accounts(tmp_path, monkeypatch, capsys, IN_A_LOOP.format(before="", after=link)) == [
        "storage account '<storage account name, deploy.py:15>' (1 disk)",
        "storage account <storage account of the disks of a VM, deploy.py:22> (the OS disks of VMs "
        "'<VM name, deploy.py:20, turn 1>', '<VM name, deploy.py:20, turn 2>')",
    ]


IN_A_FOREACH = """\
param($sa, $name)
Set-AzureSubscription -SubscriptionName 'dev' -CurrentStorageAccountName $sa
$vms = @()
foreach ($i in 1..3) {
    $vms += New-AzureVMConfig -Name "$name$i" -InstanceSize Small -ImageName 'img'{media}
}
New-AzureVM -ServiceName 'svc1' -Location 'West US' -VMs $vms
"""


def test_the_disks_of_vms_a_foreach_makes_in_an_unstated_account_are_one_each(tmp_path, monkeypatch, capsys):
    # Each turn's VM has a stand-in of its own (`<VM name, deploy.ps1:5, 2nd>`), and so has its disk: the
    # account holds three, and no disk is one described twice (MIG004).
    blob = ' -MediaLocation "https://$sa.blob.core.windows.net/vhds/$name$i.vhd"'
    # Named where the value is first passed for a blob: in the loop, or to Set-AzureSubscription.
    for media, at in [(blob, "5:99"), ("", "2:74")]:
        (tmp_path / "deploy.ps1").write_text(IN_A_FOREACH.replace("{media}", media), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
        steps = json.loads(out)["subscriptions"][0]["steps"]
        assert [s["moves"] for s in steps if s["kind"] == "storage"] == [
            [f"storage account '<storage account name, deploy.ps1:{at}>' (3 disks)"]
        ]
        _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
        assert "MIG004" not in {finding["code"] for finding in json.loads(out)}
