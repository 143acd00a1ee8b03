"""A variable an `if` gives a network's name on one path and nothing on the other (`if ($Prod) { $VNet = 'a'
}`, with or without `$VNet = $null` before it) names that network where New-AzureVM is given it: on one path
the call creates the deployment in 'a', on the other in none, as where an `if` and its `else` call New-AzureVM
each way. MIG105 and MIG203 name 'a', where they spoke of a network the script does not state; so does a loop
that may run no turns. On the path into 'a' the VM has no subnet there, as MIG203 says of an `if` and `else`
that call New-AzureVM each way."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

VM = (
    "New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img -MediaLocation "
    "'https://s.blob.core.windows.net/v/a.vhd' |\n"
    "  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p |\n"
    "  New-AzureVM -ServiceName svc1 -Location 'West US' -VNetName $VNet\n"
)


@pytest.mark.parametrize(
    "choice",
    [
        "if ($Prod) { $VNet = 'a' }",
        "$VNet = $null; if ($Prod) { $VNet = 'a' }",
        "foreach ($n in $N) { $VNet = 'a' }",
    ],
    ids=["if", "null-before", "loop"],
)
def test_the_network_of_the_one_path_is_named(tmp_path, monkeypatch, choice):
    script = f"{choice}\n{VM}"
    findings = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203", dedent=False)
    mig105, mig203 = sorted(findings.findings, key=lambda f: f.code)
    assert where([mig105, mig203]) == ["MIG105 deploy.ps1:4:3", "MIG203 deploy.ps1:2:1"]
    assert "on one path of the script this call creates it in none, on another it is in 'a'" in mig105.message
    assert mig203.message == "VM 'vm1' of cloud service 'svc1' is in virtual network 'a' but has no subnet"
