"""Get-AzureVNetSite without -VNetName lists every network site of the subscription: a script that creates
a gateway for each of them in one loop (`foreach ($site in Get-AzureVNetSite) { New-AzureVNetGateway -VNetName
$site.Name }`) and sets the shared key of each one's connections to its local sites in another
(`Set-AzureVNetGatewayKey -VNetName $site.Name -LocalNetworkSiteName $local.Name`) goes over the same
networks twice. A pre-shared key exists only for an IPsec connection, so those gateways are VPN gateways:
no MIG302 'may be an ExpressRoute gateway', as for a network the script names. So for the classic CLI's loops
over `$(azure network vnet list ...)`, whichever variable each names the networks by."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

GATEWAYS = """\
foreach ($VNetSite in $(Get-AzureVNetSite)) {
    if ($VNetSite.GatewaySites) {
        New-AzureVNetGateway -VNetName $VNetSite.Name -GatewayType DynamicRouting
    }
}
"""
KEYS = """\
$GatewayKey = Get-Random
foreach ($VNetSite in LISTED) {
    foreach ($LocalSite in $VNetSite.GatewaySites) {
        Set-AzureVNetGatewayKey -VNetName $VNetSite.Name -SharedKey $GatewayKey -LocalNetworkSiteName $LocalSite.Name
    }
}
"""


@pytest.mark.parametrize("listed", ["$(Get-AzureVNetSite)", "Get-AzureVNetSite", "$sites"])
def test_gateways_whose_keys_a_loop_over_every_network_sets_are_vpn_gateways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listed: str
) -> None:
    script = GATEWAYS + "$sites = Get-AzureVNetSite\n" + KEYS.replace("LISTED", listed)
    result = lint_files(tmp_path, monkeypatch, {"New-AzureNetwork.ps1": script}, "MIG302")
    assert result.findings == []


@pytest.mark.parametrize("listed", ["$Networks", "(Get-AzureVNetSite -VNetName $Other)"])
def test_keys_set_in_a_loop_over_other_networks_say_nothing_of_the_gateways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listed: str
) -> None:
    script = "param($Networks, $Other)\n" + GATEWAYS + KEYS.replace("LISTED", listed)
    result = lint_files(tmp_path, monkeypatch, {"New-AzureNetwork.ps1": script}, "MIG302")
    assert [f.location.line for f in result.findings if f.location] == [4]


SH_GATEWAYS = """\
#!/bin/bash
for vnet in $(azure network vnet list --json | jq -r '.[].name'); do
  azure network vpn-gateway create "$vnet" -t DynamicRouting
done
"""
SH_KEYS = """\
for net in LISTED; do
  azure network vpn-gateway shared-key set "$net" -t onprem -k "$KEY"
done
"""


@pytest.mark.parametrize(
    "listed",
    [
        "$(azure network vnet list --json | jq -r '.[].name')",
        "`azure network vnet list | awk 'NR>2 {print $2}'`",
    ],
)
def test_classic_cli_gateways_whose_keys_a_loop_over_every_network_sets_are_vpn_gateways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listed: str
) -> None:
    # As the classic CLI lists them: azure network vnet list, whichever variable each loop names them by.
    script = SH_GATEWAYS + SH_KEYS.replace("LISTED", listed)
    assert lint_files(tmp_path, monkeypatch, {"gateways.sh": script}, "MIG302").findings == []


@pytest.mark.parametrize("listed", ["$NETWORKS", "$(cat networks.txt)", "$(azure network vnet show hub)"])
def test_classic_cli_keys_set_in_a_loop_over_other_networks_say_nothing_of_the_gateways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listed: str
) -> None:
    script = SH_GATEWAYS + SH_KEYS.replace("LISTED", listed)
    result = lint_files(tmp_path, monkeypatch, {"gateways.sh": script}, "MIG302")
    assert [f.location.line for f in result.findings if f.location] == [3]
