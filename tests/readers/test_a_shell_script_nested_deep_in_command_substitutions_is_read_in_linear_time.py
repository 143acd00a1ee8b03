"""A word nested thousands deep in command substitutions (`X=$(echo $(echo ...))`, in double quotes, as a
classic command's argument, with a redirection or a word the grammar splits after a `$` at each level) is
read at a cost that grows with the script's length alone. Before, each level looked up the node before each
of its words, the node after a split word and the statement around each command from the root of the tree,
which costs as much as the level is deep: the read grew with the depth squared (3.5x per doubling, 0.7 s at
2,000 levels; 1.6 s with split words)."""

from __future__ import annotations

import pytest
from growth import assert_linear

from migcheck.readers import shell

NESTED = {
    "assigned": lambda n: "X=" + "$(echo " * n + "a" + ")" * n,
    "quoted": lambda n: "X=" + '"$(echo ' * n + "a" + ')"' * n,
    "argument": lambda n: "azure vm create " + "$(echo " * n + "a" + ")" * n + " img u p",
    "redirected": lambda n: "X=" + "$(echo > f " * n + "a" + ")" * n,
    "split words": lambda n: "X=" + "$(echo $ENDPOINT/$" * n + "SUB" + ")" * n,
}


@pytest.mark.parametrize("kind", list(NESTED))
def test_reading_substitutions_nested_deep_grows_with_the_script_s_length(kind):
    def make(n: int):
        data = ("#!/bin/bash\n" + NESTED[kind](n) + "\n").encode()
        return lambda: shell.read("deploy.sh", data)

    assert_linear(make, 500)
