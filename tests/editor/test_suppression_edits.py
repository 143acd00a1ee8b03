"""The language server's "suppress" quick fix writes the comment each kind of file takes, where its reader
honours it: applied, the finding is suppressed and the file still reads as it did. Checked by linting the
edited file with the real readers, for findings in the middle of statements too."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.workspace import TextDocument
from test_texts import ACL

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.server import _diagnostic, _powershell_statement_start, _suppress_action, suppression_edit
from migcheck.source import SourceText

PYTHON = """\
from azure.servicemanagement import (
    ConfigurationSet,
    ServiceManagementService,
)

sms = ServiceManagementService("subscription", "management.pem")
network = ConfigurationSet()
network.configuration_set_type = "NetworkConfiguration"
network.subnet_names.append("FrontEnd")
with open("deploy.log") as log:
    network.subnet_names.extend(  \\
        ["BackEnd", "Data"])
sms.create_virtual_machine_deployment(
    service_name="svc",
    deployment_name="dep",
    deployment_slot="production", \\
    label="dep",
    role_name="vm1",
    system_config=None,
    os_virtual_hard_disk=None,
    network_config=network,
    role_size="Small",
    virtual_network_name="vnet",
    reserved_ip_name="ip",
)
"""
POWERSHELL = """\
$vms = @("a", "b")
foreach ($name in $vms) {
    New-AzureVMConfig -Name $name -InstanceSize Small -ImageName "img" |
        Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |
        Set-AzureSubnet -SubnetNames "FrontEnd", `
            "BackEnd" |
        New-AzureVM -ServiceName "svc" -VNetName "vnet"
}
"""


def _findings(path: Path) -> list:
    return lint([str(path)], Config(), load_rules()).findings


def _suppressed_each_in_turn(path: Path, text: str, crlf: bool = False) -> list[str]:
    """Each finding of the file at `path` holding `text`, suppressed alone through the quick fix: the
    comment lines written. Asserts that each edit silences its finding and nothing else changes."""
    if crlf:
        text = text.replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    before = _findings(path)
    assert before, "the example has findings to suppress"
    written = []
    for finding in before:
        document = TextDocument(path.as_uri(), text)
        diagnostic = _diagnostic(finding, SourceText(text), document.position_codec)
        edit = suppression_edit(document, diagnostic)
        assert edit is not None and edit.range.start == edit.range.end
        at = document.offset_at_position(edit.range.start)
        path.write_bytes((text[:at] + edit.new_text + text[at:]).encode("utf-8"))
        result = lint([str(path)], Config(), load_rules())
        left = [(f.code, f.resource_name, f.message) for f in result.findings]
        # A comment silences its code on the whole statement: each VM a loop makes there, too.
        expected = [
            (f.code, f.resource_name, f.message)
            for f in before
            if (f.code, f.mark.line) != (finding.code, finding.mark.line)
        ]
        assert left == expected, edit.new_text
        assert finding.code in {s.finding.code for s in result.suppressed}
        written.append(edit.new_text)
    return written


def test_a_python_finding_is_suppressed_before_its_statement(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "deploy.py", PYTHON)
    # Not after the line the backslash continues: before the statement, indented like it.
    assert "    # migcheck: ignore[MIG202] reason\n" in written
    # Inside the call the backslash continues: before the call's statement, which is not indented.
    assert "# migcheck: ignore[MIG106] reason\n" in written


def test_a_powershell_finding_is_suppressed_before_its_pipeline(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "deploy.ps1", POWERSHELL)
    # A pipeline continued by `|` and a backtick: the comment goes before its first line, indented.
    assert set(written) >= {"    # migcheck: ignore[MIG202] reason\n"}


def test_line_endings_are_the_file_s_own(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "deploy.ps1", POWERSHELL, crlf=True)
    assert all(line.endswith("\r\n") for line in written)


def test_an_xml_finding_is_suppressed_before_its_element(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "ServiceConfiguration.Cloud.cscfg", ACL)
    assert "      <!-- migcheck: ignore[MIG201] reason -->\n" in written


@pytest.mark.parametrize(
    ("name", "covered"),
    [
        ("deploy.py", "statement"),
        ("Deploy.PS1", "statement"),
        ("x.psm1", "statement"),
        ("a.cscfg", "element"),
    ],
)
def test_the_action_says_what_the_comment_covers(name, covered):
    document = TextDocument(f"file:///project/{name}", "x\n")
    diagnostic = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 1)), message="m"
    )
    diagnostic.code = "MIG202"
    action = _suppress_action(document, diagnostic)
    assert action is not None and action.title == f"Suppress MIG202 on this {covered}"


@pytest.mark.parametrize("name", ["classic.json", "declarations.toml"])
def test_no_suppression_is_offered_where_the_reader_reads_no_comment(name):
    document = TextDocument(f"file:///project/{name}", '{"data": []}\n')
    diagnostic = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 1)), message="m", code="MIG202"
    )
    assert suppression_edit(document, diagnostic) is None
    assert _suppress_action(document, diagnostic) is None


def test_a_python_2_finding_is_suppressed_before_its_statement(tmp_path):
    """The statement is found as the reader reads the script: Python 2 parses only through its rewrite."""
    python2 = PYTHON.replace('"management.pem")', '"management.pem")\nprint "deploying"')
    written = _suppressed_each_in_turn(tmp_path / "deploy.py", python2)
    assert "    # migcheck: ignore[MIG202] reason\n" in written


def test_a_file_with_lone_carriage_returns_gets_the_comment_before_the_statement(tmp_path):
    # Classic Mac OS endings: the comment's line ends as the file's lines do.
    with_crlf = _suppressed_each_in_turn(tmp_path / "deploy.py", PYTHON, crlf=True)
    with_cr = _suppressed_each_in_turn(tmp_path / "deploy.py", PYTHON.replace("\n", "\r"))
    assert with_cr == [line.replace("\r\n", "\r") for line in with_crlf]


def test_a_pipeline_s_first_line_is_found_in_lines_an_editor_counts():
    # tree-sitter's rows count `\n` only: in a file with lone `\r` endings every position is on row 0.
    text = POWERSHELL.replace("\n", "\r")
    assert [_powershell_statement_start(text, line, 8)[0] for line in range(2, 7)] == [2, 2, 2, 2, 2]
