"""How the server ends when a client does not follow LSP's shutdown-then-exit sequence: no traceback in the
editor's log, the exit code LSP asks for, and the store still written for the next server. A client that
closes the connection without a shutdown request ends the server as exit alone does: with 1."""

import os
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from test_server import TIMEOUT, LspClient


def _started(workspace: Path) -> LspClient:
    client = LspClient(workspace.parent)
    client.request(
        "initialize", {"processId": os.getpid(), "rootUri": workspace.as_uri(), "capabilities": {}}
    )
    client.notify("initialized", {})
    return client


def _ended(client: LspClient, *, close_input: bool) -> tuple[int, str]:
    assert client.process.stdin is not None and client.process.stderr is not None
    if close_input:
        client.process.stdin.close()
    code = client.process.wait(timeout=TIMEOUT)
    return code, client.process.stderr.read().decode(errors="replace")


def _stored() -> list[Path]:
    return list(Path(os.environ["MIGCHECK_CACHE_DIR"], "documents").glob("*.json"))


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("MIGCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.mark.parametrize("close_input", [False, True], ids=["input-open", "input-closed"])
def test_exit_sent_before_shutdown_is_answered(workspace: Path, cache: None, close_input: bool):
    client = _started(workspace)
    client.send({"id": 99, "method": "shutdown", "params": None})
    client.notify("exit", {})
    code, log = _ended(client, close_input=close_input)
    assert "Traceback" not in log and "CancelledError" not in log
    assert code == 0  # a shutdown was requested before exit
    assert _stored(), "the store the shutdown queued was not written"


def test_connection_closed_after_shutdown_without_exit(workspace: Path, cache: None):
    client = _started(workspace)
    client.send({"id": 99, "method": "shutdown", "params": None})
    code, log = _ended(client, close_input=True)
    assert "Traceback" not in log
    assert code == 0
    assert _stored()


def test_exit_without_shutdown_ends_with_1(workspace: Path, cache: None):
    client = _started(workspace)
    client.notify("exit", {})
    code, log = _ended(client, close_input=False)
    assert "Traceback" not in log
    assert code == 1  # LSP: exit without a shutdown request before it


@pytest.mark.parametrize("cut", [False, True], ids=["between-messages", "within-a-message"])
def test_connection_closed_without_shutdown_or_exit_ends_quietly_with_1(workspace: Path, cut: bool):
    # A client that went away (closed the connection, crashed) sent no shutdown: LSP's code for an end
    # without one is 1, as when exit comes alone (the protocol's own Node server library does the same).
    client = _started(workspace)
    assert client.process.stdin is not None
    if cut:
        client.process.stdin.write(b'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0", "method": "ini')
    code, log = _ended(client, close_input=True)
    assert "Traceback" not in log
    assert code == 1
