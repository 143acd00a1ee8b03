"""A shell script file of the repository that a PowerShell script or a PowerShell CI step runs through a shell
(`bash ./tools/create.sh websvc web1`, `sh tools/create.sh ...`, `& bash "$PSScriptRoot/tools/create.sh" ...`,
`bash.exe`, a shell's own options first) is read where it is run, with the words given as its `$1`..., as a
shell script's run of a PowerShell file and a PowerShell script's run of a Python file are: the VM it creates is
`web1` of `websvc`, and its calls are the running script's (MIG601 names it). Before, the file was read alone,
its arguments unknown. A shell given a command inline (`bash -c '...'`) runs no file, and a file the run does
not check is not followed."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = """\
#!/bin/bash
azure config mode asm
azure vm create "$1" img azureuser 'Pa$$w0rd' --vm-name "$2" -l "West US"
"""
RUNS = {
    "bash": "bash ./tools/create.sh websvc web1",
    "sh": "sh tools/create.sh websvc web1",
    "options": "bash -e -o pipefail tools\\create.sh websvc web1",
    "call-operator-exe": "& bash.exe .\\tools\\create.sh websvc web1",
    "script-root": '& bash "$PSScriptRoot/tools/create.sh" websvc web1',
    "here": "$here = Split-Path -Parent $MyInvocation.MyCommand.Path\nbash $here/tools/create.sh websvc web1",
}


def _found(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(
        tmp_path, monkeypatch, {**files, "tools/create.sh": CREATE}, "MIG105", "MIG601", dedent=False
    )
    return [f"{f.code} {f.location.path if f.location else ''} {f.message}" for f in result.findings]


def _services(found: list[str]) -> list[str]:
    """The cloud services MIG105 (a deployment in no virtual network) names."""
    return [
        f.split("cloud service ", 1)[1].split(" ", 1)[0].strip("'") for f in found if f.startswith("MIG105")
    ]


@pytest.mark.parametrize("command", list(RUNS.values()), ids=list(RUNS))
def test_a_powershell_script_runs_the_shell_file_with_its_arguments(tmp_path, monkeypatch, command):
    found = _found(tmp_path, monkeypatch, {"deploy.ps1": command + "\n"})
    assert _services(found) == ["websvc"]
    (classic,) = [f for f in found if f.startswith("MIG601")]
    assert classic.startswith(
        "MIG601 tools/create.sh PowerShell script 'deploy.ps1' uses the classic Azure CLI"
    )
    assert "(in tools/create.sh: azure vm create)" in classic


def test_a_shell_given_a_command_inline_runs_no_file(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch, {"deploy.ps1": "bash -c 'echo tools/create.sh'\n"})
    assert "websvc" not in _services(found)
    assert [f.split(" ", 2)[1] for f in found if f.startswith("MIG601")] == ["tools/create.sh"]
    assert "Shell script 'create.sh'" in next(f for f in found if f.startswith("MIG601"))


def test_a_file_the_run_does_not_check_is_not_followed(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch, {"deploy.ps1": "bash ./tools/other.sh websvc web1\n"})
    assert "websvc" not in _services(found)


PIPELINES = {
    "github": (
        ".github/workflows/deploy.yml",
        "on: push\njobs:\n  deploy:\n    runs-on: windows-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - shell: pwsh\n        run: '{command}'\n",
    ),
    "azure-pwsh": ("azure-pipelines.yml", "steps:\n- pwsh: '{command}'\n"),
}


@pytest.mark.parametrize("pipeline", list(PIPELINES))
def test_a_powershell_ci_step_runs_the_shell_file_with_its_arguments(tmp_path, monkeypatch, pipeline):
    name, text = PIPELINES[pipeline]
    found = _found(tmp_path, monkeypatch, {name: text.format(command=RUNS["call-operator-exe"])})
    assert _services(found) == ["websvc"]
