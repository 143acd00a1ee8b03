"""A storage account a file names by a placeholder of its own (`$storageAccountName = '[MY STORAGE
ACCOUNT]'`, the account a runbook sample creates its VM's disks in) is a name the file's user knows to fill
in, as a cloud service the same file names `'[UNIQUE SERVICE NAME]'` is: the readiness row says "Validation
passed" (nothing the files show blocks the account they are filled in with), where it said "Not decided: the
files do not state which account it is". Its plan step is not ready until the name is put in (no command
runs under a placeholder's name) and says so first, where it said ready. An account named by a value the
script does not state (migcheck's stand-in, `<storage account name, x.ps1:3>`) stays not decided in both."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli as run

POWERSHELL = """\
$subscriptionName = '[MY SUBSCRIPTION]'
$storageAccountName = '[MY STORAGE ACCOUNT]'
Set-AzureSubscription -SubscriptionName $subscriptionName -CurrentStorageAccount $storageAccountName
$serviceName = '[UNIQUE SERVICE NAME]'
$vm1 = New-AzureVMConfig -Name '[MY VM NAME]' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'u' -Password 'p' |
    Add-AzureDataDisk -CreateNew -DiskSizeInGB 50 -DiskLabel 'data1' -LUN 0
New-AzureVM -ServiceName $serviceName -Location 'West US' -VMs $vm1
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
config = LinuxConfigurationSet("web1", "azureuser", "p", True)
disk = OSVirtualHardDisk("img", "https://[MY STORAGE ACCOUNT].blob.core.windows.net/vhds/web1.vhd")
sms.create_virtual_machine_deployment("shop", "shop", "production", "web1", "web1", config, disk)
"""

UNSTATED = """\
param([string]$Account)
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img -MediaLocation "https://$Account.blob.core.windows.net/vhds/web1.vhd"
$vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p
New-AzureVM -ServiceName shop -Location "West Europe" -VMs $vm
"""


def _account(tmp_path, monkeypatch, capsys, name: str, text: str) -> tuple[dict, dict]:
    """The storage account's readiness item and plan step."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(run(capsys, "check", ".", "--format", "report-json")[1])
    [item] = [
        i
        for s in report["subscriptions"]
        for sc in s["scopes"]
        for i in sc["items"]
        if i["type"] == "StorageAccount"
    ]
    plan = json.loads(run(capsys, "plan", ".", "--format", "json")[1])
    [step] = [st for s in plan["subscriptions"] for st in s["steps"] if st["kind"] == "storage"]
    return item, step


@pytest.mark.parametrize(("name", "text"), [("new-custom-vm.ps1", POWERSHELL), ("deploy.py", PYTHON)])
def test_an_account_named_by_the_file_s_placeholder_passes_in_check_and_its_step_asks_for_its_name(
    tmp_path, monkeypatch, capsys, name, text
):
    item, step = _account(tmp_path, monkeypatch, capsys, name, text)
    assert item["name"] == step["name"] == "[MY STORAGE ACCOUNT]"
    assert item["verdict"] == "Validation passed"
    assert step["name_unstated"] and not step["ready"]
    assert step["notes"][0].startswith(
        "Fill in first: the name of this storage account is '[MY STORAGE ACCOUNT]'"
    )


def test_an_account_named_by_a_value_not_stated_is_not_decided_in_either(tmp_path, monkeypatch, capsys):
    item, step = _account(tmp_path, monkeypatch, capsys, "deploy.ps1", UNSTATED)
    assert item["verdict"] == "Not decided: the files do not state which account it is"
    assert step["name_unstated"] and not step["ready"]
