"""A classic command a PowerShell script has another program run from a string is the script's: PowerShell
started with `-Command` by Start-Process, or by a scheduled task's action (`New-ScheduledTaskAction -Execute
powershell.exe -Argument '-Command "Stop-AzureVM ..."'`, which runs it later, the script's all the same), the
classic CLI as such an action (`-Execute azure.cmd`), a shell given it (`bash -c`), another host's shell
(`ssh jump '...'`) and a program that runs the command its words name (`sudo`, `env`, `runuser -u ops`). Each is said where the command that starts it is; a program given no classic command, or
a file, says nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

STOP = "Stop-AzureVM -ServiceName shop -Name web1 -Force"

STARTED = {
    "start-process powershell": (
        f"Start-Process powershell.exe -ArgumentList '-NoProfile -Command \"{STOP}\"'",
        ["MIG601 run.ps1:1:1"],
        "Stop-AzureVM",
    ),
    "scheduled task, powershell": (
        f"$action = New-ScheduledTaskAction -Execute powershell.exe -Argument '-Command \"{STOP}\"'",
        ["MIG601 run.ps1:1:11"],
        "Stop-AzureVM",
    ),
    "scheduled task, the classic cli": (
        "New-ScheduledTaskAction -Execute azure.cmd -Argument 'vm shutdown web1'",
        ["MIG601 run.ps1:1:1"],
        "azure vm shutdown",
    ),
    "bash -c": ("bash -c 'azure vm shutdown web1'", ["MIG601 run.ps1:1:1"], "azure vm shutdown"),
    "ssh": ("ssh admin@jump 'azure vm shutdown web1'", ["MIG601 run.ps1:1:1"], "azure vm shutdown"),
    "ssh, not classic": ("ssh admin@jump 'az vm list'", [], ""),
    "sudo": ("sudo -u ops azure vm shutdown web1", ["MIG601 run.ps1:1:1"], "azure vm shutdown"),
    "env": ("env SVC=shop azure vm shutdown web1", ["MIG601 run.ps1:1:1"], "azure vm shutdown"),
    "runuser -u": ("runuser -u ops azure vm shutdown web1", ["MIG601 run.ps1:1:1"], "azure vm shutdown"),
    "sudo, not classic": ("sudo systemctl restart azure-agent", [], ""),
    "scheduled task, a file": (
        "New-ScheduledTaskAction -Execute powershell.exe -Argument '-File C:\\jobs\\stop-vms.ps1'",
        [],
        "",
    ),
}


@pytest.mark.parametrize("case", STARTED)
def test_the_classic_command_another_program_runs_is_the_script_s(tmp_path, monkeypatch, case):
    line, expected, named = STARTED[case]
    result = lint_files(tmp_path, monkeypatch, {"run.ps1": line + "\n"}, "MIG601", dedent=False)
    assert where(result.findings) == expected
    assert all(named in finding.message for finding in result.findings)
