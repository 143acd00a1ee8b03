"""Load rules: the built-in ones and those of installed plugins (entry point group `migcheck`), through
one pluggy hook. A plugin that fails to load stops the run with an error that names it.

Finding the plugins: `importlib.metadata.entry_points()` imports the email parser and reads every installed
distribution's metadata, 30 to 50 ms of every command. Here the folders on `sys.path` are listed instead
(2 ms), as importlib.metadata lists them, and only the distributions whose `entry_points.txt` has a
`[migcheck]` section are handed to importlib.metadata; with no plugin installed it is not imported at all.
Where `sys.path` holds what only importlib.metadata reads (a zip archive, an egg, a finder of distributions
of its own), importlib.metadata searches instead."""

from __future__ import annotations

import os
import re
import sys
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from migcheck.rule import Rule, RuleSet

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    import pluggy

    from migcheck.model import Finding

ENTRY_POINT_GROUP = "migcheck"
_SECTION = b"[" + ENTRY_POINT_GROUP.encode() + b"]"  # a file without it declares no entry point of ours
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


class PluginError(Exception):
    """A plugin could not be loaded or provides a broken rule; the message names it."""


BUILTIN = "migcheck.rules"  # the name the built-in rules are registered under

# Which plugin provided each rule class loaded (`package[entry-point]`, or the module's name for a plugin
# object given), so that a rule that crashes while running is said to be that plugin's. Weak: a rule
# class defined by a test and dropped is not kept alive here.
_providers: weakref.WeakKeyDictionary[type, str] = weakref.WeakKeyDictionary()
# The seconds each plugin took, by its label: to load, and in its rules' checks (`spent`). --verbose says
# them, so that a slow plugin is named where a run is slow and no file read is.
_seconds: dict[str, list[float]] = {}


def spent(plugin: str, seconds: float) -> None:
    """Count `seconds` of a check of a rule of `plugin` (as `provider` names it)."""
    _seconds.setdefault(plugin, [0.0, 0.0])[1] += seconds


def timings() -> list[tuple[str, float, float]]:
    """Each plugin loaded, with the seconds it took to load and its rules' checks took, in name order."""
    return [(plugin, load, checks) for plugin, (load, checks) in sorted(_seconds.items())]


def provider(rule: Rule) -> str | None:
    """The plugin that provided `rule` (as load failures name it); None for a built-in rule. A rule that
    `load_rules` did not load is named by its module."""
    cls = type(rule)
    label = _providers.get(cls)
    if label is None:
        return None if cls.__module__.startswith(BUILTIN + ".") else f"module {cls.__module__}"
    return None if label == BUILTIN else label


# The characters a plugin's finding may show in each of its texts (message, fix, names): a check that gives a
# message of megabytes wrote it whole into every report, each terminal and CI log line. migcheck's own
# messages are a few hundred characters long, naming at most five members.
MOST_SHOWN = 4000
_TEXT_FIELDS = ("name", "message", "fix", "resource_type", "resource_name")


def with_texts_bounded(finding: Finding) -> Finding:
    """A plugin's `finding` with each text longer than `MOST_SHOWN` cut there, saying how much more it held;
    the finding itself where none is (its control characters are escaped by each report, `visible`)."""
    if all(len(getattr(finding, name)) <= MOST_SHOWN for name in _TEXT_FIELDS):
        return finding
    return replace(
        finding,
        name=_cut(finding.name),
        message=_cut(finding.message),
        fix=_cut(finding.fix),
        resource_type=_cut(finding.resource_type),
        resource_name=_cut(finding.resource_name),
    )


def _cut(text: str) -> str:
    if len(text) <= MOST_SHOWN:
        return text
    return f"{text[:MOST_SHOWN]}\u2026 ({len(text) - MOST_SHOWN:,} more characters not shown)"


def _silent(message: str) -> None:
    """The default `warn` of `load_rules`: a caller that shows no warnings."""


def load_rules(
    *, plugins: Iterable[object] = (), entry_points: bool = True, warn: Callable[[str], None] = _silent
) -> RuleSet:
    """All rules: built-in, from installed entry points (unless `entry_points` is False), and from the
    plugin objects given (modules or instances with `migcheck_rules` hook implementations). A plugin that
    loads but gives no rule (no `migcheck_rules` hook implementation) is said to `warn`, once."""
    from migcheck import rules as builtin

    found = _entry_points() if entry_points else []
    if not found and not plugins:  # the built-in rules alone: no plugin manager (pluggy) to import
        rules: dict[str, Rule] = {}
        _collect_from(BUILTIN, builtin.migcheck_rules, rules, {})
        return RuleSet(rules)
    import pluggy

    from migcheck import hookspecs

    manager = pluggy.PluginManager("migcheck")
    manager.add_hookspecs(hookspecs)
    hookspecs.hookimpl(builtin.migcheck_rules)  # marked here, so that the rules import no pluggy
    manager.register(builtin, name=BUILTIN)
    dists: dict[str, str | None] = {}  # the distribution that installed each plugin, by its label
    if entry_points:
        for entry in found:
            dist = entry.dist.name if entry.dist else None
            label = f"{dist or '?'}[{entry.name}]"
            dists[label] = dist
            _register(manager, label, entry.load, dist, warn)
    for plugin in plugins:
        _register(manager, getattr(plugin, "__name__", repr(plugin)), _already_loaded(plugin), None, warn)
    return _collect(manager, dists)


def _entry_points() -> list[EntryPoint]:
    """The entry points of the group, in name order: those `importlib.metadata.entry_points(group=...)`
    gives, found without reading the distributions that declare none."""
    folders = _declaring_folders()
    if folders == []:
        return []
    import importlib.metadata

    if folders is None:
        found: Iterable[EntryPoint] = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    else:
        from pathlib import Path

        found = [
            entry
            for folder in folders
            for entry in importlib.metadata.PathDistribution(Path(folder)).entry_points
            if entry.group == ENTRY_POINT_GROUP
        ]
    return sorted(found, key=lambda e: e.name)


def _declaring_folders() -> list[str] | None:
    """The metadata folders (`*.dist-info`, `*.egg-info`) on `sys.path` whose `entry_points.txt` mentions
    the group, taking as importlib.metadata does only the first folder found of each distribution (an older
    copy later on the path is not installed, it is shadowed). None when `sys.path` or `sys.meta_path` holds
    what only importlib.metadata can search."""
    from importlib.machinery import PathFinder

    if any(getattr(f, "find_distributions", None) and f is not PathFinder for f in sys.meta_path):
        return None
    seen: set[str] = set()
    folders: list[str] = []
    for entry in sys.path:
        children = _metadata_children(entry)
        if children is None:
            return None
        for child in children:
            name = _normalized(child)
            if name in seen:
                continue
            seen.add(name)
            folder = os.path.join(entry, child)  # as importlib.metadata joins: "" stays relative
            if _declares_group(folder):
                folders.append(folder)
    return folders


def _metadata_children(entry: object) -> list[str] | None:
    """The names of the metadata folders directly in the `sys.path` entry, in listing order; [] when it is
    no folder, None when it is something importlib.metadata looks into and this scan does not (an archive,
    an egg)."""
    if not isinstance(entry, str):
        return None
    try:
        children = os.listdir(entry or ".")
    except OSError:
        return None if os.path.isfile(entry) else []  # a zip archive; a missing folder holds nothing
    if os.path.basename(entry).lower().endswith(".egg") and "egg-info" in (c.lower() for c in children):
        return None
    return [child for child in children if child.lower().endswith(_METADATA_SUFFIXES)]


def _normalized(folder_name: str) -> str:
    """The distribution name of a metadata folder (`Foo.Bar-1.0.dist-info`), normalised the way
    importlib.metadata compares them (PEP 503, with underscores)."""
    name = folder_name.lower().rpartition(".")[0].partition("-")[0]
    return re.sub(r"[-_.]+", "-", name).replace("-", "_")


def _declares_group(folder: str) -> bool:
    try:
        with open(os.path.join(folder, "entry_points.txt"), "rb") as handle:
            return _SECTION in handle.read()
    except OSError:  # none, or unreadable: importlib.metadata finds no entry points there either
        return False


def _already_loaded(plugin: object) -> Callable[[], object]:
    return lambda: plugin


def _register(
    manager: pluggy.PluginManager,
    label: str,
    load: Callable[[], object],
    dist: str | None,
    warn: Callable[[str], None],
) -> None:
    """Register the plugin `load` gives, named `label`; `dist` is the distribution that installed it."""
    started = time.perf_counter()
    try:
        plugin = load()
        manager.register(plugin, name=label)
    except Exception as exc:  # any failure inside a plugin's import is that plugin's fault
        raise PluginError(
            f"plugin {label} failed to load: {type(exc).__name__}: {exc}{_load_advice(exc, dist)}"
        ) from exc
    _seconds[label] = [time.perf_counter() - started, 0.0]
    if not manager.get_hookcallers(plugin):  # pluggy registers it all the same, and it adds nothing
        warn(_gives_no_rules(label, plugin, dist))


def _load_advice(exc: Exception, dist: str | None) -> str:
    """What to do about a plugin that fails to import: one that imports from migcheck what this version
    has not was made for another version (or mistyped a name), which a reinstall does not change."""
    from migcheck import __version__

    if isinstance(exc, ImportError) and (exc.name or "").split(".")[0] == "migcheck":
        lacks = f"; it imports from migcheck what this version ({__version__}) does not have: "
        if not dist:
            return lacks + "correct its imports"
        return lacks + (
            f"install a version of {dist} made for migcheck {__version__} (or correct its imports), or "
            f"uninstall it (pip uninstall {dist})"
        )
    if not dist:
        return ""
    return f"; reinstall it (pip install --force-reinstall {dist}), or uninstall it (pip uninstall {dist})"


def _gives_no_rules(label: str, plugin: object, dist: str | None) -> str:
    module = getattr(plugin, "__name__", type(plugin).__name__)
    remove = f", or uninstall it (pip uninstall {dist})" if dist else ""
    return (
        f"plugin {label} gives no rules: {module} has no `migcheck_rules` hook implementation (a function "
        f"of that name marked with migcheck.hookspecs.hookimpl); add one{remove}"
    )


def _collect(manager: pluggy.PluginManager, dists: dict[str, str | None]) -> RuleSet:
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for impl in manager.hook.migcheck_rules.get_hookimpls():
        label = manager.get_name(impl.plugin) or repr(impl.plugin)
        try:
            _collect_from(label, impl.function, rules, names)
        except PluginError as error:  # the plugin's author corrects it; its user can only remove it
            raise PluginError(f"{error}{_or_uninstall(dists.get(label))}") from error.__cause__
    return RuleSet(rules)


def _or_uninstall(dist: str | None) -> str:
    return f", or uninstall it (pip uninstall {dist})" if dist else ""


def _collect_from(
    label: str, hook: Callable[[], object], rules: dict[str, Rule], names: dict[str, str]
) -> None:
    """Add the rules the plugin's hook gives to `rules` and `names`; a PluginError says what to correct."""
    try:
        classes = hook()
    except Exception as exc:
        raise PluginError(
            f"plugin {label} failed to list its rules: {type(exc).__name__}: {exc}; correct its "
            "`migcheck_rules` hook implementation"
        ) from exc
    if classes is None:
        return
    if not isinstance(classes, Iterable) or isinstance(classes, (str, bytes)):
        raise PluginError(
            f"plugin {label} returned {classes!r}, which is not a list of rule classes; return a list of "
            "migcheck.rule.Rule subclasses from its `migcheck_rules`"
        )
    for obj in classes:
        cls = _check_rule(label, obj, rules, names)
        rules[cls.code] = cls()
        _providers[cls] = label
        names[cls.name] = cls.code


def _check_rule(label: str, cls: object, rules: dict[str, Rule], names: dict[str, str]) -> type[Rule]:
    """`cls` itself, once it is known to be a complete rule class whose code and name are free."""
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise PluginError(
            f"plugin {label} returned {cls!r}, which is not a migcheck Rule class; return only "
            "migcheck.rule.Rule subclasses from its `migcheck_rules`"
        )
    problems = cls.problems()
    if problems:
        raise PluginError(
            f"plugin {label}: rule {cls.__name__} {'; '.join(problems)}; complete the rule (the plugin "
            "guide, docs/plugins.md, and its example, examples/plugin, show a complete one)"
        )
    if cls.code in rules:
        raise PluginError(
            f"plugin {label}: rule code {cls.code} is already taken by {rules[cls.code].name}; give the "
            "rule a code of its own (`migcheck rules` lists those taken)"
        )
    if cls.name in names:
        raise PluginError(
            f"plugin {label}: rule name {cls.name} is already taken by {names[cls.name]}; give the rule a "
            "name of its own (`migcheck rules` lists those taken)"
        )
    return cls
