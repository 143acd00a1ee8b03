"""The JSON Schema of `[tool.migcheck]` (schema/): generated from the config module's keys, committed as
generated, and in agreement with the parser — what the schema accepts, `parse_settings` accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from migcheck.config import (
    _KEYS,
    ConfigError,
    json_schema,
    load_config,
    parse_settings,
    pyproject_schema,
    schema_files,
    settings_file_schema,
)

ROOT = Path(__file__).resolve().parents[1]


def test_the_committed_schema_files_are_what_the_config_module_generates():
    for name, text in schema_files().items():
        committed = ROOT / name
        assert committed.is_file(), f"{name} is missing: run python -m migcheck.config"
        assert committed.read_text(encoding="utf-8") == text, (
            f"{name} is stale: run python -m migcheck.config"
        )


def test_the_schema_has_every_setting_and_only_those():
    schema = json_schema()
    assert list(schema["properties"]) == list(_KEYS)
    assert schema["additionalProperties"] is False
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator.check_schema(pyproject_schema())


def test_a_setting_without_a_schema_stops_the_generator(monkeypatch):
    monkeypatch.setitem(_KEYS, "new-setting", ("new_setting", lambda v, k: v))
    with pytest.raises(ValueError, match="new-setting"):
        json_schema()


VALID = [
    {},
    {"select": "MIG2", "ignore": ["MIG402", "endpoint-acl"], "fail-on": " Warning "},
    {"include": ["infra/**"], "exclude": "legacy/", "baseline": "known.json"},
    {"per-file-ignores": {"sandbox/**": ["MIG201"]}, "severity": {"MIG105": "error", "ALL": "INFO"}},
    {"cloud-services": {"sql": ["vms/sql-*/*.xml"]}, "subscriptions": {"prod": "infra/prod/**"}},
    {"local-configurations": True, "respect-gitignore": False},
    {
        "inventory": {
            "subscription": "prod",
            "vnet-services": [{"vnet": "a", "service": "hdinsight", "subnet": "s"}],
            "vnet-peerings": [{"vnet": "a", "peer": "b"}],
            "application-gateways": [{"name": "g", "vnet": "a", "subnets": ["x"]}],
            "expressroute-authorization-links": [{"circuit": "c"}],
        }
    },
]
INVALID = [
    {"selct": ["MIG2"]},
    {"select": 201},
    {"select": []},
    {"select": ""},
    {"select": [""]},
    {"fail-on": "fatal"},
    {"severity": {"MIG105": "critical"}},
    {"local-configurations": "yes"},
    {"baseline": "  "},
    {"per-file-ignores": {"x/**": [1]}},
    {"cloud-services": ["vms/*"]},
    {"inventory": {"vnet-services": [{"vnet": "a"}]}},  # service missing
    {"inventory": {"vnet-services": [{"vnet": "a", "service": "cosmos"}]}},
    {"inventory": {"vnet-peerings": [{"vnet": "a", "peer": "b", "color": "red"}]}},
    {"inventory": {"peerings": []}},
]


@pytest.mark.parametrize("table", VALID, ids=lambda t: ",".join(t) or "empty")
def test_what_the_schema_accepts_the_parser_accepts(table):
    jsonschema.validate(table, json_schema())
    parse_settings(table, "migcheck.toml")  # no ConfigError


@pytest.mark.parametrize("table", INVALID, ids=lambda t: json.dumps(t)[:40])
def test_what_the_schema_refuses_the_parser_refuses(table):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(table, json_schema())
    with pytest.raises(ConfigError):
        parse_settings(table, "migcheck.toml")


def test_the_pyproject_schema_checks_tool_migcheck_and_leaves_the_rest_alone():
    schema = pyproject_schema()
    jsonschema.validate({"project": {"name": "x"}, "tool": {"ruff": {"line-length": 1}}}, schema)
    jsonschema.validate({"tool": {"migcheck": VALID[-1]}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"tool": {"migcheck": {"fail-on": "fatal"}}}, schema)


def test_the_defaults_in_the_schema_are_the_parsers_defaults():
    from migcheck.config import Config, settings_table

    defaults = settings_table(Config())
    for key, prop in json_schema()["properties"].items():
        if "default" in prop:
            assert prop["default"] == defaults[key]


# --- a migcheck.toml: its settings at the top level, or all in [tool.migcheck] --------------------------

# (the file as written, what a TOML reader makes of it)
SETTINGS_FILES_READ = [
    ('select = ["MIG304"]\n', {"select": ["MIG304"]}),
    ('[tool.migcheck]\nselect = ["MIG304"]\n', {"tool": {"migcheck": {"select": ["MIG304"]}}}),
    (
        '[tool.migcheck]\nselect = ["MIG304"]\n[tool.ruff]\nline-length = 100\n',
        {"tool": {"migcheck": {"select": ["MIG304"]}, "ruff": {"line-length": 100}}},
    ),
]
SETTINGS_FILES_REFUSED = [
    (  # two places: one of them would be dropped without a word
        'select = ["MIG303"]\n[tool.migcheck]\nselect = ["MIG304"]\n',
        {"select": ["MIG303"], "tool": {"migcheck": {"select": ["MIG304"]}}},
    ),
    (
        'select = ["MIG303"]\n[tool.ruff]\nline-length = 100\n',
        {"select": ["MIG303"], "tool": {"ruff": {"line-length": 100}}},
    ),
    (
        "[tool.ruff]\nline-length = 100\n",
        {"tool": {"ruff": {"line-length": 100}}},
    ),  # nothing of it is migcheck's
    ("[tool.migcheck.tool.migcheck]\n", {"tool": {"migcheck": {"tool": {"migcheck": {}}}}}),
]


def _read_settings_file(tmp_path: Path, text: str) -> object:
    (tmp_path / "migcheck.toml").write_text(text, encoding="utf-8")
    return load_config(start=str(tmp_path))


@pytest.mark.parametrize(("text", "data"), SETTINGS_FILES_READ, ids=lambda t: str(t)[:40])
def test_a_migcheck_toml_the_schema_accepts_is_read(tmp_path, text, data):
    jsonschema.validate(data, settings_file_schema())
    assert _read_settings_file(tmp_path, text).select == ("MIG304",)


@pytest.mark.parametrize(("text", "data"), SETTINGS_FILES_REFUSED, ids=lambda t: str(t)[:40])
def test_a_migcheck_toml_the_schema_refuses_is_refused(tmp_path, text, data):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, settings_file_schema())
    with pytest.raises(ConfigError):
        _read_settings_file(tmp_path, text)


def test_settings_in_two_places_are_named_both(tmp_path):
    with pytest.raises(ConfigError) as raised:
        _read_settings_file(tmp_path, SETTINGS_FILES_REFUSED[0][0])
    said = str(raised.value)
    assert (
        "has settings at its top level (select) and in [tool.migcheck]; keep the settings in one place"
        in said
    )


def test_the_settings_file_schema_is_a_schema_and_its_table_the_settings():
    schema = settings_file_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    assert list(schema["properties"]) == [*_KEYS, "tool"]
