"""A VM created with a blob for its OS disk and no disk name (the platform names the disk) is listed in its
storage account's report-json item as `"disks": [""]`: a program reading it got an empty name, and three
such disks were three empty strings. Each is now said by what it is, as a VM no file names is
(`vms_first_described`): the OS or data disk of the VM it is attached to."""

from __future__ import annotations

import json

import pytest
from lint_support import TERRAFORM_VM_IN_DISKSSTD
from lint_support import run_cli as run

BLOB = "https://disksstd.blob.core.windows.net/vhds"

UNNAMED_DISKS = {
    "a.sh": f"""\
azure config mode asm
azure storage account create disksstd --location "West US"
azure vm create db01 img u p --location "West US" -u "{BLOB}/db01.vhd"
azure vm disk attach-new db01 20 "{BLOB}/db01-data.vhd"
""",
    "main.tf": TERRAFORM_VM_IN_DISKSSTD
    + """\
resource "azure_data_disk" "data" {
  virtual_machine      = "db01"
  size                 = 20
  lun                  = 0
  storage_service_name = "disksstd"
}
""",
}


@pytest.mark.parametrize("name", sorted(UNNAMED_DISKS))
def test_each_disk_is_said_by_the_vm_it_is_attached_to(name, tmp_path, monkeypatch, capsys):
    (tmp_path / name).write_text(UNNAMED_DISKS[name], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(run(capsys, "check", ".", "--format", "report-json")[1])
    [account] = [
        i
        for s in report["subscriptions"]
        for sc in s["scopes"]
        for i in sc["items"]
        if i["name"] == "disksstd"
    ]
    assert account["migrates"]["disks"] == ["<OS disk of VM db01>", "<data disk of VM db01>"]
    out = run(capsys, "check", ".")[1]
    assert "disksstd (2 disks)" in out
