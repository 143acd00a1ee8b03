"""New data disks `Add-AzureDataDisk -CreateNew` adds without `-MediaLocation` to two VMs whose OS disks are
named are in the subscription's one current storage account: where the script states none, one stand-in, named
where the first of them is added, where each VM had one of its own. A script that selects another subscription
before the second VM than before the first has two (each subscription has its own current account)."""

from __future__ import annotations

from lint_support import lint_files

VM = (
    "New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img "
    "-MediaLocation 'https://osstore.blob.core.windows.net/vhds/{vm}-os.vhd' | "
    "Add-AzureDataDisk -CreateNew -DiskLabel 'data' -DiskSizeInGB 100 -LUN 0 | "
    "New-AzureVM -ServiceName {vm}svc -Location 'West US'\n"
)
FIRST = "<current storage account of the subscription, deploy.ps1:1>"


def _accounts(tmp_path, monkeypatch, script: str) -> dict[str, list[str]]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script})
    return {
        a.name: sorted(d.attached_to for d in a.disks)
        for estate in result.estates  # one per subscription
        for a in estate.storage_accounts
    }


def test_two_vms_disks_are_in_one_account(tmp_path, monkeypatch) -> None:
    accounts = _accounts(tmp_path, monkeypatch, VM.format(vm="vm1") + VM.format(vm="vm2"))
    assert accounts == {"osstore": ["vm1", "vm2"], FIRST: ["vm1", "vm2"]}


def test_another_subscription_has_its_own(tmp_path, monkeypatch) -> None:
    select = "Select-AzureSubscription -SubscriptionName '{}'\n"
    script = select.format("one") + VM.format(vm="vm1") + select.format("two") + VM.format(vm="vm2")
    accounts = _accounts(tmp_path, monkeypatch, script)
    assert accounts["<current storage account of the subscription, deploy.ps1:2>"] == ["vm1"]
    assert accounts["<current storage account of the subscription, deploy.ps1:4>"] == ["vm2"]
