"""Facts two files state of one resource, none lost: a virtual network whose gateway a network
configuration and a REST `VirtualNetworkSites` body describe differently (MIG004), and a VM disk whose
IOType only a `Disks` list states.

A network's gateway and DNS servers are what every description of it states (its connections, their types,
the local sites they reach, the VPN client pool; each DNS server once), each fact marked where it is written;
a VM's disk takes from a listing of the same disk what its own description leaves out, and is Premium when
an export says its storage account is, whichever file gives its blob. Every rule that reads them sees the
whole, except MIG301, which looks at each description of the gateway apart (two are alternatives)."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.estate import Estate
from migcheck.plugins import load_rules

P2S_NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace>
          <AddressPrefix>10.80.0.0/16</AddressPrefix>
        </AddressSpace>
        <Subnets>
          <Subnet name="GatewaySubnet">
            <AddressPrefix>10.80.255.0/27</AddressPrefix>
          </Subnet>
        </Subnets>
        <Gateway>
          <VPNClientAddressPool>
            <AddressPrefix>172.16.192.0/20</AddressPrefix>
          </VPNClientAddressPool>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

REST_SITES = """\
<?xml version="1.0" encoding="utf-8"?>
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>hub</Name>
    <Location>West Europe</Location>
    <AddressSpace>
      <AddressPrefixes>
        <AddressPrefix>10.80.0.0/16</AddressPrefix>
      </AddressPrefixes>
    </AddressSpace>
    <Subnets>
      <Subnet>
        <Name>GatewaySubnet</Name>
        <AddressPrefix>10.80.255.0/27</AddressPrefix>
      </Subnet>
    </Subnets>
    <Gateway>
      <Profile>Small</Profile>
      <Sites>
        <LocalNetworkSite>
          <Name>er-site</Name>
          <AddressSpace>
            <AddressPrefixes>
              <AddressPrefix>192.168.0.0/16</AddressPrefix>
            </AddressPrefixes>
          </AddressSpace>
          <Connections>
            <Connection>
              <Type>{type}</Type>
            </Connection>
          </Connections>
        </LocalNetworkSite>
      </Sites>
    </Gateway>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""


def _hub(connection_type: str) -> dict[str, str]:
    """The network `hub`: its point-to-site pool in a network configuration, its one gateway site (with
    a connection of `connection_type`) in a REST body."""
    return {"NetworkConfig.netcfg": P2S_NETCFG, "vnets.xml": REST_SITES.format(type=connection_type)}


def _estate(tmp_path, monkeypatch, files: dict[str, str]) -> Estate:
    """The one estate of `files`, linked."""
    return lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).estate


def test_expressroute_in_a_rest_body_and_a_client_pool_in_the_netcfg_are_alternatives(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, _hub("Dedicated"), dedent=False).findings
    # Each states the whole gateway, and applying one replaces the other: neither has both sides, so no
    # MIG301; they differ (MIG004), and MIG302 points at the Dedicated connection where the REST body
    # writes it.
    assert where(found) == ["MIG004 vnets.xml:3:3", "MIG302 vnets.xml:28:13"]
    differ = next(f for f in found if f.code == "MIG004")
    assert "gateway connections er-site (ExpressRoute) / none" in differ.message
    assert "VPN client address pool none / '172.16.192.0/20'" in differ.message


def test_a_site_to_site_connection_in_a_rest_body_beside_a_client_pool_differs(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, _hub("IPsec"), dedent=False).findings
    assert where(found) == ["MIG004 vnets.xml:3:3"]


def test_the_merged_gateway_holds_every_description_s_facts(tmp_path, monkeypatch):
    estate = _estate(tmp_path, monkeypatch, _hub("IPsec"))
    (network,) = estate.virtual_networks
    gateway = network.gateway
    assert gateway is not None and gateway.mark.path == "NetworkConfig.netcfg"
    assert [(c.local_site, c.type, c.mark.path) for c in gateway.connections] == [
        ("er-site", "IPsec", "vnets.xml")
    ]
    assert [(p.text, p.mark.path) for p in gateway.client_address_pool] == [
        ("172.16.192.0/20", "NetworkConfig.netcfg")
    ]
    assert [s.name for s in network.local_sites] == [s.name for s in network.vpn_sites] == ["er-site"]


def test_a_connection_both_descriptions_state_is_held_once(tmp_path, monkeypatch):
    netcfg = P2S_NETCFG.replace(
        "<Gateway>",
        "<Gateway>\n          <ConnectionsToLocalNetwork>\n"
        '            <LocalNetworkSiteRef name="ER-SITE"><Connection type="Dedicated"/></LocalNetworkSiteRef>\n'
        "          </ConnectionsToLocalNetwork>",
    ).replace(
        "<VirtualNetworkSites>",
        "<LocalNetworkSites>\n"
        '      <LocalNetworkSite name="er-site"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix>'
        "</AddressSpace></LocalNetworkSite>\n    </LocalNetworkSites>\n    <VirtualNetworkSites>",
    )
    files = {"NetworkConfig.netcfg": netcfg, "vnets.xml": REST_SITES.format(type="Dedicated")}
    estate = _estate(tmp_path, monkeypatch, files)
    (network,) = estate.virtual_networks
    assert network.gateway is not None
    assert [c.mark.path for c in network.gateway.connections] == ["NetworkConfig.netcfg"]
    found = lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False).findings
    assert where(found) == ["MIG302 NetworkConfig.netcfg:19:49"]


def test_a_transit_connection_only_a_second_description_states_is_seen(tmp_path, monkeypatch):
    # The spoke's netcfg gateway has only a client pool; a REST body gives it a site-to-site connection to
    # a site aggregating the hub's range and the office's: transit (MIG305), at that connection.
    netcfg = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="office"><Connection type="IPsec"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <Gateway>
          <VPNClientAddressPool><AddressPrefix>172.16.0.0/24</AddressPrefix></VPNClientAddressPool>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
    rest = """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>spoke</Name>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Gateway>
      <Sites>
        <LocalNetworkSite>
          <Name>hub-and-office</Name>
          <AddressSpace>
            <AddressPrefixes>
              <AddressPrefix>10.1.0.0/16</AddressPrefix>
              <AddressPrefix>192.168.0.0/16</AddressPrefix>
            </AddressPrefixes>
          </AddressSpace>
          <Connections><Connection><Type>IPsec</Type></Connection></Connections>
        </LocalNetworkSite>
      </Sites>
    </Gateway>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""
    files = {"NetworkConfig.netcfg": netcfg, "vnets.xml": rest}
    found = lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False).findings
    assert where(found) == ["MIG305 vnets.xml:15:24"]


# --- a VM's disk and a listing of it -----------------------------------------------------------------------

DEPLOYMENT = """\
<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <Name>contoso-vms</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Label>contoso-vms</Label>
  <RoleList>
    <Role>
      <RoleName>db01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>
            <InputEndpoint>
              <LocalPort>3389</LocalPort>
              <Name>RDP</Name>
              <Port>53389</Port>
              <Protocol>tcp</Protocol>
            </InputEndpoint>
          </InputEndpoints>
          <SubnetNames>
            <SubnetName>data</SubnetName>
          </SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <OSVirtualHardDisk>
        <HostCaching>ReadWrite</HostCaching>
        <DiskName>db01-os</DiskName>
        <MediaLink>https://contosovhds01.blob.core.windows.net/vhds/db01-os.vhd</MediaLink>
        <OS>Windows</OS>
      </OSVirtualHardDisk>
      <RoleSize>Standard_D2_v2</RoleSize>
      <DebugSettings>
        <BootDiagnosticsEnabled>true</BootDiagnosticsEnabled>
      </DebugSettings>
    </Role>
  </RoleList>
  <VirtualNetworkName>shop-vnet</VirtualNetworkName>
</Deployment>
"""

SHOP_NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="shop-vnet" Location="West Europe">
        <AddressSpace>
          <AddressPrefix>10.70.0.0/16</AddressPrefix>
        </AddressSpace>
        <Subnets>
          <Subnet name="app">
            <AddressPrefix>10.70.1.0/24</AddressPrefix>
          </Subnet>
          <Subnet name="data">
            <AddressPrefix>10.70.2.0/24</AddressPrefix>
          </Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

DISKS = """\
<?xml version="1.0" encoding="utf-8"?>
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <AttachedTo>
      <DeploymentName>contoso-vms</DeploymentName>
      <HostedServiceName>contoso-vms</HostedServiceName>
      <RoleName>db01</RoleName>
    </AttachedTo>
    <OS>Windows</OS>
    <Location>West Europe</Location>
    <LogicalDiskSizeInGB>128</LogicalDiskSizeInGB>
    <MediaLink>{blob}</MediaLink>
    <Name>db01-os</Name>
    <IOType>{io_type}</IOType>
  </Disk>
</Disks>
"""

BLOB = "https://contosovhds01.blob.core.windows.net/vhds/db01-os.vhd"


def _shop(io_type: str, blob: str = BLOB) -> dict[str, str]:
    return {
        "NetworkConfig.netcfg": SHOP_NETCFG,
        "deployment.xml": DEPLOYMENT,
        "disks.xml": DISKS.format(io_type=io_type, blob=blob),
    }


def test_a_disk_list_s_premium_iotype_reaches_the_vm_with_boot_diagnostics(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, _shop("Provisioned"), dedent=False).findings
    assert where(found) == ["MIG205 deployment.xml:33:7"]
    assert "db01-os" in found[0].message


def test_a_disk_list_s_standard_iotype_is_no_finding(tmp_path, monkeypatch):
    assert lint_files(tmp_path, monkeypatch, _shop("Standard"), dedent=False).findings == []


def test_the_blob_written_with_http_in_the_list_is_the_same_disk(tmp_path, monkeypatch):
    files = _shop("Provisioned", BLOB.replace("https://", "http://"))
    found = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings
    assert where(found) == ["MIG205 deployment.xml:33:7"]


def test_the_vm_s_own_iotype_is_kept_over_the_list_s(tmp_path, monkeypatch):
    files = _shop("Provisioned")
    files["deployment.xml"] = DEPLOYMENT.replace(
        "<OS>Windows</OS>", "<OS>Windows</OS><IOType>Standard</IOType>"
    )
    estate = _estate(tmp_path, monkeypatch, files)
    (vm,) = estate.cloud_services[0].vms
    assert [d.io_type for d in vm.disks] == ["Standard"]
    assert [d.io_type for d in estate.disks] == ["Standard"]


def test_an_exported_vm_s_disk_takes_blob_and_iotype_from_the_list(tmp_path, monkeypatch):
    # Export-AzureVM writes no MediaLink: the disk is the listed one of its name.
    exported = """\
<PersistentVM>
  <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
  <OSVirtualHardDisk><DiskName>db01-os</DiskName></OSVirtualHardDisk>
  <RoleName>db01</RoleName>
</PersistentVM>
"""
    files = {"db01.xml": exported, "disks.xml": DISKS.format(io_type="Provisioned", blob=BLOB)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings
    assert where(found) == ["MIG205 db01.xml:2:3"]
    estate = _estate(tmp_path, monkeypatch, files)
    (vm,) = estate.cloud_services[0].vms
    assert [(d.media_link, d.io_type) for d in vm.disks] == [(BLOB, "Provisioned")]
    assert list(estate.disks) == list(vm.disks)


def test_a_slash_in_a_listed_blob_is_reported_once(tmp_path, monkeypatch):
    # MIG401 reads the estate's disks, which held the list's facts already: the join adds no second one.
    files = _shop("Standard", BLOB.replace("vhds/db01-os.vhd", "vhds/db/db01-os.vhd"))
    files["deployment.xml"] = DEPLOYMENT.replace("vhds/db01-os.vhd", "vhds/db/db01-os.vhd")
    found = lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings
    assert where(found) == ["MIG401 deployment.xml:29:9"]


def test_expressroute_only_a_rest_body_states_cuts_a_monitored_vm_off_its_dns(tmp_path, monkeypatch):
    # The network configuration defines the network and its on-premises DNS server but no gateway; the
    # REST body gives the gateway its ExpressRoute site: MIG207 says the VM loses its DNS.
    netcfg = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="192.168.10.4"/></DnsServers></Dns>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.80.0.0/16</AddressPrefix></AddressSpace>
        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
    deployment = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <Publisher>Microsoft.Azure.Security.Monitoring</Publisher>
          <Name>AzureSecurityWindowsAgent</Name>
          <Version>1.*</Version>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>hub</VirtualNetworkName>
</Deployment>
"""
    files = {
        "NetworkConfig.netcfg": netcfg,
        "vnets.xml": REST_SITES.format(type="Dedicated"),
        "app.xml": deployment,
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False).findings
    assert where(found) == ["MIG207 app.xml:7:9"]
    assert "ExpressRoute gateway and uses on-premises DNS server 'dc01'" in found[0].message


def test_a_slash_in_a_blob_only_the_list_gives_is_reported_at_the_exported_disk(tmp_path, monkeypatch):
    exported = "<PersistentVM>\n  <OSVirtualHardDisk><DiskName>db01-os</DiskName></OSVirtualHardDisk>\n  <RoleName>db01</RoleName>\n</PersistentVM>\n"
    files = {
        "db01.xml": exported,
        "disks.xml": DISKS.format(io_type="Standard", blob=BLOB.replace("/db01", "/a/db01")),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG4", dedent=False).findings
    assert where(found) == ["MIG401 db01.xml:2:3"]


# --- a network's DNS servers and subnets, as every description states them --------------------------------

HUB_NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns>
      <DnsServers>
        <DnsServer name="dc01" IPAddress="{address}"/>
      </DnsServers>
    </Dns>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace>
          <AddressPrefix>10.80.0.0/16</AddressPrefix>
        </AddressSpace>
        <Subnets>
          <Subnet name="GatewaySubnet">
            <AddressPrefix>10.80.255.0/27</AddressPrefix>
          </Subnet>
        </Subnets>
        {refs}
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

MONITORED_APP = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <Publisher>Microsoft.Azure.Security.Monitoring</Publisher>
          <Name>AzureSecurityWindowsAgent</Name>
          <Version>1.*</Version>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>hub</VirtualNetworkName>
</Deployment>
"""


def _rest_hub(*servers: tuple[str, str]) -> str:
    """The REST body of `hub` (its gateway's one site an ExpressRoute one) stating the DNS servers
    `servers` (name, address)."""
    written = "".join(
        f"<DnsServer><Name>{name}</Name><Address>{address}</Address></DnsServer>" for name, address in servers
    )
    dns = f"    <Dns><DnsServers>{written}</DnsServers></Dns>\n" if servers else ""
    return REST_SITES.format(type="Dedicated").replace("    <Gateway>\n", dns + "    <Gateway>\n", 1)


def _dns_files(
    rest_servers: tuple[tuple[str, str], ...], refs: str = "", address: str = "192.168.10.4"
) -> dict[str, str]:
    """A network configuration defining DNS server dc01 at `address` and network `hub` (using dc01 when
    `refs` says so, with no gateway); a REST body of `hub` with an ExpressRoute site and `rest_servers`; and
    a monitored VM in `hub`."""
    return {
        "NetworkConfig.netcfg": HUB_NETCFG.format(address=address, refs=refs),
        "vnets.xml": _rest_hub(*rest_servers),
        "app.xml": MONITORED_APP,
    }


USES_DC01 = '<DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>'


def test_an_on_premises_dns_server_only_a_rest_body_states_cuts_a_monitored_vm_off(tmp_path, monkeypatch):
    # The network configuration describes `hub` first and names no DNS server for it; the REST body
    # says it uses dc02, whose address is in the ExpressRoute site (on premises): MIG207.
    files = _dns_files((("dc02", "192.168.10.5"),))
    found = lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False).findings
    assert where(found) == ["MIG207 app.xml:7:9"]
    assert "on-premises DNS server 'dc02' (192.168.10.5)" in found[0].message


def test_a_dns_server_a_rest_body_states_inside_the_network_cuts_nothing_off(tmp_path, monkeypatch):
    # The extension alone: MIG207 at the same place, without the gateway's cut-off.
    files = _dns_files((("dc02", "10.80.0.5"),))
    found = lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False).findings
    assert where(found) == ["MIG207 app.xml:7:9"]
    assert "DNS server" not in found[0].message


def test_the_network_s_dns_servers_are_every_description_s_each_once(tmp_path, monkeypatch):
    # dc01 is stated by both (the netcfg by reference, resolved; the REST body in full): once, at the
    # netcfg's definition of it. dc02 only the REST body states, at its element there.
    files = _dns_files((("DC01", "192.168.10.4"), ("dc02", "10.80.0.5")), refs=USES_DC01)
    (network,) = _estate(tmp_path, monkeypatch, files).virtual_networks
    assert [(d.name, d.address, d.mark.path, d.mark.line) for d in network.dns_servers] == [
        ("dc01", "192.168.10.4", "NetworkConfig.netcfg", 6),
        ("dc02", "10.80.0.5", "vnets.xml", 17),
    ]


def test_a_dns_server_described_at_two_addresses_is_both_and_a_conflict(tmp_path, monkeypatch):
    # The netcfg puts dc01 inside the network, the REST body on premises: the two descriptions disagree
    # (MIG004), and the rules see both addresses, so the on-premises one is not lost.
    files = _dns_files((("dc01", "192.168.10.4"),), refs=USES_DC01, address="10.80.0.4")
    found = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG207", dedent=False).findings
    by_code = {f.code: f for f in found}
    assert sorted(where(found)) == ["MIG004 vnets.xml:17:22", "MIG207 app.xml:7:9"]
    assert "address 192.168.10.4 / 10.80.0.4" in by_code["MIG004"].message
    assert "on-premises DNS server 'dc01' (192.168.10.4)" in by_code["MIG207"].message
    (network,) = _estate(tmp_path, monkeypatch, files).virtual_networks
    assert [(d.name, d.address) for d in network.dns_servers] == [
        ("dc01", "10.80.0.4"),
        ("dc01", "192.168.10.4"),
    ]


def test_a_dns_server_an_export_of_the_network_states_is_the_named_one_at_its_address(tmp_path, monkeypatch):
    # A Resource Graph export of `hub` names its DNS servers by address only: dc01's address is dc01,
    # another address a server of its own, seen by MIG207.
    exported = {
        "id": "/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/net/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/hub",
        "name": "hub",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "subscriptionId": "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d",
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.80.0.0/16"]},
            "subnets": [{"name": "GatewaySubnet", "addressPrefix": "10.80.255.0/27"}],
            "dhcpOptions": {"dnsServers": ["10.80.0.4", "192.168.10.9"]},
        },
    }
    files = _dns_files((), refs=USES_DC01, address="10.80.0.4")
    files["classic.json"] = json.dumps({"count": 1, "data": [exported], "skip_token": None}, indent=1)
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG207", dedent=False)
    (network,) = result.estate.virtual_networks
    assert [(d.name, d.mark.path) for d in network.dns_servers] == [
        ("dc01", "NetworkConfig.netcfg"),
        ("192.168.10.9", "classic.json"),
    ]
    assert where(result.findings) == ["MIG207 app.xml:7:9"]
    assert "on-premises DNS server 192.168.10.9: migration cuts" in result.findings[0].message  # said once


def test_the_security_group_a_rest_body_gives_a_subnet_stays_with_the_network(tmp_path, monkeypatch):
    # A network configuration never states a subnet's network security group; the REST body of the same
    # network does: the network's subnet (the netcfg's) carries it, and the plan moves it with the network.
    rest = REST_SITES.format(type="IPsec").replace(
        "<Name>GatewaySubnet</Name>",
        "<Name>GatewaySubnet</Name>\n        <NetworkSecurityGroup>hub-nsg</NetworkSecurityGroup>",
    )
    files = {"NetworkConfig.netcfg": HUB_NETCFG.format(address="10.80.0.4", refs=""), "vnets.xml": rest}
    (network,) = _estate(tmp_path, monkeypatch, files).virtual_networks
    assert [(s.name, s.security_group, s.mark.path) for s in network.subnets] == [
        ("GatewaySubnet", "hub-nsg", "NetworkConfig.netcfg")
    ]


def test_an_affinity_group_only_a_later_description_states_is_seen(tmp_path, monkeypatch):
    # Two REST bodies of one network: the first says nothing of where it is, the second binds it to an
    # affinity group (MIG303, at the description that says so, at its AffinityGroup).
    first = REST_SITES.format(type="IPsec").replace("    <Location>West Europe</Location>\n", "")
    second = first.replace("<Name>hub</Name>", "<Name>hub</Name>\n    <AffinityGroup>hub-ag</AffinityGroup>")
    files = {"a.xml": first, "b.xml": second}
    found = lint_files(tmp_path, monkeypatch, files, "MIG303", "MIG004", dedent=False).findings
    assert where(found) == ["MIG303 b.xml:5:5"]
    regional = {"a.xml": first, "b.xml": second.replace("<AffinityGroup>hub-ag</AffinityGroup>", "")}
    assert lint_files(tmp_path, monkeypatch, regional, "MIG303", "MIG004", dedent=False).findings == []


# --- Premium storage an export states, for a disk whose blob only a disk list gives --------------------------

SUBSCRIPTION = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
PREM_BLOB = "https://dbprem.blob.core.windows.net/vhds/db01-os.vhd"


def _account_row(kind: str) -> dict:
    return {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/Default-Storage-WestEurope/providers/"
        "Microsoft.ClassicStorage/storageAccounts/dbprem",
        "type": "microsoft.classicstorage/storageaccounts",
        "properties": {"accountType": kind},
    }


def _exported_vm_row() -> dict:
    """VM db01 as an export describes it: boot diagnostics on, its OS disk named with no blob or account."""
    return {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-db/providers/"
        "Microsoft.ClassicCompute/virtualMachines/db01",
        "name": "db01",
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUBSCRIPTION,
        "properties": {
            "domainName": {"name": "contoso-db"},
            "hardwareProfile": {"deploymentName": "contoso-db"},
            "debugProfile": {"bootDiagnosticsEnabled": True},
            "storageProfile": {"operatingSystemDisk": {"diskName": "db01-os"}},
        },
    }


def _export(*rows: dict) -> str:
    """An `az graph query` page, one row per line: row i is on line i + 2."""
    body = ",\n".join("  " + json.dumps(row) for row in rows)
    return f'{{"count": {len(rows)}, "data": [\n{body}\n], "skip_token": null}}\n'


BY_NAME_VM = (
    'New-AzureVMConfig -Name "db01" -InstanceSize Standard_DS3 -DiskName "db01-os" | '
    'Set-AzureVMBootDiagnostics -Enable | New-AzureVM -ServiceName "db" -Location "West Europe"\n'
)

# Each way a VM is described with its disk named and no blob: the files, and where MIG205 points.
PREMIUM_PATHS = {
    "rest": (
        {"deployment.xml": DEPLOYMENT.replace(f"        <MediaLink>{BLOB}</MediaLink>\n", "")},
        "deployment.xml:32:7",
    ),
    "export-azurevm": (
        {
            "db01.xml": "<PersistentVM>\n"
            "  <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>\n"
            "  <OSVirtualHardDisk><DiskName>db01-os</DiskName></OSVirtualHardDisk>\n"
            "  <RoleName>db01</RoleName>\n</PersistentVM>\n"
        },
        "db01.xml:2:3",
    ),
    "script": ({"vm.ps1": BY_NAME_VM}, "vm.ps1:1:81"),
    "export": ({}, "classic.json:{vm_at}"),
}


@pytest.mark.parametrize("path", PREMIUM_PATHS)
def test_a_premium_account_of_an_export_marks_a_disk_whose_blob_a_list_gives(tmp_path, monkeypatch, path):
    files, at = PREMIUM_PATHS[path]
    rows = [_account_row("Premium-LRS"), *([_exported_vm_row()] if path == "export" else [])]
    page = _export(*rows)
    if path == "export":
        written = '"bootDiagnosticsEnabled": '  # on the VM's row, line 3; shown at its value
        column = page.split("\n")[2].index(written) + len(written) + 1
        at = at.format(vm_at=f"3:{column}")
    listed = DISKS.format(io_type="", blob=PREM_BLOB).replace("<IOType></IOType>", "")
    files = {**files, "disks.xml": listed, "classic.json": page}
    found = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings
    assert where(found) == [f"MIG205 {at}"]
    assert "(db01-os)" in found[0].message


@pytest.mark.parametrize("path", PREMIUM_PATHS)
def test_a_standard_account_of_an_export_leaves_a_listed_disk_standard(tmp_path, monkeypatch, path):
    files, _ = PREMIUM_PATHS[path]
    rows = [_account_row("Standard-LRS"), *([_exported_vm_row()] if path == "export" else [])]
    listed = DISKS.format(io_type="", blob=PREM_BLOB).replace("<IOType></IOType>", "")
    files = {**files, "disks.xml": listed, "classic.json": _export(*rows)}
    assert lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings == []


def test_a_conflict_says_the_value_written_here_first(tmp_path, monkeypatch):
    """The finding is at the description not kept: its value comes first, the kept one's after."""
    netcfg = (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="app-vnet" Location="West Europe">'
        "<AddressSpace><AddressPrefix>{}</AddressPrefix></AddressSpace></VirtualNetworkSite>"
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
    )
    (tmp_path / "a.netcfg").write_text(netcfg.format("10.1.0.0/16"))
    (tmp_path / "b.netcfg").write_text(netcfg.format("10.2.0.0/16"))
    monkeypatch.chdir(tmp_path)
    [finding] = lint(["."], Config(select=("MIG004",)), load_rules(entry_points=False)).findings
    assert finding.location.path == "b.netcfg"
    assert finding.message.endswith(
        "than at a.netcfg:1: address space '10.2.0.0/16' / '10.1.0.0/16' (here / there)"
    )


NETCFG_GATEWAY = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="erSite"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace></LocalNetworkSite>
      <LocalNetworkSite name="onprem"><AddressSpace><AddressPrefix>172.16.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>1.2.3.4</VPNGatewayAddress></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.1.255.0/27</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork>{}</ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
ER = '<LocalNetworkSiteRef name="erSite"><Connection type="Dedicated"/></LocalNetworkSiteRef>'
VPN = '<LocalNetworkSiteRef name="onprem"><Connection type="IPsec"/></LocalNetworkSiteRef>'


@pytest.mark.parametrize(
    ("first", "second", "said"),
    [
        (ER, VPN, "gateway connections onprem (VPN) / erSite (ExpressRoute)"),
        (ER + VPN, ER, "gateway connections erSite (ExpressRoute) / erSite (ExpressRoute), onprem (VPN)"),
        (ER, ER, None),
        # An emptied ConnectionsToLocalNetwork (the ExpressRoute preparation's) says "none": it disagrees.
        (ER, "", "gateway connections none / erSite (ExpressRoute)"),
    ],
)
def test_two_descriptions_listing_other_gateway_connections_disagree(
    tmp_path, monkeypatch, first, second, said
):
    (tmp_path / "a.netcfg").write_text(NETCFG_GATEWAY.format(first))
    (tmp_path / "b.netcfg").write_text(NETCFG_GATEWAY.format(second))
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG004",)), load_rules(entry_points=False)).findings
    assert [f.message.split(": ", 1)[1] for f in findings] == ([f"{said} (here / there)"] if said else [])
