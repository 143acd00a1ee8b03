"""An Eclipse `package.xml`'s targets are each resolved on their own: each target holding the publish or
the package task runs its dependencies again. Sixty-four targets depending on one target of thousands of
elements, on a chain of thousands of targets or on a cycle of them cost 64 times the file (a 0.8 MB file
took 17 s); the steps resolving a file's targets now come to at most `ant.RESOLVING_STEPS`, the targets
past them resolved with the project's own properties. Thousands of properties each naming one of 4,000
characters held a thousand times the file's size (a 3.9 MB file, 508 MB): the characters properties put in
place of their references now come to at most `ant.EXPANDED_CHARS` for a file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from growth import assert_costs_at_most, assert_linear

from migcheck.readers.ant import EXPANDED_CHARS, RESOLVING_STEPS, expand, tasks_with_properties
from migcheck.readers.xml import Element, parse_leniently

PUBLISH = '<azurepublish cloudservicename="${svc}"/>'
LONG = "x" * 4000


def _project(body: str) -> Element:
    text = f'<project basedir="."><property name="svc" value="s"/>{body}</project>'
    root = parse_leniently(text.encode(), text)
    assert root is not None
    return root


def _dependents(count: int) -> str:
    return "".join(f'<target name="t{j}" depends="c0">{PUBLISH}</target>' for j in range(count))


def _one_large_target(size: int) -> str:
    return '<target name="c0">' + "<echo/>" * size + "</target>"


def _chain(size: int) -> str:
    return "".join(f'<target name="c{i}" depends="c{i + 1}"/>' for i in range(size))


def _cycle(size: int) -> str:
    return "".join(f'<target name="c{i}" depends="c{(i + 1) % size}"/>' for i in range(size))


def _read(root: Element) -> Callable[[], object]:
    return lambda: [p.values.get("svc") for _, p in tasks_with_properties(root, "/p", ["azurepublish"])]


@pytest.mark.parametrize("depended_on", [_one_large_target, _chain, _cycle])
def test_sixty_four_targets_depending_on_much_cost_about_what_one_does(depended_on: Callable[[int], str]):
    size = RESOLVING_STEPS // 2
    many, one = _project(depended_on(size) + _dependents(64)), _project(depended_on(size) + _dependents(1))
    assert _read(many)() == ["s"] * 64
    assert_costs_at_most(_read(many), 8, _read(one))


def test_reading_grows_linearly_with_what_sixty_four_targets_depend_on():
    def make(n: int) -> Callable[[], object]:
        return _read(_project(_chain(n) + _dependents(64)))

    assert_linear(make, RESOLVING_STEPS // 4)


def test_properties_naming_a_long_one_hold_at_most_the_file_s_expansion():
    count = 2 * EXPANDED_CHARS // len(LONG)
    named = "".join(f'<property name="p{i}" value="${{long}}"/>' for i in range(count))
    root = _project(f'<property name="long" value="{LONG}"/>{named}<target name="t">{PUBLISH}</target>')
    [(_, properties)] = tasks_with_properties(root, "/p", ["azurepublish"])
    held = [value for name, value in properties.values.items() if name.startswith("p")]
    assert held[0] == LONG
    assert held[-1] is None
    assert sum(len(value or "") for value in held) <= EXPANDED_CHARS


def test_attributes_naming_a_long_property_are_stated_until_the_file_s_expansion_is_spent():
    tasks = 2 * EXPANDED_CHARS // len(LONG)
    root = _project(
        f'<property name="long" value="{LONG}"/><target name="t">'
        + '<azurepublish cloudservicename="${long}"/>' * tasks
        + "</target>"
    )
    read = tasks_with_properties(root, "/p", ["azurepublish"])
    stated = [expand(task.get("cloudservicename", ""), properties) for task, properties in read]
    assert stated[0] == LONG
    assert stated[-1] is None
    assert sum(len(value or "") for value in stated) <= EXPANDED_CHARS


def test_a_long_depends_attribute_is_split_once_however_many_targets_meet_it():
    """Each target met in a run order had its `depends` split again: 64 targets depending on one whose
    `depends` is a megabyte of commas split it 64 times, though no name in it is a step."""
    commas = '<target name="c0" depends="' + "," * 1_000_000 + '"/>'
    many, one = _project(commas + _dependents(64)), _project(commas + _dependents(1))
    assert _read(many)() == ["s"] * 64
    assert_costs_at_most(_read(many), 8, _read(one))
