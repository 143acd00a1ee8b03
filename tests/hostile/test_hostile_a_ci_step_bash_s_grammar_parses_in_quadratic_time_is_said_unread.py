"""A CI step's command line, a Makefile recipe's or an Ansible task's, goes through the bash grammar as a script
file does, and some scripts take it time that grows with their size squared (an extglob pattern `x a@(x)`
on each of 25,000 lines, 450 kB: many minutes). Such a script is parsed within a CPU time linear in its size
(`grammars.parsed_in_time`) and said unread (MIG001 at the step, where it names the classic CLI), where the
check went on for a minute."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_support import migcheck_limited

WORKFLOW = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
SCRIPT = "          x a@(x)\n" * 25_000 + "          azure vm create web img user pass\n"


def test_a_ci_step_bash_s_grammar_parses_in_quadratic_time_is_said_unread(tmp_path: Path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(WORKFLOW + SCRIPT)
    run = migcheck_limited("check", "--format", "json", ".", cwd=tmp_path, cpu=30)
    findings = json.loads(run.stdout)
    slow = [f for f in findings if f["code"] == "MIG001"]
    assert [(f["path"], f["line"]) for f in slow] == [(".github/workflows/deploy.yml", 7)], run.stderr
    assert "takes longer to parse than a script of its size may" in slow[0]["message"]
