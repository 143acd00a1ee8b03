"""MIG313 on a peering a script adds to a classic network names the Resource Manager network and the peering as
the script gives them: the network `Get-AzVirtualNetwork` outputs whether it is passed by `-VirtualNetwork` or
piped into `Add-AzVirtualNetworkPeering`, and whether it is named by `-Name` or by `-ResourceId`; a name the
script does not state (`-Name $peering`, `--vnet-name "$HUB"`) is a stand-in at the place it is passed, never
the classic network's name nor nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
HUB = f"{SUB}/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet"

SCRIPTS = [
    (
        "peer.ps1",
        "Get-AzVirtualNetwork -Name hub-vnet -ResourceGroupName hub-rg | "
        f'Add-AzVirtualNetworkPeering -Name hub-to-classic -RemoteVirtualNetworkId "{VNET}"\n',
        "with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')",
    ),
    (
        "peer.ps1",
        f"$hub = Get-AzVirtualNetwork -ResourceId {HUB}\n"
        f'Add-AzVirtualNetworkPeering -Name hub-to-classic -VirtualNetwork $hub -RemoteVirtualNetworkId "{VNET}"\n',
        "with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')",
    ),
    (
        "peer.ps1",
        "$hub = Get-AzVirtualNetwork -Name hub-vnet -ResourceGroupName hub-rg\n"
        f'Add-AzVirtualNetworkPeering -VirtualNetwork $hub -RemoteVirtualNetworkId "{VNET}" -Name $peering\n',
        "with Resource Manager network 'hub-vnet' (peering '<peering name, peer.ps1:2>')",
    ),
    (
        "peer.sh",
        f'az network vnet peering create -g hub-rg --vnet-name "$HUB" -n "$PEERING" --remote-vnet {VNET}\n',
        "with Resource Manager network '<Resource Manager network, peer.sh:1>' (peering '<peering name, peer.sh:1>')",
    ),
    (
        "peer.ps1",
        f"az network vnet peering create -g hub-rg --vnet-name $hub -n $peering --remote-vnet {VNET}\n",
        "with Resource Manager network '<Resource Manager network, peer.ps1:1>' (peering '<peering name, peer.ps1:1>')",
    ),
    (
        "peer.sh",
        f'az network vnet peering update -g hub-rg --vnet-name "$HUB" -n hub-to-classic --set remoteVirtualNetwork.id={VNET}\n',
        "with Resource Manager network '<Resource Manager network, peer.sh:1>' (peering 'hub-to-classic')",
    ),
]
IDS = [
    "piped network",
    "network by -ResourceId",
    "peering name not stated",
    "shell: names not stated",
    "az in powershell: names not stated",
    "shell: peering update",
]


@pytest.mark.parametrize(("name", "script", "said"), SCRIPTS, ids=IDS)
def test_the_peering_s_networks_are_named_as_the_script_gives_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str, said: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: script})
    assert [f.code for f in result.findings] == ["MIG313"]
    assert said in result.findings[0].message
