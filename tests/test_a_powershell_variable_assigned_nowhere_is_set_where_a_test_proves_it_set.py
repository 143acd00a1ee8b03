"""A variable a PowerShell script assigns nowhere is $null in a session of its own and the session's value in
one that set it (see the neighbouring test of the session), but where a test the script makes proves it set
there is no doubt left: in the branch of `if ($VNet)`, past `if (-not $VNet) { throw … }`, in the `else` of
`if ([string]::IsNullOrEmpty($VNet))`, the VM is in the network `$VNet` names, one the script does not
state, and has no subnet (MIG203, an error) with nothing said of a session, and it is in a network (no
MIG105), as a shell script's VM is in the branch of `if [ -n "$VNET" ]`. Outside such a branch the session
still decides."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

CREATE = (
    'New-AzureQuickVM -Windows -ServiceName "svc" -Name "vm01" -ImageName "img" -AdminUsername a '
    '-Password p -Location "West US" -VNetName $VNet\n'
)


def findings(tmp_path, monkeypatch, script: str):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


@pytest.mark.parametrize(
    "script",
    [
        "if ($VNet) {\n" + CREATE + "}\n",
        'if (-not $VNet) { throw "VNet is required" }\n' + CREATE,
        "if ([string]::IsNullOrEmpty($VNet)) { Write-Host 'no network' } else {\n" + CREATE + "}\n",
    ],
    ids=["if-set", "guard-throws", "else-of-null-or-empty"],
)
def test_a_network_a_test_proves_set_is_a_network_not_stated(tmp_path, monkeypatch, script):
    [finding] = findings(tmp_path, monkeypatch, script)
    assert where([finding]) == ["MIG203 deploy.ps1:2:1"]
    assert finding.severity == Severity.ERROR
    assert finding.message == (
        "VM 'vm01' of cloud service 'svc' is in virtual network '<virtual network name, deploy.ps1:2:135>' "
        "but has no subnet"
    )


def test_past_a_test_that_ends_no_path_the_session_still_decides(tmp_path, monkeypatch):
    script = "if ($VNet) { Write-Host $VNet }\n" + CREATE
    no_network, no_subnet = findings(tmp_path, monkeypatch, script)
    assert (no_network.code, no_network.severity) == ("MIG105", Severity.WARNING)
    assert "unless the session that runs the script sets `$VNet`" in no_network.message
    assert no_subnet.message == (
        "VM 'vm01' of cloud service 'svc' joins a virtual network without a subnet if the session that "
        "runs the script sets `$VNet`, which the script assigns nowhere (line 2)"
    )
