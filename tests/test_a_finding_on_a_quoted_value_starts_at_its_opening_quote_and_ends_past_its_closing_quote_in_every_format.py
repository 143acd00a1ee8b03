"""A finding on a value written in quotes is shown from its opening quote to just past its closing quote,
whatever the format writes it: ARM templates, inventory exports, Bicep, PowerShell and Python showed it so,
where Terraform (`.tf` and `.tf.json`), shell scripts and CI steps started inside the quotes. The same network prefix with host bits set
(MIG304) and the same network name no configuration defines (MIG003), written in each format, are each
underlined with their quotes."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PREFIX = "10.4.0.1/16"
NAME = "app-vnet"

PREFIX_FILES = {
    "main.tf": f"""\
        resource "azure_virtual_network" "net" {{
          name          = "net"
          address_space = ["{PREFIX}"]
          location      = "West Europe"
          subnet {{
            name           = "web"
            address_prefix = "10.4.1.0/24"
          }}
        }}
        """,
    "main.tf.json": f"""\
        {{"resource": {{"azure_virtual_network": {{"net": {{
          "name": "net", "location": "West Europe",
          "address_space": ["{PREFIX}"],
          "subnet": [{{"name": "web", "address_prefix": "10.4.1.0/24"}}]
        }}}}}}}}
        """,
    "main.bicep": f"""\
        resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {{
          name: 'net'
          location: 'westeurope'
          properties: {{
            addressSpace: {{
              addressPrefixes: ['{PREFIX}']
            }}
          }}
        }}
        """,
    "azuredeploy.json": f"""\
        {{
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "resources": [
            {{"type": "Microsoft.ClassicNetwork/virtualNetworks", "apiVersion": "2016-11-01", "name": "net",
             "location": "westeurope",
             "properties": {{"addressSpace": {{"addressPrefixes": ["{PREFIX}"]}}}}}}
          ]
        }}
        """,
    "inventory/resources.json": f"""\
        [{{"id": "/subscriptions/8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/resourceGroups/g/providers/Microsoft.ClassicNetwork/virtualNetworks/net",
          "type": "microsoft.classicnetwork/virtualnetworks", "location": "westeurope",
          "properties": {{"addressSpace": {{"addressPrefixes": ["{PREFIX}"]}}, "subnets": []}}}}]
        """,
}

# A network configuration that defines another network: a VM placed in `NAME` names a network not defined.
NETCFG = """\
    <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
      <VirtualNetworkConfiguration>
        <VirtualNetworkSites>
          <VirtualNetworkSite name="other-vnet" Location="West Europe">
            <AddressSpace><AddressPrefix>10.8.0.0/16</AddressPrefix></AddressSpace>
            <Subnets><Subnet name="default"><AddressPrefix>10.8.0.0/24</AddressPrefix></Subnet></Subnets>
          </VirtualNetworkSite>
        </VirtualNetworkSites>
      </VirtualNetworkConfiguration>
    </NetworkConfiguration>
    """

NAME_FILES = {
    "main.tf": f"""\
        resource "azure_instance" "web" {{
          name                 = "web"
          image                = "Ubuntu"
          size                 = "Basic_A1"
          location             = "West Europe"
          subnet               = "default"
          virtual_network      = "{NAME}"
          storage_service_name = "shopstore"
        }}
        """,
    "main.tf.json": f"""\
        {{"resource": {{"azure_instance": {{"web": {{
          "name": "web", "image": "Ubuntu", "size": "Basic_A1", "location": "West Europe",
          "subnet": "default", "virtual_network": "{NAME}", "storage_service_name": "shopstore"
        }}}}}}}}
        """,
    "create.ps1": f"""\
        New-AzureQuickVM -Linux -ServiceName "app-svc" -Name "app01" -ImageName "ubuntu" -LinuxUser "ops" -Password $env:PW -Location "West Europe" -VNetName "{NAME}" -SubnetNames "default"
        """,
    "create.py": f"""\
        from azure.servicemanagement import ServiceManagementService, ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk

        sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
        net = ConfigurationSet()
        net.configuration_set_type = "NetworkConfiguration"
        net.subnet_names.append("default")
        sms.create_virtual_machine_deployment("app-svc", "app-svc", "production", "app", "app01",
                                              LinuxConfigurationSet("app01", "ops", "P@ss", True),
                                              OSVirtualHardDisk("ubuntu", "https://appstore.blob.core.windows.net/vhds/app01.vhd"),
                                              network_config=net, virtual_network_name="{NAME}")
        """,
    "create.sh": f"""\
        azure vm create app-svc ubuntu ops -l "West Europe" -w "{NAME}" -b default
        """,
    "azure-pipelines.yml": f"""\
        steps:
        - script: azure vm create app-svc ubuntu ops -l 'West Europe' -w '{NAME}' -b default
        """,
    ".github/workflows/create.yml": f"""\
        on: push
        jobs:
          create:
            runs-on: ubuntu-latest
            steps:
              - run: azure vm create app-svc ubuntu ops -l "West Europe" -w "{NAME}" -b default
        """,
}


def _underlined(tmp_path, monkeypatch, name: str, text: str, code: str, files: dict[str, str]) -> list[str]:
    """What each finding of `code` in the file `name` underlines, its one line as the file writes it."""
    result = lint_files(tmp_path, monkeypatch, {name: text, **files}, code)
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    shown = []
    for finding in result.findings:
        location = finding.location
        assert location is not None and location.path.endswith(name)
        assert location.end_line == location.line
        shown.append(lines[location.line - 1][location.column - 1 : location.end_column - 1])
    return shown


@pytest.mark.parametrize("name", PREFIX_FILES)
def test_a_prefix_is_underlined_from_its_opening_quote_to_past_its_closing_quote(tmp_path, monkeypatch, name):
    shown = _underlined(tmp_path, monkeypatch, name, PREFIX_FILES[name], "MIG304", {})
    assert [s[1:-1] for s in shown] == [PREFIX]
    assert shown[0][0] == shown[0][-1] and shown[0][0] in "\"'"


@pytest.mark.parametrize("name", NAME_FILES)
def test_a_network_name_is_underlined_from_its_opening_quote_to_past_its_closing_quote(
    tmp_path, monkeypatch, name
):
    files = {"NetworkConfig.netcfg": NETCFG}
    shown = _underlined(tmp_path, monkeypatch, name, NAME_FILES[name], "MIG003", files)
    assert [s[1:-1] for s in shown] == [NAME]
    assert shown[0][0] == shown[0][-1] and shown[0][0] in "\"'"
