"""A Python function or method of the script that builds a blob's address from its arguments (`self.
_make_blob_url(self.settings.STORAGE_ACCOUNT_NAME, 'vhds', name)`, an f-string, a `+`, a `.format`) is read
with the call's arguments bound, positional, by keyword or by default: every VM whose blob one value the
script does not state names the account of is in one stand-in storage account, as that address written out
at each call is, where each VM had a stand-in account of its own. Another value names another account, and a
helper that may return another address (a return under a test) keeps each VM's own."""

from __future__ import annotations

import json

from lint_support import run_cli

TEST_CASE = """\
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk
from tests.base import ManagementTestCase


class VmTest(ManagementTestCase):
    def _make_blob_url(self, storage_account_name, container_name, blob_name):
        return 'http://{0}.blob.core.windows.net/{1}/{2}'.format(
            storage_account_name, container_name, blob_name)

    def _os_hd(self, image_name, target_container_name, target_blob_name):
        media_link = self._make_blob_url(
            self.settings.STORAGE_ACCOUNT_NAME, target_container_name, target_blob_name)
        return OSVirtualHardDisk(image_name, media_link)

    def _linux_role(self, role_name):
        system = LinuxConfigurationSet(role_name, 'azureuser', 'secret', True)
        return (system, self._os_hd('ubuntu', 'vhds', role_name + '.vhd'))

    def _create_vm(self, service_name, role_name):
        system, os_hd = self._linux_role(role_name)
        self.sms.create_virtual_machine_deployment(
            service_name, service_name, 'production', 'label', role_name, system, os_hd, None)

    def test_web(self):
        self._create_vm('shop-web', 'web01')

    def test_db(self):
        self._create_vm('shop-db', 'db01')

    def test_images(self):
        for attr in self.settings.__dict__:
            print(attr)
"""

SCRIPT = """\
import os
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService('sub', 'cert.pem')
ACCOUNT = os.environ['VHD_ACCOUNT']


def blob(account, name, container='vhds'):
    return f'https://{account}.blob.core.windows.net/{container}/{name}.vhd'


class Blobs:
    @staticmethod
    def url(account, name):
        return 'https://' + account + '.blob.core.windows.net/vhds/' + name + '.vhd'


def either(account, name):
    if name == 'vm7':
        return 'https://' + account + '.blob.core.windows.net/vhds/' + name + '.vhd'
    return 'https://' + account + '.blob.core.windows.net/disks/' + name + '.vhd'


def add(name, link):
    sms.add_role(service_name='svc', deployment_name='svc', role_name=name,
        system_config=LinuxConfigurationSet('h', 'u', 'p', True), role_size='Small',
        os_virtual_hard_disk=OSVirtualHardDisk('img', media_link=link))


add('vm1', blob(ACCOUNT, 'vm1'))
add('vm2', blob(name='vm2', account=ACCOUNT, container='os'))
add('vm3', Blobs.url(ACCOUNT, 'vm3'))
add('vm4', blob(sys.argv[1], 'vm4'))
add('vm5', blob('prodvhds', 'vm5'))
add('vm6', either(ACCOUNT, 'vm6'))
add('vm7', either(ACCOUNT, 'vm7'))
"""


def _storage_moves(tmp_path, monkeypatch, capsys, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for sub in json.loads(out)["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    return sorted(move for s in steps for move in s["moves"])


def test_every_test_s_vm_whose_blob_a_helper_builds_on_an_unstated_setting_is_in_one_account(
    tmp_path, monkeypatch, capsys
):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "test_vms.py", TEST_CASE)
    assert moves == ["storage account '<storage account name, test_vms.py:13>' (2 disks)"]


def test_helpers_read_with_their_arguments_name_one_account_per_value_they_are_given(
    tmp_path, monkeypatch, capsys
):
    moves = _storage_moves(tmp_path, monkeypatch, capsys, "deploy.py", SCRIPT)
    assert moves == [
        # vm4, on sys.argv[1]: another value, another account
        "storage account '<storage account name, deploy.py:28, turn 2>' (1 disk)",
        # vm6 and vm7: `either` may return one address or another, each VM's own
        "storage account '<storage account name, deploy.py:28, turn 3>' (1 disk)",
        "storage account '<storage account name, deploy.py:28, turn 4>' (1 disk)",
        # vm1, vm2 and vm3: VHD_ACCOUNT, by position, by keyword and through a static method
        "storage account '<storage account name, deploy.py:28>' (3 disks)",
        "storage account 'prodvhds' (1 disk)",
    ]
