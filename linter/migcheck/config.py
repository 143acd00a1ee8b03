"""Settings from `[tool.migcheck]` in pyproject.toml or from migcheck.toml, validated strictly: an
unknown key, rule or severity is an error that says where it is, never silently ignored."""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from migcheck.model import Severity
from migcheck.rule import RuleSet
from migcheck.suppress import specificity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = ("migcheck.toml", "pyproject.toml")


class ConfigError(Exception):
    """Bad settings: the message says which file, which key and what is accepted."""


@dataclass(frozen=True, slots=True)
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
    baseline: str = ""  # the baseline file, resolved when read (absolute from a config file); "" for none
    source: str = ""  # the file these settings came from, for messages

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the non-empty values of `changes` (command-line options) applied."""
        return replace(self, **{k: v for k, v in changes.items() if v not in (None, ())})


# key in the file → (field name, parser)
def _strings(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of strings, got {value!r}")
    return tuple(value)


def _severity(value: object, key: str) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(f"`{key}` must be one of error, warning, info; got {value!r}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"`{key}`: {exc}") from None


def _table(value: object, key: str, parse: Callable[[object, str], Any]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table, got {value!r}")
    return {k: parse(v, f"{key}.{k}") for k, v in value.items()}


def _path(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"`{key}` must be a path (a non-empty string), got {value!r}")
    return value


def _bool(value: object, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"`{key}` must be true or false, got {value!r}")
    return value


_KEYS = {
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "fail-on": ("fail_on", _severity),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "per-file-ignores": ("per_file_ignores", lambda v, k: _table(v, k, _strings)),
    "severity": ("severity", lambda v, k: _table(v, k, _severity)),
    "cloud-services": ("cloud_services", lambda v, k: _table(v, k, _strings)),
    "subscriptions": ("subscriptions", lambda v, k: _table(v, k, _strings)),
    "local-configurations": ("local_configurations", _bool),
    "baseline": ("baseline", _path),
}


def parse_settings(table: Mapping[str, object], source: str) -> Config:
    values: dict[str, object] = {"source": source}
    for key, value in table.items():
        if key not in _KEYS:
            raise ConfigError(f"{source}: unknown setting `{key}`{_suggest(key, _KEYS)}")
        name, parse = _KEYS[key]
        try:
            values[name] = parse(value, key)
        except ConfigError as exc:
            raise ConfigError(f"{source}: {exc}") from None
    if "baseline" in values:
        # Relative to the file that says it, as every path in the config is; absolute, so that it still
        # names the same file when a caller lints from another folder (the pytest plugin, the server).
        folder = os.path.dirname(os.path.abspath(source))
        values["baseline"] = os.path.normpath(os.path.join(folder, str(values["baseline"])))
    return Config(**values)  # type: ignore[arg-type]


def load_config(path: str | None = None, start: str = ".") -> Config:
    """Settings from `path`, or from the nearest migcheck.toml / pyproject.toml with a `[tool.migcheck]`
    table above `start`; defaults when there is none."""
    if path is not None:
        table = _read_table(path, required=True)
        return parse_settings(table or {}, path)
    for candidate in _candidates(start):
        table = _read_table(candidate, required=False)
        if table is not None:
            return parse_settings(table, os.path.relpath(candidate))
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


def _read_table(path: str, *, required: bool) -> dict | None:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml" or "tool" in data:
        table = data.get("tool", {}).get("migcheck")
        if table is None and required:
            raise ConfigError(f"{path} has no [tool.migcheck] table")
        return table
    return data


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    known = ", ".join(sorted(choices))
    return f" (did you mean `{close[0]}`?)" if close else f" (known settings: {known})"


# --- rule selection ---------------------------------------------------------------------------------


# Tokens are matched by `migcheck.suppress.specificity`, the one matcher per-file-ignores and inline
# comments use too: a token means the same rules wherever it is written.


def enabled_codes(rules: RuleSet, select: Iterable[str], ignore: Iterable[str]) -> frozenset[str]:
    """The codes that run. Each rule follows the most specific token that matches it (a name or full code
    beats a prefix, a longer prefix beats a shorter one, `ALL` loses to all); on a tie, ignore wins."""
    select, ignore = tuple(select), tuple(ignore)
    for option, tokens in (("select", select), ("ignore", ignore)):
        for token in tokens:
            if not any(specificity(token, r.code, r.name) for r in rules):
                raise ConfigError(
                    f"unknown rule {token!r} in {option}: use a code (MIG201), a prefix (MIG2), a "
                    "name (endpoint-acl) or ALL; `migcheck rules` lists them"
                )
    enabled = set()
    for rule in rules:
        chosen = max((specificity(t, rule.code, rule.name) for t in select), default=0 if select else 1)
        dropped = max((specificity(t, rule.code, rule.name) for t in ignore), default=0)
        if chosen > dropped:
            enabled.add(rule.code)
    return frozenset(enabled)


def severity_overrides(rules: RuleSet, overrides: Mapping[str, Severity]) -> dict[str, Severity]:
    """Severity overrides keyed by rule code; keys may be codes, prefixes, names or ALL. Each rule takes
    the override of the most specific key that matches it (on a tie, the one written last)."""
    tokens = list(overrides.items())
    for token, _ in tokens:
        if not any(specificity(token, r.code, r.name) for r in rules):
            raise ConfigError(f"unknown rule {token!r} in severity overrides; `migcheck rules` lists them")
    out: dict[str, Severity] = {}
    for rule in rules:
        score, chosen = max(
            ((specificity(t, rule.code, rule.name), n) for n, (t, _) in enumerate(tokens)), default=(0, 0)
        )
        if score:
            out[rule.code] = tokens[chosen][1]
    return out
