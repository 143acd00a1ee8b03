"""The editor places a client's incremental edit by LSP's line endings alone (`\\r\\n`, `\\r`, `\\n`), not by
`str.splitlines`, which also ends a line at a form feed, `\\x85` or `\\u2028`; and it offers a suppression
comment only where one quiets the finding alone."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import PositionCodec

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.server import _changed, _diagnostic, _suppress_action
from migcheck.source import SourceText


def _edit(start: tuple[int, int], end: tuple[int, int], text: str) -> lsp.TextDocumentContentChangePartial:
    return lsp.TextDocumentContentChangePartial(
        range=lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end)), text=text
    )


@pytest.mark.parametrize("odd", ["\f", "\x0b", "\x1c", "\x85", "\u2028", "\u2029"])
def test_an_edit_after_a_character_splitlines_ends_a_line_at_lands_on_the_client_s_line(odd: str):
    text = f"# one{odd}still line 0\nline 1\nline 2\n"
    changed = _changed(text, _edit((2, 0), (2, 6), "LINE 2"), PositionCodec())
    assert changed == f"# one{odd}still line 0\nline 1\nLINE 2\n"


@pytest.mark.parametrize(
    ("start", "end", "new", "expected"),
    [
        ((1, 0), (1, 1), "B", "a\r\nB\rc\nd"),  # lone \r and \r\n end lines as LSP says
        ((0, 9), (1, 0), "", "ab\rc\nd"),  # past a line's end is its end: joins the lines
        ((3, 1), (3, 1), "!", "a\r\nb\rc\nd!"),
        ((7, 0), (7, 0), "+", "a\r\nb\rc\nd+"),  # past the last line: the end of the text
    ],
)
def test_line_endings_and_positions_past_the_end(start, end, new, expected):
    assert _changed("a\r\nb\rc\nd", _edit(start, end, new), PositionCodec()) == expected


def test_columns_are_utf16_units_by_default():
    text = "x😀y = 1\n"
    assert _changed(text, _edit((0, 3), (0, 4), "Z"), PositionCodec()) == "x😀Z = 1\n"


def test_a_whole_document_change_replaces_the_text():
    change = lsp.TextDocumentContentChangeWholeDocument(text="new")
    assert _changed("old", change, PositionCodec()) == "new"


ONE_LINE_BRANCHES = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
if len(sys.argv) > 1: sms.create_virtual_machine_deployment("svc1", "d1", "production", "d1", "vm1", None, None)
else: sms.create_virtual_machine_deployment("svc2", "d2", "production", "d2", "vm2", None, None)
"""


def _actions(path: Path, text: str) -> dict[tuple[str, int], lsp.CodeAction | None]:
    path.write_text(text)
    document = TextDocument(path.as_uri(), text)
    return {
        (f.code, f.mark.line): _suppress_action(
            document, _diagnostic(f, SourceText(text), document.position_codec)
        )
        for f in lint([str(path)], Config(), load_rules()).findings
    }


def test_no_suppression_where_the_comment_would_cover_another_branch_too(tmp_path: Path):
    actions = _actions(tmp_path / "deploy.py", ONE_LINE_BRANCHES)
    assert actions[("MIG105", 5)] is None  # before the `if`, it would quiet svc2's MIG105 as well
    assert actions[("MIG105", 6)] is None  # `else:` starts that line


def test_no_suppression_where_the_powershell_statement_shares_its_line(tmp_path: Path):
    text = 'if ($env:A) { New-AzureQuickVM -ServiceName "s1" -Name "v1" -ImageName "i" -Location "West US" } else { New-AzureQuickVM -ServiceName "s2" -Name "v2" -ImageName "i" -Location "West US" }\n'
    actions = _actions(tmp_path / "deploy.ps1", text)
    mig105 = [action for (code, _), action in actions.items() if code == "MIG105"]
    assert mig105 and all(action is None for action in mig105)


CLASSIC = "from azure.servicemanagement import ServiceManagementService\n\nsms = ServiceManagementService('s', 'c')\n"


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("broken.py", "from azure.servicemanagement import ServiceManagementService\ndef (:\n", "MIG001"),
        ("ServiceConfiguration.cscfg", "<ServiceConfiguration>\n  <Role>\n", "MIG001"),
        ("deploy.py", f"{CLASSIC}# migcheck: ignore[MIG2O1] reason\nx = 1\n", "MIG005"),
        ("deploy.py", f"{CLASSIC}# migcheck: ignore[MIG201] reason\nx = 1\n", "MIG006"),
    ],
)
def test_no_suppression_for_what_a_comment_cannot_quiet(tmp_path: Path, name: str, text: str, code: str):
    actions = _actions(tmp_path / name, text)
    assert any(found == code for found, _ in actions), actions
    assert all(action is None for (found, _), action in actions.items() if found == code)
