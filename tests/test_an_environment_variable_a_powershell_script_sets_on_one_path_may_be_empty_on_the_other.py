"""An environment variable a PowerShell script sets on one path only (`if ($Prod) { $env:VNET = 'a' }`) holds
that value past the `if` on that path and the environment's on the other, which is empty where the
environment that runs the script does not set it: `-VNetName $env:VNET` then creates the deployment in a
network on one path and maybe in none on the other, so MIG105 says the VMs may be in no virtual network and
MIG203 that a VM without a subnet may be in one (warnings, the path that ran decides), where the value was
read as surely naming a network (MIG203, an error). Set on every path, it is that value; and one a file the
script dot-sources may set is still a value not stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

CREATE = (
    'New-AzureQuickVM -Windows -ServiceName "svc" -Name "vm01" -ImageName "img" -AdminUsername a '
    '-Password p -Location "West US" -VNetName $env:VNET\n'
)


def findings(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


def test_set_on_one_path_it_may_be_empty_on_the_other(tmp_path, monkeypatch):
    script = "param([switch]$Prod)\nif ($Prod) { $env:VNET = 'a' }\n" + CREATE
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert where([no_network, no_subnet]) == ["MIG105 deploy.ps1:3:1", "MIG203 deploy.ps1:3:1"]
    assert (no_network.severity, no_subnet.severity) == (Severity.WARNING, Severity.WARNING)
    assert "may be in no virtual network: on one path of the script this call creates it in none" in (
        no_network.message
    )
    assert "has no subnet and may be in a virtual network" in no_subnet.message


@pytest.mark.parametrize(
    ("before", "files"),
    [
        ("if ($Prod) { $env:VNET = 'a' } else { $env:VNET = 'b' }\n", {}),
        (". \"$PSScriptRoot\\settings.ps1\"\nif ($Prod) { $env:VNET = 'a' }\n", {"settings.ps1": "$x = 1\n"}),
    ],
    ids=["every-path", "dot-sourced"],
)
def test_set_on_every_path_or_by_a_loaded_file_it_names_a_network(tmp_path, monkeypatch, before, files):
    script = "param([switch]$Prod)\n" + before + CREATE
    found = findings(tmp_path, monkeypatch, {"deploy.ps1": script, **files})
    assert [(f.code, f.severity) for f in found] == [("MIG203", Severity.ERROR)]
