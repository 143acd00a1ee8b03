"""Blobs whose addresses start with one value the script does not state are in one storage account.

`-MediaLocation "$container$name.vhd"`, `azure vm create ... -u "${CONTAINER}vm1.vhd"` and Python's
`args.container_url + name + '.vhd'` start with a value that holds the blob's host, so its storage account:
every blob built on that value is in the one account it names, where each VM had a stand-in account of
its own. Another value may name another account, and stays apart. Reference, vm-migration-overview: the
VHD blobs of the disks migrate with the storage account they are in."""

from __future__ import annotations

import json

from lint_support import run_cli

POWERSHELL = """\
param($container, $other)
foreach ($name in @('vm1', 'vm2')) {
  $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName 'img' -MediaLocation "$container$name.vhd"
  New-AzureVM -ServiceName $name -Location 'West US' -VMs $vm
}
$c = New-AzureVMConfig -Name 'vm3' -InstanceSize Small -ImageName 'img' -MediaLocation "$($container)vm3.vhd"
New-AzureVM -ServiceName 'svc3' -Location 'West US' -VMs $c
$d = New-AzureVMConfig -Name 'vm4' -InstanceSize Small -ImageName 'img' -MediaLocation "$other/vm4.vhd"
New-AzureVM -ServiceName 'svc4' -Location 'West US' -VMs $d
"""

SHELL = """\
#!/bin/bash
CONTAINER=$1
OTHER=$2
azure vm create svc1 img user pass -l "West US" -u "${CONTAINER}vm1.vhd"
azure vm create svc2 img user pass -l "West US" -u "${CONTAINER}vm2.vhd"
azure vm create svc3 img user pass -l "West US" -u "$OTHER/vm3.vhd"
"""

PYTHON = """\
import argparse
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

parser = argparse.ArgumentParser()
parser.add_argument('--blob_container_url')
parser.add_argument('--other_url')
args = parser.parse_args()
sms = ServiceManagementService('sub', 'cert.pem')


for vm_name in ['vm1', 'vm2']:
    sms.add_role(service_name='svc', deployment_name='svc', role_name=vm_name,
        system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
        os_virtual_hard_disk=OSVirtualHardDisk('img', args.blob_container_url + vm_name + '.vhd'))
sms.add_role(service_name='svc', deployment_name='svc', role_name='vm3',
    system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
    os_virtual_hard_disk=OSVirtualHardDisk('img', args.blob_container_url + 'vm3.vhd'))
sms.add_role(service_name='svc', deployment_name='svc', role_name='vm4',
    system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
    os_virtual_hard_disk=OSVirtualHardDisk('img', args.other_url + '/vm4.vhd'))
"""


def _accounts(tmp_path, monkeypatch, capsys, name: str, script: str) -> list[str]:
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for sub in json.loads(out)["subscriptions"] for s in sub["steps"]]
    return sorted(s["moves"][0] for s in steps if s["kind"] == "storage")


def test_powershell_blobs_starting_with_one_value_are_in_one_account(tmp_path, monkeypatch, capsys):
    assert _accounts(tmp_path, monkeypatch, capsys, "deploy.ps1", POWERSHELL) == [
        "storage account '<storage account name, deploy.ps1:3:91>' (3 disks)",
        "storage account '<storage account name, deploy.ps1:8:88>' (1 disk)",
    ]


def test_classic_cli_blobs_starting_with_one_value_are_in_one_account(tmp_path, monkeypatch, capsys):
    assert _accounts(tmp_path, monkeypatch, capsys, "deploy.sh", SHELL) == [
        "storage account '<storage account name, deploy.sh:4:52>' (2 disks)",
        "storage account '<storage account name, deploy.sh:6:52>' (1 disk)",
    ]


def test_python_blobs_starting_with_one_value_are_in_one_account(tmp_path, monkeypatch, capsys):
    assert _accounts(tmp_path, monkeypatch, capsys, "deploy.py", PYTHON) == [
        "storage account '<storage account name, deploy.py:14>' (3 disks)",
        "storage account '<storage account name, deploy.py:20>' (1 disk)",
    ]
