"""MIG602 of a Validate of a virtual network written right after its own Prepare: Validate is the first step,
run on a resource not yet in a migration, and the Prepare left the network locked in the Prepared state, so
the platform refuses it. Move-AzureVirtualNetwork's Validate takes no network option
(`-CreateNewVirtualNetwork`, `-UseExistingVirtualNetwork`), so it cannot begin a second alternative of a
walkthrough: an error, where a cloud service's Validate there stays a warning."""

from __future__ import annotations

from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

from migcheck.model import Severity

NETWORK_PREPARED_THEN_VALIDATED = """\
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName app-vnet
Move-AzureVirtualNetwork -Validate -VirtualNetworkName app-vnet
"""

SERVICE_PREPARED_THEN_VALIDATED = """\
Move-AzureService -Validate -ServiceName svc1 -DeploymentName d1 -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName svc1 -DeploymentName d1 -CreateNewVirtualNetwork
Move-AzureService -Validate -ServiceName svc1 -DeploymentName d1 -UseExistingVirtualNetwork `
    -VirtualNetworkResourceGroupName rg -VirtualNetworkName vn -SubnetName sn
"""


def _mig602(tmp_path, monkeypatch, script: str):
    files = {"runbook.ps1": script, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    return lint_files(tmp_path, monkeypatch, files, "MIG602").findings


def test_a_network_s_validate_right_after_its_prepare_is_an_error(tmp_path, monkeypatch):
    findings = _mig602(tmp_path, monkeypatch, NETWORK_PREPARED_THEN_VALIDATED)
    assert where(findings) == ["MIG602 runbook.ps1:1:1", "MIG602 runbook.ps1:2:1"]
    prepare, validate = findings
    assert prepare.severity is Severity.WARNING
    assert "validates it only after the Prepare" in prepare.message
    assert validate.severity is Severity.ERROR
    assert validate.message == (
        "runbook.ps1: Move-AzureVirtualNetwork -Validate comes after Move-AzureVirtualNetwork -Prepare at line 1,"
        " with no Commit or Abort of virtual network 'app-vnet' between: the Prepare left it prepared, locked"
        " until it is committed or aborted, and the platform refuses a Validate of a resource in the Prepared"
        " state"
    )


def test_a_cloud_service_s_validate_right_after_its_prepare_is_a_warning(tmp_path, monkeypatch):
    [finding] = _mig602(tmp_path, monkeypatch, SERVICE_PREPARED_THEN_VALIDATED)
    assert where([finding]) == ["MIG602 runbook.ps1:3:1"]
    assert finding.severity is Severity.WARNING
    assert "Move-AzureService -Validate comes after Move-AzureService -Prepare at line 2" in finding.message
    assert "alternatives to run by hand" in finding.message
