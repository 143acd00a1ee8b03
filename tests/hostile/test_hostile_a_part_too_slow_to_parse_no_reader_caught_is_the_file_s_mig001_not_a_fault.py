"""A parse of part of a file that runs past its CPU bound (`grammars.ParseTooSlow`: a command line a Python
script, a classic CLI step or a pipeline runs in bash) and reaches the boundary of the readers is that file's
MIG001 saying why nothing in it was read and what to do, never "migcheck failed to read this file", whose advice
is to report a fault in migcheck."""

from __future__ import annotations

import pytest

from migcheck import readers
from migcheck.readers import grammars


def test_a_part_too_slow_to_parse_is_the_file_s_mig001(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_slow(path: str, data: bytes) -> None:
        raise grammars.ParseTooSlow

    monkeypatch.setattr("migcheck.readers.python_script.read", too_slow)
    document = readers.read_document("deploy.py", b"import azure.servicemanagement\n", explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.message.startswith(
        "a part of this file takes longer to parse than text of its size"
    )
    assert "fault in migcheck" not in document.problem.fix
    assert "Split the file" in document.problem.fix
    assert (document.problem.mark.line, document.problem.mark.column) == (1, 1)
