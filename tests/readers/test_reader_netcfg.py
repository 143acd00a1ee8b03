"""Network configurations: DNS, local sites, virtual networks, subnets and gateways."""

from __future__ import annotations

from migcheck.model import (
    AddressPrefix,
    DnsServer,
    FileKind,
    Gateway,
    GatewayConnection,
    LocalNetworkSite,
    Mark,
    NameRef,
    NetworkConfiguration,
    Subnet,
    VirtualNetwork,
)

PATH = "net/prod.netcfg"


def test_network_configuration(read):
    doc = read(
        PATH,
        """
        <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
          <VirtualNetworkConfiguration>
            <Dns>
              <DnsServers>
                <DnsServer name="dc1" IPAddress="10.0.0.4" />
              </DnsServers>
            </Dns>
            <LocalNetworkSites>
              <LocalNetworkSite name="office">
                <AddressSpace>
                  <AddressPrefix> 192.168.0.00/24 </AddressPrefix>
                </AddressSpace>
                <VPNGatewayAddress>198.51.100.7</VPNGatewayAddress>
              </LocalNetworkSite>
            </LocalNetworkSites>
            <VirtualNetworkSites>
              <VirtualNetworkSite name="prod" Location="West Europe">
                <AddressSpace>
                  <AddressPrefix>10.0.0.0/16</AddressPrefix>
                </AddressSpace>
                <Subnets>
                  <Subnet name="front">
                    <AddressPrefix>10.0.1.0/24</AddressPrefix>
                  </Subnet>
                  <Subnet name="empty" />
                </Subnets>
                <DnsServersRef>
                  <DnsServerRef name="dc1" />
                </DnsServersRef>
                <Gateway>
                  <VPNClientAddressPool>
                    <AddressPrefix>172.16.0.0/24</AddressPrefix>
                  </VPNClientAddressPool>
                  <ConnectionsToLocalNetwork>
                    <LocalNetworkSiteRef name="office" />
                    <LocalNetworkSiteRef name="circuit">
                      <Connection type="Dedicated" />
                    </LocalNetworkSiteRef>
                  </ConnectionsToLocalNetwork>
                </Gateway>
              </VirtualNetworkSite>
              <VirtualNetworkSite name="old" AffinityGroup="ag1" />
            </VirtualNetworkSites>
          </VirtualNetworkConfiguration>
        </NetworkConfiguration>
        """,
    )
    assert doc.kind is FileKind.NETWORK_CONFIGURATION
    prod = VirtualNetwork(
        name="prod",
        mark=Mark(PATH, 17, "VirtualNetworkSite"),
        location="West Europe",
        address_space=(AddressPrefix("10.0.0.0/16", Mark(PATH, 19, "AddressPrefix")),),
        subnets=(
            Subnet(
                "front",
                AddressPrefix("10.0.1.0/24", Mark(PATH, 23, "AddressPrefix")),
                Mark(PATH, 22, "Subnet"),
            ),
            Subnet("empty", None, Mark(PATH, 25, "Subnet")),
        ),
        dns_servers=(NameRef("dc1", Mark(PATH, 28, "DnsServerRef")),),
        gateway=Gateway(
            connections=(
                GatewayConnection("office", "IPsec", Mark(PATH, 35, "LocalNetworkSiteRef")),
                GatewayConnection("circuit", "Dedicated", Mark(PATH, 37, "Connection")),
            ),
            client_address_pool=(AddressPrefix("172.16.0.0/24", Mark(PATH, 32, "AddressPrefix")),),
            mark=Mark(PATH, 30, "Gateway"),
        ),
    )
    assert doc.resources == (
        NetworkConfiguration(
            virtual_networks=(
                prod,
                VirtualNetwork("old", Mark(PATH, 42, "VirtualNetworkSite"), affinity_group="ag1"),
            ),
            local_sites=(
                LocalNetworkSite(
                    "office",
                    # kept as written (stripped): MIG304 decides whether it is strict CIDR
                    (AddressPrefix("192.168.0.00/24", Mark(PATH, 11, "AddressPrefix")),),
                    "198.51.100.7",
                    Mark(PATH, 9, "LocalNetworkSite"),
                ),
            ),
            dns_servers=(DnsServer("dc1", "10.0.0.4", Mark(PATH, 5, "DnsServer")),),
            mark=Mark(PATH, 1, "NetworkConfiguration"),
        ),
    )
    assert prod.gateway is not None and prod.gateway.has_vpn and prod.gateway.has_expressroute


def test_network_config_xml_is_recognised_by_its_root(read):
    doc = read("net/NetworkConfig.xml", "<NetworkConfiguration/>")
    assert doc.kind is FileKind.NETWORK_CONFIGURATION
    assert doc.resources == (
        NetworkConfiguration((), (), (), Mark("net/NetworkConfig.xml", 1, "NetworkConfiguration")),
    )
