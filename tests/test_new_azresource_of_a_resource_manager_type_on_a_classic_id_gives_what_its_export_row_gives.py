"""`New-AzResource` (and `Set-AzResource`) of a Resource Manager type that may reach into a classic resource, given
`-Properties` as a table the script writes out, gives the finding the resource's export row of those properties
gives, at the classic id: an App Service Environment in a classic network (MIG314), an API Management service in
a classic subnet (MIG319, the table held by a variable too), a peering, a child of its network, with a classic
one (MIG313). As `az resource create --properties` is read; the same on Resource Manager ids is nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
RM_VNET = f"{SUB}/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/spoke"
APIM = f"{SUB}/resourceGroups/apim-rg/providers/Microsoft.ApiManagement/service/shop-apim"

SCRIPTS = [
    (
        "New-AzResource -ResourceGroupName ase-rg -ResourceName shop-ase -ResourceType "
        'Microsoft.Web/hostingEnvironments -Location westeurope -Properties @{{ virtualNetwork = @{{ id = "{vnet}"; '
        "subnet = 'ase' }} }} -Force\n",
        "MIG314",
        "App Service Environment 'shop-ase' is created in classic virtual network 'vnet1', subnet 'ase'",
    ),
    (
        "$props = @{{ virtualNetworkType = 'External'; virtualNetworkConfiguration = @{{ subnetResourceId = "
        '"{vnet}/subnets/apim" }} }}\n'
        "New-AzResource -ResourceGroupName apim-rg -ResourceName shop-apim -ResourceType "
        "Microsoft.ApiManagement/service -Properties $props -Force\n",
        "MIG319",
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'",
    ),
    (
        "New-AzResource -ResourceGroupName hub-rg -ResourceType Microsoft.Network/virtualNetworks/virtualNetworkPeerings "
        '-ResourceName hub-vnet/hub-to-classic -Properties @{{ remoteVirtualNetwork = @{{ id = "{vnet}" }} }} -Force\n',
        "MIG313",
        "classic virtual network 'vnet1' is peered with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')",
    ),
    (
        f"Set-AzResource -ResourceId {APIM} -Properties "
        '@{{ virtualNetworkConfiguration = @{{ subnetResourceId = "{vnet}/subnets/apim" }} }} -Force\n',
        "MIG319",
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'",
    ),
]
IDS = ["app service environment", "api management by a variable", "peering", "Set-AzResource -ResourceId"]


def _place(script: str) -> str:
    """`line:column` of the quote that opens the classic id in `script`."""
    before = script[: script.index('"' + VNET)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


@pytest.mark.parametrize(("script", "code", "said"), SCRIPTS, ids=IDS)
def test_a_resource_manager_resource_on_a_classic_id_is_found_at_that_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, code: str, said: str
) -> None:
    text = script.format(vnet=VNET)
    result = lint_files(tmp_path, monkeypatch, {"setup.ps1": text})
    assert where(result.findings) == [f"{code} setup.ps1:{_place(text)}"]
    assert said in result.findings[0].message


@pytest.mark.parametrize("script", [case[0] for case in SCRIPTS], ids=IDS)
def test_the_same_on_a_resource_manager_id_is_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"setup.ps1": script.format(vnet=RM_VNET)})
    assert result.findings == []
