"""A service configuration reads alike with and without its network section: the roles-only shape (most
configurations) has empty network parts, and a network section's parts are read with the roles."""

from __future__ import annotations

from migcheck.model import ServiceConfiguration
from migcheck.readers import read_document

_ROLES = """<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="svc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web">
    <Instances count="2" />
  </Role>
  <Role name="Worker"><Instances count="x" /></Role>
{network}</ServiceConfiguration>
"""
_NETWORK = """  <NetworkConfiguration>
    <VirtualNetworkSite name="vnet" />
    <AddressAssignments>
      <InstanceAddress roleName="Web">
        <Subnets><Subnet name="App" /></Subnets>
      </InstanceAddress>
      <ReservedIPs><ReservedIP name="ip1" /></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
"""


def _configuration(network: str) -> ServiceConfiguration:
    data = _ROLES.format(network=network).encode()
    document = read_document("svc/ServiceConfiguration.Cloud.cscfg", data, explicit=True)
    assert document is not None and document.problem is None
    (configuration,) = document.resources
    assert isinstance(configuration, ServiceConfiguration)
    return configuration


def test_a_configuration_without_a_network_section_has_its_roles_and_no_network_parts() -> None:
    configuration = _configuration("")
    assert configuration.name == "svc"
    assert [(r.name, r.instances, r.mark.line) for r in configuration.roles] == [
        ("Web", 2, 3),
        ("Worker", None, 6),
    ]
    assert configuration.mark.line == 2 and configuration.mark.tag == "ServiceConfiguration"
    assert configuration.virtual_network is None
    assert configuration.access_controls == configuration.endpoint_acls == ()
    assert configuration.instance_addresses == configuration.reserved_ips == configuration.dns_servers == ()


def test_a_network_section_is_read_with_the_roles() -> None:
    configuration = _configuration(_NETWORK)
    assert [r.name for r in configuration.roles] == ["Web", "Worker"]
    assert configuration.virtual_network is not None and configuration.virtual_network.name == "vnet"
    (address,) = configuration.instance_addresses
    assert address.role == "Web" and [s.name for s in address.subnets] == ["App"]
    assert [ip.name for ip in configuration.reserved_ips] == ["ip1"]
