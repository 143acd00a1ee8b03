"""A PowerShell script that has another program run a classic command past `--`, the end of that program's
options (`runuser -u ops -- azure vm create …`, `sudo -u ops -- …`, `env --`, `bash -c -- '…'`,
`ssh jump -- '…'`), makes that command as where it writes none: PowerShell passes `--` to a native program as
written, and the command is read, one of the script's calls in its one MIG601 and the VM it creates
checked. A `--` in a string or a comment, or a decrement (`$i --`), stays what it is."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources, unread_marks, where

from migcheck.model import Deployment

HANDED_OFF = {
    "runuser -u": "runuser -u ops -- azure vm shutdown web1",
    "sudo -u": "sudo -u ops -- azure vm shutdown web1",
    "env": "env -- azure vm shutdown web1",
    "bash -c": "bash -c -- 'azure vm shutdown web1'",
    "ssh": "ssh admin@jump -- 'azure vm shutdown web1'",
}


@pytest.mark.parametrize("case", HANDED_OFF)
def test_the_command_after_the_marker_is_in_the_script_s_one_finding(tmp_path, monkeypatch, case):
    script = f"{HANDED_OFF[case]}\nStop-AzureVM -ServiceName svc -Name vm1\n"
    result = lint_files(tmp_path, monkeypatch, {"q.ps1": script}, "MIG601", "MIG001", dedent=False)
    assert where(result.findings) == ["MIG601 q.ps1:1:1"]
    assert "azure vm shutdown" in result.findings[0].message


@pytest.mark.parametrize("prefix", ["runuser -u ops --", "sudo -u ops --"])
def test_the_vm_the_command_creates_is_read(prefix):
    script = f"{prefix} azure vm create web1 ubuntu-img azureuser\nWrite-Output done\n"
    resources = script_resources(script, "create.ps1")
    assert unread_marks(resources) == []
    assert [d.service_name for d in resources if isinstance(d, Deployment)] == ["web1"]


def test_a_marker_in_a_string_or_comment_and_a_decrement_stay_as_written():
    script = (
        '$i = 3; $i --; $i--\nWrite-Output "a -- b"  # x -- y\n'
        "sudo -u ops -- azure vm create web$i ubuntu-img azureuser\n"
    )
    resources = script_resources(script, "count.ps1")
    assert unread_marks(resources) == []
    assert [d.service_name for d in resources if isinstance(d, Deployment)] == ["web1"]
