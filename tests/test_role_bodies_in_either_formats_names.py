"""A role is read with the names of either format that writes one, in either namespace: a `PersistentVM` put in
the REST namespace with Export-AzureVM's names (`EndpointAccessControlList`, `<string>` subnet names), as an
exported file sent as an Add Role body keeps them, has its endpoint ACL (MIG201) and its subnets (MIG202) read,
and so does an Export-AzureVM file, or a body without its namespace, written with the REST body's names."""

from __future__ import annotations

import pytest
from lint_support import lint_files

REST_NS = ' xmlns="http://schemas.microsoft.com/windowsazure"'

EXPORT_NAMES = """\
      <InputEndpoints>
        <InputEndpoint>
          <LocalPort>80</LocalPort>
          <Name>HTTP</Name>
          <Port>80</Port>
          <Protocol>tcp</Protocol>
          <EndpointAccessControlList>
            <Rules>
              <{rule}><Action>permit</Action><Order>0</Order><RemoteSubnet>203.0.113.0/24</RemoteSubnet></{rule}>
            </Rules>
          </EndpointAccessControlList>
        </InputEndpoint>
      </InputEndpoints>
      <SubnetNames>
        <string>web</string>
        <string>data</string>
      </SubnetNames>
"""

REST_NAMES = """\
      <InputEndpoints>
        <InputEndpoint>
          <LocalPort>80</LocalPort>
          <Name>HTTP</Name>
          <Port>80</Port>
          <Protocol>tcp</Protocol>
          <EndpointAcl>
            <Rules>
              <Rule><Action>permit</Action><Order>0</Order><RemoteSubnet>203.0.113.0/24</RemoteSubnet></Rule>
            </Rules>
          </EndpointAcl>
        </InputEndpoint>
      </InputEndpoints>
      <SubnetNames>
        <SubnetName>web</SubnetName>
        <SubnetName>data</SubnetName>
      </SubnetNames>
"""

ROLE = """\
<{root}{namespace}>
  <RoleName>web01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
{network}    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk>
    <MediaLink>https://contosostd.blob.core.windows.net/vhds/web01-os.vhd</MediaLink>
  </OSVirtualHardDisk>
</{root}>
"""

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>web-prod</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Url>http://contoso-web.cloudapp.net/</Url>
  <RoleList>
{role}  </RoleList>
</Deployment>
"""


def _role(root: str, namespace: str, network: str) -> str:
    return ROLE.format(root=root, namespace=namespace, network=network)


def _codes(tmp_path, monkeypatch, text: str) -> list[str]:
    findings = lint_files(
        tmp_path, monkeypatch, {"web01.xml": text}, "MIG201", "MIG202", dedent=False
    ).findings
    return sorted(f.code for f in findings)


@pytest.mark.parametrize("rule", ["Rule", "AccessControlListRule"])
@pytest.mark.parametrize("root", ["PersistentVM", "PersistentVMRole", "Role"])
def test_a_rest_role_body_with_export_azurevm_names_has_its_network_set_read(
    tmp_path, monkeypatch, root, rule
):
    text = _role(root, REST_NS, EXPORT_NAMES.format(rule=rule))
    assert _codes(tmp_path, monkeypatch, text) == ["MIG201", "MIG202"]


def test_a_deployments_role_with_export_azurevm_names_has_its_network_set_read(tmp_path, monkeypatch):
    role = _role("Role", "", EXPORT_NAMES.format(rule="Rule")).replace("\n", "\n    ")
    text = DEPLOYMENT.format(role="    " + role.rstrip(" "))
    assert _codes(tmp_path, monkeypatch, text) == ["MIG201", "MIG202"]


@pytest.mark.parametrize("root", ["PersistentVM", "PersistentVMRole"])
def test_a_role_without_namespace_with_rest_names_has_its_network_set_read(tmp_path, monkeypatch, root):
    """An Export-AzureVM file (`PersistentVM`) or a REST body saved without its namespace
    (`PersistentVMRole`) written with the REST body's names."""
    text = _role(root, "", REST_NAMES)
    assert _codes(tmp_path, monkeypatch, text) == ["MIG201", "MIG202"]


LOAD_BALANCED_SET = """\
<LoadBalancedEndpointList xmlns="http://schemas.microsoft.com/windowsazure">
  <InputEndpoint>
    <LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>
    <LocalPort>80</LocalPort>
    <Port>80</Port>
    <Protocol>tcp</Protocol>
    <EndpointAccessControlList>
      <Rules>
        <Rule><Action>permit</Action><Order>0</Order><RemoteSubnet>203.0.113.0/24</RemoteSubnet></Rule>
      </Rules>
    </EndpointAccessControlList>
  </InputEndpoint>
</LoadBalancedEndpointList>
"""


def test_a_load_balanced_set_body_with_export_azurevm_acl_name_is_mig201(tmp_path, monkeypatch):
    assert _codes(tmp_path, monkeypatch, LOAD_BALANCED_SET) == ["MIG201"]
