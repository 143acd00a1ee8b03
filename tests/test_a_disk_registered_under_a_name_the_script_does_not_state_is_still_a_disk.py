"""A disk a script registers under a name it does not state is still a disk in the subscription's
repository, attached to no VM the files show: MIG402 says it is not migrated as a disk, shown by a stand-in
named where the name is passed (`<disk name, add.ps1:2>`). A blank left to fill in (`$d = ""`, `D=""`,
`DISK = ""`) is such a name, as a parameter is, in PowerShell (Add-AzureDisk), Python (add_disk) and the
classic CLI (`azure vm disk create`); `vm disk delete` given the same variable takes it away. A stated name
is as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

BLOB = "https://store.blob.core.windows.net/vhds/data.vhd"

PY_HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
"""


def disks(tmp_path, monkeypatch, name: str, script: str) -> list[str]:
    findings = lint_files(tmp_path, monkeypatch, {name: script}, "MIG402").findings
    return [f.message.split(" is attached", 1)[0] for f in findings]


@pytest.mark.parametrize(
    "script",
    [
        f'$d = ""\nAdd-AzureDisk -DiskName $d -MediaLocation "{BLOB}" -OS Windows\n',
        f'param($d)\nAdd-AzureDisk -DiskName $d -MediaLocation "{BLOB}" -OS Windows\n',
    ],
)
def test_a_powershell_disk_under_a_blank_or_a_parameter_is_a_disk(tmp_path, monkeypatch, script):
    assert disks(tmp_path, monkeypatch, "add.ps1", script) == ["disk '<disk name, add.ps1:2>'"]


@pytest.mark.parametrize(
    "body",
    [
        f'sms.add_disk(False, "data", "{BLOB}", sys.argv[1], "Linux")\n',
        f'DISK = ""\nsms.add_disk(False, "data", "{BLOB}", DISK, "Linux")\n',
    ],
)
def test_a_python_disk_under_a_name_the_script_does_not_state_is_a_disk(tmp_path, monkeypatch, body):
    line = PY_HEAD.count("\n") + body.count("\n")
    assert disks(tmp_path, monkeypatch, "add.py", PY_HEAD + body) == [f"disk '<disk name, add.py:{line}>'"]


@pytest.mark.parametrize(
    "script",
    [
        f'#!/bin/bash\nD=$1\nazure vm disk create "$D" -u {BLOB}\n',
        f'#!/bin/bash\nD=""\nazure vm disk create "$D" -u {BLOB}\n',
    ],
)
def test_a_cli_disk_under_a_name_the_script_does_not_state_is_a_disk(tmp_path, monkeypatch, script):
    assert disks(tmp_path, monkeypatch, "add.sh", script) == ["disk '<disk name, add.sh:3>'"]


def test_a_cli_disk_deleted_again_by_the_same_variable_is_gone(tmp_path, monkeypatch):
    script = f'#!/bin/bash\nD=$1\nazure vm disk create "$D" -u {BLOB}\nazure vm disk delete "$D"\n'
    assert disks(tmp_path, monkeypatch, "add.sh", script) == []


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("add.ps1", f'Add-AzureDisk -DiskName "data1" -MediaLocation "{BLOB}" -OS Windows\n'),
        ("add.py", PY_HEAD + f'sms.add_disk(False, "data", "{BLOB}", "data1", "Linux")\n'),
        ("add.sh", f"#!/bin/bash\nazure vm disk create data1 -u {BLOB}\n"),
    ],
)
def test_a_disk_under_a_stated_name_is_named_by_it(tmp_path, monkeypatch, name, script):
    assert disks(tmp_path, monkeypatch, name, script) == ["disk 'data1'"]
