"""Where reading the classic XML files goes, part by part: each part of `readers.read_document` run over
every file of a folder on its own, after the files are in memory.

Usage::

    python benchmarks/read_parts.py [--runs 5] FOLDER

The parts, in the order they run:

- ``encodings``, ``decode``: the encoding of each file's bytes, and its text;
- ``parse``: lxml's parse with migcheck's parser settings, nothing else (the floor's work);
- ``parse_as``: migcheck's parse, with its guards (no DOCTYPE, no XInclude);
- ``kind``: the root's local name and the kind of file it makes;
- ``transform``: whether a file is an XML document transform of a classic file;
- ``directives``: whether a text may hold a suppression comment;
- ``root_mark``: the mark of each root element;
- ``csdef``, ``cscfg``, ``netcfg``, ``xml``: the reader of each kind of file, on its files parsed beforehand
  (``xml``: the other files of the folder, exported VMs and Service Management bodies);
- ``read_document``: all of it, file by file, as a check reads.

Only the files that parse are measured: one that does not is read up to its error, a part of its own.

It prints the best wall time of each part over `--runs`. Each part is also a callgrind dump point (it
calls `os.getloadavg` first): ``valgrind --tool=callgrind --dump-before=getloadavg python
benchmarks/read_parts.py --runs 1 FOLDER`` writes one dump per part, in the order printed, after a first one
for loading the files. Compare a part with itself across versions, not parts with each other: a part pays
for the state of the allocator the parts before it left, and the same lookups can cost twice the
instructions after the trees of a few thousand files were built and freed. A check reads in that state.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from typing import Any

SUFFIXES = (".csdef", ".cscfg", ".netcfg", ".xml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each part (the best counts)")
    parser.add_argument("folder")
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        parser.exit(2, f"{parser.prog}: error: {args.folder}: not a folder\n")
    from migcheck import readers
    from migcheck.readers import xml
    from migcheck.suppress import xml_directive_opener

    files, encodings, texts, roots = _parsed(_files(args.folder), xml)
    parsed = list(zip([path for path, _ in files], texts, roots, strict=True))
    parts: dict[str, Callable[[], Any]] = {
        "encodings": lambda: [xml.encodings(data) for _, data in files],
        "decode": lambda: [xml.decode(data, e) for (_, data), (e, _) in zip(files, encodings, strict=True)],
        "parse": lambda: [
            xml.etree.fromstring(data, xml._parser(read_as))
            for (_, data), (_, read_as) in zip(files, encodings, strict=True)
        ],
        "parse_as": lambda: [
            xml.parse_as(data, text, read_as)
            for (_, data), text, (_, read_as) in zip(files, texts, encodings, strict=True)
        ],
        "kind": lambda: [readers._kind_of(root, xml.local_name(root)) for root in roots],
        "transform": lambda: [readers._is_transform(root) for root in roots],
        "directives": lambda: [xml_directive_opener(text) for text in texts],
        "root_mark": lambda: [xml.Marker(path, text).mark(root) for path, text, root in parsed],
        **{suffix[1:]: _reader(readers, xml, parsed, suffix) for suffix in SUFFIXES},
        "read_document": lambda: [readers.read_document(path, data, explicit=False) for path, data in files],
    }
    for part in parts.values():  # imports, caches and interned names, before anything is measured
        part()
    gc.disable()  # a command runs with the collector paused (`collector.paused`)
    best = {name: min(_timed(part) for _ in range(args.runs)) for name, part in parts.items()}
    print(f"{len(files)} files, {sum(len(data) for _, data in files) / 1e6:.1f} MB")
    print(f"| part | wall (best of {args.runs}) |")
    print("| --- | --- |")
    for name, seconds in best.items():
        print(f"| {name} | {seconds * 1000:.1f} ms |")
    return 0


def _files(folder: str) -> list[tuple[str, bytes]]:
    """The classic files under `folder` and their bytes, in the order of their paths."""
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            if name.lower().endswith(SUFFIXES):
                path = os.path.join(directory, name)
                with open(path, "rb") as file:
                    found.append((path, file.read()))
    return sorted(found)


def _parsed(files: list[tuple[str, bytes]], xml: Any) -> tuple[list[Any], list[Any], list[str], list[Any]]:
    """Of `files`, those migcheck parses (the others are left out of every part: a file that does not parse
    is read up to its error only), with the encoding and reading of each, its text and its root."""
    kept, encodings, texts, roots = [], [], [], []
    for path, data in files:
        encoding, read_as = xml.encodings(data)
        text = xml.decode(data, encoding)
        try:
            root = xml.parse_as(data, text, read_as)
        except xml.Unreadable:
            continue
        kept.append((path, data))
        encodings.append((encoding, read_as))
        texts.append(text)
        roots.append(root)
    return kept, encodings, texts, roots


def _reader(readers: Any, xml: Any, parsed: list[tuple[str, str, Any]], suffix: str) -> Callable[[], Any]:
    """The reader of each parsed file whose name ends with `suffix` (`.xml`: every file not of the other
    suffixes, whatever it ends with), run on its root as `read_document` runs it."""
    others = SUFFIXES[:-1]
    chosen = [
        (path, text, root)
        for path, text, root in parsed
        if (path.lower().endswith(suffix) if suffix != ".xml" else not path.lower().endswith(others))
    ]

    def read() -> list[Any]:
        done = []
        for path, text, root in chosen:
            kind = readers._kind_of(root, xml.local_name(root))
            if kind is not None:
                done.append(readers.xml_reader(kind)(root, xml.Marker(path, text)))
        return done

    return read


def _timed(part: Callable[[], Any]) -> float:
    os.getloadavg()  # a callgrind dump point (see the module's docstring)
    started = time.perf_counter()
    result = part()
    del result  # what a part built is freed within it, as a check frees each file's tree
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
