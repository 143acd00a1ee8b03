"""MIG210 and MIG207 name the network a VM's extensions lose their way through as the plan does: hedged
where no file states the VM's network and it was inferred from the subnet its VM names."""

from __future__ import annotations

from tests.lint_support import lint_files
from tests.rules.test_extensions_cut_off_from_dns_by_their_network import TRANSIT as NETCFG

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
     "FrontEnd"
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
        "its virtual network 'vnet1' (as inferred from its subnet 'FrontEnd') has a VPN gateway"
        in found.message
    )


def test_a_network_a_file_states_is_named_plainly(tmp_path, monkeypatch):
    stated = EXPORT.replace(
        '"DeploymentName": "app",', '"DeploymentName": "app",\n "VirtualNetworkName": "vnet1",'
    )
    files = {"NetworkConfig.netcfg": NETCFG, "vms.json": stated}
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG210").findings
    assert "its virtual network 'vnet1' has a VPN gateway" in found.message
