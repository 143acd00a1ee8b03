"""A classic CLI migration step after `&&` or `||` runs only on the path the command before it decides, as
the `then` of an `if` on that command does: `azure network vnet prepare-migration app-vnet && azure network
vnet commit-migration app-vnet` commits only where the Prepare succeeded, so a Prepare written after it is no
Prepare after a Commit that surely ran (MIG602 reports only those). And a runbook that chooses its stage by
an argument (`[ "$1" = commit ] && ...commit-migration`, `[ "$1" = abort ] && ...abort-migration`) runs
one of them in each run, as `if [ "$1" = commit ]; then` does, where the Abort was said to come after the
Commit."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files

STEP = "azure network vnet {}-migration app-vnet"


def _mig602(tmp_path, monkeypatch, script: str) -> list[str]:
    files = {"network.netcfg": APP_VNET_NETCFG, "migrate.sh": "#!/bin/bash\n" + script}
    return [f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings]


COMMIT_IF_PREPARED = {
    "&&": f"{STEP.format('prepare')} && {STEP.format('commit')}\n",
    "if": f"if {STEP.format('prepare')}; then {STEP.format('commit')}; fi\n",
}


@pytest.mark.parametrize("form", COMMIT_IF_PREPARED)
def test_a_prepare_after_a_commit_that_may_not_have_run_is_not_reported(tmp_path, monkeypatch, form):
    script = f"{STEP.format('validate')}\n{COMMIT_IF_PREPARED[form]}{STEP.format('prepare')}\n"
    assert _mig602(tmp_path, monkeypatch, script) == []


def test_a_prepare_after_a_commit_that_surely_ran_is_reported(tmp_path, monkeypatch):
    script = f"{STEP.format('validate')}\n{STEP.format('prepare')}; {STEP.format('commit')}\n{STEP.format('prepare')}\n"
    [message] = _mig602(tmp_path, monkeypatch, script)
    assert (
        "azure network vnet prepare-migration comes after azure network vnet commit-migration at line 3"
        in message
    )


STAGES = {
    "&&": '[ "$1" = commit ] && {commit}\n[ "$1" = abort ] && {abort}\n',
    "if": 'if [ "$1" = commit ]; then {commit}; fi\nif [ "$1" = abort ]; then {abort}; fi\n',
}


@pytest.mark.parametrize("form", STAGES)
def test_the_stages_an_argument_chooses_are_two_runs_of_the_script(tmp_path, monkeypatch, form):
    stages = STAGES[form].format(commit=STEP.format("commit"), abort=STEP.format("abort"))
    script = f"{STEP.format('validate')}\n{STEP.format('prepare')}\n{stages}"
    assert _mig602(tmp_path, monkeypatch, script) == []
