"""The floor for the benchmark: import lxml and parse every classic file under a folder, nothing else.

Usage::

    python benchmarks/floor.py ESTATE_DIR

This is the least work any checker of these files must do (start Python, import lxml, read and parse each
file once), so ``benchmarks/run.py`` compares migcheck's wall time with it. It prints how many files it
parsed and how many were not well-formed.
"""

from __future__ import annotations

import os
import sys

from lxml import etree

SUFFIXES = (".csdef", ".cscfg", ".netcfg", ".xml")


def walk(folder: str) -> list[str]:
    """Every classic file under FOLDER, depth first, with os.scandir."""
    found: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found.extend(walk(entry.path))
            elif entry.name.lower().endswith(SUFFIXES):
                found.append(entry.path)
    return found


def parse_all(paths: list[str]) -> int:
    """Parse each file from its bytes with a safe parser; return how many failed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    failed = 0
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            etree.fromstring(data, parser)
        except etree.XMLSyntaxError:
            failed += 1
    return failed


def main(argv: list[str]) -> int:
    """Entry point."""
    if len(argv) != 1:
        print("usage: floor.py ESTATE_DIR", file=sys.stderr)
        return 2
    paths = walk(argv[0])
    failed = parse_all(paths)
    print(f"parsed {len(paths)} files, {failed} not well-formed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
