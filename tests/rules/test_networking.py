"""MIG301 to MIG304 beyond their examples: prefix checking case by case, messages and fixes, and the
findings on the sample estates."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.rules.networking import _netcfg, prefix_problem

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], select: str):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=(select,)), RULES).findings


@pytest.mark.parametrize(
    "text", ["10.0.0.0/8", "192.168.0.0/24", "10.1.255.0/27", "0.0.0.0/0", "10.0.0.5/32"]
)
def test_strict_prefixes_pass(text):
    assert prefix_problem(text) is None


@pytest.mark.parametrize(
    ("text", "reason", "corrected"),
    [
        ("192.168.0.00/24", "leading zeros (00)", "192.168.0.0/24"),
        ("10.3.0.00/24", "leading zeros (00)", "10.3.0.0/24"),
        ("10.0.0.0/024", "leading zeros (024)", "10.0.0.0/24"),
        ("010.0.0.1/8", "leading zeros (010)", "10.0.0.0/8"),
        ("10.0.0.1/24", "host bits are set", "10.0.0.0/24"),
        ("10.1.2.0/16", "host bits are set", "10.1.0.0/16"),
        ("10.0.0.0/33", "greater than 32", ""),
        ("10.0.0.256/24", "greater than 255", ""),
        ("10.0.0.0", "no prefix length", ""),
        ("10.0.0/24", "not an IPv4 address", ""),
        ("", "it is empty", ""),
        ("[your-address-prefix]", "not an IPv4 address followed by a prefix length", ""),
    ],
)
def test_loose_prefixes_are_explained(text, reason, corrected):
    problem = prefix_problem(text)
    assert problem is not None and reason in problem.reason
    assert problem.corrected == corrected


NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.1.1/24</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway>
          <VPNClientAddressPool><AddressPrefix>172.16.0.1/24</AddressPrefix></VPNClientAddressPool>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="office"/>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def test_local_site_and_client_pool_prefixes_are_checked_with_a_fix(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG}, "MIG304")
    assert [(f.location.line, f.resource_type, f.resource_name) for f in findings] == [
        (5, "LocalNetworkSite", "office"),
        (12, "VirtualNetwork", "prod"),
    ]
    assert findings[0].fix == "Write 192.168.1.0/24 instead of 192.168.1.1/24."
    assert "VPN client address pool of virtual network 'prod'" in findings[1].message


def test_a_site_reference_without_connection_is_a_vpn(tmp_path, monkeypatch):
    """`LocalNetworkSiteRef` with no `Connection` is site-to-site: no ExpressRoute finding."""
    files = {"NetworkConfig.netcfg": NETCFG}
    assert _lint(tmp_path, monkeypatch, files, "MIG301") == []
    assert _lint(tmp_path, monkeypatch, files, "MIG302") == []


def test_contoso_network_findings():
    findings = lint([str(EXAMPLES / "contoso" / "network")], Config(select=("MIG3",)), RULES).findings
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [
        ("MIG303", 68, 69),
        ("MIG304", 74, 13),
        ("MIG301", 98, 9),
        ("MIG302", 102, 15),
    ]
    assert "contoso-er-vnet" in findings[2].message and "contoso-hq-amsterdam" in findings[2].message
    assert findings[1].fix == "Write 10.3.0.0/24 instead of 10.3.0.00/24."


def test_ready_estate_has_no_network_findings():
    assert lint([str(EXAMPLES / "ready")], Config(select=("MIG3",)), RULES).findings == []


# --- digits, local sites written in REST bodies, advice --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\u0661\u0660.0.0.0/8",  # Arabic-Indic digits, which int() would read as 10
        "\uff11\uff10.0.0.0/8",  # fullwidth digits
        "10.0.0.0/\uff18",
        "10.0.0.0/8\n",
    ],
)
def test_prefixes_with_other_digits_are_not_cidr(text):
    problem = prefix_problem(text)
    assert problem is not None and problem.reason == "it is not an IPv4 address followed by a prefix length"
    assert problem.corrected == ""


def _rest_site(prefix: str) -> str:
    return f"""\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>prod</Name>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Gateway>
      <Sites>
        <LocalNetworkSite>
          <Name>office</Name>
          <AddressSpace><AddressPrefixes><AddressPrefix>{prefix}</AddressPrefix></AddressPrefixes></AddressSpace>
        </LocalNetworkSite>
      </Sites>
    </Gateway>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""


@pytest.mark.parametrize(
    ("prefix", "reason"),
    [
        ("192.168.1.1/24", "host bits are set"),
        ("\u0661\u0669\u0662.168.1.0/24", "not an IPv4 address"),
    ],
)
def test_local_sites_of_a_rest_gateway_are_checked(tmp_path, monkeypatch, prefix, reason):
    (finding,) = _lint(tmp_path, monkeypatch, {"vnets.xml": _rest_site(prefix)}, "MIG304")
    assert (finding.location.line, finding.resource_type, finding.resource_name) == (
        9,
        "LocalNetworkSite",
        "office",
    )
    assert "local network site 'office'" in finding.message and reason in finding.message


def test_every_description_of_a_local_site_is_checked(tmp_path, monkeypatch):
    """The netcfg writes the site correctly, a REST body writes it with host bits set: the estate keeps one
    site per name, but the wrong text is in the REST body and is reported there."""
    netcfg = NETCFG.replace("192.168.1.1/24", "192.168.1.0/24").replace("172.16.0.1/24", "172.16.0.0/24")
    files = {"NetworkConfig.netcfg": netcfg, "vnets.xml": _rest_site("192.168.1.1/24")}
    findings = _lint(tmp_path, monkeypatch, files, "MIG304")
    assert [(f.location.path, f.location.line) for f in findings] == [("vnets.xml", 9)]


@pytest.mark.parametrize("code", ["MIG301", "MIG302"])
def test_gateway_advice_says_what_a_migrated_gateway_must_become(code):
    rule = next(r for r in RULES if r.code == code)
    assert "Basic SKU public IP" in rule.docs.fix and "2025-09-30" in rule.docs.fix
    assert "Standard SKU public IP" in rule.docs.fix or "Standard public IP" in rule.docs.fix


def test_vpn_beside_expressroute_is_only_partly_checked():
    from migcheck.coverage import OTHER_SOURCES

    entry = next(c for c in OTHER_SOURCES if c.codes == ("MIG301",))
    assert str(entry.status) == "partly checked" and "New-AzureVirtualNetworkGateway" in entry.note


def _rest_networks(
    spoke_site: tuple[str, ...], connection: str = "IPsec", hub_pool: str = "", office: str = "192.168.0.0/16"
) -> str:
    """A hub connected to the office and a spoke whose gateway site announces `spoke_site`, in a REST
    `VirtualNetworkSites` body, where each network's gateway carries its sites and their connections."""

    def network(name: str, prefix: str, site: str, prefixes: tuple[str, ...]) -> str:
        space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
        return (
            f"<VirtualNetworkSite><Name>{name}</Name><Location>West Europe</Location>"
            f"<AddressSpace><AddressPrefixes><AddressPrefix>{prefix}</AddressPrefix></AddressPrefixes>"
            f"</AddressSpace><Gateway><Sites><LocalNetworkSite><Name>{site}</Name><AddressSpace>"
            f"<AddressPrefixes>{space}</AddressPrefixes></AddressSpace><Connections><Connection>"
            f"<Type>{connection}</Type></Connection></Connections></LocalNetworkSite></Sites></Gateway>"
            "</VirtualNetworkSite>\n"
        )

    pool = (
        f"<VPNClientAddressPool><AddressPrefixes><AddressPrefix>{hub_pool}</AddressPrefix></AddressPrefixes>"
        "</VPNClientAddressPool>"
    )
    hub = network("hub", "10.1.0.0/16", "office", (office,))
    return (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">\n'
        + (hub.replace("</Sites>", "</Sites>" + pool) if hub_pool else hub)
        + network("spoke", "10.2.0.0/16", "hub-and-office", spoke_site)
        + "</VirtualNetworkSites>\n"
    )


@pytest.mark.parametrize(
    ("spoke_site", "reported"),
    [
        (("10.1.0.0/16", "192.168.0.0/16"), True),  # the hub's range and the office's
        (("10.0.0.0/8", "192.168.0.0/16"), True),  # a range holding the hub's, and the office's
        (("10.0.0.0/8",), False),  # the hub's range written wide: it holds no office the hub reaches
        (("10.1.0.0/16",), False),  # the hub only: VNet-to-VNet migrates as it is
        (("192.168.0.0/16",), False),  # the office only: a direct site-to-site connection
        (("10.2.0.0/15", "192.168.0.0/16"), False),  # holds the spoke's own range, not the hub's
    ],
)
def test_transit_through_a_hub_in_a_rest_body(tmp_path: Path, monkeypatch, spoke_site, reported):
    findings = _lint(tmp_path, monkeypatch, {"vnets.xml": _rest_networks(spoke_site)}, "MIG305")
    assert [(f.location.path, f.resource_name) for f in findings] == (
        [("vnets.xml", "spoke")] if reported else []
    )
    if reported:
        assert "local network site 'hub-and-office'" in findings[0].message


def test_the_point_to_site_clients_of_the_hub_are_not_on_premises(tmp_path: Path, monkeypatch):
    """The spoke's site announces the hub and the hub's VPN client pool: no on-premises address, though
    the office's range holds the pool's."""
    body = _rest_networks(("10.1.0.0/16", "172.16.0.0/24"), hub_pool="172.16.0.0/24", office="172.16.0.0/12")
    assert _lint(tmp_path, monkeypatch, {"vnets.xml": body}, "MIG305") == []
    body = _rest_networks(("10.1.0.0/16", "172.16.0.0/24"), office="172.16.0.0/12")
    assert len(_lint(tmp_path, monkeypatch, {"vnets.xml": body}, "MIG305")) == 1


def test_conflicting_private_ips_of_a_secondary_interface_and_of_one_vm_described_twice(
    tmp_path: Path, monkeypatch
):
    from migcheck.rules.networking import _vm_deployment

    nic = _vm_deployment("app", "app01", "10.0.2.20").replace(
        "</ConfigurationSet>",
        "<NetworkInterfaces><NetworkInterface><Name>nic2</Name><IPConfigurations><IPConfiguration>"
        "<SubnetName>data</SubnetName><StaticVirtualNetworkIPAddress>10.0.2.10</StaticVirtualNetworkIPAddress>"
        "</IPConfiguration></IPConfigurations></NetworkInterface></NetworkInterfaces></ConfigurationSet>",
    )
    files = {
        "a/deployment.xml": nic,
        "b/deployment.xml": _vm_deployment("sql", "sql01", "10.0.2.10"),
        # the same VM in a second file of the same deployment: one VM, no conflict with itself
        "b/again.xml": _vm_deployment("sql", "sql01", "10.0.2.10"),
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG306")
    assert [(f.location.path, f.resource_name) for f in findings] == [("b/again.xml", "sql01")]
    assert "VM 'app01' of deployment 'app'" in findings[0].message


def test_conflicting_private_ips_in_an_inventory_export(tmp_path: Path, monkeypatch):
    import json

    def vm(name: str, service: str, address: str) -> dict:
        network = {"name": "prodvnet", "subnetNames": ["data"], "staticIpAddress": address}
        return {
            "id": f"/subscriptions/1/resourceGroups/{service}/providers/Microsoft.ClassicCompute/virtualMachines/{name}",
            "name": name,
            "type": "microsoft.classiccompute/virtualmachines",
            "properties": {"domainName": {"name": service}, "networkProfile": {"virtualNetwork": network}},
        }

    export = {
        "data": [vm("a1", "svc-a", "10.0.0.5"), vm("b1", "svc-b", "10.0.0.5"), vm("c1", "svc-c", "10.0.0.6")]
    }
    findings = _lint(tmp_path, monkeypatch, {"export.json": json.dumps(export)}, "MIG306")
    assert [f.resource_name for f in findings] == ["b1"]
    assert "VM 'a1' of cloud service 'svc-a'" in findings[0].message


def test_conflicting_private_ips_of_export_files_of_one_cloud_service(tmp_path: Path, monkeypatch):
    """Export-AzureVM files do not name their network, but the VMs of one cloud service share one."""

    def export(vm: str, address: str) -> str:
        return (
            f"<PersistentVM><RoleName>{vm}</RoleName><ConfigurationSets><ConfigurationSet "
            'xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="NetworkConfigurationSet">'
            f"<StaticVirtualNetworkIPAddress>{address}</StaticVirtualNetworkIPAddress>"
            "</ConfigurationSet></ConfigurationSets></PersistentVM>\n"
        )

    files = {
        "shop/vm1.xml": export("vm1", "10.0.1.10"),
        "shop/vm2.xml": export("vm2", "10.0.1.10"),
        "other/vm3.xml": export("vm3", "10.0.1.10"),  # another cloud service: its network may be another
    }
    findings = _lint(tmp_path, monkeypatch, files, "MIG306")
    assert [(f.location.path, f.resource_name) for f in findings] == [("shop/vm2.xml", "vm2")]
    assert "in the network of cloud service 'shop'" in findings[0].message


def test_no_transit_through_a_hub_that_reaches_no_on_premises_network(tmp_path: Path, monkeypatch):
    """The spoke's site aggregates the hub and 192.168/16, but the hub's only connection is back to the
    spoke: there is no on-premises connectivity to lose."""
    body = _rest_networks(("10.1.0.0/16", "192.168.0.0/16")).replace(
        "<Name>office</Name><AddressSpace><AddressPrefixes><AddressPrefix>192.168.0.0/16",
        "<Name>spoke-site</Name><AddressSpace><AddressPrefixes><AddressPrefix>10.2.0.0/16",
    )
    assert _lint(tmp_path, monkeypatch, {"vnets.xml": body}, "MIG305") == []


def test_an_undefined_local_network_site_is_reported_where_it_is_named(tmp_path: Path, monkeypatch):
    """The broken name is on `LocalNetworkSiteRef`, with or without `Connection`s under it: once."""
    netcfg = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.0.0.0/27</AddressPrefix></Subnet>
        </Subnets>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="branch1">
              <Connection type="IPsec" />
              <Connection type="Dedicated" />
            </LocalNetworkSiteRef>
            <LocalNetworkSiteRef name="branch2" />
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
    findings = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG003")
    assert [(f.location.line, f.location.column) for f in findings if f.location] == [(11, 40), (15, 40)]


RESERVED_IP_LIST = """
<ReservedIPs xmlns="http://schemas.microsoft.com/windowsazure">
  <ReservedIP><Name>other-rip</Name><Address>23.96.1.10</Address><Location>West Europe</Location></ReservedIP>
</ReservedIPs>
"""
SINGLE_RESERVED_IP = (
    '<ReservedIP xmlns="http://schemas.microsoft.com/windowsazure"><Name>other-rip</Name>'
    "<Address>23.96.1.10</Address></ReservedIP>\n"
)
RESERVED_IP_CSCFG = """
<ServiceConfiguration serviceName="svc"
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AddressAssignments><ReservedIPs><ReservedIP name="{name}" /></ReservedIPs></AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def test_mig003_a_reserved_ip_the_subscription_list_does_not_hold(tmp_path, monkeypatch):
    """A reserved IP must exist before a deployment uses it; the API's list of the subscription's reserved
    IPs, when checked, says which exist."""
    files = {
        "rips.xml": RESERVED_IP_LIST,
        "ServiceConfiguration.Cloud.cscfg": RESERVED_IP_CSCFG.format(name="svc-rip"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003")
    assert where(result.findings) == ["MIG003 ServiceConfiguration.Cloud.cscfg:5:56"]
    assert "reserved IP 'svc-rip', which the subscription's list of reserved IPs (rips.xml)" in (
        result.findings[0].message
    )


def test_mig003_reserved_ips_are_not_checked_without_a_list(tmp_path, monkeypatch):
    listed = {
        "rips.xml": RESERVED_IP_LIST,
        "ServiceConfiguration.Cloud.cscfg": RESERVED_IP_CSCFG.format(name="OTHER-RIP"),
    }
    assert lint_files(tmp_path, monkeypatch, listed, "MIG003").findings == []
    alone = {"svc/ServiceConfiguration.Cloud.cscfg": RESERVED_IP_CSCFG.format(name="svc-rip")}
    assert lint_files(tmp_path / "alone", monkeypatch, alone, "MIG003").findings == []
    single = {  # one reserved IP's GET is not the subscription's list
        "other.xml": SINGLE_RESERVED_IP,
        "ServiceConfiguration.Cloud.cscfg": RESERVED_IP_CSCFG.format(name="svc-rip"),
    }
    assert lint_files(tmp_path / "single", monkeypatch, single, "MIG003").findings == []
    created = {  # a script that creates it: the subscription's too
        "rips.xml": RESERVED_IP_LIST,
        "ServiceConfiguration.Cloud.cscfg": RESERVED_IP_CSCFG.format(name="svc-rip"),
        "create.ps1": 'New-AzureReservedIP -ReservedIPName "svc-rip" -Location "West Europe"\n',
    }
    assert lint_files(tmp_path / "created", monkeypatch, created, "MIG003").findings == []
    unstated = {  # a script creates one under a name it does not state: it may be svc-rip
        "rips.xml": RESERVED_IP_LIST,
        "ServiceConfiguration.Cloud.cscfg": RESERVED_IP_CSCFG.format(name="svc-rip"),
        "create.ps1": 'param($Name)\nNew-AzureReservedIP -ReservedIPName $Name -Location "West Europe"\n',
    }
    assert lint_files(tmp_path / "unstated", monkeypatch, unstated, "MIG003").findings == []


def test_mig302_a_network_an_export_of_circuit_links_lists(tmp_path, monkeypatch):
    """`Get-AzureDedicatedCircuitLink | ConvertTo-Json`: a network linked to a classic circuit, which must
    be in Resource Manager before the network migrates. Once per network; not for a link that links
    nothing, nor where the network configuration's Dedicated connection already says so."""
    links = (
        '[{"State": "Provisioned", "VnetName": "prod"}, {"State": 1, "VnetName": "PROD"},\n'
        ' {"State": "Deprovisioned", "VnetName": "old"}]\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"links.json": links}, "MIG302", dedent=False)
    assert where(result.findings) == ["MIG302 links.json:1:2"]
    assert result.findings[0].message.startswith("virtual network 'prod' is linked to a classic ExpressRoute")


# --- MIG307: gateway connections that are down ---------------------------------------------------------

CONNECTIONS = """\
<?xml version="1.0" encoding="utf-8"?>
<Connections xmlns="https://schemas.microsoft.com/windowsazure">
  <Connection>
    <LocalNetworkSiteName>office</LocalNetworkSiteName>
    <ConnectivityState>{office}</ConnectivityState>
    <LastEvent><Id>24401</Id><Message>changed</Message></LastEvent>
  </Connection>
  <!-- the branch office -->
  <Connection><LocalNetworkSiteName>branch</LocalNetworkSiteName><ConnectivityState>{branch}</ConnectivityState>
  </Connection>
</Connections>
"""


def _states(tmp_path, monkeypatch, files):
    return [
        (f"{f.location.path}:{f.location.line}:{f.location.column}", str(f.severity), f.message)
        for f in _lint(tmp_path, monkeypatch, files, "MIG307")
    ]


def test_mig307_a_rest_list_of_connections(tmp_path, monkeypatch):
    body = CONNECTIONS.format(office="NotConnected", branch="Connecting")
    found = _states(tmp_path, monkeypatch, {"hub-vnet/connections.xml": body})
    assert [(where, severity) for where, severity, _ in found] == [
        ("hub-vnet/connections.xml:3:3", "error"),
        ("hub-vnet/connections.xml:9:3", "warning"),
    ]
    assert "local network site 'office' is NotConnected: Prepare fails" in found[0][2]
    assert "'branch' was still Connecting" in found[1][2]


@pytest.mark.parametrize("state", ["Connected", "connected", "", "Unknown"])
def test_mig307_a_connected_or_unstated_connection_is_not_reported(tmp_path, monkeypatch, state):
    body = CONNECTIONS.format(office=state, branch="Connected")
    assert _states(tmp_path, monkeypatch, {"connections.xml": body}) == []


@pytest.mark.parametrize("state", ["NotConnected", "Not Connected", "notconnected", "Disconnected"])
def test_mig307_the_ways_a_down_connection_is_written(tmp_path, monkeypatch, state):
    body = CONNECTIONS.format(office=state, branch="Connected")
    assert [where for where, _, _ in _states(tmp_path, monkeypatch, {"c.xml": body})] == ["c.xml:3:3"]


def test_mig307_get_azurevnetconnection_output(tmp_path, monkeypatch):
    # `Get-AzureVNetConnection -VNetName hub-vnet | ConvertTo-Json`, one connection down, one up.
    export = """[
    {
        "ConnectivityState":  "NotConnected",
        "EgressBytesTransferred":  0,
        "IngressBytesTransferred":  0,
        "LastConnectionEstablished":  "1/7/2016 12:40:54 AM",
        "LastEventID":  "23401",
        "LastEventMessage":  "The connectivity state for the local network site 'office' changed.",
        "LastEventTimeStamp":  "11/20/2026 10:00:00 AM",
        "LocalNetworkSiteName":  "office",
        "OperationDescription":  "Get-AzureVNetConnection",
        "OperationId":  "1f2c9a8e-0000-0000-0000-000000000000",
        "OperationStatus":  "Succeeded"
    },
    {"ConnectivityState": "Connected", "LocalNetworkSiteName": "branch", "OperationStatus": "Succeeded"}
]
"""
    found = _states(tmp_path, monkeypatch, {"exports/hub-connections.json": export})
    assert [(where, severity) for where, severity, _ in found] == [
        ("exports/hub-connections.json:2:5", "error")
    ]
    assert "'office' is NotConnected" in found[0][2]


# --- MIG304: a corrected subnet range that cannot be the one meant ---------------------------------------


def _subnets(*prefixes: tuple[str, str], space: str = "10.1.0.0/16") -> str:
    rows = "".join(
        f'          <Subnet name="{name}"><AddressPrefix>{prefix}</AddressPrefix></Subnet>\n'
        for name, prefix in prefixes
    )
    return _netcfg(
        '      <VirtualNetworkSite name="prod" Location="West Europe">\n'
        f"        <AddressSpace><AddressPrefix>{space}</AddressPrefix></AddressSpace>\n"
        f"        <Subnets>\n{rows}        </Subnets>\n"
        "      </VirtualNetworkSite>\n"
    )


def _prefix_fixes(tmp_path, monkeypatch, netcfg):
    findings = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG304")
    return [(f.location.line, f.fix, f.autofix is not None) for f in findings]


def test_mig304_no_fix_writes_a_subnet_over_another(tmp_path, monkeypatch):
    netcfg = _subnets(("Web", "10.1.1.0/16"), ("Data", "10.1.2.0/24"), ("Mgmt", "10.1.200.0/20"))
    assert _prefix_fixes(tmp_path, monkeypatch, netcfg) == [
        (
            7,
            "Write the range you meant: 10.1.0.0/16 overlaps subnet 'Data' (10.1.2.0/24). 10.1.1.0 is the "
            "network address of a /24 or longer prefix.",
            False,
        ),
        # Web's range as the platform reads it holds Mgmt's too: writing Mgmt's would leave them overlapping.
        (
            9,
            "Write the range you meant: 10.1.192.0/20 overlaps subnet 'Web' (10.1.0.0/16). 10.1.200.0 is the "
            "network address of a /21 or longer prefix.",
            False,
        ),
    ]


def test_mig304_a_subnet_inside_another_or_holding_one(tmp_path, monkeypatch):
    netcfg = _subnets(
        ("Wide", "10.1.0.0/20"), ("Inner", "10.1.3.7/24"), ("Outer", "10.1.64.1/18"), ("Leaf", "10.1.65.0/24")
    )
    fixes = _prefix_fixes(tmp_path, monkeypatch, netcfg)
    assert [line for line, _, _ in fixes] == [8, 9]
    assert "10.1.3.0/24 overlaps subnet 'Wide' (10.1.0.0/20)" in fixes[0][1]  # inside it
    assert "10.1.64.0/18 overlaps subnet 'Leaf' (10.1.65.0/24)" in fixes[1][1]  # holding it
    assert not any(safe for _, _, safe in fixes)


def test_mig304_no_fix_writes_a_subnet_outside_its_network(tmp_path, monkeypatch):
    netcfg = _subnets(("Subnet-1", "10.30.0.0/11"), space="10.30.0.0/16")
    [(line, fix, fixable)] = _prefix_fixes(tmp_path, monkeypatch, netcfg)
    assert (line, fixable) == (7, False)
    assert fix == (
        "Write the range you meant: 10.0.0.0/11 lies outside the address space of virtual network 'prod'. "
        "10.30.0.0 is the network address of a /15 or longer prefix."
    )


def test_mig304_two_loose_subnets_are_not_both_written_as_one_range(tmp_path, monkeypatch):
    netcfg = _subnets(("Web", "10.1.1.5/24"), ("Data", "10.1.1.200/24"))
    fixes = _prefix_fixes(tmp_path, monkeypatch, netcfg)
    assert [(line, fixable) for line, _, fixable in fixes] == [(7, False), (8, False)]
    assert fixes[0][1] == (
        "Write the range you meant: 10.1.1.0/24 overlaps subnet 'Data' (10.1.1.0/24). 10.1.1.5 is the network "
        "address only of a /32, a single address."
    )


def test_mig304_a_subnet_that_fits_keeps_its_safe_fix(tmp_path, monkeypatch):
    netcfg = _subnets(("Web", "10.1.1.7/24"), ("Data", "10.1.2.0/24"), ("Padded", "10.1.03.0/24"))
    assert _prefix_fixes(tmp_path, monkeypatch, netcfg) == [
        (7, "Write 10.1.1.0/24 instead of 10.1.1.7/24.", True),
        (9, "Write 10.1.3.0/24 instead of 10.1.03.0/24.", True),
    ]


# --- MIG304: every kind of fix is held to the same check (leading zeros, octal-looking octets) ----------


def test_mig304_no_fix_drops_leading_zeros_onto_another_subnet(tmp_path, monkeypatch):
    netcfg = _subnets(("Web", "10.1.5.00/24"), ("Data", "10.1.5.128/25"))
    assert _prefix_fixes(tmp_path, monkeypatch, netcfg) == [
        (7, "Write the range you meant: 10.1.5.0/24 overlaps subnet 'Data' (10.1.5.128/25).", False)
    ]


def test_mig304_no_fix_drops_leading_zeros_out_of_the_network(tmp_path, monkeypatch):
    netcfg = _subnets(("Web", "10.2.0.00/24"))
    assert _prefix_fixes(tmp_path, monkeypatch, netcfg) == [
        (
            7,
            "Write the range you meant: 10.2.0.0/24 lies outside the address space of virtual network 'prod'.",
            False,
        )
    ]


def test_mig304_two_subnets_padded_alike_are_not_both_written_as_one_range(tmp_path, monkeypatch):
    netcfg = _subnets(("Web", "10.1.0.00/24"), ("Data", "10.1.0.00/24"))
    fixes = _prefix_fixes(tmp_path, monkeypatch, netcfg)
    assert [(line, fixable) for line, _, fixable in fixes] == [(7, False), (8, False)]
    assert "overlaps subnet 'Data' (10.1.0.0/24)" in fixes[0][1]


def test_mig304_an_octal_looking_octet_read_out_of_the_network_gets_no_unsafe_fix(tmp_path, monkeypatch):
    netcfg = _subnets(("Web", "10.1.010.0/24"), space="10.1.8.0/24")
    assert _prefix_fixes(tmp_path, monkeypatch, netcfg) == [
        (
            7,
            "Write the range you meant: 10.1.10.0/24 lies outside the address space of virtual network 'prod'. "
            "Read as octal, '10.1.010.0/24' is 10.1.8.0/24.",
            False,
        )
    ]


def test_mig304_a_rest_body_s_padded_subnet_over_another_gets_no_fix(tmp_path, monkeypatch):
    body = """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>app-vnet</Name>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Subnets>
      <Subnet><Name>web</Name><AddressPrefix>10.0.5.00/24</AddressPrefix></Subnet>
      <Subnet><Name>data</Name><AddressPrefix>10.0.5.128/25</AddressPrefix></Subnet>
    </Subnets>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""
    [finding] = _lint(tmp_path, monkeypatch, {"vnets.xml": body}, "MIG304")
    assert finding.autofix is None
    assert "10.0.5.0/24 overlaps subnet 'data' (10.0.5.128/25)" in finding.fix


def test_mig304_fix_leaves_a_padded_subnet_that_would_overlap_as_written(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    netcfg = _subnets(("Web", "10.1.5.00/24"), ("Data", "10.1.5.128/25"), ("Ops", "10.2.0.00/24"))
    (tmp_path / "NetworkConfig.netcfg").write_text(netcfg, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "--unsafe-fixes", "."]) == 1
    assert (tmp_path / "NetworkConfig.netcfg").read_text(encoding="utf-8") == netcfg
    assert "fixable" not in capsys.readouterr().out


def test_mig304_an_octal_looking_address_space_that_would_leave_its_subnets_out_gets_no_fix(
    tmp_path, monkeypatch
):
    netcfg = _subnets(("Web", "10.8.1.0/24"), space="10.010.0.0/16")
    assert _prefix_fixes(tmp_path, monkeypatch, netcfg) == [
        (
            5,
            "Write the range you meant: 10.10.0.0/16 leaves subnet 'Web' (10.8.1.0/24) outside the address "
            "space. Read as octal, '10.010.0.0/16' is 10.8.0.0/16.",
            False,
        )
    ]


def test_mig304_an_octal_looking_address_space_its_subnets_fit_as_decimal_keeps_its_unsafe_fix(
    tmp_path, monkeypatch
):
    netcfg = _subnets(("Web", "10.10.1.0/24"), space="10.010.0.0/16")
    [finding] = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG304")
    assert finding.autofix is not None and not finding.autofix.safe


def test_mig304_an_address_space_prefix_padded_onto_another_gets_no_fix(tmp_path, monkeypatch):
    space = "10.1.0.0/16</AddressPrefix><AddressPrefix>10.1.0.00/16"
    [(line, fix, fixable)] = _prefix_fixes(
        tmp_path, monkeypatch, _subnets(("Web", "10.1.1.0/24"), space=space)
    )
    assert (line, fixable) == (5, False)
    assert (
        fix
        == "Write the range you meant: 10.1.0.0/16 overlaps 10.1.0.0/16, another prefix of the address space."
    )
