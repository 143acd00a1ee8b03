"""`check`'s line of the parts migcheck's parser could not read said "of a script" and "of 2 scripts"
whatever held them, where the plan's heading of the same parts names scripts, templates or Terraform
configurations (`holders`). The line now names them the same way: a template's parts are a template's, and
parts of a script and of a template are of "2 files (scripts and templates)"."""

from __future__ import annotations

from migcheck.model import Mark
from migcheck.report.unread import UnreadParts, summary_line


def _parts(path: str, line: int) -> UnreadParts:
    return UnreadParts(path, (Mark(path, line, column=1),))


def test_a_template_s_part_is_said_of_a_template():
    said = summary_line([_parts("main.bicep", 4)])
    assert said.startswith(
        "Not read: 1 part of a template that migcheck's parser cannot read (main.bicep, line 4)"
    )


def test_parts_of_a_script_and_a_template_are_said_of_both():
    said = summary_line([_parts("deploy.ps1", 2), _parts("main.bicep", 4)])
    assert said.startswith(
        "Not read: 2 parts of 2 files (scripts and templates) that migcheck's parser cannot read "
        "(deploy.ps1, line 2; main.bicep, line 4)"
    )


def test_parts_of_two_scripts_are_said_of_scripts():
    said = summary_line([_parts("deploy.ps1", 2), _parts("only.ps1", 1)])
    assert said.startswith("Not read: 2 parts of 2 scripts that migcheck's parser cannot read")
