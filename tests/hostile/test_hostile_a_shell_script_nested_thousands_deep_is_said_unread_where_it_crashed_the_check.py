"""A script whose commands nest thousands deep (`$(` within `$(` 8,000 times, 32 kB) gives a bash syntax
tree some 24,000 levels deep, and tree-sitter finds a node's parent by a walk down from the root that
overflows the C stack there: the whole check ended on SIGSEGV, with no report at all. A tree deeper than the
reader follows is now said unread (MIG001 with the bound) before any climb, in a script file, a Dockerfile's
RUN line and a Makefile's recipe alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import migcheck_limited

NESTED = "azure vm create " + "$(" * 8_000 + ")" * 8_000

FILES = {
    "deploy.sh": ("#!/bin/bash\n" + NESTED + "\n", (1, 1)),
    "Dockerfile": ("FROM ubuntu\nRUN " + NESTED + "\n", (2, 5)),
    "Makefile": ("all:\n\t" + NESTED.replace("$", "$$") + "\n", (2, 2)),
}


@pytest.mark.parametrize("name", FILES)
def test_a_script_nested_thousands_deep_is_said_unread_not_a_crash(tmp_path: Path, name: str):
    text, (line, column) = FILES[name]
    (tmp_path / name).write_text(text)
    run = migcheck_limited("check", "--format", "json", ".", cwd=tmp_path, cpu=60)
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)
    assert [(f["code"], f["path"], f["line"], f["column"]) for f in findings] == [
        ("MIG001", name, line, column)
    ]
    assert (
        "nests commands, substitutions or expressions more than 4,000 levels deep" in findings[0]["message"]
    )
    assert "reads none of it" in findings[0]["message"]
