"""A request to a URL the script does not state that may go to the Service Management API is listed among the
parts not read with the one cause that makes it so, in every report: the JSON plan and `report-json` give the
cause's word (`cause`) and its words (`cause_message`) beside the keys they had, SARIF its word in the
notification's properties, and the Markdown and HTML plans show the part's position as code and its cause as
text after it, the names it quotes as code. A request to an address an attribute holds that the script sets to
more than one value is said with its cause too (`attribute`)."""

from __future__ import annotations

import json

import pytest

from migcheck.cli import main

DELETE = 'curl -X DELETE "{}/services/hostedservices/shop"\n'
SCRIPTS = {
    "url-name": ("#!/bin/bash\nMGMT_URL=$2\n" + DELETE.format("$MGMT_URL"), "its URL is held by `$MGMT_URL`"),
    "certificate": (
        "#!/bin/bash\n# https://management.core.windows.net\n"
        + DELETE.replace("curl", "curl -E ops.pem").format("$2"),
        "it sends the management certificate `ops.pem`",
    ),
}


# A client whose attribute keeps its default on some path, its request to the API's host or not.
ATTRIBUTE_CLIENT = """\
import requests

class Client:
    url = DEFAULT

    def __init__(self, live=True):
        if live:
            self.url = 'https://management.core.windows.net/sub/services/hostedservices'

    def list(self):
        return requests.get(self.url, cert='c.pem')
"""
ATTRIBUTE_SAID = "its address is held by an attribute the script sets to more than one value, one of them on the API's host"


def run(tmp_path, monkeypatch, capsys, text: str, *args: str, name: str = "deploy.sh") -> str:
    (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    main([*args])
    return capsys.readouterr().out


@pytest.mark.parametrize("cause", sorted(SCRIPTS))
def test_the_json_plan_gives_the_cause_beside_the_keys_it_had(tmp_path, monkeypatch, capsys, cause):
    text, words = SCRIPTS[cause]
    out = run(tmp_path, monkeypatch, capsys, text, "plan", ".", "--format", "json")
    (part,) = json.loads(out)["subscriptions"][0]["unread_parts"]
    assert {k: part[k] for k in ("path", "why", "cause")} == {
        "path": "deploy.sh",
        "why": "request-url-undecided",
        "cause": cause,
    }
    assert part["line"] > 1
    assert "column" in part
    assert part["cause_message"].startswith(words)


def test_report_json_and_sarif_give_the_cause(tmp_path, monkeypatch, capsys):
    text = SCRIPTS["url-name"][0]
    (part,) = json.loads(run(tmp_path, monkeypatch, capsys, text, "check", ".", "--format", "report-json"))[
        "unread_parts"
    ]
    assert part["cause"] == "url-name"
    assert part["cause_message"] == "its URL is held by `$MGMT_URL`, a name of the API"
    sarif = json.loads(run(tmp_path, monkeypatch, capsys, text, "check", ".", "--format", "sarif"))
    (notice,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notice["properties"] == {"why": "request-url-undecided", "cause": "url-name"}


def test_a_part_with_no_cause_has_no_cause_key(tmp_path, monkeypatch, capsys):
    text = "#!/bin/bash\nazure vm create shop img ops\n  --vm-size Small\n"
    out = run(tmp_path, monkeypatch, capsys, text, "check", ".", "--format", "report-json")
    (part,) = json.loads(out)["unread_parts"]
    assert "cause" not in part
    assert "cause_message" not in part


def test_the_markdown_plan_shows_the_position_as_code_and_the_cause_as_text(tmp_path, monkeypatch, capsys):
    out = run(tmp_path, monkeypatch, capsys, SCRIPTS["url-name"][0], "plan", ".", "--format", "markdown")
    assert "- `deploy.sh:3:1`: its URL is held by `$MGMT_URL`, a name of the API\n" in out


def test_the_html_plan_shows_the_position_as_code_and_the_cause_as_text(tmp_path, monkeypatch, capsys):
    out = run(tmp_path, monkeypatch, capsys, SCRIPTS["url-name"][0], "plan", ".", "--format", "html")
    assert (
        "<li><code>deploy.sh:3:1</code>: its URL is held by <code>$MGMT_URL</code>, a name of the API</li>"
        in out
    )


def test_a_request_to_an_address_an_attribute_holds_gives_its_cause(tmp_path, monkeypatch, capsys):
    out = run(
        tmp_path, monkeypatch, capsys, ATTRIBUTE_CLIENT, "plan", ".", "--format", "json", name="client.py"
    )
    (part,) = json.loads(out)["subscriptions"][0]["unread_parts"]
    assert {k: part[k] for k in ("path", "why", "cause", "cause_message")} == {
        "path": "client.py",
        "why": "request-url-undecided",
        "cause": "attribute",
        "cause_message": ATTRIBUTE_SAID,
    }
    report = run(
        tmp_path,
        monkeypatch,
        capsys,
        ATTRIBUTE_CLIENT,
        "check",
        ".",
        "--format",
        "report-json",
        name="client.py",
    )
    (part,) = json.loads(report)["unread_parts"]
    assert (part["cause"], part["cause_message"]) == ("attribute", ATTRIBUTE_SAID)
    sarif = json.loads(
        run(
            tmp_path,
            monkeypatch,
            capsys,
            ATTRIBUTE_CLIENT,
            "check",
            ".",
            "--format",
            "sarif",
            name="client.py",
        )
    )
    (notice,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notice["properties"] == {"why": "request-url-undecided", "cause": "attribute"}
    markdown = run(
        tmp_path, monkeypatch, capsys, ATTRIBUTE_CLIENT, "plan", ".", "--format", "markdown", name="client.py"
    )
    assert f"`: {ATTRIBUTE_SAID}\n" in markdown
