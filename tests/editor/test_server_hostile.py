"""What a client should not send: JSON that does not parse, a request whose params its method does not take,
a change to a document never opened. Each request gets the JSON-RPC error that says so, the user sees no
pop-up, and the log says it in one line, with no traceback. A settings file that Python cannot read (an
integer of 5,000 digits) is said as a bad settings file is, and the server still shuts down cleanly."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from test_server import ACL, LspClient, open_document


def _raw(client: LspClient, body: bytes) -> None:
    """A message framed as LSP frames it, whatever its body."""
    assert client.process.stdin is not None
    client.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    client.process.stdin.flush()


def _answer(client: LspClient, request_id: object) -> dict[str, Any]:
    return client._wait(lambda m: "method" not in m and m.get("id", "none") == request_id)


def _settled(client: LspClient) -> None:
    """Every message sent so far handled: a request sent after them is answered, after a moment for
    anything they scheduled."""
    time.sleep(0.5)
    assert client.request("textDocument/hover", _hover("file:///nowhere.cscfg")) is None


def _hover(uri: str) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}


def _stderr_after_close(client: LspClient) -> str:
    assert client.close() == 0
    assert client.process.stderr is not None
    return client.process.stderr.read().decode(errors="replace")


def test_malformed_messages_get_json_rpc_errors_and_no_pop_up(client: LspClient, workspace: Path):
    _raw(client, b"{bad}")
    assert _answer(client, None)["error"]["code"] == -32700  # parse error: no id can be known
    _raw(client, b'{"jsonrpc":"2.0","id":41,"method":"textDocument/hover","params":null}')
    assert _answer(client, 41)["error"]["code"] == -32602
    bad_position = {**_hover("file:///x.cscfg"), "position": {"line": -1, "character": 0}}
    client.send({"id": 42, "method": "textDocument/hover", "params": bad_position})
    assert _answer(client, 42)["error"]["code"] == -32602
    _raw(client, b"[1, 2]")
    assert _answer(client, None)["error"]["code"] == -32600
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": "file:///x.cscfg", "languageId": "xml", "version": "one", "text": 5}},
    )
    _settled(client)
    # The server still works.
    cscfg = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    assert any(d["code"] == "MIG201" for d in open_document(client, cscfg, ACL.replace("office", "x")))
    assert not [m for m in client.notifications if m.get("method") == "window/showMessage"]
    log = _stderr_after_close(client)
    assert "Traceback" not in log
    assert len([line for line in log.splitlines() if line.startswith("refused")]) == 5, log


def test_a_change_to_a_document_never_opened_is_ignored(client: LspClient, workspace: Path):
    uri = (workspace / "shop" / "unknown.cscfg").as_uri()
    for version, change in enumerate(
        [
            {"text": "<ServiceConfiguration/>"},
            {
                "range": {"start": {"line": 5, "character": 0}, "end": {"line": 6, "character": 0}},
                "text": "x",
            },
        ],
        2,
    ):
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
    _settled(client)
    assert not [m for m in client.notifications if m.get("method") == "window/showMessage"]
    log = _stderr_after_close(client)
    assert "Traceback" not in log and "KeyError" not in log
    assert log.count("ignored a change to a document that is not open") == 2


def test_a_settings_file_python_cannot_read_is_said_and_shutdown_is_clean(client: LspClient, workspace: Path):
    (workspace / "pyproject.toml").write_text("[tool.migcheck]\nfail-on = 1" + "9" * 5000 + "\n")
    cscfg = workspace / "shop" / "ServiceConfiguration.Cloud.cscfg"
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": cscfg.as_uri(), "languageId": "xml", "version": 1, "text": ACL}},
    )
    message = client._wait(lambda m: m.get("method") == "window/showMessage")
    assert (
        "pyproject.toml:2:11: not readable TOML: an integer of 5,001 digits" in message["params"]["message"]
    )
    log = _stderr_after_close(client)  # `close` asserts that shutdown is answered without an error
    assert "Traceback" not in log
