"""A CI step's inline PowerShell runs from a temporary file the runner writes (GitHub Actions' `pwsh -command
". '{0}'"` of a script in the runner's temporary folder, Azure Pipelines' PowerShell task in the agent's), so
its `$PSScriptRoot` is that temporary folder, not the pipeline file's folder nor the repository: a script it
runs or dot-sources by a path from there (`& "$PSScriptRoot/scripts/create.ps1"`, `$MyInvocation`'s folder) is
none of the files checked. It is not followed, and the step says why (`"why": "step-script-root"`), where
before the path was taken from the pipeline file's folder (a `.github/workflows/create.ps1` beside the
workflow was run, a file of the repository's root was run from an `azure-pipelines.yml` there). A path from
the folder the step runs in, the repository's root, is followed as before, and a script file a task runs
(`filePath:`) keeps its own folder as `$PSScriptRoot`."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import STEP_SCRIPT_ROOT, Script
from migcheck.report.unread import why

CREATE = 'param($Name)\nNew-AzureQuickVM -Windows -ServiceName $Name -Name vm1 -ImageName img -AdminUsername u -Password p -Location "West US"\n'
WORKFLOW = """\
on: push
jobs:
  deploy:
    runs-on: windows-latest
    steps:
      - uses: actions/checkout@v4
      - shell: pwsh
        run: |
          & "$PSScriptRoot/scripts/create.ps1" -Name web1
          & "$PSScriptRoot/create.ps1" -Name web2
          & ./scripts/create.ps1 -Name web3
          . (Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) 'create.ps1')
"""
PIPELINE = """\
steps:
- pwsh: |
    & "$PSScriptRoot/scripts/create.ps1" -Name web4
    & ./scripts/create.ps1 -Name web5
"""


def _lint(tmp_path, monkeypatch, files: dict[str, str]):
    files = {**files, "scripts/create.ps1": CREATE, ".github/workflows/create.ps1": CREATE}
    return lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG601", dedent=False)


def _services(result) -> list[str]:
    """The cloud services whose deployments MIG105 names, as the files create them."""
    return sorted(
        f.message.split("cloud service ", 1)[1].split(" ", 1)[0]
        for f in result.findings
        if f.code == "MIG105"
    )


def test_a_workflow_step_follows_only_the_path_from_the_folder_it_runs_in(tmp_path, monkeypatch) -> None:
    result = _lint(tmp_path, monkeypatch, {".github/workflows/ci.yml": WORKFLOW})
    # web1 and web2 are run from the runner's temporary folder: each file is read on its own, `$Name` not known
    assert "'web3'" in _services(result)
    assert not {"'web1'", "'web2'"} & set(_services(result))


def test_a_workflow_step_says_why_a_path_from_its_script_root_is_not_followed(tmp_path, monkeypatch) -> None:
    result = _lint(tmp_path, monkeypatch, {".github/workflows/ci.yml": WORKFLOW})
    marks = [
        m
        for d in result.estate.documents
        for r in d.resources
        if isinstance(r, Script) and d.path == ".github/workflows/ci.yml"
        for m in r.unread
    ]
    assert [(m.line, m.tag) for m in marks] == [
        (9, STEP_SCRIPT_ROOT),
        (10, STEP_SCRIPT_ROOT),
        (12, STEP_SCRIPT_ROOT),
    ]
    assert "the runner writes the step's script to a temporary file" in why(marks[0])


def test_an_azure_pipelines_step_follows_only_the_path_from_the_folder_it_runs_in(
    tmp_path, monkeypatch
) -> None:
    result = _lint(tmp_path, monkeypatch, {"azure-pipelines.yml": PIPELINE})
    assert "'web5'" in _services(result)
    assert "'web4'" not in _services(result)
