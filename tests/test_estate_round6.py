"""Facts two files state of one resource, none lost: a virtual network whose gateway a network
configuration and a REST `VirtualNetworkSites` body each describe in part, and a VM disk whose IOType only a
`Disks` list states.

A network's gateway is what every description of it states (its connections, their types, the local sites
they reach, the VPN client pool), each fact marked where it is written; a VM's disk takes from a listing of
the same disk what its own description leaves out. Every rule that reads them sees the whole."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.estate import Estate

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


def test_expressroute_in_a_rest_body_and_a_client_pool_in_the_netcfg_are_one_gateway(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, _hub("Dedicated"), dedent=False).findings
    # MIG301 at the gateway of the first description (the network configuration, which holds the VPN
    # side to remove); MIG302 at the Dedicated connection, where the REST body writes it.
    assert where(found) == ["MIG301 NetworkConfig.netcfg:14:9", "MIG302 vnets.xml:28:13"]
    both = next(f for f in found if f.code == "MIG301")
    assert "'er-site', in vnets.xml" in both.message
    assert "point-to-site VPN clients, in NetworkConfig.netcfg" in both.message


def test_a_site_to_site_connection_in_a_rest_body_beside_a_client_pool_is_no_finding(tmp_path, monkeypatch):
    assert lint_files(tmp_path, monkeypatch, _hub("IPsec"), dedent=False).findings == []


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
