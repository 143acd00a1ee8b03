"""The classic CLI's `azure vm disk detach <vm> <lun>` (vm._js: `detach <vm-name> <lun>`, with `-d`) takes
the data disk at that LUN off the VM, as Remove-AzureDataDisk does: a disk whose blob name holds a "/" is no
MIG401 once detached, whether the script attached it itself or another file describes the VM. `azure vm
static-ip remove <vm>` (`remove <vm-name>`, with `-d`) takes the VM's static private address away, as
Remove-AzureStaticVNetIP does, so two VMs asking for one address are no MIG306 once one gives it up. Each
from a shell script, a PowerShell script and a Python script that run the CLI, and an Ansible playbook. A
removal that may not run, or of another LUN, leaves the blocker."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="corp" Location="West Europe">
        <AddressSpace><AddressPrefix>10.10.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.10.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

CREATE_WITH_DISK = [
    'azure vm create app-svc img ops P@ss -n app01 -w corp -b web -l "West Europe"',
    "azure vm disk attach-new app01 10 https://appsa.blob.core.windows.net/vhds/data/app01-d0.vhd",
]
CREATE_TWO_AT_ONE_ADDRESS = [
    'azure vm create svc-a img ops P@ss -n app01 -w corp -b web -S 10.10.1.10 -l "West Europe"',
    'azure vm create svc-b img ops P@ss -n app02 -w corp -b web -S 10.10.1.10 -l "West Europe"',
]


def _script(kind: str, commands: list[str]) -> tuple[str, str]:
    """The commands as a script of `kind` that runs the classic CLI."""
    lines = ["azure config mode asm", *commands]
    if kind == "sh":
        return "vm.sh", "#!/bin/sh\n" + "\n".join(lines) + "\n"
    if kind == "ps1":
        return "vm.ps1", "\n".join(lines) + "\n"
    if kind == "yml":
        tasks = "".join(f"    - command: {line}\n" for line in lines)
        return "site.yml", "- hosts: localhost\n  tasks:\n" + tasks
    import shlex

    calls = "".join(f"subprocess.check_call({shlex.split(line)!r})\n" for line in lines)
    return "vm.py", "import subprocess\n" + calls


def _codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, commands: list[str], code: str
) -> list:
    name, text = _script(kind, commands)
    files = {"NetworkConfig.netcfg": NETCFG, name: text}
    return [f.code for f in lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings]


KINDS = ["sh", "ps1", "py", "yml"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "detach", ["azure vm disk detach app01 0", "azure vm disk detach app01 00 -d app-svc"], ids=["lun", "dns"]
)
def test_a_detached_data_disk_is_no_blob_name_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, detach: str
) -> None:
    assert _codes(tmp_path, monkeypatch, kind, [*CREATE_WITH_DISK, detach], "MIG401") == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_attached_disk_alone_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    assert _codes(tmp_path, monkeypatch, kind, CREATE_WITH_DISK, "MIG401") == ["MIG401"]


def test_detaching_another_lun_keeps_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = [*CREATE_WITH_DISK, "azure vm disk detach app01 1"]
    assert _codes(tmp_path, monkeypatch, "sh", commands, "MIG401") == ["MIG401"]


def test_a_detach_that_may_not_run_keeps_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = [*CREATE_WITH_DISK, 'if [ "$1" = fix ]; then azure vm disk detach app01 0; fi']
    assert _codes(tmp_path, monkeypatch, "sh", commands, "MIG401") == ["MIG401"]


def test_a_detach_on_the_branch_that_created_the_vm_takes_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create, attach = CREATE_WITH_DISK
    branch = f'if [ "$1" = app ]; then\n  {create}\n  {attach}\n  azure vm disk detach app01 0\nfi'
    assert _codes(tmp_path, monkeypatch, "sh", [branch], "MIG401") == []


# A VM another script creates, with a data disk at LUN 0 whose blob name holds a "/".
CREATE_FILE01 = """\
$vm = New-AzureVMConfig -Name "file01" -InstanceSize Medium -ImageName $img |
    Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password $pw |
    Add-AzureDataDisk -CreateNew -DiskSizeInGB 512 -DiskLabel "shares" -LUN 0 -MediaLocation "https://fabdisks.blob.core.windows.net/vhds/file01/shares.vhd"
New-AzureVM -ServiceName "fab-file" -VMs $vm
"""


@pytest.mark.parametrize(
    ("detach", "found"),
    [
        ("azure vm disk detach file01 0 -d fab-file", []),
        ("azure vm disk detach file01 1 -d fab-file", ["MIG401 01-file01.ps1:3:94"]),
        ('[ "$1" = fix ] && azure vm disk detach file01 0 -d fab-file', ["MIG401 01-file01.ps1:3:94"]),
    ],
    ids=["that-lun", "another-lun", "may-not-run"],
)
def test_a_detach_from_a_vm_another_file_creates_takes_the_disk_at_that_lun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, detach: str, found: list[str]
) -> None:
    files = {"01-file01.ps1": CREATE_FILE01, "02-detach.sh": f"azure config mode asm\n{detach}\n"}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings) == found


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "remove",
    ["azure vm static-ip remove app02", "azure vm static-ip remove app02 -d svc-b"],
    ids=["vm", "dns"],
)
def test_a_static_address_one_vm_gives_up_is_no_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, remove: str
) -> None:
    assert _codes(tmp_path, monkeypatch, kind, [*CREATE_TWO_AT_ONE_ADDRESS, remove], "MIG306") == []


@pytest.mark.parametrize("kind", KINDS)
def test_two_vms_at_one_static_address_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    assert _codes(tmp_path, monkeypatch, kind, CREATE_TWO_AT_ONE_ADDRESS, "MIG306") == ["MIG306"]


def test_a_removal_that_may_not_run_keeps_the_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = [*CREATE_TWO_AT_ONE_ADDRESS, 'if [ "$1" = fix ]; then azure vm static-ip remove app02; fi']
    assert _codes(tmp_path, monkeypatch, "sh", commands, "MIG306") == ["MIG306"]


def test_the_address_of_a_second_interface_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # app02's second interface asks for the address: removing the primary one's static address leaves it.
    commands = [
        CREATE_TWO_AT_ONE_ADDRESS[0],
        'azure vm create svc-b img ops P@ss -n app02 -w corp -b web -f nic2:web:10.10.1.10 -l "West Europe"',
        "azure vm static-ip remove app02",
    ]
    assert _codes(tmp_path, monkeypatch, "sh", commands, "MIG306") == ["MIG306"]


def test_setting_the_primary_address_keeps_the_address_of_a_second_interface(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # app02 asks for app01's address on its second interface; a new primary address does not change that.
    commands = [
        CREATE_TWO_AT_ONE_ADDRESS[0],
        'azure vm create svc-b img ops P@ss -n app02 -w corp -b web -f nic2:web:10.10.1.10 -l "West Europe"',
        "azure vm static-ip set app02 10.10.1.20",
    ]
    assert _codes(tmp_path, monkeypatch, "sh", commands, "MIG306") == ["MIG306"]
