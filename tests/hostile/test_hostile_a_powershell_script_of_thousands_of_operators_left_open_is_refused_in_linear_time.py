"""A PowerShell script of thousands of operators given no value after them (`1 +` written 25,000 times took
10.6 s): whatever the shape (one line, one a line, one a statement, each in brackets), the script is MIG001
at the first operator PowerShell stops at, found in time linear in its size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from growth import assert_linear

from migcheck.readers.powershell import read

HEAD = "New-AzureVM -ServiceName svc -Location 'West US' -VMs $vm\n$a = "
SHAPES: dict[str, Callable[[int], str]] = {
    "on one line": lambda n: "1 + " * n,
    "one a line": lambda n: "1 +\n" * n,
    "one a statement": lambda n: "$b = 1 +\n" * n,
    "each in brackets": lambda n: "(1 +)\n" * n,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_the_script_is_refused_at_an_operator_left_open(shape):
    document = read("open.ps1", (HEAD + SHAPES[shape](2000)).encode())
    assert document.problem is not None
    assert "operator is given no value after it" in document.problem.message
    # One a line, each line's `+` is given the next line's first value: the last is the one left open.
    assert document.problem.mark.line == (2001 if shape.startswith("one a") else 2)


@pytest.mark.parametrize("shape", SHAPES)
def test_it_costs_its_size(shape):
    def make(n: int) -> Callable[[], object]:
        source = (HEAD + SHAPES[shape](n)).encode()
        return lambda: read("open.ps1", source)

    assert_linear(make, 1500)
