"""`while` loops nested thousands deep, each assigning a variable or none, are read at about the cost of as
many nested `if`s, growing with the script's length alone: the variables each loop assigns are found for it
and the loops in it in one walk. Before, each of the dozens of loops the reader follows walked all the code
in it twice for its variables (0.58 ms a level, 7.5 times the cost of an `if`)."""

from __future__ import annotations

import pytest
from growth import assert_costs_at_most, assert_linear

from migcheck.readers import shell

NESTED = {
    "while": lambda n: "while true; do " * n + "echo a" + "; done" * n,
    "while assigning": lambda n: (
        "".join(f"while true; do v{i}=1; " for i in range(n)) + "echo a" + "; done" * n
    ),
}


def _read(script: str):
    data = ("#!/bin/bash\n" + script + "\n").encode()
    return lambda: shell.read("deploy.sh", data)


@pytest.mark.parametrize("kind", list(NESTED))
def test_reading_while_loops_nested_deep_grows_with_the_script_s_length(kind):
    assert_linear(lambda n: _read(NESTED[kind](n)), 1000)


def test_a_nested_while_costs_about_what_a_nested_if_costs():
    levels = 1000
    ifs = "if true; then " * levels + "echo a" + "; fi" * levels
    assert_costs_at_most(_read(NESTED["while"](levels)), 3.0, _read(ifs))
