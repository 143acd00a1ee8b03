"""`migcheck check -` or `--stdin-filename` typed at a prompt waited, without a word, for a file's text from
the terminal: it seemed to hang. It now says on standard error that it reads the terminal, how to end the
text, and how to check files on disk instead; fed by an editor or a pipe it says nothing."""

from __future__ import annotations

import io
import sys

import pytest
from lint_support import run_cli


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("check", "-"), "migcheck: the path `-` reads the file from standard input, here the terminal"),
        (
            ("check", "--stdin-filename", "shop.cscfg", "."),
            "migcheck: --stdin-filename reads shop.cscfg from standard input, here the terminal",
        ),
    ],
)
def test_stdin_at_a_prompt_says_it_reads_the_terminal(tmp_path, monkeypatch, capsys, argv, said):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", _Terminal(""))
    _, _, err = run_cli(capsys, *argv)
    assert said in err and "then press Ctrl-D" in err


def test_stdin_from_a_pipe_says_nothing_of_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    _, _, err = run_cli(capsys, "check", "-")
    assert "standard input, here the terminal" not in err
