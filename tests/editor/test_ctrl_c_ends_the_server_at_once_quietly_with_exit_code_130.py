"""Ctrl-C at `migcheck server`: pygls took the interrupt as a shutdown, which waits for the thread reading
standard input; from a terminal that read never returns, so the server hung until killed, and from a pipe
it ended with 1, as a client that left without exit. It now ends at once, with nothing written, with the
exit code 130 of a process an interrupt ended, whichever of its threads the interrupt lands on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tty
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from test_server import TIMEOUT, LspClient

pytestmark = pytest.mark.skipif(os.name != "posix", reason="sends SIGINT and opens a terminal")


def _initialized(client: LspClient, workspace: Path) -> None:
    # Answered: the server is in its loop, its handlers set.
    client.request(
        "initialize", {"processId": os.getpid(), "rootUri": workspace.as_uri(), "capabilities": {}}
    )


def _interrupted(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    process.send_signal(signal.SIGINT)
    return _waited(process)


def _waited(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    try:
        code = process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"the server still ran {TIMEOUT} s after Ctrl-C")
    assert process.stderr is not None
    return code, process.stderr.read().decode(errors="replace")


def test_ctrl_c_ends_a_server_reading_a_pipe_with_130(workspace: Path):
    client = LspClient(workspace)
    _initialized(client, workspace)
    code, log = _interrupted(client.process)
    assert code == 130
    assert log == ""


def test_ctrl_c_ends_a_server_reading_a_terminal(workspace: Path, monkeypatch: pytest.MonkeyPatch):
    terminal, typed_at = os.openpty()
    tty.setraw(typed_at)  # the bytes of LSP messages pass as they are written
    real_popen = subprocess.Popen

    def popen(*args, **kwargs):
        kwargs["stdin"] = typed_at
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", popen)  # the client starts the server as it always does
    client = LspClient(workspace)
    monkeypatch.undo()
    os.close(typed_at)
    client.process.stdin = os.fdopen(terminal, "wb", buffering=0)  # the client writes to the terminal
    _initialized(client, workspace)
    code, log = _interrupted(client.process)
    assert code == 130
    assert "Traceback" not in log and "KeyboardInterrupt" not in log


# The main thread waits as the event loop waits for a message, with nothing to wake it; once it sleeps in
# that wait, the interrupt lands on another thread (as it may on pygls's reader), which Python does not run
# the handler on.
INTERRUPTED_ELSEWHERE = """\
import os, select, signal, sys, threading
from migcheck.server import _end_at_once_on_ctrl_c
_end_at_once_on_ctrl_c()
waiting, _ = os.pipe()
main = threading.main_thread()
def asleep():
    with open(f"/proc/self/task/{main.native_id}/stat") as stat:
        return stat.read().rpartition(")")[2].split()[0] == "S"
def interrupt():
    while sys._current_frames()[main.ident].f_code.co_name != "wait" or not asleep():
        os.sched_yield()
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    threading.Event().wait()
threading.Thread(target=interrupt, daemon=True).start()
def wait():
    select.select([waiting], [], [])
wait()
sys.exit(0)
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="tells the main thread asleep by /proc")
def test_ctrl_c_taken_by_another_thread_than_the_main_one_ends_the_server_with_130():
    process = subprocess.Popen([sys.executable, "-c", INTERRUPTED_ELSEWHERE], stderr=subprocess.PIPE)
    code, log = _waited(process)
    assert code == 130
    assert log == ""
