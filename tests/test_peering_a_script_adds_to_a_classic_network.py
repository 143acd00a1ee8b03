"""A PowerShell script that peers a Resource Manager network with a classic one (`Add-AzVirtualNetworkPeering`,
AzureRM's `Add-AzureRmVirtualNetworkPeering`, its `-RemoteVirtualNetworkId` a classic network's id the script
writes out) records the peering an export of the Resource Manager network would show: MIG313 at the id, and
the network's plan step is blocked. A peering of two Resource Manager networks is not the migration's."""

from __future__ import annotations

import pytest
from lint_support import CONTOSO_NETCFG as NETCFG
from lint_support import lint_files, where

GROUP = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups"
CLASSIC = f"{GROUP}/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/contoso-vnet"
ARM = f"{GROUP}/spoke-rg/providers/Microsoft.Network/virtualNetworks/spoke"


def script(cmdlet: str, remote: str) -> str:
    return (
        "$hub = Get-AzVirtualNetwork -Name hub -ResourceGroupName hub-rg\n"
        f'{cmdlet} -Name to-classic -VirtualNetwork $hub -AllowForwardedTraffic -RemoteVirtualNetworkId "{remote}"\n'
    )


@pytest.mark.parametrize(
    ("cmdlet", "at"),
    [
        ("Add-AzVirtualNetworkPeering", "peer.ps1:2:114"),
        ("Add-AzureRmVirtualNetworkPeering", "peer.ps1:2:119"),
    ],
)
def test_a_peering_to_a_classic_network_is_reported_at_its_id(
    tmp_path, monkeypatch, cmdlet: str, at: str
) -> None:
    files = {"NetworkConfig.netcfg": NETCFG, "peer.ps1": script(cmdlet, CLASSIC)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG313")
    assert where(result.findings) == [f"MIG313 {at}"]
    # The Resource Manager network is the one `Get-AzVirtualNetwork -Name hub` outputs, as the shell and
    # Python readers name it from `--vnet-name` and `virtual_network_name`.
    assert result.findings[0].message.startswith(
        "classic virtual network 'contoso-vnet' is peered with Resource Manager network 'hub' (peering 'to-classic')"
    )


def test_the_plan_blocks_the_peered_network(plan_of) -> None:
    plan = plan_of(
        {"NetworkConfig.netcfg": NETCFG, "peer.ps1": script("Add-AzVirtualNetworkPeering", CLASSIC)}
    )
    step = next(step for s in plan.subscriptions for step in s.steps if step.id == "network:contoso-vnet")
    assert any(blocker.code == "MIG313" for blocker in step.blockers)


@pytest.mark.parametrize("remote", [ARM, "$spoke.Id"])
def test_a_peering_of_two_resource_manager_networks_is_not(tmp_path, monkeypatch, remote: str) -> None:
    files = {"NetworkConfig.netcfg": NETCFG, "peer.ps1": script("Add-AzVirtualNetworkPeering", remote)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG313")
    assert where(result.findings) == []
