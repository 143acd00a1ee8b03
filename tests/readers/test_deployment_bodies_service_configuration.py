"""A Create Deployment request body (`CreateDeployment`) names no cloud service: the service is in the
request's address. The service configuration it carries in base64 is read as the .cscfg it is: where the
deployment goes (network, subnets, reserved IPs, DNS servers, endpoint ACLs), shown at `<Configuration>`."""

from __future__ import annotations

import base64

from lint_support import SHOP_CSCFG, encoded

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Deployment, Mark
from migcheck.plugins import load_rules
from migcheck.report import render
from migcheck.report.readiness import readiness

PATH = "rest/createdeployment.xml"


def body(configuration: str) -> str:
    """A Create Deployment body as the API reference shows it, carrying `configuration` as written."""
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop-prod</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <PackageUrl>https://acct.blob.core.windows.net/packages/shop.cspkg</PackageUrl>
  <Label>c2hvcA==</Label>
  <Configuration>{configuration}</Configuration>
  <StartDeployment>true</StartDeployment>
  <TreatWarningsAsError>false</TreatWarningsAsError>
</CreateDeployment>
"""


def deployment_of(read, text: str) -> Deployment:
    [found] = [r for r in read(PATH, text).resources if isinstance(r, Deployment)]
    return found


def test_the_body_names_no_cloud_service(read):
    found = deployment_of(read, body(encoded()))
    assert (found.service_name, found.service_unnamed, found.name) == ("", True, "shop-prod")


def test_where_the_deployment_goes_is_read_from_its_configuration(read):
    found = deployment_of(read, body(encoded()))
    at = Mark(PATH, 7, "Configuration")
    assert found.virtual_network is not None and found.virtual_network.name == "shop-vnet"
    assert found.virtual_network.mark == at
    assert found.reserved_ip is not None and (found.reserved_ip.name, found.reserved_ip.mark) == (
        "shop-ip",
        at,
    )
    assert [(d.name, d.address) for d in found.dns_servers] == [("dc1", "10.0.0.4")]
    assert (found.network_known, found.reserved_ip_known) == (True, True)


def test_the_roles_carry_their_instances_subnets_and_endpoint_acls(read):
    web, worker = deployment_of(read, body(encoded())).roles
    package = Mark(PATH, 5, "PackageUrl")
    assert (web.name, web.mark, web.instances) == ("WebFrontend", package, 2)
    assert [s.name for s in web.subnets] == ["web"]
    [endpoint] = web.endpoints
    assert endpoint.name == "HttpIn" and endpoint.acl is not None
    assert [r.remote_subnet for r in endpoint.acl.rules] == ["203.0.113.0/24"]
    assert endpoint.acl.mark == Mark(PATH, 7, "Configuration")
    assert (worker.name, worker.instances, worker.endpoints, worker.subnets) == ("Worker", 1, (), ())


def test_a_configuration_written_with_line_breaks_is_read(read):
    """base64 tools break lines every 76 characters (`base64.encodebytes`, `certutil -encode`)."""
    wrapped = base64.encodebytes(SHOP_CSCFG.encode()).decode()
    assert "\n" in wrapped.strip()
    assert [r.name for r in deployment_of(read, body(wrapped)).roles] == ["WebFrontend", "Worker"]


def test_a_configuration_that_cannot_be_read_leaves_where_it_goes_unknown(read):
    """No readable configuration: whether the deployment is in a network, or has a reserved IP, is
    unknown, not "none"."""
    for written in ("not base64!", encoded("<NotAConfiguration/>")):
        found = deployment_of(read, body(written))
        assert [r.name for r in found.roles] == ["<roles of package shop.cspkg>"]
        assert (found.network_known, found.reserved_ip_known, found.virtual_network) == (False, False, None)


def test_the_summary_lists_an_unnamed_service_in_its_network_with_the_acl_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "createdeployment.xml").write_text(body(encoded()))
    result = lint(["."], Config(), load_rules(entry_points=False))
    text = render(result, "text")
    assert (
        "shop-vnet (not defined in the files checked; cloud services: <cloud service of deployment " in text
    )
    assert [f.code for f in result.findings] == ["MIG101", "MIG101", "MIG201"]
    assert result.findings[2].mark.line == 7
    names = [item.name for summary in readiness(result) for scope in summary.scopes for item in scope.items]
    assert names == ["shop-vnet"]


def get_deployment(configuration: str, role_list: str) -> str:
    """A Get Deployment response as the API writes it, with the configuration and roles given."""
    return f"""\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <Name>shop-prod</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Url>http://shop.cloudapp.net/</Url>
  <Configuration>{configuration}</Configuration>
  <RoleList>{role_list}</RoleList>
  <VirtualNetworkName>shop-vnet</VirtualNetworkName>
</Deployment>
"""


WEB_ROLE = """
    <Role><RoleName>WebFrontend</RoleName><OsVersion>WA-GUEST-OS-5.x</OsVersion><ConfigurationSets/></Role>"""


def test_a_get_deployment_of_web_roles_takes_their_acls_and_subnets_from_its_configuration(read):
    """A Get Deployment response of a cloud service's web and worker roles lists the roles by name only:
    the ACLs on their endpoints and their subnets are in its configuration."""
    found = deployment_of(read, get_deployment(encoded(), WEB_ROLE))
    [web] = found.roles
    assert (found.service_name, web.name, web.instances) == ("shop", "WebFrontend", 2)
    assert [s.name for s in web.subnets] == ["web"]
    [endpoint] = web.endpoints
    assert endpoint.acl is not None and endpoint.acl.mark == Mark(PATH, 5, "Configuration")
    assert [r.remote_subnet for r in endpoint.acl.rules] == ["203.0.113.0/24"]


def test_a_get_deployment_of_vms_is_read_from_its_roles_alone(read):
    """A VM deployment's configuration names its VMs and nothing more: the roles say it all."""
    vm = """
    <Role i:type="PersistentVMRole"><RoleName>WebFrontend</RoleName><RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk><MediaLink>https://acct.blob.core.windows.net/vhds/vm.vhd</MediaLink></OSVirtualHardDisk>
    </Role>"""
    [role] = deployment_of(read, get_deployment(encoded(), vm)).roles
    assert (role.is_vm, role.endpoints, role.subnets, role.instances) == (True, (), (), None)


def test_the_acl_of_a_get_deployment_of_web_roles_is_found_at_its_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deployment.xml").write_text(get_deployment(encoded(), WEB_ROLE))
    result = lint(["."], Config(), load_rules(entry_points=False))
    assert [(f.code, f.mark.line) for f in result.findings] == [("MIG201", 5), ("MIG101", 7)]
