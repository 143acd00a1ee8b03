"""Where a shell script's syntax error lies under `$(` nested 1,300 deep, the reader asks whether a
here-document holds it (`shell_heredocs`). It climbed from the error through `Node.parent`, which
tree-sitter finds by going down from the root, so the climb cost the depth squared: 4.5 s of CPU for 5 kB.
The here-document is now looked for going down from the root, at a cost that grows with the depth."""

from __future__ import annotations

from growth import assert_linear

from migcheck.readers.shell import read


def _nested(depth: int) -> bytes:
    return b"#!/bin/bash\nazure vm create " + b"$(" * depth + b")" * depth + b"\n"


def test_a_script_nested_a_thousand_deep_is_read_in_time_linear_in_it():
    def make(depth: int):
        data = _nested(depth)
        return lambda: read("deploy.sh", data)

    assert_linear(make, 300)  # 1,200 at most: 3,600 levels, below the depth read


def test_its_error_is_said_where_the_substitutions_close():
    document = read("deploy.sh", _nested(1_300))
    assert document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (2, 2617)
