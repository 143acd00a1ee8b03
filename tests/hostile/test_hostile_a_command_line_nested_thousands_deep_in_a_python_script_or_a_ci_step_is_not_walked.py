"""A command line nested thousands deep (`$(` within `$(` 8,000 times) that a Python script runs through a
shell, or that an Azure Pipelines step runs beside a variable group, was parsed without the depth check a
script file's read makes: the walk of its tree climbed it node by node through `Node.parent` (quadratic in
its depth, the check did not end) and may overflow the C stack. Every bash parse now goes through one
guard (`grammars.bash_tree`): the step is said unread (MIG001 with the bound), the Python script's line is
not read, and the check ends."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_support import migcheck_limited

NESTED = "azure vm create " + "$(" * 8_000 + "echo web" + ")" * 8_000


def test_a_python_script_running_a_command_line_nested_thousands_deep_is_checked_to_the_end(tmp_path: Path):
    (tmp_path / "deploy.py").write_text(f"import subprocess\nsubprocess.run({NESTED!r}, shell=True)\n")
    run = migcheck_limited("check", "--format", "json", ".", cwd=tmp_path, cpu=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []


def test_a_ci_step_nested_thousands_deep_beside_a_variable_group_is_said_unread(tmp_path: Path):
    pipeline = f"variables:\n- group: shared\nsteps:\n- bash: |\n    echo $VNET\n    {NESTED}\n"
    (tmp_path / "azure-pipelines.yml").write_text(pipeline)
    run = migcheck_limited("check", "--format", "json", ".", cwd=tmp_path, cpu=60)
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)
    assert [(f["code"], f["path"]) for f in findings] == [("MIG001", "azure-pipelines.yml")]
    assert "more than 4,000 levels deep" in findings[0]["message"]
