"""A PowerShell command's `--` arguments are placed in the tree in one walk: each was looked up from the
root, and its parent too, through every argument before it, so that one command of many `--` cost the
square of them (20,000 on one line 3.2 s, 40,000 13.3 s)."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers.powershell import read


def test_a_command_of_many_ends_of_parameters_is_read_in_linear_time():
    def make(n: int) -> Callable[[], object]:
        source = b"runuser -u ops " + b"-- " * n + b"azure vm create s img u p\n"
        return lambda: read("r.ps1", source)

    assert_linear(make, 20_000)
