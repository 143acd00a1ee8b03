"""Ansible's classic `azure` module (Ansible 1.7 to 2.x, lib/ansible/modules/cloud/azure/azure.py) creates
the cloud service, its deployment and the VM all named `name`, puts the VM's OS disk in
`http://<storage_account>.blob.core.windows.net/vhds/<name>-<name>-<YYYY-MM-DD>.vhd` (the day it runs), and
opens the `endpoints` it is given, 22 when none, for Windows as for Linux (`os_type` chooses the
configuration set, not the endpoints). The reader took a cloud service from `hosted_service_name`, no option
of the module's (a stand-in without it), and the disk's blob for `vhds/<name>.vhd`. An address the CLI is
given whose blob's name a script does not state (`-u https://acct.blob.core.windows.net/vhds/$VM.vhd`) puts
the disk in the account it states, where the disk was left out."""

from __future__ import annotations

import pytest
from lint_support import lint_files

MODULE = """\
- hosts: localhost
  tasks:
    - azure:
        name: web1
        image: img
        location: North Europe
        user: admin
        password: secret
        storage_account: {account}
        os_type: {os}
        management_cert_path: /c.pem
"""


def _estate(result):
    (estate,) = result.estates
    return estate


def test_the_vm_is_in_the_cloud_service_named_as_it(tmp_path, monkeypatch):
    files = {"site.yml": MODULE.format(account="shopdisks", os="linux")}
    estate = _estate(lint_files(tmp_path, monkeypatch, files))
    assert [(s.name, [r.name for p in s.placements for r in p.roles]) for s in estate.cloud_services] == [
        ("web1", ["web1"])
    ]


@pytest.mark.parametrize("account, expected", [("shopdisks", "shopdisks"), ('"{{ sa }}"', "<storage")])
def test_the_os_disk_is_in_the_module_s_storage_account(tmp_path, monkeypatch, account, expected):
    files = {"site.yml": MODULE.format(account=account, os="linux")}
    estate = _estate(lint_files(tmp_path, monkeypatch, files))
    (disk,) = estate.disks
    assert disk.storage_account.startswith(expected)
    assert disk.media_link == ""  # its blob's name holds the day the module runs


@pytest.mark.parametrize("os", ["linux", "windows"])
def test_the_module_opens_ssh_s_port_unless_told_otherwise_whatever_the_os(tmp_path, monkeypatch, os):
    files = {"site.yml": MODULE.format(account="shopdisks", os=os)}
    estate = _estate(lint_files(tmp_path, monkeypatch, files))
    ports = [
        e.port for s in estate.cloud_services for p in s.placements for r in p.roles for e in r.endpoints
    ]
    assert ports == ["22"]


def test_a_blob_address_whose_name_the_script_does_not_state_is_in_the_account_it_states(
    tmp_path, monkeypatch
):
    script = (
        'azure vm create shop img u p -n "$VM" -u "https://shopdisks.blob.core.windows.net/vhds/$VM.vhd"\n'
    )
    estate = _estate(lint_files(tmp_path, monkeypatch, {"deploy.sh": script}))
    assert [disk.storage_account for disk in estate.disks] == ["shopdisks"]
