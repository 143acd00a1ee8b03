"""An `if` that tests an environment variable for a value (`if ($env:VNET)`, `if (-not $env:VNET) { exit
1 }`, `if (-not [string]::IsNullOrEmpty($env:VNET))`) proves it set where the path goes on, as `if ($VNet)`
proves a variable set: `-VNetName $env:VNET` there puts the VM in a network the script does not state,
surely, so a VM made there without a subnet is MIG203 as an error, with no "if the environment sets"
wording, and MIG105 does not say it may be in no network. Past the `if` of a branch that does not end the
path, the variable is the environment's again, which may be empty."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

QUICK = (
    'New-AzureQuickVM -Windows -ServiceName "svc" -Name "web" -ImageName "img" -AdminUsername "u" '
    '-Password "p" -Location "West US" -VNetName $env:VNET\n'
)


def findings(tmp_path, monkeypatch, script: str):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


@pytest.mark.parametrize(
    ("script", "line", "column"),
    [
        ("if ($env:VNET) {\n    " + QUICK + "}\n", 2, 5),
        ("if (${env:VNET}) {\n    " + QUICK + "}\n", 2, 5),
        ("if ($env:VNET -ne $null) {\n    " + QUICK + "}\n", 2, 5),
        ("if (-not [string]::IsNullOrEmpty($env:VNET)) {\n    " + QUICK + "}\n", 2, 5),
        ("if (-not $env:VNET) { exit 1 }\n" + QUICK, 2, 1),
        ("if ([string]::IsNullOrEmpty($env:VNET)) { throw 'no network' }\n" + QUICK, 2, 1),
    ],
    ids=["truth", "braced", "not-null", "not-null-or-empty", "guard-not", "guard-null-or-empty"],
)
def test_the_vm_is_surely_in_the_environment_s_network(tmp_path, monkeypatch, script, line, column):
    [no_subnet] = findings(tmp_path, monkeypatch, script)
    assert where([no_subnet]) == [f"MIG203 deploy.ps1:{line}:{column}"]
    assert no_subnet.severity == Severity.ERROR
    assert no_subnet.message.startswith("VM 'web' of cloud service 'svc' is in virtual network '")
    assert no_subnet.message.endswith("' but has no subnet")
    assert "environment" not in no_subnet.message


def test_past_the_branch_the_variable_is_the_environment_s_again(tmp_path, monkeypatch):
    script = "if ($env:VNET) {\n    Write-Output $env:VNET\n}\n" + QUICK
    no_network, no_subnet = findings(tmp_path, monkeypatch, script)
    assert where([no_network, no_subnet]) == ["MIG105 deploy.ps1:4:1", "MIG203 deploy.ps1:4:1"]
    assert no_subnet.severity == Severity.WARNING
    assert "if the environment that runs the script sets `VNET`" in no_subnet.message
