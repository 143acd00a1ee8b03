"""A cloud service deployment is made of the service configuration it names: a Visual Studio publish
profile's `AzureServiceConfiguration`, PowerShell's `New-AzureDeployment -Configuration`, the Python SDK's
`create_deployment(configuration=...)` of a file. `ServiceConfiguration.Local.cscfg` configures the local
emulator and is not deployed by itself, but a deployment that names it is made of it like any other: its
endpoint ACLs (MIG201) and its network (MIG104) are the service's. And a deployment that names one
configuration is made of that one only: another configuration of the project (`Production` beside the
`Cloud` one a profile publishes) does not place that service in its network."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, where

from migcheck.model import RolesUndefined

CSDEF = """\
<ServiceDefinition name="Api" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="ApiWorker" vmsize="Small">
    <Endpoints><InputEndpoint name="Tcp" protocol="tcp" port="8080" /></Endpoints>
  </WorkerRole>
</ServiceDefinition>
"""
LOCAL_WITH_ACL = """\
<ServiceConfiguration serviceName="Api" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="ApiWorker"><Instances count="1" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office"><Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office" /></AccessControl>
    </AccessControls>
    <EndpointAcls><EndpointAcl role="ApiWorker" endPoint="Tcp" accessControl="office" /></EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
ACL_AT = "MIG201 ServiceConfiguration.Local.cscfg:7:19"


def profile(service: str, configuration: str) -> str:
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureHostedServiceName>{service}</AzureHostedServiceName>
    <AzureSlot>Production</AzureSlot>
    <AzureServiceConfiguration>{configuration}</AzureServiceConfiguration>
  </PropertyGroup>
</Project>
"""


def _acl_project(**deployer: str) -> dict[str, str]:
    return {"ServiceDefinition.csdef": CSDEF, "ServiceConfiguration.Local.cscfg": LOCAL_WITH_ACL, **deployer}


def test_a_profile_that_publishes_the_local_configuration_deploys_its_endpoint_acl(tmp_path, monkeypatch):
    files = _acl_project(**{"Profiles/api-Production.azurePubxml": profile("contoso-api", "Local")})
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    assert where(result.findings) == [ACL_AT]
    assert "cloud service 'contoso-api'" in result.findings[0].message


def test_new_azuredeployment_with_the_local_configuration_deploys_its_endpoint_acl(tmp_path, monkeypatch):
    script = (
        "New-AzureDeployment -ServiceName 'contoso-api' -Slot Production -Package '.\\Api.cspkg' "
        "-Configuration '.\\ServiceConfiguration.Local.cscfg'\n"
    )
    result = lint_files(tmp_path, monkeypatch, _acl_project(**{"deploy.ps1": script}), "MIG201", dedent=False)
    assert where(result.findings) == [ACL_AT]


def test_create_deployment_of_the_local_configuration_s_file_deploys_its_endpoint_acl(tmp_path, monkeypatch):
    script = """\
import base64
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("a3942dfc-1111-2222-3333-444455556666", "mgmt.pem")
with open("ServiceConfiguration.Local.cscfg", "rb") as f:
    cfg = base64.b64encode(f.read()).decode()
sms.create_deployment("contoso-api", "production", "api-1", "https://st.blob.core.windows.net/p/Api.cspkg", "api-1", cfg)
"""
    result = lint_files(tmp_path, monkeypatch, _acl_project(**{"deploy.py": script}), "MIG201", dedent=False)
    assert where(result.findings) == [ACL_AT]


def test_the_local_configuration_no_deployment_names_is_still_not_deployed(tmp_path, monkeypatch):
    files = _acl_project(**{"Profiles/api-Production.azurePubxml": profile("contoso-api", "Cloud")})
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    assert where(result.findings) == []


CORE_NET = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="CoreNet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.50.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="data"><AddressPrefix>10.50.1.0/24</AddressPrefix></Subnet><Subnet name="front"><AddressPrefix>10.50.2.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
LOCAL_IN_CORE_NET = """\
<ServiceConfiguration serviceName="Front" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="FrontWeb"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="CoreNet" />
    <AddressAssignments><InstanceAddress roleName="FrontWeb"><Subnets><Subnet name="front" /></Subnets></InstanceAddress></AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
VM_AND_PACKAGE_IN_CORE_NET = """\
New-AzureVMConfig -Name "sql01" -InstanceSize "Standard_D2" -ImageName $img |
  Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw |
  Set-AzureSubnet -SubnetNames "data" |
  New-AzureVM -ServiceName "contoso-sql" -VNetName "CoreNet" -Location "West Europe"
New-AzureDeployment -ServiceName "contoso-front" -Slot Production -Package ".\\Front.cspkg" -Configuration ".\\ServiceConfiguration.Local.cscfg"
"""


def test_the_local_configuration_a_script_deploys_puts_its_roles_beside_the_network_s_vms(
    tmp_path, monkeypatch, capsys
):
    files = {
        "net.netcfg": CORE_NET,
        "ServiceConfiguration.Local.cscfg": LOCAL_IN_CORE_NET,
        "build.ps1": VM_AND_PACKAGE_IN_CORE_NET,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG104", dedent=False)
    assert where(result.findings) == ["MIG104 ServiceConfiguration.Local.cscfg:4:5"]
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Virtual network: CoreNet [wave 1] — NOT READY" in out


WEB_CSDEF = """\
<ServiceDefinition name="MultiTierApp" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="FrontEndWebRole" vmsize="Small" />
</ServiceDefinition>
"""
CLOUD = """\
<ServiceConfiguration serviceName="MultiTierApp" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="FrontEndWebRole"><Instances count="1" /></Role>
</ServiceConfiguration>
"""
PRODUCTION_IN_PRODNET = """\
<ServiceConfiguration serviceName="MultiTierApp" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="FrontEndWebRole"><Instances count="1" /></Role>
  <NetworkConfiguration><VirtualNetworkSite name="prodnet" /></NetworkConfiguration>
</ServiceConfiguration>
"""


def _network_services(tmp_path, monkeypatch, capsys, **deployers: str) -> dict[str, list[str]]:
    """The cloud services the blockers of each of the plan's steps name, by step."""
    files = {
        "Proj/ServiceDefinition.csdef": WEB_CSDEF,
        "Proj/ServiceConfiguration.Cloud.cscfg": CLOUD,
        "Proj/ServiceConfiguration.Production.cscfg": PRODUCTION_IN_PRODNET,
        **deployers,
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    found: dict[str, list[str]] = {}
    for step in subscription["steps"]:
        found[step["name"]] = sorted(b["message"].split("'")[1] for b in step["blockers"])
    return found


def test_two_profiles_each_put_their_service_where_their_own_configuration_does(
    tmp_path, monkeypatch, capsys
):
    found = _network_services(
        tmp_path,
        monkeypatch,
        capsys,
        **{
            "Proj/Profiles/test.azurePubxml": profile("testsvc", "Cloud"),
            "Proj/Profiles/prod.azurePubxml": profile("prodsvc", "Production"),
        },
    )
    assert found == {"prodnet": ["prodsvc"], "testsvc": ["testsvc"]}


def test_a_script_deploying_the_cloud_configuration_leaves_its_service_out_of_production_s_network(
    tmp_path, monkeypatch, capsys
):
    script = (
        "New-AzureDeployment -ServiceName 'testsvc' -Slot Production -Package '.\\Proj\\app.cspkg' "
        "-Configuration '.\\Proj\\ServiceConfiguration.Cloud.cscfg'\n"
    )
    found = _network_services(tmp_path, monkeypatch, capsys, **{"deploy.ps1": script})
    # The Production configuration no deployment names stays the project's, under the project's name.
    assert found == {"prodnet": ["MultiTierApp"], "testsvc": ["testsvc"]}


def test_a_comment_in_the_local_configuration_a_profile_deploys_is_not_said_to_be_of_the_emulator(
    tmp_path, monkeypatch
):
    commented = LOCAL_WITH_ACL.replace(
        '<Role name="ApiWorker">', '<!-- migcheck: ignore[MIG104] only roles here --><Role name="ApiWorker">'
    )
    files = {
        "ServiceDefinition.csdef": CSDEF,
        "ServiceConfiguration.Local.cscfg": commented,
        "Profiles/api-Production.azurePubxml": profile("contoso-api", "Local"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG006", "MIG104", dedent=False)
    (unused,) = [f for f in result.findings if f.code == "MIG006"]
    assert "local emulator" not in unused.message


def test_pytest_has_a_case_for_the_roles_of_a_local_configuration_a_script_deploys(tmp_path, monkeypatch):
    # No .csdef: the roles the configuration names are the deployed service's web and worker roles, which
    # `pytest --migcheck` gives MIG101's item on the file, as on any deployed configuration.
    files = {"ServiceConfiguration.Local.cscfg": LOCAL_IN_CORE_NET, "build.ps1": VM_AND_PACKAGE_IN_CORE_NET}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (local,) = [d for e in result.estates for d in e.documents if d.path.endswith(".Local.cscfg")]
    assert RolesUndefined in result.held(local)
