"""Where an export's values are marked: the line and column of each value of one object, whatever order
the builders mark them in (each mark counts the lines from the mark before, forward or back), and the
strings that may be values ConvertTo-Json cut short, found once in the whole text; and each row of a page
at its own `{`, its lines counted on from the last value of the row before."""

from __future__ import annotations

import itertools

import pytest

from migcheck.inventory_model import ClassicVm
from migcheck.model import Mark
from migcheck.readers.inventory import read
from migcheck.readers.inventory_shapes import Spots, cut_short_starts
from tests.lint_support import graph_page, graph_vm

TEXT = '[  {"name": "vm1", "size": "Small",\n    "extensions": [\n      {"publisher": "p"},\n\n      "x"], "z": 1}\n]\n'


def _expected(offset: int) -> tuple[int, int]:
    """Line and column of `offset`, counted from the start of the text."""
    line = TEXT.count("\n", 0, offset) + 1
    return line, offset - (TEXT.rfind("\n", 0, offset) + 1) + 1


def _spots() -> Spots:
    start = TEXT.index("{")
    end = TEXT.rindex("}") + 1
    line, column = _expected(start)
    return Spots(TEXT, start, end, Mark("e.json", line, column=column), cut_at=[])


def test_every_order_of_marks_gives_each_value_its_own_line_and_column() -> None:
    offsets = [TEXT.index(s) for s in ('"vm1"', '"Small"', '"extensions"', '"p"', '"x"', '"z"')]
    for order in itertools.permutations(offsets, 4):
        spots = _spots()
        for offset in (*order, *reversed(order)):
            mark = spots.at(offset)
            assert (mark.line, mark.column) == _expected(offset), (order, offset)


def test_a_value_on_the_object_s_first_line_counts_columns_from_the_line_s_start() -> None:
    spots = _spots()
    last = spots.at(TEXT.index('"z"'))
    first = spots.at(TEXT.index('"Small"'))
    assert (last.line, first.line, first.column) == (5, 1, TEXT.index('"Small"') + 1)


def test_strings_cut_short_are_found_once_in_order() -> None:
    text = '[{"a": "System.Object[]", "b": "@{id=; name=}"}, {"c": "Microsoft.Azure.Security"}, {"d": "x"}]'
    found = cut_short_starts(text)
    assert found == sorted(text.index(s) for s in ('"System.', '"@{', '"Microsoft.Azure.'))
    objects = [(text.index("{", at), text.index("}", at) + 1) for at in (0, 48, 83)]
    holds = [
        Spots(text, start, end, Mark("e.json", 1, column=start + 1), cut_at=found).may_hold_collapsed()
        for start, end in objects
    ]
    assert holds == [True, True, False]


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize("indent", [None, 2])
def test_each_row_and_its_subnet_are_marked_where_written_after_the_rows_before(indent: int | None) -> None:
    rows = [
        graph_vm("00000000-0000-0000-0000-000000000001", f"svc{i}", f"vm{i}", subnet=f"s{i}")
        for i in range(4)
    ]
    text = graph_page(*rows, indent=indent)
    vms = [r for r in read("e.json", text.encode()).resources if isinstance(r, ClassicVm)]
    assert [vm.name for vm in vms] == ["vm0", "vm1", "vm2", "vm3"]
    for i, vm in enumerate(vms):
        row = text.rfind("{", 0, text.index(f'virtualMachines/vm{i}"'))
        [subnet] = vm.role.subnets
        assert (vm.mark.line, vm.mark.column) == _line_and_column(text, row)
        assert (subnet.mark.line, subnet.mark.column) == _line_and_column(text, text.index(f'"s{i}"'))
