"""`check --verbose` names the construct that stopped the PowerShell parser at an unread part (a lone `-`
before a parameter's name, a blank after a line-ending backtick); the JSON reports' `unread_parts` and the
SARIF notifications say it too, as `"why"`, as they say a shell line's lost continuation, so that a program
reading them can offer the edit. A part the parser stopped at for a reason only it knows has no `"why"`."""

from __future__ import annotations

import json

from lint_support import run_cli

SERVICE = 'New-AzureService -ServiceName svc9 -Location "West US"\n'
LONE_DASH = 'Set-AzureSubscription - SubscriptionId "xxxxxx" -CurrentStorageAccountName acct\n' + SERVICE
BLANK_AFTER_BACKTICK = SERVICE + (
    "New-AzureQuickVM -Windows -ServiceName svc9 ` \n  -Name vm1 -ImageName img -Password p -AdminUsername a\n"
)
UNNAMED = SERVICE + "New-AzureQuickVM -Windows -ServiceName svc9 -Name `$vm1 -ImageName img -Password p\n"


def _parts(capsys, tmp_path, monkeypatch, text: str) -> tuple[list[dict], list[dict], list[dict]]:
    """The unread parts as report-json and the JSON plan list them, and the SARIF notifications."""
    (tmp_path / "deploy.ps1").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.ps1", "--format", "report-json")
    reported = json.loads(out)["unread_parts"]
    _, out, _ = run_cli(capsys, "plan", "deploy.ps1", "--format", "json")
    planned = [p for s in json.loads(out)["subscriptions"] for p in s.get("unread_parts", [])]
    _, out, _ = run_cli(capsys, "check", "deploy.ps1", "--format", "sarif")
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    return reported, planned, notes


def test_a_lone_dash_is_said_as_lone_dash(capsys, tmp_path, monkeypatch):
    reported, planned, notes = _parts(capsys, tmp_path, monkeypatch, LONE_DASH)
    assert reported[0] == {"path": "deploy.ps1", "line": 1, "column": 25, "why": "lone-dash"}
    assert planned[0] == reported[0]
    assert notes[0]["properties"] == {"why": "lone-dash"}
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 25}


def test_a_blank_after_a_line_ending_backtick_is_said_as_blank_after_backtick(capsys, tmp_path, monkeypatch):
    reported, planned, notes = _parts(capsys, tmp_path, monkeypatch, BLANK_AFTER_BACKTICK)
    assert reported and all(p["why"] == "blank-after-backtick" for p in reported), reported
    assert planned == reported
    assert all(n["properties"] == {"why": "blank-after-backtick"} for n in notes), notes


def test_a_part_whose_characters_name_no_construct_has_no_why(capsys, tmp_path, monkeypatch):
    reported, planned, notes = _parts(capsys, tmp_path, monkeypatch, UNNAMED)
    assert reported and all("why" not in p for p in reported), reported
    assert planned == reported
    assert all("properties" not in n for n in notes), notes


HTML_ESCAPED = SERVICE + (
    "New-AzureQuickVM -Windows -ServiceName svc9 -Name vm1 -ImageName img -AdminUsername &quot;ops&quot; -Password p\n"
)


def test_an_html_escaped_quote_is_said_as_html_escaped_which_powershell_rejects(
    capsys, tmp_path, monkeypatch
):
    reported, planned, notes = _parts(capsys, tmp_path, monkeypatch, HTML_ESCAPED)
    assert reported[0] == {"path": "deploy.ps1", "line": 2, "column": 85, "why": "html-escaped"}
    assert planned[0] == reported[0]
    assert notes[0]["properties"] == {"why": "html-escaped"}
    _, _, err = run_cli(capsys, "check", "deploy.ps1", "--verbose")
    said = [line for line in err.splitlines() if line.startswith("migcheck: deploy.ps1:2:85:")]
    assert len(said) == 1 and "rejects the whole script at parse time" in said[0], err
    assert "may well run" not in said[0] and '`&quot;` as `"`' in said[0]


def test_a_word_with_an_html_escape_in_it_is_html_escaped_and_no_part_of_that_script_may_well_run(
    capsys, tmp_path, monkeypatch
):
    text = HTML_ESCAPED + "&quot;Done...&quot;\n" + UNNAMED.removeprefix(SERVICE)
    reported, _, _ = _parts(capsys, tmp_path, monkeypatch, text)
    assert [p.get("why") for p in reported] == ["html-escaped", "html-escaped", None], reported
    _, _, err = run_cli(capsys, "check", "deploy.ps1", "--verbose")
    assert "may well run" not in err and "rejects whole for the HTML escapes said above" in err, err
