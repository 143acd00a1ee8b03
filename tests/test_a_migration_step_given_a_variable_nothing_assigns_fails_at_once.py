"""A migration runbook's loop prepares each network by its loop variable (`$vnet`) and commits
`-VirtualNetworkName $vnetName`, a variable nothing in the script assigns: the Commit is given $null (unless
the session that runs the script set it), PowerShell refuses it, and what was prepared stays locked. MIG602
says so at the Commit, as it does of a parameter the cmdlet does not have; a variable the script assigns,
takes as a parameter or loops over, or one something may set unseen, is not reported."""

from __future__ import annotations

import pytest
from lint_support import lint_files

LOOP = """\
$AllVNets = Get-AzureVNetSite | ForEach-Object {{ $_.Name }}
foreach ($vnet in $AllVNets) {{
    Move-AzureVirtualNetwork -Validate -VirtualNetworkName $vnet
    Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $vnet
    Move-AzureVirtualNetwork -Commit -VirtualNetworkName {committed} -Confirm
}}
"""


def _mig602(tmp_path, monkeypatch, script: str) -> list[str]:
    findings = lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, "MIG602", dedent=False).findings
    return [f"{f.location.line}: {f.message}" for f in findings]


def test_a_commit_of_a_variable_nothing_assigns_fails_at_once(tmp_path, monkeypatch):
    (finding,) = _mig602(tmp_path, monkeypatch, LOOP.format(committed="$vnetName"))
    assert finding.startswith("5: ")
    assert "Move-AzureVirtualNetwork -Commit fails at once" in finding
    assert "-VirtualNetworkName $vnetName, which nothing in the script assigns" in finding
    assert "unless the session that runs the script set it" in finding


@pytest.mark.parametrize(
    "script",
    [
        LOOP.format(committed="$vnet"),
        "param([string]$vnetName)\n" + LOOP.format(committed="$vnetName"),
        "$vnetName = 'app-vnet'\n" + LOOP.format(committed="$vnetName"),
        LOOP.format(committed="$vnetName") + "$vnetName = 'set after, read in a later run of the loop'\n",
        "Set-Variable -Name vnetName -Value 'app-vnet'\n" + LOOP.format(committed="$vnetName"),
        ". .\\settings.ps1\n" + LOOP.format(committed="$vnetName"),
        LOOP.format(committed="$env:VNET_NAME"),
    ],
    ids=["loop variable", "parameter", "assigned", "assigned later", "set-variable", "dot-sourced", "env"],
)
def test_a_variable_the_script_may_set_is_not_reported(tmp_path, monkeypatch, script):
    assert not [f for f in _mig602(tmp_path, monkeypatch, script) if "fails at once" in f]
