"""A PowerShell script's classic commands that it has another program run (`sudo`, `env`, `runuser -u`, a
shell given a command line, another host's shell by ssh) are its own calls: one MIG601 for the script, at its
first classic call, naming them with the cmdlets it calls itself, as where it runs the same commands
without the prefix."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

PREFIXES = {
    "sudo": ("sudo azure vm shutdown web1", "sudo -u ops azure vm start web2"),
    "env": ("env A=1 azure vm shutdown web1", "env B=2 azure vm start web2"),
    "runuser -u": ("runuser -u ops azure vm shutdown web1", "runuser -u ops azure vm start web2"),
    "bash -c": ("bash -c 'azure vm shutdown web1'", "sh -c 'azure vm start web2'"),
    "ssh": ("ssh admin@jump 'azure vm shutdown web1'", "ssh admin@jump 'azure vm start web2'"),
    "no prefix": ("azure vm shutdown web1", "azure vm start web2"),
}


@pytest.mark.parametrize("case", PREFIXES)
def test_the_commands_another_program_runs_are_in_the_script_s_one_finding(tmp_path, monkeypatch, case):
    first, second = PREFIXES[case]
    script = f"{first}\nGet-AzureVM -ServiceName shop\n{second}\nStop-AzureVM -ServiceName svc -Name vm1\n"
    result = lint_files(tmp_path, monkeypatch, {"q.ps1": script}, "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 q.ps1:1:1"]
    message = result.findings[0].message
    names = ["azure vm shutdown", "Get-AzureVM", "azure vm start", "Stop-AzureVM"]
    assert all(name in message for name in names), message


def test_a_script_whose_only_classic_command_another_program_runs_has_one_finding(tmp_path, monkeypatch):
    script = "Write-Output 'stopping'\nsudo azure vm shutdown web1\nenv A=1 azure vm shutdown web2\n"
    result = lint_files(tmp_path, monkeypatch, {"only.ps1": script}, "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 only.ps1:2:1"]
    assert "PowerShell script 'only.ps1'" in result.findings[0].message
