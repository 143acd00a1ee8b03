"""Time and peak memory of migcheck on hostile inputs: the figures in the README's "Security and limits"
section. Each case runs `migcheck check` in a fresh process. Three tables: each hostile input at full
size; how time grows from n to 2n for the classes that were once super-linear (2.0x is linear, 4.0x
quadratic); and peak memory per report format against the input's size.

    python benchmarks/hostile.py [--part full-size|growth|memory] [--files 100000] [--only WORDS]
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


def _dense(prefixes: int, files: int = 1) -> Callable[[Path], list[str]]:
    """Network configurations of `prefixes` bad prefixes each: one MIG304 finding per 75 bytes."""

    def make(folder: Path) -> list[str]:
        (folder / "dense").mkdir()
        for k in range(files):
            subnets = "".join(
                f'<Subnet name="s{i}"><AddressPrefix>10.{i % 250}.{i // 250 % 250}.1/16</AddressPrefix></Subnet>\n'
                for i in range(prefixes)
            )
            (folder / "dense" / f"n{k:04}.netcfg").write_text(
                '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/'
                'NetworkConfiguration"><VirtualNetworkConfiguration><VirtualNetworkSites>'
                f'<VirtualNetworkSite name="v{k}" Location="West Europe"><Subnets>\n{subnets}</Subnets>'
                "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
            )
        return ["dense"]

    return make


def _one_line(roles: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        text = "".join(f'<Role name="r{i}"><Instances count="1"/></Role>' for i in range(roles))
        (folder / "line.cscfg").write_text(
            f'<ServiceConfiguration serviceName="s">{text}</ServiceConfiguration>'
        )
        return ["line.cscfg"]

    return make


def _attributes(count: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        attrs = b" ".join(b"a%d='1'" % i for i in range(count))
        (folder / "attrs.cscfg").write_bytes(b"<ServiceConfiguration " + attrs + b" serviceName='s'/>")
        return ["attrs.cscfg"]

    return make


def _input_bytes(folder: Path, paths: list[str]) -> int:
    total = 0
    for path in paths:
        target = folder / path
        files = [target] if not target.is_dir() else [p for p in target.rglob("*") if p.is_file()]
        total += sum(p.stat().st_size for p in files if not p.is_symlink())
    return total


def _measure(make: Callable[[Path], list[str]], *options: str) -> tuple[float, float, int, int, int]:
    """(seconds, peak MB, exit code, input bytes, output bytes) of one `migcheck check` in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = make(Path(tmp))
        size = _input_bytes(Path(tmp), paths)
        # The child reports its own peak: RUSAGE_CHILDREN would keep the largest of all cases so far.
        options = options or ("--format", "concise")
        command = [sys.executable, "-c", _CHILD, "check", *options, "--output-file", "out", *paths]
        started = time.perf_counter()
        run = subprocess.run(command, cwd=tmp, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        code, peak_kb = run.stderr.strip().splitlines()[-1].split()
        out = Path(tmp) / "out"
        written = out.stat().st_size if out.exists() else 0
        return elapsed, int(peak_kb) / 1024, int(code), size, written


_CHILD = """
import resource, sys
from migcheck.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""

FORMATS = ("text", "concise", "json", "report-json", "sarif", "github", "azure", "gitlab", "junit")


def _full_size(args: argparse.Namespace) -> None:
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
    print("| case | time | peak memory | exit |\n| --- | --- | --- | --- |")
    for name, make in cases.items():
        if args.only in name:
            elapsed, peak, code, _, _ = _measure(make)
            print(f"| {name} | {elapsed:.2f} s | {peak:.0f} MB | {code} |", flush=True)


def _growth(args: argparse.Namespace) -> None:
    """Time at n and 2n: linear work doubles (2.0x), quadratic work quadruples."""
    cases = {
        "one-line file (roles on one line)": (_one_line, 50_000),
        "attributes on one element": (_attributes, 100_000),
        "files in one folder": (_many, 10_000),
        "availability sets in one service (MIG102)": (_availability_sets, 10_000),
        "bad prefixes in one file (MIG304, past the cap)": (_dense, 50_000),
    }
    print("| class | n | time at n | time at 2n | growth |\n| --- | --- | --- | --- | --- |")
    for name, (factory, n) in cases.items():
        if args.only in name:
            small, large = _measure(factory(n))[0], _measure(factory(2 * n))[0]
            print(f"| {name} | {n:,} | {small:.2f} s | {large:.2f} s | {large / small:.2f}x |", flush=True)


def _memory(args: argparse.Namespace) -> None:
    """Peak memory per format on a dense file and on many files under the cap, against the input size and
    against the same run with no report (`--statistics`)."""
    inputs = {
        "one 6 MB file of 80,000 bad prefixes": _dense(80_000),
        "200 files of 90 bad prefixes (18,000 findings)": _dense(90, files=200),
    }
    print("| input | format | peak memory | over --statistics | output |\n| --- | --- | --- | --- | --- |")
    for label, make in inputs.items():
        if args.only not in label:
            continue
        _, base, _, size, _ = _measure(make, "--statistics")
        print(f"| {label} ({size / MB:.1f} MB) | --statistics | {base:.0f} MB | | |", flush=True)
        for name in FORMATS:
            _, peak, _, size, written = _measure(make, "--format", name)
            extra = (peak - base) * MB / size
            print(
                f"| | {name} | {peak:.0f} MB | {peak - base:+.0f} MB ({extra:.1f}x input) | {written / MB:.1f} MB |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument(
        "--part", choices=("full-size", "growth", "memory", "all"), default="all", help="which table to print"
    )
    args = parser.parse_args()
    for part, run in (("full-size", _full_size), ("growth", _growth), ("memory", _memory)):
        if args.part in (part, "all"):
            print(f"\n### {part}\n", flush=True)
            run(args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
