"""A network or subnet a declaration names (a service deployed into a network, a peering, an Application
Gateway) must be one the network configuration defines, when one is checked: a declaration is written by
hand, where a typo or the portal's short name of a network is most likely. A name that points nowhere is
MIG003, once per file, and the declaration is of no network: nothing is reported of the service, peering
or gateway in it (the platform has no such network), and the plan has no step for it. Not without a network
configuration, and not for the network an ExpressRoute authorization link names, most often another
subscription's."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="Shared-VNet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
      <Subnets>
        <Subnet name="Web"><AddressPrefix>10.5.1.0/24</AddressPrefix></Subnet>
        <Subnet name="Data"><AddressPrefix>10.5.2.0/24</AddressPrefix></Subnet>
      </Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

HUB = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub"

MISNAMED = f"""\
[[vnet-services]]
vnet = "Typo-VNet"
service = "hdinsight"
name = "etl"

[[vnet-peerings]]
vnet = "Typo2-VNet"
peer = "{HUB}"

[[application-gateways]]
name = "shop-agw"
vnet = "Typo3-VNet"

[[vnet-services]]
vnet = "typo-vnet"
service = "api-management"
"""

# The same declarations as [tool.migcheck.inventory] of a pyproject.toml: each header is two lines further.
IN_SETTINGS = "[tool.migcheck.inventory]\n" + MISNAMED.replace("[[", "[[tool.migcheck.inventory.")


def _lint(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, dedent=False)


@pytest.mark.parametrize(
    ("name", "text", "shift"), [("inventory.toml", MISNAMED, 0), ("pyproject.toml", IN_SETTINGS, 1)]
)
def test_each_declared_network_no_configuration_defines_is_reported_once_in_its_file(
    tmp_path, monkeypatch, name, text, shift
):
    result = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: text})
    # Typo-VNet twice (the names are compared without regard to case): one finding, at the first.
    assert where(result.findings) == [f"MIG003 {name}:{line + shift}:1" for line in (1, 6, 10)]
    first, peering, gateway = (f.message for f in result.findings)
    assert first.startswith("HDInsight cluster 'etl' (declared) is in virtual network 'Typo-VNet', which no ")
    assert first.endswith(f"(the file names 'Typo-VNet' on line {14 + shift} too)")
    assert peering.startswith(f"a peering with Resource Manager network '{HUB}' (declared) joins virtual ")
    assert "'Typo2-VNet', which no network configuration checked here defines" in peering
    assert gateway.startswith("classic Application Gateway 'shop-agw' is in virtual network 'Typo3-VNet'")


def test_the_plan_has_no_step_for_a_network_only_a_misnamed_declaration_names(tmp_path, monkeypatch):
    plan = build_plan(
        _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "inventory.toml": MISNAMED})
    )
    (step,) = plan.steps
    assert step.id == "network:Shared-VNet"
    assert not step.blockers


def test_a_declared_service_in_a_subnet_its_network_lacks_is_reported_and_checked(tmp_path, monkeypatch):
    declared = '[[vnet-services]]\nvnet = "shared-vnet"\nservice = "api-management"\nname = "apim"\nsubnet = "Front"\n'
    result = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "inventory.toml": declared})
    assert where(result.findings) == ["MIG003 inventory.toml:1:1", "MIG319 inventory.toml:1:1"]
    assert result.findings[0].message == (
        "API Management service 'apim' (declared) is in subnet 'Front', which is not a subnet of virtual "
        "network 'Shared-VNet'"
    )


def test_declarations_of_defined_networks_are_no_mig003(tmp_path, monkeypatch):
    declared = MISNAMED.replace("Typo3-VNet", "Shared-VNet").replace("Typo2-VNet", "SHARED-VNET")
    declared = declared.replace("Typo-VNet", "shared-vnet").replace("typo-vnet", "Shared-VNet")
    result = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "inventory.toml": declared})
    assert sorted(f.code for f in result.findings) == ["MIG312", "MIG313", "MIG315", "MIG319"]


def test_without_a_network_configuration_the_declarations_stand(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"inventory.toml": MISNAMED})
    assert sorted(f.code for f in result.findings) == ["MIG312", "MIG313", "MIG315", "MIG319"]
    assert len([s for s in build_plan(result).steps if s.id.startswith("network:")]) == 3


def test_the_network_an_authorization_link_names_is_not_looked_up(tmp_path, monkeypatch):
    link = '[[expressroute-authorization-links]]\ncircuit = "a1b2c3d4-0000-1111-2222-333344445555"\nvnet = "fabrikam-vnet"\n'
    result = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "inventory.toml": link})
    assert "MIG003" not in [f.code for f in result.findings]


def test_after_an_upload_of_unknown_content_the_declarations_stand(tmp_path, monkeypatch):
    # The script uploads a configuration the files do not show: every network may be one it defines.
    upload = "param($path)\nSet-AzureVNetConfig -ConfigurationPath $path\n"
    files = {"NetworkConfig.netcfg": NETCFG, "inventory.toml": MISNAMED, "upload.ps1": upload}
    result = _lint(tmp_path, monkeypatch, files)
    codes = sorted(f.code for f in result.findings if f.location and f.location.path == "inventory.toml")
    assert codes == ["MIG312", "MIG313", "MIG315", "MIG319"]
