"""A finding about a reserved IP (MIG106) or about the second subnet of a VM or role (MIG202) quotes a name,
and points where that name is written, in every format: the value of a .cscfg's `name` attribute, the text
of a REST body's `ReservedIPName` or `SubnetName` and of an Export-AzureVM file's `string` (inside the body
a PowerShell or Python script sends too), and a Resource Graph row's `name`. A network configuration held in
a `Get-AzureVNetConfig | ConvertTo-Json` export points inside its string at the value or text that a .netcfg
finding points at, through the string's escapes (`\\"`, `\\u003c`), for MIG003 and MIG303 alike."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_reserved_ip, graph_vm, lint_files
from test_a_get_azure_vnet_config_export_is_the_network_configuration_it_holds import _export

from migcheck.model import Mark, ShownMark, TextMark
from migcheck.source import SourceText
from migcheck.store import DocumentStore


def _spans(result) -> list[tuple[str, int, int, int, int]]:
    return sorted(
        (f.code, f.location.line, f.location.column, f.location.end_line, f.location.end_column)
        for f in result.findings
    )


def _at(text: str, written: str, nth: int = 0) -> tuple[int, int, int]:
    """(line, column, end column) of the `nth` `written` in `text` (a name as the file writes it)."""
    lines = text.split("\n")
    found = [(n, line.index(written)) for n, line in enumerate(lines, 1) if written in line]
    line, index = found[nth]
    return line, index + 1, index + 1 + len(written)


CSDEF = """\
<ServiceDefinition name="jobs">
  <WorkerRole name="Jobs" vmsize="Small"/>
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="jobs">
  <Role name="Jobs"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <AddressAssignments>
      <InstanceAddress roleName="Jobs">
        <Subnets><Subnet name="FrontEnd"/><Subnet
            name="BackEnd"/></Subnets>
      </InstanceAddress>
      <ReservedIPs><ReservedIP name="jobs-vip"/></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def test_a_configuration_s_names_are_reported_at_their_values(tmp_path, monkeypatch):
    files = {"jobs/ServiceDefinition.csdef": CSDEF, "jobs/ServiceConfiguration.Cloud.cscfg": CSCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG106", "MIG202", dedent=False)
    vip, backend = _at(CSCFG, "jobs-vip"), _at(CSCFG, "BackEnd")
    assert _spans(result) == [
        ("MIG106", vip[0], vip[1], vip[0], vip[2]),
        ("MIG202", backend[0], backend[1], backend[0], backend[2]),  # on the attribute's own line
    ]


BODY = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>batch</Name>'
    "<DeploymentSlot>Production</DeploymentSlot><Label>b</Label><RoleList><Role><RoleName>batch01</RoleName>"
    "<RoleType>PersistentVMRole</RoleType><ConfigurationSets><ConfigurationSet>"
    "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames>"
    "<SubnetName>FrontEnd</SubnetName><SubnetName>BackEnd</SubnetName></SubnetNames></ConfigurationSet>"
    "</ConfigurationSets></Role></RoleList><VirtualNetworkName>prod-vnet</VirtualNetworkName>"
    "<ReservedIPName>batch-vip</ReservedIPName></Deployment>"
)
URI = "https://management.core.windows.net/0000/services/hostedservices/batch/deployments"
SENT = {
    "batch.deployment.xml": BODY + "\n",
    "deploy.ps1": (
        '$headers = @{ "x-ms-version" = "2015-04-01" }\n'
        f"Invoke-RestMethod -Method POST -Uri \"{URI}\" -Body '{BODY}' -Headers $headers -Certificate $cert "
        '-ContentType "application/xml"\n'
    ),
    "deploy.py": (
        "import requests\n"
        f'requests.post("{URI}", data=\'{BODY}\', headers={{"x-ms-version": "2015-04-01"}}, '
        'cert=("c.pem", "k.pem"))\n'
    ),
}


@pytest.mark.parametrize("name", SENT)
def test_a_rest_body_s_names_are_reported_at_their_text(tmp_path, monkeypatch, name):
    text = SENT[name]
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG106", "MIG202", dedent=False)
    vip, backend = _at(text, "batch-vip"), _at(text, "BackEnd")
    assert _spans(result) == [
        ("MIG106", vip[0], vip[1], vip[0], vip[2]),
        ("MIG202", backend[0], backend[1], backend[0], backend[2]),
    ]


def test_an_export_s_second_subnet_is_reported_at_its_string(tmp_path, monkeypatch):
    export = """\
<PersistentVM>
  <RoleName>fw01</RoleName>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><string>FrontEnd</string><string>
        BackEnd
      </string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVM>
"""
    result = lint_files(tmp_path, monkeypatch, {"vms/fw01.xml": export}, "MIG202", dedent=False)
    line, column, end = _at(export, "BackEnd")
    assert _spans(result) == [("MIG202", line, column, line, end)]  # on the text's own line


def test_a_resource_graph_reserved_ip_is_reported_at_its_name(tmp_path, monkeypatch):
    vm = graph_vm("sub1", "batch", "batch01")
    vm["properties"]["networkProfile"]["inputEndpoints"] = []
    page = graph_page(vm, graph_reserved_ip("sub1", "batch-vip", "batch"), indent=2)
    result = lint_files(tmp_path, monkeypatch, {"graph.json": page}, "MIG106", dedent=False)
    line, column, end = _at(page, '"batch-vip"')
    assert _spans(result) == [("MIG106", line, column, line, end)]


def test_an_element_that_holds_no_text_is_reported_at_its_start_tag():
    source = SourceText("<a>\n  <ReservedIPName/>\n  <SubnetName><x/></SubnetName>\n</a>\n")
    for line, tag in ((2, "ReservedIPName"), (3, "SubnetName")):
        assert source.locate(TextMark("f.xml", line, tag)) == source.locate(Mark("f.xml", line, tag))


NETCFG = (
    '<?xml version="1.0" encoding="utf-8"?>\r\n<NetworkConfiguration '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="prodnet" AffinityGroup="contoso-\u00e9ag">'
    "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>"
    '<Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>'
    '<DnsServersRef><DnsServerRef name="dc2"/></DnsServersRef>'
    '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"><Connection type="IPsec"/>'
    "</LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>"
    "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
)


@pytest.mark.parametrize("escaped", [False, True], ids=["pwsh", "windows-powershell"])
def test_a_network_configuration_export_s_names_are_reported_inside_its_string(
    tmp_path, monkeypatch, escaped
):
    text = _export(NETCFG, escaped=escaped)
    assert "\\u00e9" in text  # json.dumps escapes it: the columns after it count six characters for one
    result = lint_files(tmp_path, monkeypatch, {"vnetconfig.json": text}, "MIG003", "MIG303", dedent=False)
    line = text.split("\n")[1]
    shown = sorted((f.code, line[f.location.column - 1 : f.location.end_column - 1]) for f in result.findings)
    # The value where the string writes it, escapes and all, up to its closing (escaped) quote.
    assert shown == [("MIG003", "dc2"), ("MIG003", "office"), ("MIG303", "contoso-\\u00e9ag")]
    assert {f.location.line for f in result.findings} == {2}
    assert json.loads(text)["XMLConfiguration"] == NETCFG


def test_an_export_s_reserved_ip_kept_in_the_store_is_still_shown_at_its_name(tmp_path, monkeypatch):
    page = graph_page(graph_reserved_ip("sub1", "batch-vip", "batch"), indent=2).encode()
    first = DocumentStore(str(tmp_path / "store" / "documents.json"))
    read = first.read("/w/graph.json", "graph.json", page, explicit=True)
    first.save(["/w/graph.json"])

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read, not taken from the store")

    monkeypatch.setattr("migcheck.readers.read_document", refuse)
    kept = DocumentStore(str(tmp_path / "store" / "documents.json")).read(
        "/w/graph.json", "graph.json", page, explicit=True
    )
    [ip] = kept.resources
    assert type(ip.mark) is ShownMark and ip.mark == read.resources[0].mark
    location = SourceText(page.decode()).locate(ip.mark)
    line, column, end = _at(page.decode(), '"batch-vip"')
    assert (location.line, location.column, location.end_column) == (line, column, end)


RESERVED_IPS = """\
<ReservedIPs xmlns="http://schemas.microsoft.com/windowsazure">
  <ReservedIP>
    <Name>batch-vip</Name>
    <Address>40.1.1.1</Address>
    <ServiceName>batch</ServiceName>
    <DeploymentName>batch</DeploymentName>
  </ReservedIP>
</ReservedIPs>
"""
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>batch</Name>
  <RoleList><Role><RoleName>batch01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>
  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
</Deployment>
"""


def test_a_rest_list_s_reserved_ip_is_reported_at_its_name(tmp_path, monkeypatch):
    files = {"reservedips.xml": RESERVED_IPS, "batch.xml": DEPLOYMENT}
    result = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False)
    line, column, end = _at(RESERVED_IPS, "batch-vip")
    assert _spans(result) == [("MIG106", line, column, line, end)]
