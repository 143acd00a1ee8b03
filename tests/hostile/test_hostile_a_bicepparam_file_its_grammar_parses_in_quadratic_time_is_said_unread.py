"""A `.bicepparam` file goes through the Bicep grammar twice (as written, for its `using`, and with each `param`
read as a `var`, for its values), and `param a = 1 + ` repeated 8,000 times (112 kB) took the two 12 s, the
parses unbounded. Both share the CPU time one parse of the file may take (`grammars.parse_budget`); a file
past it gives no value and is said unread at its start (`bicepparam-too-slow`), and the Bicep file is read
with its parameters' defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_costs_at_most, parse_bound_scaled_to

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import BICEPPARAM_TOO_SLOW
from migcheck.plugins import load_rules
from migcheck.report.unread import in_documents

RULES = load_rules()
MAIN = (
    "param name string = 'web'\n"
    "resource vm 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {\n"
    "  name: name\n  location: 'westeurope'\n}\n"
)
SLOW = "using './main.bicep'\n" + "param a = 1 + " * 6000 + ")\n"
# as long, parsed at once
QUICK = "using './main.bicep'\n" + "param a = 1\n" * 7000


def _folder(tmp_path: Path, name: str, parameters: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "main.bicep").write_text(MAIN, encoding="utf-8")
    (folder / "main.bicepparam").write_text(parameters, encoding="utf-8")
    return folder


def _marks(folder: Path) -> list[tuple[str, int, int, str | None]]:
    result = lint([str(folder)], Config(), RULES)
    return [
        (Path(m.path).name, m.line, m.column, m.tag) for p in in_documents(result.documents) for m in p.marks
    ]


def test_the_file_is_said_unread_at_its_start(tmp_path: Path):
    assert _marks(_folder(tmp_path, "slow", SLOW)) == [("main.bicepparam", 1, 1, BICEPPARAM_TOO_SLOW)]


def test_its_two_parses_cost_no_more_than_the_bound_allows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    slow, quick = _folder(tmp_path, "slow", SLOW), _folder(tmp_path, "quick", QUICK)
    # the two parses together may take twice the check of a file as long that parses at once: unbounded
    # they took some 7 s, 20x
    parse_bound_scaled_to(monkeypatch, lambda: _marks(quick), len(SLOW))
    assert_costs_at_most(lambda: _marks(slow), 5, lambda: _marks(quick))
