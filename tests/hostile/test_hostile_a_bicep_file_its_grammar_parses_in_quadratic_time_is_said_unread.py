"""The Bicep grammar takes time growing faster than their size on some inputs: `var a = 1 + ` repeated 8,000
times (96 kB) took 6.5 s, 16,000 times more than a minute, the parse unbounded. A Bicep file is parsed within
the CPU time its size allows (`grammars.parsed_in_time`), and one past it is said unread (MIG001 at its
start)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from growth import assert_costs_at_most, parse_bound_scaled_to

from migcheck.readers.bicep import read

SLOW = "var a = 1 + " * 8000 + ")\n"


def _reading(source: str) -> Callable[[], object]:
    data = source.encode()
    return lambda: read("main.bicep", data)


def test_the_file_is_said_unread_at_its_start():
    problem = read("main.bicep", SLOW.encode()).problem
    assert problem is not None
    assert (problem.mark.line, problem.mark.column) == (1, 1)
    assert problem.message.startswith(
        "refused: the Bicep file takes longer to parse than a file of its size may"
    )


def test_the_read_costs_no_more_than_the_bound_allows(monkeypatch: pytest.MonkeyPatch):
    # the parse may take twice the read of a file as long that parses at once, where the whole parse took 17x
    quick = _reading("var a = 1\n" * 9600)
    parse_bound_scaled_to(monkeypatch, quick, len(SLOW))
    assert_costs_at_most(_reading(SLOW), 5, quick)
