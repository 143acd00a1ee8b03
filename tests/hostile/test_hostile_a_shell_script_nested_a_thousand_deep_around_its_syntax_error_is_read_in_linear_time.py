"""Where a shell script's first syntax error is nested deep (`$(` a thousand times in a quoted value), the
reader finds the top-level statement holding it, and the redirections around it, going down from the root.
It climbed from the error through `Node.parent`, which tree-sitter finds by going down from the root, so
each climb cost the depth squared: 2 kB of a script took 12 s, where it now takes half a second."""

from __future__ import annotations

import time

from migcheck.readers.shell import read

NESTED = b'cmd="azure vm create -n b ' + b"$(" * 1_000 + b")" * 1_000 + b'-A as1 img u"\neval $cmd\n'


def test_a_script_nested_deep_around_its_syntax_error_is_read_in_a_few_seconds_at_most():
    started = time.process_time()
    document = read("cluster.sh", NESTED)
    assert time.process_time() - started < 4
    assert document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (1, 2027)
    assert document.problem.message.startswith("the shell script opens something here that it never closes")
