"""MIG602: a storage account prepared between the Prepare of a cloud service whose VMs keep disks in it
and that service's Commit comes before those VMs are migrated; a migration step PowerShell refuses as
written (a parameter the cmdlet does not have, Move-AzureService's Validate or Prepare without a network
option) fails at once."""

from __future__ import annotations

from lint_support import lint_files, where

CREATE = """\
New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" -MediaLocation "https://acct1.blob.core.windows.net/vhds/vm1.vhd" |
    Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p |
    New-AzureVM -ServiceName "svc1" -Location "West US"
"""

SERVICE_FIRST = """\
Move-AzureService -Validate -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork
Move-AzureStorageAccount -Validate -StorageAccountName "acct1"
Move-AzureStorageAccount -Prepare -StorageAccountName "acct1"
Move-AzureService -Commit -ServiceName "svc1" -DeploymentName "svc1"
Move-AzureStorageAccount -Commit -StorageAccountName "acct1"
"""


def _findings(tmp_path, monkeypatch, files):
    return lint_files(tmp_path, monkeypatch, files, "MIG602").findings


def test_an_account_prepared_before_the_commit_of_the_service_whose_disks_it_holds(tmp_path, monkeypatch):
    found = _findings(tmp_path, monkeypatch, {"create.ps1": CREATE, "migrate.ps1": SERVICE_FIRST})
    assert where(found) == ["MIG602 migrate.ps1:4:1"]
    assert found[0].severity.name == "ERROR"
    assert (
        "comes before the Commit of cloud service 'svc1': storage account 'acct1' holds disks"
        in found[0].message
    )


def test_an_account_prepared_after_the_commit_is_in_order(tmp_path, monkeypatch):
    in_order = SERVICE_FIRST.splitlines()
    in_order = [*in_order[:2], in_order[4], in_order[2], in_order[3], in_order[5]]
    files = {"create.ps1": CREATE, "migrate.ps1": "\n".join(in_order) + "\n"}
    assert where(_findings(tmp_path, monkeypatch, files)) == []


def test_an_account_whose_disks_the_files_do_not_place_is_not_reported_before_a_commit(tmp_path, monkeypatch):
    assert where(_findings(tmp_path, monkeypatch, {"migrate.ps1": SERVICE_FIRST})) == []


def test_an_account_prepared_on_the_other_branch_from_the_commit(tmp_path, monkeypatch):
    script = """\
param([switch]$Finish)
Move-AzureService -Validate -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork
if ($Finish) {
    Move-AzureService -Commit -ServiceName "svc1" -DeploymentName "svc1"
} else {
    Move-AzureStorageAccount -Validate -StorageAccountName "acct1"
    Move-AzureStorageAccount -Prepare -StorageAccountName "acct1"
}
"""
    assert where(_findings(tmp_path, monkeypatch, {"create.ps1": CREATE, "migrate.ps1": script})) == []


def test_a_prepare_without_a_network_option_fails_at_once(tmp_path, monkeypatch):
    script = """\
Move-AzureService -Validate -ServiceName "svc2" -DeploymentName "svc2"
Move-AzureService -Prepare -ServiceName "svc2" -DeploymentName "svc2" -UseExistingVirtualNetwork -VirtualNetworkResourceGroupName g -VirtualNetworkName n -SubnetName s
Move-AzureService -Commit -ServiceName "svc2" -DeploymentName "svc2"
"""
    found = _findings(tmp_path, monkeypatch, {"migrate.ps1": script})
    assert where(found) == ["MIG602 migrate.ps1:1:1"]
    assert (
        "Validate fails at once: its Validate is given neither -CreateNewVirtualNetwork nor"
        in found[0].message
    )
    assert "-UseExistingVirtualNetwork with -VirtualNetworkResourceGroupName" in found[0].fix


def test_a_parameter_the_cmdlet_does_not_have_fails_at_once(tmp_path, monkeypatch):
    script = """\
Move-AzureService -Validate -ServiceName "svc2" -DeploymentName "svc2" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "svc2" -DeploymentName "svc2" -DestinationVNetName "net"
Move-AzureStorageAccount -Validate -StorageAccountName "acct2" -ErrorAction Stop -Verbose
"""
    found = _findings(tmp_path, monkeypatch, {"migrate.ps1": script})
    assert where(found) == ["MIG602 migrate.ps1:2:1"]
    assert "Move-AzureService has no parameter -DestinationVNetName" in found[0].message


def test_a_step_splatted_from_a_table_the_reader_cannot_see_is_not_reported(tmp_path, monkeypatch):
    script = """\
Move-AzureService -Validate @options -ServiceName "svc2" -DeploymentName "svc2"
"""
    assert where(_findings(tmp_path, monkeypatch, {"migrate.ps1": script})) == []
