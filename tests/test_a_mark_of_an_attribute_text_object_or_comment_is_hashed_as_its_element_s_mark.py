"""A mark shown at an attribute, a text, an object's name or a whole comment is equal to its element's mark and
hashed alike, by the one hash of marks (`Mark.__hash__`, which reads the fields without a call): the readiness
summary, the plan and the suppressions look marks of either kind up in one index."""

from __future__ import annotations

from migcheck.model import (
    MARK_KINDS,
    Mark,
    at_attribute,
    at_text,
    comment_at,
    shown_at,
)


def _shown_ways(mark: Mark) -> list[Mark]:
    return [
        at_attribute(mark, "name"),
        at_text(mark, "Name"),
        comment_at(mark),
        shown_at(mark, Mark(mark.path, 9, "Name", 0, 7)),
    ]


def test_each_kind_of_mark_is_equal_to_its_element_s_and_found_by_it_in_an_index() -> None:
    element = Mark("svc/ServiceConfiguration.cscfg", 4, "Role", 1)
    shown = _shown_ways(element)
    assert {type(mark) for mark in shown} | {Mark} == MARK_KINDS
    index = {element: "role"}
    for mark in shown:
        assert mark == element and element == mark
        assert hash(mark) == hash(element)
        assert index[mark] == "role"
    assert len({element, *shown}) == 1


def test_every_kind_of_mark_is_hashed_by_the_one_hash_of_marks() -> None:
    assert {kind.__hash__ for kind in MARK_KINDS} == {Mark.__hash__}
