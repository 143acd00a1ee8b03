"""Shell scripts with no extension (`cluster/create-cluster`, `#!/bin/bash` on its first line), as many
scripts of the classic CLI's day were written: a folder walk picks them up by their `#!` line, and the
format list names the shell reader for them; files with no extension whose first line runs no script
reader's program are passed over unread (Python and PowerShell ones: test_scripts_without_an_extension_by_their_shebang)."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.discover import discover
from migcheck.formats import byte_format, shebang_format
from migcheck.model import FileKind


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_walk_picks_up_scripts_whose_first_line_runs_a_shell(tmp_path):
    _write(
        tmp_path,
        {
            "cluster/create-cluster": "#!/bin/bash\nazure vm create -w net -b a,b web img u p\n",
            "cluster/setup": "#!/usr/bin/env bash\nazure vm create web img u p\n",
            "Makefile": "all:\n\tazure vm create web img u p\n",
            "tool": "#!/usr/bin/perl\nprint('azure vm create')\n",
            "LICENSE": "azure vm create\n",
        },
    )
    found = [c.path for c in discover([str(tmp_path)])]
    assert [path.rpartition(str(tmp_path))[2] for path in found] == [
        "/Makefile",  # by its name: a Makefile's recipes are read (readers.makefile)
        "/cluster/create-cluster",
        "/cluster/setup",
    ]


@pytest.mark.parametrize(
    ("head", "shell"),
    [
        (b"#!/bin/bash\n", True),
        (b"#!/bin/sh -e\n", True),
        (b"#! /usr/bin/env bash\n", True),
        (b"#!/usr/bin/env -S VAR=1 dash\n", True),
        (b"#!/usr/bin/env python3\n", False),
        (b"#!/usr/bin/pwsh\n", False),
        (b"# just a comment\n", False),
        (b"", False),
    ],
)
def test_a_shebang_names_a_shell(head, shell):
    found = shebang_format(head)
    assert (found is not None and found.kind is FileKind.SHELL) is shell


def test_the_shell_reader_reads_a_file_with_no_extension_that_runs_a_shell():
    shell_format = byte_format("cluster/create-cluster", b"#!/bin/bash\n")
    assert shell_format is not None and shell_format.kind is FileKind.SHELL
    assert byte_format("cluster/notes", b"azure vm create\n") is None
    assert byte_format("cluster/run.txt", b"#!/bin/bash\n") is None


def test_a_binary_file_that_names_the_cli_is_passed_over(tmp_path):
    """A file bash would refuse to run (it holds NUL bytes) is no script, whatever text it holds."""
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    (tmp_path / "tool").write_bytes(b"#!/bin/bash\n\x00\x01azure vm create web img u p\x00\n")
    (tmp_path / "blob.sh").write_bytes(b"\x7fELF\x00\x00azure vm create web img u p\n")
    result = lint([str(tmp_path)], Config(), load_rules())
    assert [d.path for d in result.documents] == []
