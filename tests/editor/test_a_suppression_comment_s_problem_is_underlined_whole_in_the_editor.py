"""The editor underlines a mistyped suppression comment (MIG005) whole, as `check` does, where it
underlined the opener's first character."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from test_server import NO_ACL, open_document

COMMENT = "<!-- migcheck: ignore[MIG2O1] typo -->"


def test_a_mistyped_comment_is_underlined_from_its_opener_to_its_end(client, workspace):
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    text = NO_ACL.replace('  <Role name="Web">', f'  {COMMENT}\n  <Role name="Web">')
    diagnostics = open_document(client, uri, text)
    (typo,) = [d for d in diagnostics if d["code"] == "MIG005"]
    assert typo["range"] == {
        "start": {"line": 1, "character": 2},
        "end": {"line": 1, "character": 2 + len(COMMENT)},
    }
