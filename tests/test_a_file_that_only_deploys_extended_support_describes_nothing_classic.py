"""A script or template whose only reading is that it deploys Cloud Services (extended support) describes a
Resource Manager resource, not a classic one: the summary counts it among the files that describe nothing
classic, unless a finding points into it (MIG101's retirement warning, where no definition of the service is
checked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

DEFINITION = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small"/>
</ServiceDefinition>
"""
POWERSHELL = 'New-AzCloudService -Name "shop" -ResourceGroupName "shop-rg" -Location "West Europe"\n'
PYTHON = """\
from azure.mgmt.compute import ComputeManagementClient
client = ComputeManagementClient(credential, subscription)
client.cloud_services.begin_create_or_update("shop-rg", "shop", {"location": "westeurope"})
"""


def test_evidence_of_a_defined_service_is_not_a_file_that_describes_something_classic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "shop/ServiceDefinition.csdef": DEFINITION,
        "shop/create.ps1": POWERSHELL,
        "ops/create.py": PYTHON,
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f.location.path for f in result.findings if f.location] == ["shop/ServiceDefinition.csdef"]
    assert [d.path for d in result.described] == ["shop/ServiceDefinition.csdef"]


def test_evidence_a_finding_points_into_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"create.ps1": POWERSHELL}, dedent=False)
    assert [(f.code, f.location.path) for f in result.findings if f.location] == [("MIG101", "create.ps1")]
    assert [d.path for d in result.described] == ["create.ps1"]
