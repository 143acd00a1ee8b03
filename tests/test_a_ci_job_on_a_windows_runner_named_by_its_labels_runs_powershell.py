"""A job's runner is a Windows one by the labels that choose it, in whatever form the file writes them:
GitHub Actions' `runs-on:` as one label, a list of labels or a `group:` with `labels:` (its `run:` steps
run in PowerShell there), each maybe a matrix run's value (`${{ matrix.os }}`), GitLab CI's `tags:` (a
Windows runner runs `script:` lines in PowerShell). A runner of no Windows label runs them in the shell, one
whose label only holds the word (`linux-windows-builds`) too."""

from __future__ import annotations

import pytest
from lint_support import lint_files

STEPS = """\
    steps:
      - run: |
          Move-AzureVirtualNetwork -Validate -VirtualNetworkName "hub-vnet"
          Move-AzureVirtualNetwork -Commit -VirtualNetworkName "hub-vnet"
          Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "hub-vnet"
"""
GITLAB = """\
migrate-hub:
  tags: {tags}
  script:
    - Move-AzureVirtualNetwork -Validate -VirtualNetworkName "hub-vnet"
    - Move-AzureVirtualNetwork -Commit -VirtualNetworkName "hub-vnet"
    - Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "hub-vnet"
"""


def _where(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.location]


@pytest.mark.parametrize(
    ("runner", "found"),
    [
        ("runs-on: [self-hosted, Windows, X64]", ["8"]),
        ("runs-on:\n      group: classic-ops\n      labels: [windows]", ["10"]),
        ("runs-on:\n      - self-hosted\n      - windows-2019", ["10"]),
        ("runs-on: [self-hosted, linux]", []),
        ("runs-on: [self-hosted, cross-windows]", []),
    ],
)
def test_a_github_job_on_windows_labels_runs_its_steps_in_powershell(tmp_path, monkeypatch, runner, found):
    workflow = f"on: push\njobs:\n  move:\n    {runner}\n{STEPS}"
    found_at = _where(tmp_path, monkeypatch, {".github/workflows/move.yml": workflow})
    assert found_at == [f".github/workflows/move.yml:{line}" for line in found]


@pytest.mark.parametrize(
    ("tags", "found"),
    [
        ("[windows, classic-azure]", [5]),
        ("[saas-windows-medium-amd64]", [5]),
        ("[docker, linux]", []),
        ("[docker, linux-windows-builds]", []),
    ],
)
def test_a_gitlab_job_tagged_for_windows_runs_its_script_in_powershell(tmp_path, monkeypatch, tags, found):
    found_at = _where(tmp_path, monkeypatch, {".gitlab-ci.yml": GITLAB.format(tags=tags)})
    assert found_at == [f".gitlab-ci.yml:{line}" for line in found]


def test_a_gitlab_job_tagged_for_windows_still_reads_the_classic_cli(tmp_path, monkeypatch):
    pipeline = """\
migrate-hub:
  tags: [windows]
  script:
    - azure network vnet validate-migration hub-vnet
    - azure network vnet commit-migration hub-vnet
    - azure network vnet prepare-migration hub-vnet
"""
    assert _where(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}) == [".gitlab-ci.yml:5"]


def test_a_github_matrix_run_on_a_windows_runner_runs_its_steps_in_powershell(tmp_path, monkeypatch):
    workflow = (
        "on: push\njobs:\n  move:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n"
        f"    runs-on: ${{{{ matrix.os }}}}\n{STEPS}"
    )
    found_at = _where(tmp_path, monkeypatch, {".github/workflows/move.yml": workflow})
    assert found_at == [".github/workflows/move.yml:11"]  # the windows-latest run's, once


@pytest.mark.parametrize("where", ["before_script", "default:\n  before_script"])
@pytest.mark.parametrize(("tags", "reported"), [("[windows]", True), ("[linux]", False)])
def test_the_before_script_a_windows_job_inherits_runs_in_powershell_there(
    tmp_path, monkeypatch, where, tags, reported
):
    # the lines every job runs first run in the shell of each job's runner
    pipeline = f"""\
{where}:
  - Move-AzureVirtualNetwork -Commit -VirtualNetworkName "hub-vnet"
migrate-hub:
  tags: {tags}
  script:
    - Move-AzureVirtualNetwork -Validate -VirtualNetworkName "hub-vnet"
    - Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "hub-vnet"
"""
    commit_line = 2 + where.count("\n")
    found = [f".gitlab-ci.yml:{commit_line}"] if reported else []
    assert _where(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}) == found
