"""A keyword that closes a block (`fi`, `done`, `esac`, `}`, `then`...) written where a command's name goes
with no such block open is a syntax error to bash, said by `bash -n` at the keyword; the grammar reads it as
a command named so and the script parsed whole. It is MIG001 at the keyword, and the commands before it are
read, as bash runs them. After an assignment or a redirection (`x=1 fi`) the word is a command's name to bash,
and in backquotes or a here-document it is parsed only when it runs: no error."""

from __future__ import annotations

import pytest

from migcheck.model import Script
from migcheck.readers.shell import parses, read

CREATE = "azure service create --location 'West US' shop"


def _problem_at(text: str) -> tuple[int, int] | None:
    document = read("s.sh", text.encode())
    return None if document.problem is None else (document.problem.mark.line, document.problem.mark.column)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        (f"{CREATE}\nfi\necho x\n", (2, 1)),
        (f"{CREATE}\necho a\ndone\n", (3, 1)),
        (f"{CREATE}\n  then\n", (2, 3)),
        (f"{CREATE}\ncase x in\n  a) echo;;\nesac\ndone\n", (5, 1)),
        (f"{CREATE}\ncase x in\n a) ;;\nesac done\n", (4, 6)),
        (f"{CREATE}\nif true; then\ncase x in a) ;; esac\ndone\nfi\n", (4, 1)),
        (f"{CREATE}\nfor i in 1; do\n  echo\nfi\ndone\n", (4, 1)),
        (f"{CREATE}\necho a && done\n", (2, 11)),
        (f"{CREATE}\necho $(fi)\n", (2, 8)),
        (f"{CREATE}\ncase a in a) fi;; esac\n", (2, 14)),
        (f"{CREATE}\nfi\necho (\n", (2, 1)),  # the stray keyword comes before the grammar's error
    ],
)
def test_the_stray_keyword_is_said_where_bash_says(text: str, at: tuple[int, int]) -> None:
    assert _problem_at(text) == at


@pytest.mark.parametrize(
    "text",
    [
        f"{CREATE}\nx=1 fi\n",
        f"{CREATE}\n>/dev/null done\n",
        f"{CREATE}\necho `fi`\n",
        f"{CREATE}\ncat <<E\n$(fi)\nE\n",
        f'{CREATE}\n"fi"\n',
        f"{CREATE}\necho fi done esac\n",
        f"{CREATE}\nif true; then echo; fi\n",
    ],
)
def test_a_keyword_bash_reads_as_a_word_is_no_error(text: str) -> None:
    assert _problem_at(text) is None


def _changes(text: str) -> list[tuple[str, str]]:
    document = read("s.sh", text.encode())
    scripts = [found for found in document.resources if isinstance(found, Script)]
    return [change for script in scripts for call in script.calls for change in call.changes]


def test_the_commands_before_the_stray_keyword_run_and_none_after_it() -> None:
    assert _changes(f"{CREATE}\nfi\nazure service create --location 'West US' other\n") == [
        ("cloud-service", "shop")
    ]


def test_a_command_line_holding_one_does_not_parse() -> None:
    assert not parses(f"{CREATE}; done")
    assert parses(f"{CREATE}; x=1 done")
