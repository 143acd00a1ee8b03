"""Two classic REST bodies read as files and in Python scripts that send them: Update Load-Balanced Endpoint
Set (`LoadBalancedEndpointList`, POST `.../deployments/<name>?comp=UpdateLbSet`), whose endpoint ACLs block
the migration (MIG201), and Create Deployment (`CreateDeployment`), whose package holds web and worker roles
(MIG101)."""

from __future__ import annotations

import textwrap

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Deployment, FileKind, Role, RoleType
from migcheck.plugins import load_rules
from migcheck.readers import read_document

NS = 'xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
HEADER = """\
from azure.servicemanagement import ServiceManagementService

SUB = '11111111-2222-3333-4444-555555555555'
sms = ServiceManagementService(SUB, 'mgmt.pem')
"""
ACL = """\
    <EndpointAcl>
      <Rules>
        <Rule>
          <Order>100</Order>
          <Action>permit</Action>
          <RemoteSubnet>131.107.0.0/16</RemoteSubnet>
          <Description>corp only</Description>
        </Rule>
      </Rules>
    </EndpointAcl>
"""


def lb_set_body(acl: str = ACL, name: str = "") -> str:
    """An Update Load-Balanced Endpoint Set body for the set `web-lb`, with `acl` on its endpoint."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<LoadBalancedEndpointList {NS}>\n"
        "  <InputEndpoint>\n"
        "    <LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>\n"
        "    <LocalPort>80</LocalPort>\n"
        f"{name}"
        "    <Port>80</Port>\n"
        "    <Protocol>tcp</Protocol>\n"
        f"{acl}"
        "  </InputEndpoint>\n"
        "</LoadBalancedEndpointList>"
    )


CREATE_DEPLOYMENT = """\
<?xml version="1.0" encoding="utf-8"?>
<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>contoso-web-v2</Name>
  <PackageUrl>https://contosodeploy.blob.core.windows.net/packages/ContosoWeb.cspkg</PackageUrl>
  <Label>Y29udG9zby13ZWItdjI=</Label>
  <Configuration>PFNlcnZpY2VDb25maWd1cmF0aW9uIC8+</Configuration>
  <StartDeployment>true</StartDeployment>
</CreateDeployment>"""

VM_DEPLOYMENT = f"""\
<Deployment {NS}>
  <Name>contoso-app</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <MediaLink>https://contosodisks01.blob.core.windows.net/vhds/app01-os.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>"""

LB_SET_PATH = "'/' + SUB + '/services/hostedservices/contoso-web/deployments/contoso-web?comp=UpdateLbSet'"
SLOT_PATH = "'/' + SUB + '/services/hostedservices/contoso-web/deploymentslots/production'"


def script(*sends: tuple[str, str, str]) -> str:
    """A script that POSTs each (variable, body, path) with `perform_post`, the body written out first."""
    text = HEADER
    for variable, body, path in sends:
        text += f'\n{variable} = """{body}"""\n\nsms.perform_post({path}, {variable}, x_ms_version="2015-04-01")\n'
    return text


def check(tmp_path, monkeypatch, files: dict[str, str]) -> LintResult:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def found(result: LintResult, code: str) -> list[tuple[str, int, int, str]]:
    return [
        (f.location.path, f.location.line, f.location.column, f.message)
        for f in result.findings
        if f.code == code and f.location is not None
    ]


def position(text: str, piece: str) -> tuple[int, int]:
    """(line, column) of the first `piece` in `text`, both 1-based."""
    offset = text.index(piece)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# --- Update Load-Balanced Endpoint Set ---------------------------------------------------------------


def test_an_update_lb_set_body_file_reports_the_acl_of_the_set_at_its_element(tmp_path, monkeypatch):
    body = lb_set_body()
    ((path, line, column, message),) = found(check(tmp_path, monkeypatch, {"lbset.xml": body}), "MIG201")
    assert (path, line, column) == ("lbset.xml", *position(body, "<EndpointAcl>"))
    assert (line, column) == (8, 5)
    assert message == (
        "the endpoints of load-balanced set web-lb in a cloud service the files do not name have an access "
        "control list (1 rule)"
    )


def test_an_update_lb_set_body_is_a_vm_for_each_set_whose_endpoints_are_the_set():
    body = (
        f"<LoadBalancedEndpointList {NS}>"
        "<InputEndpoint><LoadBalancedEndpointSetName>web</LoadBalancedEndpointSetName><Name>HTTP</Name>"
        "<Port>80</Port><EndpointAcl/></InputEndpoint>"
        "<InputEndpoint><LoadBalancedEndpointSetName>sql</LoadBalancedEndpointSetName><Port>1433</Port>"
        "<EndpointAcl><Rules><Rule><Order>1</Order><Action>deny</Action></Rule></Rules></EndpointAcl>"
        "</InputEndpoint>"
        "<InputEndpoint><LoadBalancedEndpointSetName>WEB</LoadBalancedEndpointSetName><Port>81</Port>"
        "<EndpointAcl/></InputEndpoint>"
        "<InputEndpoint><LoadBalancedEndpointSetName>rdp</LoadBalancedEndpointSetName><Port>3389</Port>"
        "</InputEndpoint>"
        "</LoadBalancedEndpointList>"
    )
    document = read_document("lbset.xml", body.encode("utf-8"), explicit=True)
    assert document is not None and document.kind is FileKind.REST and document.problem is None
    web, sql = document.resources
    assert isinstance(web, Role) and isinstance(sql, Role)
    assert (web.name, web.type, sql.name) == (
        "<VMs of load-balanced set web>",
        RoleType.PERSISTENT_VM,
        "<VMs of load-balanced set sql>",
    )
    # The set's VMs exist already: what the body does not say of them is unknown, not "none".
    assert {"endpoints", "subnets", "availability_set", "extensions"} <= web.unknown
    assert [(e.name, e.port, e.acl.rules if e.acl else None) for e in web.endpoints] == [
        ("HTTP", "80", ()),
        ("<endpoints of load-balanced set web>", "81", ()),
    ]
    # The set `rdp` writes no ACL: the body changes nothing migcheck checks there, and it is left out.
    (endpoint,) = sql.endpoints
    assert endpoint.acl is not None and [r.action for r in endpoint.acl.rules] == ["deny"]
    assert (endpoint.acl.role, endpoint.acl.endpoint) == (sql.name, "<endpoints of load-balanced set sql>")


def test_an_update_lb_set_posted_by_a_python_script_reports_the_acl_where_the_script_writes_it(
    tmp_path, monkeypatch
):
    body = lb_set_body()
    text = script(("LBSET", body, LB_SET_PATH))
    ((path, line, column, message),) = found(check(tmp_path, monkeypatch, {"lbset.py": text}), "MIG201")
    assert (path, line, column) == ("lbset.py", *position(text, "<EndpointAcl>"))
    assert message == (
        "the endpoints of load-balanced set web-lb in cloud service 'contoso-web' have an access control "
        "list (1 rule)"
    )


def test_an_update_lb_set_posted_to_a_deployment_joins_the_one_its_path_names(tmp_path, monkeypatch):
    text = script(("LBSET", lb_set_body(), LB_SET_PATH))
    document = read_document("lbset.py", text.encode("utf-8"), explicit=True)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert (deployment.service_name, deployment.name) == ("contoso-web", "contoso-web")
    assert [r.name for r in deployment.roles] == ["<VMs of load-balanced set web-lb>"]


def test_each_set_a_script_changes_is_one_vm_of_the_deployment_however_many_calls_change_it(
    tmp_path, monkeypatch
):
    acl = "<EndpointAcl><Rules><Rule><Order>1</Order><Action>deny</Action></Rule></Rules></EndpointAcl>"
    body = (
        f"<LoadBalancedEndpointList {NS}>"
        f"<InputEndpoint><LoadBalancedEndpointSetName>web</LoadBalancedEndpointSetName>{acl}</InputEndpoint>"
        f"<InputEndpoint><LoadBalancedEndpointSetName>sql</LoadBalancedEndpointSetName>{acl}</InputEndpoint>"
        "</LoadBalancedEndpointList>"
    )
    text = script(("LBSET", body, LB_SET_PATH), ("AGAIN", body, LB_SET_PATH))
    messages = [
        message for _, _, _, message in found(check(tmp_path, monkeypatch, {"lbset.py": text}), "MIG201")
    ]
    assert sorted(messages) == [
        f"the endpoints of load-balanced set {name} in cloud service 'contoso-web' have an access control "
        "list (1 rule)"
        for name in ("sql", "web")
    ]


def test_an_update_lb_set_without_acl_rules_reports_nothing(tmp_path, monkeypatch):
    """As an ACL in a Deployment body: none, an empty one and one with no rules block nothing. A set with
    an ACL stands as a VM whose endpoint has one without rules; a set with none is left out (as
    `Set-AzureLoadBalancedEndpoint` without `-ACL`): how many VMs share it is unknown."""
    bodies = {
        "none": lb_set_body(acl=""),
        "empty": lb_set_body(acl="    <EndpointAcl/>\n"),
        "no-rules": lb_set_body(acl="    <EndpointAcl><Rules/></EndpointAcl>\n"),
    }
    files = {f"{name}.xml": body for name, body in bodies.items()}
    files["lbset.py"] = script(("LBSET", bodies["none"], LB_SET_PATH))
    result = check(tmp_path, monkeypatch, files)
    assert found(result, "MIG201") == []
    for name, body in bodies.items():
        document = read_document(f"{name}.xml", body.encode("utf-8"), explicit=True)
        assert document is not None
        sets = [r.endpoints for r in document.resources if isinstance(r, Role)]
        if name == "none":
            assert sets == []
        else:
            ((endpoint,),) = sets
            assert endpoint.acl is not None and endpoint.acl.rules == ()


def test_an_update_lb_set_body_spelled_as_microsoft_s_page_spells_it_is_read(tmp_path, monkeypatch):
    """The reference page of Update Load-Balanced Endpoint Set writes the ACL as `EndpointACL`."""
    body = lb_set_body(acl=ACL.replace("EndpointAcl>", "EndpointACL>"))
    ((path, line, column, _),) = found(check(tmp_path, monkeypatch, {"lbset.xml": body}), "MIG201")
    assert (path, line, column) == ("lbset.xml", 8, 5)


def test_mig201_checks_the_same_kinds_of_file():
    (rule,) = [r for r in load_rules(entry_points=False) if r.code == "MIG201"]
    assert {k.value for k in rule.file_kinds()} == {
        "cscfg",
        "inventory",
        "powershell",
        "python",
        "rest",
        "shell",
        "vmexport",
    }


# --- Create Deployment ---------------------------------------------------------------------------------


def test_a_create_deployment_posted_by_a_python_script_is_read_as_its_file_is(tmp_path, monkeypatch):
    """MIG101 at the body's `PackageUrl`, as for the body saved as a .xml file, in the service the path
    names."""
    text = script(("BODY", CREATE_DEPLOYMENT, SLOT_PATH))
    result = check(tmp_path, monkeypatch, {"deploy.py": text, "create.xml": CREATE_DEPLOYMENT})
    found_at = {path: (line, column, message) for path, line, column, message in found(result, "MIG101")}
    assert set(found_at) == {"deploy.py", "create.xml"}
    assert found_at["create.xml"][:2] == (4, 3)
    line, column, message = found_at["deploy.py"]
    assert (line, column) == position(text, "<PackageUrl>")
    assert message.startswith(
        "cloud service 'contoso-web' has web or worker roles the files do not name (the roles of package "
        "ContosoWeb.cspkg, deployed from a service package (PackageUrl), and packages hold web and worker roles)"
    )


def test_a_create_deployment_a_script_fills_in_names_the_package_roles_it_does_not_state(
    tmp_path, monkeypatch
):
    text = HEADER + textwrap.dedent(
        """
        import sys

        def deploy(name, url, config):
            body = ('<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">'
                    '<Name>%s</Name><PackageUrl>%s</PackageUrl><Configuration>%s</Configuration>'
                    '</CreateDeployment>') % (name, url, config)
            sms.perform_post('/' + SUB + '/services/hostedservices/shop/deploymentslots/production', body)

        deploy(sys.argv[1], sys.argv[2], sys.argv[3])
        """
    )
    ((_, _, _, message),) = found(check(tmp_path, monkeypatch, {"deploy.py": text}), "MIG101")
    assert message.startswith("cloud service 'shop' has web or worker roles the files do not name")


def test_a_vm_deployment_body_beside_a_create_deployment_stays_a_deployment_of_vms(tmp_path, monkeypatch):
    text = script(
        ("VMS", VM_DEPLOYMENT, "'/' + SUB + '/services/hostedservices/contoso-app/deployments'"),
        ("BODY", CREATE_DEPLOYMENT, SLOT_PATH),
    )
    result = check(tmp_path, monkeypatch, {"deploy.py": text})
    assert [(line, column) for _, line, column, _ in found(result, "MIG101")] == [
        position(text, "<PackageUrl>")
    ]
    document = read_document("deploy.py", text.encode("utf-8"), explicit=True)
    assert document is not None
    by_service = {r.service_name: r for r in document.resources if isinstance(r, Deployment)}
    assert [(r.name, r.type) for r in by_service["contoso-app"].roles] == [("app01", RoleType.PERSISTENT_VM)]
    assert [r.type for r in by_service["contoso-web"].roles] == [RoleType.WEB_OR_WORKER]


def test_a_hosted_service_body_in_a_script_gives_its_deployments():
    body = (
        f"<HostedService {NS}><ServiceName>shop</ServiceName><Deployments><Deployment><Name>shop-prod</Name>"
        "<RoleList><Role><RoleName>Web</RoleName></Role></RoleList></Deployment></Deployments></HostedService>"
    )
    text = script(("BODY", body, "'/' + SUB + '/services/hostedservices'"))
    document = read_document("deploy.py", text.encode("utf-8"), explicit=True)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert (deployment.service_name, deployment.name) == ("shop", "shop-prod")
    assert [(r.name, r.type) for r in deployment.roles] == [("Web", RoleType.WEB_OR_WORKER)]


# --- two whole scripts, as written ----------------------------------------------------------------------

WHOLE_LB_SET_SCRIPT = '''\
from azure.servicemanagement import (ServiceManagementService, WindowsConfigurationSet, ConfigurationSet,
                                     ConfigurationSetInputEndpoint, OSVirtualHardDisk,
                                     ResourceExtensionReference, ResourceExtensionReferences)

SUB = '11111111-2222-3333-4444-555555555555'
sms = ServiceManagementService(SUB, 'mgmt.pem')
IMAGE = 'a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd'


def windows(name):
    return WindowsConfigurationSet(computer_name=name, admin_password='P@ssw0rd!2016', admin_username='azureadmin')


def disk(name):
    return OSVirtualHardDisk(IMAGE, 'https://contosodisks01.blob.core.windows.net/vhds/%s-os.vhd' % name)


def network(subnet):
    net = ConfigurationSet()
    net.configuration_set_type = 'NetworkConfiguration'
    net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('RDP', 'tcp', '53389', '3389'))
    net.subnet_names.append(subnet)
    return net


LBSET = """<?xml version="1.0" encoding="utf-8"?>
<LoadBalancedEndpointList xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <InputEndpoint>
    <LoadBalancedEndpointSetName>web-lb</LoadBalancedEndpointSetName>
    <LocalPort>80</LocalPort>
    <Port>80</Port>
    <Protocol>tcp</Protocol>
    <EndpointAcl>
      <Rules>
        <Rule>
          <Order>100</Order>
          <Action>permit</Action>
          <RemoteSubnet>131.107.0.0/16</RemoteSubnet>
          <Description>corp only</Description>
        </Rule>
      </Rules>
    </EndpointAcl>
  </InputEndpoint>
</LoadBalancedEndpointList>"""

sms.perform_post('/' + SUB + '/services/hostedservices/contoso-web/deployments/contoso-web?comp=UpdateLbSet', LBSET,
                 x_ms_version='2015-04-01')
'''
WHOLE_CREATE_DEPLOYMENT_SCRIPT = '''\
from azure.servicemanagement import (ServiceManagementService, WindowsConfigurationSet, ConfigurationSet,
                                     ConfigurationSetInputEndpoint, OSVirtualHardDisk,
                                     ResourceExtensionReference, ResourceExtensionReferences)

SUB = '11111111-2222-3333-4444-555555555555'
sms = ServiceManagementService(SUB, 'mgmt.pem')
IMAGE = 'a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd'


def windows(name):
    return WindowsConfigurationSet(computer_name=name, admin_password='P@ssw0rd!2016', admin_username='azureadmin')


def disk(name):
    return OSVirtualHardDisk(IMAGE, 'https://contosodisks01.blob.core.windows.net/vhds/%s-os.vhd' % name)


def network(subnet):
    net = ConfigurationSet()
    net.configuration_set_type = 'NetworkConfiguration'
    net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('RDP', 'tcp', '53389', '3389'))
    net.subnet_names.append(subnet)
    return net


BODY = """<?xml version="1.0" encoding="utf-8"?>
<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>contoso-web-v2</Name>
  <PackageUrl>https://contosodeploy.blob.core.windows.net/packages/ContosoWeb.cspkg</PackageUrl>
  <Label>Y29udG9zby13ZWItdjI=</Label>
  <Configuration>PFNlcnZpY2VDb25maWd1cmF0aW9uIC8+</Configuration>
  <StartDeployment>true</StartDeployment>
</CreateDeployment>"""

sms.perform_post('/' + SUB + '/services/hostedservices/contoso-web/deploymentslots/production', BODY, x_ms_version='2015-04-01')
'''


def test_a_whole_update_lb_set_script(tmp_path, monkeypatch):
    """py_perform_post_update_lbset_acl: MIG201 lbset.py:33:5, at its `<EndpointAcl>`."""
    result = check(tmp_path, monkeypatch, {"lbset.py": WHOLE_LB_SET_SCRIPT})
    assert [(line, column) for _, line, column, _ in found(result, "MIG201")] == [(33, 5)]


def test_a_whole_create_deployment_script(tmp_path, monkeypatch):
    """py_perform_post_create_deployment_package: MIG101 at the body's `PackageUrl` (29:3), where the same
    body saved as a file is reported."""
    result = check(tmp_path, monkeypatch, {"deploy.py": WHOLE_CREATE_DEPLOYMENT_SCRIPT})
    assert [(line, column) for _, line, column, _ in found(result, "MIG101")] == [(29, 3)]


def test_the_cloud_service_of_a_set_no_file_names_is_listed_without_nested_brackets(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, {"lbset.xml": lb_set_body()})
    (service,) = result.estate.cloud_services
    assert service.listed_name == "<cloud service of the VMs of load-balanced set web-lb>"
