"""The deletion of a cloud service's last VM between the Prepare and the Commit of the virtual network the
service is in is refused as any change to the service is (MIG602): the network is the one the service was in
before scripts deleted anything, though nothing of the service is left once its last VM is gone."""

from __future__ import annotations

import re

import pytest
from lint_support import lint_files, where
from test_migration_out_of_order_sees_a_change_to_a_vm_named_without_its_service import DEPLOYMENT, NETCFG

CLI = (
    "azure network vnet validate-migration app-vnet\n"
    "azure network vnet prepare-migration app-vnet\n"
    "{change}\n"
    "azure network vnet commit-migration app-vnet\n"
)
PS = (
    'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "app-vnet"\n'
    'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "app-vnet"\n'
    "{change}\n"
    'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "app-vnet"\n'
)
CHANGES = [
    ("migrate.sh", CLI, "azure vm delete -d jump-svc jump01 -q"),
    ("migrate.sh", CLI, "azure vm extension set -d jump-svc jump01 BGInfo Microsoft.Compute 1.1"),
    ("migrate.ps1", PS, "Remove-AzureVM -ServiceName jump-svc -Name jump01"),
    ("migrate.ps1", PS, "Remove-AzureService -ServiceName jump-svc -Force"),
]
# The deployment with no network stated: its VM's subnet, which only app-vnet defines, says it is in it.
UNSTATED = DEPLOYMENT.replace("<VirtualNetworkName>app-vnet</VirtualNetworkName>", "")


def _lint(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings


@pytest.mark.parametrize("deployment", [DEPLOYMENT, UNSTATED], ids=["stated", "of-its-subnets"])
@pytest.mark.parametrize(("name", "runbook", "change"), CHANGES)
def test_a_change_to_the_service_during_its_networks_prepare(
    tmp_path, monkeypatch, deployment, name, runbook, change
) -> None:
    files = {"jump-svc.xml": deployment, "NetworkConfig.netcfg": NETCFG, name: runbook.format(change=change)}
    found = _lint(tmp_path, monkeypatch, files)
    assert where(found) == [f"MIG602 {name}:3:1"]
    said = r"(changes|deletes a VM of|deletes) cloud service 'jump-svc', in virtual network 'app-vnet',"
    assert re.search(said, found[0].message)


def test_a_service_another_script_empties_is_still_in_its_network(tmp_path, monkeypatch) -> None:
    teardown = "Remove-AzureVM -ServiceName jump-svc -Name jump01\n"
    change = "azure vm extension set -d jump-svc jump01 BGInfo Microsoft.Compute 1.1"
    files = {
        "jump-svc.xml": DEPLOYMENT,
        "NetworkConfig.netcfg": NETCFG,
        "teardown.ps1": teardown,
        "migrate.sh": CLI.format(change=change),
    }
    assert where(_lint(tmp_path, monkeypatch, files)) == ["MIG602 migrate.sh:3:1"]


def test_a_deletion_after_the_commit_is_said_to_fail_as_the_service_is_no_longer_classic(
    tmp_path, monkeypatch
) -> None:
    after = CLI.format(change="").replace("\n\n", "\n") + "azure vm delete -d jump-svc jump01 -q\n"
    files = {"jump-svc.xml": DEPLOYMENT, "NetworkConfig.netcfg": NETCFG, "migrate.sh": after}
    found = _lint(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG602 migrate.sh:4:1"]
    assert "the Commit completed the migration of virtual network 'app-vnet'" in found[0].message
