"""MIG003: a `Get-AzureInternalLoadBalancer | ConvertTo-Json` export names the subnet of a deployment's
internal load balancer, and the network that subnet must be in is the deployment's: the one a Get-AzureVM
export or a Resource Graph row of its VMs places it in, as much as the one a Get-AzureDeployment export
names. The balancer's subnet used to be dropped when the VMs' export described the deployment, so a subnet
the network lacks went unreported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import graph_vm, lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
GET_AZURE_VM = json.dumps(
    [
        {
            "ServiceName": "app",
            "DeploymentName": "app",
            "Name": "app01",
            "InstanceStatus": "ReadyRole",
            "VirtualNetworkName": "prod-vnet",
            "VM": {
                "RoleName": "app01",
                "RoleType": "PersistentVMRole",
                "ConfigurationSets": [
                    {
                        "ConfigurationSetType": "NetworkConfiguration",
                        "SubnetNames": ["web"],
                        "InputEndpoints": [],
                    }
                ],
            },
            "OperationDescription": "Get-AzureVM",
        }
    ],
    indent=2,
)
GRAPH = json.dumps({"data": [graph_vm("sub1", "app", "app01")]}, indent=2)


def _balancer(subnet: str) -> str:
    return (
        '[\n  {"InternalLoadBalancerName": "ilb", "ServiceName": "app", "DeploymentName": "app", '
        f'"SubnetName": "{subnet}", "IPAddress": "10.1.1.100", '
        '"OperationDescription": "Get-AzureInternalLoadBalancer"}\n]\n'
    )


@pytest.mark.parametrize("vms", [GET_AZURE_VM, GRAPH], ids=["get-azurevm", "resource-graph"])
@pytest.mark.parametrize("balancers", ["ilb.json", "zz-ilb.json"], ids=["first", "last"])
def test_a_subnet_the_network_lacks_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vms: str, balancers: str
) -> None:
    files = {"NetworkConfig.netcfg": NETCFG, "vms.json": vms, balancers: _balancer("Nope")}
    found = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings
    assert where(found) == [f"MIG003 {balancers}:2:100"]
    assert "internal load balancer 'ilb' is in subnet 'Nope', which is not a subnet of virtual network" in (
        found[0].message
    )


@pytest.mark.parametrize("vms", [GET_AZURE_VM, GRAPH], ids=["get-azurevm", "resource-graph"])
def test_a_subnet_of_the_network_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vms: str) -> None:
    files = {"NetworkConfig.netcfg": NETCFG, "vms.json": vms, "ilb.json": _balancer("web")}
    assert lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings == []
