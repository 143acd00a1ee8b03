"""A Python script's classic CLI commands past what its reader follows (`python_cli`'s bounds) are said as a
part not read (`python-commands-cut`), once for the file, at the first place: a loop over more than 32
numbers, or over rows of tuples it does not write out turn by turn (a loop in such a loop's body, or a body
too long to write out per row), a list of more than 1,000 words, statements nested more than 40 deep. Within
the bounds nothing is said."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import PYTHON_COMMANDS_CUT
from migcheck.report.unread import in_documents

RUN = 'subprocess.call(["azure", "vm", "shutdown", "web1"])'
NESTED = "".join("    " * depth + "if x:\n" for depth in range(45)) + "    " * 45 + RUN + "\n"
ROWS = '[("db1", "10.0.0.4"), ("db2", "10.0.0.5")]'

CUT = {
    "range": ('for i in range(100):\n    subprocess.call(["azure", "vm", "shutdown", "web%d" % i])\n', 3),
    "rows in rows": (
        f'for a, b in {ROWS}:\n    for name, ip in {ROWS}:\n        subprocess.call(["azure", "vm", "start", name])\n',
        4,
    ),
    "long list": ('x = 1\nsubprocess.call(["azure", "vm", "shutdown"' + ', "w"' * 1000 + "])\n", 4),
    "nested": (f"x = 1\n{NESTED}", 4 + 41),  # the first statement past 40 deep
}
WITHIN = {
    "range": ('for i in range(3):\n    subprocess.call(["azure", "vm", "shutdown", "web%d" % i])\n'),
    "rows": (f'for name, ip in {ROWS}:\n    subprocess.call(["azure", "vm", "start", name])\n'),
}


def _cuts(result) -> list[tuple[int, str]]:
    marks = [mark for parts in in_documents(result.documents) for mark in parts.marks]
    return [(mark.line, mark.tag) for mark in marks if mark.tag == PYTHON_COMMANDS_CUT]


@pytest.mark.parametrize("case", CUT)
def test_commands_past_a_bound_are_said_once(tmp_path, monkeypatch, case):
    body, line = CUT[case]
    script = "import subprocess\n\n" + body
    result = lint_files(tmp_path, monkeypatch, {"run.py": script}, dedent=False)
    assert _cuts(result) == [(line, PYTHON_COMMANDS_CUT)]


@pytest.mark.parametrize("case", WITHIN)
def test_commands_within_the_bounds_say_nothing(tmp_path, monkeypatch, case):
    script = "import subprocess\n\n" + WITHIN[case]
    result = lint_files(tmp_path, monkeypatch, {"run.py": script}, dedent=False)
    assert _cuts(result) == []
    assert [finding.code for finding in result.findings] == ["MIG601"]
