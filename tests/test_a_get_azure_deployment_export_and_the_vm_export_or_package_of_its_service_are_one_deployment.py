"""The common inventory exports both Get-AzureDeployment and Get-AzureVM: the deployment's roles, listed by
their instances without their kind, are the VMs the VM export describes, in one deployment whose `Locked`
the VMs then hold. A .csdef or .cscfg of the service beside a deployment export tells its roles' kind too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files

from migcheck.report.readiness import Verdict, readiness


def _deployment(locked: bool) -> str:
    context = {
        "ServiceName": "shop",
        "DeploymentName": "shop-prod",
        "Slot": "Production",
        "Status": "Running",
        "Locked": locked,
        "VNetName": "app-vnet",
        "RoleInstanceList": [{"RoleName": "app01", "InstanceName": "app01", "InstanceStatus": "ReadyRole"}],
    }
    return json.dumps([context], indent=2)


def _vm(deployment: str = "shop-prod") -> str:
    network = {"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": ["web"]}
    vm = {
        "ServiceName": "shop",
        "DeploymentName": deployment,
        "Name": "app01",
        "InstanceStatus": "ReadyRole",
        "VirtualNetworkName": "app-vnet",
        "VM": {"RoleName": "app01", "RoleType": "PersistentVMRole", "ConfigurationSets": [network]},
    }
    return json.dumps([vm], indent=2)


def _rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> dict[str, object]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return {i.name: i for sub in readiness(result) for s in sub.scopes for i in s.items}


def _with_vm_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: bool, vm: str) -> object:
    files = {"deployments.json": _deployment(locked), "vm.json": vm, "net.netcfg": APP_VNET_NETCFG}
    rows = _rows(tmp_path, monkeypatch, files)
    # The deployment export says nothing of the VM's disks: the storage account of its OS disk, which the
    # VM export does not state either, stays to fill in.
    assert [n for n in rows if n.startswith("<storage account of the disks of VM app01")]
    return rows["app-vnet"]


@pytest.mark.parametrize("deployment", ["shop-prod", ""], ids=["named", "not named by the VM export"])
def test_a_deployment_export_beside_the_vm_export_is_judged_as_the_vm_export_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deployment: str
) -> None:
    alone = _rows(
        tmp_path / "alone", monkeypatch, {"vm.json": _vm(deployment), "net.netcfg": APP_VNET_NETCFG}
    )
    both = _with_vm_export(tmp_path / "both", monkeypatch, False, _vm(deployment))
    assert both.migrates["cloud_services"] == alone["app-vnet"].migrates["cloud_services"]  # type: ignore[attr-defined]
    assert both.migrates["cloud_services"][0]["vms"] == ["app01"]  # type: ignore[attr-defined]
    assert "roles_of_unsaid_kind" not in both.migrates["cloud_services"][0]  # type: ignore[attr-defined]
    assert both.verdict is alone["app-vnet"].verdict  # type: ignore[attr-defined]


def test_a_locked_deployment_export_says_its_vm_may_be_prepared_already(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = _with_vm_export(tmp_path, monkeypatch, True, _vm())
    assert row.migrates["cloud_services"] == [{"name": "shop", "vms": ["app01"], "roles": []}]  # type: ignore[attr-defined]
    assert row.verdict is Verdict.PASSED  # type: ignore[attr-defined]
    assert row.migrates["migration_state"] == "deploymentLocked"  # type: ignore[attr-defined]


SHOP_CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="app01" vmsize="Small" />
</ServiceDefinition>
"""

SHOP_CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="app01"><Instances count="2" /></Role>
</ServiceConfiguration>
"""


@pytest.mark.parametrize("package", ["ServiceDefinition.csdef", "ServiceConfiguration.Cloud.cscfg"])
def test_the_service_s_package_beside_a_deployment_export_tells_its_role_is_a_web_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, package: str
) -> None:
    text = SHOP_CSDEF if package.endswith(".csdef") else SHOP_CSCFG
    files = {"deployments.json": _deployment(False), package: text}
    network = _rows(tmp_path, monkeypatch, files)["app-vnet"]
    assert network.migrates["cloud_services"] == [{"name": "shop", "vms": [], "roles": ["app01"]}]  # type: ignore[attr-defined]
