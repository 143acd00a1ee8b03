"""MIG602 of a Validate or Prepare of a resource the script's own Prepare left prepared, with no Commit or
Abort of it between: the resource is locked in the Prepared state ("is in the process of being migrated
and hence cannot be changed", the migration errors page), so the platform refuses it. A virtual network's
or storage account's Prepare takes no option, so a second one right after the first is that Prepare again:
an error. Only a cloud service's, written right after its Prepare (at most Validates of it between), reads
as the second of two alternatives of a walkthrough run a line at a time (`-CreateNewVirtualNetwork`, then
`-UseExistingVirtualNetwork`): a warning, as the other way out written as the very next step is. In
PowerShell (cmdlets and requests of its own), Python (requests, the legacy SDK's perform_post) and the
classic CLI."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where
from test_a_commit_or_abort_after_the_migration_ended_is_out_of_order import (
    WRITERS,
    at_step,
    check,
    lines,
    network,
    storage,
)

from migcheck.model import Severity


@pytest.mark.parametrize("writer", WRITERS)
def test_a_network_s_prepare_right_after_its_prepare_is_an_error(tmp_path, monkeypatch, writer):
    findings = check(tmp_path, monkeypatch, writer, network("validate", "prepare", "prepare", "commit"))
    assert lines(findings) == [at_step(writer, 3)]
    assert findings[0].severity is Severity.ERROR
    assert "refuses a Prepare of a resource" in findings[0].message
    assert "Prepared state" in findings[0].message
    assert "alternatives to run by hand" not in findings[0].message


@pytest.mark.parametrize("writer", WRITERS)
def test_a_storage_account_s_prepare_right_after_its_prepare_is_an_error(tmp_path, monkeypatch, writer):
    findings = check(
        tmp_path, monkeypatch, writer, storage(writer, "validate", "prepare", "prepare", "commit")
    )
    assert [f.severity for f in findings if "Prepared state" in f.message] == [Severity.ERROR]


@pytest.mark.parametrize("writer", WRITERS)
def test_a_network_s_validate_and_prepare_after_its_prepare_are_errors(tmp_path, monkeypatch, writer):
    steps = network("validate", "prepare", "validate", "prepare", "commit")
    findings = check(tmp_path, monkeypatch, writer, steps)
    assert lines(findings) == [at_step(writer, 3), at_step(writer, 4)]
    assert [f.severity for f in findings] == [Severity.ERROR, Severity.ERROR]
    assert "refuses a Validate of a resource" in findings[0].message


def test_a_cloud_service_s_second_prepare_right_after_its_first_is_a_warning(tmp_path, monkeypatch):
    script = """\
        Move-AzureService -Validate -ServiceName svc1 -DeploymentName d1 -CreateNewVirtualNetwork
        Move-AzureService -Prepare -ServiceName svc1 -DeploymentName d1 -CreateNewVirtualNetwork
        Move-AzureService -Prepare -ServiceName svc1 -DeploymentName d1 -UseExistingVirtualNetwork `
            -VirtualNetworkResourceGroupName rg -VirtualNetworkName vn -SubnetName sn
        Move-AzureService -Commit -ServiceName svc1 -DeploymentName d1
        """
    findings = lint_files(tmp_path, monkeypatch, {"runbook.ps1": script}, "MIG602").findings
    assert where(findings) == ["MIG602 runbook.ps1:3:1"]
    assert findings[0].severity is Severity.WARNING
    assert "alternatives to run by hand" in findings[0].message


@pytest.mark.parametrize("writer", WRITERS)
def test_a_prepare_after_other_work_since_the_first_is_an_error(tmp_path, monkeypatch, writer):
    other = ("virtual-network", "other-vnet", "validate")
    steps = [*network("validate", "prepare"), other, *network("prepare", "commit")]
    findings = [f for f in check(tmp_path, monkeypatch, writer, steps) if "Prepared state" in f.message]
    assert lines(findings) == [at_step(writer, 4)]
    assert findings[0].severity is Severity.ERROR


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("end", ["commit", "abort"])
def test_a_prepare_after_the_end_of_the_first_is_not_this_finding(tmp_path, monkeypatch, writer, end):
    steps = network("validate", "prepare", end, "validate", "prepare", "commit")
    findings = check(tmp_path, monkeypatch, writer, steps)
    assert not [f for f in findings if "Prepared state" in f.message]


def test_two_prepares_on_the_two_branches_of_a_choice_are_in_order(tmp_path, monkeypatch):
    script = """\
        param([switch]$NewNetwork)
        Move-AzureService -Validate -ServiceName svc1 -DeploymentName d1 -CreateNewVirtualNetwork
        if ($NewNetwork) {
            Move-AzureService -Prepare -ServiceName svc1 -DeploymentName d1 -CreateNewVirtualNetwork
        } else {
            Move-AzureService -Prepare -ServiceName svc1 -DeploymentName d1 -UseExistingVirtualNetwork `
                -VirtualNetworkResourceGroupName rg -VirtualNetworkName vn -SubnetName sn
        }
        Move-AzureService -Commit -ServiceName svc1 -DeploymentName d1
        """
    assert lint_files(tmp_path, monkeypatch, {"runbook.ps1": script}, "MIG602").findings == []
