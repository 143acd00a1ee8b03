"""The classic CLI run from PowerShell by a path (`& /usr/local/bin/azure vm create …`, `C:\\tools\\azure.cmd
…`, `& "$env:APPDATA\\npm\\azure.cmd" …`) is the classic CLI: PowerShell runs the program the path's last
part names, in whatever folder, so its commands create what they create as `azure …`'s do."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from tests.lint_support import script_resources

_ARGUMENTS = ' vm create web1 img user pass --location "West US"\n'


@pytest.mark.parametrize(
    "program",
    [
        "& /usr/local/bin/azure",
        "& C:/tools/azure.cmd",
        "C:\\tools\\azure.cmd",
        "& 'C:\\Program Files\\npm\\azure.cmd'",
        '& "$env:APPDATA\\npm\\azure.cmd"',
        '& "${env:APPDATA}/npm/azure"',
    ],
)
def test_a_vm_the_cli_creates_by_its_path_is_created(program):
    resources = script_resources(program + _ARGUMENTS, "deploy.ps1")
    assert [r.name for r in resources if isinstance(r, Deployment)] == ["web1"]


@pytest.mark.parametrize("program", ['& "${tool}azure"', '& "$env:APPDATA\\npm\\azure-tools.cmd"'])
def test_a_program_whose_last_part_is_not_the_cli_as_written_creates_nothing(program):
    resources = script_resources(program + _ARGUMENTS, "deploy.ps1")
    assert [r for r in resources if isinstance(r, Deployment)] == []
