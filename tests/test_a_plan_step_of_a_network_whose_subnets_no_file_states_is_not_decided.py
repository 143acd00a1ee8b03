"""The plan's step of a network whose every description leaves its subnets out (an inventory row that states
its address space alone) is not ready: the readiness summary calls the network "Not decided: the files do
not state the network's subnets", and the step says the same reason in every format (text, markdown, HTML,
JSON's `subnets_unstated` and the overview's count of steps not decided), with a note saying to add the
network configuration. A row that lists the subnets decides the step, which is ready as before."""

from __future__ import annotations

import json

from lint_support import run_cli

NETWORK = {
    "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net-rg/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet-z",
    "name": "vnet-z",
    "type": "microsoft.classicnetwork/virtualnetworks",
    "location": "westeurope",
    "subscriptionId": "00000000-0000-0000-0000-000000000001",
    "properties": {"addressSpace": {"addressPrefixes": ["10.9.0.0/16"]}},
}
LISTED = {
    **NETWORK,
    "properties": {
        "addressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
        "subnets": [{"name": "app", "addressPrefix": "10.9.1.0/24"}],
    },
}
REASON = "not decided: the files do not state the network's subnets"


def _plan(tmp_path, monkeypatch, capsys, fmt: str, listed: bool = False) -> str:
    (tmp_path / "networks.json").write_text(json.dumps({"data": [NETWORK]}))
    if listed:
        (tmp_path / "listed.json").write_text(json.dumps({"data": [LISTED]}))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", fmt)
    return out


def test_the_json_step_is_not_ready_and_counted_not_decided(tmp_path, monkeypatch, capsys) -> None:
    plan = json.loads(_plan(tmp_path, monkeypatch, capsys, "json"))["subscriptions"][0]
    [step] = plan["steps"]
    assert (step["name"], step["ready"], step.get("subnets_unstated")) == ("Group net-rg vnet-z", False, True)
    assert (plan["overview"]["ready"], plan["overview"]["not_decided"]) == (0, 1)
    [note] = [n for n in step["notes"] if isinstance(n, str) and n.startswith("No file checked here states")]
    assert "Get-AzureVNetConfig -ExportToFile" in note and "'Group net-rg vnet-z'" in note


def test_the_text_step_says_why(tmp_path, monkeypatch, capsys) -> None:
    out = _plan(tmp_path, monkeypatch, capsys, "text")
    assert f"1. Virtual network: Group net-rg vnet-z [wave 1] — NOT READY ({REASON})\n" in out
    assert f"start with step 1 (Group net-rg vnet-z, {REASON})" in out


def test_the_markdown_and_html_steps_say_why(tmp_path, monkeypatch, capsys) -> None:
    assert f"⛔ not ready ({REASON})" in _plan(tmp_path, monkeypatch, capsys, "markdown")
    html = _plan(tmp_path, monkeypatch, capsys, "html")
    assert f"not ready: {REASON}".replace("'", "&#x27;") in html


def test_a_row_that_lists_the_subnets_decides_the_step(tmp_path, monkeypatch, capsys) -> None:
    plan = json.loads(_plan(tmp_path, monkeypatch, capsys, "json", listed=True))["subscriptions"][0]
    [step] = plan["steps"]
    assert (step["ready"], "subnets_unstated" in step) == (True, False)
