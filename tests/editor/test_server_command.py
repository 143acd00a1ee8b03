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
