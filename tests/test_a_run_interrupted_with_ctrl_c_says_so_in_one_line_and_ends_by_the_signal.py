"""Ctrl-C during a run (a check of a large repository, the plan) printed Python's traceback, 15 to 50 lines of
migcheck's own modules. It now says in one line that the run stopped before its end, and the process ends by
SIGINT as an interrupted program does, so that a shell loop or make that ran it stops too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

INTERRUPTED = """
import migcheck.cli as cli

def interrupted(argv=None):
    raise KeyboardInterrupt

cli.main = interrupted
cli.run()
"""


@pytest.mark.skipif(os.name != "posix", reason="a process ends by a signal on POSIX systems only")
def test_ctrl_c_says_so_in_one_line_and_ends_the_process_by_sigint():
    done = subprocess.run([sys.executable, "-c", INTERRUPTED], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGINT
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "migcheck: interrupted (Ctrl-C): the run stopped before its end; run it again for a whole report"
    ]
