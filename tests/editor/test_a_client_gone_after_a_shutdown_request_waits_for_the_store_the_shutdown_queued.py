"""A client that closes the server's output ends the server at once (`client_gone`). After a shutdown
request, the store that request queued may still be being written: a message sent meanwhile (a lint's
diagnostics) met the closed output, and the server ended in the middle of the write, so the next server
started without it. Now it waits for the write first; without a shutdown request nothing is saved."""

from __future__ import annotations

import logging
import os
import threading

import pytest

pytest.importorskip("pygls")

from migcheck.server import MigcheckServer


class Ended(Exception):
    """What the stand-in for `os._exit` raises, so that nothing runs after it."""


def _gone(monkeypatch: pytest.MonkeyPatch, *, shutdown_requested: bool) -> tuple[int, list[str]]:
    """`client_gone` called while the worker writes the store: the exit code, and what was written by
    then."""
    server = MigcheckServer()
    server.shutdown_requested = shutdown_requested
    written: list[str] = []
    writing, go_on = threading.Event(), threading.Event()

    def save() -> None:
        writing.set()
        go_on.wait()
        written.append("store")

    server.on_worker(save)
    writing.wait()
    exits: list[tuple[int, list[str]]] = []

    def exit_now(code: int) -> None:
        exits.append((code, list(written)))
        raise Ended

    monkeypatch.setattr(os, "_exit", exit_now)
    monkeypatch.setattr(logging, "shutdown", lambda: None)
    if shutdown_requested:  # the write goes on once `client_gone` is under way, which waits for it
        threading.Timer(0.05, go_on.set).start()
    with pytest.raises(Ended):
        server.client_gone()
    go_on.set()
    server._worker.shutdown(wait=True)
    return exits[0]


def test_after_a_shutdown_request_the_store_is_written_before_the_server_ends(monkeypatch):
    assert _gone(monkeypatch, shutdown_requested=True) == (0, ["store"])


def test_without_a_shutdown_request_the_server_ends_at_once_with_1(monkeypatch):
    assert _gone(monkeypatch, shutdown_requested=False) == (1, [])
