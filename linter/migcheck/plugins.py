"""Load rules: the built-in ones and those of installed plugins (entry point group `migcheck`), through
one pluggy hook. A plugin that fails to load stops the run with an error that names it."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterable

import pluggy

from migcheck import hookspecs
from migcheck.rule import Rule, RuleSet

ENTRY_POINT_GROUP = "migcheck"


class PluginError(Exception):
    """A plugin could not be loaded or provides a broken rule; the message names it."""


def load_rules(*, plugins: Iterable[object] = (), entry_points: bool = True) -> RuleSet:
    """All rules: built-in, from installed entry points (unless `entry_points` is False), and from the
    plugin objects given (modules or instances with `migcheck_rules` hook implementations)."""
    from migcheck import rules as builtin

    manager = pluggy.PluginManager("migcheck")
    manager.add_hookspecs(hookspecs)
    manager.register(builtin, name="migcheck.rules")
    if entry_points:
        for entry in _entry_points():
            _register(manager, f"{entry.dist.name if entry.dist else '?'}[{entry.name}]", entry.load)
    for plugin in plugins:
        _register(manager, getattr(plugin, "__name__", repr(plugin)), _already_loaded(plugin))
    return _collect(manager)


def _entry_points() -> list[importlib.metadata.EntryPoint]:
    return sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)


def _already_loaded(plugin: object) -> Callable[[], object]:
    return lambda: plugin


def _register(manager: pluggy.PluginManager, label: str, load: Callable[[], object]) -> None:
    try:
        manager.register(load(), name=label)
    except Exception as exc:  # any failure inside a plugin's import is that plugin's fault
        raise PluginError(f"plugin {label} failed to load: {type(exc).__name__}: {exc}") from exc


def _collect(manager: pluggy.PluginManager) -> RuleSet:
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for impl in manager.hook.migcheck_rules.get_hookimpls():
        label = manager.get_name(impl.plugin) or repr(impl.plugin)
        try:
            classes = impl.function()
        except Exception as exc:
            raise PluginError(
                f"plugin {label} failed to list its rules: {type(exc).__name__}: {exc}"
            ) from exc
        if classes is None:
            continue
        if not isinstance(classes, Iterable):
            raise PluginError(f"plugin {label} returned {classes!r}, which is not a list of rule classes")
        for obj in classes:
            cls = _check_rule(label, obj, rules, names)
            rules[cls.code] = cls()
            names[cls.name] = cls.code
    return RuleSet(rules)


def _check_rule(label: str, cls: object, rules: dict[str, Rule], names: dict[str, str]) -> type[Rule]:
    """`cls` itself, once it is known to be a complete rule class whose code and name are free."""
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise PluginError(f"plugin {label} returned {cls!r}, which is not a migcheck Rule class")
    problems = cls.problems()
    if problems:
        raise PluginError(f"plugin {label}: rule {cls.__name__} {'; '.join(problems)}")
    if cls.code in rules:
        raise PluginError(f"plugin {label}: rule code {cls.code} is already taken by {rules[cls.code].name}")
    if cls.name in names:
        raise PluginError(f"plugin {label}: rule name {cls.name} is already taken by {names[cls.name]}")
    return cls
