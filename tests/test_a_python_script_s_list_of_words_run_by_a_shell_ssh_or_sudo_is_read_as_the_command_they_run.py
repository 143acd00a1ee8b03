"""A Python script's list of words whose program runs the command its other words name (`["bash", "-c",
"azure vm shutdown web1"]`, `["ssh", "jump", "azure vm ..."]`, `["sudo", "azure", ...]`, `["runuser", "-u",
"ops", "--", "azure", ...]`) is read as that command, as the same words in a shell script are, and as a
command line given as a string (`shell=True`, `os.system`) is; a list whose command is not classic says
nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

RUNS = {
    "bash -c": ("['bash', '-c', 'azure vm shutdown web1']", ["MIG601 run.py:3:17"]),
    "sh -c, by a path": ("['/bin/sh', '-c', 'azure vm shutdown web1']", ["MIG601 run.py:3:17"]),
    "ssh": ("['ssh', 'admin@jump', 'azure vm shutdown web1']", ["MIG601 run.py:3:38"]),
    "sudo": ("['sudo', '-u', 'ops', 'azure', 'vm', 'shutdown', 'web1']", ["MIG601 run.py:3:38"]),
    "runuser -u": (
        "['runuser', '-u', 'ops', '--', 'azure', 'vm', 'shutdown', 'web1']",
        ["MIG601 run.py:3:47"],
    ),
    "env": ("['env', 'SVC=shop', 'azure', 'vm', 'shutdown', 'web1']", ["MIG601 run.py:3:36"]),
    "bash -c, not classic": ("['bash', '-c', 'az vm deallocate -g rg -n web1']", []),
    "sudo, not classic": ("['sudo', 'systemctl', 'restart', 'azure-agent']", []),
}


@pytest.mark.parametrize("case", RUNS)
def test_the_command_the_program_runs_is_read(tmp_path, monkeypatch, case):
    words, expected = RUNS[case]
    text = f"import subprocess\n\nsubprocess.run({words}, check=True)\n"
    result = lint_files(tmp_path, monkeypatch, {"run.py": text}, "MIG601", dedent=False)
    assert where(result.findings) == expected
    assert all("azure vm shutdown" in finding.message for finding in result.findings)


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (
            "subprocess.run(['pwsh', '-Command', 'Stop-AzureVM -ServiceName shop -Name web1 -Force'])",
            ["MIG601 run.py:3:37"],
        ),
        (
            "os.system(\"pwsh -Command 'Stop-AzureVM -ServiceName shop -Name web1 -Force'\")",
            ["MIG601 run.py:3:11"],
        ),
        ("subprocess.run(['pwsh', '-Command', 'Stop-AzVM -ResourceGroupName rg -Name web1 -Force'])", []),
    ],
    ids=["list", "command line", "not classic"],
)
def test_a_classic_cmdlet_a_python_script_gives_powershell_is_the_script_s(
    tmp_path, monkeypatch, run, expected
):
    """`pwsh -Command 'Stop-AzureVM ...'` run by a Python script is read by the PowerShell reader, as the
    same command in a shell script is: a classic cmdlet there is the Python script's."""
    text = f"import os\nimport subprocess\n{run}\n"
    result = lint_files(tmp_path, monkeypatch, {"run.py": text}, "MIG601", dedent=False)
    assert where(result.findings) == expected
    assert all("Stop-AzureVM" in finding.message for finding in result.findings)
