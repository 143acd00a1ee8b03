"""The Python scripts of a folder look for each module they import beside them (`import os`: `os/__init__.py`,
then `os.py`) once between them, not once each: a folder of a thousand scripts that all import `os` does
not look for `os.py` a thousand times. Each script's read still records every module it looked for, found
or not, so that a module added beside it later is noticed by a kept read of it, whichever script of the
folder looked first."""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.model import FileKind
from migcheck.readers import beside, read_as

SCRIPT = "import os\nimport json\nfrom config import SERVICE\n\nprint(os.getcwd(), json.dumps(SERVICE))\n"
SCRIPTS = {f"task{index}.py": SCRIPT for index in range(6)}
FILES = {**SCRIPTS, "config.py": 'SERVICE = "shop"\n'}


def test_each_module_is_looked_for_once_for_the_scripts_of_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked: collections.Counter[str] = collections.Counter()
    found = beside._found

    def counted(inputs: object, loading: object, absolute: str, any_name: bool = False) -> object:
        looked[os.path.relpath(absolute, tmp_path)] += 1
        return found(inputs, loading, absolute, any_name)  # type: ignore[arg-type]

    monkeypatch.setattr(beside, "_found", counted)
    lint_files(tmp_path, monkeypatch, FILES, dedent=False)
    assert {"os.py", "os/__init__.py", "json.py", "config.py"} <= set(looked)
    assert max(looked.values()) == 1


def test_each_script_records_every_module_it_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded: dict[str, set[tuple[str, str]]] = {}

    def recording(path: str, data: bytes, expected: FileKind | None, *, explicit: bool) -> object:
        with beside.recording() as loaded:
            document = read_as(path, data, expected, explicit=explicit)
        recorded[path] = {(os.path.relpath(each.absolute, tmp_path), each.path) for each in loaded}
        return document

    monkeypatch.setattr("migcheck.readers.read_as", recording)
    lint_files(tmp_path, monkeypatch, FILES, dedent=False)
    scripts = {path: looks for path, looks in recorded.items() if "task" in path}
    assert len(scripts) == len(SCRIPTS)
    for looks in scripts.values():
        assert {("os.py", ""), ("os/__init__.py", ""), ("config.py", "config.py")} <= looks
