"""A finding about a name a .cscfg or .netcfg writes in an attribute (a serviceName, a role, network, subnet,
DNS server or local site named by a reference, an affinity group) points at the value inside the quotes, on
the attribute's own line where the start tag spans several, and ends where the value does: in every report,
and from a run that reads its documents from the store."""

from __future__ import annotations

import json
import textwrap

from lint_support import APP_VNET_NETCFG, lint_files, run_cli

from migcheck import scan
from migcheck.model import AttributeMark, Mark
from migcheck.source import SourceText
from migcheck.store import DocumentStore

DEFINITION = """\
<ServiceDefinition name="shop">
  <WorkerRole name="Jobs" vmsize="Small"/>
</ServiceDefinition>
"""

# The start tag over three lines, the serviceName on the third.
STALE_CONFIGURATION = """\
<ServiceConfiguration
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
    osFamily="6" serviceName="shop-old">
  <Role name="Jobs"><Instances count="2"/></Role>
</ServiceConfiguration>
"""


def _value_at(text: str, written: str) -> tuple[int, int]:
    """(line, column) of the first character of `written`, an attribute's value with its quotes, in
    `text` as the test writes it out (dedented)."""
    lines = textwrap.dedent(text).lstrip("\n").split("\n")
    line = next(n for n, line in enumerate(lines, 1) if written in line)
    return line, lines[line - 1].index(written) + 2


def _spans(result) -> list[tuple[str, int, int, int, int]]:
    return [
        (f.code, f.location.line, f.location.column, f.location.end_line, f.location.end_column)
        for f in result.findings
    ]


def test_a_stale_service_name_is_reported_at_its_value_on_its_own_line(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": DEFINITION,
        "shop/ServiceConfiguration.Cloud.cscfg": STALE_CONFIGURATION,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003")
    assert _spans(result) == [("MIG003", 3, 31, 3, 39)]


def test_the_json_and_text_reports_give_the_value_s_position(tmp_path, monkeypatch, capsys):
    files = {
        "shop/ServiceDefinition.csdef": DEFINITION,
        "shop/ServiceConfiguration.Cloud.cscfg": STALE_CONFIGURATION,
    }
    lint_files(tmp_path, monkeypatch, files, "MIG003")
    _, out, _ = run_cli(capsys, "check", ".", "--select", "MIG003", "--format", "json")
    [finding] = json.loads(out)
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (3, 31, 3, 39)
    _, out, _ = run_cli(capsys, "check", ".", "--select", "MIG003")
    assert "shop/ServiceConfiguration.Cloud.cscfg:3:31: MIG003" in out
    assert '    osFamily="6" serviceName="shop-old">' in out


def test_names_a_configuration_refers_to_are_reported_at_their_values(tmp_path, monkeypatch):
    configuration = """\
    <ServiceConfiguration serviceName="shop">
      <Role name="Jobs"><Instances count="2"/></Role>
      <Role name="Web"><Instances count="2"/></Role>
      <NetworkConfiguration>
        <AccessControls><AccessControl name="office"/></AccessControls>
        <EndpointAcls><EndpointAcl role="Jobs" endPoint="In" accessControl="offise"/></EndpointAcls>
        <VirtualNetworkSite name="app-vnet"/>
        <AddressAssignments>
          <InstanceAddress roleName="Jobs"><Subnets><Subnet name="wbe"/></Subnets></InstanceAddress>
        </AddressAssignments>
      </NetworkConfiguration>
    </ServiceConfiguration>
    """
    files = {
        "shop/ServiceDefinition.csdef": DEFINITION,
        "shop/ServiceConfiguration.Cloud.cscfg": configuration,
        "net/NetworkConfig.netcfg": APP_VNET_NETCFG,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003")
    found = sorted((f.location.line, f.location.column) for f in result.findings)
    written = ('"Web"', '"offise"', '"In"', '"wbe"')
    assert found == sorted(_value_at(configuration, value) for value in written)


def test_a_network_configuration_s_references_and_affinity_group_are_reported_at_their_values(
    tmp_path, monkeypatch
):
    netcfg = """\
    <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
      <VirtualNetworkConfiguration>
        <Dns><DnsServers><DnsServer name="dc1" IPAddress="10.0.0.4"/></DnsServers></Dns>
        <VirtualNetworkSites>
          <VirtualNetworkSite name="app-vnet"
              AffinityGroup="contoso-ag">
            <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
            <DnsServersRef><DnsServerRef name="dc2"/></DnsServersRef>
            <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
          </VirtualNetworkSite>
        </VirtualNetworkSites>
      </VirtualNetworkConfiguration>
    </NetworkConfiguration>
    """
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG003", "MIG303")
    found = sorted((f.code, f.location.line, f.location.column) for f in result.findings)
    assert found == [
        ("MIG003", *_value_at(netcfg, '"dc2"')),
        ("MIG003", *_value_at(netcfg, '"office"')),
        ("MIG303", *_value_at(netcfg, '"contoso-ag"')),
    ]


def test_an_attribute_the_tag_does_not_write_leaves_the_start_tag():
    text = '<Role name="a">\n  <Subnet\n     name="web"/>\n</Role>\n'
    source = SourceText(text)
    at_subnet = source.locate(AttributeMark("f.cscfg", 3, "Subnet", attribute="name"))
    assert (at_subnet.line, at_subnet.column, at_subnet.end_column) == (3, 12, 15)
    missing = source.locate(AttributeMark("f.cscfg", 3, "Subnet", attribute="roleName"))
    assert missing == source.locate(Mark("f.cscfg", 3, "Subnet"))


def test_the_attributes_of_a_tag_are_read_in_one_pass_whatever_their_names():
    tag = "<a " + "b" * 200_000 + " x:Name = 'v' name=\"w\"/>"
    values = scan.attribute_values(tag, 0, len(tag))
    assert tag[slice(*values["name"])] == "v"  # the first of a local name, prefix or none


def test_a_network_s_affinity_group_kept_in_the_store_is_marked_at_its_attribute(tmp_path, monkeypatch):
    netcfg = APP_VNET_NETCFG.replace('Location="North Europe"', 'AffinityGroup="contoso-ag"').encode()
    first = DocumentStore(str(tmp_path / "store" / "documents.json"))
    read = first.read("/w/n.netcfg", "n.netcfg", netcfg, explicit=False)
    first.save(["/w/n.netcfg"])

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read, not taken from the store")

    monkeypatch.setattr("migcheck.readers.read_document", refuse)
    kept = DocumentStore(str(tmp_path / "store" / "documents.json")).read(
        "/w/n.netcfg", "n.netcfg", netcfg, explicit=False
    )
    [network] = kept.resources[0].virtual_networks
    assert type(network.affinity_group_mark) is AttributeMark
    assert network.affinity_group_mark == read.resources[0].virtual_networks[0].affinity_group_mark


AFFINITY_NETCFG = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="app-vnet" AffinityGroup="old-ag">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def test_an_attribute_of_a_network_configuration_a_script_holds_is_reported_at_its_value(
    tmp_path, monkeypatch
):
    powershell = f'$config = @"\n{AFFINITY_NETCFG}"@\n$config | Out-File .\\net.xml\nSet-AzureVNetConfig -ConfigurationPath .\\net.xml\n'
    python = (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("subscription-id", "management.pem")\n'
        f'NETCFG = """{AFFINITY_NETCFG.replace("app-vnet", "py-vnet")}"""\n'
        'sms.perform_put("/subscription-id/services/networking/media", NETCFG)\n'
    )
    files = {"net.ps1": powershell, "net.py": python}
    found = [
        (f.location.path, f.location.line, f.location.column)
        for f in lint_files(tmp_path, monkeypatch, files, "MIG303", dedent=False).findings
    ]
    value = '"old-ag"'
    assert found == [("net.ps1", *_value_at(powershell, value)), ("net.py", *_value_at(python, value))]
