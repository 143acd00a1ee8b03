"""A line that ends with an even run of backslashes (`echo a \\\\`) ends its command, the last word's text a
backslash: it does not continue onto the next line, as a single backslash does. A line of only `\\` after it
is then a continuation of its own, joining the command on the line after it (read, where it was taken as
continued from above and the classic command under it was lost), and a syntax error on the line after such
a line cuts the script there, not before the line above it (whose command runs)."""

from __future__ import annotations

from migcheck.model import Script
from migcheck.readers.shell import read


def _changes(text: str) -> list[tuple[str, str]]:
    document = read("s.sh", text.encode())
    scripts = [found for found in document.resources if isinstance(found, Script)]
    return [change for script in scripts for call in script.calls for change in call.changes]


def test_a_lone_backslash_after_an_escaped_one_joins_the_next_line() -> None:
    text = "echo a \\\\\n\\\nazure service create --location 'West US' shop\n"
    assert _changes(text) == [("cloud-service", "shop")]


def test_an_odd_run_still_continues_the_line() -> None:
    text = "echo a \\\\\\\n\\\nazure service create --location 'West US' shop\n"
    assert _changes(text) == []  # `echo a \` continued: `\azure` and the rest are echo's words


def test_the_command_above_a_syntax_error_on_the_next_line_runs() -> None:
    text = "echo a\nazure service create --location 'West US' shop --description \\\\\necho )\n"
    document = read("s.sh", text.encode())
    assert document.problem is not None and document.problem.mark.line == 3
    assert _changes(text) == [("cloud-service", "shop")]
