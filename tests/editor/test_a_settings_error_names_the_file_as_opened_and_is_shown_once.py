"""A settings file the server cannot use is said in a pop-up that names the file by its absolute path (the
server's working directory is the editor's choice, and a path relative to it names nothing the user
knows), once: not again after every pause in typing, only once the files change on disk."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from test_server import ACL, LspClient

SETTLED = 1.0  # seconds: well past the debounce and a lint of this small workspace


def _shown(client: LspClient) -> list[str]:
    return [m["params"]["message"] for m in client.notifications if m.get("method") == "window/showMessage"]


def _change(client: LspClient, uri: str, version: int) -> None:
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": ACL.replace("office", f"office{version}")}],
        },
    )
    time.sleep(SETTLED)


def test_a_settings_error_names_the_file_by_its_absolute_path_once(client: LspClient, workspace: Path):
    settings = workspace / "pyproject.toml"
    settings.write_text('[tool.migcheck]\nfail-on = "x"\n')
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "xml", "version": 1, "text": ACL}},
    )
    first = client._wait(lambda m: m.get("method") == "window/showMessage")["params"]["message"]
    assert first.startswith(f"migcheck: {settings}:2:11: ")  # not `migcheck: test_.../pyproject.toml`

    _change(client, uri, 2)
    _change(client, uri, 3)
    client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
    )
    assert _shown(client) == []  # the same error, not said again

    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": settings.as_uri(), "type": 2}]})
    again = client._wait(lambda m: m.get("method") == "window/showMessage")["params"]["message"]
    assert again == first  # the file changed and is still wrong: said again
