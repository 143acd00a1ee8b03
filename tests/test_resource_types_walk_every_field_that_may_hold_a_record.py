"""`resource_types` (which rules have a test case on a file: pytest items, JUnit cases) walks into the fields
of a record that may hold records, told by their annotations, and leaves out those that only hold strings,
numbers, flags, enums and marks. Whatever an annotation does not rule out is walked: a record, a tuple of
records, `| None` of one, `object`, a name it cannot find."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from migcheck.model import Document, FileKind, Mark, Severity, resource_types


@dataclass(frozen=True)
class Leaf:
    name: str


@dataclass(frozen=True)
class Holder:
    name: str
    mark: Mark | None = None
    severity: Severity = Severity.ERROR
    tags: tuple[str, ...] = ()
    one: Leaf | None = None
    many: tuple[Leaf, ...] = ()
    nested: tuple[tuple[str, Leaf], ...] = ()
    anything: object = None
    elsewhere: NotDefinedHere | None = None  # noqa: F821


def _held(holder: Holder) -> frozenset[type]:
    return resource_types(
        Document("a.cscfg", FileKind.SERVICE_CONFIGURATION, "ServiceConfiguration", (holder,))
    )


@pytest.mark.parametrize(
    "holder",
    [
        Holder("one", one=Leaf("a")),
        Holder("many", many=(Leaf("a"), Leaf("b"))),
        Holder("nested", nested=(("a", Leaf("a")),)),
        Holder("anything", anything=Leaf("a")),
        Holder("elsewhere", elsewhere=Leaf("a")),
    ],
    ids=lambda holder: holder.name,
)
def test_a_field_that_may_hold_a_record_is_walked(holder: Holder) -> None:
    assert _held(holder) == {Holder, Leaf}


def test_fields_of_strings_flags_enums_and_marks_hold_no_resource() -> None:
    holder = Holder("plain", mark=Mark("a.cscfg", 1), tags=("a", "b"))
    assert _held(holder) == {Holder}
