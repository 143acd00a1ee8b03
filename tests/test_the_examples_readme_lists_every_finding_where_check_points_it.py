"""examples/README.md tells a first-time reader what `migcheck check examples` reports: its tables name
every file a finding is in, and each rule code with the line the finding points at, as `(line N)` or
`(lines N and M)`. A table that lags behind the tool (a file left out, a line moved) fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lint_support import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_README = ROOT / "examples" / "README.md"
SECTION = re.compile(r"^## `([^`]+)/`", re.M)
ROW = re.compile(r"^\| `([^`|]+)`(?:, `[^`|]+`)* \|(.*)$", re.M)
CODE = re.compile(r"\*\*(MIG\d{3})\*\*")
LINES = re.compile(r"\(lines? (\d+)(?: and (\d+))?")


def _listed() -> tuple[set[str], set[tuple[str, str, int]]]:
    """The files the tables name, and each (file, code, line) they say a finding has."""
    text = EXAMPLES_README.read_text(encoding="utf-8")
    files: set[str] = set()
    findings: set[tuple[str, str, int]] = set()
    sections = SECTION.split(text)[1:]
    for folder, body in zip(sections[::2], sections[1::2], strict=True):
        for name, cells in ROW.findall(body):
            path = f"examples/{folder}/{name}"
            files.add(path)
            for entry in cells.split("<br>"):
                code = CODE.search(entry)
                if code:
                    findings |= {
                        (path, code.group(1), int(n)) for pair in LINES.findall(entry) for n in pair if n
                    }
    return files, findings


def test_the_examples_readme_lists_every_finding_check_reports_at_its_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    _, out, _ = run_cli(capsys, "check", "examples", "--format", "json")
    reported = {(f["path"], f["code"], f["line"]) for f in json.loads(out)}
    files, listed = _listed()

    assert {path for path, _, _ in reported} <= files
    assert listed == reported


def test_the_runbook_s_out_of_order_steps_are_in_the_examples_table() -> None:
    _, listed = _listed()

    assert {
        ("examples/contoso/runbooks/Move-ContosoProd.ps1", "MIG602", 14),
        ("examples/contoso/runbooks/Move-ContosoProd.ps1", "MIG602", 17),
    } <= listed
