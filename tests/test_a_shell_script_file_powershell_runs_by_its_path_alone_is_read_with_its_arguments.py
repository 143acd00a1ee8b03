"""A shell script file of the repository that a PowerShell script runs by its path alone, no shell named
(`./tools/create.sh websvc web1`, `.\\tools\\create.sh`, `tools/create.sh`, `& ./tools/create.sh`), is started by
the system with the shell its `#!` line names: it is read where it is run, with the words given as its `$1`...,
as `bash ./tools/create.sh websvc web1` is. Before, the file was read alone, its arguments unknown. A name
without a folder is a command PowerShell looks up on the PATH, not this file, and a file the run does not
check is not followed."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = """\
#!/bin/bash
azure config mode asm
azure vm create "$1" img azureuser 'Pa$$w0rd' --vm-name "$2" -l "West US"
"""
RUNS = {
    "dot-slash": "./tools/create.sh websvc web1",
    "dot-backslash": ".\\tools\\create.sh websvc web1",
    "folder": "tools/create.sh websvc web1",
    "call-operator": "& ./tools/create.sh websvc web1",
    "after-set-location": "Set-Location tools\n./create.sh websvc web1",
}


def _services(tmp_path, monkeypatch, script: str) -> list[str]:
    """The cloud services MIG105 (a deployment in no virtual network) names."""
    files = {"deploy.ps1": script + "\n", "tools/create.sh": CREATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return [f.message.split("cloud service ", 1)[1].split(" ", 1)[0].strip("'") for f in result.findings]


@pytest.mark.parametrize("command", list(RUNS.values()), ids=list(RUNS))
def test_a_powershell_script_runs_the_shell_file_by_its_path_with_its_arguments(
    tmp_path, monkeypatch, command
) -> None:
    assert _services(tmp_path, monkeypatch, command) == ["websvc"]


def test_a_file_the_run_does_not_check_is_not_followed(tmp_path, monkeypatch) -> None:
    assert "websvc" not in _services(tmp_path, monkeypatch, "./tools/other.sh websvc web1")
