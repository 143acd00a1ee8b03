"""A definition of the first SDKs' schema lists a role's endpoints in `<InputEndpoints>` (and its internal ones
in `<InternalEndpoints>`) where later ones write `<Endpoints>`: its input endpoints are the role's as well, so
a configuration's `EndpointAcl` on one is an ACL of the role (MIG201, not MIG003) and a reserved IP of the
service has an input endpoint to migrate with (no MIG106)."""

from __future__ import annotations

from lint_support import lint_files

CSDEF_NS = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"'
CSCFG_NS = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"'

DEFINITION = f"""\
<ServiceDefinition name="wingz" {CSDEF_NS}>
  <WebRole name="Web" vmsize="Small">
    <InputEndpoints><InputEndpoint name="HttpIn" protocol="http" port="80" /></InputEndpoints>
    <InternalEndpoints><InternalEndpoint name="Cache" protocol="tcp" /></InternalEndpoints>
  </WebRole>
</ServiceDefinition>
"""


def configuration(network: str) -> str:
    return f"""\
<ServiceConfiguration serviceName="wingz" {CSCFG_NS}>
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>{network}</NetworkConfiguration>
</ServiceConfiguration>
"""


def lint(tmp_path, monkeypatch, network: str, *codes: str):
    files = {
        "wingz/ServiceDefinition.csdef": DEFINITION,
        "wingz/ServiceConfiguration.cscfg": configuration(network),
    }
    return lint_files(tmp_path, monkeypatch, files, *codes)


def test_an_acl_on_an_endpoint_of_the_input_endpoints_list_is_an_acl_of_the_role(tmp_path, monkeypatch):
    acl = (
        '<AccessControls><AccessControl name="office">'
        '<Rule action="permit" description="office" order="100" remoteSubnet="203.0.113.0/24" />'
        "</AccessControl></AccessControls>"
        '<EndpointAcls><EndpointAcl role="Web" endPoint="HttpIn" accessControl="office" /></EndpointAcls>'
    )
    result = lint(tmp_path, monkeypatch, acl, "MIG003", "MIG201")
    assert [f.code for f in result.findings] == ["MIG201"]
    assert "endpoint 'HttpIn' of WebRole 'Web'" in result.findings[0].message


def test_an_acl_on_an_internal_endpoint_names_no_input_endpoint(tmp_path, monkeypatch):
    acl = (
        '<AccessControls><AccessControl name="office">'
        '<Rule action="permit" description="office" order="100" remoteSubnet="203.0.113.0/24" />'
        "</AccessControl></AccessControls>"
        '<EndpointAcls><EndpointAcl role="Web" endPoint="Cache" accessControl="office" /></EndpointAcls>'
    )
    result = lint(tmp_path, monkeypatch, acl, "MIG003", "MIG201")
    assert [f.code for f in result.findings] == ["MIG003"]


def test_a_reserved_ip_of_a_service_with_an_endpoint_in_the_input_endpoints_list_is_not_mig106(
    tmp_path, monkeypatch
):
    reserved = (
        '<AddressAssignments><ReservedIPs><ReservedIP name="wingz-ip" /></ReservedIPs></AddressAssignments>'
    )
    assert lint(tmp_path, monkeypatch, reserved, "MIG106").findings == []
