"""Where the instructions of what a check does after the read go, part by part: the link's steps (the
packaged services, the split into subscriptions, the networks, the disks...) and the readiness index of
`--format json`'s `checked_at` (the items made and walked, the index, where each finding's subscription
is), beside the rules with the filter, locating and writing as a whole. An instrument for finding where
to look in `benchmarks/phases.py`'s `link` and `readiness`, under callgrind only::

    valgrind --tool=callgrind --dump-before=getloadavg --callgrind-out-file=parts.out \\
        python benchmarks/serial_parts.py --names parts.names FOLDER --format json --jobs 1 > /dev/null
    python benchmarks/serial_parts.py --sum parts.out parts.names

Each part wrapped is a function run once or twice a check (wrapping one run per service would dump a
file per call): each call dumps before and after, and `--sum` adds each dump to the part that was running,
innermost first, largest first. A part's figure excludes those of the parts within it (the link's own is
what its steps leave). Run it once first without callgrind, so that the bytecode is cached.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

# (module, class or "", function, label): what is wrapped, with the name its part is summed under.
PARTS = (
    ("migcheck.estate", "", "split_subscriptions", "link: split into subscriptions"),
    ("migcheck.estate", "_Linker", "_packaged_services", "link: packaged services"),
    ("migcheck.estate", "", "_package_folders", "link: package folders"),
    ("migcheck.estate", "", "_copies_joined", "link: copies joined"),
    ("migcheck.estate", "", "_joined_by_service_name", "link: joined by service name"),
    ("migcheck.estate", "_Linker", "_cloud_services", "link: cloud services, the rest"),
    ("migcheck.estate", "_Linker", "_networks", "link: networks"),
    ("migcheck.estate", "_Linker", "_disks", "link: disks"),
    ("migcheck.estate", "_Linker", "_check_listed_storage", "link: listed storage"),
    ("migcheck.estate", "", "_with_listed_disks", "link: listed disks"),
    ("migcheck.estate", "", "_in_networks_of_subnets", "link: networks of subnets"),
    ("migcheck.estate", "", "_services_by_vm_name", "link: services by VM name"),
    ("migcheck.estate", "", "_networks_by_service", "link: networks by service"),
    ("migcheck.estate", "", "_stand_ins_told_apart", "link: stand-ins told apart"),
    ("migcheck.estate", "", "_configurations_apart", "link: configurations apart"),
    ("migcheck.report.readiness", "", "checked_at", "readiness: the rest"),
    ("migcheck.report.readiness", "", "_attached", "readiness: items made and walked"),
    ("migcheck.report.readiness", "", "_Attacher", "readiness: index of marks"),
    ("migcheck.report.readiness", "", "_pointed_at", "readiness: lines pointed at"),
    ("migcheck.report.readiness", "", "_holders", "readiness: holders of files"),
    ("migcheck.engine", "Filter", "split", "rules and filter"),
    ("migcheck.engine", "", "locate_findings", "locate"),
    ("migcheck.cli", "", "_stream", "write"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", help="the file the parts' names are written to, in the order of the dumps")
    parser.add_argument("--sum", nargs=2, metavar=("OUT", "NAMES"), help="add up a run's dumps by part")
    args, options = parser.parse_known_args()
    if args.sum:
        return _sum(*args.sum)
    if not args.names:
        parser.error("--names is needed to run a check")
    _run(args.names, options)
    return 0


def _run(names_file: str, options: list[str]) -> None:
    import importlib

    names: list[str] = []
    now = ["imports, read and the rest"]

    def dump(following: str) -> None:
        names.append(now[0])
        os.getloadavg()  # a callgrind dump point
        now[0] = following

    def wrapped(function: Callable[..., Any], label: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def part(*args: Any, **kwargs: Any) -> Any:
            before = now[0]
            dump(label)
            try:
                result = function(*args, **kwargs)
                # A generator's work is done where it is taken: taken here, as its part.
                return list(result) if label == "link: packaged services" else result
            finally:
                dump(before)

        return part

    for module_name, owner_name, function_name, label in PARTS:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name) if owner_name else module
        setattr(owner, function_name, wrapped(getattr(owner, function_name), label))
    # The engine imports the link by name: its own name is wrapped too.
    from migcheck import cli, engine, estate

    engine.link = estate.link = wrapped(estate.link, "link: the rest")
    original_report = cli._report

    def report(*args: Any, **kwargs: Any) -> int:
        code = original_report(*args, **kwargs)
        dump("end")
        with open(names_file, "w", encoding="utf-8") as out:
            out.write("\n".join(names) + "\n")
        return code

    cli._report = report
    sys.argv = ["migcheck", "check", *options]
    cli.run()


def _sum(out: str, names_file: str) -> int:
    with open(names_file, encoding="utf-8") as given:
        names = given.read().splitlines()
    totals: Counter[str] = Counter()
    for number, name in enumerate(names, 1):
        with open(f"{out}.{number}", encoding="utf-8") as dumped:
            found = re.search(r"^summary: (\d+)", dumped.read(), re.M)
        totals[name] += int(found.group(1)) if found else 0
    for name, count in totals.most_common():
        print(f"| {name} | {count / 1e6:,.1f} M |")
    print(f"| all | {sum(totals.values()) / 1e6:,.1f} M |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
