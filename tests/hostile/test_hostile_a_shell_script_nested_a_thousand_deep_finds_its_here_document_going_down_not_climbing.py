"""Where a shell script's syntax error lies under `$(` nested 1,300 deep, the reader asks whether a
here-document holds it (`shell_heredocs`). It climbed from the error through `Node.parent`, which
tree-sitter finds by going down from the root, so the climb cost the depth squared: 4.5 s of CPU for 5 kB.
The here-document is now looked for going down from the root, and the read takes under 2 s."""

from __future__ import annotations

import time

from migcheck.readers.shell import read

NESTED = b"#!/bin/bash\nazure vm create " + b"$(" * 1_300 + b")" * 1_300 + b"\n"


def test_a_script_nested_a_thousand_deep_is_read_in_time_linear_in_it():
    started = time.process_time()
    document = read("deploy.sh", NESTED)
    assert time.process_time() - started < 3
    assert document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (2, 2617)
