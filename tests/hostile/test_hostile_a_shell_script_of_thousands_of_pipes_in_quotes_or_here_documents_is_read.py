"""The bound on a bash script's pipes (2,048, past which the grammar's error recovery on a pipeline left open
grows with its stages squared, and the script is said unread without being parsed) counts the `|` that are
operators: not those in a here-document, a quoted string or a comment, which are text and make no pipeline.
A script holding a table of 3,000 `|` in a here-document was said to take longer to parse than a script of
its size may, and none of it was read; a pipe inside a substitution in a string or a here-document is still
an operator, and counted."""

from __future__ import annotations

import pytest

from migcheck.model import Script
from migcheck.readers.shell import read

CREATE = "azure service create --location 'West US' shop\n"
TEXT = {
    "here-document": "cat <<'EOF'\n" + "| a | b |\n" * 1_000 + "EOF\n",
    "expanding here-document": "cat <<EOF\n" + "| $A | b |\n" * 1_000 + "EOF\n",
    "double quotes": 'echo "' + "| a | b |\n" * 1_000 + '"\n',
    "single quotes": "echo '" + "| a | b |\n" * 1_000 + "'\n",
    "comments": "# | a | b |\n" * 1_000,
}


def _services(document) -> list[str]:
    scripts = [read for read in document.resources if isinstance(read, Script)]
    return [change[1] for script in scripts for call in script.calls for change in call.changes]


@pytest.mark.parametrize("kind", TEXT)
def test_a_script_with_thousands_of_pipes_of_text_is_read(kind: str) -> None:
    document = read("s.sh", ("#!/bin/bash\n" + TEXT[kind] + CREATE).encode())
    assert document.problem is None
    assert _services(document) == ["shop"]


def test_pipes_in_substitutions_in_a_here_document_are_counted() -> None:
    text = "cat <<EOF\n" + "$(a | b | c)\n" * 1_100 + "EOF\n"
    document = read("s.sh", ("#!/bin/bash\n" + text + CREATE).encode())
    assert document.problem is not None
    assert "takes longer to parse than a script of its size may" in document.problem.message
