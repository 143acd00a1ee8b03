"""The readiness summary and `checked_at` walk a record's fields that may hold a mark, told by their
annotations. Those are resolved as `typing.get_type_hints` resolves them (the annotation of the class that
declares each field, in its module, then in that class), but each annotation's text is compiled once a
run: `get_type_hints` compiled every annotation of every class walked again, most of what walking a type
for the first time cost. Every record type of the model, the estate and the inventory is walked through
the very fields it was."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from migcheck import estate, inventory_model, model
from migcheck.report import readiness

RECORDS = sorted(
    {
        kind
        for module in (model, estate, inventory_model)
        for kind in vars(module).values()
        if isinstance(kind, type) and dataclasses.is_dataclass(kind)
    },
    key=lambda kind: f"{kind.__module__}.{kind.__qualname__}",
)


def _walked(kind: type, hints: dict[str, object]) -> list[str]:
    names = [f.name for f in dataclasses.fields(kind) if not f.name.startswith("_")]
    return [name for name in names if readiness._may_hold_mark(hints[name])]


@pytest.mark.parametrize("kind", RECORDS, ids=lambda kind: kind.__qualname__)
def test_a_record_s_fields_are_walked_as_get_type_hints_tells_them(kind):
    try:
        expected = _walked(kind, typing.get_type_hints(kind))
    except NameError:
        with pytest.raises(NameError):
            readiness._field_hints(kind)
        return
    assert _walked(kind, readiness._field_hints(kind)) == expected


def test_the_walk_resolves_no_annotation_through_get_type_hints(monkeypatch):
    def refused(*args, **kwargs):
        raise AssertionError("get_type_hints compiles every annotation again")

    monkeypatch.setattr(typing, "get_type_hints", refused)
    monkeypatch.setattr(readiness, "_PARTS", {})
    assert readiness._parts(estate.CloudService) is not None
    assert len(RECORDS) > 80  # the parametrized test above covers them all
