"""A role that imports the SDK's RemoteForwarder module (`<Imports><Import moduleName="RemoteForwarder"/>`)
has its remote desktop input endpoint, `Microsoft.WindowsAzure.Plugins.RemoteForwarder.RdpInput` (tcp 3389),
on the service's VIP: a configuration's `EndpointAcl` on it names an endpoint of the role (MIG201, not
MIG003), and a reserved IP of a service whose only public endpoint it is has an input endpoint to migrate
with (no MIG106). RemoteAccess adds an internal endpoint only, which no `EndpointAcl` controls. A deployment
body carries its configuration without the definition, so an ACL it binds there is on an endpoint the package
may define: reported as an ACL (MIG201), never as a name of nothing."""

from __future__ import annotations

from lint_support import encoded, lint_files, where

from migcheck.model import InputEndpoint, Mark
from migcheck.readers import read_document

RDP = "Microsoft.WindowsAzure.Plugins.RemoteForwarder.RdpInput"
CSDEF_NS = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"'
CSCFG_NS = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"'


def csdef(modules: tuple[str, ...] = ("RemoteAccess", "RemoteForwarder"), endpoints: str = "") -> str:
    imports = "".join(f'<Import moduleName="{m}" />' for m in modules)
    return f"""\
<ServiceDefinition name="jobs" {CSDEF_NS}>
  <WorkerRole name="Worker" vmsize="Small">
    <Endpoints>{endpoints}</Endpoints>
    <Imports>{imports}</Imports>
  </WorkerRole>
</ServiceDefinition>
"""


def cscfg(network: str) -> str:
    return f"""\
<ServiceConfiguration serviceName="jobs" {CSCFG_NS}>
  <Role name="Worker"><Instances count="2" /></Role>
  <NetworkConfiguration>{network}</NetworkConfiguration>
</ServiceConfiguration>
"""


def acl_on(endpoint: str) -> str:
    return cscfg(
        '<AccessControls><AccessControl name="ops">'
        '<Rule action="permit" description="ops" order="100" remoteSubnet="203.0.113.0/24" />'
        "</AccessControl></AccessControls>"
        f'<EndpointAcls><EndpointAcl role="Worker" endpoint="{endpoint}" accessControl="ops" /></EndpointAcls>'
    )


RESERVED_IP = cscfg(
    '<AddressAssignments><ReservedIPs><ReservedIP name="jobs-ip" /></ReservedIPs></AddressAssignments>'
)


def lint(tmp_path, monkeypatch, definition: str, configuration: str, *codes: str):
    files = {
        "jobs/ServiceDefinition.csdef": definition,
        "jobs/ServiceConfiguration.Cloud.cscfg": configuration,
    }
    return lint_files(tmp_path, monkeypatch, files, *codes)


def test_an_acl_on_the_remote_forwarder_endpoint_is_an_acl_of_the_role(tmp_path, monkeypatch):
    result = lint(tmp_path, monkeypatch, csdef(), acl_on(RDP), "MIG003", "MIG201")
    assert [f.code for f in result.findings] == ["MIG201"]
    assert f"endpoint '{RDP}' of WorkerRole 'Worker'" in result.findings[0].message


def test_remote_access_alone_adds_no_input_endpoint(tmp_path, monkeypatch):
    result = lint(tmp_path, monkeypatch, csdef(("RemoteAccess",)), acl_on(RDP), "MIG003", "MIG201")
    assert [f.code for f in result.findings] == ["MIG003"]
    assert f"endpoint '{RDP}', which role 'Worker' does not define as an input endpoint" in (
        result.findings[0].message
    )


def test_an_acl_on_remote_access_s_internal_endpoint_names_no_input_endpoint(tmp_path, monkeypatch):
    internal = "Microsoft.WindowsAzure.Plugins.RemoteAccess.Rdp"
    result = lint(tmp_path, monkeypatch, csdef(), acl_on(internal), "MIG003", "MIG201")
    assert [f.code for f in result.findings] == ["MIG003"]


def test_a_reserved_ip_of_a_role_reached_by_remote_desktop_has_an_input_endpoint(tmp_path, monkeypatch):
    assert where(lint(tmp_path, monkeypatch, csdef(), RESERVED_IP, "MIG106").findings) == []


def test_a_reserved_ip_of_a_role_with_remote_access_alone_has_no_input_endpoint(tmp_path, monkeypatch):
    result = lint(tmp_path, monkeypatch, csdef(("RemoteAccess",)), RESERVED_IP, "MIG106")
    assert [f.code for f in result.findings] == ["MIG106"]


def test_a_deployment_body_s_acl_on_the_imported_endpoint_is_an_acl_of_its_package(tmp_path, monkeypatch):
    body = (
        '<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>jobs-prod</Name>\n"
        "  <PackageUrl>https://store1.blob.core.windows.net/packages/jobs.cspkg</PackageUrl>\n"
        f"  <Configuration>{encoded(acl_on(RDP))}</Configuration>\n"
        "</CreateDeployment>\n"
    )
    files = {"jobs/ServiceDefinition.csdef": csdef(), "jobs/create-deployment.xml": body}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG201")
    assert [f.code for f in result.findings] == ["MIG201"]
    assert RDP in result.findings[0].message


def test_the_imported_endpoint_is_marked_at_its_import_and_read_once():
    path = "jobs/ServiceDefinition.csdef"
    web_deploy = "Microsoft.WindowsAzure.Plugins.WebDeploy.InputEndpoint"
    written = f'<InputEndpoint name="{web_deploy}" protocol="tcp" port="8172" localPort="8172" />'
    text = csdef(("RemoteForwarder", "WebDeploy", "remoteforwarder"), endpoints=written)
    document = read_document(path, text.encode(), explicit=True)
    assert document is not None
    [definition] = document.resources
    [role] = definition.roles  # type: ignore[attr-defined]
    assert role.endpoints == (
        InputEndpoint(web_deploy, "tcp", "8172", "8172", None, Mark(path, 3, "InputEndpoint")),
        InputEndpoint(RDP, "tcp", "3389", "*", None, Mark(path, 4, "Import")),
    )


def test_web_deploy_s_publishing_endpoint_is_the_role_s_when_not_written_out():
    path = "jobs/ServiceDefinition.csdef"
    document = read_document(path, csdef(("WebDeploy",)).encode(), explicit=True)
    assert document is not None
    [definition] = document.resources
    [role] = definition.roles  # type: ignore[attr-defined]
    assert [(e.name, e.protocol, e.port, e.mark.tag) for e in role.endpoints] == [
        ("Microsoft.WindowsAzure.Plugins.WebDeploy.InputEndpoint", "tcp", "8172", "Import")
    ]
