"""A bash syntax error the grammar's recovery takes in with the whole commands on the lines before it (`echo
a` on line 2, `if then fi (` on line 3: one error from line 2 to the end) is said where bash stops, on the
error's own line, and the commands before it are read, since bash reads and runs each before it reaches the
error. It was said at the first of those commands (2:1, where `bash -n` says line 3), and none of the script
was read. A command continued onto the error's line (`\\` at its end) is no whole command: bash reads the two
lines as one, and runs neither."""

from __future__ import annotations

import pytest

from migcheck.model import Script
from migcheck.readers.shell import read

CREATE = "azure service create --location 'West US' shop\n"


def _problem_at(text: str) -> tuple[int, int]:
    document = read("s.sh", text.encode())
    assert document.problem is not None
    return document.problem.mark.line, document.problem.mark.column


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("#!/bin/bash\necho a\nif then fi (\n", (3, 1)),
        ("echo a\n\nwhile do done (\n", (3, 1)),
        ("echo a\necho b\n)\n", (3, 1)),
        ("echo a\n  ls |\n|\n", (2, 3)),
        ("echo a \\\n  && )\n", (2, 6)),
    ],
)
def test_the_error_is_said_where_bash_stops(text: str, at: tuple[int, int]) -> None:
    assert _problem_at(text) == at


def test_the_commands_before_the_error_are_read() -> None:
    document = read("s.sh", ("#!/bin/bash\n" + CREATE + "if then fi (\n").encode())
    assert document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (3, 1)
    (script,) = (found for found in document.resources if isinstance(found, Script))
    assert [change for call in script.calls for change in call.changes] == [("cloud-service", "shop")]
