"""A keyword that closes a block written as the command a `time` or `coproc` runs (`time fi`, `time -p -- fi`,
`coproc done`, `time ! fi`, `coproc time esac`) is a syntax error to bash (`bash -n` rejects each), where the
grammar reads a command named `time` or `coproc` given the keyword as its argument: MIG001 at the keyword, and
the commands before it are read. Where bash runs a command named `time` (after a `|`, after an assignment, as
the first word of `$(...)`), or reads the keyword as a word (quoted, after a second `-p` or another `--`), it
is no error."""

from __future__ import annotations

import pytest

from migcheck.model import Script
from migcheck.readers.shell import read

CREATE = "azure service create --location 'West US' shop"


def _problem_at(text: str) -> tuple[int, int] | None:
    document = read("s.sh", text.encode())
    return None if document.problem is None else (document.problem.mark.line, document.problem.mark.column)


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("time fi", 6),
        ("coproc fi", 8),
        ("time -p fi", 9),
        ("time -- fi", 9),
        ("time -p -- fi", 12),
        ("time ! fi", 8),
        ("coproc time esac", 13),
        ("time coproc done", 13),
        ("! time fi", 8),
        ("echo a | coproc fi", 17),
        ("echo a && time fi", 16),
        ("echo $(echo; time fi)", 19),
        ("time fi >x", 6),
    ],
)
def test_the_keyword_is_said_where_bash_says(line: str, column: int) -> None:
    assert _problem_at(f"{CREATE}\n{line}\n") == (2, column)


@pytest.mark.parametrize(
    "line",
    [
        "time",
        "time -p",
        "echo a | time fi",
        "x=1 time fi",
        "time x=1 fi",
        '"time" fi',
        'time "fi"',
        "time -p -p fi",
        "time -- -- fi",
        "time echo fi",
        "echo $(time fi)",
        "echo `coproc fi`",
        "time >x fi",
    ],
)
def test_a_keyword_bash_reads_as_a_word_is_no_error(line: str) -> None:
    assert _problem_at(f"{CREATE}\n{line}\n") is None


def test_the_commands_before_it_run_and_none_after_it() -> None:
    document = read("s.sh", f"{CREATE}\ntime fi\nazure service create --location 'West US' other\n".encode())
    scripts = [found for found in document.resources if isinstance(found, Script)]
    changes = [change for script in scripts for call in script.calls for change in call.changes]
    assert changes == [("cloud-service", "shop")]
