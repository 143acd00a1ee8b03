"""Time and peak memory of migcheck on hostile inputs at full size: the figures in the README's
"Security and limits" section. Each case runs `migcheck check` in a fresh process.

    python benchmarks/hostile.py [--files 100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MB = 1024 * 1024


def _big(folder: Path) -> list[str]:
    unit = b"<Role name='r'><Instances count='2'/></Role>\n"
    with open(folder / "big.cscfg", "wb") as out:
        out.write(b"<ServiceConfiguration>\n")
        for _ in range(100 * MB // len(unit) // 1000):
            out.write(unit * 1000)
        out.write(b"</ServiceConfiguration>\n")
    return ["big.cscfg"]


def _at_limit(folder: Path) -> list[str]:
    unit = b"<Role name='r'><Instances count='2'/></Role>\n"
    body = unit * ((16 * MB - 100) // len(unit))
    (folder / "limit.cscfg").write_bytes(b"<ServiceConfiguration>\n" + body + b"</ServiceConfiguration>")
    return ["limit.cscfg"]


def _deep(folder: Path) -> list[str]:
    data = b"<ServiceConfiguration>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</ServiceConfiguration>"
    (folder / "deep.cscfg").write_bytes(data)
    return ["deep.cscfg"]


def _long_line(folder: Path) -> list[str]:
    unit = b"<Role name='r'/>"
    (folder / "line.cscfg").write_bytes(
        b"<ServiceConfiguration>" + unit * (10 * MB // len(unit)) + b"</ServiceConfiguration>"
    )
    return ["line.cscfg"]


def _many(count: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        (folder / "many").mkdir()
        for i in range(count):
            (folder / "many" / f"s{i:06}.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s"/>')
        return ["many"]

    return make


def _loops(folder: Path) -> list[str]:
    root = folder / "loops"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "up").symlink_to(root)
    (root / "a" / "self").symlink_to(root / "a")
    (root / "x.cscfg").symlink_to(root / "x.cscfg")
    return ["loops"]


def _backtracking_globs(count: int) -> Callable[[Path], list[str]]:
    """Every glob setting holds a pattern that Python's backtracking engine needs minutes for against a
    long name, over `count` files with such names."""

    def make(folder: Path) -> list[str]:
        glob = "*a*a*a*a*a*a*a*a*b"
        (folder / "pyproject.toml").write_text(
            f'[tool.migcheck]\ninclude = ["{glob}", "*.cscfg"]\nexclude = ["{glob}"]\n'
            f'[tool.migcheck.per-file-ignores]\n"{glob}" = ["MIG1"]\n'
            f'[tool.migcheck.cloud-services]\ns = ["{glob}"]\n[tool.migcheck.subscriptions]\np = ["{glob}"]\n'
        )
        (folder / "globs").mkdir()
        for i in range(count):
            name = f"{'a' * 200}{i:05}.cscfg"
            (folder / "globs" / name).write_bytes(b'<ServiceConfiguration serviceName="s"/>')
        return ["globs"]

    return make


def _gitignored(count: int) -> Callable[[Path], list[str]]:
    """A repository whose root and nested .gitignore files hold 1,000 patterns each."""

    def make(folder: Path) -> list[str]:
        root = folder / "repo"
        (root / ".git").mkdir(parents=True)
        patterns = "".join(f"ignored-{i}-*.cscfg\n[ab]x{i}/\n!keep-{i}.cscfg\n" for i in range(333))
        for d in range(10):
            sub = root / f"d{d}"
            sub.mkdir()
            (sub / ".gitignore").write_text(patterns)
            for i in range(count // 10):
                (sub / f"s{i:06}.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s"/>')
        (root / ".gitignore").write_text(patterns)
        return ["repo"]

    return make


def _baseline_device(folder: Path) -> list[str]:
    (folder / "shop").mkdir()
    (folder / "shop" / "s.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s"/>')
    (folder / "baseline.json").symlink_to("/dev/zero")
    (folder / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "baseline.json"\n')
    return ["shop"]


def _config_nested(folder: Path) -> list[str]:
    (folder / "shop").mkdir()
    (folder / "pyproject.toml").write_bytes(b"[tool.migcheck]\nselect = " + b"[" * 500_000 + b"]" * 500_000)
    return ["shop"]


def _availability_sets(count: int) -> Callable[[Path], list[str]]:
    """One deployment with `count` VMs, each in its own availability set: MIG102 reports count - 1
    findings; each named every set once (quadratic output), now a handful."""

    def make(folder: Path) -> list[str]:
        roles = "".join(
            f"<Role><RoleName>vm{i}</RoleName><RoleType>PersistentVMRole</RoleType>"
            f"<AvailabilitySetName>set{i}</AvailabilitySetName></Role>"
            for i in range(count)
        )
        (folder / "d.xml").write_text(
            f'<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>d</Name><RoleList>{roles}'
            "</RoleList></Deployment>"
        )
        return ["d.xml"]

    return make


def _measure(make: Callable[[Path], list[str]]) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = make(Path(tmp))
        # The child reports its own peak: RUSAGE_CHILDREN would keep the largest of all cases so far.
        command = [sys.executable, "-c", _CHILD, "check", "--format", "concise", *paths]
        started = time.perf_counter()
        run = subprocess.run(command, cwd=tmp, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        code, peak_kb = run.stderr.strip().splitlines()[-1].split()
        return elapsed, int(peak_kb) / 1024, int(code)


_CHILD = """
import resource, sys
from migcheck.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    args = parser.parse_args()
    cases = {
        "100 MB file (over the limit)": _big,
        "16 MB file (at the limit)": _at_limit,
        "element nested 10,000 deep": _deep,
        "10 MB single line": _long_line,
        f"{args.files:,} files in one folder": _many(args.files),
        "symlink loops": _loops,
        "backtracking glob in every setting, 10,000 files": _backtracking_globs(10_000),
        "10,000 files under 11 .gitignore of 1,000 lines": _gitignored(10_000),
        "baseline linked to /dev/zero (exit 2)": _baseline_device,
        "config nested 500,000 deep (exit 2)": _config_nested,
        "20,000 availability sets in one service": _availability_sets(20_000),
    }
    print(f"{'case':40} {'time':>8} {'peak RSS':>10} exit")
    for name, make in cases.items():
        if args.only not in name:
            continue
        elapsed, peak_mb, code = _measure(make)
        print(f"{name:40} {elapsed:7.2f}s {peak_mb:8.0f} MB {code}", flush=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
