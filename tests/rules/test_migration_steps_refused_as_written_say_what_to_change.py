"""MIG602's help for a migration step PowerShell refuses as written says what to change in that step:
remove the parameter its cmdlet does not have, write in full a name that starts several, or add the
network option Move-AzureService's Validate and Prepare lack. MIG105 says a VM a script stops after
creating it by the state the script leaves it in."""

from __future__ import annotations

from lint_support import lint_files, where


def _findings(tmp_path, monkeypatch, script, code="MIG602"):
    return lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, code).findings


def test_a_parameter_the_cmdlet_does_not_have_is_to_be_removed(tmp_path, monkeypatch):
    script = "Move-AzureVirtualNetwork -Validate -VirtualNetworkName vnet1 -DestinationVNetName foo\n"
    found = _findings(tmp_path, monkeypatch, script)
    assert where(found) == ["MIG602 migrate.ps1:1:1"]
    assert found[0].fix.startswith(
        "Remove -DestinationVNetName from this Validate: Move-AzureVirtualNetwork has no such parameter, "
        "and names what it migrates with -VirtualNetworkName alone."
    )
    assert "CreateNewVirtualNetwork" not in found[0].fix


def test_a_step_without_a_network_option_is_told_which_to_add(tmp_path, monkeypatch):
    script = "Move-AzureService -Prepare -ServiceName svc1 -DeploymentName dep1\n"
    found = _findings(tmp_path, monkeypatch, script)
    assert where(found) == ["MIG602 migrate.ps1:1:1"]
    assert found[0].fix.startswith("Add -CreateNewVirtualNetwork to this Prepare")
    assert "-UseExistingVirtualNetwork with -VirtualNetworkResourceGroupName" in found[0].fix
    assert "only parameters its cmdlet has" not in found[0].fix


def test_a_name_that_starts_several_parameters_is_to_be_written_in_full(tmp_path, monkeypatch):
    script = "Move-AzureService -Validate -S svc1 -DeploymentName dep1 -CreateNewVirtualNetwork\n"
    found = _findings(tmp_path, monkeypatch, script)
    assert where(found) == ["MIG602 migrate.ps1:1:1"]
    assert "-S is the start of more than one parameter of Move-AzureService" in found[0].message
    assert found[0].fix.startswith("Write -S in full in this Validate")


def test_the_documented_parameters_of_each_migration_cmdlet_are_accepted(tmp_path, monkeypatch):
    script = """\
Move-AzureService -Validate -ServiceName s -DeploymentName d -UseExistingVirtualNetwork -VirtualNetworkResourceGroupName g -VirtualNetworkName n -SubnetName sn -Profile $p -InformationAction Continue -iv info
Move-AzureVirtualNetwork -Validate -VirtualNetworkName n -Profile $p -WhatIf:$false -Confirm:$false
Move-AzureStorageAccount -Validate -StorageAccountName a -infa Continue
Move-AzureReservedIP -Validate -ReservedIPName r -Profile $p
Move-AzureNetworkSecurityGroup -Validate -NetworkSecurityGroupName g -Profile $p
Move-AzureRouteTable -Validate -RouteTableName t -Profile $p
"""
    assert where(_findings(tmp_path, monkeypatch, script)) == []


def test_mig105_says_a_vm_the_script_stops_by_the_state_it_leaves_it_in(tmp_path, monkeypatch):
    script = """\
New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p | New-AzureVM -ServiceName svc1 -Location "West US"
Stop-AzureVM -ServiceName svc1 -Name vm1 -StayProvisioned
"""
    found = _findings(tmp_path, monkeypatch, script, "MIG105")
    assert len(found) == 1
    assert "deallocates 'vm1', stopped, without starting it" in found[0].message
