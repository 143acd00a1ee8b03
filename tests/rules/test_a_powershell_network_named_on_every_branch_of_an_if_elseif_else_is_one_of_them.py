"""`if ($P) { $VNet = 'a' } elseif ($T) { $VNet = 'b' } else { $VNet = 'c' }` then `-VNetName $VNet`: every path
puts the deployment in 'a', 'b' or 'c'. MIG203 names the three, where it named a stand-in for a network the
script does not state; MIG105 says nothing (no path puts it in none). An if and its else alike."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

QUICK = (
    'New-AzureQuickVM -Windows -ServiceName "svc" -Name "web" -ImageName "img" -AdminUsername "u" '
    '-Password "p" -Location "West US" -VNetName $VNet\n'
)
BRANCHES = {
    "if, elseif and else": (
        "if ($Prod) { $VNet = 'a' } elseif ($Test) { $VNet = 'b' } else { $VNet = 'c' }\n",
        "'a', 'b' or 'c'",
    ),
    "if and else": ("if ($Prod) { $VNet = 'a' } else { $VNet = 'c' }\n", "'a' or 'c'"),
}


@pytest.mark.parametrize(("branches", "named"), BRANCHES.values(), ids=BRANCHES)
def test_the_finding_names_each_network(tmp_path, monkeypatch, branches, named) -> None:
    script = "param($Prod, $Test)\n" + branches + QUICK
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203", dedent=False)
    assert where(result.findings) == ["MIG203 deploy.ps1:3:1"]
    assert f"VM 'web' of cloud service 'svc' is in virtual network {named} but has no subnet" in (
        result.findings[0].message
    )
