"""One script checked alone, as a pre-commit hook or an editor on save runs migcheck: `migcheck check FILE`
for one PowerShell, one Python and one shell script, against `migcheck check` of an empty folder (start-up
and nothing read), best of several runs; optionally against another checkout, interleaved.

Usage::

    python benchmarks/one_script.py [--runs 9] [--against OTHER/linter] [FILE ...]

Without FILEs, the PowerShell and Python scripts of the shared corpus (`../shared/corpus/scripts`) named
below and a shell script written here are checked. With ``--against``, each command also runs with
``PYTHONPATH=OTHER`` (another checkout's `linter` folder: the code before a change), one run of each in
turn, so that the load of a shared machine falls on both alike; each side's best is shown, with their
ratio. Every command runs in a fresh process with bytecode caching on (`PYTHONDONTWRITEBYTECODE` unset), as
an installed tool does, after one run to write the caches.

What a run imports is the larger part of the time of a small file: `python -X importtime -m migcheck check
FILE` shows it module by module, and `valgrind --tool=callgrind` counts its instructions, which the load
does not change (see README.md). This is a measurement, not a test: it exits 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "scripts"
# Classic automation of the corpus: a PowerShell script of the classic module, a Python script of the
# classic SDK (see the corpus's PROVENANCE.tsv).
CORPUS_SCRIPTS = (
    "mmooney__MMDB.AzureSample/DeployAzure.ps1",
    "kaiyuanshe__open-hackathon/open-hackathon-server/src/hackathon/hazure/azure_formation.py",
)
SHELL = """\
#!/bin/sh
# Create a classic VM in a virtual network with the classic CLI.
azure config mode asm
azure vm create shop-svc ubuntu-image azureuser --vm-name web1 --virtual-network-name shop-net \\
  --subnet-names frontend --location "West Europe"
azure vm endpoint create web1 80 80
"""


def corpus_files() -> list[Path]:
    """The corpus's scripts of `CORPUS_SCRIPTS` (none where the corpus is not beside the checkout)."""
    return [CORPUS / name for name in CORPUS_SCRIPTS if (CORPUS / name).is_file()]


def timed(command: list[str], pythonpath: str | None) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def measure(label: str, args: list[str], runs: int, against: str | None) -> None:
    command = [sys.executable, "-m", "migcheck", *args]
    sides: dict[str | None, list[float]] = {None: []}
    if against is not None:
        sides[against] = []
    for side in sides:  # bytecode written, files in the page cache
        timed(command, side)
    for _ in range(runs):
        for side, times in sides.items():
            times.append(timed(command, side))
    ours = min(sides[None])
    line = f"{label:<48} {ours * 1000:8.0f} ms"
    if against is not None:
        theirs = min(sides[against])
        line += f"   against {theirs * 1000:6.0f} ms   ({ours / theirs:.2f}x)"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="scripts to check one at a time")
    parser.add_argument("--runs", type=int, default=9, help="runs per command; the best counts")
    parser.add_argument("--against", help="another checkout's linter folder, run interleaved with this one")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty"
        empty.mkdir()
        shell = Path(scratch) / "deploy.sh"
        shell.write_text(SHELL)
        files = options.files or [*corpus_files(), shell]
        measure("check of an empty folder", ["check", str(empty)], options.runs, options.against)
        for path in files:
            measure(f"check {path.name}", ["check", str(path)], options.runs, options.against)


if __name__ == "__main__":
    main()
