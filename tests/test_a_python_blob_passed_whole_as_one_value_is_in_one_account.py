"""A Python VM whose OS disk's blob is one value the script does not state, whole (`media_link=args.url`,
`media_link=sys.argv[1]`), is in the storage account that value names: one for every use of the same
value, as the classic CLI's `-u $URL`, where each VM had a stand-in account of its own. Another value, or a
function's parameter given another value at each call, names another account."""

from __future__ import annotations

import json

from lint_support import run_cli

PYTHON = """\
import argparse
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

parser = argparse.ArgumentParser()
parser.add_argument('--url')
args = parser.parse_args()
sms = ServiceManagementService('sub', 'cert.pem')


def add(name, url):
    sms.add_role(service_name='svc', deployment_name='svc', role_name=name,
        system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
        os_virtual_hard_disk=OSVirtualHardDisk('img', media_link=url))


for name in ['vm1', 'vm2']:
    sms.add_role(service_name='svc', deployment_name='svc', role_name=name,
        system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
        os_virtual_hard_disk=OSVirtualHardDisk('img', media_link=args.url))
sms.add_role(service_name='svc', deployment_name='svc', role_name='vm3',
    system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
    os_virtual_hard_disk=OSVirtualHardDisk('img', media_link=sys.argv[1]))
sms.add_role(service_name='svc', deployment_name='svc', role_name='vm4',
    system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
    os_virtual_hard_disk=OSVirtualHardDisk('img', media_link=sys.argv[1]))
add('vm5', sys.argv[2])
add('vm6', sys.argv[3])
"""


def test_python_blobs_passed_whole_as_one_value_are_in_one_account_each_value(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.py").write_text(PYTHON, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for sub in json.loads(out)["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    assert sorted(s["moves"][0] for s in steps) == [
        "storage account '<storage account name, deploy.py:14, turn 2>' (1 disk)",
        "storage account '<storage account name, deploy.py:14>' (1 disk)",
        "storage account '<storage account name, deploy.py:20>' (2 disks)",
        "storage account '<storage account name, deploy.py:23>' (2 disks)",
    ]
