"""Benchmark migcheck against the floor of parsing the same estate with lxml.

Usage::

    python benchmarks/run.py [--estate DIR] [--runs 3] [--services N --vms M --vnets K --seed S]

Without ``--estate`` an estate of about 4,000 files is generated (``benchmarks/generate.py``) into a
temporary folder that is removed afterwards. Four commands are then measured, each in a fresh process:

(a) the floor: ``benchmarks/floor.py``, which imports lxml and parses every file, nothing else;
(b) ``migcheck check ESTATE --format json``;
(c) ``migcheck --version``;
(d) ``pytest --migcheck -q -p no:cacheprovider`` in the estate: the pytest plugin on the same files.

For each, the wall time is the best of the runs and the peak RSS is the child's own maximum resident set
size (from ``os.wait4``). The targets are: (b) at most twice the floor, (c) at most 150 ms, and at most
150 MB of RSS, and (d) at most five times (b); for (d) the per-item overhead over (b) is reported too. This is a measurement, not a test: the script exits 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATE = HERE / "generate.py"
FLOOR = HERE / "floor.py"
SUFFIXES = (".csdef", ".cscfg", ".netcfg", ".xml")
MAX_RATIO = 2.0
MAX_VERSION_SECONDS = 0.150
MAX_RSS_MB = 150.0
MAX_PYTEST_RATIO = 5.0


@dataclass
class Sample:
    """One run of one command."""

    wall: float
    rss_mb: float | None
    returncode: int
    stdout: bytes
    stderr: bytes


@dataclass
class Measurement:
    """The best of several runs of one command, or why it could not be measured."""

    label: str
    ok_codes: frozenset[int]
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None

    @property
    def wall(self) -> float | None:
        """Best wall time in seconds."""
        return min((s.wall for s in self.samples), default=None) if not self.error else None

    @property
    def rss_mb(self) -> float | None:
        """Highest peak RSS over the runs, in MB."""
        values = [s.rss_mb for s in self.samples if s.rss_mb is not None]
        return max(values) if values and not self.error else None


def rss_to_mb(maxrss: int) -> float:
    """ru_maxrss is in kilobytes on Linux and in bytes on macOS."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def run_once(command: Sequence[str], cwd: Path) -> Sample:
    """Run COMMAND once; time it and read the child's own peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            rss: float | None = rss_to_mb(usage.ru_maxrss)
        else:  # no per-child rusage on this platform
            process.wait()
            wall = time.perf_counter() - start
            rss = None
        out.seek(0)
        err.seek(0)
        return Sample(wall, rss, process.returncode, out.read(), err.read())


def measure(label: str, command: Sequence[str], cwd: Path, runs: int, ok_codes: set[int]) -> Measurement:
    """Run COMMAND RUNS times; stop at the first run that fails or exits with an unexpected code."""
    result = Measurement(label, frozenset(ok_codes))
    for _ in range(runs):
        try:
            sample = run_once(command, cwd)
        except OSError as exc:
            result.error = f"cannot run {command[0]}: {exc}"
            break
        result.samples.append(sample)
        if sample.returncode not in ok_codes:
            tail = sample.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            result.error = f"exit code {sample.returncode}: " + (" | ".join(tail) or "no message")
            break
    return result


def migcheck_command() -> list[str]:
    """The migcheck console script next to this interpreter, else ``python -m migcheck``."""
    script = shutil.which("migcheck", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "migcheck"]


def pytest_command() -> list[str]:
    """pytest with the migcheck plugin, as a user runs it at the root of their repository."""
    return [sys.executable, "-m", "pytest", "--migcheck", "-q", "-p", "no:cacheprovider"]


def count_items(run: Measurement) -> int | None:
    """How many items pytest ran, from its last line (``12 failed, 345 passed in 1.23s``)."""
    if run.error or not run.samples:
        return None
    lines = run.samples[-1].stdout.decode("utf-8", "replace").strip().splitlines()
    words = lines[-1].replace(",", " ").split() if lines else []
    pairs = itertools.pairwise(words)
    counts = [int(n) for n, word in pairs if n.isdigit() and word in ("passed", "failed")]
    return sum(counts) or None


@contextmanager
def estate_folder(args: argparse.Namespace) -> Iterator[Path]:
    """The estate to measure: the one given, or a freshly generated one in a temporary folder."""
    if args.estate:
        yield args.estate.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="migcheck-bench-") as tmp:
        estate = Path(tmp) / "estate"
        counts = ["--services", str(args.services), "--vms", str(args.vms), "--vnets", str(args.vnets)]
        command = [sys.executable, str(GENERATE), str(estate), *counts, "--seed", str(args.seed)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        yield estate


def describe(estate: Path) -> str:
    """Number and total size of the classic files under ESTATE."""
    count, size = 0, 0
    for folder, _, files in os.walk(estate):
        for name in files:
            if name.lower().endswith(SUFFIXES):
                count += 1
                size += os.path.getsize(os.path.join(folder, name))
    return f"{count:,} classic files, {size / 1e6:.1f} MB"


def count_findings(check: Measurement) -> str:
    """How many findings migcheck's JSON output holds, if it can be read."""
    if check.error or not check.samples:
        return ""
    try:
        findings = json.loads(check.samples[-1].stdout)
    except ValueError:
        return "  (output is not JSON)"
    return f"  ({len(findings):,} findings)" if isinstance(findings, list) else ""


def verdict(value: float | None, limit: float) -> str:
    """PASS or MISS against an upper limit; n/a without a value."""
    if value is None:
        return "n/a"
    return "PASS" if value <= limit else "MISS"


def fmt_wall(m: Measurement) -> str:
    """Wall time cell."""
    return "ERROR" if m.error else f"{m.wall:.3f} s" if m.wall is not None else "n/a"


def fmt_rss(m: Measurement) -> str:
    """Peak RSS cell."""
    return "" if m.error else f"{m.rss_mb:.1f} MB" if m.rss_mb is not None else "n/a"


def target_rows(floor: Measurement, check: Measurement, version: Measurement) -> list[tuple[str, str, str]]:
    """(measurement, target, result) for each target."""
    ratio = check.wall / floor.wall if check.wall and floor.wall else None
    ratio_text = f"{ratio:.2f}x" if ratio is not None else "n/a"
    version_ms = f"{version.wall * 1000:.0f} ms" if version.wall is not None else "n/a"
    rows = [
        ("(b)/(a) wall ratio", f"{ratio_text} <= {MAX_RATIO:.1f}x", verdict(ratio, MAX_RATIO)),
        (
            "(c) --version wall",
            f"{version_ms} <= {MAX_VERSION_SECONDS * 1000:.0f} ms",
            verdict(version.wall, MAX_VERSION_SECONDS),
        ),
    ]
    for m in (check, version):
        rss = f"{m.rss_mb:.1f} MB" if m.rss_mb is not None else "n/a"
        rows.append(
            (f"{m.label[:3]} peak RSS", f"{rss} <= {MAX_RSS_MB:.0f} MB", verdict(m.rss_mb, MAX_RSS_MB))
        )
    return rows


def pytest_rows(check: Measurement, plugin: Measurement) -> list[tuple[str, str, str]]:
    """(measurement, target, result) for the pytest plugin: its wall time against the CLI's."""
    ratio = plugin.wall / check.wall if plugin.wall and check.wall else None
    ratio_text = f"{ratio:.2f}x" if ratio is not None else "n/a"
    return [
        ("(d)/(b) wall ratio", f"{ratio_text} <= {MAX_PYTEST_RATIO:.1f}x", verdict(ratio, MAX_PYTEST_RATIO))
    ]


def per_item(check: Measurement, plugin: Measurement) -> str:
    """The pytest plugin's wall time over the CLI's, per item, in milliseconds."""
    items = count_items(plugin)
    if not items or plugin.wall is None or check.wall is None:
        return ""
    overhead = (plugin.wall - check.wall) / items * 1000
    return f"  ({items:,} items, {overhead:.3f} ms per item over (b))"


def report(estate: Path, runs: int, measurements: list[Measurement]) -> None:
    """Print the figures, the targets and any errors."""
    floor, check, version, plugin = measurements
    print(f"estate: {estate} ({describe(estate)})")
    print(f"wall: best of {runs} runs; peak RSS: the child process's own maximum\n")
    print(f"{'command':<40} {'wall':>10} {'peak RSS':>10}")
    for m in measurements:
        extra = count_findings(m) if m is check else per_item(check, m) if m is plugin else ""
        print(f"{m.label:<40} {fmt_wall(m):>10} {fmt_rss(m):>10}{extra}")
    print(f"\n{'target':<22} {'measured vs target':<26} result")
    for name, target, result in target_rows(floor, check, version) + pytest_rows(check, plugin):
        print(f"{name:<22} {target:<26} {result}")
    errors = [m for m in measurements if m.error]
    if errors:
        print()
    for m in errors:
        print(f"error in {m.label}: {m.error}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--estate", type=Path, help="measure this folder instead of a generated estate")
    parser.add_argument("--runs", type=int, default=3, help="runs per command; the best wall time counts")
    parser.add_argument("--services", type=int, default=1300, help="generated cloud services")
    parser.add_argument("--vms", type=int, default=96, help="generated Export-AzureVM files")
    parser.add_argument("--vnets", type=int, default=40, help="generated virtual networks")
    parser.add_argument("--seed", type=int, default=2017, help="generator seed")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.estate and not args.estate.is_dir():
        parser.error(f"--estate {args.estate}: not a folder")
    return args


def main(argv: list[str] | None = None) -> int:
    """Generate or take the estate, measure the four commands, print the table. Always exits 0."""
    args = parse_args(argv)
    migcheck = migcheck_command()
    with estate_folder(args) as estate:
        commands = [
            ("(a) floor: python + lxml parse", [sys.executable, str(FLOOR), str(estate)], {0}),
            ("(b) migcheck check --format json", [*migcheck, "check", ".", "--format", "json"], {0, 1}),
            ("(c) migcheck --version", [*migcheck, "--version"], {0}),
            ("(d) pytest --migcheck -q", pytest_command(), {0, 1}),
        ]
        measurements = [measure(label, cmd, estate, args.runs, ok) for label, cmd, ok in commands]
        report(estate, args.runs, measurements)
    return 0


if __name__ == "__main__":
    sys.exit(main())
