"""The command after `&&` that follows an action the script expects to succeed (`cd "$(dirname "$0")" &&
azure vm create ...`, `azure login ... && azure vm create ...`, `azure vm create ... && azure network
reserved-ip associate ...`) runs on the path the script means, so it surely runs where the action does: the
create fails today, and the reserved IP is the deployment's VIP. So does what follows `create || exit 1`,
whose exit ends only a run that failed. A test before `&&` (`[ -n "$KEEP" ]`, `azure vm show`, `grep -q`)
still makes what follows a branch of an `if` on it, and what follows `||` after an action its failure path,
so these may not run. A Python script's `os.system("cd x && azure vm create ...")` is read the same way."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = 'azure vm create TestService img ops Passw0rd! --vm-name TestVM --location "Central US"'
RESERVE = 'azure network reserved-ip create MyReservedIP "Central US"\n'
ASSOCIATE = "azure network reserved-ip associate MyReservedIP TestService TestService"


def _message(tmp_path, monkeypatch, name: str, text: str, code: str) -> str:
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, code, dedent=False).findings
    return finding.message


CREATE_AFTER_AN_ACTION = {
    "cd to the script's folder": ("deploy.sh", f'#!/bin/bash\ncd "$(dirname "$0")" && {CREATE}\n'),
    "classic CLI login": ("deploy.sh", f'#!/bin/bash\nazure login -u "$U" -p "$P" && {CREATE}\n'),
    "cd, then || exit": ("deploy.sh", f'#!/bin/bash\ncd "$(dirname "$0")" || exit 1\n{CREATE}\n'),
    "Python os.system": ("deploy.py", f"import os\nos.system('cd /opt/deploy && {CREATE}')\n"),
}


@pytest.mark.parametrize("case", CREATE_AFTER_AN_ACTION)
def test_a_create_after_an_action_and_and_fails_today(tmp_path, monkeypatch, case):
    message = _message(tmp_path, monkeypatch, *CREATE_AFTER_AN_ACTION[case], "MIG601")
    assert "fail today, since" in message


CREATE_AFTER_A_TEST = {
    "[ -n ] &&": f'#!/bin/bash\n[ -n "$BUILD" ] && {CREATE}\n',
    "grep -q &&": f"#!/bin/bash\ngrep -qi build plan.txt && {CREATE}\n",
    "azure vm show ||": f"#!/bin/bash\nazure vm show TestService TestVM || {CREATE}\n",
    "cd ||": f'#!/bin/bash\ncd "$(dirname "$0")" || {CREATE}\n',
}


@pytest.mark.parametrize("case", CREATE_AFTER_A_TEST)
def test_a_create_after_a_test_or_on_a_failure_path_fails_whenever_it_runs(tmp_path, monkeypatch, case):
    message = _message(tmp_path, monkeypatch, "deploy.sh", CREATE_AFTER_A_TEST[case], "MIG601")
    assert "fail today whenever they run (they may not" in message


ASSOCIATED_AFTER_THE_CREATE = {
    "&&": f"{CREATE} && {ASSOCIATE}\n",
    "|| exit 1": f"{CREATE} || exit 1\n{ASSOCIATE}\n",
    "|| { echo; exit 1; }": f'{CREATE} || {{ echo "create failed" >&2; exit 1; }}\n{ASSOCIATE}\n',
}


@pytest.mark.parametrize("case", ASSOCIATED_AFTER_THE_CREATE)
def test_a_reserved_ip_associated_after_the_create_is_the_vip(tmp_path, monkeypatch, case):
    script = "#!/bin/bash\n" + RESERVE + ASSOCIATED_AFTER_THE_CREATE[case]
    message = _message(tmp_path, monkeypatch, "deploy.sh", script, "MIG105")
    assert "its VIP is reserved IP 'MyReservedIP' and is kept" in message


def test_a_reserved_ip_associated_after_a_test_may_not_be_the_vip(tmp_path, monkeypatch):
    script = f'#!/bin/bash\n{RESERVE}{CREATE}\n[ -n "$KEEP" ] && {ASSOCIATE}\n'
    message = _message(tmp_path, monkeypatch, "deploy.sh", script, "MIG105")
    assert "which a call that may not run associates with it" in message
