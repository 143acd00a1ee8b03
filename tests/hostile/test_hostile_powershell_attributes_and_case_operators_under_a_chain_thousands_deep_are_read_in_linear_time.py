"""Whether a line that starts with `[` is an attribute on an assignment the grammar lost (not a parameter's,
nor text), and whether a `-cin` or `-notin` is a word the grammar could not place, are found in one walk
down to them: each was found climbing Node.parent from its byte to the root or to the nearest error region,
and tree-sitter finds each parent from the root down, so thousands of such lines under an assignment chain
thousands long cost the cube of its length (1,000 lines under `$a = ` 1,000 times took 59 s and 57 s)."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers.powershell import read

_ERROR = b"Get-Thing -Name x @@y\nNew-AzureService -ServiceName svc1\n"


def test_attribute_lines_under_an_assignment_chain_are_read_in_linear_time():
    def make(n: int) -> Callable[[], object]:
        source = b"$a = " * n + b"@(\n" + b"[ValidateNotNull()][string]$x = 1\n" * n + b")\n" + _ERROR
        return lambda: read("r.ps1", source)

    assert_linear(make, 500)


def test_case_operators_under_an_assignment_chain_are_read_in_linear_time():
    def make(n: int) -> Callable[[], object]:
        source = b"$a = " * n + b"@(\n" + b"Get-Item -cin 1\n" * n + b")\n" + _ERROR
        return lambda: read("r.ps1", source)

    assert_linear(make, 500)
