"""Service Management bodies saved without their namespace (MigAz's test documents are GET responses so
written) are REST bodies when their shape says so: the root's name and a child only such a body has. Other
tools' XML with roots of the same names (a build tool's <Deployment>) is not claimed."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, FileKind, Role, VirtualNetwork
from migcheck.readers import read_document

DEPLOYMENT = """\
<Deployment>
  <Name>myservice</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>vm1</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <Publisher>Microsoft.Compute</Publisher><Name>BGInfo</Name><Version>1.*</Version>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
</Deployment>
"""

HOSTED_SERVICE = """\
<HostedService>
  <Url>https://management.core.windows.net/sub/services/hostedservices/CS3</Url>
  <ServiceName>CS3</ServiceName>
  <HostedServiceProperties><Location>West Europe</Location></HostedServiceProperties>
  <Deployments>
    <Deployment><Name>CS3</Name><DeploymentSlot>Production</DeploymentSlot><RoleList/></Deployment>
  </Deployments>
</HostedService>
"""

ROLE = """\
<PersistentVMRole>
  <RoleName>myasmvm</RoleName>
  <OsVersion/>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets/>
  <RoleSize>Small</RoleSize>
</PersistentVMRole>
"""

SITES = """\
<VirtualNetworkSites>
  <VirtualNetworkSite>
    <Name>vnet1</Name>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""


@pytest.mark.parametrize(
    ("body", "produced"),
    [(DEPLOYMENT, Deployment), (HOSTED_SERVICE, Deployment), (ROLE, Role), (SITES, VirtualNetwork)],
)
@pytest.mark.parametrize("explicit", [False, True])
def test_a_body_without_the_namespace_is_read_by_its_shape(body, produced, explicit):
    document = read_document("TestDocs/body.xml", body.encode(), explicit=explicit)
    assert document is not None and document.problem is None
    assert document.kind is FileKind.REST
    assert [type(r) for r in document.resources if isinstance(r, produced)] == [produced]


def test_names_and_findings_come_from_it_as_from_a_namespaced_body(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"TestDocs/VM1/deployment.xml": DEPLOYMENT}, "MIG204", dedent=False
    )
    assert where(result.findings) == ["MIG204 TestDocs/VM1/deployment.xml:15:9"]
    assert "VM 'vm1' has the XML extension BGInfo 1.*" in result.findings[0].message


OTHER_TOOLS = [
    # An Octopus-like deployment manifest, an Ant-like role, a list of sites of a web server.
    "<Deployment><Name>web</Name><Environment>prod</Environment><Steps/></Deployment>",
    "<Role><RoleName>admin</RoleName><Permissions/></Role>",
    "<HostedService><ServiceName>api</ServiceName><Port>80</Port></HostedService>",
    "<VirtualNetworkSites><VirtualNetworkSite><Name>a</Name></VirtualNetworkSite></VirtualNetworkSites>",
    "<PersistentVMRole><ConfigurationSets/></PersistentVMRole>",  # no RoleName: not a role
]


@pytest.mark.parametrize("xml", OTHER_TOOLS)
def test_other_xml_of_those_root_names_is_skipped_in_a_walk_and_not_classic_when_named(xml):
    assert read_document("deploy/app.xml", xml.encode(), explicit=False) is None
    document = read_document("deploy/app.xml", xml.encode(), explicit=True)
    assert document is not None and document.kind is None
    assert document.problem is not None and document.problem.kind == "root"
    assert "not a classic Azure file" in document.problem.message


def test_a_broken_file_of_such_a_root_is_skipped_in_a_walk_and_a_syntax_error_when_named():
    broken = b"<Deployment>\n  <Steps>\n</Deployment>\n"
    assert read_document("deploy/app.xml", broken, explicit=False) is None
    document = read_document("deploy/app.xml", broken, explicit=True)
    assert document is not None and document.problem is not None and document.problem.kind == "syntax"


def test_a_broken_file_whose_recovered_part_has_the_shape_is_a_syntax_error_in_a_walk():
    broken = b"<Deployment>\n  <RoleList>\n</Deployment>\n"
    document = read_document("deploy/app.xml", broken, explicit=False)
    assert document is not None and document.problem is not None and document.problem.kind == "syntax"
    assert document.kind is FileKind.REST


def test_a_body_in_another_namespace_is_not_claimed_by_its_shape():
    xml = b'<Deployment xmlns="urn:example:deploy"><RoleList/><DeploymentSlot>a</DeploymentSlot></Deployment>'
    assert read_document("deploy/app.xml", xml, explicit=False) is None


def test_an_export_azurevm_file_is_still_an_export():
    xml = b"<PersistentVM><RoleName>vm</RoleName><ConfigurationSets/></PersistentVM>"
    document = read_document("vms/vm.xml", xml, explicit=False)
    assert document is not None and document.kind is FileKind.VM_EXPORT
