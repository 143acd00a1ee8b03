"""A configuration's address assignments are read by looking at each list's children in turn: their
instance addresses, subnets and reserved IPs keep document order across lists, whatever their prefix,
with comments among them."""

from __future__ import annotations

from migcheck.readers import read_document

CSCFG = """<sc:ServiceConfiguration serviceName="svc" xmlns:sc="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <sc:Role name="A"/>
  <sc:NetworkConfiguration>
    <sc:AddressAssignments>
      <sc:InstanceAddress roleName="A">
        <sc:Subnets><sc:Subnet name="s1"/><!-- x --><sc:Subnet name="s2"/></sc:Subnets>
        <sc:Subnets><sc:Subnet name="s3"/></sc:Subnets>
      </sc:InstanceAddress>
      <sc:ReservedIPs><sc:ReservedIP name="r1"/><!-- y --><sc:ReservedIP name="r2"/></sc:ReservedIPs>
      <sc:InstanceAddress roleName="B"/>
      <sc:ReservedIPs><sc:ReservedIP name="r3"/></sc:ReservedIPs>
    </sc:AddressAssignments>
    <sc:AddressAssignments><sc:ReservedIPs><sc:ReservedIP name="r4"/></sc:ReservedIPs></sc:AddressAssignments>
  </sc:NetworkConfiguration>
</sc:ServiceConfiguration>"""


def test_address_assignments_keep_document_order_across_lists() -> None:
    document = read_document("ServiceConfiguration.Cloud.cscfg", CSCFG.encode(), explicit=True)
    assert document is not None and document.problem is None
    (configuration,) = document.resources
    assert [r.name for r in configuration.reserved_ips] == ["r1", "r2", "r3", "r4"]
    assert [r.mark.line for r in configuration.reserved_ips] == [9, 9, 11, 13]
    assert [(a.role, [s.name for s in a.subnets]) for a in configuration.instance_addresses] == [
        ("A", ["s1", "s2", "s3"]),
        ("B", []),
    ]
    assert [(s.mark.tag, s.mark.nth) for s in configuration.instance_addresses[0].subnets] == [
        ("sc:Subnet", 0),
        ("sc:Subnet", 1),
        ("sc:Subnet", 0),
    ]
