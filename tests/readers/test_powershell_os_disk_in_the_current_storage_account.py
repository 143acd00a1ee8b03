"""A VM a PowerShell script creates from an image without `-MediaLocation` has its OS disk put by the platform
in the subscription's current storage account (`vhds/<service>-<VM>-<date>.vhd`), which the script sets with
`Set-AzureSubscription -CurrentStorageAccountName` (`-CurrentStorageAccount` in older modules). That account
holds a disk of the VM, whose blob name the platform makes up: the plan migrates it after the VM, and the
summary counts the disk. The account is followed as the reader follows a variable: one set on a path that
may not run, different on two paths, set for another subscription than one selected after it, or set only
after the VM is created, is not known, and the disk is not placed."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

SET = 'Set-AzureSubscription -SubscriptionName $sub -CurrentStorageAccountName "vmstore"\n'
QUICK_VM = 'New-AzureQuickVM -Windows -ServiceName "svc" -Name "vm1" -ImageName $img -Location "West US"\n'
VM = 'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName $img | New-AzureVM -ServiceName "svc" -Location "West US"\n'
HEAD = "param($sub, $img)\n"


def _estate(tmp_path, monkeypatch, script: str):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script})
    [estate] = result.estates
    return result, estate


def _accounts(tmp_path, monkeypatch, script: str) -> dict[str, list[str]]:
    """The storage accounts the files show, each with the VMs its disks are attached to."""
    _, estate = _estate(tmp_path, monkeypatch, script)
    return {a.name: [d.attached_to for d in a.disks] for a in estate.storage_accounts}


def test_the_os_disk_of_a_vm_created_after_the_account_is_set_is_in_it(tmp_path, monkeypatch):
    result, estate = _estate(tmp_path, monkeypatch, HEAD + SET + VM)
    [account] = estate.storage_accounts
    [disk] = account.disks
    assert (account.name, disk.attached_to, disk.media_link) == ("vmstore", "vm1", "")
    assert disk.name == "<OS disk of VM vm1, deploy.ps1:3:62>"  # where the image is named
    service, vm = estate.vm_of(disk)
    assert (service.name, vm.name) == ("svc", "vm1")
    [subscription] = build_plan(result).subscriptions
    by_name = {step.name: step for step in subscription.steps}
    [vms] = [step for step in by_name.values() if step.kind is StepKind.SERVICE]
    assert by_name["vmstore"].wave > vms.wave


@pytest.mark.parametrize(
    "script",
    [
        HEAD + SET.replace("CurrentStorageAccountName", "CurrentStorageAccount") + VM,
        HEAD + SET + QUICK_VM,
        HEAD + "function Use-Store { " + SET + "}\nUse-Store\n" + VM,
        HEAD + SET + "Select-AzureSubscription -SubscriptionName $sub -Current\n" + VM,
        HEAD + "if ($args) { " + SET + "} else { " + SET + "}\n" + VM,
    ],
    ids=[
        "older-parameter-name",
        "quick-vm",
        "set-in-a-function",
        "same-subscription-selected",
        "on-both-branches",
    ],
)
def test_the_account_is_read_however_the_script_sets_it(tmp_path, monkeypatch, script):
    assert _accounts(tmp_path, monkeypatch, script) == {"vmstore": ["vm1"]}


@pytest.mark.parametrize(
    "script",
    [
        HEAD + "if ($args) { " + SET + "}\n" + VM,
        HEAD + "if ($args) { " + SET + "} else { " + SET.replace("vmstore", "other") + "}\n" + VM,
        HEAD + VM + SET,
        HEAD + SET + "Select-AzureSubscription -SubscriptionName 'Other'\n" + VM,
        HEAD + SET.replace("-Sub", "-WhatIf -Sub") + VM,
    ],
    ids=[
        "may-not-run",
        "different-on-two-paths",
        "set-after-the-vm",
        "another-subscription-selected",
        "what-if",
    ],
)
def test_an_account_the_script_does_not_surely_set_places_no_disk(tmp_path, monkeypatch, script):
    assert _accounts(tmp_path, monkeypatch, script) == {}


def test_an_account_the_script_does_not_state_holds_the_disk_under_a_stand_in(tmp_path, monkeypatch):
    # `$store` is a value the script does not state: still an account, named where it is passed.
    script = HEAD + SET.replace('"vmstore"', "$store") + VM
    assert _accounts(tmp_path, monkeypatch, script) == {"<storage account name, deploy.ps1:2:73>": ["vm1"]}


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            '-MediaLocation "https://named.blob.core.windows.net/vhds/vm1.vhd" -ImageName $img',
            {"named": ["vm1"]},
        ),
        # `$blob` is an address the script does not state: the disk is in the account it names.
        ("-MediaLocation $blob -ImageName $img", {"<storage account name, deploy.ps1:3:66>": ["vm1"]}),
        ('-DiskName "vm1-os"', {}),
    ],
    ids=["blob-named", "blob-unstated", "disk-of-the-repository"],
)
def test_a_configuration_that_names_its_os_disk_keeps_it(tmp_path, monkeypatch, config, expected):
    # Wherever the configuration puts the disk, it is not in the current account `vmstore`.
    vm = VM.replace("-ImageName $img", config)
    assert _accounts(tmp_path, monkeypatch, HEAD + SET + vm) == expected


def test_a_vm_of_the_current_account_is_a_vm_with_a_disk_in_a_premium_account(tmp_path, monkeypatch):
    created = 'New-AzureStorageAccount -StorageAccountName "vmstore" -Location "West US" -Type Premium_LRS\n'
    _, estate = _estate(tmp_path, monkeypatch, HEAD + created + SET + VM)
    [vm] = [vm for service in estate.cloud_services for vm in service.vms]
    [disk] = vm.disks
    assert disk.premium and disk.storage_account == "vmstore"
