"""`az ad ds create --replica-sets location=<region> subnet-id=<classic subnet>` (the option once per replica set)
creates a Domain Services managed domain in a classic network, which fails today (MIG317); `az ad ds update
--replica-sets ...` puts one there, and the update fails. `Add-AzApiManagementRegion` (`Update-`, AzureRM's) given
the object `New-AzApiManagementVirtualNetwork -SubnetResourceId <classic subnet>` makes puts a region of an API
Management service in that classic subnet (MIG319), the service named as `Get-AzApiManagement -Name` names the
object `-ApiManagement` gives, else by a stand-in where that object is given. Each is marked at the classic
subnet's id; the same on Resource Manager subnets is nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
CLASSIC = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1/subnets/aadds"
RM = f"{SUB}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/aadds"


def _ds(verb: str, *subnets: str) -> str:
    sets = " ".join(f"--replica-sets location=westeurope subnet-id={subnet}" for subnet in subnets)
    return f"az ad ds {verb} --domain corp.example.com -n corp.example.com -g aadds {sets}"


@pytest.mark.parametrize("name", ["setup.sh", "setup.ps1"])
def test_az_ad_ds_create_in_a_classic_subnet_is_a_creation_that_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    line = _ds("create", CLASSIC)
    result = lint_files(tmp_path, monkeypatch, {name: line + "\n"}, "MIG317")
    assert where(result.findings) == [f"MIG317 {name}:1:{line.index(CLASSIC) + 1}"]
    assert result.findings[0].message.startswith(
        "Microsoft Entra Domain Services managed domain 'corp.example.com' is created in classic virtual network "
        "'vnet1', subnet 'aadds': "
    )


def test_az_ad_ds_update_names_each_replica_set_and_says_the_update_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = CLASSIC.replace("vnet1", "vnet2")
    line = _ds("update", CLASSIC, RM, second)
    result = lint_files(tmp_path, monkeypatch, {"setup.sh": line + "\n"}, "MIG317")
    assert where(result.findings) == [
        f"MIG317 setup.sh:1:{line.index(CLASSIC) + 1}",
        f"MIG317 setup.sh:1:{line.index(second) + 1}",
    ]
    assert all("is updated to sit in classic virtual network" in f.message for f in result.findings)
    assert all(f.message.endswith("so the update fails today") for f in result.findings)


@pytest.mark.parametrize("name", ["setup.sh", "setup.ps1"])
def test_az_ad_ds_in_a_resource_manager_subnet_is_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    assert lint_files(tmp_path, monkeypatch, {name: _ds("create", RM) + "\n"}).findings == []


def _region(cmdlet: str, subnet: str) -> str:
    return (
        "$apim = Get-AzApiManagement -ResourceGroupName apim-rg -Name shop-apim\n"
        f'$net = New-AzApiManagementVirtualNetwork -SubnetResourceId "{subnet}"\n'
        f'{cmdlet} -ApiManagement $apim -Location "North Europe" -VirtualNetwork $net\n'
        "Set-AzApiManagement -InputObject $apim\n"
    )


@pytest.mark.parametrize(
    "cmdlet", ["Add-AzApiManagementRegion", "Update-AzApiManagementRegion", "Add-AzureRmApiManagementRegion"]
)
def test_an_api_management_region_in_a_classic_subnet_is_found_at_the_subnet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cmdlet: str
) -> None:
    script = _region(cmdlet, CLASSIC.replace("aadds", "apim"))
    result = lint_files(tmp_path, monkeypatch, {"apim.ps1": script}, "MIG319")
    line = script.splitlines()[1]
    assert where(result.findings) == [f"MIG319 apim.ps1:2:{line.index(SUB)}"]  # at the quoted id
    assert result.findings[0].message.startswith(
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'"
    )


def test_a_service_object_of_a_name_not_stated_is_a_stand_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "param($apim)\n" + _region("Add-AzApiManagementRegion", CLASSIC).split("\n", 1)[1]
    [finding] = lint_files(tmp_path, monkeypatch, {"apim.ps1": script}, "MIG319").findings
    assert finding.message.startswith("API Management service '<API Management service, apim.ps1:3>' is in")


def test_an_api_management_region_given_by_position_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _region("Add-AzApiManagementRegion", CLASSIC).replace(
        '-ApiManagement $apim -Location "North Europe" -VirtualNetwork $net',
        '$apim "North Europe" Premium 1 $net',
    )
    assert [f.code for f in lint_files(tmp_path, monkeypatch, {"apim.ps1": script}, "MIG319").findings] == [
        "MIG319"
    ]


def test_an_api_management_region_in_a_resource_manager_subnet_is_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _region("Add-AzApiManagementRegion", RM)
    assert lint_files(tmp_path, monkeypatch, {"apim.ps1": script}).findings == []
