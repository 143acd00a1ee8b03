"""`benchmarks/phases.py --sum` adds up the dumps of a callgrind run of `--inner` by the phase each mark
ends, in the phases' order, what follows the last mark being the end of the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(BENCHMARKS / "phases.py"), *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def _dump(path: Path, instructions: int) -> None:
    path.write_text(f"version: 1\ncreator: callgrind-3.19.0\nsummary: {instructions}\ntotals: 1\n")


def test_each_dump_counts_for_the_phase_its_mark_ends(tmp_path):
    marks = tmp_path / "marks"
    marks.write_text(
        "==1== Callgrind, a call-graph generating cache profiler\n"
        "phase\t\t10.0\n"  # the start: no dump there
        "phase\timports\t10.1\n"
        "phase\twalk\t10.2\n"
        "phase\tother\t10.3\n"
        "phase\tread\t10.4\n"
        "phase\tlink\t10.5\n"
        "phase\tother\t10.6\n"
        "phase\tlink\t10.7\n"
    )
    for number, instructions in enumerate((300_000_000, 100_000_000, 5_000_000, 2_000_000_000, 1_500_000), 1):
        _dump(tmp_path / f"out.{number}", instructions)
    _dump(tmp_path / "out.6", 2_500_000)
    _dump(tmp_path / "out.7", 40_000_000)
    _dump(tmp_path / "out", 500_000)
    run = _run("--sum", str(tmp_path / "out"), str(marks))
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        "| phase | instructions | share |",
        "| --- | --- | --- |",
        "| imports | 300.0 M | 12.2% |",
        "| walk | 100.0 M | 4.1% |",
        "| read | 2,000.0 M | 81.6% |",
        "| link | 41.5 M | 1.7% |",
        "| other | 7.5 M | 0.3% |",
        "| end | 0.5 M | 0.0% |",
        "| sum of the phases | 2,449.5 M | |",
    ]


def test_a_run_without_sum_still_needs_a_folder():
    run = _run()
    assert run.returncode == 2
    assert run.stderr.endswith("phases.py: error: the following arguments are required: folder\n")
