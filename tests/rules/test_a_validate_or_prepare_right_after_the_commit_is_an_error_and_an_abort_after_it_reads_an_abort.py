"""MIG602 of a Validate or Prepare written right after the Commit of its resource: only an Abort and a Commit
are the two ways out of one Prepare, which a walkthrough may keep one after the other (a warning); a Validate
or Prepare after the Commit is no alternative to it and fails whenever the script runs, as an error. An Abort
after the Commit is named with its article ("refuses an Abort")."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

from migcheck.model import Severity


def runbook(*steps: str) -> str:
    return "".join(f"Move-AzureVirtualNetwork -{step} -VirtualNetworkName 'app-vnet'\n" for step in steps)


def classic_cli(*steps: str) -> str:
    return "azure config mode asm\n" + "".join(
        f"azure network vnet {step.lower()}-migration app-vnet\n" for step in steps
    )


def findings(tmp_path, monkeypatch, name: str, text: str):
    files = {name: text, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    return lint_files(tmp_path, monkeypatch, files, "MIG602").findings


@pytest.mark.parametrize("again", ["Validate", "Prepare"])
def test_a_step_right_after_the_commit_in_powershell_is_an_error(tmp_path, monkeypatch, again):
    [finding] = findings(
        tmp_path, monkeypatch, "runbook.ps1", runbook("Validate", "Prepare", "Commit", again)
    )
    assert where([finding]) == ["MIG602 runbook.ps1:4:1"]
    assert finding.severity is Severity.ERROR
    assert f"{again} comes after Move-AzureVirtualNetwork -Commit at line 3" in finding.message
    assert "alternatives to run by hand" not in finding.message


@pytest.mark.parametrize("again", ["Validate", "Prepare"])
def test_a_step_right_after_the_commit_in_the_classic_cli_is_an_error(tmp_path, monkeypatch, again):
    [finding] = findings(
        tmp_path, monkeypatch, "runbook.sh", classic_cli("Validate", "Prepare", "Commit", again)
    )
    assert where([finding]) == ["MIG602 runbook.sh:5:1"]
    assert finding.severity is Severity.ERROR


def test_an_abort_right_after_the_commit_stays_a_warning_that_reads_an_abort(tmp_path, monkeypatch):
    [finding] = findings(
        tmp_path, monkeypatch, "runbook.ps1", runbook("Validate", "Prepare", "Commit", "Abort")
    )
    assert where([finding]) == ["MIG602 runbook.ps1:4:1"]
    assert finding.severity is Severity.WARNING
    assert "the platform refuses an Abort of it" in finding.message
    assert "alternatives to run by hand" in finding.message
