"""Service configurations: role settings and the NetworkConfiguration section."""

from __future__ import annotations

from migcheck.model import (
    AccessControl,
    AclRule,
    DnsServer,
    EndpointAcl,
    FileKind,
    InstanceAddress,
    Mark,
    NameRef,
    RoleSettings,
    ServiceConfiguration,
)

PATH = "svc/ServiceConfiguration.Cloud.cscfg"

NETWORKED = """
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web">
    <Instances count="2" />
  </Role>
  <Role name="Jobs">
    <Instances count="many" />
  </Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office" />
        <Rule order="200" action="deny" remoteSubnet="0.0.0.0/0" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web" endPoint="HttpIn" accessControl="office" />
      <EndpointAcl role="Web" endpoint="HttpsIn" accessControl="nowhere" />
    </EndpointAcls>
    <Dns>
      <DnsServers>
        <DnsServer name="dc1" IPAddress="10.0.0.4" />
      </DnsServers>
    </Dns>
    <VirtualNetworkSite name="prod-vnet" />
    <AddressAssignments>
      <InstanceAddress roleName="Web">
        <Subnets>
          <Subnet name="front" />
          <Subnet name="back" />
        </Subnets>
      </InstanceAddress>
      <ReservedIPs>
        <ReservedIP name="shop-ip" />
      </ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def test_network_configuration(read):
    doc = read(PATH, NETWORKED)
    assert doc.kind is FileKind.SERVICE_CONFIGURATION
    office_rules = (
        AclRule("100", "permit", "203.0.113.0/24", "office", Mark(PATH, 12, "Rule")),
        AclRule("200", "deny", "0.0.0.0/0", "", Mark(PATH, 13, "Rule")),
    )
    assert doc.resources == (
        ServiceConfiguration(
            name="shop",
            roles=(
                RoleSettings("Web", 2, Mark(PATH, 3, "Role")),
                RoleSettings("Jobs", None, Mark(PATH, 6, "Role")),
            ),
            access_controls=(AccessControl("office", office_rules, Mark(PATH, 11, "AccessControl")),),
            endpoint_acls=(
                # Named, not resolved: link looks the access control up.
                EndpointAcl("Web", "HttpIn", "office", (), Mark(PATH, 17, "EndpointAcl")),
                EndpointAcl("Web", "HttpsIn", "nowhere", (), Mark(PATH, 18, "EndpointAcl")),
            ),
            virtual_network=NameRef("prod-vnet", Mark(PATH, 25, "VirtualNetworkSite")),
            instance_addresses=(
                InstanceAddress(
                    "Web",
                    (NameRef("front", Mark(PATH, 29, "Subnet")), NameRef("back", Mark(PATH, 30, "Subnet"))),
                    Mark(PATH, 27, "InstanceAddress"),
                ),
            ),
            reserved_ips=(NameRef("shop-ip", Mark(PATH, 34, "ReservedIP")),),
            dns_servers=(DnsServer("dc1", "10.0.0.4", Mark(PATH, 22, "DnsServer")),),
            mark=Mark(PATH, 2, "ServiceConfiguration"),
        ),
    )


def test_without_network_configuration(read):
    doc = read(PATH, '<ServiceConfiguration serviceName="shop"><Role name="Web"/></ServiceConfiguration>')
    assert doc.resources == (
        ServiceConfiguration(
            name="shop",
            roles=(RoleSettings("Web", None, Mark(PATH, 1, "Role")),),
            access_controls=(),
            endpoint_acls=(),
            virtual_network=None,
            instance_addresses=(),
            reserved_ips=(),
            dns_servers=(),
            mark=Mark(PATH, 1, "ServiceConfiguration"),
        ),
    )


def test_local_configuration_is_read_like_any_other(read):
    (config,) = read("svc/ServiceConfiguration.Local.cscfg", NETWORKED).resources
    assert config.is_local
    assert config.virtual_network is not None
