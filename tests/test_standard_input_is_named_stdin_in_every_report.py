"""Standard input checked as `-` without --stdin-filename is `<stdin>` wherever a report names a file: the
finding's position, the readiness summary's row, the JSON path and the CI formats, whatever it holds (XML, or
a script its #! line names). With --stdin-filename it is that file, as before."""

from __future__ import annotations

import io
import json

import pytest
from lint_support import run_cli

BROKEN_XML = "<ServiceConfiguration>\n  <Role>\n"

# A script of each kind whose #! line names its reader, each with a classic call MIG601 reports.
SCRIPTS = {
    "shell": "#!/bin/sh\nazure vm create svc img user pass -e 22\n",
    "python": "#!/usr/bin/env python3\nfrom azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService('sub', 'cert.pem')\nsms.create_virtual_machine_deployment(\n"
    "    service_name='svc', deployment_name='svc', deployment_slot='production', label='svc',\n"
    "    role_name='vm1', system_config=None, os_virtual_hard_disk=None)\n",
    "powershell": "#!/usr/bin/env pwsh\nNew-AzureQuickVM -Windows -ServiceName svc -Name vm1 "
    "-ImageName img -Password p -AdminUsername u -Location 'West Europe'\n",
}


@pytest.fixture
def stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def give(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))

    return give


def test_a_finding_in_standard_input_is_at_stdin_in_the_text_report(stdin, capsys):
    stdin(BROKEN_XML)
    code, out, _ = run_cli(capsys, "check", "-")
    assert code == 1
    assert out.startswith("<stdin>:3:1: MIG001 [error] not well-formed XML")
    assert "    <stdin>  Fails: 1 error" in out.splitlines()
    assert not any(line.startswith("-") for line in out.splitlines())


def test_standard_input_is_stdin_in_json_and_the_ci_formats(stdin, capsys):
    stdin(BROKEN_XML)
    _, out, _ = run_cli(capsys, "check", "-", "--format", "json")
    finding = json.loads(out)[0]
    assert (finding["path"], finding["resource"]["name"]) == ("<stdin>", "<stdin>")
    stdin(BROKEN_XML)
    _, out, _ = run_cli(capsys, "check", "-", "--format", "github")
    assert out.startswith("::error file=<stdin>,line=3,col=1,title=MIG001 xml-syntax-error::")


@pytest.mark.parametrize("kind", sorted(SCRIPTS))
def test_a_script_on_standard_input_is_read_by_its_shebang_and_named_stdin(stdin, capsys, kind):
    stdin(SCRIPTS[kind])
    _, out, _ = run_cli(capsys, "check", "-", "--format", "concise", "--select", "MIG601")
    lines = out.splitlines()
    assert lines[0].startswith("<stdin>:") and " MIG601 [warning] " in lines[0]
    assert "script '<stdin>' uses" in lines[0]
    assert lines[-1].startswith("Found 1 finding in 1 file")


def test_standard_input_given_a_file_name_is_named_by_it(stdin, capsys):
    stdin(BROKEN_XML)
    _, out, _ = run_cli(capsys, "check", "-", "--format", "concise", "--stdin-filename", "svc/Cloud.cscfg")
    assert out.startswith("svc/Cloud.cscfg:3:1: MIG001 [error]")
