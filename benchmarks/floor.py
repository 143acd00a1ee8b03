"""The floors for the benchmarks: the least work any checker of a folder's files must do, nothing else.

Usage::

    python benchmarks/floor.py [--of xml|scripts|inventory] FOLDER

- ``xml`` (the default): import lxml and parse every classic file (``.csdef``, ``.cscfg``, ``.netcfg``,
  ``.xml``) once, with a safe parser;
- ``scripts``: parse every script with the parser migcheck reads it with, Python's own (``ast``) for
  ``.py`` files, tree-sitter's PowerShell grammar for ``.ps1`` files and its bash grammar for ``.sh`` files;
- ``inventory``: ``json.loads`` every ``.json`` file.

Each starts Python, imports its parser, walks FOLDER with ``os.scandir`` and reads each file once: the
work no checker of these files can skip, so ``benchmarks/run.py`` compares migcheck's wall time with it.
It prints how many files it parsed and how many did not parse.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

SUFFIXES = {
    "xml": (".csdef", ".cscfg", ".netcfg", ".xml"),
    "scripts": (".py", ".ps1", ".sh"),
    "inventory": (".json",),
}


def walk(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    """Every file under FOLDER whose name ends with one of `suffixes`, depth first, with os.scandir."""
    found: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found.extend(walk(entry.path, suffixes))
            elif entry.name.lower().endswith(suffixes):
                found.append(entry.path)
    return found


def xml_parser() -> Callable[[str, bytes], bool]:
    """lxml with the settings a safe reader needs: no entities, no network, no DTD."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def parse(path: str, data: bytes) -> bool:
        try:
            etree.fromstring(data, parser)
        except etree.XMLSyntaxError:
            return False
        return True

    return parse


def script_parser() -> Callable[[str, bytes], bool]:
    """`ast` for Python, tree-sitter-powershell for PowerShell, tree-sitter-bash for shell scripts: the
    parsers of migcheck's script readers."""
    import ast

    import tree_sitter
    import tree_sitter_bash
    import tree_sitter_powershell

    powershell = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))
    bash = tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))

    def parse(path: str, data: bytes) -> bool:
        if path.endswith(".ps1"):
            return not powershell.parse(data).root_node.has_error
        if path.endswith(".sh"):
            return not bash.parse(data).root_node.has_error
        try:
            ast.parse(data)
        except (SyntaxError, ValueError):
            return False
        return True

    return parse


def json_parser() -> Callable[[str, bytes], bool]:
    """The standard library's JSON decoder, as the inventory reader uses it."""
    import json

    def parse(path: str, data: bytes) -> bool:
        try:
            json.loads(data)
        except ValueError:
            return False
        return True

    return parse


PARSERS = {"xml": xml_parser, "scripts": script_parser, "inventory": json_parser}


def parse_all(paths: list[str], parse: Callable[[str, bytes], bool]) -> int:
    """Parse each file from its bytes; return how many did not parse."""
    failed = 0
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        failed += not parse(path, data)
    return failed


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options: `--help` prints the usage and what each kind parses."""
    parser = argparse.ArgumentParser(
        prog="floor.py",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(p for p in __doc__.split("\n\n")[1:] if not p.startswith(("Usage::", "    "))),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--of", choices=PARSERS, default="xml", metavar="|".join(PARSERS), help="what to parse (default xml)"
    )
    parser.add_argument("folder", metavar="FOLDER", help="the folder whose files to parse")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Entry point: 2, with one line saying so, when FOLDER is no folder."""
    try:
        args = parse_args(argv)
    except SystemExit as exited:  # --help, or options it cannot take: argparse has said which
        return exited.code if isinstance(exited.code, int) else 2
    if not os.path.isdir(args.folder):
        print(f"floor.py: error: {args.folder}: not a folder", file=sys.stderr)
        return 2
    parse = PARSERS[args.of]()
    paths = walk(args.folder, SUFFIXES[args.of])
    failed = parse_all(paths, parse)
    print(f"parsed {len(paths)} files, {failed} did not parse")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
