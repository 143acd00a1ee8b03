"""The input formats migcheck reads: which files a folder walk picks up for each, and which module reads
them. This is the one list a new format is added to (see docs/adding-an-input-format.md); it imports no
parser, so discovery and start-up stay cheap, and a reader module is imported only when a file of its
format is read.

Two kinds of reader plug in here:

- **XML formats** share the safe XML front end (`readers/xml.py`): it decodes, parses without DTDs or
  entities, decides the kind from the root element, and calls the module's `read(root, marker)`.
- **Other formats** (scripts, JSON exports) get the file's bytes: the module's `sniff(data)` says cheaply
  whether a file met in a folder walk is one at all (most `.py` files do not use the classic APIs), and
  `read(path, data)` returns the `Document`.

Every reader module declares `PRODUCES`, the resource types it can produce: rules declare the types they
look at, and which files a rule inspects follows (`migcheck.readers.kinds_producing`).
"""

from __future__ import annotations

from dataclasses import dataclass

from migcheck.model import FileKind


@dataclass(frozen=True, slots=True)
class Format:
    kind: FileKind
    suffixes: tuple[str, ...]  # lower-case extensions a folder walk reads as candidates of this format
    module: str  # the reader module, imported on first use
    xml: bool = True  # read through the shared XML front end, its kind told by the root element
    # A smaller size limit than the one for every file (`migcheck.readers.MAX_FILE_BYTES`), for formats
    # whose parsers cost far more per byte than lxml: scripts.
    max_bytes: int | None = None


# Real scripts are at most a few hundred KB (the corpus's largest: 127 KB of Python, 74 KB of PowerShell).
# Python's own parser takes up to 6 s per MB of dense code built to be slow, and a tree-sitter tree of a
# script is some ten nodes per byte that the reader walks in Python: a larger file gets a clear finding,
# not a long wait.
SCRIPT_BYTES = 512 * 1024

FORMATS: tuple[Format, ...] = (
    Format(FileKind.SERVICE_DEFINITION, (".csdef",), "migcheck.readers.csdef"),
    Format(FileKind.SERVICE_CONFIGURATION, (".cscfg",), "migcheck.readers.cscfg"),
    Format(FileKind.NETWORK_CONFIGURATION, (".netcfg", ".xml"), "migcheck.readers.netcfg"),
    Format(FileKind.REST, (".xml",), "migcheck.readers.deployment"),
    Format(FileKind.VM_EXPORT, (".xml",), "migcheck.readers.vmexport"),
    Format(FileKind.PYTHON, (".py",), "migcheck.readers.python_script", xml=False, max_bytes=SCRIPT_BYTES),
    Format(
        FileKind.POWERSHELL,
        (".ps1", ".psm1"),
        "migcheck.readers.powershell",
        xml=False,
        max_bytes=SCRIPT_BYTES,
    ),
    Format(FileKind.SHELL, (".sh", ".bash"), "migcheck.readers.shell", xml=False, max_bytes=SCRIPT_BYTES),
    Format(FileKind.INVENTORY, (".json",), "migcheck.readers.inventory", xml=False),
    # Declarations (facts no export shows) in TOML: both readers produce the same types.
    Format(FileKind.INVENTORY, (".toml",), "migcheck.readers.declarations", xml=False),
)


def candidate_suffixes() -> tuple[str, ...]:
    """Every extension some format reads, for the folder walk."""
    return tuple(dict.fromkeys(suffix for f in FORMATS for suffix in f.suffixes))


def byte_format(path: str, data: bytes | None = None) -> Format | None:
    """The non-XML format whose extension `path` has, if any: such files go to their reader whole. A file
    with no extension whose first line runs a shell (`shell_shebang`, given its `data`) is a shell script,
    as many scripts of the classic CLI's day were written (`cluster/create-cluster`)."""
    lowered = path.lower()
    found = next((f for f in FORMATS if not f.xml and lowered.endswith(f.suffixes)), None)
    if found is None and data is not None and no_extension(path) and shell_shebang(data):
        return next(f for f in FORMATS if f.kind is FileKind.SHELL)
    return found


# The interpreters of a `#!` line that run a script the shell reader reads (bash's grammar: sh and its kin).
_SHELLS = frozenset({"sh", "bash", "dash", "ksh"})
# How much of a file's start the walk reads to find its `#!` line.
SHEBANG_BYTES = 128


def no_extension(path: str) -> bool:
    """Whether a file's name (the last part of its `/`-separated path) has no extension."""
    return "." not in path.rpartition("/")[2]


def shell_shebang(head: bytes) -> bool:
    """Whether a file's first line is a `#!` line that runs a shell: `#!/bin/bash`, `#!/bin/sh -e`,
    `#!/usr/bin/env bash` (env's options and variables passed over)."""
    if not head.startswith(b"#!"):
        return False
    words = head[2:SHEBANG_BYTES].split(b"\n", 1)[0].decode("ascii", "replace").split()
    program = words[0].rpartition("/")[2] if words else ""
    if program == "env":
        program = next((w for w in words[1:] if not w.startswith("-") and "=" not in w), "")
    return program in _SHELLS


SCRIPT_KINDS = frozenset({FileKind.PYTHON, FileKind.POWERSHELL, FileKind.SHELL})


def is_script(path: str) -> bool:
    """Whether `path` names a script (Python, PowerShell or shell) by its extension."""
    found = byte_format(path)
    return found is not None and found.kind in SCRIPT_KINDS
