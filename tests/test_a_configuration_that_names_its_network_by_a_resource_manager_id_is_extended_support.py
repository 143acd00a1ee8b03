"""A service configuration of Cloud Services (extended support) names a virtual network of another resource
group by its whole Resource Manager id (`<VirtualNetworkSite name="/subscriptions/.../providers/
Microsoft.Network/virtualNetworks/x"/>`), as the service's deployment prerequisites tell; a reserved IP
named by a `publicIPAddresses` id is as plainly a Resource Manager one. No classic network or reserved IP has
a "/" in its name: the service is of extended support, not classic. MIG101 says it retires (a warning),
readiness lists it apart, and the plan gives the Resource Manager network no classic migration step. A
configuration that names its network by its name stays classic."""

from __future__ import annotations

import json

from lint_support import encoded, lint_files, run_cli

from migcheck.model import Deployment, ExtendedSupportService, Severity
from migcheck.readers import read_document

RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network"
NETWORK_ID = f"{RG}/virtualNetworks/vnet-cs"
PUBLIC_IP_ID = f"{RG}/publicIPAddresses/pip-cs"

CSDEF = """\
<ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Standard_D1_v2">
    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="{network}" />
    <AddressAssignments>
      <InstanceAddress roleName="Web"><Subnets><Subnet name="WebTier" /></Subnets></InstanceAddress>
      <ReservedIPs><ReservedIP name="{reserved_ip}" /></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
# The local emulator's configuration: no network, and not deployed.
LOCAL = """\
<ServiceConfiguration serviceName="Contoso" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def service(name: str, network: str, reserved_ip: str = "web-ip") -> dict[str, str]:
    return {
        f"{name}/ServiceDefinition.csdef": CSDEF.format(name=name),
        f"{name}/ServiceConfiguration.Cloud.cscfg": CSCFG.format(
            name=name, network=network, reserved_ip=reserved_ip
        ),
    }


def test_the_service_of_a_configuration_naming_its_network_by_id_is_of_extended_support(
    tmp_path, monkeypatch
):
    files = {**service("Contoso", NETWORK_ID), **service("Shop", "shop-vnet")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    by_path = {f.location.path: f for f in result.findings if f.location}
    contoso = by_path["Contoso/ServiceDefinition.csdef"]
    assert "deployed as Cloud Services (extended support)" in contoso.message
    assert (
        "Contoso/ServiceConfiguration.Cloud.cscfg:4 names its virtual network by its Resource Manager id"
        in (contoso.message)
    )
    assert "retires on 2027-03-31" in contoso.message
    assert contoso.severity is Severity.WARNING
    assert "has a WebRole 'Web'" in by_path["Shop/ServiceDefinition.csdef"].message
    assert [s.name for e in result.estates for s in e.cloud_services] == ["Shop"]


def test_a_reserved_ip_named_by_its_resource_manager_id_is_evidence_too():
    text = CSCFG.format(name="Contoso", network="vnet-cs", reserved_ip=PUBLIC_IP_ID)
    document = read_document("Contoso/ServiceConfiguration.Cloud.cscfg", text.encode(), explicit=False)
    (evidence,) = [r for r in document.resources if isinstance(r, ExtendedSupportService)]
    assert (evidence.package, evidence.mark.line) == ("Contoso/ServiceConfiguration.Cloud.cscfg", 7)
    assert evidence.via == "names a reserved IP by its Resource Manager id"


def test_a_configuration_naming_its_network_by_name_is_no_evidence():
    text = CSCFG.format(name="Shop", network="shop-vnet", reserved_ip="web-ip")
    document = read_document("Shop/ServiceConfiguration.Cloud.cscfg", text.encode(), explicit=False)
    assert not [r for r in document.resources if isinstance(r, ExtendedSupportService)]


def test_readiness_lists_the_service_apart_and_the_plan_moves_no_network(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, service("Contoso", NETWORK_ID, PUBLIC_IP_ID))
    checked = run_cli(capsys, "check", ".")[1]
    assert "Cloud services of extended support" in checked
    assert "virtualNetworks/vnet-cs" not in checked
    plan = run_cli(capsys, "plan", ".", "--format", "json")[1]
    assert "Move-AzureVirtualNetwork" not in plan
    steps = [step["name"] for s in json.loads(plan)["subscriptions"] for step in s["steps"]]
    assert not [name for name in steps if "vnet-cs" in name]


def test_a_rest_body_carrying_such_a_configuration_reads_its_roles_and_subnets(tmp_path, monkeypatch):
    # A Service Management body deploys a classic service whatever its configuration says: read as one.
    body = (
        '<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>contoso-prod</Name>\n"
        "  <PackageUrl>https://store1.blob.core.windows.net/packages/contoso.cspkg</PackageUrl>\n"
        f"  <Configuration>{encoded(CSCFG.format(name='Contoso', network=NETWORK_ID, reserved_ip='web-ip'))}"
        "</Configuration>\n"
        "</CreateDeployment>\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"Contoso/create-deployment.xml": body})
    # A classic deployment joins no Resource Manager network: the id is MIG003.
    assert [f.code for f in result.findings] == ["MIG101", "MIG003"]
    read = [r for e in result.estates for d in e.documents for r in d.resources]
    [deployment] = [r for r in read if isinstance(r, Deployment)]
    assert [(r.name, [s.name for s in r.subnets]) for r in deployment.roles] == [("Web", ["WebTier"])]


def test_a_project_keeping_a_classic_configuration_beside_it_stays_classic(tmp_path, monkeypatch, capsys):
    # A classic configuration deploys the service as classic: the one of extended support is set apart,
    # and its network gets no step, though the classic one names a network no file defines either.
    files = {
        **service("Contoso", NETWORK_ID),
        "Contoso/ServiceConfiguration.Classic.cscfg": CSCFG.format(
            name="Contoso", network="contoso-vnet", reserved_ip="web-ip"
        ),
        "Contoso/ServiceConfiguration.Local.cscfg": LOCAL,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    [finding] = result.findings
    assert "has a WebRole 'Web'" in finding.message and finding.severity is Severity.ERROR
    assert [s.name for e in result.estates for s in e.cloud_services] == ["Contoso"]
    plan = run_cli(capsys, "plan", ".", "--format", "json")[1]
    [apart] = [a for s in json.loads(plan)["subscriptions"] for a in s.get("configurations_apart", ())]
    assert apart["path"] == "Contoso/ServiceConfiguration.Cloud.cscfg"
    steps = [step["name"] for s in json.loads(plan)["subscriptions"] for step in s["steps"]]
    assert "contoso-vnet" in steps and not [name for name in steps if "vnet-cs" in name]


def test_a_local_configuration_beside_it_leaves_it_of_extended_support(tmp_path, monkeypatch):
    files = {
        **service("Contoso", NETWORK_ID),
        "Contoso/ServiceConfiguration.Local.cscfg": LOCAL,
    }
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    assert "deployed as Cloud Services (extended support)" in finding.message
