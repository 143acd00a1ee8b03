"""The language server offers the suppression quick fix in Ansible playbooks and task files, as the CLI
honours the comment there: `# migcheck: ignore[CODE] reason` on a line of its own before the task's first
line (the `- name:` line, not the `shell:` line the finding is on), indented like it; inside a `block:`,
before the inner task. Applied, it silences its finding and nothing else."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.workspace import TextDocument
from test_suppression_edits import _suppressed_each_in_turn

from migcheck.server import _suppress_action

PLAYBOOK = """\
- hosts: localhost
  tasks:
    - name: create the VM
      shell: azure vm create web-svc image-name admin --location "West Europe" --ssh 22
    - name: in a block
      block:
        - name: add endpoint acl
          command: >-
            azure vm endpoint acl-rule create web-svc ssh 100
            permit 203.0.113.0/24
"""


def test_each_finding_of_a_playbook_is_suppressed_before_its_task(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "site.yml", PLAYBOOK)
    assert "    # migcheck: ignore[MIG601] reason\n" in written  # before `- name: create the VM`
    assert "        # migcheck: ignore[MIG201] reason\n" in written  # before the task in the block


def test_the_file_s_line_endings_are_kept(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "site.yml", PLAYBOOK, crlf=True)
    assert all(line.endswith("\r\n") for line in written)


@pytest.mark.parametrize("name", ["site.yml", "tasks/main.YAML"])
def test_the_action_says_it_covers_the_task(name):
    document = TextDocument(f"file:///project/{name}", PLAYBOOK)
    diagnostic = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(8, 12), end=lsp.Position(8, 17)), message="m"
    )
    diagnostic.code = "MIG201"
    action = _suppress_action(document, diagnostic)
    assert action is not None and action.title == "Suppress MIG201 on this task"
    (edit,) = action.edit.changes[document.uri]
    assert (
        edit.range.start == lsp.Position(6, 0)
        and edit.new_text == "        # migcheck: ignore[MIG201] reason\n"
    )


def test_no_suppression_is_offered_outside_a_task_that_runs_a_classic_command():
    document = TextDocument("file:///project/site.yml", PLAYBOOK)
    diagnostic = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(0, 2), end=lsp.Position(0, 7)), message="m"
    )
    diagnostic.code = "MIG201"
    assert _suppress_action(document, diagnostic) is None
