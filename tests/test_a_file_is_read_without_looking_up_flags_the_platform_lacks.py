"""Each file is opened with flags looked up once, not per file: on Linux, looking up `os.O_BINARY` (a
Windows flag) raised and caught an AttributeError, its message formatted, for each of the thousands of
files a check reads (1% of checking a 4,000-file estate)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck import guarded


def test_reading_files_looks_up_no_missing_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []

    def missing(name: str) -> object:
        looked_up.append(name)
        raise AttributeError(name)

    # Python calls a module's `__getattr__` for a name the module does not have.
    monkeypatch.setattr(os, "__getattr__", missing, raising=False)
    (tmp_path / "ServiceDefinition.csdef").write_text('<ServiceDefinition name="a"/>')
    for _ in range(3):
        data = guarded.read_bytes(str(tmp_path / "ServiceDefinition.csdef"), 1000, follow_links=False)
        assert data == b'<ServiceDefinition name="a"/>'
    assert looked_up == []
