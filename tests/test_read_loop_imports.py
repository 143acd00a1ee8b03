"""What reading costs per file beyond parsing it: the read loop runs for every file of an estate, so work
that is the same for every file is done once per run, not once per file. Counted, not timed."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)

CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<!-- A comment before the root, as the emulator writes one. -->
<ServiceConfiguration serviceName="svc{n}">
  <Role name="Web"><Instances count="2"/></Role>
</ServiceConfiguration>
"""


def _estate(folder: Path, services: int) -> Path:
    folder.mkdir()
    for n in range(services):
        (folder / f"svc{n}.cscfg").write_text(CONFIGURATION.format(n=n), encoding="utf-8")
    return folder


def _imports_while_linting(folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    lint([str(folder)], Config(), RULES, jobs=1)  # what a first run imports is imported by now
    calls = []
    real = builtins.__import__

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", counting)
    lint([str(folder)], Config(), RULES, jobs=1)
    monkeypatch.undo()
    return len(calls)


def test_reading_more_files_runs_no_more_import_statements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An import statement in a function costs about a microsecond each time it runs: a few percent of a
    # run when the read loop runs some for every file.
    few = _imports_while_linting(_estate(tmp_path / "few", 2), monkeypatch)
    many = _imports_while_linting(_estate(tmp_path / "many", 40), monkeypatch)
    assert many == few
