"""Settings from `[tool.migcheck]` in pyproject.toml or from migcheck.toml, validated strictly: an
unknown key, rule or severity is an error that says where it is, never silently ignored.

A config file is data from the repository being checked, as hostile as any input: it is read through the
guarded reader (a regular file, at most the size limit), and whatever it holds — not TOML, not UTF-8,
nested ten thousand deep, an integer of 5,000 digits, a string where a table belongs — is a `ConfigError`
naming the file, never a traceback. A UTF-8 byte order mark at its start (Windows PowerShell 5.1 writes
one) is read past, as in every file migcheck checks. Every path in it (`include`, `exclude`,
`per-file-ignores`, `cloud-services`, `subscriptions`, `baseline`) is relative to the folder of the file
that states it."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any

from migcheck.discover import Glob, PatternError, check_patterns
from migcheck.model import SEVERITY_NAMES, Severity, record
from migcheck.rule import UNREADABLE, RuleSet
from migcheck.suppress import specificity
from migcheck.visible import ANYWHERE, visible

if TYPE_CHECKING:
    from migcheck.readers.declarations import Wrong

CONFIG_FILES = ("migcheck.toml", "pyproject.toml")


class ConfigError(Exception):
    """Bad settings: the message says which file, which key and what is accepted. `at`: the keys below the
    one a parser was given that lead to the value in error (`MIG101` of `severity`), so that
    `parse_settings` can say where the file writes it; the key itself rather than its value when
    `key_itself` (a pattern of `per-file-ignores`)."""

    def __init__(self, message: str, at: tuple[str, ...] = (), *, key_itself: bool = False) -> None:
        super().__init__(message)
        self.at, self.key_itself = at, key_itself


def _wrong(key: str, accepted: str, value: object) -> ConfigError:
    """The error of a setting `key` given a `value` it does not accept: one wording for every setting,
    naming what it accepts (`accepted`) and what it got."""
    return ConfigError(f"`{key}` must be {accepted}, got {shown_value(value)}")


# A record (`migcheck.model.record`), frozen for the type checker: as a frozen dataclass it compiled six
# methods in every command's start-up.
@record
class Config:
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule code or name → severity
    cloud_services: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name → globs
    subscriptions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name → globs
    local_configurations: bool = False
    respect_gitignore: bool = True  # skip what .gitignore files ignore in folder walks
    # Inventory declarations (`[tool.migcheck.inventory]`): validated here, read as a document by
    # migcheck.readers.declarations when the walk meets the file.
    inventory: Mapping[str, object] = field(default_factory=dict)
    baseline: str = ""  # the baseline file, resolved when read (absolute from a config file); "" for none
    source: str = ""  # the file these settings came from, for messages
    root: str = ""  # the folder of that file (absolute): its paths, and a baseline's, are relative to it
    # migcheck's own files, which a walk never reads as inputs (`with_own_files`): the baselines named, the
    # settings file when it declares no inventory, the files a run writes. Absolute and real paths both.
    own_files: frozenset[str] = frozenset()

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the non-empty values of `changes` (command-line options) applied."""
        return replace(self, **{k: v for k, v in changes.items() if v not in (None, ())})

    def with_own_files(self, *paths: str | None) -> Config:
        """A copy that counts the files at `paths` (those given) among migcheck's own (`own_files`)."""
        named = [path for path in paths if path]
        return replace(self, own_files=self.own_files | _both_names(named)) if named else self


def _both_names(paths: Iterable[str]) -> frozenset[str]:
    """The absolute and the real path of each of `paths`: a walk meets a file under either."""
    return frozenset(name for path in paths for name in (os.path.abspath(path), os.path.realpath(path)))


# key in the file → (field name, parser)
def _strings(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _wrong(key, "a list of strings", value)
    return tuple(value)


# What to write instead of a selection that names no rule, in the config (`select = []`) or on the command
# line (`--select ""`): an empty selection would run every rule, the opposite of what it says.
EMPTY_SELECTION = (
    "give codes (MIG201), prefixes (MIG2), names (endpoint-acl) or ALL, or leave it out for every rule; "
    "to run no rule, ignore ALL"
)


def _selection(value: object, key: str) -> tuple[str, ...]:
    """`select`: rules, at least one; an empty list or string is refused, never read as every rule."""
    rules = _strings(value, key)
    if not any(rule.strip() for rule in rules):
        raise ConfigError(f"{_wrong(key, 'a list naming at least one rule', value)}: {EMPTY_SELECTION}")
    return rules


def _severity(value: object, key: str) -> Severity:
    """A severity by its name, in any case: a string of another name and a value of another type are
    the same mistake, said alike."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return Severity.parse(value)
    raise _wrong(key, f"one of {', '.join(SEVERITY_NAMES)}", value)


def _table(value: object, key: str, parse: Callable[[object, str], Any]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong(key, "a table", value)
    parsed = {}
    for name, entry in value.items():
        try:
            parsed[name] = parse(entry, f"{key}.{visible(name)}")
        except ConfigError as exc:
            raise ConfigError(str(exc), (name, *exc.at), key_itself=exc.key_itself) from None
    return parsed


def _path(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _wrong(key, "a path (a non-empty string)", value)
    return value


def _bool(value: object, key: str) -> bool:
    if not isinstance(value, bool):
        raise _wrong(key, "true or false", value)
    return value


def _globs(value: object, key: str) -> tuple[str, ...]:
    """A list of gitignore patterns, each checked now so that a bad one is an error naming its key."""
    globs = _strings(value, key)
    try:
        check_patterns(globs)
    except PatternError as exc:
        raise ConfigError(f"`{key}`: {_in_the_pattern(str(exc), globs)}") from None
    return globs


def _bad(glob: str) -> bool:
    try:
        check_patterns([glob])
    except PatternError:
        return True
    return False


# Python's `re` reports a bad range by its position in the regular expression pathspec translates a pattern
# to (`[z-a]` is "bad character range z-a at position 10"), which is nowhere in what the user wrote.
_REGEX_POSITION = re.compile(r"bad character range (\S+) at position \d+")


def _in_the_pattern(message: str, globs: Iterable[str]) -> str:
    """`message` with a position in the translated expression replaced by the range's place in the pattern
    that holds it (1-based, as editors count columns), or left out when the range is written otherwise."""
    found = _REGEX_POSITION.search(message)
    if found is None:
        return message
    bad_range = found.group(1)
    column = next((glob.find(bad_range) + 1 for glob in globs if bad_range in glob and _bad(glob)), 0)
    where = f" at character {column} of the pattern" if column else ""
    return message[: found.start()] + f"bad character range {bad_range}{where}" + message[found.end() :]


def shown_value(value: object) -> str:
    """A value from the file as a message shows it: escaped, and cut short (a 100 MB string is data too)."""
    from migcheck.readers.declarations import shown

    return shown(value)


_KEYS = {
    "select": ("select", _selection),
    "ignore": ("ignore", _strings),
    "fail-on": ("fail_on", _severity),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "per-file-ignores": ("per_file_ignores", lambda v, k: _per_file_ignores(v, k)),
    "severity": ("severity", lambda v, k: _table(v, k, _severity)),
    "cloud-services": ("cloud_services", lambda v, k: _table(v, k, _globs)),
    "subscriptions": ("subscriptions", lambda v, k: _table(v, k, _globs)),
    "local-configurations": ("local_configurations", _bool),
    "respect-gitignore": ("respect_gitignore", _bool),
    "baseline": ("baseline", _path),
    "inventory": ("inventory", lambda v, k: _inventory(v, k)),
}


# What each key of `_KEYS` accepts, for the JSON Schema of `[tool.migcheck]` (`json_schema`): the same
# checks as the parsers above, in JSON Schema words. A key missing here fails `json_schema`, and the test
# that regenerates schema/migcheck.schema.json, so the schema cannot fall behind the keys.
_TEXT_OR_LIST: dict[str, Any] = {
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
}
_GLOBS = {
    **_TEXT_OR_LIST,
    "description": "gitignore patterns, relative to the folder of this file "
    "([...], ** and !pattern mean what they mean to git)",
}
_RULES = {
    **_TEXT_OR_LIST,
    "description": "rule codes (MIG201), code prefixes (MIG2, MIG), rule names (endpoint-acl) or ALL, "
    "in any case",
}
# `select` names at least one rule: an empty one would run none (refused, as `--select ""` is).
_SOME_RULES = {
    "anyOf": [
        {"type": "string", "pattern": "\\S"},
        {"type": "array", "items": {"type": "string", "pattern": "\\S"}, "minItems": 1},
    ],
    "description": _RULES["description"],
}
_KEY_SCHEMAS: dict[str, tuple[str, Mapping[str, Any]]] = {
    "select": ("Only these rules run (default: every rule).", _SOME_RULES),
    "ignore": ("These rules do not run; --ignore adds to them.", _RULES),
    "fail-on": ("The lowest severity that makes a run fail.", {"$ref": "#/definitions/severity"}),
    "include": ("Only files these patterns match are checked (default: every file).", _GLOBS),
    "exclude": ("Files these patterns match are not checked.", _GLOBS),
    "per-file-ignores": (
        "Rules not reported in the files a pattern matches: pattern → rules.",
        {"type": "object", "additionalProperties": _RULES},
    ),
    "severity": (
        "A rule's severity, changed without renumbering it: rule (code, prefix, name or ALL) → severity.",
        {"type": "object", "additionalProperties": {"$ref": "#/definitions/severity"}},
    ),
    "cloud-services": (
        "Export-AzureVM files grouped into cloud services: name → patterns (default: one per folder).",
        {"type": "object", "additionalProperties": _GLOBS},
    ),
    "subscriptions": (
        "Which files describe which subscription: name → patterns (the first match wins).",
        {"type": "object", "additionalProperties": _GLOBS},
    ),
    "local-configurations": (
        "Also report deployment findings on ServiceConfiguration.Local.cscfg files.",
        {"type": "boolean"},
    ),
    "respect-gitignore": ("Skip what .gitignore files ignore in folder walks.", {"type": "boolean"}),
    "baseline": (
        "The baseline file of known findings, relative to the folder of this file.",
        {"type": "string", "pattern": "\\S"},
    ),
    "inventory": (
        "Facts no export shows (services in virtual networks, peerings, gateways, authorization links).",
        {"$ref": "#/definitions/inventory"},
    ),
}


def _inventory(value: object, key: str) -> dict[str, object]:
    """The declarations table, checked by the declarations reader's schema; its own keys first, so that a
    key it does not have is answered with those it has, and a value of the wrong kind is shown."""
    from migcheck.readers.declarations import first_problem, not_a_table, shape_problem

    if not isinstance(value, dict):
        raise InventoryError.of(not_a_table(value))
    shapes = (shape_problem(name, declared) for name, declared in value.items())
    problem = next(filter(None, shapes), None) or first_problem(value)
    if problem is not None:
        raise InventoryError.of(problem, visible(problem.message))
    return value


class InventoryError(ConfigError):
    """A declaration of the settings' inventory table that does not follow the schema: `parse_settings`
    says where the table is, and the line of the value in error (`wrong`) when the settings file can be
    read."""

    wrong: Wrong

    @classmethod
    def of(cls, wrong: Wrong, message: str = "") -> InventoryError:
        error = cls(message or wrong.message)
        error.wrong = wrong
        return error


# What to do about a declaration in error: the settings are refused whole (exit 2), as for any bad
# setting; an inventory.toml beside the classic files is the place for declarations that must not stop a
# run (there a bad one is MIG001 and the others are read).
_INVENTORY_FIX = (
    "correct it (docs/inventory.md lists the declarations and their values), or "
    "move the declarations into an inventory.toml beside the classic files, where one in error is a finding "
    "(MIG001) and the others are still read"
)


def _inventory_error(source: str, error: InventoryError) -> ConfigError:
    """The error for a bad declaration in the inventory table of settings file `source`: the file, with
    the line of the value in error (left out when the file cannot be read, as for settings not from a
    file), the table as the file writes it, what is wrong with which value, and what to do."""
    table = "tool.migcheck.inventory" if os.path.basename(source) == "pyproject.toml" else "inventory"
    return ConfigError(f"{_name(source)}{_line_of(source, error.wrong)}: [{table}] {error}; {_INVENTORY_FIX}")


def _line_of(source: str, wrong: Wrong) -> str:
    """`:LINE:COLUMN` of what `wrong` is about in settings file `source`, as the declarations reader
    places it; "" when it cannot be told (settings not from a file)."""
    from migcheck.readers.declarations import placed

    text = _settings_text(source)
    found = placed(text, wrong) if text is not None else None
    return f":{found[0]}:{found[1]}" if found else ""


def _placed(source: str, keys: tuple[str, ...], *, key_itself: bool = False) -> str:
    """`:LINE:COLUMN` where settings file `source` writes the value of the setting `keys` name below its
    settings table (`("severity", "MIG101")`; none: the `[tool.migcheck]` table, where `migcheck = 3` is
    no table), or the key itself when `key_itself`; else of the nearest key above it the file writes; ""
    when none can be told (settings not from a file)."""
    # A migcheck.toml may hold its settings at its top, or in [tool.migcheck] as a pyproject.toml does.
    tables = ("tool.migcheck",) if os.path.basename(source) == "pyproject.toml" else ("tool.migcheck", "")
    above = [keys[:length] for length in range(len(keys), 0, -1)] or [()]
    paths = [".".join(filter(None, (table, *path))) for path in above for table in tables]
    return _written(source, [path for path in paths if path], key_itself=key_itself)


def _written(source: str, paths: list[str], *, key_itself: bool = False) -> str:
    """`:LINE:COLUMN` where settings file `source` writes the value of the first of the dotted keys `paths`
    it writes (`tool.migcheck.fail-on`), or that key itself when `key_itself`; "" for none."""
    from migcheck.readers.declarations import written_at

    text = _settings_text(source)
    found = written_at(text, paths, value=not key_itself) if text is not None else None
    return f":{found[0]}:{found[1]}" if found else ""


def _settings_text(source: str) -> str | None:
    """The text of settings file `source`, read again to say where it writes a setting in error; None when
    it cannot be read (settings not from a file)."""
    from migcheck.guarded import read_bytes
    from migcheck.readers import MAX_FILE_BYTES

    try:
        return read_bytes(source, MAX_FILE_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def _per_file_ignores(value: object, key: str) -> dict[str, tuple[str, ...]]:
    table = _table(value, key, _strings)
    for glob in table:
        try:
            _globs(glob, f"{key} key")
        except ConfigError as exc:
            raise ConfigError(str(exc), (glob,), key_itself=True) from None
    return table


def parse_settings(table: object, source: str, baseline_given: bool = False) -> Config:
    """Settings from the `[tool.migcheck]` table of `source`. Paths in them become relative to the folder
    of `source` (globs remember it, the baseline is made absolute), whatever the working directory. When
    the command line gives its own baseline (`baseline_given`), the setting's is neither read nor refused:
    `--baseline` is the way out the refusal names."""
    if not isinstance(table, dict):
        raise ConfigError(
            f"{_name(source)}{_placed(source, ())}: [tool.migcheck] must be a table, got {shown_value(table)}"
        )
    values: dict[str, object] = {"source": source}
    for key, value in table.items():
        if key not in _KEYS:
            where = _placed(source, (key,), key_itself=True)
            raise ConfigError(
                f"{_name(source)}{where}: unknown setting `{visible(key)}`{_suggest(key, _KEYS)}"
            )
        name, parse = _KEYS[key]
        try:
            values[name] = parse(value, key)
        except InventoryError as exc:
            raise _inventory_error(source, exc) from None
        except ConfigError as exc:
            where = _placed(source, (key, *exc.at), key_itself=exc.key_itself)
            raise ConfigError(f"{_name(source)}{where}: {exc}") from None
    folder = os.path.dirname(os.path.abspath(source))
    # The settings' baseline is migcheck's own file even in a run that applies another, or none; the
    # settings file too, unless it declares an inventory, which a walk reads from it.
    own = [str(_rooted(values, folder)["baseline"])] if "baseline" in values else []
    own += [] if "inventory" in values else [source]
    if baseline_given:
        values.pop("baseline", None)
    config = Config(**_rooted(values, folder), own_files=_both_names(own))  # type: ignore[arg-type]
    if config.baseline:
        _refuse_baseline_outside(config.baseline, folder, source, str(values["baseline"]))
    return config


def _refuse_baseline_outside(baseline: str, folder: str, source: str, written: str) -> None:
    """A settings file is the repository's, as hostile as any input: the baseline it names must be in its
    project (the settings file's folder or below, links resolved), or `baseline = "/etc/passwd"` or a link
    to a file outside would make migcheck read any file the user can. A `--baseline` given on the command
    line is the user's own, and may be anywhere."""
    from migcheck.advice import baseline_elsewhere

    real, inside = os.path.realpath(baseline), os.path.join(os.path.realpath(folder), "")
    if real.startswith(inside):
        return
    leads = "" if real == os.path.normpath(baseline) else f" leads to {visible(real)}, which"
    raise ConfigError(
        f"{_name(source)}{_placed(source, ('baseline',))}: `baseline`: {shown_value(written)}{leads} is outside the project ({visible(folder)}, the "
        "folder of this file), and migcheck reads no file outside it that settings name; put the baseline "
        f"in that folder or below it{baseline_elsewhere()}"
    )


def _rooted(values: dict[str, object], folder: str) -> dict[str, object]:
    """`values` with every path made relative to `folder`: globs remember it as their root, and the
    baseline becomes absolute, so that it still names the same file when a caller lints from another
    folder (a subfolder, the pytest plugin, the editor server)."""
    out = dict(values, root=folder)

    def rooted(globs: object) -> tuple[Glob, ...]:
        return tuple(Glob(g, folder) for g in globs)  # type: ignore[attr-defined]

    for name in ("include", "exclude"):
        if name in out:
            out[name] = rooted(out[name])
    for name in ("cloud_services", "subscriptions"):
        if name in out:
            out[name] = {k: rooted(v) for k, v in out[name].items()}  # type: ignore[attr-defined]
    if "per_file_ignores" in out:
        out["per_file_ignores"] = {Glob(k, folder): v for k, v in out["per_file_ignores"].items()}  # type: ignore[attr-defined]
    if "baseline" in out:
        out["baseline"] = os.path.normpath(os.path.join(folder, str(out["baseline"])))
    return out


def unmatched_pattern_warning(config: Config, key: str, pattern: str) -> str:
    """What to say of a `key` pattern of the settings that matches nothing (`LintResult.unmatched`): a
    mistyped or stale pattern is silent otherwise, and a run that excludes, ignores or groups less than
    it says looks as right as any. Which file and key, which pattern, the folder it is relative to, what
    to do."""
    where = _name(config.source) if config.source else "the settings"
    folder = visible(getattr(pattern, "root", "") or config.root or os.getcwd())
    what = "file or folder" if key == "exclude" else "file"
    return (
        f"{where}: `{visible(key)}` pattern {shown_value(str(pattern))} matches no {what} migcheck walks under "
        f"{folder}: correct it (a gitignore pattern, relative to that folder) or remove it"
    )


def baseline_problem(
    error: Exception, config: Config, option: str | None = None, passed_over_by: str = ""
) -> str:
    """A baseline that cannot be used, and, when the config file named it (not the `option` given), which
    setting did: the name it gives is relative to the file's folder, not to where migcheck runs; and the
    option that passes the setting over for one run, where the command has one (`passed_over_by`)."""
    if option is None and config.baseline and config.source:
        skip = f" (or pass it over for this run with {passed_over_by})" if passed_over_by else ""
        return f"{_name(config.source)}{_placed(config.source, ('baseline',))}: `baseline`: {error}{skip}"
    return str(error)


def load_config(
    path: str | None = None, start: str = ".", baseline_given: bool = False, *, absolute: bool = False
) -> Config:
    """Settings from `path`, or from the nearest migcheck.toml / pyproject.toml with a `[tool.migcheck]`
    table above `start`; defaults when there is none. `baseline_given`: the caller brings its own baseline
    (or none), so the settings' `baseline` is passed over. A file found is named relative to the working
    directory, or by its absolute path when `absolute`."""
    if path == "":
        raise ConfigError("no settings file named (an empty path)")
    if path is not None:
        table = _read_table(path, required=True)
        return parse_settings({} if table is None else table, path, baseline_given)
    for candidate in _candidates(start):
        named = candidate if absolute else os.path.relpath(candidate)  # as every message names it
        table = _read_table(named, required=False)
        if table is not None:
            return parse_settings(table, named, baseline_given)
    return Config()


def _candidates(start: str) -> Iterable[str]:
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                yield candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def _read_table(path: str, *, required: bool) -> object | None:
    """The migcheck table of the file at `path`: `[tool.migcheck]` of a pyproject.toml (None when it has
    none), or the whole of a migcheck.toml, whose settings are at its top level or, as a pyproject.toml
    holds them, in a `[tool.migcheck]` table (`settings_file_schema`): one or the other, never both."""
    data = _read_toml(path)
    pyproject = os.path.basename(path) == "pyproject.toml"
    if pyproject or "tool" in data:
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            where = _written(path, ["tool"])
            raise ConfigError(
                f"{_name(path)}{where}: `tool` must be a table ([tool]), got {shown_value(tool)}"
            )
        table = tool.get("migcheck")
        if not pyproject:
            _one_place(path, data, table)
        if table is None and required:
            raise ConfigError(
                f"{_name(path)} has no [tool.migcheck] table; add one, or name a migcheck.toml, whose "
                "settings are at its top level"
            )
        return table
    return data


def _one_place(path: str, data: Mapping[str, object], table: object) -> None:
    """Refuse a migcheck.toml (or another settings file that is not a pyproject.toml) with a `[tool]`
    table beside settings at its top level, or with no `[tool.migcheck]` in it: either way one of the
    two would not be read, and nothing would say so."""
    beside = [key for key in data if key != "tool"]
    if beside:
        where = "in [tool.migcheck]" if table is not None else "a [tool] table with no [tool.migcheck]"
        raise ConfigError(
            f"{_name(path)}{_written(path, beside[:1], key_itself=True)}: it has settings at its top level ({', '.join(beside)}) and {where}; keep the "
            "settings in one place: at the top of the file (above every table), or all in [tool.migcheck]"
        )
    if table is None:
        raise ConfigError(
            f"{_name(path)}{_written(path, ['tool'], key_itself=True)}: it has a [tool] table with no [tool.migcheck]; write the settings at the top of "
            "the file, or in [tool.migcheck]"
        )


def _tomllib() -> ModuleType:
    """The TOML parser, imported when a settings file is read: a run without one reads no TOML, and the
    parser's import is a few milliseconds of every start-up. `migcheck.config.tomllib` is the same module."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def __getattr__(name: str) -> ModuleType:
    if name == "tomllib":
        return _tomllib()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _read_toml(path: str) -> dict[str, Any]:
    from migcheck.advice import other_settings
    from migcheck.guarded import read_bytes
    from migcheck.readers import MAX_FILE_BYTES

    where = _name(path)
    fix = f"fix it{other_settings()}"
    try:
        data = read_bytes(path, MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ConfigError(
            f"cannot read config file {where}: {exc.strerror or exc}; check its path and that you may read it"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ConfigError(f"config file {where} is larger than {MAX_FILE_BYTES // 2**20} MB; {fix}")
    try:
        text = utf8_text(data)
    except NotUTF8 as exc:
        raise ConfigError(
            f"config file {where} is not UTF-8 text ({exc}); TOML files are UTF-8: save it as UTF-8"
            + other_settings()
        ) from None
    from migcheck.readers.declarations import UnreadableToml, load_toml

    try:
        return load_toml(text)
    except UnreadableToml as exc:  # read as a file of declarations is: where it stops, and why
        raise ConfigError(f"{where}:{exc.line}:{exc.column}: {visible(str(exc))}; {fix}") from None


class NotUTF8(ValueError):
    """Bytes that are not UTF-8 text; the message says what they are instead."""


# Byte order marks of the encodings a settings file or a baseline must not be in, longest first: the
# UTF-32 little-endian mark starts with the UTF-16 one.
_WIDE_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def utf8_text(data: bytes) -> str:
    """`data` (a settings file, a baseline) as UTF-8 text, without the byte order mark it may start with:
    Windows PowerShell 5.1 writes one (`-Encoding UTF8`), editors hide it, and neither TOML nor JSON
    parsers take it. Line and column numbers in the rest are then those an editor shows. `NotUTF8` says
    what the bytes are otherwise: UTF-16 or UTF-32 by their mark, or the first byte that is not UTF-8."""
    wide = next((name for mark, name in _WIDE_MARKS if data.startswith(mark)), None)
    if wide:
        raise NotUTF8(f"it is {wide}: it starts with a {wide} byte order mark")
    # UTF-16 saved without a mark decodes as UTF-8 with a NUL after each character, and the TOML or JSON
    # parser then names some key's syntax as the fault; neither format allows a NUL anywhere.
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NotUTF8(
            f"it holds a NUL byte at offset {nul}, as UTF-16 text saved without a byte order mark does"
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise NotUTF8(f"byte {data[exc.start]:#04x} at offset {exc.start}") from None


def _name(path: str) -> str:
    """A config file's name as messages show it."""
    return visible(path)


def _closest(word: str, choices: Iterable[str]) -> str:
    """The choice closest to a mistyped `word`; "" when none is close."""
    import difflib  # only for a mistake: not at start-up

    close = difflib.get_close_matches(word[:100], list(choices), n=1)
    return close[0] if close else ""


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = _closest(word, choices)
    known = ", ".join(sorted(choices))
    return f" (did you mean `{close}`?)" if close else f" (known settings: {known})"


# --- rule selection ---------------------------------------------------------------------------------


# Tokens are matched by `migcheck.suppress.specificity`, the one matcher per-file-ignores and inline
# comments use too: a token means the same rules wherever it is written.


RULE_TOKENS = (
    "use a code (MIG201), a prefix (MIG2), a name (endpoint-acl) or ALL; `migcheck rules` lists them"
)


def check_rule_tokens(rules: RuleSet, tokens: Iterable[str], where: str) -> None:
    """Every token names at least one rule; else a `ConfigError` saying which token, `where` it is
    written (`--select`, a config file's key), what a token may be and, for a near miss, the rule meant."""
    for token in tokens:
        if not any(specificity(token, r.code, r.name) for r in rules):
            how = _apart(token, rules, where) or f"{closest_rule(token, rules)}: {RULE_TOKENS}"
            raise ConfigError(f"unknown rule {visible(repr(token))} in {where}{how}")


def _apart(token: str, rules: RuleSet, where: str) -> str:
    """`: separate them with commas (MIG201,MIG202)` when `token` is rules written together with spaces or
    semicolons (`--select "MIG201 MIG202"`): each part names a rule, the whole names none. On the command
    line rules are separated with commas; in the settings file, each is a string of its own (a key of its
    own in `severity`). "" when a part names no rule."""
    parts = token.replace(";", " ").replace(",", " ").split()
    if len(parts) < 2 or not all(any(specificity(p, r.code, r.name) for r in rules) for p in parts):
        return ""
    if where.startswith("--"):
        return f": separate them with commas ({visible(','.join(parts))})"
    if where.startswith("`severity`"):
        return ": give each rule a key of its own"
    return f": write each rule as a string of its own ({visible(', '.join(map(json.dumps, parts)))})"


# How advice written by readers and rules names a setting: as in a pyproject.toml.
PYPROJECT_TABLE = "[tool.migcheck"


def in_settings_file(advice: str, source: str) -> str:
    """`advice` with each setting it names (`[tool.migcheck] exclude`, `[tool.migcheck.cloud-services]`,
    written as a pyproject.toml has them) named as the settings file in use has it: a migcheck.toml (or
    another file given with --config) holds its keys at the top (`exclude`, `[cloud-services]`), and a
    file that was found is named. With no settings file, both forms are given: the user may create
    either."""
    if PYPROJECT_TABLE not in advice:
        return advice
    parts: list[str] = []
    at = 0
    while (start := advice.find(PYPROJECT_TABLE, at)) >= 0:
        end = advice.find("]", start)
        if end < 0:
            break
        table = advice[start + len(PYPROJECT_TABLE) : end].removeprefix(".")
        key = _key_after(advice, end + 1) if not table else ""
        quote = "`" if advice[start - 1 : start] == "`" and advice[end + 1 : end + 2] == "`" else ""
        setting, where = _setting_named(table, key, source)
        parts += [advice[at : start - len(quote)], f"{quote}{setting}{quote}{where}"]
        at = end + 1 + len(quote) + (len(key) + 1 if key else 0)
    return "".join([*parts, advice[at:]])


def _key_after(advice: str, at: int) -> str:
    """The key written after `[tool.migcheck]` (`[tool.migcheck] exclude`), if one is."""
    if advice[at : at + 1] != " ":
        return ""
    word = advice[at + 1 :].split(" ", 1)[0].rstrip(".,;:)")
    return word if word in _KEYS else ""


def _setting_named(table: str, key: str, source: str) -> tuple[str, str]:
    """(the setting as the settings file writes it, ` of FILE` and the other form when there is none)."""
    if not source or os.path.basename(source) == "pyproject.toml":
        setting = f"[tool.migcheck.{table}]" if table else f"[tool.migcheck] {key}".rstrip()
    else:  # a migcheck.toml, or a file given with --config: its keys are at the top
        setting = f"[{table}]" if table else f"`{key}`" if key else ""
    if source:
        return (setting, f" of {_name(source)}") if setting else (_name(source), "")
    top = f"[{table}]" if table else f"`{key}`" if key else ""
    return (
        setting,
        f" of pyproject.toml ({top} of migcheck.toml)" if top else " of pyproject.toml (or migcheck.toml)",
    )


def closest_rule(token: str, rules: RuleSet) -> str:
    """` (did you mean X?)` when one rule's code or name, and only one, is a slip away from `token` (a
    character wrong, missing, added or two swapped, in any case: MIG2O1, endpoint-acls), else nothing: a
    guess would mislead where MIG999 is no slip for MIG319, or MIG100 one for any of MIG101 to MIG106."""
    return closest(token, [word for rule in rules for word in (rule.code, rule.name)])


def closest(token: str, words: Iterable[str]) -> str:
    """` (did you mean X?)` when one of `words`, and only one, is a slip away from `token` or is `token` in
    another case (`SARIF` for sarif), else nothing."""
    typed = token.strip().lower()
    close = [word for word in words if typed == word.lower() or one_slip(typed, word.lower())]
    return f" (did you mean {close[0]}?)" if len(close) == 1 else ""


def one_slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one slip of the keys: a character wrong, missing or added, or two
    swapped (`cloud-ddd-cml` for `cloud-ddd-clm`)."""
    if len(typed) == len(word):
        wrong = [n for n, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        swapped = len(wrong) == 2 and wrong[1] == wrong[0] + 1 and typed[wrong[0]] == word[wrong[1]]
        return len(wrong) == 1 or (swapped and typed[wrong[1]] == word[wrong[0]])
    if abs(len(typed) - len(word)) != 1:
        return False
    short, long = sorted((typed, word), key=len)
    at = next((n for n, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[at:] == long[at + 1 :]


def check_settings_rules(rules: RuleSet, config: Config) -> None:
    """Every rule the settings file names in `select`, `ignore` and `severity` exists; the error names the
    file and the key, as one about `per-file-ignores` does. Checked before command-line options replace
    or extend them, so that a mistake in the file is not hidden by an option. Said where the file writes
    the list of rules, or the key of `severity` that names the rule."""
    for key, tokens in (("select", config.select), ("ignore", config.ignore)):
        try:
            check_rule_tokens(rules, tokens, f"`{key}`")
        except ConfigError as exc:
            raise _in_settings_file(config.source, exc, (key,)) from None
    for token in config.severity:
        try:
            check_rule_tokens(rules, [token], "`severity`")
        except ConfigError as exc:
            raise _in_settings_file(config.source, exc, ("severity", token), key_itself=True) from None


def _in_settings_file(
    source: str, error: ConfigError, keys: tuple[str, ...], *, key_itself: bool = False
) -> ConfigError:
    """`error`, about the setting `keys` name, said where settings file `source` writes it (its value, or
    the key itself when `key_itself`); as it is for settings not from a file."""
    if not source:
        return error
    return ConfigError(f"{_name(source)}{_placed(source, keys, key_itself=key_itself)}: {error}")


def enabled_codes(rules: RuleSet, select: Iterable[str], ignore: Iterable[str]) -> frozenset[str]:
    """The codes that run. Each rule follows the most specific token that matches it (a name or full code
    beats a prefix, a longer prefix beats a shorter one, `ALL` loses to all); on a tie, ignore wins."""
    select, ignore = tuple(select), tuple(ignore)
    check_rule_tokens(rules, select, "select")
    check_rule_tokens(rules, ignore, "ignore")
    enabled = set()
    for rule in rules:
        chosen = max((specificity(t, rule.code, rule.name) for t in select), default=0 if select else 1)
        dropped = max((specificity(t, rule.code, rule.name) for t in ignore), default=0)
        if chosen > dropped:
            enabled.add(rule.code)
    return frozenset(enabled)


def with_unreadable(rules: RuleSet, enabled: frozenset[str], ignore: Iterable[str]) -> frozenset[str]:
    """The codes that run: `enabled` (the selection) and MIG001, unless an `ignore` token names it or
    nothing is selected (a run of no rules stays one, and says so). A selection never leaves MIG001 out, as
    only `ignore` can: a file no rule could read would otherwise pass a run of the selected rules unnoticed,
    checked by none of them."""
    unreadable = next((rule for rule in rules if rule.code == UNREADABLE), None)
    if not enabled or unreadable is None or enabled >= {UNREADABLE}:
        return enabled
    if any(specificity(t, unreadable.code, unreadable.name) for t in ignore):
        return enabled
    return enabled | {UNREADABLE}


def check_per_file_ignores(rules: RuleSet, ignores: Mapping[str, Iterable[str]], source: str = "") -> None:
    """Every rule `per-file-ignores` (of the config file `source`) names exists: a misspelt one would
    silence nothing, unnoticed."""
    for pattern, tokens in ignores.items():
        try:
            check_rule_tokens(rules, tokens, f"per-file-ignores {visible(repr(str(pattern)))}")
        except ConfigError as exc:
            raise _in_settings_file(source, exc, ("per-file-ignores", str(pattern))) from None


def severity_overrides(rules: RuleSet, overrides: Mapping[str, Severity]) -> dict[str, Severity]:
    """Severity overrides keyed by rule code; keys may be codes, prefixes, names or ALL. Each rule takes
    the override of the most specific key that matches it (on a tie, the one written last)."""
    tokens = list(overrides.items())
    check_rule_tokens(rules, overrides, "severity overrides")
    out: dict[str, Severity] = {}
    for rule in rules:
        score, chosen = max(
            ((specificity(t, rule.code, rule.name), n) for n, (t, _) in enumerate(tokens)), default=(0, 0)
        )
        if score:
            out[rule.code] = tokens[chosen][1]
    return out


# --- the settings as data: JSON Schema and TOML --------------------------------------------------------


SCHEMA_FILES = ("schema/migcheck.schema.json", "schema/pyproject.schema.json")  # relative to the project


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of the `[tool.migcheck]` table, which is also the whole of a
    migcheck.toml: every key `parse_settings` accepts, and no other."""
    missing = sorted(set(_KEYS) - set(_KEY_SCHEMAS))
    if missing:
        raise ValueError(f"no schema for setting(s) {', '.join(missing)}: add them to _KEY_SCHEMAS")
    defaults = settings_table(Config())
    properties = {}
    for key in _KEYS:
        description, schema = _KEY_SCHEMAS[key]
        properties[key] = _described(description, schema)
        if key in defaults and not isinstance(defaults[key], dict):
            properties[key]["default"] = defaults[key]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "migcheck settings",
        "description": "[tool.migcheck] in pyproject.toml, or the whole of migcheck.toml. Paths are "
        "relative to the folder of the file.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "definitions": {"severity": _severity_schema(), "inventory": _inventory_schema()},
    }


def _described(description: str, schema: Mapping[str, Any]) -> dict[str, Any]:
    """`schema` under the key's description (before the value type's own, when it has one). A `$ref` goes
    in an `allOf`: draft-07 ignores every keyword beside a `$ref`, descriptions and defaults included."""
    schema = dict(schema)
    kind = schema.pop("description", "")
    text = f"{description} {kind[0].upper()}{kind[1:]}." if kind else description
    if "$ref" in schema:
        schema = {"allOf": [schema]}
    return {"description": text, **schema}


def settings_file_schema() -> dict[str, Any]:
    """The JSON Schema of a migcheck.toml: the settings at its top level (`json_schema`), or, as a
    pyproject.toml holds them, a `[tool.migcheck]` table and nothing beside it (`_one_place`)."""
    schema = json_schema()
    # The table under `tool.migcheck` is this schema without `tool`: `[tool.migcheck.tool]` is no setting.
    schema["definitions"]["table"] = {"allOf": [{"$ref": "#"}, {"not": {"required": ["tool"]}}]}
    schema["properties"]["tool"] = {
        "description": "The settings as a pyproject.toml holds them, in [tool.migcheck], with no other "
        "setting at the top level of the file.",
        "type": "object",
        "properties": {"migcheck": {"$ref": "#/definitions/table"}},
        "required": ["migcheck"],
    }
    schema["description"] = (
        "A migcheck.toml: the settings at its top level, or all in [tool.migcheck] as in a pyproject.toml "
        "(never both). Paths are relative to the folder of the file."
    )
    schema["if"] = {"required": ["tool"]}
    schema["then"] = {"maxProperties": 1}
    return schema


def pyproject_schema() -> dict[str, Any]:
    """A schema for pyproject.toml that checks `[tool.migcheck]` and lets every other table be, for
    editors that take one schema per file."""
    table = json_schema()
    definitions = table.pop("definitions")
    del table["$schema"]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "pyproject.toml with [tool.migcheck]",
        "type": "object",
        "properties": {
            "tool": {"type": "object", "properties": {"migcheck": {"$ref": "#/definitions/migcheck"}}}
        },
        # The table's `$ref`s point at #/definitions/..., which is where its definitions are here too.
        "definitions": {"migcheck": table, **definitions},
    }


def _severity_schema() -> dict[str, Any]:
    """`Severity.parse` ignores case and surrounding spaces: the enum gives editors their completions, the
    pattern accepts everything the parser does."""
    names = list(SEVERITY_NAMES)
    letters = ["".join(f"[{c}{c.upper()}]" for c in name) for name in names]
    return {"anyOf": [{"enum": names}, {"type": "string", "pattern": f"^\\s*({'|'.join(letters)})\\s*$"}]}


def _inventory_schema() -> dict[str, Any]:
    """The declarations table (`migcheck.readers.declarations.SCHEMA`), field by field."""
    from migcheck.readers import declarations as d

    kinds: dict[int, dict[str, Any]] = {
        id(d._TEXT): {"type": "string", "pattern": "\\S"},
        id(d._OPTIONAL_TEXT): {"type": "string"},
        id(d._TEXTS): {"type": "array", "items": {"type": "string"}},
        id(d._SERVICE): {"enum": [s.value for s in d.ServiceKind]},
    }

    def entry(fields: Mapping[str, Any]) -> dict[str, Any]:
        unknown = [name for name, spec in fields.items() if id(spec) not in kinds]
        if unknown:
            raise ValueError(f"no JSON Schema for declaration field(s) {', '.join(unknown)}")
        return {
            "type": "object",
            "properties": {name: dict(kinds[id(spec)]) for name, spec in fields.items()},
            "required": [name for name, spec in fields.items() if spec.required],
            "additionalProperties": False,
        }

    tables = {name: {"type": "array", "items": entry(fields)} for name, fields in d.SCHEMA.items()}
    return {
        "type": "object",
        "properties": {"subscription": kinds[id(d._TEXT)], **tables},
        "additionalProperties": False,
    }


def schema_files() -> dict[str, str]:
    """Each committed schema file (relative path) → the text it must hold."""
    import json

    schemas = (settings_file_schema(), pyproject_schema())
    return {path: json.dumps(s, indent=2) + "\n" for path, s in zip(SCHEMA_FILES, schemas, strict=True)}


def settings_table(config: Config) -> dict[str, Any]:
    """`config` as the table of a config file that states it: every key, in `_KEYS` order, with the
    values as written (paths relative to `config.root`); no `baseline` when there is none. No selection
    is every rule, which a file says as `select = ["ALL"]`: `select = []` is refused there, as a selection
    of no rule would run every one, the opposite of what it says. So is the schema's default."""
    table: dict[str, Any] = {}
    for key, (name, _) in _KEYS.items():
        value = _plain(getattr(config, name))
        if value != "":
            table[key] = value
    table["select"] = table["select"] or ["ALL"]
    if table.get("baseline") and config.root:
        table["baseline"] = _relative_to_root(table["baseline"], config.root)
    return table


def _relative_to_root(path: str, root: str) -> str:
    """A baseline inside the settings' folder as the settings file writes it, relative and `/`-separated, so
    the printed settings name it wherever the project is checked out; one outside stays absolute."""
    try:
        relative = os.path.relpath(path, root)
    except ValueError:  # on another drive (Windows): no relative path leads there
        return path
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return path
    return relative.replace(os.sep, "/")


def _plain(value: object) -> Any:
    """A setting's value as TOML data: tuples as lists, severities and globs as their text."""
    if isinstance(value, Severity):
        return str(value)
    if isinstance(value, str | bool | int | float):
        return str(value) if isinstance(value, str) else value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    raise TypeError(f"no TOML form for {type(value).__name__}")


def to_toml(table: Mapping[str, Any], path: tuple[str, ...] = ()) -> str:
    """`table` as TOML text: plain keys first, then sub-tables and arrays of tables under headers."""
    lines = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items() if not _is_header(v)]
    for key, value in table.items():
        where = ".".join(_toml_key(p) for p in (*path, key))
        if not _is_header(value):
            continue
        if isinstance(value, Mapping):
            lines += ["", f"[{where}]", to_toml(value, (*path, key)).rstrip("\n")]
        else:
            for entry in value:
                lines += ["", f"[[{where}]]", to_toml(entry, (*path, key)).rstrip("\n")]
    return "\n".join(line for n, line in enumerate(lines) if line or n) + "\n"


def _is_header(value: object) -> bool:
    """A table, or an array of tables: written under a header of its own (an empty table is `{}`)."""
    if isinstance(value, Mapping):
        return bool(value)
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else _toml_value(key)


def _toml_value(value: object) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # A JSON string is a TOML basic string: the same escapes, ASCII only. A CI log command a runner
        # finds anywhere in a line (`##vso[`) gets its second `#` escaped, as the JSON reports' do.
        return ANYWHERE.sub(r"#\\u0023", json.dumps(value))
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def main(argv: list[str] | None = None) -> int:
    """`python -m migcheck.config`: write the schema files; `--check`: exit 1 when one is stale."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m migcheck.config", description=main.__doc__)
    parser.add_argument("--check", action="store_true", help="report stale schema files, write nothing")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]  # linter/migcheck/config.py → the project
    stale = []
    for name, text in schema_files().items():
        target = root / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not args.check:
                target.parent.mkdir(exist_ok=True)
                target.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"stale: {', '.join(stale)}; run python -m migcheck.config", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
