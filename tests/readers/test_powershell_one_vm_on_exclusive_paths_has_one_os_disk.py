"""A VM a PowerShell script creates on paths only one of which runs (`if`/`else`, Linux or Windows, a new
service or an existing one) is one VM, and the disks the platform makes for it in the subscription's current
storage account are its disks once: one OS disk from its image, one new data disk at each LUN the script
states, however many calls on those paths may create them. The account's storage step and the summary count
them so. Two VMs keep a disk each."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

HEAD = (
    "param([string] $ServiceName, [string] $VMName, [string] $OS)\n"
    'Set-AzureSubscription -SubscriptionName "Lab" -CurrentStorageAccountName "labstore"\n'
)
LINUX = (
    "New-AzureQuickVM -Linux -ServiceName $ServiceName -Name {name} -ImageName img -LinuxUser u -Password p"
    ' -Location "West Europe"'
)
WINDOWS = (
    "New-AzureQuickVM -Windows -ServiceName $ServiceName -Name {name} -ImageName img -AdminUsername u"
    ' -Password p -Location "West Europe"'
)
DATA = "Add-AzureDataDisk -CreateNew -DiskLabel data -DiskSizeInGB 100 -LUN 0"


def _either(first: str, second: str) -> str:
    return HEAD + f'if ($OS -eq "Linux") {{\n    {first}\n}} else {{\n    {second}\n}}\n'


def _config(size: str) -> str:
    return f"New-AzureVMConfig -Name $VMName -InstanceSize {size} -ImageName img | {DATA} | New-AzureVM -ServiceName $ServiceName"


def _storage(tmp_path, monkeypatch, script: str) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """The current account's disks (VM, LUN), and what its storage step says it moves."""
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    [estate] = result.estates
    [account] = estate.storage_accounts
    [subscription] = build_plan(result).subscriptions
    [step] = [s for s in subscription.steps if s.kind is StepKind.STORAGE]
    return sorted((d.attached_to, d.lun) for d in account.disks), step.moves


def test_a_vm_on_either_branch_has_one_os_disk(tmp_path, monkeypatch):
    script = _either(LINUX.format(name="$VMName"), WINDOWS.format(name="$VMName"))
    disks, moves = _storage(tmp_path, monkeypatch, script)
    assert len(disks) == 1 and disks[0][1] == ""
    assert "(1 disk)" in moves[0]


def test_a_new_data_disk_at_one_lun_on_either_branch_is_one_disk(tmp_path, monkeypatch):
    script = _either(_config("Small"), _config("Large"))
    disks, moves = _storage(tmp_path, monkeypatch, script)
    assert [lun for _, lun in disks] == ["", "0"]
    assert "(2 disks)" in moves[0]


def test_two_vms_on_either_branch_keep_a_disk_each(tmp_path, monkeypatch):
    script = _either(LINUX.format(name="web1"), WINDOWS.format(name="web2"))
    disks, moves = _storage(tmp_path, monkeypatch, script)
    assert sorted(vm for vm, _ in disks) == ["web1", "web2"]
    assert "(2 disks)" in moves[0]
