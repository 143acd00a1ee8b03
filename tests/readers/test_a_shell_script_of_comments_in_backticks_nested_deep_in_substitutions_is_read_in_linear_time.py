"""A comment in backticks at each of thousands of levels of nested command substitutions (`$(echo `#note`
...)`, which bash reads as an empty word; `$(echo `echo b #note` ...)`, whose comment bash ends at the
backtick) is read at a cost that grows with the script's length alone. Before, each such backtick looked up
the node at its byte and that node's parent from the root of the tree, which costs as much as the level is
deep: the read grew with the depth squared (3.3x per doubling, 0.57 s at 2,000 levels)."""

from __future__ import annotations

import pytest
from growth import assert_linear

from migcheck.readers import shell

NESTED = {
    "comment alone": lambda n: "X=" + "$(echo `#note` " * n + "a" + ")" * n,
    "comment after a command": lambda n: "X=" + "$(echo `echo b #note` " * n + "a" + ")" * n,
}


@pytest.mark.parametrize("kind", list(NESTED))
def test_reading_comments_in_backticks_nested_deep_grows_with_the_script_s_length(kind):
    def make(n: int):
        data = ("#!/bin/bash\n" + NESTED[kind](n) + "\n").encode()
        return lambda: shell.read("deploy.sh", data)

    assert_linear(make, 1000)
