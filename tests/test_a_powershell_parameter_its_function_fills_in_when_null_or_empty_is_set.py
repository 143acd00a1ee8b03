"""A PowerShell function that fills in a parameter left to its $null default (`if ([string]::IsNullOrEmpty(
$VNetName)) { $VNetName = 'appvnet' }`) gives a network, or a subnet, on every path: whichever form the test
takes (-not, !, -eq $null, -eq '', [string]::IsNullOrEmpty, IsNullOrWhiteSpace, .Length -eq 0, -not
.Length), the VM is not said to be in no virtual network (MIG105) nor to have no subnet (MIG203), whether a
call leaves the parameter out or no call is read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

FUNCTION = """\
function New-AppVM {
    param([string]$Service, [string]$Name, [string]$VNetName = $null, [string]$Subnet = $null)
    if (TEST_VNET) { $VNetName = 'appvnet' }
    if (TEST_SUBNET) { $Subnet = 'web' }
    $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName 'img' |
        Add-AzureProvisioningConfig -Windows -AdminUsername 'u' -Password 'p' |
        Set-AzureSubnet -SubnetNames $Subnet
    New-AzureVM -ServiceName $Service -VNetName $VNetName -Location 'West Europe' -VMs $vm
}
"""

NULL_TESTS = [
    "-not $X",
    "!$X",
    "$X -eq $null",
    "$null -eq $X",
    "$X -eq ''",
    "[string]::IsNullOrEmpty($X)",
    "[String]::IsNullOrWhiteSpace($X)",
    "[System.String]::IsNullOrEmpty($X)",
    "$X.Length -eq 0",
    "-not $X.Length",
]


def _script(test: str, call: str) -> str:
    return (
        FUNCTION.replace("TEST_VNET", test.replace("$X", "$VNetName")).replace(
            "TEST_SUBNET", test.replace("$X", "$Subnet")
        )
        + call
    )


@pytest.mark.parametrize("test", NULL_TESTS)
def test_a_call_that_leaves_the_parameters_out_is_in_the_filled_in_network(tmp_path, monkeypatch, test):
    script = _script(test, "New-AppVM -Service 'svc1' -Name 'vm1'\n")
    result = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG105", "MIG203", dedent=False)
    assert result.findings == []


@pytest.mark.parametrize("test", NULL_TESTS)
def test_a_function_no_call_runs_fills_in_a_network_on_every_path(tmp_path, monkeypatch, test):
    result = lint_files(
        tmp_path, monkeypatch, {"vm.ps1": _script(test, "")}, "MIG105", "MIG203", dedent=False
    )
    assert result.findings == []


def test_a_test_of_another_value_leaves_the_network_missing_on_a_path(tmp_path, monkeypatch):
    script = _script("$Service -eq 'svc1'", "")
    result = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG105", "MIG203", dedent=False)
    assert [f.code for f in result.findings] == ["MIG105"]


def test_the_filled_in_network_is_the_one_the_call_is_placed_in(tmp_path, monkeypatch):
    script = _script("[string]::IsNullOrEmpty($X)", "New-AppVM -Service 'svc1' -Name 'vm1'\n")
    result = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, dedent=False)
    assert "MIG105" not in [f.code for f in result.findings]
    assert [f for f in where(result.findings) if "MIG2" in f] == []
