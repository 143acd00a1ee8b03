"""Service Management REST bodies: deployments, roles, networks, storage and addresses."""

from __future__ import annotations

import base64

import pytest

from migcheck.model import (
    AclRule,
    AddressPrefix,
    Deployment,
    Disk,
    DnsServer,
    EndpointAcl,
    Extension,
    FileKind,
    Gateway,
    GatewayConnection,
    Image,
    InputEndpoint,
    LocalNetworkSite,
    Mark,
    NameRef,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RoleInstance,
    RoleType,
    RouteTable,
    Subnet,
    VirtualNetwork,
)
from migcheck.readers import read_document

PATH = "rest/deployment.xml"

DEPLOYMENT = """
<Deployment xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <Name>prod</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleInstanceList>
    <RoleInstance>
      <RoleName>vm1</RoleName>
      <InstanceName>vm1</InstanceName>
      <InstanceStatus>RoleStateUnknown</InstanceStatus>
      <GuestAgentStatus><Status>NotReady</Status></GuestAgentStatus>
    </RoleInstance>
  </RoleInstanceList>
  <RoleList>
    <Role i:type="PersistentVMRole">
      <RoleName>vm1</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>WindowsProvisioningConfiguration</ConfigurationSetType>
          <InputEndpoints><InputEndpoint><Name>ignored</Name></InputEndpoint></InputEndpoints>
        </ConfigurationSet>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>
            <InputEndpoint>
              <LocalPort>3389</LocalPort>
              <Name>RDP</Name>
              <Port>50001</Port>
              <Protocol>tcp</Protocol>
              <EndpointAcl>
                <Rules>
                  <Rule>
                    <Order>1</Order>
                    <Action>permit</Action>
                    <RemoteSubnet>203.0.113.0/24</RemoteSubnet>
                    <Description>office</Description>
                  </Rule>
                </Rules>
              </EndpointAcl>
            </InputEndpoint>
          </InputEndpoints>
          <SubnetNames>
            <SubnetName>front</SubnetName>
          </SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <AvailabilitySetName>web-set</AvailabilitySetName>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <ReferenceName>BGInfo</ReferenceName>
          <Publisher>Microsoft.Compute</Publisher>
          <Name>BGInfo</Name>
          <Version>1.*</Version>
          <State>Enable</State>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
      <DataVirtualHardDisks>
        <DataVirtualHardDisk>
          <DiskName>vm1-data</DiskName>
          <MediaLink>https://acct.blob.core.windows.net/vhds/data/vm1.vhd</MediaLink>
          <IOType>Provisioned</IOType>
        </DataVirtualHardDisk>
      </DataVirtualHardDisks>
      <OSVirtualHardDisk>
        <DiskName>vm1-os</DiskName>
        <MediaLink>
          https://acct.blob.core.windows.net/vhds/vm1-os.vhd
        </MediaLink>
      </OSVirtualHardDisk>
      <RoleSize>Standard_DS2</RoleSize>
      <DebugSettings>
        <BootDiagnosticsEnabled>true</BootDiagnosticsEnabled>
      </DebugSettings>
    </Role>
    <Role>
      <RoleName>WebRole1</RoleName>
      <OsVersion>WA-GUEST-OS-5.1</OsVersion>
    </Role>
  </RoleList>
  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
  <ReservedIPName>prod-ip</ReservedIPName>
</Deployment>
"""


def test_deployment(read):
    doc = read(PATH, DEPLOYMENT)
    assert doc.kind is FileKind.REST
    assert doc.root == "Deployment"
    vm = Role(
        name="vm1",
        type=RoleType.PERSISTENT_VM,
        mark=Mark(PATH, 13, "Role"),
        size="Standard_DS2",
        availability_set="web-set",
        endpoints=(
            InputEndpoint(
                "RDP",
                "tcp",
                "50001",
                "3389",
                EndpointAcl(
                    "vm1",
                    "RDP",
                    "",
                    (AclRule("1", "permit", "203.0.113.0/24", "office", Mark(PATH, 31, "Rule")),),
                    Mark(PATH, 29, "EndpointAcl"),
                ),
                Mark(PATH, 24, "InputEndpoint"),
            ),
        ),
        subnets=(NameRef("front", Mark(PATH, 42, "SubnetName")),),
        extensions=(
            Extension(
                "Microsoft.Compute",
                "BGInfo",
                "1.*",
                "Enable",
                Mark(PATH, 48, "ResourceExtensionReference"),
                reference="BGInfo",
            ),
        ),
        disks=(
            Disk(
                "vm1-os",
                "https://acct.blob.core.windows.net/vhds/vm1-os.vhd",
                "",
                "vm1",
                Mark(PATH, 63, "OSVirtualHardDisk"),
            ),
            Disk(
                "vm1-data",
                "https://acct.blob.core.windows.net/vhds/data/vm1.vhd",
                "Provisioned",
                "vm1",
                Mark(PATH, 57, "DataVirtualHardDisk"),
            ),
        ),
        boot_diagnostics=True,
    )
    assert doc.resources == (
        Deployment(
            service_name="",
            name="prod",
            slot="Production",
            roles=(
                vm,
                Role(
                    "WebRole1",
                    RoleType.WEB_OR_WORKER,
                    Mark(PATH, 74, "Role"),
                    kind_evidence="its body does not state RoleType; it has no disks",
                ),
            ),
            instances=(
                RoleInstance("vm1", "vm1", "RoleStateUnknown", "NotReady", Mark(PATH, 5, "RoleInstance")),
            ),
            virtual_network=NameRef("prod-vnet", Mark(PATH, 79, "VirtualNetworkName")),
            reserved_ip=NameRef("prod-ip", Mark(PATH, 80, "ReservedIPName")),
            mark=Mark(PATH, 1, "Deployment"),
        ),
    )
    assert vm.disks[1].blob_name == "data/vm1.vhd"


def test_role_types():
    def role_type(inner: str) -> RoleType:
        xml = (
            f'<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">{inner}</PersistentVMRole>'
        )
        doc = read_document("role.xml", xml.encode(), explicit=False)
        assert doc is not None
        return doc.resources[0].type

    assert role_type("<RoleType>PersistentVMRole</RoleType>") is RoleType.PERSISTENT_VM
    assert role_type("") is RoleType.PERSISTENT_VM  # the element says it
    assert role_type("<RoleType>WebRole</RoleType>") is RoleType.WEB
    assert role_type("<RoleType>WorkerRole</RoleType>") is RoleType.WORKER
    assert role_type("<RoleType>webrole</RoleType>") is RoleType.WEB  # compared without case


def _roles(read, roles: str) -> list[tuple[str, RoleType, str, bool]]:
    doc = read(
        PATH,
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure" '
        'xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
        f"<Name>d</Name><RoleList>{roles}</RoleList></Deployment>",
    )
    (deployment,) = doc.resources
    return [(r.name, r.type, r.kind_evidence, r.kind_known) for r in deployment.roles]


def test_role_kind_when_a_deployment_does_not_state_it(read):
    no_type = "its body does not state RoleType"
    assert _roles(
        read,
        "<Role><RoleName>web</RoleName><OsVersion>WA-GUEST-OS-6.62</OsVersion></Role>"
        "<Role><RoleName>os</RoleName><OSVirtualHardDisk><DiskName>d</DiskName></OSVirtualHardDisk></Role>"
        "<Role><RoleName>data</RoleName><DataVirtualHardDisks><DataVirtualHardDisk><Lun>0</Lun>"
        "</DataVirtualHardDisk></DataVirtualHardDisks></Role>"
        "<Role><RoleName>win</RoleName><ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>WindowsProvisioningConfiguration</ConfigurationSetType>"
        "</ConfigurationSet></ConfigurationSets></Role>"
        "<Role><RoleName>lb</RoleName><ConfigurationSets><ConfigurationSet><InputEndpoints><InputEndpoint>"
        "<LoadBalancedEndpointSetName>set</LoadBalancedEndpointSetName></InputEndpoint></InputEndpoints>"
        "</ConfigurationSet></ConfigurationSets></Role>"
        '<Role i:type="PersistentVMRole"><RoleName>typed</RoleName></Role>'
        '<Role i:type="Role"><RoleName>untyped</RoleName></Role>'
        "<Role><RoleName>odd</RoleName><RoleType>CacheRole</RoleType></Role>",
    ) == [
        ("web", RoleType.WEB_OR_WORKER, f"{no_type}; it has no disks", True),
        ("os", RoleType.PERSISTENT_VM, f"{no_type}; it has an OS disk", True),
        ("data", RoleType.PERSISTENT_VM, f"{no_type}; it has data disks", True),
        ("win", RoleType.PERSISTENT_VM, f"{no_type}; it has a Windows provisioning configuration", True),
        ("lb", RoleType.PERSISTENT_VM, f"{no_type}; it has a load-balanced endpoint set", True),
        ("typed", RoleType.PERSISTENT_VM, "", True),
        ("untyped", RoleType.WEB_OR_WORKER, f"{no_type}; it has no disks", True),
        (
            "odd",
            RoleType.WEB_OR_WORKER,
            "its RoleType 'CacheRole' is not a role type, and it has nothing only a VM has, such as disks",
            False,
        ),
    ]


def test_a_role_body_on_its_own_that_states_nothing_is_of_unknown_kind(read):
    (role,) = read(
        "rest/role.xml",
        '<Role xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>r</RoleName></Role>',
    ).resources
    assert (role.type, role.kind_known) == (RoleType.WEB_OR_WORKER, False)
    assert role.kind_evidence.startswith("its body does not state RoleType, and it has nothing only a VM has")


def test_secondary_network_interfaces_and_internal_load_balancer_endpoints(read):
    doc = read(
        "rest/fw.xml",
        """
        <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
          <RoleName>fw01</RoleName>
          <RoleType>PersistentVMRole</RoleType>
          <ConfigurationSets>
            <ConfigurationSet>
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints>
                <InputEndpoint>
                  <Name>HTTP</Name><Port>80</Port><Protocol>tcp</Protocol>
                  <LoadBalancerName>web-ilb</LoadBalancerName>
                </InputEndpoint>
              </InputEndpoints>
              <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
              <NetworkInterfaces>
                <NetworkInterface>
                  <Name>nic-back</Name>
                  <IPConfigurations>
                    <IPConfiguration><SubnetName>BackEnd</SubnetName></IPConfiguration>
                  </IPConfigurations>
                </NetworkInterface>
                <Ignored><IPConfigurations><IPConfiguration><SubnetName>X</SubnetName></IPConfiguration></IPConfigurations></Ignored>
              </NetworkInterfaces>
            </ConfigurationSet>
          </ConfigurationSets>
        </PersistentVMRole>
        """,
    )
    (vm,) = doc.resources
    assert vm.subnets == (
        NameRef("FrontEnd", Mark("rest/fw.xml", 13, "SubnetName")),
        NameRef("BackEnd", Mark("rest/fw.xml", 18, "SubnetName")),
    )
    (endpoint,) = vm.endpoints
    assert (endpoint.load_balancer, endpoint.is_public) == ("web-ilb", False)


def test_hosted_service_gives_its_deployments_with_the_service_name(read):
    doc = read(
        PATH,
        """
        <HostedServices xmlns="http://schemas.microsoft.com/windowsazure">
          <HostedService>
            <ServiceName>shop</ServiceName>
            <Deployments>
              <Deployment><Name>a</Name><DeploymentSlot>Production</DeploymentSlot></Deployment>
              <Deployment><Name>b</Name><DeploymentSlot>Staging</DeploymentSlot></Deployment>
            </Deployments>
          </HostedService>
          <HostedService><ServiceName>idle</ServiceName><Deployments/></HostedService>
        </HostedServices>
        """,
    )
    assert [(d.service_name, d.name, d.slot, d.mark.line) for d in doc.resources] == [
        ("shop", "a", "Production", 5),
        ("shop", "b", "Staging", 6),
    ]


@pytest.mark.parametrize(
    ("url", "service"),
    [
        ("http://shop.cloudapp.net/", "shop"),
        ("https://Shop.CloudApp.net:443/", "shop"),
        ("http://f1f3169a845a4a2c9b76101934d84d72.cloudapp.net/", ""),  # staging: the private ID
        ("http://shop.example.com/", ""),
        ("", ""),
    ],
)
def test_a_deployment_on_its_own_belongs_to_the_service_its_url_names(read, url: str, service: str):
    """A GET of one deployment names its service only in its address: the same deployment in its hosted
    service's body is then one deployment, not two."""
    body = f"""
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name>a</Name><DeploymentSlot>Production</DeploymentSlot><Url>{url}</Url>
        </Deployment>
        """
    (deployment,) = [r for r in read(PATH, body).resources if isinstance(r, Deployment)]
    assert deployment.service_name == service


def test_reserved_ip_named_on_a_virtual_ip(read):
    doc = read(
        PATH,
        """
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name>prod</Name>
          <VirtualIPs>
            <VirtualIP><Address>192.0.2.1</Address><ReservedIPName>vip-ip</ReservedIPName></VirtualIP>
          </VirtualIPs>
        </Deployment>
        """,
    )
    (deployment,) = doc.resources
    assert deployment.reserved_ip == NameRef("vip-ip", Mark(PATH, 4, "ReservedIPName"))
    assert deployment.virtual_network is None


def test_one_line_bodies_number_same_tags_on_a_line(read):
    doc = read(
        PATH,
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><RoleList>'
        "<Role><RoleName>a</RoleName><RoleType>PersistentVMRole</RoleType></Role>"
        "<Role><RoleName>b</RoleName><RoleType>PersistentVMRole</RoleType></Role>"
        "</RoleList></Deployment>",
    )
    (deployment,) = doc.resources
    assert [r.mark for r in deployment.roles] == [Mark(PATH, 1, "Role", 0), Mark(PATH, 1, "Role", 1)]


def test_virtual_network_sites(read):
    doc = read(
        PATH,
        """
        <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
          <VirtualNetworkSite>
            <Name>prod</Name>
            <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
            <Subnets>
              <Subnet><Name>front</Name><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
            </Subnets>
            <Dns><DnsServers><DnsServer><Name>dc1</Name><Address>10.0.1.4</Address></DnsServer></DnsServers></Dns>
            <Gateway>
              <Sites>
                <LocalNetworkSite>
                  <Name>office</Name>
                  <Connections><Connection><Type>IPsec</Type></Connection></Connections>
                </LocalNetworkSite>
              </Sites>
              <VPNClientAddressPool><AddressPrefixes/></VPNClientAddressPool>
            </Gateway>
            <Location>West Europe</Location>
          </VirtualNetworkSite>
          <VirtualNetworkSite><Name>old</Name><AffinityGroup>ag1</AffinityGroup></VirtualNetworkSite>
        </VirtualNetworkSites>
        """,
    )
    assert doc.resources == (
        VirtualNetwork(
            name="prod",
            mark=Mark(PATH, 2, "VirtualNetworkSite"),
            location="West Europe",
            address_space=(AddressPrefix("10.0.0.0/16", Mark(PATH, 4, "AddressPrefix")),),
            subnets=(
                Subnet(
                    "front",
                    AddressPrefix("10.0.1.0/24", Mark(PATH, 6, "AddressPrefix")),
                    Mark(PATH, 6, "Subnet"),
                ),
            ),
            dns_servers=(NameRef("dc1", Mark(PATH, 8, "DnsServer")),),
            gateway=Gateway(
                (GatewayConnection("office", "IPsec", Mark(PATH, 13, "Connection")),),
                (),
                Mark(PATH, 9, "Gateway"),
            ),
            # A REST body writes the DNS servers and local sites in full, inside the network.
            inline_dns_servers=(DnsServer("dc1", "10.0.1.4", Mark(PATH, 8, "DnsServer")),),
            inline_local_sites=(LocalNetworkSite("office", (), "", Mark(PATH, 11, "LocalNetworkSite")),),
        ),
        VirtualNetwork("old", Mark(PATH, 20, "VirtualNetworkSite"), affinity_group="ag1"),
    )


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            "<Disks><Disk><AttachedTo><RoleName>vm1</RoleName></AttachedTo><Name>d1</Name>"
            "<MediaLink>https://a.blob.core.windows.net/vhds/d1.vhd</MediaLink><IOType>Standard</IOType></Disk>"
            "<Disk><Name>d2</Name></Disk></Disks>",
            (
                Disk(
                    "d1",
                    "https://a.blob.core.windows.net/vhds/d1.vhd",
                    "Standard",
                    "vm1",
                    Mark(PATH, 1, "Disk", 0),
                ),
                Disk("d2", "", "", "", Mark(PATH, 1, "Disk", 1)),
            ),
        ),
        (
            "<Images><OSImage><Name>os</Name><MediaLink>https://a/b/os.vhd</MediaLink></OSImage>"
            "<VMImage><Name>vm</Name><OSDiskConfiguration><MediaLink>https://a/b/vm.vhd</MediaLink>"
            "</OSDiskConfiguration></VMImage></Images>",
            (
                Image("os", "https://a/b/os.vhd", Mark(PATH, 1, "OSImage")),
                Image("vm", "https://a/b/vm.vhd", Mark(PATH, 1, "VMImage")),
            ),
        ),
        (
            "<ReservedIPs><ReservedIP><Name>ip1</Name><Address>192.0.2.1</Address>"
            "<ServiceName>shop</ServiceName></ReservedIP></ReservedIPs>",
            (ReservedIp("ip1", "192.0.2.1", "shop", Mark(PATH, 1, "ReservedIP")),),
        ),
        (
            "<NetworkSecurityGroups><NetworkSecurityGroup><Name>nsg</Name></NetworkSecurityGroup>"
            "</NetworkSecurityGroups>",
            (NetworkSecurityGroup("nsg", Mark(PATH, 1, "NetworkSecurityGroup")),),
        ),
        ("<RouteTable><Name>rt</Name></RouteTable>", (RouteTable("rt", Mark(PATH, 1, "RouteTable")),)),
        ("<RoleSizes><RoleSize><Name>Small</Name></RoleSize></RoleSizes>", ()),
        ("<HostedService><ServiceName>idle</ServiceName></HostedService>", ()),
    ],
)
def test_other_bodies(read, xml, expected):
    root_end = xml.index(">")
    xml = xml[:root_end] + ' xmlns="http://schemas.microsoft.com/windowsazure"' + xml[root_end:]
    doc = read(PATH, xml)
    assert doc.kind is FileKind.REST
    assert doc.problem is None
    assert doc.resources == expected


def test_a_nil_or_empty_disk_element_is_no_disk(read):
    doc = read(
        PATH,
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure" '
        'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Name>d</Name><RoleList>'
        '<Role><RoleName>web</RoleName><OSVirtualHardDisk i:nil="true"/><DataVirtualHardDisks>'
        "<DataVirtualHardDisk/></DataVirtualHardDisks></Role></RoleList></Deployment>",
    )
    (deployment,) = doc.resources
    (role,) = deployment.roles
    assert (role.type, role.disks) == (RoleType.WEB_OR_WORKER, ())
    assert role.kind_evidence == "its body does not state RoleType; it has no disks"


def test_a_comment_inside_a_value_is_not_part_of_it(read):
    """lxml's `.text` stops at the first comment: `<Name>BG<!-- x -->Info</Name>` would read as `BG`,
    hiding a blocker or inventing one (an address prefix of '', a VM in no subnet)."""
    doc = read(
        PATH,
        """
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name><!-- production -->prod</Name>
          <RoleList><Role>
            <RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>
            <AvailabilitySetName>as<!-- shared -->1</AvailabilitySetName>
            <ConfigurationSets><ConfigurationSet>
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <SubnetNames><SubnetName><!-- primary -->Subnet-1<?pi x?></SubnetName></SubnetNames>
            </ConfigurationSet></ConfigurationSets>
            <ResourceExtensionReferences><ResourceExtensionReference>
              <Publisher>Microsoft.Compute</Publisher><Name>BG<!-- x -->Info</Name>
              <Version><!-- pinned -->1.*</Version>
            </ResourceExtensionReference></ResourceExtensionReferences>
          </Role></RoleList>
          <VirtualNetworkName>vnet<!-- prod -->1</VirtualNetworkName>
        </Deployment>
        """,
    )
    [deployment] = [r for r in doc.resources if isinstance(r, Deployment)]
    [role] = deployment.roles
    assert (deployment.name, deployment.virtual_network.name) == ("prod", "vnet1")
    assert (role.availability_set, [s.name for s in role.subnets]) == ("as1", ["Subnet-1"])
    assert [(e.name, e.version) for e in role.extensions] == [("BGInfo", "1.*")]


@pytest.mark.parametrize(
    "kind",
    [
        "<ConfigurationSetType>networkconfiguration</ConfigurationSetType>",
        "",  # no type: what the set holds says which it is
    ],
)
def test_the_network_set_is_known_by_its_type_in_any_case_or_by_what_it_holds(read, kind):
    doc = read(
        PATH,
        f"""
        <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
          <RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>
          <ConfigurationSets>
            <ConfigurationSet>
              <ConfigurationSetType>WindowsProvisioningConfiguration</ConfigurationSetType>
              <ComputerName>vm1</ComputerName>
            </ConfigurationSet>
            <ConfigurationSet>{kind}
              <InputEndpoints><InputEndpoint><Name>RDP</Name><Port>3389</Port></InputEndpoint></InputEndpoints>
              <SubnetNames><SubnetName>A</SubnetName><SubnetName>B</SubnetName></SubnetNames>
            </ConfigurationSet>
          </ConfigurationSets>
        </PersistentVMRole>
        """,
    )
    [role] = [r for r in doc.resources if isinstance(r, Role)]
    assert ([e.name for e in role.endpoints], [s.name for s in role.subnets]) == (["RDP"], ["A", "B"])


def test_a_create_deployment_body_deploys_web_and_worker_roles_from_its_package(read):
    """The roles' names come from the base64 service configuration the body carries; without one that
    can be read, the package's roles are one role named after the package."""
    configuration = base64.b64encode(
        b'<ServiceConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
        b'<Role name="Web"/><Role name="Worker"/></ServiceConfiguration>'
    ).decode()
    for written, names in (
        (configuration, ["Web", "Worker"]),
        ("not base64!", ["<roles of package shop.cspkg>"]),
    ):
        doc = read(
            PATH,
            f"""
            <CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">
              <Name>shop-prod</Name>
              <PackageUrl>https://acct.blob.core.windows.net/packages/shop.cspkg</PackageUrl>
              <Configuration>{written}</Configuration>
            </CreateDeployment>
            """,
        )
        [deployment] = [r for r in doc.resources if isinstance(r, Deployment)]
        assert deployment.name == "shop-prod"
        assert [(r.name, r.type) for r in deployment.roles] == [(n, RoleType.WEB_OR_WORKER) for n in names]
        assert deployment.roles[0].mark == Mark(PATH, 3, "PackageUrl")
