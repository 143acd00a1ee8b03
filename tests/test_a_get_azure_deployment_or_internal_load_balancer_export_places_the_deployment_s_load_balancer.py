"""`Get-AzureDeployment | ConvertTo-Json` (a `DeploymentInfoContext`) and `Get-AzureInternalLoadBalancer |
ConvertTo-Json` (an `InternalLoadBalancerContext`) are read as the cloud service's deployment: its slot, its
virtual network, its reserved IP and its internal load balancers, each in its subnet. An internal load
balancer in a subnet the deployment's network does not have is MIG003, at the subnet's name in the export.
Both used to be passed over (the first as a classic export not read, MIG001)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

from migcheck.model import Deployment


def _deployment(subnet: str) -> str:
    """Get-AzureDeployment of deployment `shop-prod` of cloud service `shop`, in `app-vnet`, whose internal
    load balancer's frontend is in `subnet`."""
    context = {
        "Slot": "Production",
        "Name": "shop-prod",
        "DeploymentName": "shop-prod",
        "Status": "Running",
        "RoleInstanceList": [{"RoleName": "app01", "InstanceName": "app01", "InstanceStatus": "ReadyRole"}],
        "DeploymentId": "9f0c2a7b3e5d4c1a8b6e2f4d0a9c7e5b",
        "VNetName": "app-vnet",
        "ReservedIPName": "shop-ip",
        "Locked": False,
        "LoadBalancers": [
            {"Name": "shop-ilb", "FrontEndIpConfiguration": {"SubnetName": subnet, "Type": "Private"}}
        ],
        "ServiceName": "shop",
        "OperationDescription": "Get-AzureDeployment",
        "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
        "OperationStatus": "Succeeded",
    }
    return json.dumps(context, indent=4)


def _internal_load_balancer(subnet: str) -> str:
    context = {
        "InternalLoadBalancerName": "shop-ilb",
        "ServiceName": "shop",
        "DeploymentName": "shop-prod",
        "SubnetName": subnet,
        "IPAddress": "10.20.1.9",
        "OperationDescription": "Get-AzureInternalLoadBalancer",
        "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
        "OperationStatus": "Succeeded",
    }
    return json.dumps(context, indent=4)


def test_a_deployment_export_is_the_deployment_in_its_slot_network_and_reserved_ip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deployment.json": _deployment("web")}, dedent=False)
    [deployment] = [r for d in result.documents for r in d.resources if isinstance(r, Deployment)]
    assert (deployment.service_name, deployment.name, deployment.slot) == ("shop", "shop-prod", "Production")
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "app-vnet"
    assert deployment.reserved_ip is not None and deployment.reserved_ip.name == "shop-ip"
    assert [(i.role, i.status) for i in deployment.instances] == [("app01", "ReadyRole")]
    [balancer] = deployment.internal_load_balancers
    assert balancer.subnet is not None and balancer.subnet.name == "web"
    assert not [f for f in result.findings if f.code == "MIG001"]


@pytest.mark.parametrize(
    ("name", "export"), [("deployment.json", _deployment), ("ilb.json", _internal_load_balancer)]
)
def test_an_internal_load_balancer_in_a_subnet_the_network_lacks_is_mig003_at_the_subnet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, export
) -> None:
    text = export("data")
    [(line, column)] = [
        (n, row.index('"data"') + 1)
        for n, row in enumerate(text.splitlines(), 1)
        if '"SubnetName": "data"' in row
    ]
    at = f"{line}:{column}"
    files = {"net.netcfg": APP_VNET_NETCFG, name: text}
    if name == "ilb.json":  # the network is the deployment's, which another export says
        files["deployment.json"] = _deployment("web").replace('"LoadBalancers"', '"Other"')
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert where(result.findings) == [f"MIG003 {name}:{at}"]
    [finding] = result.findings
    assert "internal load balancer 'shop-ilb' is in subnet 'data'" in finding.message


@pytest.mark.parametrize("export", [_deployment, _internal_load_balancer])
def test_an_internal_load_balancer_in_a_subnet_of_the_network_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export
) -> None:
    files = {"net.netcfg": APP_VNET_NETCFG, "ilb.json": export("web"), "deployment.json": _deployment("web")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert result.findings == []
    # It passes because its subnet is read and found in the network, not because nothing was read.
    [balancer] = {
        (b.name, b.subnet.name if b.subnet else "")
        for d in result.documents
        if d.path.endswith("ilb.json")
        for r in d.resources
        if isinstance(r, Deployment)
        for b in r.internal_load_balancers
    }
    assert balancer == ("shop-ilb", "web")
