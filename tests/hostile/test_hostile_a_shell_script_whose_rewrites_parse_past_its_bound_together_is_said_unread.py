"""The shell reader parses a script again for each rewrite that makes it readable as bash reads it (a
placeholder, a line of only `\\`, a cut before a syntax error), each parse as long as the first: a script
whose first parse only just fitted the CPU time its size allows (an extglob pattern on each of thousands of
lines) took six times that in the rewrites. Every parse of one script now draws on that one time, and a
script whose parses together run past it is said unread (MIG001 at its start), having cost no more."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_costs_at_most

from migcheck.readers import grammars
from migcheck.readers.shell import read

# 36 kB, parsed in about 1 s of the 1.36 s allowed, then parsed again five times and more for its rewrites
SCRIPT = "x a@(x)\n" * 4500 + "<name> a\n\\\n\\azure a\n)\n"


def _reading() -> Callable[[], object]:
    data = SCRIPT.encode()
    return lambda: read("s.sh", data)


def _parsing_once() -> Callable[[], object]:
    data = SCRIPT.encode()
    return lambda: grammars.parsed_in_time("tree_sitter_bash", data)


def test_the_script_is_said_unread_at_its_start():
    problem = read("s.sh", SCRIPT.encode()).problem
    assert problem is not None
    assert (problem.mark.line, problem.mark.column) == (1, 1)
    assert "takes longer to parse than a script of its size may" in problem.message


def test_the_read_costs_little_more_than_one_parse_of_the_script():
    assert_costs_at_most(_reading(), 3, _parsing_once())
