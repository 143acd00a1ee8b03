"""A PowerShell variable the script assigns on one branch only (`if ($Prod) { $VNet = 'a' }`) is $null
past the `if` on the path that did not assign it, as `$VNet = $null` before the `if` would make it:
`-VNetName $VNet` then creates the deployment in network 'a' on one path and in none on the other, so
MIG105 says it may be in none, where the VM read as surely in a network (MIG203 names 'a' then, see
tests/test_a_powershell_network_named_on_one_path_of_an_if_is_named_past_it.py; where two branches name two
networks, it says what may be, as a warning). A parameter of
the script assigned on one branch is the caller's on the other path, as before; and a variable a
dot-sourced file may set is not said to be $null there."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

QUICK = (
    'New-AzureQuickVM -Windows -ServiceName "svc" -Name "web" -ImageName "img" -AdminUsername "u" '
    '-Password "p" -Location "West US" -VNetName $VNet\n'
)


def findings(tmp_path, monkeypatch, script: str):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


@pytest.mark.parametrize(
    "choice",
    ["if ($Prod) { $VNet = 'a' } elseif ($Test) { $VNet = 'b' }\n"],
    ids=["elseif"],
)
def test_the_vm_may_be_in_no_network(tmp_path, monkeypatch, choice):
    no_network, no_subnet = findings(tmp_path, monkeypatch, "param($Prod, $Test, $Names)\n" + choice + QUICK)
    assert where([no_network, no_subnet]) == ["MIG105 deploy.ps1:3:1", "MIG203 deploy.ps1:3:1"]
    assert (no_network.severity, no_subnet.severity) == (Severity.WARNING, Severity.WARNING)
    assert no_network.message.startswith(
        "deployment 'svc' of cloud service 'svc' may be in no virtual network: on one path of the script "
        "this call creates it in none"
    )
    assert no_subnet.message.startswith(
        "VM 'web' of cloud service 'svc' has no subnet and may be in a virtual network"
    )


@pytest.mark.parametrize(
    "script",
    [
        "param($Prod, $VNet)\nif ($Prod) { $VNet = 'a' }\n" + QUICK,
        ". .\\settings.ps1\nif ($Prod) { $VNet = 'a' }\n" + QUICK,
        "$VNet = 'b'\nif ($Prod) { $VNet = 'a' }\n" + QUICK,
    ],
    ids=["parameter", "dot-sourced", "set-before"],
)
def test_a_value_the_other_path_may_hold_is_still_a_network(tmp_path, monkeypatch, script):
    [no_subnet] = findings(tmp_path, monkeypatch, script)
    assert (no_subnet.code, no_subnet.severity) == ("MIG203", Severity.ERROR)
