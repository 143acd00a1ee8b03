"""MIG602: a runbook that takes the resource it migrates as its parameter (`param($VNet)`, `VNET="$1"`,
`sys.argv[1]`) and commits it before preparing it is out of order whatever value it is given, in each
language the steps are written in, as one that states the name is; steps given two such values, or a
value and a name, may be of one resource, and are not judged against each other."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

# How a message names a Commit: a cmdlet's or request's step, or the classic CLI's own command.
SAID_COMMIT = ("Commit", "commit-migration")

SHELL = """\
#!/bin/bash
VNET="$1"
azure config mode asm
azure network vnet validate-migration "$VNET"
azure network vnet commit-migration "$VNET"
azure network vnet prepare-migration "$VNET"
"""
POWERSHELL = """\
param([Parameter(Mandatory)][string]$VNet)
Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -Commit -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNet
"""
POWERSHELL_CLI = """\
param([string]$VNet)
azure network vnet validate-migration $VNet
azure network vnet commit-migration $VNet
azure network vnet prepare-migration $VNet
"""
PYTHON = """\
import subprocess
import sys

vnet = sys.argv[1]
subprocess.run(["azure", "config", "mode", "asm"], check=True)
subprocess.run(["azure", "network", "vnet", "validate-migration", vnet], check=True)
subprocess.run(["azure", "network", "vnet", "commit-migration", vnet], check=True)
subprocess.run(["azure", "network", "vnet", "prepare-migration", vnet], check=True)
"""
MIGRATION_URL = "https://management.core.windows.net/$SUB/services/networking/virtualnetwork/$VNET/migration"
CURL = f"""\
VNET="$1"
curl -X POST --cert c.pem "{MIGRATION_URL}?comp=validate"
curl -X POST --cert c.pem "{MIGRATION_URL}?comp=commit"
curl -X POST --cert c.pem "{MIGRATION_URL}?comp=prepare"
"""
INVOKE_RESTMETHOD = """\
param([string]$VNet, [string]$Sub)
$base = "https://management.core.windows.net/$Sub/services/networking/virtualnetwork/$VNet/migration"
Invoke-RestMethod -Method Post -Uri "$base?comp=validate" -Certificate $cert
Invoke-RestMethod -Method Post -Uri "$base?comp=commit" -Certificate $cert
Invoke-RestMethod -Method Post -Uri "$base?comp=prepare" -Certificate $cert
"""
# Each runbook, and where its Commit is written.
RUNBOOKS = {
    "migrate.sh": (SHELL, "5:1", "$VNET"),
    "Move-Network.ps1": (POWERSHELL, "3:1", "$VNet"),
    "move_cli.ps1": (POWERSHELL_CLI, "3:1", "$VNet"),
    "migrate.py": (PYTHON, "7:17", "vnet"),
    "rest.sh": (CURL, "3:1", "$1"),
    "rest.ps1": (INVOKE_RESTMETHOD, "4:1", ""),
}


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_a_commit_of_the_parameter_s_network_before_its_prepare_is_out_of_order(tmp_path, monkeypatch, name):
    text, at, shown = RUNBOOKS[name]
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    assert where(result.findings) == [f"MIG602 {name}:{at}"]
    message = result.findings[0].message
    assert any(f"{said} comes before any Prepare of the virtual network" in message for said in SAID_COMMIT)
    if shown:
        assert f"network {shown} names" in result.findings[0].message


def test_the_steps_in_order_on_the_parameter_s_network_are_not_reported(tmp_path, monkeypatch):
    runbook = """\
        param([string]$VNet)
        Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNet
        Move-AzureVirtualNetwork -Commit -VirtualNetworkName $VNet
        Move-AzureVirtualNetwork -Abort -VirtualNetworkName $VNet
        """
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": runbook}, "MIG602")
    # The Abort after the Commit: nothing of the network is prepared any more, whatever its name.
    assert where(result.findings) == ["MIG602 migrate.ps1:5:1"]


def test_a_commit_of_another_value_may_be_of_the_prepared_network(tmp_path, monkeypatch):
    runbook = """\
        param([string]$VNet, [string]$Other)
        Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNet
        Move-AzureVirtualNetwork -Commit -VirtualNetworkName $Other
        """
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": runbook}, "MIG602")
    assert where(result.findings) == []  # $Other may name $VNet's network
