"""A command before `&&` that is run for its answer makes what follows a branch of an `if` on it, which may
not run: a function of the script (`is_prod && azure vm create ...`), whose success is its last command's,
and a probe of the network, a process or a file (`ping -c1 host`, `curl -sf URL`, `nc -z`, `wget --spider`,
`pgrep`, `systemctl is-active`, `jq -e`). Each was read as an action that surely succeeded, so the create
after it surely ran (it fails today, where it fails today only whenever it runs), and a reserved IP
associated after it was surely the VIP. A download (`curl -fsSL URL -o file`) is still an action."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = 'azure vm create TestService img ops Passw0rd! --vm-name TestVM --location "Central US"'
RESERVE = 'azure network reserved-ip create MyReservedIP "Central US"\n'
ASSOCIATE = "azure network reserved-ip associate MyReservedIP TestService TestService"
IS_PROD = 'is_prod() { [ "$ENV" = prod ]; }\n'


def _message(tmp_path, monkeypatch, text: str, code: str) -> str:
    script = "#!/bin/bash\n" + text
    [finding] = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, code, dedent=False).findings
    return finding.message


CREATE_AFTER_A_QUESTION = {
    "a function of the script": f"{IS_PROD}is_prod && {CREATE}\n",
    "a function before ||": f"{IS_PROD}is_prod || {CREATE}\n",
    "ping": f"ping -c1 -W2 build.contoso.com && {CREATE}\n",
    "curl -sf": f"curl -sf https://build.contoso.com/ready && {CREATE}\n",
    "curl --fail": f"curl --fail --silent https://build.contoso.com/ready && {CREATE}\n",
    "wget --spider": f"wget -q --spider https://build.contoso.com/ready && {CREATE}\n",
    "nc -z": f"nc -zw2 build.contoso.com 443 && {CREATE}\n",
    "pgrep": f"pgrep -x deployd >/dev/null && {CREATE}\n",
    "systemctl is-active": f"systemctl is-active --quiet deployd && {CREATE}\n",
    "jq -e": f"jq -e .deploy settings.json >/dev/null && {CREATE}\n",
    "getent": f"getent hosts build.contoso.com && {CREATE}\n",
}


@pytest.mark.parametrize("case", CREATE_AFTER_A_QUESTION)
def test_a_create_after_a_question_fails_whenever_it_runs(tmp_path, monkeypatch, case):
    message = _message(tmp_path, monkeypatch, CREATE_AFTER_A_QUESTION[case], "MIG601")
    assert "fail today whenever they run (they may not" in message


CREATE_AFTER_AN_ACTION = {
    "curl download": f"curl -fsSL https://contoso.com/img.vhd -o img.vhd && {CREATE}\n",
    "curl saves by its name": f"curl -fO https://contoso.com/img.vhd && {CREATE}\n",
    "curl without --fail": f"curl -s https://contoso.com/hook && {CREATE}\n",
    "grep that prints": f"grep build plan.txt && {CREATE}\n",
}


@pytest.mark.parametrize("case", CREATE_AFTER_AN_ACTION)
def test_a_create_after_an_action_still_fails_today(tmp_path, monkeypatch, case):
    message = _message(tmp_path, monkeypatch, CREATE_AFTER_AN_ACTION[case], "MIG601")
    assert "fail today, since" in message


def test_a_reserved_ip_associated_after_a_function_may_not_be_the_vip(tmp_path, monkeypatch):
    script = f'{RESERVE}{CREATE}\nkeep_vip() {{ [ -n "$KEEP" ]; }}\nkeep_vip && {ASSOCIATE}\n'
    message = _message(tmp_path, monkeypatch, script, "MIG105")
    assert "which a call that may not run associates with it" in message
