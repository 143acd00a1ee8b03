"""Publish-AzureServiceProject with no package packages the service project of the folder the script runs
in and deploys it with that project's ServiceConfiguration.Cloud.cscfg: the cloud service it publishes is
that project's, one service with the project's roles, not a second one of roles the files do not name.
The folder is the script's own, or the one a `cd` moved it to; a folder the script cannot say links
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint_support import lint_files, where

DEFINITION = """\
<?xml version="1.0"?>
<ServiceDefinition name="WebProject" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Front" vmsize="Small" />
</ServiceDefinition>
"""
CONFIGURATION = """\
<?xml version="1.0"?>
<ServiceConfiguration serviceName="WebProject" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Front"><Instances count="1" /></Role>
</ServiceConfiguration>
"""
PUBLISH = """\
param([string]$Prefix, [string]$Where)
{move}
$ServiceName = $Prefix + "Front"
Publish-AzureServiceProject -ServiceName $ServiceName -Location "West US"
"""


def _mig101(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, move: str) -> list[str]:
    files = {
        "pkg/Web/ServiceDefinition.csdef": DEFINITION,
        "pkg/Web/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
        script: PUBLISH.format(move=move),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    return where(result.findings)


@pytest.mark.parametrize(
    ("script", "move"),
    [
        ("deploy.ps1", "cd .\\pkg\\Web\\"),
        ("deploy.ps1", "Set-Location pkg/Web"),
        ("pkg/Web/publish.ps1", ""),  # run from the project's own folder
    ],
)
def test_the_published_service_is_the_project_s(tmp_path, monkeypatch, script, move):
    assert _mig101(tmp_path, monkeypatch, script, move) == ["MIG101 pkg/Web/ServiceDefinition.csdef:3:3"]


def test_a_folder_the_script_cannot_say_links_nothing(tmp_path, monkeypatch):
    found = _mig101(tmp_path, monkeypatch, "deploy.ps1", "Set-Location $Where")
    assert found == ["MIG101 deploy.ps1:4:1", "MIG101 pkg/Web/ServiceDefinition.csdef:3:3"]
