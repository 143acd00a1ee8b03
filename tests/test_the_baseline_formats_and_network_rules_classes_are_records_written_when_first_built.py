"""The module-level classes of what every check imports (the baseline, the formats, the rules about
extensions and networks) are records of the model: a frozen dataclass writes and compiles its methods as
the module is imported, on every start, where a record writes its `__init__` when first built."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

MODULES = (
    "migcheck.baseline",
    "migcheck.formats",
    "migcheck.rules.extensions",
    "migcheck.rules.networking",
    "migcheck.rules.reach",
)


@pytest.mark.parametrize("name", MODULES)
def test_a_module_s_own_classes_are_records(name):
    module = importlib.import_module(name)
    own = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and value.__module__ == name and dataclasses.is_dataclass(value)
    ]
    assert own
    # A frozen dataclass guards each instance's attributes with its own `__setattr__`; a record does not.
    assert [cls.__name__ for cls in own if "__setattr__" in vars(cls)] == []
