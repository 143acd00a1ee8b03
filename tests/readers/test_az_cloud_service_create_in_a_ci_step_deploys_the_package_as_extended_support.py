"""`az cloud-service create` run by a CI pipeline's step (a GitHub Actions `run:`, a GitLab CI `script:`, an
Azure Pipelines `AzureCLI@2` inline script) is read as the same command in a shell script is: the package it
deploys is of Cloud Services (extended support), its configuration file named from the folder the job runs in
(the repository's root), and MIG101 is a warning about the retirement, not a web/worker role's error."""

from __future__ import annotations

import pytest
from lint_support import WEB_ROLE_PACKAGE, lint_files, where

from migcheck.model import ExtendedSupportService, Severity
from migcheck.readers import pipeline

PACKAGE = WEB_ROLE_PACKAGE
# named by no service's name: the configuration file alone says which package it deploys
COMMAND = (
    "az cloud-service create -g shop-rg -n store --roles Web:Standard_D1_v2:2:Standard"
    ' --package-url "$PKG" --configuration @shop/ServiceConfiguration.Cloud.cscfg'
)
GITHUB = f"""\
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: {COMMAND}
"""
GITLAB = f"""\
deploy:
  script:
    - {COMMAND}
"""
AZURE = f"""\
steps:
- task: AzureCLI@2
  inputs:
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      {COMMAND}
"""
PIPELINES = {
    ".github/workflows/deploy.yml": (GITHUB, 7),
    ".gitlab-ci.yml": (GITLAB, 3),
    "azure-pipelines.yml": (AZURE, 7),
}


@pytest.mark.parametrize("path", PIPELINES)
def test_the_step_names_the_configuration_from_the_repository_root(path):
    text, line = PIPELINES[path]
    data = text.encode()
    assert pipeline.sniff(data)  # a pipeline that names no other Azure tool is read for it all the same
    document = pipeline.read(path, data)
    (record,) = [r for r in document.resources if isinstance(r, ExtendedSupportService)]
    assert (record.name, record.mark.path, record.mark.line) == ("store", path, line)
    assert (record.package, record.roles) == ("shop/ServiceConfiguration.Cloud.cscfg", ("Web",))


@pytest.mark.parametrize("path", PIPELINES)
def test_mig101_says_the_package_is_of_extended_support(tmp_path, monkeypatch, path):
    text, line = PIPELINES[path]
    found = lint_files(tmp_path, monkeypatch, {**PACKAGE, path: text}, dedent=False).findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]
    assert found[0].severity is Severity.WARNING
    assert f"({path}:{line} creates it with az cloud-service create)" in found[0].message


def test_a_script_names_the_configuration_from_the_folder_it_moved_to(tmp_path, monkeypatch):
    script = "#!/bin/sh\ncd ..\n" + COMMAND + "\n"
    found = lint_files(tmp_path, monkeypatch, {**PACKAGE, "deploy/create.sh": script}, dedent=False).findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]
    assert found[0].severity is Severity.WARNING


def test_powershell_names_the_configuration_from_the_folder_it_moved_to(tmp_path, monkeypatch):
    script = "Set-Location ..\n" + COMMAND.replace("@shop/", '"@shop/').replace(".cscfg", '.cscfg"') + "\n"
    found = lint_files(tmp_path, monkeypatch, {**PACKAGE, "deploy/create.ps1": script}, dedent=False).findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]
    assert found[0].severity is Severity.WARNING
