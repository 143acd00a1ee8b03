"""A bash syntax error is said on the line `bash -n` says: at the token bash rejects, where the grammar's
recovery took it in with a block left open before it (`)` after `foo() {` and a command; `esac` or `fi` in
a block of another kind, which the grammar reads as a command's name), not at the block's start. A command
continued by `\\` onto the error's line is one command line with the error: bash runs none of it, and the
whole commands before it run, where none of the script was read."""

from __future__ import annotations

import pytest

from migcheck.model import Script
from migcheck.readers.shell import read

CREATE = "azure service create --location 'West US' shop"


def _problem_at(text: str) -> tuple[int, int]:
    document = read("s.sh", text.encode())
    assert document.problem is not None
    return document.problem.mark.line, document.problem.mark.column


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("echo a\nfoo() {\necho b\n)\n", (4, 1)),  # function left open, stray `)`
        ("echo a\nfoo() {\n  if true; then\n    echo b\n  )\n", (5, 3)),
        ("echo a\nwhile true; do\necho b\n)\n", (4, 1)),
        ("echo a\nif true; then\necho b\nesac\n", (4, 1)),
        ("echo a\nif true; then\necho b\ndone\n", (4, 1)),
        ("echo a\nwhile true; do\necho b\nfi\n", (4, 1)),
        ("echo a\nfor x in 1 2; do\necho b\nesac\n", (4, 1)),
        ("echo a\n( echo b\n}\necho c\n", (3, 1)),
        ("echo a \\\n  && )\n", (2, 6)),  # continued line: at the `)` bash rejects
    ],
)
def test_the_error_is_said_on_the_line_bash_says(text: str, at: tuple[int, int]) -> None:
    assert _problem_at(text) == at


def _changes(text: str) -> list[tuple[str, str]]:
    document = read("s.sh", text.encode())
    assert document.problem is not None
    scripts = [found for found in document.resources if isinstance(found, Script)]
    return [change for script in scripts for call in script.calls for change in call.changes]


def test_a_command_continued_onto_the_error_s_line_does_not_run() -> None:
    assert _changes(f"{CREATE} \\\n  && )\n") == []
    assert _changes(f"echo a\n{CREATE} \\\n  --label x \\\n  && )\n") == []


def test_a_whole_command_before_the_continued_one_runs() -> None:
    assert _changes(f"{CREATE}\necho a \\\n  && )\n") == [("cloud-service", "shop")]
