"""A CI step whose script runs in cmd (an AppVeyor `cmd:` item, or an item of its lists on its default
Windows image; a GitHub Actions `run:` with `shell: cmd`; an Azure Pipelines `script:` on a Windows pool)
fills in each `%NAME%` from the step's environment (cmd matches the name in any case): the value its
`environment:`, `env:` or `variables:` states, else a value the file does not state, never a resource named
`%NAME%`. On an Ubuntu image, AppVeyor runs the lists in bash (Azure Pipelines its `script:`), where `%` is
a character like any other."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import ServiceRegion

CREATE = 'azure service create %SVC% --location "West US"'


def _services(result) -> list[str]:
    return [
        resource.service
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, ServiceRegion) and not resource.service.startswith("<")
    ]


@pytest.mark.parametrize(
    ("path", "text", "seen", "at"),
    [
        ("appveyor.yml", f"environment:\n  SVC: shop\ninstall:\n  - {CREATE}\n", ["shop"], "4:5"),
        ("appveyor.yml", f"environment:\n  svc: shop\nbuild_script:\n  - cmd: {CREATE}\n", ["shop"], "4:10"),
        ("appveyor.yml", f"install:\n  - {CREATE}\n", [], "2:5"),
        (
            "appveyor.yml",
            f"image: Ubuntu2004\nenvironment:\n  SVC: shop\ninstall:\n  - {CREATE}\n",
            ["%SVC%"],
            "5:5",
        ),
        (
            ".github/workflows/d.yml",
            "on: push\njobs:\n  d:\n    runs-on: windows-latest\n    env:\n      SVC: shop\n    steps:\n"
            f"      - run: call {CREATE}\n        shell: cmd\n",
            ["shop"],
            "8:19",
        ),
        (
            "azure-pipelines.yml",
            f"pool:\n  vmImage: windows-latest\nvariables:\n  svc: shop\nsteps:\n  - script: call {CREATE}\n",
            ["shop"],
            "6:18",
        ),
        (
            "azure-pipelines.yml",
            f"pool:\n  vmImage: ubuntu-latest\nvariables:\n  svc: shop\nsteps:\n  - script: {CREATE}\n",
            ["%SVC%"],
            "6:13",
        ),
    ],
    ids=[
        "appveyor list",
        "appveyor cmd, another case",
        "not stated",
        "appveyor on ubuntu",
        "github shell cmd",
        "azure windows",
        "azure linux",
    ],
)
def test_a_cmd_script_s_percent_variable_is_its_environment_s(tmp_path, monkeypatch, path, text, seen, at):
    result = lint_files(tmp_path, monkeypatch, {path: text}, dedent=False)
    assert _services(result) == seen
    assert f"MIG601 {path}:{at}" in where(result.findings)
