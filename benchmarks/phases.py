"""Where the time of one `migcheck check` goes, phase by phase: the best of several runs, each in a fresh
process, as the command runs.

Usage::

    python benchmarks/phases.py [--runs 7] [--jobs N] FOLDER [check options...]

The phases, in the order a check runs them (`migcheck.engine.lint`, then the report):

- ``start``: from starting the process to the first line of Python run (the interpreter's own start-up);
- ``imports``: importing migcheck, reading the options, loading the rules and the settings;
- ``walk``: the folder walk (`engine.walk`);
- ``read``: reading the files, in worker processes when there are several (`engine._read_all`), the readers'
  import among it;
- ``link``: what is linked across files (`engine.link`, with the namesakes and stand-ins it needs);
- ``rules``: running the rules;
- ``filter``: suppressions, the baseline, the caps and the fixes' words;
- ``locate``: finding where each finding is in its file's text;
- ``readiness``: which step of the migration finds each finding (`--format json`'s `checked_at`);
- ``write``: writing the report, the readiness apart;
- ``other``: the rest of the run between those;
- ``end``: from the report written to the process gone.

Each phase boundary also calls `os.getloadavg`, so that a run under callgrind splits its instruction counts
by phase, each dump being the phase the list `--inner` prints on standard error names, in order; `--sum`
adds them up by phase (its ``imports`` holds the interpreter's start, which only the wall clock tells
apart)::

    valgrind --tool=callgrind --dump-before=getloadavg --callgrind-out-file=phases.out \\
        python benchmarks/phases.py --inner FOLDER --format json --jobs 1 > /dev/null 2> phases.marks
    python benchmarks/phases.py --sum phases.out phases.marks

The phases are marked by wrapping the engine's functions in the measured process: an instrument for
finding where to look, not a figure to compare across releases (the rules' findings are collected before the filter takes them here,
where a run streams them from one to the other).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any, NoReturn

ORDER = (
    "start",
    "imports",
    "walk",
    "read",
    "link",
    "rules",
    "filter",
    "locate",
    "readiness",
    "write",
    "other",
    "end",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs, each in a fresh process (the best counts)")
    parser.add_argument("--inner", action="store_true", help="run the check here, marking its phases")
    parser.add_argument(
        "--sum",
        nargs=2,
        metavar=("OUT", "MARKS"),
        help="add up the dumps of a run of --inner under callgrind by phase: OUT, its --callgrind-out-file, "
        "and MARKS, what --inner wrote on standard error",
    )
    parser.add_argument("folder", nargs="?")
    args, options = parser.parse_known_args()
    if args.sum:
        return _sum(*args.sum)
    if args.folder is None:
        parser.error("the following arguments are required: folder")
    command = ["check", args.folder, *options]
    if args.inner:
        return _inner(command)
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(args.runs):
        for phase, seconds in _one_run(command).items():
            best[phase] = min(best[phase], seconds)
    total = sum(best.values())
    print(f"| phase | wall (best of {args.runs}) |")
    print("| --- | --- |")
    for phase in ORDER:
        if phase in best:
            print(f"| {phase} | {best[phase] * 1000:.1f} ms |")
    print(f"| sum of the phases | {total * 1000:.1f} ms |")
    return 0


def _sum(out: str, marks_file: str) -> int:
    """Print the instructions of each phase of a callgrind run of `--inner` (see the module's docstring),
    in the order of `ORDER`, and their sum. Dump k (`OUT.k`) is what ran up to the k-th mark, the phase
    that mark ends; what follows the last mark (`OUT` itself) is the end of the process."""
    with open(marks_file, encoding="utf-8") as marks:
        names = [line.split("\t")[1] for line in marks if line.startswith("phase\t")][1:]
    counts: dict[str, int] = defaultdict(int)
    for number, name in enumerate(names, 1):
        counts[name] += _instructions(f"{out}.{number}")
    counts["end"] += _instructions(out)
    total = sum(counts.values())
    print("| phase | instructions | share |")
    print("| --- | --- | --- |")
    for phase in (*ORDER, *sorted(set(counts) - set(ORDER))):
        if phase in counts:
            print(f"| {phase} | {counts[phase] / 1e6:,.1f} M | {counts[phase] / (total or 1):.1%} |")
    print(f"| sum of the phases | {total / 1e6:,.1f} M | |")
    return 0


def _instructions(dump: str) -> int:
    """The instructions a callgrind dump counts (its `summary:` line); 0 for a dump without one."""
    with open(dump, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("summary:"):
                return int(line.split()[1])
    return 0


def _one_run(command: list[str]) -> dict[str, float]:
    """The seconds of each phase of one check in a fresh process: its own marks, and the start and end
    seen from here (`time.perf_counter` is the system's monotonic clock, the same in both processes)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--inner", *command[1:]],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    ended = time.perf_counter()
    marks = [line.split("\t") for line in done.stderr.splitlines() if line.startswith("phase\t")]
    times = defaultdict(float)
    first, last = float(marks[0][2]), float(marks[-1][2])
    times["start"] = first - started
    before = first
    for _, name, at in marks[1:]:
        times[name] += float(at) - before
        before = float(at)
    times["end"] = ended - last
    return times


def _inner(command: list[str]) -> NoReturn:
    """Run the check in this process with each phase marked on standard error ("phase", the phase that
    just ended, the time), and end it as the command does."""
    marks: list[tuple[str, float]] = [("", time.perf_counter())]
    now = ["imports"]

    def mark(following: str) -> None:
        marks.append((now[0], time.perf_counter()))
        os.getloadavg()  # a callgrind dump point (see the module's docstring)
        now[0] = following

    def phase(name: str, function: Callable[..., Any], listed: bool = False) -> Callable[..., Any]:
        def marked(*args: Any, **kwargs: Any) -> Any:
            before = now[0]
            mark(name)
            try:
                result = function(*args, **kwargs)
                return list(result) if listed else result
            finally:
                mark("other" if before == "imports" else before)

        return marked

    from migcheck import cli, engine
    from migcheck.report import readiness

    engine.walk = phase("walk", engine.walk)
    engine._read_all = phase("read", engine._read_all)
    engine._with_settings_documents = phase("read", engine._with_settings_documents)
    engine.without_functions_run = phase("link", engine.without_functions_run)
    engine.link = phase("link", engine.link)
    by_path = engine.stand_in_files.by_path
    engine.stand_in_files = type("StandIns", (), {"by_path": staticmethod(phase("link", by_path))})  # type: ignore[assignment]
    subscriptions = engine.named_subscriptions
    engine.named_subscriptions = phase(  # the rules run here, not as the filter takes each finding
        "rules", lambda pairs: list(subscriptions([(e, list(found)) for e, found in pairs]))
    )
    engine.Filter.split = phase("filter", engine.Filter.split)  # type: ignore[method-assign]
    engine.capped = phase("filter", engine.capped)
    engine.in_source_words = phase("filter", engine.in_source_words, listed=True)
    engine.locate_findings = phase("locate", engine.locate_findings)
    readiness.checked_at = phase("readiness", readiness.checked_at)
    cli._stream = phase("write", cli._stream)
    sys.argv = ["migcheck", *command]
    original_report = cli._report

    def report(*args: Any, **kwargs: Any) -> int:
        code = original_report(*args, **kwargs)
        mark("end")
        for name, at in marks[1:]:
            print(f"phase\t{name}\t{at}", file=sys.stderr)
        sys.stderr.flush()
        return code

    cli._report = report
    print(f"phase\t\t{marks[0][1]}", file=sys.stderr)
    cli.run()


if __name__ == "__main__":
    sys.exit(main())
