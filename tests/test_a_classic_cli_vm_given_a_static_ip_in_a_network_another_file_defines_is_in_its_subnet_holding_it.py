"""`azure vm create -w net1 -S 10.0.9.5` where net1 is a network another file of the repository defines (a
netcfg): the classic CLI puts the VM in the subnet of net1 that holds the address, so the VM is in that
subnet of the network's definition. Before, the subnet stayed one the files do not state, as where no file
defines the network."""

from __future__ import annotations

from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="net1" Location="West US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
          <Subnet name="data"><AddressPrefix>10.0.9.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _subnets(tmp_path, monkeypatch, address: str) -> list[tuple[list[str], bool]]:
    script = f"azure config mode asm\nazure vm create svc1 img user pass -l 'West US' -n vm1 -w net1 -S {address}\n"
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script})
    (estate,) = result.estates
    return [
        ([s.name for s in role.subnets], "subnets" in role.unknown)
        for service in estate.cloud_services
        for placement in service.placements
        for role in placement.roles
    ]


def test_the_vm_is_in_the_subnet_of_the_defined_network_that_holds_its_address(tmp_path, monkeypatch):
    assert _subnets(tmp_path, monkeypatch, "10.0.9.5") == [(["data"], False)]


def test_an_address_no_subnet_holds_is_refused_and_makes_no_vm(tmp_path, monkeypatch):
    assert _subnets(tmp_path, monkeypatch, "10.0.200.5") == []
