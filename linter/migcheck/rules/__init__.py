"""The built-in rules, one module per family. They register through the same `migcheck_rules` hook that
third-party plugins implement, marked as its implementation where plugins are loaded
(`migcheck.plugins.load_rules`): with no plugin installed, pluggy is not imported."""

from __future__ import annotations

from migcheck.rule import Rule
from migcheck.rules import (
    automation,
    cloud_services,
    extensions,
    files,
    inventory,
    networking,
    storage,
    virtual_machines,
)

FAMILIES = (files, cloud_services, virtual_machines, extensions, networking, storage, automation, inventory)


def builtin_rules() -> list[type[Rule]]:
    """Every Rule subclass defined in the family modules, in code order."""
    found = [
        obj
        for module in FAMILIES
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, Rule)
        and obj.__module__ == module.__name__
        and hasattr(obj, "code")
    ]
    return sorted(found, key=lambda cls: cls.code)


def migcheck_rules() -> list[type[Rule]]:
    return builtin_rules()
