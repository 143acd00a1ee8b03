"""Rules whose condition a Bicep file or an ARM template can write, each found in that format where no other
test pinned it: a Bicep VM naming a subnet its network does not have (MIG003), a Bicep or template network
that a network configuration file describes otherwise (MIG004), a Bicep slot's web role and a Bicep VM in one
network (MIG104), a Bicep VM's Defender for Cloud extension (MIG207), the Site Recovery extension on a
Bicep or a template VM (MIG209), an extension on a Bicep or a template VM whose network's ExpressRoute
migration cuts it off from its on-premises DNS server (MIG210), and a RemoteApp collection a Bicep file or a
template records in a classic network (MIG318)."""

from __future__ import annotations

import json
import textwrap

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"

VNET = """\
    resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
      name: 'vnet1'
      location: 'westeurope'
      properties: {
        addressSpace: {
          addressPrefixes: [
            '10.1.0.0/16'
          ]
        }
        subnets: [
          {
            name: 'web'
            addressPrefix: '10.1.0.0/24'
          }
        ]
      }
    }
    """

NETCFG = """\
    <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
      <VirtualNetworkConfiguration>
        <VirtualNetworkSites>
          <VirtualNetworkSite name="vnet1" Location="West Europe">
            <AddressSpace>
              <AddressPrefix>10.0.0.0/16</AddressPrefix>
            </AddressSpace>
            <Subnets>
              <Subnet name="web">
                <AddressPrefix>10.0.0.0/24</AddressPrefix>
              </Subnet>
            </Subnets>
          </VirtualNetworkSite>
        </VirtualNetworkSites>
      </VirtualNetworkConfiguration>
    </NetworkConfiguration>
    """


def _bicep_vm(subnet: str = "web", extension: str = "", service: str = "shop") -> str:
    """A classic VM as a Bicep file writes it, in `subnet` of 'vnet1', with `extension` (Bicep lines) if any."""
    return f"""\
    resource vm 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' = {{
      name: 'web01'
      location: 'westeurope'
      properties: {{
        domainName: {{
          id: resourceId('Microsoft.ClassicCompute/domainNames', '{service}')
        }}
        hardwareProfile: {{
          size: 'Small'
          deploymentName: '{service}'
        }}
        networkProfile: {{
          virtualNetwork: {{
            id: resourceId('Microsoft.ClassicNetwork/virtualNetworks', 'vnet1')
            subnetNames: [
              '{subnet}'
            ]
          }}
        }}
        extensions: [{extension}
        ]
      }}
    }}
    """


SITE_RECOVERY = """
          {
            extension: 'VMSnapshot'
            publisher: 'Microsoft.Azure.RecoveryServices.SiteRecovery'
            version: '1.0'
            referenceName: 'SiteRecovery'
            state: 'Enable'
          }"""


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_bicep_vm_naming_a_subnet_its_bicep_network_does_not_have_is_mig003(tmp_path, monkeypatch):
    bicep = VNET + "\n" + _bicep_vm(subnet="db")
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": bicep}, "MIG003").findings
    assert finding.message == "subnet 'db' is not a subnet of virtual network 'vnet1'"
    text = (tmp_path / "main.bicep").read_text()
    assert where([finding]) == [f"MIG003 main.bicep:{_line(text, chr(39) + 'db' + chr(39))}:11"]


def test_a_bicep_network_a_network_configuration_describes_otherwise_is_mig004(tmp_path, monkeypatch):
    files = {"main.bicep": VNET, "network.netcfg": NETCFG}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert finding.message.startswith(
        "virtual network 'vnet1' is described differently here than at network.netcfg:4: "
        "address space '10.1.0.0/16' / '10.0.0.0/16'"
    )
    assert where([finding]) == ["MIG004 main.bicep:1:1"]


def test_a_template_network_a_network_configuration_describes_otherwise_is_mig004(tmp_path, monkeypatch):
    vnet = {
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "apiVersion": "2016-11-01",
        "name": "vnet1",
        "location": "westeurope",
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
            "subnets": [{"name": "web", "addressPrefix": "10.1.0.0/24"}],
        },
    }
    template = json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [vnet]}, indent=2)
    files = {"azuredeploy.json": template, "network.netcfg": NETCFG}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert finding.message.startswith(
        "virtual network 'vnet1' is described differently here than at network.netcfg:4"
    )
    assert finding.location is not None and finding.location.path == "azuredeploy.json"


SLOT = """\
    resource svc 'Microsoft.ClassicCompute/domainNames@2016-11-01' = {
      name: 'shop'
      location: 'westeurope'
      properties: {}
    }

    resource prod 'Microsoft.ClassicCompute/domainNames/slots@2016-11-01' = {
      parent: svc
      name: 'production'
      properties: {
        packageLink: {
          uri: 'https://acct.blob.core.windows.net/pkgs/shop.cspkg'
        }
        configuration: '<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"><Role name="Web"><Instances count="2" /></Role><NetworkConfiguration><VirtualNetworkSite name="vnet1" /><AddressAssignments><InstanceAddress roleName="Web"><Subnets><Subnet name="web" /></Subnets></InstanceAddress></AddressAssignments></NetworkConfiguration></ServiceConfiguration>'
      }
    }
    """


def test_a_bicep_slot_s_web_role_and_a_bicep_vm_in_one_network_are_mig104(tmp_path, monkeypatch):
    bicep = SLOT + "\n" + _bicep_vm(service="shopdb")
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": bicep}, "MIG104").findings
    assert finding.message == (
        "virtual network 'vnet1' holds web/worker roles of cloud service 'shop' ('Web') and VMs of 'shopdb'"
    )
    # at the <VirtualNetworkSite the slot's configuration string writes
    assert where([finding]) == ["MIG104 main.bicep:14:212"]


def test_a_bicep_vm_with_the_defender_for_cloud_extension_is_mig207(tmp_path, monkeypatch):
    agent = SITE_RECOVERY.replace("VMSnapshot", "AzureSecurityWindowsAgent").replace(
        "RecoveryServices.SiteRecovery", "Security.Monitoring"
    )
    bicep = _bicep_vm(extension=agent)
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": bicep}, "MIG207").findings
    assert finding.message.startswith(
        "VM 'web01' has the Defender for Cloud monitoring extension AzureSecurityWindowsAgent"
    )


def test_a_bicep_vm_with_the_site_recovery_extension_is_mig209(tmp_path, monkeypatch):
    [finding] = lint_files(
        tmp_path, monkeypatch, {"main.bicep": _bicep_vm(extension=SITE_RECOVERY)}, "MIG209"
    ).findings
    assert finding.message.startswith(
        "VM 'web01' has the Azure Site Recovery extension VMSnapshot 1.0 "
        "(Microsoft.Azure.RecoveryServices.SiteRecovery)"
    )
    text = (tmp_path / "main.bicep").read_text()
    line = _line(text, "extension: 'VMSnapshot'")  # at the extension's name
    assert where([finding]) == [f"MIG209 main.bicep:{line}:{text.splitlines()[line - 1].index(chr(39)) + 1}"]


def test_a_template_vm_with_the_site_recovery_extension_is_mig209(tmp_path, monkeypatch):
    vm = {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2016-04-01",
        "name": "web01",
        "location": "westeurope",
        "properties": {
            "domainName": {"id": "[resourceId('Microsoft.ClassicCompute/domainNames', 'shop')]"},
            "hardwareProfile": {"size": "Small", "deploymentName": "shop"},
            "extensions": [
                {
                    "extension": "VMSnapshot",
                    "publisher": "Microsoft.Azure.RecoveryServices.SiteRecovery",
                    "version": "1.0",
                    "state": "Enable",
                }
            ],
        },
    }
    template = json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [vm]}, indent=2)
    findings = lint_files(
        tmp_path, monkeypatch, {"azuredeploy.json": template}, "MIG209", dedent=False
    ).findings
    [finding] = findings
    assert finding.message.startswith("VM 'web01' has the Azure Site Recovery extension VMSnapshot 1.0")
    assert finding.location is not None and finding.location.line == _line(template, '"VMSnapshot"')


# vnet1 reaches on-premises by ExpressRoute and uses the DNS server corp-dc1 there: its Prepare cuts the VMs off.
NETCFG_EXPRESSROUTE_DNS = """\
    <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
      <VirtualNetworkConfiguration>
        <Dns>
          <DnsServers>
            <DnsServer name="corp-dc1" IPAddress="172.16.0.10" />
          </DnsServers>
        </Dns>
        <LocalNetworkSites>
          <LocalNetworkSite name="corp">
            <AddressSpace><AddressPrefix>172.16.0.0/12</AddressPrefix></AddressSpace>
          </LocalNetworkSite>
        </LocalNetworkSites>
        <VirtualNetworkSites>
          <VirtualNetworkSite name="vnet1" Location="West Europe">
            <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
            <Subnets><Subnet name="web"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
            <DnsServersRef><DnsServerRef name="corp-dc1" /></DnsServersRef>
            <Gateway>
              <ConnectionsToLocalNetwork>
                <LocalNetworkSiteRef name="corp"><Connection type="Dedicated" /></LocalNetworkSiteRef>
              </ConnectionsToLocalNetwork>
            </Gateway>
          </VirtualNetworkSite>
        </VirtualNetworkSites>
      </VirtualNetworkConfiguration>
    </NetworkConfiguration>
    """
CUT_OFF = (
    "and its virtual network 'vnet1' has an ExpressRoute gateway and uses on-premises DNS server 'corp-dc1' "
    "(172.16.0.10), which migration cuts off"
)
DIAGNOSTICS = """
          {
            extension: 'IaaSDiagnostics'
            publisher: 'Microsoft.Azure.Diagnostics'
            version: '1.*'
            referenceName: 'IaaSDiagnostics'
            state: 'Enable'
          }"""


def test_a_bicep_vm_s_extension_its_network_cuts_off_from_on_premises_dns_is_mig210(tmp_path, monkeypatch):
    files = {"main.bicep": _bicep_vm(extension=DIAGNOSTICS), "network.netcfg": NETCFG_EXPRESSROUTE_DNS}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG210").findings
    assert finding.message.startswith(
        f"VM 'web01' has the extension IaaSDiagnostics 1.* (Microsoft.Azure.Diagnostics) {CUT_OFF}"
    )
    text = (tmp_path / "main.bicep").read_text()
    line = _line(text, "extension: 'IaaSDiagnostics'")  # at the extension's name
    assert where([finding]) == [f"MIG210 main.bicep:{line}:{text.splitlines()[line - 1].index(chr(39)) + 1}"]


def test_a_template_vm_s_extension_its_network_cuts_off_from_on_premises_dns_is_mig210(tmp_path, monkeypatch):
    vm = {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2016-04-01",
        "name": "web01",
        "location": "westeurope",
        "properties": {
            "domainName": {"id": "[resourceId('Microsoft.ClassicCompute/domainNames', 'shop')]"},
            "hardwareProfile": {"size": "Small", "deploymentName": "shop"},
            "networkProfile": {
                "virtualNetwork": {
                    "id": "[resourceId('Microsoft.ClassicNetwork/virtualNetworks', 'vnet1')]",
                    "subnetNames": ["web"],
                }
            },
            "extensions": [
                {
                    "extension": "CustomScriptExtension",
                    "publisher": "Microsoft.Compute",
                    "version": "1.*",
                    "referenceName": "CustomScriptExtension",
                    "state": "Enable",
                }
            ],
        },
    }
    template = json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [vm]}, indent=2)
    netcfg = textwrap.dedent(NETCFG_EXPRESSROUTE_DNS)
    files = {"azuredeploy.json": template, "network.netcfg": netcfg}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG210", dedent=False).findings
    assert finding.message.startswith(
        f"VM 'web01' has the extension CustomScriptExtension 1.* (Microsoft.Compute) {CUT_OFF}"
    )
    assert finding.location is not None and finding.location.path == "azuredeploy.json"
    assert finding.location.line == _line(template, '"CustomScriptExtension"')


CLASSIC_VNET = (
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet1"
)
REMOTEAPP = "RemoteApp collection 'shop-apps' is created in classic virtual network 'vnet1'"


def test_a_bicep_remoteapp_collection_in_a_classic_network_is_mig318(tmp_path, monkeypatch):
    bicep = f"""\
    resource apps 'Microsoft.RemoteApp/collections@2014-09-01' = {{
      name: 'shop-apps'
      location: 'westeurope'
      properties: {{
        vnetId: '{CLASSIC_VNET}'
      }}
    }}
    """
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": bicep}, "MIG318").findings
    assert finding.message.startswith(REMOTEAPP)
    assert where([finding]) == ["MIG318 main.bicep:5:13"]  # at the id


def test_a_template_remoteapp_collection_in_a_classic_network_is_mig318(tmp_path, monkeypatch):
    collection = {
        "type": "Microsoft.RemoteApp/collections",
        "apiVersion": "2014-09-01",
        "name": "shop-apps",
        "location": "westeurope",
        "properties": {"vnetId": CLASSIC_VNET},
    }
    template = json.dumps(
        {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [collection]}, indent=2
    )
    files = {"azuredeploy.json": template}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG318", dedent=False).findings
    assert finding.message.startswith(REMOTEAPP)
    assert finding.location is not None and finding.location.line == _line(template, '"vnetId"')
