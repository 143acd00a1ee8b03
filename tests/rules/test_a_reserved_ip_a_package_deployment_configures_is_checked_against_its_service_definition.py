"""MIG106 on a reserved IP the configuration of a package deployment names, a deployment slot a template
declares (its `configuration` a .cscfg written as a string) or a REST Create Deployment body (its base64
`Configuration`), beside the service's .csdef: the definition's endpoints say whether the VIP has an input
endpoint, as for the .cscfg file itself, and the deployment keeps the reserved IP its configuration names."""

from __future__ import annotations

import pytest
from lint_support import lint_files, package_deployments

CONFIGURATION = (
    '<ServiceConfiguration serviceName="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
    '<Role name="Web"><Instances count="2" /></Role><NetworkConfiguration><AddressAssignments>'
    '<ReservedIPs><ReservedIP name="rip1" /></ReservedIPs></AddressAssignments></NetworkConfiguration>'
    "</ServiceConfiguration>"
)


def _definition(endpoint: str) -> str:
    return (
        '<ServiceDefinition name="shop" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">\n'
        f'  <WebRole name="Web" vmsize="Small"><Endpoints>{endpoint}</Endpoints></WebRole>\n'
        "</ServiceDefinition>\n"
    )


INTERNAL = '<InternalEndpoint name="http" protocol="http" port="80" />'
INPUT = '<InputEndpoint name="http" protocol="http" port="80" />'

DEPLOYMENTS = package_deployments(CONFIGURATION)
TEMPLATE = DEPLOYMENTS["template"][1]


@pytest.mark.parametrize("deployment", DEPLOYMENTS.values(), ids=DEPLOYMENTS.keys())
def test_a_reserved_ip_of_roles_with_internal_endpoints_only_is_reported(tmp_path, monkeypatch, deployment):
    path, text = deployment
    files = {"ServiceDefinition.csdef": _definition(INTERNAL), path: text}
    result = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False)
    [finding] = result.findings
    assert "reserved IP 'rip1' of cloud service 'shop'" in finding.message
    assert finding.location is not None and finding.location.path == path


def test_the_template_finding_points_at_the_reserved_ip_in_its_string(tmp_path, monkeypatch):
    files = {"ServiceDefinition.csdef": _definition(INTERNAL), "azuredeploy.json": TEMPLATE}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings
    assert finding.location is not None
    line = TEMPLATE.splitlines()[finding.location.line - 1]
    assert line[finding.location.column - 1 :].startswith('<ReservedIP name=\\"rip1\\"')


@pytest.mark.parametrize("deployment", DEPLOYMENTS.values(), ids=DEPLOYMENTS.keys())
def test_a_reserved_ip_of_roles_with_an_input_endpoint_is_not_reported(tmp_path, monkeypatch, deployment):
    path, text = deployment
    files = {"ServiceDefinition.csdef": _definition(INPUT), path: text}
    assert not lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings
