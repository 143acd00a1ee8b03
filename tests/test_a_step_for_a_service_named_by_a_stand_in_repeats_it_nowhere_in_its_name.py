"""A step moves a deployment of a cloud service and is named `service/deployment`; where the classic CLI's
`azure vm create` names the deployment after a service the script names only when it runs (`$SERVICE`), the
two are one stand-in, and the step is named by it once (`<cloud service name, deploy.sh:1>`), where it read
`<cloud service name, deploy.sh:1>/<cloud service name, deploy.sh:1>`. A service the script names keeps both
(`shop/shop`): a name that runs, as Move-AzureService takes it."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

SHELL = 'azure vm create $SERVICE img ops "P@ss" -n app1 -z Small -l "West US"\n'
STAND_IN = "<cloud service name, deploy.sh:1>"


def _service_step(capsys) -> dict[str, object]:
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    (step,) = [step for step in subscription["steps"] if step["kind"] == "service"]
    return step


def test_the_step_is_named_by_the_stand_in_once(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"deploy.sh": SHELL}, dedent=False)
    assert _service_step(capsys)["name"] == STAND_IN
    plan = run_cli(capsys, "plan", ".")[1]
    assert f"1. Cloud service (VMs not in a virtual network): {STAND_IN} [wave 1]" in plan
    assert f"start with step 1 ({STAND_IN}, fill in the cloud service's name first)" in plan


def test_a_service_the_script_names_is_named_with_its_deployment(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"deploy.sh": SHELL.replace("$SERVICE", "shop")}, dedent=False)
    assert _service_step(capsys)["name"] == "shop/shop"
