"""Blockers whose condition an ARM template, a Bicep file, a Terraform configuration or a CI step can write, each
found in that format where no other test pinned it: a template's availability sets (MIG102, MIG103) and static
private addresses (MIG306), a Bicep VM in a network without a subnet (MIG203), a template VM's Defender for Cloud
extension (MIG207), a Terraform VM in the network of a package's web roles (MIG104), and two VMs a CI step creates
with one static address (MIG306)."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"


def _vm(
    name: str, service: str, hardware: dict | None = None, network: dict | None = None, **props: object
) -> dict:
    """A classic VM as the Microsoft.ClassicCompute/virtualMachines schema writes it, in subnet 'web' of 'vnet1'."""
    return {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2016-04-01",
        "name": name,
        "location": "westeurope",
        "properties": {
            "domainName": {"id": f"[resourceId('Microsoft.ClassicCompute/domainNames', '{service}')]"},
            "hardwareProfile": {"size": "Small", "deploymentName": service, **(hardware or {})},
            "networkProfile": {
                "virtualNetwork": {
                    "id": "[resourceId('Microsoft.ClassicNetwork/virtualNetworks', 'vnet1')]",
                    "subnetNames": ["web"],
                    **(network or {}),
                }
            },
            **props,
        },
    }


def _template(*resources: dict) -> str:
    return json.dumps(
        {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": list(resources)}, indent=2
    )


def _line_of(text: str, needle: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if i > after and needle in line)


def test_a_template_s_vms_of_one_cloud_service_in_two_availability_sets_are_mig102(tmp_path, monkeypatch):
    text = _template(
        _vm("web01", "shop", {"availabilitySet": "as1"}), _vm("web02", "shop", {"availabilitySet": "as2"})
    )
    [finding] = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG102", dedent=False).findings
    assert finding.message.startswith(
        "cloud service 'shop' has 2 availability sets ('as1', 'as2'); 'as2' holds"
    )
    line = _line_of(text, '"availabilitySet": "as2"')
    assert where([finding]) == [f"MIG102 azuredeploy.json:{line}:{text.splitlines()[line - 1].index('as2')}"]


def test_a_template_s_vm_in_no_availability_set_beside_one_in_a_set_is_mig103(tmp_path, monkeypatch):
    text = _template(_vm("web01", "shop", {"availabilitySet": "as1"}), _vm("web02", "shop"))
    [finding] = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG103", dedent=False).findings
    assert finding.message == (
        "VM 'web02' is in no availability set, but other VMs of cloud service 'shop' are in 'as1'"
    )


def test_two_template_vms_asking_for_one_static_address_in_one_network_are_mig306(tmp_path, monkeypatch):
    static = {"staticIpAddress": "10.0.0.4"}
    text = _template(_vm("web01", "shop", network=static), _vm("web02", "shop2", network=static))
    [finding] = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG306", dedent=False).findings
    assert finding.message.startswith(
        "VM 'web02' of cloud service 'shop2' asks for private IP 10.0.0.4, which VM 'web01' of cloud service "
        "'shop' asks for too, in virtual network 'vnet1'"
    )
    second = _line_of(text, '"staticIpAddress"', after=_line_of(text, '"staticIpAddress"'))
    assert finding.location is not None and finding.location.line == second


def test_the_same_static_address_in_two_networks_is_no_conflict(tmp_path, monkeypatch):
    other = _vm("web02", "shop2", network={"staticIpAddress": "10.0.0.4"})
    other["properties"]["networkProfile"]["virtualNetwork"]["id"] = (
        "[resourceId('Microsoft.ClassicNetwork/virtualNetworks', 'vnet2')]"
    )
    text = _template(_vm("web01", "shop", network={"staticIpAddress": "10.0.0.4"}), other)
    assert (
        lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG306", dedent=False).findings == []
    )


def test_a_template_vm_with_the_defender_for_cloud_extension_is_mig207(tmp_path, monkeypatch):
    agent = {"extension": "AzureSecurityWindowsAgent", "publisher": "Microsoft.Azure.Security.Monitoring"}
    text = _template(_vm("web01", "shop", extensions=[agent | {"version": "1.*", "state": "Enable"}]))
    [finding] = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG207", dedent=False).findings
    assert finding.message.startswith(
        "VM 'web01' has the Defender for Cloud monitoring extension AzureSecurityWindowsAgent"
    )


def test_a_bicep_vm_in_a_network_without_subnet_names_is_mig203(tmp_path, monkeypatch):
    bicep = """\
        resource vm 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' = {
          name: 'web01'
          location: 'westeurope'
          properties: {
            domainName: {
              id: resourceId('Microsoft.ClassicCompute/domainNames', 'shop')
            }
            hardwareProfile: {
              size: 'Small'
              deploymentName: 'shop'
            }
            networkProfile: {
              virtualNetwork: {
                id: resourceId('Microsoft.ClassicNetwork/virtualNetworks', 'vnet1')
              }
            }
          }
        }
        """
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": bicep}, "MIG203").findings
    assert (
        finding.message
        == "VM 'web01' of cloud service 'shop' is in virtual network 'vnet1' but has no subnet"
    )
    assert where([finding]) == ["MIG203 main.bicep:1:1"]


CSDEF = """\
    <ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
      <WebRole name="Web" vmsize="Small">
        <Endpoints>
          <InputEndpoint name="HttpIn" protocol="http" port="80" />
        </Endpoints>
      </WebRole>
    </ServiceDefinition>
    """
CSCFG = """\
    <ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
      <Role name="Web">
        <Instances count="2" />
      </Role>
      <NetworkConfiguration>
        <VirtualNetworkSite name="vnet1" />
        <AddressAssignments>
          <InstanceAddress roleName="Web">
            <Subnets>
              <Subnet name="web" />
            </Subnets>
          </InstanceAddress>
        </AddressAssignments>
      </NetworkConfiguration>
    </ServiceConfiguration>
    """


def test_a_terraform_vm_in_the_network_of_a_package_s_web_roles_is_mig104(tmp_path, monkeypatch):
    main_tf = """\
        resource "azure_instance" "jump" {
          name                 = "jump01"
          hosted_service_name  = "jump"
          image                = "Ubuntu Server 14.04 LTS"
          size                 = "Basic_A1"
          storage_service_name = "shopstore"
          location             = "West US"
          username             = "ops"
          password             = "P@ssw0rd123!"
          virtual_network      = "vnet1"
          subnet               = "web"
        }
        """
    files = {
        "shop/ServiceDefinition.csdef": CSDEF,
        "shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "main.tf": main_tf,
    }
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG104").findings
    assert finding.message.startswith(
        "virtual network 'vnet1' holds web/worker roles of cloud service 'shop' ('Web') and VMs of 'jump'"
    )


def test_two_vms_a_ci_step_creates_with_one_static_address_are_mig306(tmp_path, monkeypatch):
    workflow = """\
        on: workflow_dispatch
        jobs:
          vms:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  azure vm create shop img01 ops "$PW" --vm-name web01 -l "West Europe" -w vnet1 -b web -S 10.0.0.4 -r
                  azure vm create shop2 img01 ops "$PW" --vm-name web02 -l "West Europe" -w vnet1 -b web -S 10.0.0.4 -r
        """
    [finding] = lint_files(tmp_path, monkeypatch, {".github/workflows/vm.yml": workflow}, "MIG306").findings
    assert where([finding]) == ["MIG306 .github/workflows/vm.yml:8:101"]
    assert "`azure vm static-ip set <vm> <address>`" in (finding.fix or "")
