"""GitHub Actions' `runner.os` is the system the job's `runs-on:` labels name (`windows-latest`: Windows,
`ubuntu-latest`: Linux, each run of a matrix by its own), so a step under `if: runner.os == 'Linux'` never runs
on a Windows run: its bash is not read as PowerShell there, which made a stand-in cloud service of its own."""

from __future__ import annotations

import pytest
from lint_support import lint_files

WORKFLOW = """\
name: deploy
on: push
jobs:
  build:
{strategy}    runs-on: {runner}
    steps:
      - if: {condition}
        run: |
          SVC=svclinux
          azure config mode asm
          azure vm create -l "West US" $SVC img azureuser
"""
MATRIX = "    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n"


def _services(tmp_path, monkeypatch, workflow: str) -> list[str]:
    result = lint_files(
        tmp_path, monkeypatch, {".github/workflows/deploy.yml": workflow}, "MIG105", dedent=False
    )
    return sorted(f.message.split("'")[1] for f in result.findings)


@pytest.mark.parametrize("condition", ["runner.os == 'Linux'", "runner.os != 'Windows'"])
def test_a_linux_step_of_a_matrix_runs_on_its_linux_run_alone(tmp_path, monkeypatch, condition):
    workflow = WORKFLOW.format(strategy=MATRIX, runner="${{ matrix.os }}", condition=condition)
    assert _services(tmp_path, monkeypatch, workflow) == ["svclinux"]


def test_a_step_for_another_system_never_runs(tmp_path, monkeypatch):
    workflow = WORKFLOW.format(strategy="", runner="windows-latest", condition="runner.os == 'Linux'")
    assert _services(tmp_path, monkeypatch, workflow) == []


def test_a_runner_of_labels_naming_no_system_leaves_the_step_maybe_run(tmp_path, monkeypatch):
    workflow = WORKFLOW.format(strategy="", runner="[self-hosted, gpu]", condition="runner.os == 'Linux'")
    assert _services(tmp_path, monkeypatch, workflow) == ["svclinux"]
