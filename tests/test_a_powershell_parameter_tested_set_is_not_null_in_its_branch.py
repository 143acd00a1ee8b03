"""A PowerShell function that creates its VM only when a parameter left to its $null default is set (`if
($VNetName) { New-AzureVM -VNetName $VNetName … }`, no `else`) creates it in that network: in the branch its
test runs, the parameter is not $null, whichever form the test takes ($x, $x -ne $null, $x -ne '',
$x.Length, -not [string]::IsNullOrEmpty($x), an -and of them), so MIG105 does not say the VM may be in no
virtual network, nor MIG203 that it may have no subnet, as Python's `if network:` is read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

FUNCTION = """\
function New-AppVM {
    param([string]$Service, [string]$Name, [string]$VNetName = $null, [string]$Subnet = $null)
    if (TEST) {
        $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName 'img' |
            Add-AzureProvisioningConfig -Windows -AdminUsername 'u' -Password 'p' |
            Set-AzureSubnet -SubnetNames $Subnet
        New-AzureVM -ServiceName $Service -VNetName $VNetName -Location 'West Europe' -VMs $vm
    }
}
"""


def _findings(tmp_path, monkeypatch, test: str):
    script = FUNCTION.replace("TEST", test)
    return lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG105", "MIG203", dedent=False).findings


@pytest.mark.parametrize(
    "test",
    [
        "$VNetName -and $Subnet",
        "$Subnet -and $VNetName",
        "$VNetName -ne $null -and $null -ne $Subnet",
        "$VNetName -ne '' -and $Subnet -ine ''",
        "$VNetName.Length -and $Subnet.Length -ne 0",
        "-not [string]::IsNullOrEmpty($VNetName) -and ![String]::IsNullOrWhiteSpace($Subnet)",
        "-not ($VNetName -eq $null) -and $Subnet",
    ],
)
def test_a_vm_created_where_its_network_and_subnet_are_tested_set_is_in_them(tmp_path, monkeypatch, test):
    assert _findings(tmp_path, monkeypatch, test) == []


@pytest.mark.parametrize("test", ["$Service", "$VNetName -or $Service", "-not $VNetName"])
def test_a_test_that_may_hold_without_a_network_leaves_it_maybe_none(tmp_path, monkeypatch, test):
    findings = [f for f in _findings(tmp_path, monkeypatch, test + " -and $Subnet") if f.code == "MIG105"]
    assert where(findings) == ["MIG105 vm.ps1:7:9"]
    assert "may be in no virtual network" in findings[0].message


def test_past_the_branch_the_parameter_may_still_be_null(tmp_path, monkeypatch):
    after = "    New-AzureVM -ServiceName 'svc2' -VNetName $VNetName -Location 'West Europe' -VMs $vm\n}"
    script = FUNCTION.replace("TEST", "$VNetName -and $Subnet").replace("    }\n}", "    }\n" + after)
    findings = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG105", dedent=False).findings
    assert where(findings) == ["MIG105 vm.ps1:9:5"]
    assert "may be in no virtual network" in findings[0].message
