"""Readers that look at an element's children in one pass (`grouped_children`, `named_children`) find what
the tag-filtered lookups find, in the same order."""

from __future__ import annotations

from lxml import etree

from migcheck.readers import read_document
from migcheck.readers.xml import children, decode, grouped_children, named_children, parse

MIXED = """<Root xmlns="urn:a" xmlns:b="urn:b">
  <!-- a comment --><?pi x?>
  <Role n="1"/><b:Network n="2"/><Role n="3"><Role n="inner"/></Role>
  <Other/><Network n="4"/>
</Root>"""


def _root(text: str) -> etree._Element:
    data = text.encode()
    return parse(data, decode(data))


def test_grouped_children_are_what_children_finds_for_each_name() -> None:
    root = _root(MIXED)
    grouped = grouped_children(root, {"Role", "Network", "Absent"})
    assert set(grouped) == {"Role", "Network"}
    for name, found in grouped.items():
        assert found == children(root, name)
    assert grouped_children(None, {"Role"}) == {}


def test_named_children_keep_document_order_across_names() -> None:
    root = _root(MIXED)
    assert [el.get("n") for el in named_children(root, ("Role", "Network"))] == ["1", "2", "3", "4"]


CSDEF = """<ServiceDefinition name="svc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="W"><Endpoints><InstanceInputEndpoint name="i1"/><InputEndpoint name="a"/></Endpoints>
    <!-- between --><Endpoints><InputEndpoint name="b"/><InstanceInputEndpoint name="i2"/></Endpoints></WorkerRole>
  <WebRole name="Web"/>
  <VirtualMachineRole name="V"/>
  <WorkerRole name="W2"/>
</ServiceDefinition>"""


def test_a_definition_keeps_its_roles_in_document_order_and_input_endpoints_before_instance_ones() -> None:
    document = read_document("ServiceDefinition.csdef", CSDEF.encode(), explicit=True)
    (definition,) = [r for r in document.resources if type(r).__name__ == "ServiceDefinition"]
    assert [role.name for role in definition.roles] == ["W", "Web", "V", "W2"]
    assert [e.name for e in definition.roles[0].endpoints] == ["a", "b", "i1", "i2"]


CSCFG = """<ServiceConfiguration serviceName="svc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="A"><ConfigurationSettings/><Instances count="2"/><Instances count="5"/></Role>
  <Role name="B"/>
  <NetworkConfiguration>
    <Dns><DnsServers><DnsServer name="d1" IPAddress="10.0.0.4"/></DnsServers></Dns>
    <AddressAssignments><ReservedIPs><ReservedIP name="r1"/></ReservedIPs>
      <InstanceAddress roleName="A"><Subnets><Subnet name="s1"/></Subnets></InstanceAddress></AddressAssignments>
    <VirtualNetworkSite name="net1"/><VirtualNetworkSite name="net2"/>
    <AddressAssignments><ReservedIPs><ReservedIP name="r2"/></ReservedIPs></AddressAssignments>
    <AccessControls><AccessControl name="ac"><Rule order="1" action="permit"/></AccessControl></AccessControls>
    <EndpointAcls><EndpointAcl role="A" endPoint="e" accessControl="ac"/></EndpointAcls>
  </NetworkConfiguration>
  <NetworkConfiguration><VirtualNetworkSite name="ignored"/></NetworkConfiguration>
</ServiceConfiguration>"""


def test_a_configuration_reads_the_first_of_what_there_is_one_of_and_every_one_of_the_rest() -> None:
    document = read_document("ServiceConfiguration.Cloud.cscfg", CSCFG.encode(), explicit=True)
    (configuration,) = [r for r in document.resources if type(r).__name__ == "ServiceConfiguration"]
    assert [(r.name, r.instances) for r in configuration.roles] == [("A", 2), ("B", None)]
    assert configuration.virtual_network is not None and configuration.virtual_network.name == "net1"
    assert [r.name for r in configuration.reserved_ips] == ["r1", "r2"]
    assert [(a.role, [s.name for s in a.subnets]) for a in configuration.instance_addresses] == [
        ("A", ["s1"])
    ]
    assert [(c.name, len(c.rules)) for c in configuration.access_controls] == [("ac", 1)]
    assert [(e.role, e.endpoint) for e in configuration.endpoint_acls] == [("A", "e")]
    assert [(d.name, d.address) for d in configuration.dns_servers] == [("d1", "10.0.0.4")]
