"""A `switch` whose parameters are written by a prefix of their names (`switch -w (…)` for -Wildcard,
`-r -c` for -Regex -CaseSensitive) is read as PowerShell reads it, and the prefixes the grammar does not know
are no unread part of the script: the clauses were matched right, and the script was still said to hold a
part not read where the parameters are. A prefix of no parameter, or of one the reader does not follow
(`-p` for -Parallel), is still an unread part."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment, Script
from migcheck.readers import powershell

CONFIG = '$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img\n$e = "prod1"\n'


def _read(parameters: str) -> tuple[list[str], list[int]]:
    text = (
        f"switch {parameters} ($e) {{\n"
        '  "prod*" { New-AzureVM -ServiceName svc1 -VMs $vm -Location "West US" }\n'
        '  "^Prod" { New-AzureVM -ServiceName svc2 -VMs $vm -Location "West US" }\n'
        "}\n"
    )
    document = powershell.read("deploy.ps1", (CONFIG + text).encode())
    deployments = sorted(r.name for r in document.resources if isinstance(r, Deployment))
    scripts = [r for r in document.resources if isinstance(r, Script)]
    return deployments, [mark.line for script in scripts for mark in script.unread]


@pytest.mark.parametrize("parameters", ["-w", "-W", "-wild", "-Wildcard"])
def test_an_abbreviated_wildcard_matches_and_leaves_nothing_unread(parameters):
    assert _read(parameters) == (["svc1"], [])


def test_abbreviated_regex_and_case_sensitive_match_and_leave_nothing_unread():
    assert _read("-r -c") == (["svc1"], [])
    assert _read("-r") == (["svc1", "svc2"], [])


@pytest.mark.parametrize("parameters", ["-zz", "-p"])
def test_a_prefix_of_no_followed_parameter_is_still_unread(parameters):
    assert _read(parameters)[1] == [3]
