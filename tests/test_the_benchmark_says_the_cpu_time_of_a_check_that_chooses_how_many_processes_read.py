"""The benchmark's rows of the checks whose findings it counts, which choose how many processes read
((b), (j), (l), (n)), say the CPU time of their fastest run against its wall time: about 1x where
`auto_jobs` found a core busy and read in one process, as (o) and (p) do, well past it in two. A row of
`--jobs 1` says nothing more."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import run


def test_a_check_that_chooses_its_processes_says_its_cpu_time_against_its_wall():
    two = run.Measurement("(b) check", frozenset({0, 1}), findings=3)
    two.samples += [run.Sample(0.60, 40.0, 0, b"", b"", 0.70), run.Sample(0.50, 40.0, 0, b"", b"", 0.81)]
    one = run.Measurement("(j) large", frozenset({0, 1}), findings=3)
    one.samples.append(run.Sample(5.0, 140.0, 0, b"", b"", 5.05))
    told = run.Measurement("(o) check --jobs 1", frozenset({0, 1}), findings=3)
    told.samples.append(run.Sample(0.6, 50.0, 0, b"", b"", 0.6))

    assert run.findings_said(two) == "  (3 findings), CPU 1.62x wall"
    assert run.findings_said(one) == "  (3 findings), CPU 1.01x wall"
    assert run.findings_said(told) == ""  # --jobs 1 says how many itself
