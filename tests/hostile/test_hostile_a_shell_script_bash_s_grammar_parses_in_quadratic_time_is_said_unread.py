"""The bash grammar's own code takes time that grows with the square of some inputs: a line of an extglob
pattern (`x a@(x)`) repeated thousands of times, 64 kB of them 30 s, more without end. Such a script is
parsed within a CPU time linear in its size (`grammars.parsed_in_time`) and then said unread (MIG001 at
its start), where the run went on for minutes; the script read after it is read whole, not as the rest of
the parse that was stopped."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_support import migcheck_limited

# 320 kB: many minutes to parse whole, stopped after 4.2 s; its classic command makes it a script to read
QUADRATIC = "x a@(x)\n" * 40_000 + "azure vm create web img user pass\n"


def test_a_script_bash_s_grammar_parses_in_quadratic_time_is_said_unread_at_its_start(tmp_path: Path):
    (tmp_path / "a.sh").write_text(QUADRATIC)
    (tmp_path / "b.sh").write_text("#!/bin/bash\nazure service create shop\n")
    run = migcheck_limited(
        "check", "--format", "json", "--select", "MIG001,MIG601", ".", cwd=tmp_path, cpu=30
    )
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)
    found = {(f["code"], f["path"], f["line"], f["column"]) for f in findings}
    assert found == {("MIG001", "a.sh", 1, 1), ("MIG601", "b.sh", 2, 1)}
    (slow,) = (f for f in findings if f["code"] == "MIG001")
    assert "takes longer to parse than a script of its size may" in slow["message"]
    assert "reads none of it" in slow["message"]
