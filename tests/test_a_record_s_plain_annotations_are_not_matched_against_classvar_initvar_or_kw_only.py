"""Making a record's class, `dataclass` is shown a plain type in place of each annotation that cannot
be `ClassVar`, `InitVar` or `KW_ONLY` (a string holding none of those words), so that it does not match
each one against the three (40% of making the records' classes at every start); the fields and the
class's annotations keep the strings they are written as, and the special annotations work as before."""

from __future__ import annotations

import dataclasses
from dataclasses import KW_ONLY
from typing import ClassVar

from migcheck.model import record


def _made_while_counting(monkeypatch):
    matched: list[str] = []
    is_type = dataclasses._is_type

    def counted(annotation, *args):
        matched.append(annotation)
        return is_type(annotation, *args)

    monkeypatch.setattr(dataclasses, "_is_type", counted)

    @record
    class Sample:
        name: str
        ports: tuple[int, ...]
        kind: ClassVar[str] = "sample"
        _: KW_ONLY
        label: str | None = None

    return Sample, matched


def test_only_annotations_holding_a_special_name_are_matched(monkeypatch):
    _, matched = _made_while_counting(monkeypatch)

    assert set(matched) <= {"ClassVar[str]", "KW_ONLY"}
    assert "str" not in matched and "tuple[int, ...]" not in matched


def test_the_fields_keep_their_written_annotations(monkeypatch):
    sample, _ = _made_while_counting(monkeypatch)

    assert [(f.name, f.type, f.kw_only) for f in dataclasses.fields(sample)] == [
        ("name", "str", False),
        ("ports", "tuple[int, ...]", False),
        ("label", "str | None", True),
    ]
    assert sample.__annotations__ == {
        "name": "str",
        "ports": "tuple[int, ...]",
        "kind": "ClassVar[str]",
        "_": "KW_ONLY",
        "label": "str | None",
    }
    assert sample.kind == "sample"
    assert sample("a", (1,), label="b") == sample("a", (1,), label="b")
    assert repr(sample("a", (1,))).endswith(".Sample(name='a', ports=(1,), label=None)")
