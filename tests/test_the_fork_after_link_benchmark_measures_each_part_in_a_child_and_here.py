"""`benchmarks/fork_after_link.py` measures each part of what follows the read (the link, the rules,
`checked_at`) in a forked child, with and without `gc.freeze()`, and in this process, the rules shared in
two, and the packaged services sent with their documents: a line for each, on a small generated estate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_each_part_is_measured_in_a_child_and_here(tmp_path):
    estate = tmp_path / "estate"
    counts = ["--services", "3", "--vms", "2", "--vnets", "2"]
    subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), str(estate), *counts], check=True)
    command = [sys.executable, str(BENCHMARKS / "fork_after_link.py"), str(estate), "--runs", "1"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)

    assert (run.returncode, run.stderr) == (0, "")
    heads = [line.split(":")[0] for line in run.stdout.splitlines()]
    children = [f"child, freeze={freeze}, {part}" for freeze in (False, True) for part in PARTS]
    assert heads == [
        "check (--jobs 1, no report)",
        *children,
        "rules shared",
        "serial link",
        "serial rules",
        "serial checked_at",
        "services sent",
    ]
    assert all("minor faults" in line for line in run.stdout.splitlines() if line.startswith("child"))


PARTS = ("nothing", "link", "rules", "checked_at")
