"""A check that finds no file to read has nothing to share out among worker processes: it imports none of
their machinery (`migcheck.workers` and `signal`), which a check of an empty folder would pay for at start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """\
import atexit, json, sys
atexit.register(lambda: open(sys.argv[1], "w").write(json.dumps(sorted(sys.modules))))
from migcheck.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_check_of_an_empty_folder_imports_no_worker_machinery(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    listing = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), "check", str(empty)],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    modules = set(json.loads(listing.read_text()))
    assert "migcheck.engine" in modules  # it did check
    assert "migcheck.workers" not in modules
