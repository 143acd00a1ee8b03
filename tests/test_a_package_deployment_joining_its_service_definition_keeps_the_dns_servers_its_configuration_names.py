"""A package deployment whose configuration states where the deployment goes (a deployment slot a template
declares, its `configuration` a .cscfg written as a string; a REST Create Deployment body, its base64
`Configuration`), joining the placement of its service's .csdef, which says nothing of it: the deployment
keeps the DNS servers its configuration names with its network and reserved IPs, as a .cscfg beside the
definition gives them."""

from __future__ import annotations

import base64
import json

import pytest
from lint_support import lint_files

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

TEMPLATE = json.dumps(
    {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [
            {
                "type": "Microsoft.ClassicCompute/domainNames/slots",
                "apiVersion": "2016-11-01",
                "name": "shop/Production",
                "properties": {
                    "packageLink": {"uri": "https://acct.blob.core.windows.net/pkg/shop.cspkg"},
                    "configuration": CONFIGURATION,
                },
            }
        ],
    },
    indent=1,
)

REST = (
    '<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
    "  <Name>shop</Name>\n"
    "  <PackageUrl>https://acct.blob.core.windows.net/pkg/shop.cspkg</PackageUrl>\n"
    "  <Label>c2hvcA==</Label>\n"
    f"  <Configuration>{base64.b64encode(CONFIGURATION.encode()).decode()}</Configuration>\n"
    "</CreateDeployment>\n"
)

DEPLOYMENTS = {"template": ("azuredeploy.json", TEMPLATE), "rest": ("create.xml", REST)}


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
