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

What each reader module can produce is written in `migcheck.produced` (`PRODUCES`, by module name, and
`CARRIES` for the records its records hold inside them), not in the reader: rules declare the types they
look at, and which files a rule inspects follows (`migcheck.readers.kinds_producing`) without importing a
reader.
"""

from __future__ import annotations

import codecs

from migcheck.model import FileKind, record

# The kinds of file migcheck reads, in a user's words: said where a run finds nothing classic, and to a file
# named on the command line that is none of them. One list, so that neither leaves a kind out.
KINDS_READ = (
    ".csdef, .cscfg, .netcfg, .xml with a classic root element, inventory .json exports of classic "
    "resources or of those that depend on them, .ps1, .psm1 and .py scripts that use the classic APIs, "
    ".sh, .bash and .py scripts that run the classic CLI, Ansible playbooks and task files "
    "(.yml, .yaml) that run it or the classic azure module, such scripts with no extension whose #! "
    "line runs sh, bash, python or pwsh, build pipelines (azure-pipelines.yml, GitHub workflows, "
    ".gitlab-ci.yml and the like) whose steps run the classic cmdlets, SDK or CLI, Makefiles (Makefile, "
    ".mk) and Dockerfiles whose recipes and RUN lines do, Terraform "
    "configurations (.tf, .tf.json) of the classic azure provider, deployment templates (ARM .json, "
    ".bicep) that declare classic resources or resources that depend on them, "
    "TOML declarations, Visual Studio publish profiles (.azurePubxml) of cloud service projects, or the "
    "Eclipse toolkit's package.xml files that publish them"
)


@record
class Format:
    kind: FileKind
    suffixes: tuple[str, ...]  # lower-case extensions a folder walk reads as candidates of this format
    module: str  # the reader module, imported on first use
    xml: bool = True  # read through the shared XML front end, its kind told by the root element
    # A smaller size limit than the one for every file (`migcheck.readers.MAX_FILE_BYTES`), for formats
    # whose parsers cost far more per byte than lxml: scripts.
    max_bytes: int | None = None
    # What the files of this format are called where one is past the size limit, and what of one goes
    # unread, when its kind's words ("shell scripts" for the kind Terraform's records share) would be wrong.
    called: tuple[str, str] | None = None
    # The programs that run or read files of this format, for a format they read only as UTF-8 text (or a
    # code page) when it has no byte order mark: a file of it saved as UTF-16 without one is said to be
    # so (`encoding.unmarked_utf16`). None for formats whose parsers tell UTF-16 by its NULs (JSON, XML).
    run_by: str | None = None


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
    Format(
        FileKind.PYTHON,
        (".py",),
        "migcheck.readers.python_script",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="Python",
    ),
    Format(
        FileKind.POWERSHELL,
        (".ps1", ".psm1"),
        "migcheck.readers.powershell",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="Windows PowerShell 5.1 and PowerShell 7",
    ),
    Format(
        FileKind.SHELL,
        (".sh", ".bash"),
        "migcheck.readers.shell",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="bash and sh",
    ),
    # Makefiles (`Makefile`, `GNUmakefile`, `*.mk`) and Dockerfiles (`Dockerfile`, `*.Dockerfile`,
    # `Dockerfile.*`: `NAME_STARTS`), whose recipes and `RUN` lines are read as the shell runs them.
    Format(
        FileKind.SHELL,
        ("makefile", ".mk"),
        "migcheck.readers.makefile",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="make",
        called=("Makefiles", "none of its recipes is read"),
    ),
    Format(
        FileKind.SHELL,
        ("dockerfile",),
        "migcheck.readers.dockerfile",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="Docker",
        called=("Dockerfiles", "none of its RUN lines is read"),
    ),
    # Ansible playbooks and task files that run the classic CLI or use the classic `azure` module: what
    # they run is read as a shell script running it is.
    Format(
        FileKind.SHELL,
        (".yml", ".yaml"),
        "migcheck.readers.ansible",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="Ansible and the CI services",
    ),
    # Terraform configurations of the classic `azure` provider: what they declare is read as the classic CLI's
    # commands that make it. A .tfvars file gives values to the .tf files beside it; .tf.json is Terraform's
    # JSON syntax of a .tf file, .tfvars.json of a .tfvars file, picked here before the inventory's .json. A
    # .tftpl file is a template `templatefile` renders, looked at from the .tf file that renders it only.
    Format(
        FileKind.SHELL,
        (".tf", ".tf.json", ".tfvars", ".tfvars.json", ".tftpl"),
        "migcheck.readers.terraform",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="Terraform",
        called=("Terraform files", "none of the resources it declares is read"),
    ),
    Format(FileKind.INVENTORY, (".json",), "migcheck.readers.inventory", xml=False),
    # Bicep files that declare classic resources (or cloud services of extended support): read into the
    # records an ARM JSON template's give, which the inventory reader reads. A .bicepparam file gives values
    # to the Bicep file its `using` names, and is looked at from there only.
    Format(
        FileKind.INVENTORY,
        (".bicep", ".bicepparam"),
        "migcheck.readers.bicep",
        xml=False,
        max_bytes=SCRIPT_BYTES,
        run_by="the Bicep CLI",
        called=("Bicep files", "none of the resources it declares is read"),
    ),
    # Declarations (facts no export shows) in TOML: both readers produce the same types.
    Format(
        FileKind.INVENTORY,
        (".toml",),
        "migcheck.readers.declarations",
        xml=False,
        run_by="TOML parsers, migcheck's among them",
    ),
    # Visual Studio publish profiles of cloud service projects: MSBuild XML, whose root (`Project`) any
    # build file has, so told by its extension and read whole; the reader parses it with the XML front end. A
    # Cloud Services (extended support) project's profile is an `.azureRMPubxml`, and its `.ccproj` says it is one.
    Format(
        FileKind.PUBLISH_PROFILE,
        (".azurepubxml", ".azurermpubxml", ".ccproj"),
        "migcheck.readers.publish_profile",
        xml=False,
    ),
    # The Azure Toolkit for Eclipse's build file of a cloud service project (`package.xml`, an Ant project):
    # told by its name, and read when it holds the toolkit's publish task (`sniff_file`).
    Format(
        FileKind.PUBLISH_PROFILE,
        ("package.xml",),
        "migcheck.readers.eclipse_package",
        xml=False,
    ),
    # Graphical runbooks of Azure Automation: their activities are a binary graph, not read; the file is said
    # to be one (a part not read), so that the run names it.
    Format(
        FileKind.POWERSHELL,
        (".graphrunbook",),
        "migcheck.readers.graphrunbook",
        xml=False,
        called=("graphical runbooks", "none of it is read"),
    ),
)


# Files read by how their name starts, in lower case, with the module of the format that reads them:
# `Dockerfile.prod`.
NAME_STARTS = {"dockerfile.": "migcheck.readers.dockerfile"}


def named_format(path: str) -> Format | None:
    """The format a file's name says it is by how it starts (`NAME_STARTS`), if any."""
    name = path.rpartition("/")[2].lower()
    module = next((m for start, m in NAME_STARTS.items() if name.startswith(start)), None)
    return next((f for f in FORMATS if f.module == module), None) if module else None


def candidate_suffixes() -> tuple[str, ...]:
    """Every extension some format reads, for the folder walk."""
    return tuple(dict.fromkeys(suffix for f in FORMATS for suffix in f.suffixes))


def byte_format(path: str, data: bytes | None = None) -> Format | None:
    """The non-XML format whose extension `path` has, if any: such files go to their reader whole. A file
    with no extension is read by the script reader its `#!` line names (`shebang_format`, given its
    `data`), as many scripts of the classic tools' day were written (`cluster/create-cluster`,
    `azure-coreos-cluster`); one that holds a NUL byte is no script, whatever its first line says."""
    lowered = path.lower()
    found = next((f for f in FORMATS if not f.xml and lowered.endswith(f.suffixes)), None) or named_format(
        path
    )
    if found is None and data is not None and no_extension(path) and b"\x00" not in data:
        return shebang_format(data)
    return found


# The programs a `#!` line may run, by the kind of script their reader reads: sh and its kin (bash's
# grammar), Python (`python`, `python3`, `python2.7`: a version after the name) and PowerShell (`pwsh`, and
# `powershell`, the name PowerShell Core had on Linux before 6.0).
_SHELLS = frozenset({"sh", "bash", "dash", "ksh"})
_POWERSHELLS = frozenset({"pwsh", "powershell"})
# Options of `env` that take the next word as their value (`env -u HOME python`): not the program.
_ENV_OPTIONS_WITH_VALUE = frozenset({"-u", "--unset", "-C", "--chdir", "-P"})
# How much of a file's start the walk reads to find its `#!` line.
SHEBANG_BYTES = 128


def no_extension(path: str) -> bool:
    """Whether a file's name (the last part of its `/`-separated path) has no extension."""
    return "." not in path.rpartition("/")[2]


def shebang_format(head: bytes) -> Format | None:
    """The script format whose reader reads a file that starts with `head`, by the program its `#!` line
    runs: `#!/bin/bash`, `#!/bin/sh -e`, `#!/usr/bin/env python3`, `#!/usr/bin/python2.7`,
    `#!/usr/bin/env -S pwsh -File` (env's options and variables passed over); None for any other first
    line."""
    kind = kind_of_program(_shebang_program(head))
    if head.startswith(codecs.BOM_UTF8):
        # The kernel runs no file whose `#!` comes after a byte order mark, but a shell given it to run
        # (`./deploy` from bash) runs it as a shell script: read so when the line names a shell, whose
        # reader says where the mark is (a file of another language fails in a shell anyway).
        kind = kind_of_program(_shebang_program(head[len(codecs.BOM_UTF8) :]))
        kind = kind if kind is FileKind.SHELL else None
    return next((f for f in FORMATS if f.kind is kind), None) if kind is not None else None


def _shebang_program(head: bytes) -> str:
    """The name of the program a `#!` line runs, without its folder; the one `env` runs for `env`."""
    if not head.startswith(b"#!"):
        return ""
    words = head[2:SHEBANG_BYTES].split(b"\n", 1)[0].decode("ascii", "replace").split()
    program = words[0].rpartition("/")[2] if words else ""
    if program != "env":
        return program
    skip_value = False
    for word in words[1:]:
        if skip_value or word.startswith("-") or "=" in word:
            skip_value = not skip_value and word in _ENV_OPTIONS_WITH_VALUE
            continue
        return word.rpartition("/")[2]
    return ""


def kind_of_program(program: str) -> FileKind | None:
    """The kind of script the program a `#!` line names runs (`bash`, `pwsh`, `python2.7`); None for another."""
    if program in _SHELLS:
        return FileKind.SHELL
    if program in _POWERSHELLS:
        return FileKind.POWERSHELL
    if program.startswith("python"):
        version = program.removeprefix("python")
        return FileKind.PYTHON if not version or version.replace(".", "").isdigit() else None
    return None


SCRIPT_KINDS = frozenset({FileKind.PYTHON, FileKind.POWERSHELL, FileKind.SHELL})
# Terraform's files: read as scripts are, but a value they write in quotes is written once, where a fix of
# it is made (`source.SourceText`), not built at run time as a script's may be.
TERRAFORM_SUFFIXES = (".tf", ".tf.json", ".tfvars", ".tfvars.json")


def is_configuration(path: str) -> bool:
    """Whether `path` names a Terraform file, whose quoted values a fix may replace."""
    return path.lower().endswith(TERRAFORM_SUFFIXES)


# Standard input given as `-` without --stdin-filename, as reports name it: `<stdin>:2:1: MIG001 ...`, as
# Python and ruff name it, not a bare `-` that reads as a typo beside the line and column.
STDIN_SHOWN = "<stdin>"


def is_script(path: str) -> bool:
    """Whether `path`, of a file migcheck read, names a script (Python, PowerShell or shell): by its
    extension, and any file with none, since only the #! line of a script gets such a file read (stdin,
    `<stdin>`, is read by what it holds)."""
    if no_extension(path) and path != STDIN_SHOWN:
        return True
    found = byte_format(path)
    return found is not None and found.kind in SCRIPT_KINDS
