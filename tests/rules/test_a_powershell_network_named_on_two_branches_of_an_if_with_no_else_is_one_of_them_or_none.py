"""`if ($P) { $VNet = 'a' } elseif ($T) { $VNet = 'b' }` then `New-AzureVM -VNetName $VNet`: on the paths that
assign it the deployment is in 'a' or in 'b', on the other in none. MIG105 and MIG203 name both networks,
where they said only "a virtual network the script does not state"."""

from __future__ import annotations

from lint_support import lint_files, where

QUICK = (
    'New-AzureQuickVM -Windows -ServiceName "svc" -Name "web" -ImageName "img" -AdminUsername "u" '
    '-Password "p" -Location "West US" -VNetName $VNet\n'
)
SCRIPT = "param($Prod, $Test)\nif ($Prod) { $VNet = 'a' } elseif ($Test) { $VNet = 'b' }\n" + QUICK


def test_both_findings_name_each_network(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": SCRIPT}, "MIG105", "MIG203", dedent=False)
    no_network, no_subnet = sorted(result.findings, key=lambda f: f.code)
    assert where([no_network, no_subnet]) == ["MIG105 deploy.ps1:3:1", "MIG203 deploy.ps1:3:1"]
    assert (
        "on one path of the script this call creates it in none, on another it is in 'a' or 'b'; "
        in no_network.message
    )
    assert "the script puts its deployment in 'a' or 'b', or in none (line 3)" in no_subnet.message
