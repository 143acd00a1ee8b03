"""A check imports no `textwrap`: the rules dedent their docs and examples only when the docs are written
or the tests read the examples, not as every run loads them (docs/rules.md, which a test keeps current,
shows them dedented still)."""

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

CSCFG = """\
<ServiceConfiguration serviceName="web" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="front"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def imported_by_a_check(tmp_path: Path, folder: Path) -> set[str]:
    listing = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), "check", str(folder), "--format", "json", "--jobs", "1"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    return set(json.loads(listing.read_text()))


def test_a_check_of_an_empty_folder_imports_no_textwrap(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    modules = imported_by_a_check(tmp_path, empty)
    assert "migcheck.rule" in modules  # the rules were loaded
    assert "textwrap" not in modules


def test_a_check_of_a_service_configuration_imports_no_textwrap(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "ServiceConfiguration.Cloud.cscfg").write_text(CSCFG)
    modules = imported_by_a_check(tmp_path, project)
    assert "migcheck.readers.cscfg" in modules  # the file was read
    assert "textwrap" not in modules
