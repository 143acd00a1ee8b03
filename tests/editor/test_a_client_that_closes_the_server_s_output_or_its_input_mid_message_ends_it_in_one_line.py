"""A client that goes away can close the server's output before its input, or close its input in the middle
of a message. Each message the server then tried to send logged pygls's traceback of a BrokenPipeError (two
per message), and a message cut short was said as a malformed one ("refused a message: Parse Error"). Now
the server ends with one line saying which, and the exit code of a client that left (1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from test_server import START_TIMEOUT


def _framed(message: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


INITIALIZE = _framed({"id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}})


def _server(cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "migcheck", "server"],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _log(process: subprocess.Popen[bytes]) -> str:
    assert process.stderr is not None
    return process.stderr.read().decode(errors="replace")


def test_a_client_that_closed_the_server_s_output_ends_it_with_one_line(tmp_path: Path):
    process = _server(tmp_path)
    assert process.stdin is not None and process.stdout is not None
    process.stdout.close()
    uri = (tmp_path / "a.cscfg").as_uri()
    opened = {"textDocument": {"uri": uri, "languageId": "xml", "version": 1, "text": "<x/>"}}
    process.stdin.write(INITIALIZE)
    process.stdin.write(_framed({"method": "initialized", "params": {}}))
    process.stdin.write(_framed({"method": "textDocument/didOpen", "params": opened}))
    process.stdin.flush()
    # Its input left open: the server ends of itself, not at the end of input.
    assert process.wait(timeout=START_TIMEOUT) == 1
    assert _log(process).splitlines() == ["the client closed the server's output: the server ends"]
    process.stdin.close()


def test_a_message_the_end_of_input_cuts_short_is_said_as_the_connection_closing(tmp_path: Path):
    process = _server(tmp_path)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(INITIALIZE + b'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0", "me')
    process.stdin.close()
    process.stdout.read()
    assert process.wait(timeout=START_TIMEOUT) == 1
    assert _log(process).splitlines() == ["the client closed the connection in the middle of a message"]
