"""An internal load balancer that a Get-AzureDeployment export (`LoadBalancers`) and a
Get-AzureInternalLoadBalancer export both describe was two load balancers of the deployment: a subnet the
network lacks was MIG003 twice, once at each export, and the plan's note said "and 1 more like it". A
deployment has one load balancer of each name, so the exports describe one: told once, where it is first
given with its subnet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where


def _deployment(subnet: str | None) -> str:
    balancer: dict[str, object] = {"Name": "shop-ilb"}
    if subnet is not None:
        balancer["FrontEndIpConfiguration"] = {"SubnetName": subnet, "Type": "Private"}
    context = {
        "Slot": "Production",
        "Name": "shop-prod",
        "DeploymentName": "shop-prod",
        "RoleInstanceList": [{"RoleName": "app01", "InstanceName": "app01", "InstanceStatus": "ReadyRole"}],
        "VNetName": "app-vnet",
        "LoadBalancers": [balancer],
        "ServiceName": "shop",
    }
    return json.dumps(context, indent=4)


def _internal_load_balancer(subnet: str) -> str:
    context = {
        "InternalLoadBalancerName": "shop-ilb",
        "ServiceName": "shop",
        "DeploymentName": "shop-prod",
        "SubnetName": subnet,
        "IPAddress": "10.20.1.9",
    }
    return json.dumps(context, indent=4)


def _line(text: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if '"SubnetName"' in row)


def _found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deployment: str, balancer: str) -> list[str]:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "deployment.json": deployment, "ilb.json": balancer}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)


def test_a_subnet_the_network_lacks_is_told_once_at_the_first_export(tmp_path, monkeypatch):
    deployment = _deployment("data")
    found = _found(tmp_path, monkeypatch, deployment, _internal_load_balancer("data"))
    assert found == [f"MIG003 deployment.json:{_line(deployment)}:31"]


def test_it_is_told_where_its_subnet_is_first_given(tmp_path, monkeypatch):
    balancer = _internal_load_balancer("data")
    found = _found(tmp_path, monkeypatch, _deployment(None), balancer)
    assert found == [f"MIG003 ilb.json:{_line(balancer)}:19"]
