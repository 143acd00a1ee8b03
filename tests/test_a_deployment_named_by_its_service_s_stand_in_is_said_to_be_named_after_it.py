"""The classic CLI's `azure vm create` names the deployment after its cloud service: where the script gives the
service a name only when it runs (shell, or Python running the CLI), the deployment's stand-in is the
service's, and the step says why it repeats (`deployment '<cloud service name, deploy.sh:2>' (the deployment
is named after its service)`), where the same stand-in stood twice unexplained."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

SHELL = 'svc=$1\nazure vm create "$svc" img ops "P@ss" -n app1 -z Small\n'
PYTHON = (
    "import subprocess\nimport sys\n"
    'subprocess.run(["azure", "vm", "create", sys.argv[1], "img", "ops", "P@ss", "-n", "app1", "-z", "Small"])\n'
)
NAMED_AFTER = " (the deployment is named after its service)"


def _moves(capsys) -> list[str]:
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    # Not the storage account of the VM's disks, which the script does not state: it comes after.
    (step,) = [step for step in subscription["steps"] if step["kind"] != "storage"]
    return step["moves"]


@pytest.mark.parametrize(("name", "text"), [("deploy.sh", SHELL), ("deploy.py", PYTHON)])
def test_the_step_says_the_deployment_is_named_after_its_service(tmp_path, monkeypatch, capsys, name, text):
    lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    stand_in = f"<cloud service name, {name}:{text.count(chr(10))}>"
    said = f"cloud service '{stand_in}', deployment '{stand_in}'{NAMED_AFTER}: VMs app1"
    assert _moves(capsys)[0] == said
    assert f"moves: {said}" in run_cli(capsys, "plan", ".")[1]


def test_a_service_name_the_script_states_needs_no_such_words(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"deploy.sh": SHELL.replace('"$svc"', "shop")}, dedent=False)
    assert NAMED_AFTER not in _moves(capsys)[0]
