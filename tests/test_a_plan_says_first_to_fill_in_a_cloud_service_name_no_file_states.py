"""A cloud service whose name no file states (`azure vm endpoint acl-rule create myvm-svc ...` names only the
VM; a PowerShell script given `-ServiceName $ServiceName`) is planned under a stand-in
(`<cloud service name, site.yml:4>`) that is in its commands. The plan says first that its name is to be filled
in there, and how to find it, in the text, Markdown and JSON plans alike; the note on its deployment's name
says that the deployment's placeholder is `<deployment name>`, and that the command giving it needs the cloud
service's name first, where it said the service's stand-in stood for the deployment."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

PLAYBOOK = """\
- hosts: localhost
  tasks:
    - name: add endpoint acl
      shell: azure vm endpoint acl-rule create myvm-svc ssh 100 permit 203.0.113.0/24
"""
POWERSHELL = """\
# the service is named where the script runs
New-AzureQuickVM -Windows -ServiceName $ServiceName -Name web1 -ImageName img -Password p -AdminUsername u -Location 'West Europe'
"""
FIRST = (
    "Fill in first: the files do not state the name of this cloud service, which the command at {at} acts on"
)


def _plan(tmp_path, monkeypatch, capsys, name: str, text: str, form: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", form)
    return out


def _json_notes(out: str) -> list[list[str]]:
    return [step["notes"] for sub in json.loads(out)["subscriptions"] for step in sub["steps"]]


@pytest.mark.parametrize(
    ("name", "text", "at", "vm"),
    [("site.yml", PLAYBOOK, "site.yml:4", "myvm-svc"), ("deploy.ps1", POWERSHELL, "deploy.ps1:2", "web1")],
    ids=["ansible", "ps1"],
)
def test_the_step_s_first_note_says_what_to_fill_in(
    tmp_path, monkeypatch, capsys, name: str, text: str, at: str, vm: str
) -> None:
    notes = _json_notes(_plan(tmp_path, monkeypatch, capsys, name, text, "json"))
    service_notes = [n for n in notes if any("name of this cloud service" in note for note in n)]
    assert len(service_notes) == 1, notes
    first = service_notes[0][0]
    assert first.startswith(FIRST.format(at=at)), first
    assert f"'<cloud service name, {at}>' stands for it in this step" in first
    assert f"lists each VM with its ServiceName (look for '{vm}')" in first


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_text_and_markdown_plans_say_it_before_the_other_notes(tmp_path, monkeypatch, capsys, form) -> None:
    out = _plan(tmp_path, monkeypatch, capsys, "site.yml", PLAYBOOK, form)
    notes = [line for line in out.splitlines() if "note:" in line.casefold()]
    assert "Fill in first: the files do not state the name of this cloud service" in notes[0], notes


def test_the_deployment_note_does_not_call_the_service_s_stand_in_the_deployment(
    tmp_path, monkeypatch, capsys
) -> None:
    out = _plan(tmp_path, monkeypatch, capsys, "site.yml", PLAYBOOK, "text")
    assert "The files do not name this deployment ('<cloud service name" not in out
    assert (
        "The files do not name its deployment either: fill in its name for '<deployment name>' in the commands. "
        "Once the cloud service's name is in place of '<cloud service name, site.yml:4>', Get-AzureDeployment"
    ) in out


def test_a_service_the_files_name_gets_no_such_note(tmp_path, monkeypatch, capsys) -> None:
    named = POWERSHELL.replace("$ServiceName -Name", "web-svc -Name")
    out = _plan(tmp_path, monkeypatch, capsys, "deploy.ps1", named, "text")
    assert "cloud service 'web-svc'" in out
    assert "Fill in first: the files do not state the name of this cloud service" not in out
