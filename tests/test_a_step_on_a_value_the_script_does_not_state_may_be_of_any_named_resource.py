"""MIG602: a runbook that prepares (or validates) the network its parameter names, then commits (or
prepares) one it names outright, may be preparing that very network: `$VNet` may be hub-vnet. The later
step is not "before any Prepare" (or without a Validate) of the named network, in each language the steps
are written in; a step of a name before any step of a value of its kind still is."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

# How a message names a Commit: a cmdlet's or request's step, or the classic CLI's own command.
SAID_COMMIT = ("Commit", "commit-migration")

MIGRATION_URL = "https://management.core.windows.net/$SUB/services/networking/virtualnetwork/{}/migration"
PY_URL = "/sub/services/networking/virtualnetwork/{}/migration?comp={}"

# Each runbook's steps, by the network they name: (first step, value), then (second step, name).
RUNBOOKS = {
    "move.ps1": (
        "param([string]$VNet)\n",
        "Move-AzureVirtualNetwork -{step} -VirtualNetworkName {name}\n",
        "$VNet",
        '"hub-vnet"',
    ),
    "move.sh": (
        'VNET="$1"\nazure config mode asm\n',
        "azure network vnet {step}-migration {name}\n",
        '"$VNET"',
        "hub-vnet",
    ),
    "move_cli.py": (
        "import subprocess\nimport sys\n\nvnet = sys.argv[1]\n"
        'subprocess.run(["azure", "config", "mode", "asm"], check=True)\n',
        'subprocess.run(["azure", "network", "vnet", "{step}-migration", {name}], check=True)\n',
        "vnet",
        '"hub-vnet"',
    ),
    "rest.sh": (
        'VNET="$1"\n',
        'curl -X POST --cert c.pem "' + MIGRATION_URL.format("{name}") + '?comp={step}"\n',
        "$VNET",
        "hub-vnet",
    ),
    "rest.ps1": (
        "param([string]$VNet, [string]$Sub)\n",
        'Invoke-RestMethod -Method Post -Uri "'
        + MIGRATION_URL.format("{name}").replace("$SUB", "$Sub")
        + '?comp={step}" -Certificate $cert\n',
        "$VNet",
        "hub-vnet",
    ),
    "rest.py": (
        "import sys\nfrom azure.servicemanagement import ServiceManagementService\n\n"
        'sms = ServiceManagementService("sub", "cert.pem")\nvnet = sys.argv[1]\n',
        'sms.perform_post(f"' + PY_URL.format("{name}", "{step}") + '", "")\n',
        "{vnet}",
        "hub-vnet",
    ),
}


def runbook(name: str, *steps: tuple[str, bool]) -> str:
    """The runbook `name` running `steps`, each a step and whether it is of the value (else the name)."""
    start, line, value, stated = RUNBOOKS[name]
    text = start
    for step, of_value in steps:
        word = step.capitalize() if name.endswith("ps1") and "Move" in line else step
        written = line.replace("{step}", word).replace("{name}", value if of_value else stated)
        text += written
    return text


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_a_commit_of_a_name_after_the_prepare_of_the_parameter_s_network_is_not_reported(
    tmp_path, monkeypatch, name
):
    text = runbook(name, ("validate", True), ("prepare", True), ("commit", False))
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    assert where(result.findings) == []  # $VNet may be hub-vnet


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_an_abort_of_a_name_after_the_prepare_of_the_parameter_s_network_is_not_reported(
    tmp_path, monkeypatch, name
):
    text = runbook(name, ("validate", True), ("prepare", True), ("abort", False))
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    assert where(result.findings) == []


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_a_prepare_of_a_name_after_the_validate_of_the_parameter_s_network_is_not_reported(
    tmp_path, monkeypatch, name
):
    text = runbook(name, ("validate", True), ("prepare", False), ("commit", False))
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    assert where(result.findings) == []  # the Validate of $VNet may be hub-vnet's


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_a_commit_of_a_name_before_any_prepare_is_still_reported(tmp_path, monkeypatch, name):
    text = runbook(name, ("validate", False), ("commit", False), ("prepare", True))
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    assert len(result.findings) == 1
    message = result.findings[0].message
    assert any(
        f"{said} comes before any Prepare of virtual network 'hub-vnet'" in message for said in SAID_COMMIT
    )
