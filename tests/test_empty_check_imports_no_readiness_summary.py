"""A check that reads no classic file has no readiness summary to print, no finding to fix and none held
back: it imports neither the summary's text (`migcheck.report.readiness_text`), nor the readiness model
behind it, nor the fixes' machinery, nor the JSON writers, which a check of an empty folder would pay
for at start-up. A folder with a classic file still gets its summary."""

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

# What a summary needs only when there is something to summarise, fix or hold back.
SUMMARY_ONLY = {"migcheck.report.readiness_text", "migcheck.report.readiness", "migcheck.fixes"}
# The text format writes its report without the JSON writers (the concise format's lines use them).
UNNEEDED = SUMMARY_ONLY | {"migcheck.report.stream"}

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def check(tmp_path: Path, folder: Path, *options: str) -> tuple[set[str], str]:
    """The modules `migcheck check FOLDER` imports in a fresh interpreter, and what it prints."""
    listing = tmp_path / "modules.json"
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), "check", str(folder), *options],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    return set(json.loads(listing.read_text())), run.stdout


def test_a_check_of_an_empty_folder_imports_no_readiness_summary(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    modules, printed = check(tmp_path, empty)
    assert {"migcheck.engine", "migcheck.report.text"} <= modules  # it did check, and report
    assert printed == "Nothing checked: no classic files, so no findings.\n"
    assert modules & UNNEEDED == set()


@pytest.mark.parametrize("options", [("--format", "concise"), ("--quiet",), ("--statistics",)])
def test_the_other_summaries_of_an_empty_folder_import_none_either(
    tmp_path: Path, options: tuple[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    modules, _ = check(tmp_path, empty, *options)
    assert "migcheck.engine" in modules
    assert modules & SUMMARY_ONLY == set()


def test_a_check_of_a_classic_file_prints_its_readiness_summary(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "network.netcfg").write_text(NETCFG)
    modules, printed = check(tmp_path, project)
    assert "migcheck.report.readiness_text" in modules
    assert "Readiness by migration scope:" in printed
    assert "    app-vnet (1 subnet)" in printed
