"""A script of many statements, each with an error the grammar could not read (`Get-AzureVM a )b`), is read
in time linear in its size: whether a process start comes before each statement is found in one pass over
the list, where each statement walked back over its siblings, as the tree finds a node's previous one."""

from __future__ import annotations

from growth import assert_linear

from migcheck.readers import read_document


def test_a_script_of_many_statements_with_errors_costs_time_linear_in_its_size():
    def make(lines: int):
        data = b"Get-AzureVM a )b\n" * lines
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 7000)
