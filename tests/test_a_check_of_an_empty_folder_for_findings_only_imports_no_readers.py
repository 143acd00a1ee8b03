"""A check whose report lists findings only (JSON, SARIF, `--quiet`, `--statistics`, a selection of rules)
reads only the kinds of file its rules need, which the readers say; with no file found there is nothing to
choose among, so it imports neither the readers nor lxml, as a check for the text report does not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """\
import atexit, json, sys
atexit.register(lambda: open(sys.argv[1], "w").write(json.dumps(sorted(sys.modules))))
from migcheck.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize(
    "options",
    [["--format", "json"], ["--format", "sarif"], ["--quiet"], ["--statistics"], ["--select", "MIG303"]],
)
def test_a_findings_only_check_of_an_empty_folder_imports_no_readers(
    tmp_path: Path, options: list[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    listing = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), "check", str(empty), *options],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    modules = set(json.loads(listing.read_text()))
    assert "migcheck.engine" in modules  # it did check
    assert not {m for m in modules if m == "lxml" or m.startswith(("lxml.", "migcheck.readers"))}
