"""A step whose name the files do not state says what its stand-in (`<cloud service name, deploy.sh:1>`)
stands for right under its heading, in text and Markdown: before what it moves and becomes, and before its
downtime's command, all of which repeat the stand-in. It came after them, so a first-time reader met the
stand-in in a command before being told it is no name and must be filled in."""

from __future__ import annotations

from lint_support import lint_files, run_cli

DEPLOY = 'azure vm create "$1" img user pass --vm-name web01 --location "West Europe"\n'
STAND_IN = "<cloud service name, deploy.sh:1>"


def _step_1(capsys, tmp_path, monkeypatch, fmt: str) -> list[str]:
    lint_files(tmp_path, monkeypatch, {"deploy.sh": DEPLOY}, dedent=False)
    out = run_cli(capsys, "plan", ".", "--format", fmt)[1]
    lines = out.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(("1. ", "### 1. ")))
    return lines[start + 1 : start + 12]


def test_the_text_says_it_before_the_stand_in_is_repeated(tmp_path, monkeypatch, capsys):
    lines = _step_1(capsys, tmp_path, monkeypatch, "text")
    assert lines[0].startswith("   note: Fill in first:") and STAND_IN in lines[0]
    assert lines[1].startswith("   moves: ") and STAND_IN in lines[1]


def test_markdown_says_it_before_the_stand_in_is_repeated(tmp_path, monkeypatch, capsys):
    lines = [line for line in _step_1(capsys, tmp_path, monkeypatch, "markdown") if line.startswith("- **")]
    assert lines[1].startswith("- **Note:** Fill in first:")
    assert lines[2].startswith("- **Moves:** ")
