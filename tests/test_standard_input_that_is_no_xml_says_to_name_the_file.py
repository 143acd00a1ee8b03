"""Standard input without --stdin-filename is read as XML (or as the script its #! line names): a script or
an export piped in without a name fails as XML, and the advice says to name it, where it said to check that
the file holds the XML its name says (standard input has no name) or how to write a `<` in XML."""

from __future__ import annotations

import io
import json

import pytest
from lint_support import run_cli

NAME_IT = (
    "Standard input is read as XML unless --stdin-filename names the file it holds: to check a script or an "
    "export, name it (`--stdin-filename deploy.ps1`, `vms.json`)."
)


@pytest.fixture
def stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def give(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))

    return give


@pytest.mark.parametrize(
    "text",
    [
        "<#\n.SYNOPSIS\nDeploys the VMs.\n#>\nNew-AzureService -ServiceName svc -Location 'West Europe'\n",
        "azure vm create svc img user pass -e 22\n",
        '{"value": [{"name": "vm1", "type": "Microsoft.ClassicCompute/virtualMachines"}]}\n',
    ],
    ids=["powershell", "shell", "export"],
)
def test_standard_input_that_does_not_start_as_xml_says_to_name_it(stdin, capsys, text):
    stdin(text)
    code, out, _ = run_cli(capsys, "check", "-", "--format", "json")
    [finding] = json.loads(out)
    assert (code, finding["code"], finding["fix"]) == (1, "MIG001", NAME_IT)


def test_broken_xml_on_standard_input_keeps_its_own_advice(stdin, capsys):
    stdin("<NetworkConfiguration>\n  <VirtualNetworkConfiguration>\n")
    _, out, _ = run_cli(capsys, "check", "-", "--format", "json")
    [finding] = json.loads(out)
    assert finding["code"] == "MIG001"
    assert "Close <VirtualNetworkConfiguration>" in finding["fix"]


def test_a_named_file_keeps_its_own_advice(tmp_path, capsys):
    (tmp_path / "a.cscfg").write_text("#!/bin/sh\nnot xml\n")
    _, out, _ = run_cli(capsys, "check", str(tmp_path / "a.cscfg"), "--format", "json")
    [finding] = json.loads(out)
    assert NAME_IT not in finding["fix"]
