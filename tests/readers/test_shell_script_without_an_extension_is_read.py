"""A shell script with no extension that runs the classic CLI, met in a folder walk by its `#!` line, is
read as a `.sh` one is; a file with no extension that does not run a shell stays unread, but for a Makefile,
which is read by its name as a Makefile (its recipe lines are command lines the shell runs)."""

from __future__ import annotations

from tests.lint_support import lint_files, where


def test_a_script_with_no_extension_is_read_by_its_shebang(tmp_path, monkeypatch):
    files = {
        "cluster/create-cluster": "#!/bin/bash\nazure vm create -w net1 -b a,b web1 img u p\n",
        "Makefile": "all:\n\tazure vm create -w net1 -b a,b web2 img u p\n",
    }
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG202").findings)
    assert found == ["MIG202 Makefile:2:31", "MIG202 cluster/create-cluster:2:30"]
