"""Export-AzureVM files: a REST role as .NET's XmlSerializer writes it, without a namespace."""

from __future__ import annotations

from migcheck.model import AclRule, Disk, EndpointAcl, Extension, FileKind, Mark, NameRef, RoleType

PATH = "vms/web1.xml"

EXPORT = """
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <AvailabilitySetName>web</AvailabilitySetName>
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <InputEndpoints>
        <InputEndpoint>
          <LocalPort>3389</LocalPort>
          <Name>RDP</Name>
          <Port>50001</Port>
          <Protocol>tcp</Protocol>
          <EndpointAccessControlList>
            <Rules>
              <AccessControlListRule>
                <Order>0</Order>
                <Action>Permit</Action>
                <RemoteSubnet>203.0.113.10/32</RemoteSubnet>
                <Description>admin</Description>
              </AccessControlListRule>
            </Rules>
          </EndpointAccessControlList>
        </InputEndpoint>
        <InputEndpoint>
          <Name>HTTP</Name>
          <Port>80</Port>
          <EndpointAcl><Rules><Rule><Order>1</Order><Action>deny</Action></Rule></Rules></EndpointAcl>
        </InputEndpoint>
        <InputEndpoint>
          <Name>HTTPS</Name>
        </InputEndpoint>
      </InputEndpoints>
      <SubnetNames>
        <string>front</string>
        <string>back</string>
      </SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <DataVirtualHardDisks>
    <DataVirtualHardDisk>
      <DiskName>web1-data</DiskName>
      <Lun>0</Lun>
    </DataVirtualHardDisk>
  </DataVirtualHardDisks>
  <OSVirtualHardDisk>
    <DiskName>web1-os</DiskName>
    <IOType>Provisioned</IOType>
  </OSVirtualHardDisk>
  <RoleName>web1</RoleName>
  <RoleSize>Small</RoleSize>
  <ResourceExtensionReferences>
    <ResourceExtensionReference>
      <Publisher>Microsoft.Compute</Publisher>
      <Name>VMSnapshot</Name>
      <Version>1.0</Version>
    </ResourceExtensionReference>
  </ResourceExtensionReferences>
  <DebugSettings>
    <BootDiagnosticsEnabled>false</BootDiagnosticsEnabled>
  </DebugSettings>
</PersistentVM>
"""


def test_export_azure_vm(read):
    doc = read(PATH, EXPORT)
    assert doc.kind is FileKind.VM_EXPORT
    (vm,) = doc.resources
    assert (vm.name, vm.type, vm.size, vm.availability_set, vm.mark) == (
        "web1",
        RoleType.PERSISTENT_VM,
        "Small",
        "web",
        Mark(PATH, 2, "PersistentVM"),
    )
    rdp, http, https = vm.endpoints
    assert rdp.acl == EndpointAcl(
        "web1",
        "RDP",
        "",
        (AclRule("0", "Permit", "203.0.113.10/32", "admin", Mark(PATH, 14, "AccessControlListRule")),),
        Mark(PATH, 12, "EndpointAccessControlList"),
    )
    assert http.acl == EndpointAcl(
        "web1",
        "HTTP",
        "",
        (AclRule("1", "deny", "", "", Mark(PATH, 26, "Rule")),),
        Mark(PATH, 26, "EndpointAcl"),
    )
    assert https.acl is None
    assert vm.subnets == (
        NameRef("front", Mark(PATH, 33, "string")),
        NameRef("back", Mark(PATH, 34, "string")),
    )
    assert vm.disks == (
        Disk("web1-os", "", "Provisioned", "web1", Mark(PATH, 44, "OSVirtualHardDisk")),
        Disk("web1-data", "", "", "web1", Mark(PATH, 39, "DataVirtualHardDisk")),
    )
    assert vm.extensions == (
        Extension("Microsoft.Compute", "VMSnapshot", "1.0", "", Mark(PATH, 51, "ResourceExtensionReference")),
    )
    assert vm.boot_diagnostics is False


def test_configuration_set_type_element_and_no_acl(read):
    doc = read(
        PATH,
        """
        <PersistentVM>
          <RoleName>vm</RoleName>
          <ConfigurationSets>
            <ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints><InputEndpoint><Name>SSH</Name></InputEndpoint></InputEndpoints>
            </ConfigurationSet>
          </ConfigurationSets>
        </PersistentVM>
        """,
    )
    (vm,) = doc.resources
    assert [(e.name, e.acl) for e in vm.endpoints] == [("SSH", None)]
    assert vm.subnets == ()
    assert vm.boot_diagnostics is None


def test_secondary_network_interfaces_add_their_subnets(read):
    doc = read(
        PATH,
        """
        <PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <RoleName>fw01</RoleName>
          <ConfigurationSets>
            <ConfigurationSet xsi:type="NetworkConfigurationSet">
              <SubnetNames><string>FrontEnd</string></SubnetNames>
              <NetworkInterfaces>
                <AssignNetworkInterface>
                  <Name>nic-back</Name>
                  <IPConfigurations>
                    <AssignIPConfiguration>
                      <SubnetName>BackEnd</SubnetName>
                      <StaticVirtualNetworkIPAddress>10.0.2.4</StaticVirtualNetworkIPAddress>
                    </AssignIPConfiguration>
                  </IPConfigurations>
                </AssignNetworkInterface>
                <NetworkInterface>
                  <Name>nic-mgmt</Name>
                  <IPConfigurations><IPConfiguration><SubnetName>frontend</SubnetName></IPConfiguration></IPConfigurations>
                </NetworkInterface>
                <AssignNetworkInterface><Name>nic-none</Name><IPConfigurations/></AssignNetworkInterface>
              </NetworkInterfaces>
            </ConfigurationSet>
          </ConfigurationSets>
        </PersistentVM>
        """,
    )
    (vm,) = doc.resources
    assert vm.subnets == (
        NameRef("FrontEnd", Mark(PATH, 5, "string")),
        NameRef("BackEnd", Mark(PATH, 11, "SubnetName")),
        NameRef("frontend", Mark(PATH, 18, "SubnetName")),
    )
    assert [s.name for s in vm.distinct_subnets] == ["FrontEnd", "BackEnd"]
    assert (vm.type, vm.kind_evidence, vm.kind_known) == (RoleType.PERSISTENT_VM, "", True)


def test_endpoint_on_an_internal_load_balancer(read):
    doc = read(
        PATH,
        """
        <PersistentVM>
          <RoleName>sql01</RoleName>
          <ConfigurationSets>
            <ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints>
                <InputEndpoint><Name>SQL</Name><Port>1433</Port><LoadBalancerName>sql-ilb</LoadBalancerName></InputEndpoint>
                <InputEndpoint><Name>RDP</Name><Port>3389</Port><LoadBalancerName /></InputEndpoint>
              </InputEndpoints>
            </ConfigurationSet>
          </ConfigurationSets>
        </PersistentVM>
        """,
    )
    (vm,) = doc.resources
    assert [(e.name, e.load_balancer, e.is_public) for e in vm.endpoints] == [
        ("SQL", "sql-ilb", False),
        ("RDP", "", True),
    ]


def test_acl_rules_are_every_item_of_rules(read):
    doc = read(
        PATH,
        """
        <PersistentVM>
          <RoleName>vm</RoleName>
          <ConfigurationSets>
            <ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints>
                <InputEndpoint><Name>SSH</Name>
                  <EndpointAccessControlList>
                    <Rules>
                      <Rule><Order>1</Order><Action>deny</Action><RemoteSubnet>0.0.0.0/0</RemoteSubnet></Rule>
                    </Rules>
                  </EndpointAccessControlList>
                </InputEndpoint>
                <InputEndpoint><Name>RDP</Name>
                  <EndpointAccessControlList><Rules><!-- none --></Rules></EndpointAccessControlList>
                </InputEndpoint>
              </InputEndpoints>
            </ConfigurationSet>
          </ConfigurationSets>
        </PersistentVM>
        """,
    )
    (vm,) = doc.resources
    ssh, rdp = vm.endpoints
    assert ssh.acl is not None and ssh.acl.rules == (
        AclRule("1", "deny", "0.0.0.0/0", "", Mark(PATH, 9, "Rule")),
    )
    assert rdp.acl is not None and rdp.acl.rules == ()
