"""Every message the language server sends the editor has its control characters escaped, as the CLI's
output has (`migcheck.visible`): a plugin's error text with an escape sequence, shown in a pop-up, was
passed raw. Diagnostics keep the line break between the message and its fix, and hovers their Markdown
lines; everything else that is no plain text is shown as its escape."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from migcheck.model import Finding, Fix, Mark, Severity
from migcheck.server import MigcheckServer, _diagnostic, _fix_action
from migcheck.source import SourceText

ESC = "\x1b[2J\x1b]0;owned\x07"
SHOWN = "\\x1b[2J\\x1b]0;owned\\x07"


def test_a_plugin_s_error_is_shown_escaped(monkeypatch):
    sent: list[lsp.ShowMessageParams] = []
    monkeypatch.setattr(LanguageServer, "window_show_message", lambda server, params: sent.append(params))
    MigcheckServer().show_settings_error(f"migcheck: plugin contoso failed to load: ValueError: {ESC}")
    assert [params.message for params in sent] == [
        f"migcheck: plugin contoso failed to load: ValueError: {SHOWN}"
    ]


def test_a_log_message_is_sent_escaped(monkeypatch):
    sent: list[lsp.LogMessageParams] = []
    monkeypatch.setattr(LanguageServer, "window_log_message", lambda server, params: sent.append(params))
    MigcheckServer().window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Info, message=ESC))
    assert [params.message for params in sent] == [SHOWN]


def _finding(text: str) -> Finding:
    fix = Fix(f"Rename it{ESC}", ())
    return Finding(
        "MIG999",
        "contoso-rule",
        Severity.ERROR,
        text,
        f"Do{ESC} this",
        Mark("a.ps1", 1),
        "Script",
        "a.ps1",
        None,
        fix,
    )


def test_a_diagnostic_and_its_quick_fix_are_escaped_with_the_fix_on_its_own_line():
    finding = _finding(f"network 'prod{ESC}' is not defined")
    document = TextDocument("file:///a.ps1", "New-AzureVM\n")
    diagnostic = _diagnostic(finding, SourceText(document.source), document.position_codec)
    assert diagnostic.message == f"network 'prod{SHOWN}' is not defined\nDo{SHOWN} this"
    assert finding.autofix is not None
    assert _fix_action(document, diagnostic, finding.autofix).title == f"Rename it{SHOWN}"
