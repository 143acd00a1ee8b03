"""Benchmark migcheck against the floors: the least work any checker of the same files must do.

Usage::

    python benchmarks/run.py [--estate DIR] [--runs 3] [--services N --vms M --vnets K --seed S]
                             [--large 10 | --large-estate DIR] [--scripts 3000] [--inventory-pages 40]
                             [--growth-scale 1]

Without ``--estate`` an estate of about 4,000 files is generated (``benchmarks/generate.py``) into a
temporary folder that is removed afterwards. These commands are then measured, each in a fresh process:

(a) the floor: ``benchmarks/floor.py``, which imports lxml and parses every file, nothing else;
(b) ``migcheck check ESTATE --format json``;
(c) ``migcheck --version``;
(d) ``migcheck check`` on an empty folder: the start-up of a real run;
(e) ``pytest --migcheck -q -p no:cacheprovider`` in the estate: the pytest plugin on the same files, with
    every other installed pytest plugin turned off (``-p no:NAME``), as in a repository that installs
    migcheck alone;
(f) the same pytest run with ``benchmarks/noop_items.py`` instead: the same items, doing nothing;
(g) ``migcheck check ESTATE --format json --select MIG201``: a rule about cloud services, which needs
    every file;
(h) ``migcheck check ESTATE --format json --select MIG303``: a rule about networks, which needs only the
    network configurations, REST bodies and inventory exports;
(i) and (j): (a) and (b) on an estate ``--large`` times as large (40,000 files), generated into a
    temporary folder (or the one ``--large-estate`` names), each run once after the runs above warmed the
    bytecode cache and every file was read once to warm the page cache: their wall times, ratio and peak
    RSS;
(k) and (l): the floor of a script-heavy repository (``benchmarks/scripts.py``: ``--scripts`` Python,
    PowerShell and shell files, a tenth of them classic), ``floor.py --of scripts`` (every classic script parsed
    with the parser migcheck reads it with), and ``migcheck check`` on the whole repository;
(m) and (n): the floor of an inventory-heavy repository (``benchmarks/inventory.py``: ``--inventory-pages``
    pages of ``az graph query`` output), ``floor.py --of inventory`` (``json.loads`` of every file), and
    ``migcheck check`` on it;
(o) and (p): (b) and (j) with ``--jobs 1``, reading every file in one process as the floor does ((b) and
    (j) read in worker processes by default, one per core: ``migcheck.workers``);
then the growth table of ``benchmarks/hostile.py``: for each adversarial dimension, the lint's CPU time at n
(times ``--growth-scale``), 2n, 4n and 8n, and how much it grew at each doubling (2x is linear, 4x
quadratic).

Bytecode caching is on, as in an installed tool: the children write their bytecode to a temporary cache
(``PYTHONPYCACHEPREFIX``, whatever ``PYTHONDONTWRITEBYTECODE`` says here), and each command runs once
before it is measured (but (i), (j) and (p)). For each, the wall time is the best of the runs and the peak RSS
is the child's own maximum resident set size (from ``os.wait4``); (b) and (j), which read in as many
processes as ``migcheck.workers.auto_jobs`` finds idle cores for, say their CPU time against their wall time
(about 1x: they read in one process, as (o) and (p) do). The targets: (b) at most 1.5 times (a),
and (j) 1.5 times (i); (c) at most 100 ms; (d) at most 150 ms; (e) at most 3 times (b) and 1.2 times (f)
plus (b); at most 150 MB of RSS for (b), (e) and (j). (g) and (h) are shown against (b), (l) against (k),
(n) against (m), (o) against (a) and (p) against (i), without a target. ``--large 0``, ``--scripts 0``, ``--inventory-pages 0`` and
``--growth-scale 0`` skip a part.

It ends with the tables of docs/performance.md in markdown, between two marked lines, ready to paste.
This is a measurement, not a test: the script exits 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import itertools
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
from typing import IO

import hostile
import inventory
import scripts

HERE = Path(__file__).resolve().parent
GENERATE = HERE / "generate.py"
FLOOR = HERE / "floor.py"
SUFFIXES = (".csdef", ".cscfg", ".netcfg", ".xml")
NOOP_PLUGIN = "noop_items"
MIGCHECK_PLUGIN = "migcheck"  # the name of our pytest11 entry point (pyproject.toml)
MAX_RATIO = 1.5
MAX_VERSION_SECONDS = 0.100
MAX_EMPTY_SECONDS = 0.150
MAX_RSS_MB = 150.0
MAX_PYTEST_RATIO = 3.0
MAX_NOOP_RATIO = 1.2


@dataclass
class Sample:
    """One run of one command, with the end of what it printed (enough for a summary line or an error)."""

    wall: float
    rss_mb: float | None
    returncode: int
    stdout: bytes
    stderr: bytes
    # CPU time (user and system) of the child and the workers it waited for, in seconds (`os.wait4`).
    cpu: float | None = None


@dataclass
class Measurement:
    """The best of several runs of one command, or why it could not be measured."""

    label: str
    ok_codes: frozenset[int]
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None
    output: Path | None = None  # where the last run's whole stdout is, if kept
    findings: int | None = None  # how many findings that output holds, once counted

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


# Only the end of each output is read back: a child's peak RSS counts its parent's as it was when the child
# was started (Linux carries the high-water mark of the memory an exec replaces), so this process must not
# grow by holding a large output (40,000 files' findings) while others are measured.
TAIL_BYTES = 8192


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str], output: Path | None = None) -> Sample:
    """Run COMMAND once; time it and read the child's own peak RSS. Its whole stdout goes to `output`
    when given."""
    with _stdout_file(output) as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            rss: float | None = rss_to_mb(usage.ru_maxrss)
            cpu: float | None = usage.ru_utime + usage.ru_stime
        else:  # no per-child rusage on this platform
            process.wait()
            wall = time.perf_counter() - start
            rss = cpu = None
        return Sample(wall, rss, process.returncode, _tail(out), _tail(err), cpu)


def _stdout_file(output: Path | None) -> IO[bytes]:
    return open(output, "w+b") if output else tempfile.TemporaryFile()  # closed by with


def _tail(stream: IO[bytes]) -> bytes:
    stream.seek(max(0, stream.seek(0, os.SEEK_END) - TAIL_BYTES))
    return stream.read()


def measure(
    label: str,
    command: Sequence[str],
    cwd: Path,
    runs: int,
    ok_codes: set[int],
    env: dict[str, str],
    *,
    warm_up: bool = True,
    output: Path | None = None,
) -> Measurement:
    """Run COMMAND once to warm the bytecode cache (unless not `warm_up`), then RUNS times; stop at the
    first run that fails or exits with an unexpected code. The last run's stdout is kept in `output`."""
    result = Measurement(label, frozenset(ok_codes), output=output)
    first = 0 if warm_up else 1
    for number in range(first, runs + 1):
        try:
            sample = run_once(command, cwd, env, output)
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
    return [
        sys.executable,
        "-m",
        "pytest",
        "--migcheck",
        "-q",
        "-p",
        "no:cacheprovider",
        *other_plugins_off(),
    ]


def other_plugins_off() -> list[str]:
    """`-p no:NAME` for each pytest plugin installed beside migcheck's (those of the test suite's
    dependencies: pytest-xdist, hypothesis): pytest as a repository that installs migcheck alone runs it.
    Hypothesis's plugin imports all of hypothesis as the session ends, and its `pytest_ignore_collect`
    makes the migcheck plugin leave that hook to pytest (`MigcheckSession._as_pytest_would`)."""
    from importlib.metadata import entry_points

    names = sorted({ep.name for ep in entry_points(group="pytest11") if ep.name != MIGCHECK_PLUGIN})
    return [arg for name in names for arg in ("-p", f"no:{name}")]


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
    """How many findings migcheck's JSON output held, once counted."""
    return f"  ({check.findings:,} findings)" if check.findings is not None else ""


# The checks counted read in as many processes as `migcheck.workers.auto_jobs` chooses: two on 2 idle cores,
# one when other programs keep a core busy as the run starts, so that on a shared machine a row may be one
# process's time. Their CPU time tells: about their wall time in one process, well past it in two.


def processes_at_work(check: Measurement) -> str:
    """What is said of the fastest run of `check`: ", CPU 1.62x wall"; nothing where its CPU time is unknown."""
    timed = [(s.wall, s.cpu) for s in check.samples if s.cpu is not None and s.wall > 0]
    if check.error or not timed:
        return ""
    wall, cpu = min(timed)
    return f", CPU {cpu / wall:.2f}x wall"


# Counted in a child: loading 40,000 files' findings here would raise the peak RSS of every later child.
_COUNT = """
import json, sys
with open(sys.argv[1], "rb") as handle:
    findings = json.load(handle)
print(len(findings) if isinstance(findings, list) else "")
"""


def count_outputs(measured: dict[str, Measurement]) -> None:
    """Count the findings in each kept JSON output (nothing when it is not a JSON list)."""
    for m in measured.values():
        if m.output is None or m.error or not m.output.exists():
            continue
        run = subprocess.run([sys.executable, "-c", _COUNT, str(m.output)], capture_output=True, check=False)
        text = run.stdout.decode().strip()
        m.findings = int(text) if run.returncode == 0 and text.isdigit() else None


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
    """(measurement, target, result) for each target, and the ratios without one."""
    floor, check, version, empty = runs["floor"], runs["check"], runs["version"], runs["empty"]
    rows = [_ratio_row(check, floor, MAX_RATIO)]
    if "large" in runs:
        rows.append(_ratio_row(runs["large"], runs["large_floor"], MAX_RATIO))
    rows += [
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
    for m in (check, runs.get("check_one"), runs["pytest"], runs.get("large"), runs.get("large_one")):
        if m is None:
            continue
        rss = f"{m.rss_mb:.1f} MB" if m.rss_mb is not None else "n/a"
        rows.append(
            (f"{m.label[:3]} peak RSS", f"{rss} <= {MAX_RSS_MB:.0f} MB", verdict(m.rss_mb, MAX_RSS_MB))
        )
    one_process = (("check_one", "floor"), ("large_one", "large_floor"))
    for key, base in (*one_process, ("select", "check"), ("select_network", "check"), *UNTARGETED):
        if key in runs:
            rows.append(_ratio_row(runs[key], runs[base], None))
    return rows


# The ratios shown without a target: a repository's check against its own floor.
UNTARGETED = (("scripts", "scripts_floor"), ("inventory", "inventory_floor"))


def _ratio_row(m: Measurement, base: Measurement, limit: float | None) -> tuple[str, str, str]:
    ratio = _ratio(m.wall, base.wall)
    name = f"{m.label[:3]}/{base.label[:3]} wall ratio"
    if limit is None:
        return (name, f"{_times(ratio)} (no target)", "-")
    return (name, f"{_times(ratio)} <= {limit:.1f}x", verdict(ratio, limit))


def pytest_rows(runs: dict[str, Measurement]) -> list[tuple[str, str, str]]:
    """(measurement, target, result) for the pytest plugin: against the CLI, and against pytest's own cost
    for the same items (the no-op floor) plus the lint the plugin has to do once."""
    check, plugin = runs["check"], runs["pytest"]
    ratio = _ratio(plugin.wall, check.wall)
    over_floor = _ratio(plugin.wall, noop_floor(runs))
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


def noop_floor(runs: dict[str, Measurement]) -> float | None:
    """(f) + (b): pytest's own cost for the plugin's items, plus the lint the plugin has to do once."""
    noop, check = runs["noop"].wall, runs["check"].wall
    return noop + check if noop is not None and check is not None else None


def per_item(check: Measurement, plugin: Measurement) -> str:
    """The pytest plugin's wall time over the CLI's, per item, in milliseconds."""
    items = count_items(plugin)
    if not items or plugin.wall is None or check.wall is None:
        return ""
    overhead = (plugin.wall - check.wall) / items * 1000
    return f"  ({items:,} items, {overhead:.3f} ms per item over (b))"


def report(estate: Path, runs: int, measured: dict[str, Measurement], notes: dict[str, str]) -> None:
    """Print the figures, the targets and any errors."""
    check, plugin = measured["check"], measured["pytest"]
    print(f"estate: {estate} ({describe(estate)})")
    for key in ("large", "scripts", "inventory"):
        if key in notes:
            print(f"{key}: {notes[key]}")
    print(
        f"wall: best of {runs} runs after one warm-up run ((i) and (j): one run), bytecode caching on; "
        "peak RSS: the child's own\n"
    )
    print(f"{'command':<52} {'wall':>10} {'peak RSS':>10}")
    for m in measured.values():
        extra = per_item(check, m) if m is plugin else findings_said(m)
        print(f"{m.label:<52} {fmt_wall(m):>10} {fmt_rss(m):>10}{extra}")
    print(f"\n{'target':<22} {'measured vs target':<26} result")
    for name, target, result in target_rows(measured) + pytest_rows(measured):
        print(f"{name:<22} {target:<26} {result}")
    errors = [m for m in measured.values() if m.error]
    if errors:
        print()
    for m in errors:
        print(f"error in {m.label}: {m.error}")


def findings_said(check: Measurement) -> str:
    """What the text report says after a check's wall time and peak RSS: its findings, counted, and how
    many processes were at work (`processes_at_work`)."""
    return count_findings(check) + processes_at_work(check) if check.label[:3] in FINDINGS else ""


# The checks whose JSON output is counted.
FINDINGS = ("(b)", "(j)", "(l)", "(n)")


# --- the tables of docs/performance.md ------------------------------------------------------------------

TIMES = "\u00d7"  # the multiplication sign docs/performance.md writes ratios with
MARKDOWN_BEGIN = "<!-- begin: the performance tables of docs/performance.md, from benchmarks/run.py -->"
MARKDOWN_END = "<!-- end: the performance tables of docs/performance.md -->"


def _md_wall(m: Measurement, unit: str = "s") -> str:
    if m.error or m.wall is None:
        return "error" if m.error else "n/a"
    return f"{m.wall * 1000:.0f} ms" if unit == "ms" else f"{m.wall:.2f} s"


def _md_rss(m: Measurement) -> str:
    return f"{m.rss_mb:.0f} MB" if m.rss_mb is not None and not m.error else ""


def _md_target(value: float | None, limit: float, shown: str) -> str:
    if value is None:
        return f"{shown}: n/a"
    return f"{shown}: met" if value <= limit else f"{shown}: **not met**"


def _md_row(*cells: str) -> str:
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def _md_ratio(value: float | None) -> str:
    return f"{value:.2f}{TIMES}" if value is not None else "n/a"


def markdown(measured: dict[str, Measurement], titles: dict[str, str], growth: list[str]) -> list[str]:
    """The performance table of docs/performance.md (one row per command and ratio) and the growth table."""
    rss_target = f"≤ {MAX_RSS_MB:.0f} MB"
    lines = ["| command | wall | peak RSS | target |", "| --- | --- | --- | --- |"]

    def command(key: str, target: str = "", unit: str = "s") -> None:
        if key in measured:
            m = measured[key]
            lines.append(_md_row(titles[key], _md_wall(m, unit), _md_rss(m), target))

    def ratio(name: str, value: float | None, target: str = "") -> None:
        lines.append(_md_row(name, _md_ratio(value), "", target))

    def over(key: str, base: str, limit: float | None = None) -> None:
        if key in measured:
            value = _ratio(measured[key].wall, measured[base].wall)
            target = _md_target(value, limit, f"≤ {limit:g}{TIMES}") if limit else ""
            ratio(f"{measured[key].label[:3]}/{measured[base].label[:3]}", value, target)

    def rss(key: str) -> str:
        return _md_target(measured[key].rss_mb, MAX_RSS_MB, rss_target) if key in measured else ""

    command("floor")
    command("check", rss("check"))
    over("check", "floor", MAX_RATIO)
    command("check_one", rss("check_one"))
    over("check_one", "floor")
    version, empty = measured["version"].wall, measured["empty"].wall
    command("version", _md_target(version, MAX_VERSION_SECONDS, "≤ 100 ms"), "ms")
    command("empty", _md_target(empty, MAX_EMPTY_SECONDS, "≤ 150 ms"), "ms")
    command("pytest", rss("pytest"))
    over("pytest", "check", MAX_PYTEST_RATIO)
    command("noop")
    noop = _ratio(measured["pytest"].wall, noop_floor(measured))
    ratio("(e)/((f)+(b))", noop, _md_target(noop, MAX_NOOP_RATIO, f"≤ {MAX_NOOP_RATIO:g}{TIMES}"))
    for key in ("select", "select_network"):
        command(key)
        over(key, "check")
    command("large_floor")
    command("large", rss("large"))
    over("large", "large_floor", MAX_RATIO)
    command("large_one", rss("large_one"))
    over("large_one", "large_floor")
    for key, base in UNTARGETED:
        command(base)
        command(key)
        over(key, base)
    return [*lines, "", *growth] if growth else lines


def titles_of(measured: dict[str, Measurement], notes: dict[str, str]) -> dict[str, str]:
    """Each command's name in the performance table, with what it ran on and what it found."""

    def found(key: str) -> str:
        return count_findings(measured[key]).strip() if key in measured else ""

    items = count_items(measured["pytest"])
    return {
        "floor": "(a) floor: import lxml, parse every file",
        "check": f"(b) `migcheck check --format json` {found('check')}".rstrip(),
        "version": "(c) `migcheck --version`",
        "empty": "(d) `migcheck check` on an empty folder",
        "pytest": "(e) `pytest --migcheck -q`" + (f" ({items:,} items)" if items else ""),
        "noop": "(f) pytest, the same items doing nothing",
        "select": "(g) `check --format json --select MIG201` (cloud services: every file but the `.netcfg`)",
        "select_network": "(h) `check --format json --select MIG303` (networks: the `.netcfg` and `.xml` files)",
        "large_floor": f"(i) floor on {notes.get('large', '')}",
        "large": f"(j) `migcheck check --format json` on the same {found('large')}".rstrip(),
        "scripts_floor": f"(k) floor: parse the classic scripts (`ast`, tree-sitter) of {notes.get('scripts', '')}",
        "scripts": f"(l) `migcheck check --format json` on all of them {found('scripts')}".rstrip(),
        "inventory_floor": f"(m) floor: `json.loads` of {notes.get('inventory', '')}",
        "inventory": f"(n) `migcheck check --format json` on them {found('inventory')}".rstrip(),
        "check_one": "(o) (b) reading in one process: `--jobs 1`",
        "large_one": "(p) (j) reading in one process: `--jobs 1`",
    }


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
        help="also measure (a) and (b) on an estate FACTOR times the counts (default 10: 40,000 files; "
        "0 to skip)",
    )
    parser.add_argument(
        "--large-estate",
        type=Path,
        metavar="DIR",
        help="the large estate to measure instead of generating one",
    )
    parser.add_argument(
        "--scripts", type=int, default=3000, help="scripts in the script-heavy repository (0 to skip)"
    )
    parser.add_argument(
        "--inventory-pages",
        type=int,
        default=40,
        help="pages of `az graph query` output in the inventory-heavy repository (0 to skip)",
    )
    parser.add_argument("--inventory-records", type=int, default=500, help="records per inventory page")
    parser.add_argument(
        "--growth-scale",
        type=float,
        default=1.0,
        help="multiply the n of every growth case by this (0 to skip the growth table)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    for option, folder in (("--estate", args.estate), ("--large-estate", args.large_estate)):
        if folder and not folder.is_dir():  # one line: the usage says nothing of which folders exist
            parser.exit(2, f"{parser.prog}: error: {option} {folder}: not a folder\n")
    if min(args.large, args.scripts, args.inventory_pages, args.growth_scale) < 0:
        parser.error("--large, --scripts, --inventory-pages and --growth-scale must be 0 (skip) or more")
    if args.inventory_pages and args.inventory_records < inventory.MIN_RECORDS:
        parser.error(f"--inventory-records must be at least {inventory.MIN_RECORDS}")
    return args


def main(argv: list[str] | None = None) -> int:
    """Generate or take the estates, measure the commands, print the tables. Always exits 0."""
    args = parse_args(argv)
    migcheck = migcheck_command()
    notes: dict[str, str] = {}
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
            ("check_one", "(o) check --format json --jobs 1", [*check, "--jobs", "1"], {0, 1}, env),
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
        outputs = Path(tmp)
        measured = {
            key: measure(
                label,
                cmd,
                estate,
                args.runs,
                ok,
                child_env,
                output=outputs / "check.out" if key == "check" else None,
            )
            for key, label, cmd, ok, child_env in commands
        }
        if args.large or args.large_estate:
            measured.update(measure_large(args, check, env, notes, outputs))
        if args.scripts:
            measured.update(measure_scripts(args, outputs, env, notes))
        if args.inventory_pages:
            measured.update(measure_inventory(args, outputs, env, notes))
        count_outputs(measured)
        report(estate, args.runs, measured, notes)
    growth = measure_growth(args.growth_scale) if args.growth_scale else []
    print(f"\n{MARKDOWN_BEGIN}")
    for line in markdown(measured, titles_of(measured, notes), growth):
        print(line)
    print(MARKDOWN_END)
    return 0


@contextmanager
def large_folder(args: argparse.Namespace) -> Iterator[Path]:
    """The large estate: the one `--large-estate` names, or one generated `--large` times as large."""
    if args.large_estate:
        yield args.large_estate.resolve()
        return
    with generated(args, args.large) as large:
        yield large


def measure_large(
    args: argparse.Namespace, check: list[str], env: dict[str, str], notes: dict[str, str], outputs: Path
) -> dict[str, Measurement]:
    """(i) the floor and (j) `check` once each on the large estate; the bytecode cache is warm from (b)."""
    with large_folder(args) as large:
        notes["large"] = describe(large)
        warm_page_cache(large)
        floor = [sys.executable, str(FLOOR), str(large)]
        return {
            "large_floor": measure("(i) (a) on the large estate", floor, large, 1, {0}, env, warm_up=False),
            "large": measure(
                "(j) (b) on the large estate",
                check,
                large,
                1,
                {0, 1},
                env,
                warm_up=False,
                output=outputs / "large.out",
            ),
            "large_one": measure(
                "(p) (o) on the large estate", [*check, "--jobs", "1"], large, 1, {0, 1}, env, warm_up=False
            ),
        }


def warm_page_cache(folder: Path) -> None:
    """Read every file under `folder` once, unmeasured. The large commands run once each, without the
    warm-up run the others have: the first of them would otherwise pay for reading the files from disk
    (the floor took twice as long as with the files in memory), which flatters every ratio to it."""
    for dirpath, _, names in os.walk(folder):
        for name in names:
            try:
                with open(os.path.join(dirpath, name), "rb") as handle:
                    while handle.read(1 << 20):
                        pass
            except OSError:
                pass  # a file that cannot be read is the commands' business, not the warm-up's


def measure_scripts(
    args: argparse.Namespace, tmp: Path, env: dict[str, str], notes: dict[str, str]
) -> dict[str, Measurement]:
    """(k) the floor of the classic scripts and (l) `check` on the script-heavy repository."""
    root = tmp / "scripts"
    classic, _, count = scripts.generate(root, args.scripts, scripts.CLASSIC_SHARE, args.seed)
    notes["scripts"] = f"{args.scripts:,} Python, PowerShell and shell scripts, {count:,} of them classic"
    floor = [sys.executable, str(FLOOR), "--of", "scripts", str(classic)]
    check = [*migcheck_command(), "check", "repo", "--format", "json"]
    return {
        "scripts_floor": measure("(k) floor: parse the classic scripts", floor, root, args.runs, {0}, env),
        "scripts": measure(
            "(l) check --format json, the scripts",
            check,
            root,
            args.runs,
            {0, 1},
            env,
            output=tmp / "scripts.out",
        ),
    }


def measure_inventory(
    args: argparse.Namespace, tmp: Path, env: dict[str, str], notes: dict[str, str]
) -> dict[str, Measurement]:
    """(m) the floor of the inventory exports and (n) `check` on the inventory-heavy repository."""
    root = tmp / "inventory"
    files, records = inventory.generate(root, args.inventory_pages, args.inventory_records, args.seed)
    size = sum(p.stat().st_size for p in root.rglob("*.json"))
    notes["inventory"] = f"{files:,} export files ({records:,} records, {size / 1e6:.1f} MB)"
    floor = [sys.executable, str(FLOOR), "--of", "inventory", str(root)]
    check = [*migcheck_command(), "check", ".", "--format", "json"]
    return {
        "inventory_floor": measure("(m) floor: json.loads every export", floor, root, args.runs, {0}, env),
        "inventory": measure(
            "(n) check --format json, the exports",
            check,
            root,
            args.runs,
            {0, 1},
            env,
            output=tmp / "inventory.out",
        ),
    }


def measure_growth(scale: float) -> list[str]:
    """The growth table of `hostile.py`, printed a row at a time as it is measured; its lines."""
    print("\ngrowth: CPU time of the run at n, 2n, 4n and 8n (2x per doubling is linear, 4x quadratic)\n")
    lines = []
    for line in hostile.growth_table(hostile.growth_rows(scale)):
        print(line, flush=True)
        lines.append(line)
    return lines


def noop_command() -> list[str]:
    """pytest with the no-op plugin in place of migcheck's, on the same items."""
    return [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        NOOP_PLUGIN,
        "-q",
        "-p",
        "no:cacheprovider",
        *other_plugins_off(),
    ]


if __name__ == "__main__":
    sys.exit(main())
