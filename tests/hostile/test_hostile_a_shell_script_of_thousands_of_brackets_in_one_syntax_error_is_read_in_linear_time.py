"""A shell script whose syntax error holds thousands of `[` (`) [ ) [ …`, each a test the grammar could not
read) is read in time linear in its size: each `[` is looked at with what follows it among the error's own
children. Each asked tree-sitter for its parent and its next sibling, which it finds by going down from the
root through the error's children, so the look cost the square of their number: 128 kB took 63 s, where it
now takes a second."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers.shell import read

CREATE = b"#!/bin/bash\nazure vm create a b c d\n"


def _brackets(count: int) -> bytes:
    return CREATE + b") [ " * count + b"\n"


def _reading(count: int) -> Callable[[], object]:
    data = _brackets(count)
    return lambda: read("s.sh", data)


def test_the_script_is_said_not_to_parse():
    document = read("s.sh", _brackets(10))
    assert document.problem is not None
    assert document.problem.message.startswith("the shell script cannot be parsed here")


def test_the_read_grows_linearly_with_the_brackets():
    assert_linear(_reading, 3000)
