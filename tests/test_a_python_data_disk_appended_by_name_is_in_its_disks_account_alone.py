"""A Python script that gives the VM it creates a data disk by name alone, put into the list of a
`DataVirtualHardDisks` (`.append(DataVirtualHardDisk(disk_name=...))`, `+= [...]`, a list literal appended to
and then set), states that disk: it is in that disk's storage account and nowhere else. The empty `media_link`
a `DataVirtualHardDisk` starts with is no blob the script passes, so the VM gets no stand-in account of its
disks at the file's first line beside its stated OS disk's account."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness_text import readiness_summary

HEAD = """\
import sys
from azure.servicemanagement import DataVirtualHardDisk, DataVirtualHardDisks, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
os_disk = OSVirtualHardDisk(media_link="https://shopdisks.blob.core.windows.net/vhds/web03.vhd", source_image_name="img")
"""
CREATE = (
    'sms.create_virtual_machine_deployment("web03", "web03", "production", "web03", "web03", None, os_disk, '
    'data_virtual_hard_disks=data, role_size="Small")\n'
)

APPENDED = """\
data = DataVirtualHardDisks()
data.data_virtual_hard_disks.append(DataVirtualHardDisk(disk_name="web03-logs", lun=0))
"""
ADDED_BY_NAME = """\
logs = DataVirtualHardDisk(disk_name="web03-logs", lun=0)
data = DataVirtualHardDisks()
data.data_virtual_hard_disks += [logs]
"""
LIST_APPENDED_TO = """\
disks = [DataVirtualHardDisk(disk_name="web03-logs", lun=0)]
disks.append(DataVirtualHardDisk(disk_name="web03-temp", lun=1))
data = DataVirtualHardDisks()
data.data_virtual_hard_disks = disks
"""


def _storage_steps(result) -> dict[str, str]:
    data = json.loads(render_plan(build_plan(result), "json"))
    steps = [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    return {s["name"]: s["moves"][0] for s in steps}


@pytest.mark.parametrize(
    ("disks", "accounts"),
    [
        (APPENDED, ["<storage account of disk web03-logs, deploy.py:7>"]),
        (ADDED_BY_NAME, ["<storage account of disk web03-logs, deploy.py:6>"]),
        (
            LIST_APPENDED_TO,
            [
                "<storage account of disk web03-logs, deploy.py:6>",
                "<storage account of disk web03-temp, deploy.py:7>",
            ],
        ),
    ],
    ids=["appended", "added-with-+=", "list-appended-to"],
)
def test_a_data_disk_added_by_name_is_in_its_disks_account_and_no_other(
    tmp_path, monkeypatch, disks, accounts
):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": HEAD + disks + CREATE}, dedent=False)
    steps = _storage_steps(result)
    assert sorted(steps) == sorted(["shopdisks", *accounts])
    assert steps["shopdisks"] == "storage account 'shopdisks' (1 disk)"
    for account in accounts:
        assert steps[account].endswith("(the data disk of VM 'web03')")
    assert not [line for line in readiness_summary(result) if "deploy.py:1>" in line]


def test_a_data_disk_appended_by_a_name_not_stated_is_one_disk_of_its_own(tmp_path, monkeypatch):
    disks = APPENDED.replace('disk_name="web03-logs"', "disk_name=sys.argv[1]")
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": HEAD + disks + CREATE}, dedent=False)
    assert sorted(_storage_steps(result)) == [
        "<storage account of the registered data disk of a VM, deploy.py:7>",
        "shopdisks",
    ]


def test_a_data_disk_appended_with_a_blob_not_stated_is_in_its_blobs_account(tmp_path, monkeypatch):
    disks = APPENDED.replace('disk_name="web03-logs"', "media_link=sys.argv[1]")
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": HEAD + disks + CREATE}, dedent=False)
    steps = _storage_steps(result)
    assert sorted(steps) == ["<storage account name, deploy.py:7>", "shopdisks"]
