"""One problem reported once however many files describe it.

A script that deploys a service package (`New-AzureDeployment`, a Service Management SDK deployment) names
no role: its roles stand under a stand-in at the script. When the service's definition (.csdef) is among
the files, its roles are the package's: MIG101 reports each once, at the .csdef, and the stand-in gives
way. Without the definition, the stand-in is reported at the script.

A bad address prefix (MIG304) is wrong text in each file a user edits (a network configuration, a REST
`VirtualNetworkSites` body). An inventory export of the network is a snapshot of what is deployed, which
cannot be edited to fix it: its prefix is reported only when no other file of the network writes it."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, where

# --- MIG101: a package deployment of a service whose definition is among the files -------------------

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Front" vmsize="Small">
    <Endpoints>
      <InputEndpoint name="HttpIn" protocol="http" port="80" />
    </Endpoints>
  </WebRole>
  <WorkerRole name="Jobs" vmsize="Small" />
</ServiceDefinition>
"""

CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Front">
    <Instances count="2" />
  </Role>
  <Role name="Jobs">
    <Instances count="1" />
  </Role>
</ServiceConfiguration>
"""

NEW_DEPLOYMENT = """\
Select-AzureSubscription -SubscriptionName "Contoso"
New-AzureDeployment -ServiceName "{service}" -Slot Production -Package "https://contosodeploy.blob.core.windows.net/packages/Shop.cspkg" -Configuration ".\\svc\\ServiceConfiguration.Cloud.cscfg" -Label "v2"
"""

SDK_DEPLOYMENT = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
sms.create_deployment(
    "{service}", "production", "shop-v2",
    "https://contosodeploy.blob.core.windows.net/packages/Shop.cspkg", "shop-v2", configuration,
)
"""

# Where the .csdef writes its roles, and where the scripts deploy the package.
AT_DEFINITION = ["MIG101 svc/ServiceDefinition.csdef:3:3", "MIG101 svc/ServiceDefinition.csdef:8:3"]
AT_SCRIPT = "MIG101 deploy.ps1:2:1"
AT_SDK_CALL = "MIG101 deploy.py:4:5"


def _mig101(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return sorted(where(lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False).findings))


def test_new_azure_deployment_of_a_defined_service_is_its_definition_s_roles(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": NEW_DEPLOYMENT.format(service="shop"),
        "svc/ServiceDefinition.csdef": DEFINITION,
        "svc/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    assert _mig101(tmp_path, monkeypatch, files) == AT_DEFINITION


def test_new_azure_deployment_beside_a_definition_alone_is_its_roles(tmp_path, monkeypatch):
    files = {"deploy.ps1": NEW_DEPLOYMENT.format(service="SHOP"), "svc/ServiceDefinition.csdef": DEFINITION}
    assert _mig101(tmp_path, monkeypatch, files) == AT_DEFINITION


def test_the_deployment_s_placement_holds_the_definition_s_roles(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": NEW_DEPLOYMENT.format(service="shop"),
        "svc/ServiceDefinition.csdef": DEFINITION,
        "svc/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    (service,) = result.estate.cloud_services
    assert [r.name for r in service.roles] == ["Front", "Jobs"]
    scripted = [p for p in service.placements if p.mark.path == "deploy.ps1"]
    assert [[(r.name, r.mark.path) for r in p.roles] for p in scripted] == [
        [("Front", "svc/ServiceDefinition.csdef"), ("Jobs", "svc/ServiceDefinition.csdef")]
    ]


def test_new_azure_deployment_alone_keeps_its_stand_in_at_the_script(tmp_path, monkeypatch):
    files = {"deploy.ps1": NEW_DEPLOYMENT.format(service="shop")}
    assert _mig101(tmp_path, monkeypatch, files) == [AT_SCRIPT]


AT_CONFIGURATION = [
    "MIG101 svc/ServiceConfiguration.Cloud.cscfg:3:3",
    "MIG101 svc/ServiceConfiguration.Cloud.cscfg:6:3",
]


def test_new_azure_deployment_beside_a_configuration_alone_is_its_roles(tmp_path, monkeypatch):
    # A configuration configures every role of its package: without the .csdef, the roles it names are the
    # package's, reported once each where it writes them, and the stand-in gives way.
    files = {
        "deploy.ps1": NEW_DEPLOYMENT.format(service="shop"),
        "svc/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    assert _mig101(tmp_path, monkeypatch, files) == AT_CONFIGURATION


def test_an_sdk_deployment_beside_a_configuration_alone_is_its_roles(tmp_path, monkeypatch):
    files = {
        "deploy.py": SDK_DEPLOYMENT.format(service="shop"),
        "svc/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    assert sorted(where(result.findings)) == AT_CONFIGURATION
    (service,) = result.estate.cloud_services
    assert [r.name for r in service.roles] == ["Front", "Jobs"]


# A deployment of another service, with another project's configuration: a script that deploys this project's
# configuration deploys this project, under the name it gives the service.
OTHER_DEPLOYMENT = NEW_DEPLOYMENT.format(service="billing").replace("\\svc\\", "\\billing\\")


def test_new_azure_deployment_of_another_service_than_the_configuration_s_keeps_its_stand_in(
    tmp_path, monkeypatch
):
    files = {
        "deploy.ps1": OTHER_DEPLOYMENT,
        "svc/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    assert _mig101(tmp_path, monkeypatch, files) == [AT_SCRIPT, *AT_CONFIGURATION]


def test_new_azure_deployment_of_another_service_keeps_its_stand_in(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": OTHER_DEPLOYMENT,
        "svc/ServiceDefinition.csdef": DEFINITION,
        "svc/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    assert _mig101(tmp_path, monkeypatch, files) == [AT_SCRIPT, *AT_DEFINITION]


def test_an_upgrade_of_a_role_the_definition_lacks_is_still_reported(tmp_path, monkeypatch):
    # A role the script names is no stand-in: it is the script's word, not the definition's.
    script = 'Set-AzureDeployment -Upgrade -ServiceName "shop" -Slot Production -Package "p.cspkg" -RoleName "Api"\n'
    files = {"deploy.ps1": script, "svc/ServiceDefinition.csdef": DEFINITION}
    assert _mig101(tmp_path, monkeypatch, files) == [AT_SCRIPT.replace(":2:", ":1:"), *AT_DEFINITION]


def test_an_sdk_deployment_of_a_defined_service_is_its_definition_s_roles(tmp_path, monkeypatch):
    files = {"deploy.py": SDK_DEPLOYMENT.format(service="shop"), "svc/ServiceDefinition.csdef": DEFINITION}
    assert _mig101(tmp_path, monkeypatch, files) == AT_DEFINITION


def test_an_sdk_deployment_alone_keeps_its_stand_in(tmp_path, monkeypatch):
    files = {"deploy.py": SDK_DEPLOYMENT.format(service="shop")}
    assert _mig101(tmp_path, monkeypatch, files) == [AT_SDK_CALL]


# --- MIG304: a bad prefix a network configuration, a REST body and an export write ------------------

NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace>
          <AddressPrefix>10.80.0.0/16</AddressPrefix>
        </AddressSpace>
        <Subnets>
          <Subnet name="GatewaySubnet">
            <AddressPrefix>{subnet}</AddressPrefix>
          </Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

REST_SITES = """\
<?xml version="1.0" encoding="utf-8"?>
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>hub</Name>
    <Location>West Europe</Location>
    <AddressSpace>
      <AddressPrefixes>
        <AddressPrefix>10.80.0.0/16</AddressPrefix>
      </AddressPrefixes>
    </AddressSpace>
    <Subnets>
      <Subnet>
        <Name>GatewaySubnet</Name>
        <AddressPrefix>{subnet}</AddressPrefix>
      </Subnet>
    </Subnets>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""

SUBSCRIPTION = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
BAD = "10.80.255.4/27"
GOOD = "10.80.255.0/27"


def _export(subnet: str = BAD, space: str = "10.80.0.0/16") -> str:
    """A Resource Graph export of classic network hub with subnet GatewaySubnet of prefix `subnet`."""
    row = {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/hub",
        "name": "hub",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "location": "westeurope",
        "resourceGroup": "Default-Networking",
        "subscriptionId": SUBSCRIPTION,
        "properties": {
            "addressSpace": {"addressPrefixes": [space]},
            "subnets": [{"name": "GatewaySubnet", "addressPrefix": subnet}],
            "provisioningState": "Succeeded",
            "status": "Created",
        },
    }
    return json.dumps({"count": 1, "data": [row], "skip_token": None, "total_records": 1}, indent=2)


# Where each file writes the subnet's prefix, and the export its address space.
AT_NETCFG = "MIG304 NetworkConfig.netcfg:11:13"
AT_REST = "MIG304 vnets.xml:14:9"
AT_EXPORT = "MIG304 classic.json:20:30"
AT_EXPORT_SPACE = "MIG304 classic.json:14:13"


def _mig304(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return sorted(where(lint_files(tmp_path, monkeypatch, files, "MIG304", dedent=False).findings))


def test_a_prefix_the_netcfg_the_rest_body_and_the_export_write_is_reported_in_the_edited_files(
    tmp_path, monkeypatch
):
    files = {
        "NetworkConfig.netcfg": NETCFG.format(subnet=BAD),
        "vnets.xml": REST_SITES.format(subnet=BAD),
        "classic.json": _export(),
    }
    assert _mig304(tmp_path, monkeypatch, files) == [AT_NETCFG, AT_REST]


def test_a_prefix_the_netcfg_and_the_export_write_is_reported_at_the_netcfg(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG.format(subnet=BAD), "classic.json": _export()}
    assert _mig304(tmp_path, monkeypatch, files) == [AT_NETCFG]


def test_a_prefix_the_rest_body_and_the_export_write_is_reported_at_the_rest_body(tmp_path, monkeypatch):
    files = {"vnets.xml": REST_SITES.format(subnet=BAD), "classic.json": _export()}
    assert _mig304(tmp_path, monkeypatch, files) == [AT_REST]


def test_a_prefix_the_netcfg_and_the_rest_body_write_is_reported_in_each(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG.format(subnet=BAD), "vnets.xml": REST_SITES.format(subnet=BAD)}
    assert _mig304(tmp_path, monkeypatch, files) == [AT_NETCFG, AT_REST]


def test_a_prefix_only_the_export_writes_is_reported_at_the_export(tmp_path, monkeypatch):
    assert _mig304(tmp_path, monkeypatch, {"classic.json": _export()}) == [AT_EXPORT]


def test_a_bad_prefix_the_export_writes_where_the_netcfg_writes_another_is_reported_at_the_export(
    tmp_path, monkeypatch
):
    files = {"NetworkConfig.netcfg": NETCFG.format(subnet=GOOD), "classic.json": _export()}
    assert _mig304(tmp_path, monkeypatch, files) == [AT_EXPORT]


def test_a_bad_address_space_only_the_export_writes_is_reported_beside_the_netcfg(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG.format(subnet=BAD), "classic.json": _export(space="10.80.0.1/16")}
    assert _mig304(tmp_path, monkeypatch, files) == [AT_NETCFG, AT_EXPORT_SPACE]


def test_good_prefixes_everywhere_are_no_finding(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETCFG.format(subnet=GOOD),
        "vnets.xml": REST_SITES.format(subnet=GOOD),
        "classic.json": _export(GOOD),
    }
    assert _mig304(tmp_path, monkeypatch, files) == []


def test_the_summary_counts_the_configuration_s_roles_once(tmp_path, monkeypatch, capsys):
    files = {
        "deploy.ps1": NEW_DEPLOYMENT.format(service="shop"),
        "svc/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "shop (2 web/worker roles)" in out
