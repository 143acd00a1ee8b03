"""A bash pipeline of thousands of stages that ends in a syntax error (`a | ` repeated, then `)`) costs the
grammar's error recovery time and memory growing with the square of its stages, in one call the parse's CPU
bound cannot stop: 96 kB took 49 s before it was said too slow to parse, or ended the check on the memory
limit. A script of more `|` than that
recovery gets through within the bound is said unread (MIG001 at its start) without being parsed; one of
fewer, the same pipeline shorter, is parsed and read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from growth import assert_costs_at_most
from hostile_support import migcheck_limited

from migcheck.readers.shell import read

CREATE = "#!/bin/bash\nazure service create shop\n"


def _open_pipeline(stages: int) -> str:
    return CREATE + "a | " * stages + ")\n"


def _reading(script: str) -> Callable[[], object]:
    data = script.encode()
    return lambda: read("s.sh", data)


def test_a_pipeline_of_24000_stages_left_open_is_said_unread_at_the_script_s_start(tmp_path: Path):
    (tmp_path / "a.sh").write_text(_open_pipeline(24_000))
    (tmp_path / "b.sh").write_text(CREATE)
    run = migcheck_limited(
        "check", "--format", "json", "--select", "MIG001,MIG601", ".", cwd=tmp_path, cpu=20
    )
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)
    found = {(f["code"], f["path"], f["line"], f["column"]) for f in findings}
    assert found == {("MIG001", "a.sh", 1, 1), ("MIG601", "b.sh", 2, 1)}
    (slow,) = (f for f in findings if f["code"] == "MIG001")
    assert "takes longer to parse than a script of its size may" in slow["message"]


def test_a_pipeline_of_2000_stages_left_open_is_parsed_and_said_not_to_parse():
    document = read("s.sh", _open_pipeline(2000).encode())
    assert document.problem is not None
    assert document.problem.message.startswith("the shell script cannot be parsed here")


def test_the_read_of_8000_stages_costs_no_more_than_that_of_as_many_commands_one_a_line():
    # 8,000 stages: more than a second to parse, past which the bound refused the script, after the fact
    assert_costs_at_most(_reading(_open_pipeline(8000)), 3, _reading(CREATE + "a\n" * 8000 + ")\n"))
