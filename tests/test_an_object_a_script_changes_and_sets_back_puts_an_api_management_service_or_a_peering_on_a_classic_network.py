"""A script that gets a Resource Manager resource's object, changes its members and sets it back puts the resource
on a classic network as the resource's export row would show it: `$apim = Get-AzApiManagement -Name ...;
$apim.VirtualNetwork = New-AzApiManagementVirtualNetwork -SubnetResourceId <classic subnet>; Set-AzApiManagement
-InputObject $apim` an API Management service in that subnet (MIG319), `$peering = Get-AzVirtualNetworkPeering
...; $peering.RemoteVirtualNetwork.Id = <classic network id>; Set-AzVirtualNetworkPeering -VirtualNetworkPeering
$peering` a peering with that network (MIG313), each named as the `Get-` names it and marked where the classic id
is written. An object not set back, or changed to Resource Manager ids, is nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
NETWORKS = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks"
RM = f"{SUB}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks"


def _apim(subnet: str, set_back: str = "Set-AzApiManagement -InputObject $apim") -> str:
    return (
        "$apim = Get-AzApiManagement -ResourceGroupName apim-rg -Name shop-apim\n"
        '$apim.VpnType = "External"\n'
        f'$apim.VirtualNetwork = New-AzApiManagementVirtualNetwork -SubnetResourceId "{subnet}"\n'
        f"{set_back}\n"
    )


def _peering(
    network: str, set_back: str = "Set-AzVirtualNetworkPeering -VirtualNetworkPeering $peering"
) -> str:
    return (
        "$peering = Get-AzVirtualNetworkPeering -VirtualNetworkName hub -ResourceGroupName hub-rg -Name to-classic\n"
        f'$peering.RemoteVirtualNetwork.Id = "{network}"\n'
        f"{set_back}\n"
    )


@pytest.mark.parametrize(
    "set_back",
    [
        "Set-AzApiManagement -InputObject $apim",
        "$apim | Set-AzApiManagement",
        "Set-AzureRmApiManagement -InputObject $apim",
    ],
    ids=["-InputObject", "piped", "AzureRM"],
)
def test_an_api_management_service_set_back_in_a_classic_subnet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, set_back: str
) -> None:
    script = _apim(f"{NETWORKS}/vnet1/subnets/apim", set_back)
    result = lint_files(tmp_path, monkeypatch, {"apim.ps1": script}, "MIG319")
    line = script.splitlines()[2]
    assert where(result.findings) == [f"MIG319 apim.ps1:3:{line.index(SUB)}"]  # at the quoted id
    assert result.findings[0].message.startswith(
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'"
    )


@pytest.mark.parametrize(
    "set_back",
    [
        "Set-AzVirtualNetworkPeering -VirtualNetworkPeering $peering",
        "$peering | Set-AzVirtualNetworkPeering",
        "Set-AzureRmVirtualNetworkPeering -VirtualNetworkPeering $peering",
    ],
    ids=["-VirtualNetworkPeering", "piped", "AzureRM"],
)
def test_a_peering_set_back_with_a_classic_remote_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, set_back: str
) -> None:
    script = _peering(f"{NETWORKS}/vnet1", set_back)
    result = lint_files(tmp_path, monkeypatch, {"peer.ps1": script}, "MIG313")
    line = script.splitlines()[1]
    assert where(result.findings) == [f"MIG313 peer.ps1:2:{line.index(SUB)}"]
    [finding] = result.findings
    assert finding.message.startswith(
        "classic virtual network 'vnet1' is peered with Resource Manager network 'hub' (peering 'to-classic')"
    )
    assert "-VirtualNetworkName 'hub' -ResourceGroupName 'hub-rg'" in finding.fix


@pytest.mark.parametrize(
    "script",
    [
        _apim(f"{NETWORKS}/vnet1/subnets/apim", set_back=""),
        _apim(f"{RM}/hub/subnets/apim"),
        _peering(f"{NETWORKS}/vnet1", set_back=""),
        _peering(f"{RM}/hub"),
    ],
    ids=["apim not set back", "apim resource manager", "peering not set back", "peering resource manager"],
)
def test_an_object_not_set_back_or_on_resource_manager_ids_is_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    assert lint_files(tmp_path, monkeypatch, {"setup.ps1": script}).findings == []
