"""A long script (thousands of `azure vm create` lines) is read in time linear in its length: Python's
cycle collector, whose passes over the objects the read keeps alive grew faster than the script, is
paused while one script is read and left as it was after."""

from __future__ import annotations

import gc

import pytest

from migcheck.readers import shell, xplat


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_during_the_read_and_left_as_it_was(monkeypatch, enabled):
    seen: list[bool] = []
    command = xplat.Reading.command

    def recording(self, words, at):
        seen.append(gc.isenabled())
        return command(self, words, at)

    monkeypatch.setattr(xplat.Reading, "command", recording)
    (gc.enable if enabled else gc.disable)()
    try:
        shell.read("deploy.sh", b"azure vm create s1 img u p\n" * 3)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
    assert seen and not any(seen)


def test_the_collector_is_resumed_when_the_read_fails(monkeypatch):
    def failing(self, words, at):
        raise ValueError("unreadable")

    monkeypatch.setattr(xplat.Reading, "command", failing)
    with pytest.raises(ValueError):
        shell.read("deploy.sh", b"azure vm create s1 img u p\n")
    assert gc.isenabled()
