"""The language server offers the suppression quick fix in a CI pipeline's YAML, as the CLI honours the
comment there (docs/suppressing.md): `# migcheck: ignore[CODE] reason` on a line of its own before the
first line of the step (the `- name:` line, not the line of the `run: |` block the finding is on),
indented like it. Applied, it silences its finding and nothing else. A YAML file that is a pipeline was
taken for an Ansible playbook, found no task around the finding and offered nothing."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.workspace import TextDocument
from test_suppression_edits import _suppressed_each_in_turn

from migcheck.server import _suppress_action

WORKFLOW = """\
name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: list the VMs
        run: |
          azure config mode asm
          # - not a step: a line of the script
          azure vm list
"""

AZURE_PIPELINE = """\
steps:
  - script: azure vm list
    displayName: list
"""


def test_a_github_workflow_finding_is_suppressed_before_its_step(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    written = _suppressed_each_in_turn(folder / "deploy.yml", WORKFLOW)
    assert written == ["      # migcheck: ignore[MIG601] reason\n"]  # before `- name: list the VMs`


def test_an_azure_pipelines_finding_is_suppressed_before_its_step(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "azure-pipelines.yml", AZURE_PIPELINE, crlf=True)
    assert written == ["  # migcheck: ignore[MIG601] reason\r\n"]


def test_the_action_says_it_covers_the_step():
    document = TextDocument("file:///project/azure-pipelines.yml", AZURE_PIPELINE)
    diagnostic = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(1, 12), end=lsp.Position(1, 17)), message="m"
    )
    diagnostic.code = "MIG601"
    action = _suppress_action(document, diagnostic)
    assert action is not None and action.title == "Suppress MIG601 on this step"
    (edit,) = action.edit.changes[document.uri]
    assert edit.range.start == lsp.Position(1, 0)


def test_no_suppression_is_offered_outside_a_step():
    document = TextDocument("file:///project/azure-pipelines.yml", AZURE_PIPELINE)
    diagnostic = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 5)), message="m"
    )
    diagnostic.code = "MIG601"
    assert _suppress_action(document, diagnostic) is None
