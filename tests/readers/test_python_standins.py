"""Python scripts: values a REST body or a network configuration leaves to the script, which does not
state them.

A body filled in from a template (`%`, `.format`, an f-string) holds a stand-in for each value the script
does not state. A name keeps it, so a finding can still name what it is about; a value (an address prefix,
an IP address, a port, a size, a state) is unknown there and left out, so no rule checks the stand-in as a
value (MIG304) or compares it with another (MIG004, MIG306). The findings that do not depend on the
unstated value stay, each at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, NetworkConfiguration, VirtualNetwork
from migcheck.readers import read_document

HEADER = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(sys.argv[1], sys.argv[2])
prefix = sys.argv[3]
"""
PUT_NETWORK = "sms.perform_put('/%s/services/networking/media' % sys.argv[1], cfg)\n"
NETWORK = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
<VirtualNetworkConfiguration>
<Dns><DnsServers><DnsServer name="dns1" IPAddress="{dns}" /></DnsServers></Dns>
<VirtualNetworkSites>
<VirtualNetworkSite name="vnet1" Location="West US"><AddressSpace><AddressPrefix>{space}</AddressPrefix></AddressSpace>
<Subnets><Subnet name="s1"><AddressPrefix>{subnet}</AddressPrefix></Subnet></Subnets>
<DnsServersRef><DnsServerRef name="dns1" /></DnsServersRef></VirtualNetworkSite>
</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"""
# The same network as a .netcfg states it, beside the script.
NETCFG = NETWORK.format(dns="10.0.0.4", space="10.0.0.0/16", subnet="10.0.0.0/24")

# The ways a script fills in the address space prefix it does not state.
SHAPES = {
    "percent": 'cfg = """' + NETWORK.format(dns="10.0.0.4", space="%s", subnet="{subnet}") + '""" % prefix\n',
    "format": 'cfg = """'
    + NETWORK.format(dns="10.0.0.4", space="{0}", subnet="{subnet}")
    + '""".format(prefix)\n',
    "f-string": 'cfg = f"""' + NETWORK.format(dns="10.0.0.4", space="{prefix}", subnet="{subnet}") + '"""\n',
}


def mig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str) -> list[str]:
    """`CODE path:line:column` of the findings of rule `code` on the files."""
    return where(lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings)


def position(text: str, piece: str) -> str:
    """`line:column` of the first `piece` in `text`, both 1-based."""
    offset = text.index(piece)
    return f"{text.count(chr(10), 0, offset) + 1}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


# --- an address prefix the script does not state is no prefix to check (MIG304) ----------------------------


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_an_address_space_prefix_the_script_does_not_state_is_not_checked(tmp_path, monkeypatch, shape):
    text = HEADER + SHAPES[shape].replace("{subnet}", "10.0.0.0/24") + PUT_NETWORK
    assert mig(tmp_path, monkeypatch, {"net.py": text}, "MIG304") == []


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_stated_prefix_beside_an_unstated_one_is_still_checked(tmp_path, monkeypatch, shape):
    text = HEADER + SHAPES[shape].replace("{subnet}", "10.0.0.1/24") + PUT_NETWORK
    assert mig(tmp_path, monkeypatch, {"net.py": text}, "MIG304") == [
        f"MIG304 net.py:{position(text, '<AddressPrefix>10.0.0.1')}"
    ]
    assert position(text, "<AddressPrefix>10.0.0.1") == "11:28"


# A network and a deployment whose subnet, network and prefix are all the script's (`sys.argv`): the names
# stay stand-ins (the network's and the subnet's, where the body names them), the prefix is left out.
ARGV_NETWORK = (
    HEADER
    + "subnet = sys.argv[4]\nvnet = sys.argv[5]\n"
    + "net = \"<VirtualNetworkSite name='{0}' Location='West US'><AddressSpace><AddressPrefix>{1}</AddressPrefix>"
    "</AddressSpace><Subnets><Subnet name='{2}'><AddressPrefix>{1}</AddressPrefix></Subnet></Subnets>"
    '</VirtualNetworkSite>".format(vnet, prefix, subnet)\n'
    + "cfg = f\"<NetworkConfiguration xmlns='http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration'>"
    "<VirtualNetworkConfiguration><VirtualNetworkSites>{net}</VirtualNetworkSites></VirtualNetworkConfiguration>"
    '</NetworkConfiguration>"\n' + PUT_NETWORK
)


def test_a_network_built_from_unstated_names_and_prefixes_keeps_the_names_and_drops_the_prefixes(
    tmp_path, monkeypatch
):
    assert mig(tmp_path, monkeypatch, {"net.py": ARGV_NETWORK}, "MIG304") == []
    document = read_document("net.py", ARGV_NETWORK.encode(), explicit=True)
    assert document is not None
    (config,) = [r for r in document.resources if isinstance(r, NetworkConfiguration)]
    (vnet,) = config.virtual_networks
    assert (vnet.name, vnet.location, vnet.address_space) == (
        "<virtual network name, net.py:8>",
        "West US",
        (),
    )
    assert [(s.name, s.prefix) for s in vnet.subnets] == [("<subnet name, net.py:8:130>", None)]


# --- an address the script does not state is no address to compare (MIG004) -------------------------------


def dns_script(dns: str, subnet: str = "10.0.0.0/24") -> str:
    return (
        HEADER
        + 'cfg = """'
        + NETWORK.format(dns=dns, space="10.0.0.0/16", subnet=subnet)
        + '""" % sys.argv[3]\n'
        + PUT_NETWORK
    )


def test_a_dns_server_address_the_script_does_not_state_does_not_disagree_with_a_netcfg(
    tmp_path, monkeypatch
):
    files = {"NetworkConfig.netcfg": NETCFG, "setdns.py": dns_script("%s")}
    assert mig(tmp_path, monkeypatch, files, "MIG004") == []
    document = read_document("setdns.py", files["setdns.py"].encode(), explicit=True)
    assert document is not None
    (config,) = [r for r in document.resources if isinstance(r, NetworkConfiguration)]
    assert [(s.name, s.address) for s in config.dns_servers] == [("dns1", "")]


def test_a_difference_the_script_states_beside_an_unstated_address_is_still_reported(tmp_path, monkeypatch):
    script = dns_script("%s", subnet="10.0.9.0/24")
    files = {"NetworkConfig.netcfg": NETCFG, "setdns.py": script}
    assert mig(tmp_path, monkeypatch, files, "MIG004") == [
        f"MIG004 setdns.py:{position(script, '<VirtualNetworkSite name')}"
    ]
    assert position(script, "<VirtualNetworkSite name") == "10:1"


# --- static private addresses, sizes, ports the script does not state (MIG306) -----------------------------

ROLES = '''\
ROLE = """<Role>
      <RoleName>%s</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints><InputEndpoint><Name>web</Name><Protocol>tcp</Protocol><Port>%s</Port><LocalPort>80</LocalPort></InputEndpoint></InputEndpoints>
          <SubnetNames><SubnetName>s1</SubnetName></SubnetNames>
          <StaticVirtualNetworkIPAddress>%s</StaticVirtualNetworkIPAddress>
        </ConfigurationSet>
      </ConfigurationSets>
      <RoleSize>%s</RoleSize>
    </Role>"""
body = """<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>d1</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    %s
    %s
  </RoleList>
  <VirtualNetworkName>vnet1</VirtualNetworkName>
</Deployment>""" % (ROLE % ("vm1", sys.argv[6], {first}, sys.argv[5]), ROLE % ("vm2", sys.argv[6], {second}, sys.argv[5]))
sms.perform_post("/sub/services/hostedservices/svc/deployments", body)
'''


def static_ips_script(first: str, second: str) -> str:
    return HEADER + ROLES.format(first=first, second=second)


def test_two_vms_whose_static_addresses_the_script_does_not_state_do_not_ask_for_the_same_one(
    tmp_path, monkeypatch
):
    script = static_ips_script("sys.argv[3]", "sys.argv[4]")
    assert mig(tmp_path, monkeypatch, {"vms.py": script}, "MIG306") == []
    document = read_document("vms.py", script.encode(), explicit=True)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert [(r.name, r.static_ips, r.size) for r in deployment.roles] == [("vm1", (), ""), ("vm2", (), "")]
    assert [(e.name, e.port, e.local_port) for r in deployment.roles for e in r.endpoints] == [
        ("web", "", "80"),
        ("web", "", "80"),
    ]
    assert all("endpoints" in r.unknown for r in deployment.roles)


def test_two_vms_the_script_gives_one_stated_static_address_still_ask_for_the_same_one(tmp_path, monkeypatch):
    script = static_ips_script("'10.0.0.5'", "'10.0.0.5'")
    assert mig(tmp_path, monkeypatch, {"vms.py": script}, "MIG306") == [
        f"MIG306 vms.py:{position(script, '<StaticVirtualNetworkIPAddress>')}"
    ]


# --- an address space or a subnet prefix the script does not state is not compared (MIG004) -----------------


def network_script(space: str, subnet: str) -> str:
    return (
        HEADER
        + 'cfg = """'
        + NETWORK.format(dns="10.0.0.4", space=space, subnet=subnet)
        + '""" % prefix\n'
        + PUT_NETWORK
    )


def script_network(script: str) -> VirtualNetwork:
    document = read_document("net.py", script.encode(), explicit=True)
    assert document is not None
    (config,) = [r for r in document.resources if isinstance(r, NetworkConfiguration)]
    (vnet,) = config.virtual_networks
    return vnet


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_an_address_space_the_script_does_not_state_does_not_disagree_with_a_netcfg(
    tmp_path, monkeypatch, shape
):
    script = HEADER + SHAPES[shape].replace("{subnet}", "10.0.0.0/24") + PUT_NETWORK
    files = {"NetworkConfig.netcfg": NETCFG, "net.py": script}
    assert mig(tmp_path, monkeypatch, files, "MIG004") == []
    vnet = script_network(script)
    assert (vnet.address_space, vnet.address_space_known) == ((), False)


def test_a_subnet_prefix_the_script_does_not_state_does_not_disagree_with_a_netcfg(tmp_path, monkeypatch):
    script = network_script("10.0.0.0/16", "%s")
    files = {"NetworkConfig.netcfg": NETCFG, "net.py": script}
    assert mig(tmp_path, monkeypatch, files, "MIG004") == []
    vnet = script_network(script)
    assert vnet.address_space_known
    assert [(s.name, s.prefix, s.prefix_known) for s in vnet.subnets] == [("s1", None, False)]


def test_a_script_that_states_another_address_space_still_disagrees_with_a_netcfg(tmp_path, monkeypatch):
    script = network_script("10.1.0.0/16", "%s")
    files = {"NetworkConfig.netcfg": NETCFG, "net.py": script}
    assert mig(tmp_path, monkeypatch, files, "MIG004") == [
        f"MIG004 net.py:{position(script, '<VirtualNetworkSite name')}"
    ]


def test_an_unstated_subnet_prefix_does_not_hide_a_subnet_the_netcfg_lacks(tmp_path, monkeypatch):
    script = network_script("10.0.0.0/16", "%s").replace('<Subnet name="s1">', '<Subnet name="s2">')
    files = {"NetworkConfig.netcfg": NETCFG, "net.py": script}
    assert mig(tmp_path, monkeypatch, files, "MIG004") == [
        f"MIG004 net.py:{position(script, '<VirtualNetworkSite name')}"
    ]


SITES = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
<VirtualNetworkConfiguration>
<LocalNetworkSites><LocalNetworkSite name="site1"><AddressSpace><AddressPrefix>{space}</AddressPrefix></AddressSpace>
<VPNGatewayAddress>203.0.113.1</VPNGatewayAddress></LocalNetworkSite></LocalNetworkSites>
<VirtualNetworkSites><VirtualNetworkSite name="vnet1" Location="West US">
<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite></VirtualNetworkSites>
</VirtualNetworkConfiguration></NetworkConfiguration>"""


@pytest.mark.parametrize(
    ("space", "fill", "disagrees"), [("%s", " % prefix", False), ("192.168.9.0/24", "", True)]
)
def test_a_local_site_address_space_the_script_does_not_state_does_not_disagree_with_a_netcfg(
    tmp_path, monkeypatch, space, fill, disagrees
):
    script = HEADER + 'cfg = """' + SITES.format(space=space) + '"""' + fill + "\n" + PUT_NETWORK
    files = {"NetworkConfig.netcfg": SITES.format(space="192.168.0.0/16"), "sites.py": script}
    expected = [f"MIG004 sites.py:{position(script, '<LocalNetworkSite name')}"] if disagrees else []
    assert mig(tmp_path, monkeypatch, files, "MIG004") == expected
