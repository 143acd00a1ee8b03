"""MIG210 and MIG207: a network on ExpressRoute reaches on-premises through the circuit's BGP routes, which
no local network site has to state. A DNS server it uses whose address is private (RFC 1918, RFC 6598) and in
no virtual network of the files is on-premises there, as one a local site holds is: migration cuts the
network's VMs off from it, and their extensions report no status. Whichever file says the network is on
ExpressRoute (a network configuration's `Dedicated` connection, a PowerShell or Python script's circuit link,
an export of the circuit's links) and whichever states the DNS server (a network configuration, a REST
deployment's `Dns`, an inventory export's `dhcpOptions`). A public address, or one in a virtual network of
the files, is not on-premises; nor is a private address of a network on no ExpressRoute."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

# vnet1 uses dc01 at 172.16.0.4: no local site holds it. With `{gateway}`, its gateway's connections.
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="172.16.0.4"/></DnsServers></Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="er"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>{gateway}
      </VirtualNetworkSite>
      <VirtualNetworkSite name="vnet2" Location="West Europe">
        <AddressSpace><AddressPrefix>10.8.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Back"><AddressPrefix>10.8.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
DEDICATED = """
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="er"><Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>"""
KEY = "0f3d5e7a-1111-2222-3333-444455556666"
PYTHON_LINK = f"""\
from azure.servicemanagement import ServiceManagementService

SUB = "00000000-0000-0000-0000-000000000000"
sms = ServiceManagementService(SUB, "mgmt.pem")
sms.perform_put("/" + SUB + "/services/networking/dedicatedcircuits/{KEY}/vnets/vnet1", "")
"""
EXTENSIONS = {
    "MIG210": ("Microsoft.Compute", "CustomScriptExtension"),
    "MIG207": ("Microsoft.Azure.Security.Monitoring", "IaaSSecurityMonitoring"),
}


def _deployment(code: str, dns: str = "") -> str:
    """A REST deployment of running vm1 in vnet1's FrontEnd with the extension `code` is about; with `dns`,
    the deployment's own DNS server at that address."""
    publisher, name = EXTENSIONS[code]
    own_dns = f"<Dns><DnsServers><DnsServer><Name>corp</Name><Address>{dns}</Address></DnsServer></DnsServers></Dns>"
    return f"""\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc1</Name>
  <RoleInstanceList><RoleInstance><RoleName>vm1</RoleName><InstanceStatus>ReadyRole</InstanceStatus></RoleInstance></RoleInstanceList>
  <RoleList>
    <Role>
      <RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
        <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
      <ResourceExtensionReferences><ResourceExtensionReference><Publisher>{publisher}</Publisher><Name>{name}</Name>
        <Version>1.*</Version><State>Enable</State></ResourceExtensionReference></ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>vnet1</VirtualNetworkName>{own_dns if dns else ""}
</Deployment>
"""


def _inventory(code: str, dns: str) -> str:
    """A Resource Graph export of running vm1 in vnet1 (10.0.0.0/16), whose DNS server is at `dns`."""
    publisher, name = EXTENSIONS[code]
    vm = {
        "id": "/subscriptions/8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/resourceGroups/svc1/providers/"
        "Microsoft.ClassicCompute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": {
            "domainName": {"name": "svc1"},
            "hardwareProfile": {"deploymentName": "svc1", "size": "Small"},
            "instanceView": {"status": "ReadyRole", "powerState": "Started"},
            "networkProfile": {"virtualNetwork": {"name": "vnet1", "subnetNames": ["FrontEnd"]}},
            "extensions": [{"extension": name, "publisher": publisher, "version": "1.*", "state": "Enable"}],
        },
    }
    network = {
        "id": "/subscriptions/8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/vnet1",
        "name": "vnet1",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
            "dhcpOptions": {"dnsServers": [dns]},
            "subnets": [{"name": "FrontEnd", "addressPrefix": "10.0.1.0/24"}],
        },
    }
    return json.dumps({"count": 2, "data": [vm, network]}, indent=2)


LINKS = json.dumps([{"State": "Provisioned", "VnetName": "vnet1"}])
# Each way a file puts vnet1 on ExpressRoute, with the files that state its VM and the DNS server at {dns}.
ON_EXPRESSROUTE = {
    "a Dedicated connection": lambda code, dns: {
        "NetworkConfig.netcfg": NETCFG.format(gateway=DEDICATED).replace("172.16.0.4", dns),
        "svc1.xml": _deployment(code),
    },
    "a PowerShell circuit link": lambda code, dns: {
        "NetworkConfig.netcfg": NETCFG.format(gateway="").replace("172.16.0.4", dns),
        "svc1.xml": _deployment(code),
        "link.ps1": f"New-AzureDedicatedCircuitLink -ServiceKey '{KEY}' -VNetName 'vnet1'\n",
    },
    "a Python circuit link": lambda code, dns: {
        "NetworkConfig.netcfg": NETCFG.format(gateway="").replace("172.16.0.4", dns),
        "svc1.xml": _deployment(code),
        "link.py": PYTHON_LINK,
    },
    "an export of the circuit's links": lambda code, dns: {
        "classic.json": _inventory(code, dns),
        "links.json": LINKS,
    },
    "a deployment's own DNS server": lambda code, dns: {
        "NetworkConfig.netcfg": NETCFG.format(gateway=DEDICATED).replace("172.16.0.4", "10.0.1.4"),
        "svc1.xml": _deployment(code, dns),
    },
}
WHERE = {"an export of the circuit's links": "classic.json"}
# How a message names the server: an export names it by its address alone.
NAMED = {"an export of the circuit's links": "{}", "a deployment's own DNS server": "'corp' ({})"}


def _found(tmp_path, monkeypatch, code: str, linked_by: str, dns: str) -> list[str]:
    files = ON_EXPRESSROUTE[linked_by](code, dns)
    return where(lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings)


@pytest.mark.parametrize("dns", ["172.16.0.4", "100.64.3.4"])
@pytest.mark.parametrize("linked_by", sorted(ON_EXPRESSROUTE))
@pytest.mark.parametrize("code", sorted(EXTENSIONS))
def test_a_private_dns_address_in_no_network_is_on_premises(tmp_path, monkeypatch, code, linked_by, dns):
    files = ON_EXPRESSROUTE[linked_by](code, dns)
    findings = lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings
    assert [(f.code, Path(f.location.path).name) for f in findings if f.location] == [
        (code, WHERE.get(linked_by, "svc1.xml"))
    ]
    named = NAMED.get(linked_by, "'dc01' ({})").format(dns)
    assert (
        f"is linked to ExpressRoute and uses DNS server {named}, on-premises (a private address in no virtual "
        "network of the files) and reached through the circuit"
    ) in findings[0].message


@pytest.mark.parametrize(
    "dns",
    [
        pytest.param("8.8.8.8", id="public"),
        pytest.param("10.0.1.4", id="in the network"),
        pytest.param("10.8.1.4", id="in another network of the files"),
    ],
)
@pytest.mark.parametrize("linked_by", sorted(ON_EXPRESSROUTE))
def test_a_public_address_or_one_in_a_network_is_not_on_premises(tmp_path, monkeypatch, linked_by, dns):
    if linked_by == "an export of the circuit's links" and dns == "10.8.1.4":
        pytest.skip("the export holds no second network")
    assert _found(tmp_path, monkeypatch, "MIG210", linked_by, dns) == []


def test_a_private_address_of_a_network_on_no_expressroute_is_not_on_premises(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG.format(gateway=""), "svc1.xml": _deployment("MIG210")}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG210", dedent=False).findings) == []


def test_a_site_that_holds_the_address_says_so(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETCFG.format(gateway=DEDICATED).replace("192.168.0.0/16", "172.16.0.0/16"),
        "svc1.xml": _deployment("MIG210"),
    }
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG210", dedent=False).findings
    assert (
        "has an ExpressRoute gateway and uses on-premises DNS server 'dc01' (172.16.0.4)" in finding.message
    )
