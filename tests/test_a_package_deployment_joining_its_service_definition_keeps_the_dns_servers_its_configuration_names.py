"""A package deployment whose configuration states where the deployment goes (a deployment slot a template
declares, its `configuration` a .cscfg written as a string; a REST Create Deployment body, its base64
`Configuration`), joining the placement of its service's .csdef, which says nothing of it: the deployment
keeps the DNS servers its configuration names with its network and reserved IPs, as a .cscfg beside the
definition gives them."""

from __future__ import annotations

import pytest
from lint_support import lint_files, package_deployments

CONFIGURATION = (
    '<ServiceConfiguration serviceName="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
    '<Role name="Web"><Instances count="2" /></Role><NetworkConfiguration>'
    '<Dns><DnsServers><DnsServer name="dc01" IPAddress="192.168.10.4" /></DnsServers></Dns>'
    '<VirtualNetworkSite name="hub" /></NetworkConfiguration>'
    "</ServiceConfiguration>"
)

DEFINITION = (
    '<ServiceDefinition name="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">\n'
    '  <WebRole name="Web" vmsize="Small"><Endpoints>'
    '<InputEndpoint name="http" protocol="http" port="80" /></Endpoints></WebRole>\n'
    "</ServiceDefinition>\n"
)

DEPLOYMENTS = package_deployments(CONFIGURATION)


@pytest.mark.parametrize("deployment", DEPLOYMENTS.values(), ids=DEPLOYMENTS.keys())
def test_the_deployment_keeps_its_configuration_s_dns_servers(tmp_path, monkeypatch, deployment):
    path, text = deployment
    files = {"ServiceDefinition.csdef": DEFINITION, path: text}
    estate = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).estate
    [service] = estate.cloud_services
    [placement] = service.placements
    assert placement.virtual_network is not None and placement.virtual_network.name == "hub"
    assert [(s.name, s.address, s.mark.path) for s in placement.dns_servers] == [
        ("dc01", "192.168.10.4", path)
    ]
