"""A Python script's data disk given a `source_media_link` (add_data_disk's argument, by keyword or as its
tenth, or a `DataVirtualHardDisk`'s) is registered from that blob and attached, as a REST body's
`SourceMediaLink` is: MIG401 checks that blob, at the argument, and not the ignored `media_link`. An OS
disk's blob stays its `media_link`: `remote_source_image_link` is an image the disk is made from."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

BLOB = "https://shopdisks.blob.core.windows.net/vhds"
IMPORTS = (
    "from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk, DataVirtualHardDisk, "
    "DataVirtualHardDisks\n"
    "sms = ServiceManagementService('sub', 'cert.pem')\n"
)


def _findings(tmp_path, monkeypatch, script: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"vm.py": IMPORTS + script}, "MIG401", dedent=False)
    return [
        f"{at} {f.message.split(' whose blob name ')[1].split(' ')[0]}"
        for at, f in zip(where(result.findings), result.findings, strict=True)
    ]


@pytest.mark.parametrize(
    "call",
    [
        f"sms.add_data_disk('shop', 'shop', 'web01', 3, source_media_link='{BLOB}/py/d3.vhd')",
        f"sms.add_data_disk('shop', 'shop', 'web01', 3, None, None, None, None, None, '{BLOB}/py/d3.vhd')",
        f"sms.add_data_disk('shop', 'shop', 'web01', 3, media_link='{BLOB}/d3.vhd', source_media_link='{BLOB}/py/d3.vhd')",
    ],
    ids=["keyword", "positional", "beside-a-plain-media-link"],
)
def test_add_data_disk_from_a_source_blob_with_a_slash(tmp_path, monkeypatch, call):
    column = call.index(f"'{BLOB}/py/") + 1
    assert _findings(tmp_path, monkeypatch, call + "\n") == [f"MIG401 vm.py:3:{column} 'py/d3.vhd'"]


def test_add_data_disk_s_ignored_media_link_is_not_checked(tmp_path, monkeypatch):
    call = (
        f"sms.add_data_disk('shop', 'shop', 'web01', 1, media_link='{BLOB}/copies/d1.vhd',\n"
        f"                  source_media_link='{BLOB}/d1.vhd')\n"
    )
    assert _findings(tmp_path, monkeypatch, call) == []


def test_a_source_the_script_may_leave_none_leaves_the_media_link_checked(tmp_path, monkeypatch):
    call = (
        "import json\n"
        "opts = json.load(open('opts.json'))\n"
        f"sms.add_data_disk('shop', 'shop', 'web01', 1, media_link='{BLOB}/copies/d1.vhd',\n"
        "                  source_media_link=opts.get('source', None))\n"
    )
    assert _findings(tmp_path, monkeypatch, call) == ["MIG401 vm.py:5:58 'copies/d1.vhd'"]


@pytest.mark.parametrize(
    ("disk", "found"),
    [
        (f"DataVirtualHardDisk(lun=0, source_media_link='{BLOB}/py/d0.vhd')", ["'py/d0.vhd'"]),
        (f"DataVirtualHardDisk('{BLOB}/new/d0.vhd', None, '', '', 0, 0, '{BLOB}/d0.vhd')", []),
        (f"DataVirtualHardDisk('{BLOB}/d0.vhd', None, '', '', 0, 0, '{BLOB}/py/d0.vhd')", ["'py/d0.vhd'"]),
    ],
    ids=["keyword", "positional-plain-source", "positional-source-with-a-slash"],
)
def test_update_role_s_data_disk_from_a_source_blob(tmp_path, monkeypatch, disk, found):
    script = (
        "disks = DataVirtualHardDisks()\n"
        f"disks.data_virtual_hard_disks.append({disk})\n"
        "sms.update_role('shop', 'shop', 'web01', data_virtual_hard_disks=disks)\n"
    )
    assert [f.split(" ", 2)[2] for f in _findings(tmp_path, monkeypatch, script)] == found


def test_an_os_disk_is_checked_at_its_media_link_not_its_image_s_blob(tmp_path, monkeypatch):
    script = (
        f"os_disk = OSVirtualHardDisk(None, '{BLOB}/web02.vhd', remote_source_image_link='{BLOB}/img/a.vhd')\n"
        "sms.add_role('shop', 'shop', 'web02', None, os_disk, role_size='Small')\n"
        f"sms.add_role('shop', 'shop', 'web03', None, OSVirtualHardDisk('img', '{BLOB}/py/web03.vhd'))\n"
    )
    assert [f.split(" ", 2)[2] for f in _findings(tmp_path, monkeypatch, script)] == ["'py/web03.vhd'"]
