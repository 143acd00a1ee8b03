"""MIG210 and MIG207 name the network a VM's extensions lose their way through as the plan does: hedged
where no file states the VM's network and it was inferred from the subnet its VM names."""

from __future__ import annotations

from tests.lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-and-office">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>198.51.100.20</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="prod-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="front"><AddressPrefix>10.2.1.0/24</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="hub-and-office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# `Get-AzureVM | ConvertTo-Json`: the VM names its subnet, not its network.
EXPORT = """\
{
 "ServiceName": "app",
 "Name": "app01",
 "DeploymentName": "app",
 "InstanceStatus": "ReadyRole",
 "PowerState": "Started",
 "GuestAgentStatus": {
  "Status": "Ready"
 },
 "VM": {
  "RoleName": "app01",
  "ConfigurationSets": [
   {
    "ConfigurationSetType": "NetworkConfiguration",
    "SubnetNames": [
     "front"
    ]
   }
  ],
  "ResourceExtensionReferences": [
   {
    "ReferenceName": "cse",
    "Publisher": "Microsoft.Compute",
    "Name": "CustomScriptExtension",
    "Version": "1.*",
    "State": "Enable"
   }
  ]
 },
 "ResourceExtensionStatusList": [
  {
   "HandlerName": "Microsoft.Compute.CustomScriptExtension",
   "Status": "Ready"
  }
 ]
}
"""


def test_a_network_inferred_from_the_vm_s_subnet_is_said_to_be(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "vms.json": EXPORT}
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG210").findings
    assert (
        "its virtual network 'prod-vnet' (as inferred from its subnet 'front') has a VPN gateway"
        in found.message
    )


def test_a_network_a_file_states_is_named_plainly(tmp_path, monkeypatch):
    stated = EXPORT.replace(
        '"DeploymentName": "app",', '"DeploymentName": "app",\n "VirtualNetworkName": "prod-vnet",'
    )
    files = {"NetworkConfig.netcfg": NETCFG, "vms.json": stated}
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG210").findings
    assert "its virtual network 'prod-vnet' has a VPN gateway" in found.message
