"""`migcheck server` without the `lsp` extra: a clear error that says what to install, exit code 2."""

from __future__ import annotations

import sys

from migcheck.cli import EXIT_ERROR, main


def test_missing_pygls_names_the_extra_to_install(monkeypatch, capsys):
    monkeypatch.delitem(sys.modules, "migcheck.server", raising=False)
    monkeypatch.setitem(sys.modules, "pygls", None)  # makes `import pygls...` fail as if not installed
    monkeypatch.setitem(sys.modules, "pygls.lsp", None)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    assert main(["server"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "pip install 'pygls>=2,<3'" in err
    assert "pip install '.[lsp]'" in err
    assert "migcheck[lsp]" not in err  # the PyPI project named migcheck is another tool


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_started_by_hand_in_a_terminal_it_says_it_waits_for_an_editor(monkeypatch, capsys):
    # Typed at a prompt, the server waited for LSP messages without a word: it seemed to hang.
    import migcheck.server

    monkeypatch.setattr(migcheck.server, "serve", lambda: 0)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    assert main(["server"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # standard output is the editor's channel
    assert "waits for an editor's messages (Ctrl-C, or Ctrl-D, the end of input, stops it)" in captured.err
    assert "migcheck check" in captured.err


def test_started_by_an_editor_it_says_nothing(monkeypatch, capsys):
    import migcheck.server

    monkeypatch.setattr(migcheck.server, "serve", lambda: 0)
    monkeypatch.setattr(sys, "stdin", type("Pipe", (), {"isatty": lambda self: False})())
    assert main(["server"]) == 0
    assert capsys.readouterr().err == ""
