"""Benchmark migcheck against the floor of parsing the same estate with lxml.

Usage::

    python benchmarks/run.py [--estate DIR] [--runs 3] [--services N --vms M --vnets K --seed S] [--large 10]

Without ``--estate`` an estate of about 4,000 files is generated (``benchmarks/generate.py``) into a
temporary folder that is removed afterwards. These commands are then measured, each in a fresh process:

(a) the floor: ``benchmarks/floor.py``, which imports lxml and parses every file, nothing else;
(b) ``migcheck check ESTATE --format json``;
(c) ``migcheck --version``;
(d) ``migcheck check`` on an empty folder: the start-up of a real run;
(e) ``pytest --migcheck -q -p no:cacheprovider`` in the estate: the pytest plugin on the same files;
(f) the same pytest run with ``benchmarks/noop_items.py`` instead: the same items, doing nothing;
(g) ``migcheck check ESTATE --format json --select MIG201``: a rule about cloud services, which needs
    every file;
(h) ``migcheck check ESTATE --format json --select MIG303``: a rule about networks, which needs only the
    network configurations, REST bodies and inventory exports;
(i) (b) on an estate ``--large`` times as large (40,000 files), generated into a temporary folder, run
    once after (b) warmed the bytecode cache: its peak RSS.

Bytecode caching is on, as in an installed tool: the children write their bytecode to a temporary cache
(``PYTHONPYCACHEPREFIX``, whatever ``PYTHONDONTWRITEBYTECODE`` says here), and each command runs once
before it is measured. For each, the wall time is the best of the runs and the peak RSS is the child's
own maximum resident set size (from ``os.wait4``). The targets: (b) at most 1.5 times (a); (c) at most
100 ms; (d) at most 150 ms; (e) at most 3 times (b) and 1.2 times (f) plus (b); at most 150 MB of RSS
for (b), (e) and (i). (g) and (h) are shown against (b) without a target.
This is a measurement, not a test: the script exits 0 whatever the figures are.
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
NOOP_PLUGIN = "noop_items"
MAX_RATIO = 1.5
MAX_VERSION_SECONDS = 0.100
MAX_EMPTY_SECONDS = 0.150
MAX_RSS_MB = 150.0
MAX_PYTEST_RATIO = 3.0
MAX_NOOP_RATIO = 1.2


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


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run COMMAND once; time it and read the child's own peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
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


def measure(
    label: str,
    command: Sequence[str],
    cwd: Path,
    runs: int,
    ok_codes: set[int],
    env: dict[str, str],
    *,
    warm_up: bool = True,
) -> Measurement:
    """Run COMMAND once to warm the bytecode cache (unless not `warm_up`), then RUNS times; stop at the
    first run that fails or exits with an unexpected code."""
    result = Measurement(label, frozenset(ok_codes))
    first = 0 if warm_up else 1
    for number in range(first, runs + 1):
        try:
            sample = run_once(command, cwd, env)
        except OSError as exc:
            result.error = f"cannot run {command[0]}: {exc}"
            break
        if number > 0 or sample.returncode not in ok_codes:
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
    with generated(args, 1) as estate:
        yield estate


@contextmanager
def generated(args: argparse.Namespace, factor: int) -> Iterator[Path]:
    """An estate of `factor` times the counts asked for, in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="migcheck-bench-") as tmp:
        estate = Path(tmp) / "estate"
        counts = [
            *("--services", str(args.services * factor)),
            *("--vms", str(args.vms * factor)),
            *("--vnets", str(args.vnets * factor)),
        ]
        command = [sys.executable, str(GENERATE), str(estate), *counts, "--seed", str(args.seed)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        yield estate


def describe(estate: Path) -> str:
    """Number and total size of the classic files under ESTATE."""
    count, size = classic_files(estate)
    return f"{count:,} classic files, {size / 1e6:.1f} MB"


def classic_files(estate: Path) -> tuple[int, int]:
    """(number, total size in bytes) of the classic files under ESTATE."""
    count, size = 0, 0
    for folder, _, files in os.walk(estate):
        for name in files:
            if name.lower().endswith(SUFFIXES):
                count += 1
                size += os.path.getsize(os.path.join(folder, name))
    return count, size


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


def _ratio(value: float | None, base: float | None) -> float | None:
    return value / base if value and base else None


def _times(ratio: float | None) -> str:
    return f"{ratio:.2f}x" if ratio is not None else "n/a"


def _ms(m: Measurement) -> str:
    return f"{m.wall * 1000:.0f} ms" if m.wall is not None else "n/a"


def target_rows(runs: dict[str, Measurement]) -> list[tuple[str, str, str]]:
    """(measurement, target, result) for each target."""
    floor, check, version, empty = runs["floor"], runs["check"], runs["version"], runs["empty"]
    ratio = _ratio(check.wall, floor.wall)
    rows = [
        ("(b)/(a) wall ratio", f"{_times(ratio)} <= {MAX_RATIO:.1f}x", verdict(ratio, MAX_RATIO)),
        (
            "(c) --version wall",
            f"{_ms(version)} <= {MAX_VERSION_SECONDS * 1000:.0f} ms",
            verdict(version.wall, MAX_VERSION_SECONDS),
        ),
        (
            "(d) empty check wall",
            f"{_ms(empty)} <= {MAX_EMPTY_SECONDS * 1000:.0f} ms",
            verdict(empty.wall, MAX_EMPTY_SECONDS),
        ),
    ]
    for m in (check, runs["pytest"], runs.get("large")):
        if m is None:
            continue
        rss = f"{m.rss_mb:.1f} MB" if m.rss_mb is not None else "n/a"
        rows.append(
            (f"{m.label[:3]} peak RSS", f"{rss} <= {MAX_RSS_MB:.0f} MB", verdict(m.rss_mb, MAX_RSS_MB))
        )
    for key in ("select", "select_network"):
        ratio = _ratio(runs[key].wall, check.wall)
        rows.append((f"{runs[key].label[:3]}/(b) wall ratio", f"{_times(ratio)} (no target)", "-"))
    return rows


def pytest_rows(runs: dict[str, Measurement]) -> list[tuple[str, str, str]]:
    """(measurement, target, result) for the pytest plugin: against the CLI, and against pytest's own cost
    for the same items (the no-op floor) plus the lint the plugin has to do once."""
    check, plugin, noop = runs["check"], runs["pytest"], runs["noop"]
    ratio = _ratio(plugin.wall, check.wall)
    floor = noop.wall + check.wall if noop.wall is not None and check.wall is not None else None
    over_floor = _ratio(plugin.wall, floor)
    return [
        (
            "(e)/(b) wall ratio",
            f"{_times(ratio)} <= {MAX_PYTEST_RATIO:.1f}x",
            verdict(ratio, MAX_PYTEST_RATIO),
        ),
        (
            "(e)/((f)+(b)) ratio",
            f"{_times(over_floor)} <= {MAX_NOOP_RATIO:.1f}x",
            verdict(over_floor, MAX_NOOP_RATIO),
        ),
    ]


def per_item(check: Measurement, plugin: Measurement) -> str:
    """The pytest plugin's wall time over the CLI's, per item, in milliseconds."""
    items = count_items(plugin)
    if not items or plugin.wall is None or check.wall is None:
        return ""
    overhead = (plugin.wall - check.wall) / items * 1000
    return f"  ({items:,} items, {overhead:.3f} ms per item over (b))"


def report(estate: Path, runs: int, measured: dict[str, Measurement]) -> None:
    """Print the figures, the targets and any errors."""
    check, plugin = measured["check"], measured["pytest"]
    print(f"estate: {estate} ({describe(estate)})")
    print(
        f"wall: best of {runs} runs after one warm-up run, bytecode caching on; peak RSS: the child's own\n"
    )
    print(f"{'command':<44} {'wall':>10} {'peak RSS':>10}")
    for m in measured.values():
        extra = count_findings(m) if m is check else per_item(check, m) if m is plugin else ""
        print(f"{m.label:<44} {fmt_wall(m):>10} {fmt_rss(m):>10}{extra}")
    print(f"\n{'target':<22} {'measured vs target':<26} result")
    for name, target, result in target_rows(measured) + pytest_rows(measured):
        print(f"{name:<22} {target:<26} {result}")
    errors = [m for m in measured.values() if m.error]
    if errors:
        print()
    for m in errors:
        print(f"error in {m.label}: {m.error}")


def child_environment(cache: Path) -> dict[str, str]:
    """The environment of every measured command: bytecode cached in CACHE, this folder importable (for
    the no-op plugin)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH", "")]))
    return env


def node_ids(estate: Path, env: dict[str, str], listing: Path) -> None:
    """Write the node ids ``pytest --migcheck`` collects in ESTATE to LISTING, one a line."""
    command = [*pytest_command(), "--collect-only"]
    run = subprocess.run(command, cwd=estate, env=env, capture_output=True, check=False)
    ids = [line for line in run.stdout.decode("utf-8", "replace").splitlines() if "::" in line]
    listing.write_text("\n".join(ids) + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--estate", type=Path, help="measure this folder instead of a generated estate")
    parser.add_argument("--runs", type=int, default=3, help="runs per command; the best wall time counts")
    parser.add_argument("--services", type=int, default=1300, help="generated cloud services")
    parser.add_argument("--vms", type=int, default=96, help="generated Export-AzureVM files")
    parser.add_argument("--vnets", type=int, default=40, help="generated virtual networks")
    parser.add_argument("--seed", type=int, default=2017, help="generator seed")
    parser.add_argument(
        "--large",
        type=int,
        default=10,
        metavar="FACTOR",
        help="also measure (b)'s memory on an estate FACTOR times the counts (default 10: 40,000 files; "
        "0 to skip)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.estate and not args.estate.is_dir():
        parser.error(f"--estate {args.estate}: not a folder")
    if args.large < 0:
        parser.error("--large must be 0 (skip) or more")
    return args


def main(argv: list[str] | None = None) -> int:
    """Generate or take the estate, measure the commands, print the table. Always exits 0."""
    args = parse_args(argv)
    migcheck = migcheck_command()
    with estate_folder(args) as estate, tempfile.TemporaryDirectory(prefix="migcheck-bench-run-") as tmp:
        env = child_environment(Path(tmp) / "pycache")
        empty = Path(tmp) / "empty"
        empty.mkdir()
        listing = Path(tmp) / "items.txt"
        node_ids(estate, env, listing)
        noop_env = {**env, "MIGCHECK_NOOP_ITEMS": str(listing)}
        check = [*migcheck, "check", ".", "--format", "json"]
        commands = [
            ("floor", "(a) floor: python + lxml parse", [sys.executable, str(FLOOR), str(estate)], {0}, env),
            ("check", "(b) migcheck check --format json", check, {0, 1}, env),
            ("version", "(c) migcheck --version", [*migcheck, "--version"], {0}, env),
            ("empty", "(d) migcheck check EMPTY_FOLDER", [*migcheck, "check", str(empty)], {0}, env),
            ("pytest", "(e) pytest --migcheck -q", pytest_command(), {0, 1}, env),
            ("noop", "(f) pytest, the same items doing nothing", noop_command(), {0}, noop_env),
            (
                "select",
                "(g) check --format json --select MIG201",
                [*check, "--select", "MIG201"],
                {0, 1},
                env,
            ),
            (
                "select_network",
                "(h) check --format json --select MIG303",
                [*check, "--select", "MIG303"],
                {0, 1},
                env,
            ),
        ]
        measured = {
            key: measure(label, cmd, estate, args.runs, ok, child_env)
            for key, label, cmd, ok, child_env in commands
        }
        if args.large:
            measured["large"] = measure_large(args, check, env)
        report(estate, args.runs, measured)
    return 0


def measure_large(args: argparse.Namespace, check: list[str], env: dict[str, str]) -> Measurement:
    """(b) once on an estate `--large` times as large; the bytecode cache is warm from (b)."""
    with generated(args, args.large) as large:
        label = f"(i) (b) on {classic_files(large)[0]:,} files"
        return measure(label, check, large, 1, {0, 1}, env, warm_up=False)


def noop_command() -> list[str]:
    """pytest with the no-op plugin in place of migcheck's, on the same items."""
    return [sys.executable, "-m", "pytest", "-p", NOOP_PLUGIN, "-q", "-p", "no:cacheprovider"]


if __name__ == "__main__":
    sys.exit(main())
