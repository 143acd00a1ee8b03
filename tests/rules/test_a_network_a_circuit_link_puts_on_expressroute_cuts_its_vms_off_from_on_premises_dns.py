"""MIG210 and MIG207: a network whose ExpressRoute only a script's circuit link (`New-AzureDedicatedCircuitLink`)
or an export of a circuit's links (`Get-AzureDedicatedCircuitLink | ConvertTo-Json`) shows is an ExpressRoute
network as much as one whose configuration gives it a `Dedicated` connection (MIG301 and MIG302 take it so): its
running VMs that use an on-premises DNS server lose it during migration, and their extensions report no
status. The network configuration states the DNS server and the local site that holds it, but no gateway."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="172.16.0.10"/></DnsServers></Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="dc-er"><AddressSpace><AddressPrefix>172.16.0.0/16</AddressPrefix></AddressSpace></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _deployment(publisher: str, name: str) -> str:
    """A REST deployment of running vm1 in vnet1's FrontEnd, with one extension."""
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
  <VirtualNetworkName>vnet1</VirtualNetworkName>
</Deployment>
"""


LINKED = {
    "a script's circuit link": {
        "link.ps1": "New-AzureDedicatedCircuitLink -ServiceKey '11111111-2222-3333-4444-555555555555' -VNetName 'vnet1'\n"
    },
    "an export of the circuit's links": {
        "links.json": json.dumps([{"State": "Provisioned", "VnetName": "vnet1"}])
    },
}
EXTENSIONS = {
    "MIG210": ("Microsoft.Compute", "CustomScriptExtension"),
    "MIG207": ("Microsoft.Azure.Security.Monitoring", "IaaSSecurityMonitoring"),
}


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], code: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=(code,)), RULES).findings


@pytest.mark.parametrize("linked_by", sorted(LINKED))
@pytest.mark.parametrize("code", sorted(EXTENSIONS))
def test_the_vm_of_a_network_linked_to_a_circuit_loses_its_on_premises_dns(
    tmp_path, monkeypatch, code, linked_by
):
    files = {"NetworkConfig.netcfg": NETCFG, "svc1.xml": _deployment(*EXTENSIONS[code]), **LINKED[linked_by]}
    findings = _lint(tmp_path, monkeypatch, files, code)
    assert [(f.code, Path(f.location.path).name) for f in findings] == [(code, "svc1.xml")]
    assert (
        "has an ExpressRoute gateway and uses on-premises DNS server 'dc01' (172.16.0.10)"
        in findings[0].message
    )


@pytest.mark.parametrize("linked_by", sorted(LINKED))
def test_a_dns_server_inside_the_network_is_not_lost(tmp_path, monkeypatch, linked_by):
    files = {
        "NetworkConfig.netcfg": NETCFG.replace("172.16.0.10", "10.0.1.4"),
        "svc1.xml": _deployment(*EXTENSIONS["MIG210"]),
        **LINKED[linked_by],
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG210") == []


def test_a_link_the_script_removes_again_puts_the_network_on_no_expressroute(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "svc1.xml": _deployment(*EXTENSIONS["MIG210"]),
        "link.ps1": (
            "New-AzureDedicatedCircuitLink -ServiceKey '11111111-2222-3333-4444-555555555555' -VNetName 'vnet1'\n"
            "Remove-AzureDedicatedCircuitLink -ServiceKey '11111111-2222-3333-4444-555555555555' -VNetName 'vnet1' -Force\n"
        ),
    }
    assert _lint(tmp_path, monkeypatch, files, "MIG210") == []
