"""Whether a part the grammar cannot read is among the arguments of a command that is a statement is found
in the walk down to it: it was found climbing from the part (and from the string a cut makes of it) through
every assignment, pipeline and chain above it, and tree-sitter finds each parent from the root down, so one
part under an assignment chain thousands long cost the square of its length (`$a = ` 6,000 times, 5.4 s)."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers.powershell import read


def test_an_unreadable_part_under_an_assignment_chain_is_read_in_linear_time():
    def make(n: int) -> Callable[[], object]:
        source = b"$a = " * n + b"Get-Thing -Name x @@y\nNew-AzureService -ServiceName svc1\n"
        return lambda: read("r.ps1", source)

    assert_linear(make, 3_000)
