"""`benchmarks/read_parts.py` runs each part of reading the classic files over a folder, and says so of a
folder that is not there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(BENCHMARKS / "read_parts.py"), *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_every_part_is_a_row_of_the_table():
    run = _run("--runs", "1", str(CORPUS))
    assert (run.returncode, run.stderr) == (0, "")
    rows = [line.split(" | ")[0].lstrip("| ") for line in run.stdout.splitlines()[3:]]
    assert rows == [
        "encodings",
        "decode",
        "parse",
        "parse_as",
        "kind",
        "transform",
        "directives",
        "root_mark",
        "csdef",
        "cscfg",
        "netcfg",
        "xml",
        "read_document",
    ]


def test_a_folder_that_is_not_there_is_said_in_one_line(tmp_path):
    missing = tmp_path / "missing"
    run = _run(str(missing))
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"read_parts.py: error: {missing}: not a folder\n"
