"""Config: strict parsing, discovery of the file, and rule selection by code, prefix and name."""

from __future__ import annotations

import pytest

from migcheck.cli import main
from migcheck.config import (
    Config,
    ConfigError,
    check_settings_rules,
    enabled_codes,
    load_config,
    parse_settings,
    severity_overrides,
)
from migcheck.model import Severity
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)


def test_pyproject_table_is_found_from_a_subfolder(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.migcheck]\nignore = ["MIG1"]\nfail-on = "warning"\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    config = load_config()
    assert config.ignore == ("MIG1",)
    assert config.fail_on is Severity.WARNING


def test_pyproject_without_table_gives_defaults(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    monkeypatch.chdir(tmp_path)
    assert load_config().select == ()


def test_migcheck_toml_is_top_level(tmp_path):
    (tmp_path / "migcheck.toml").write_text('select = ["MIG2"]\n[per-file-ignores]\n"legacy/" = ["MIG201"]\n')
    config = load_config(str(tmp_path / "migcheck.toml"))
    assert config.select == ("MIG2",)
    assert config.per_file_ignores == {"legacy/": ("MIG201",)}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selct": ["MIG1"]}, "unknown setting `selct` (did you mean `select`?)"),
        ({"fail-on": "fatal"}, "`fail-on` must be one of error, warning, info, got 'fatal'"),
        ({"ignore": "MIG1"}, None),
        ({"ignore": [1]}, "must be a list of strings"),
        ({"severity": {"MIG201": "loud"}}, "severity.MIG201"),
        ({"local-configurations": "yes"}, "must be true or false"),
        ({"baseline": ["a.json"]}, "`baseline` must be a path"),
        ({"baseline": ""}, "`baseline` must be a path"),
    ],
)
def test_bad_settings_say_what_and_where(table, message):
    if message is None:
        assert parse_settings(table, "pyproject.toml").ignore == ("MIG1",)
        return
    with pytest.raises(ConfigError, match=r"pyproject\.toml") as info:
        parse_settings(table, "pyproject.toml")
    assert message in str(info.value)


def test_baseline_is_relative_to_the_config_file(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "ci/migcheck-baseline.json"\n')
    (tmp_path / "infra" / "legacy").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "infra" / "legacy")
    expected = tmp_path / "ci" / "migcheck-baseline.json"
    assert load_config().baseline == str(expected)
    monkeypatch.chdir(tmp_path / "infra")
    assert load_config("../pyproject.toml").baseline == str(expected)
    assert load_config().with_overrides(baseline="mine.json").baseline == "mine.json"  # --baseline
    assert Config().baseline == ""


def test_invalid_toml_is_a_config_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(str(tmp_path / "pyproject.toml"))


def test_selection_by_code_prefix_and_name():
    assert enabled_codes(RULES, ["MIG2"], []) == {r.code for r in RULES if r.code.startswith("MIG2")}
    assert "MIG201" not in enabled_codes(RULES, [], ["endpoint-acl"])
    assert enabled_codes(RULES, ["MIG201"], ["MIG2"]) == {"MIG201"}  # the more specific token wins
    assert "MIG201" not in enabled_codes(RULES, ["MIG2"], ["MIG201"])


def test_unknown_rule_is_an_error():
    with pytest.raises(ConfigError, match="unknown rule 'MIG999' in select"):
        enabled_codes(RULES, ["MIG999"], [])


def test_severity_override_by_name_and_prefix():
    overrides = severity_overrides(RULES, {"MIG2": Severity.WARNING, "endpoint-acl": Severity.INFO})
    assert overrides["MIG201"] is Severity.INFO
    assert overrides["MIG202"] is Severity.WARNING


def test_the_most_specific_severity_override_wins_whatever_the_order():
    overrides = severity_overrides(
        RULES,
        {
            "endpoint-acl": Severity.INFO,
            "MIG201": Severity.ERROR,
            "MIG": Severity.WARNING,
            "ALL": Severity.ERROR,
        },
    )
    assert overrides["MIG201"] is Severity.INFO  # the name beats the code
    assert overrides["MIG202"] is Severity.WARNING  # MIG beats ALL, though ALL is as long and written last


# --- a config file is data: whatever it holds, a ConfigError naming it --------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'tool = "x"\n', "`tool` must be a table"),
        (b"[tool]\nmigcheck = 3\n", "[tool.migcheck] must be a table, got 3"),
        (b"[tool]\nmigcheck = 0\n", "[tool.migcheck] must be a table, got 0"),
        (b'[tool.migcheck]\nselect = ["\xff"]\n', "is not UTF-8 text (byte 0xff at offset 27)"),
        (b"[tool.migcheck]\nselect = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply"),
        (b"[tool.migcheck]\nselect = {" + b"a = {" * 50_000 + b"}" * 50_001 + b"\n", "nested too deeply"),
        (b"[tool.migcheck\n", ":1:15: not valid TOML"),
        # Python converts no decimal integer of over 4,300 digits, and the TOML parser lets it say so with
        # a ValueError; a hexadecimal one parses, and no `repr` of it can be shown.
        (
            b"[tool.migcheck]\nfail-on = 1" + b"9" * 5000 + b"\n",
            ":2:11: not readable TOML: an integer of 5,001 digits",
        ),
        (b"[tool.migcheck]\nfail-on = 0x" + b"F" * 5000 + b"\n", "got an integer too long to show"),
        (b"[tool.migcheck]\nselect = [0x" + b"F" * 5000 + b"]\n", "got a value too long to show"),
        (b'[tool.migcheck]\n"\\u001b]0;x\\u0007" = 1\n', "unknown setting `\\x1b]0;x\\x07`"),
        (b'[tool.migcheck]\nexclude = ["\\\\"]\n', "is not a valid gitignore pattern"),
        (b'[tool.migcheck.per-file-ignores]\n"\\\\" = ["MIG1"]\n', "is not a valid gitignore pattern"),
        (b'[tool.migcheck]\nrespect-gitignore = "no"\n', "must be true or false"),
    ],
    ids=lambda value: value[:24] if isinstance(value, bytes) else None,
)
def test_a_malformed_config_file_is_an_error_naming_it(tmp_path, content, words):
    (tmp_path / "pyproject.toml").write_bytes(content)
    with pytest.raises(ConfigError) as info:
        load_config(start=str(tmp_path))
    assert "pyproject.toml" in str(info.value)
    assert words in str(info.value)


@pytest.mark.parametrize("target", ["/dev/zero", "folder"])
def test_a_config_file_that_is_not_a_regular_file_is_refused(tmp_path, target):
    (tmp_path / "folder").mkdir()
    (tmp_path / "migcheck.toml").symlink_to(target if target.startswith("/") else tmp_path / target)
    with pytest.raises(ConfigError, match=r"cannot read config file .*migcheck\.toml: not a regular file"):
        load_config(str(tmp_path / "migcheck.toml"))


def test_paths_are_relative_to_the_config_file(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.migcheck]\nexclude = ["/legacy/"]\nbaseline = "ci/baseline.json"\n'
        '[tool.migcheck.per-file-ignores]\n"shop/*.cscfg" = ["MIG201"]\n'
    )
    (tmp_path / "shop").mkdir()
    monkeypatch.chdir(tmp_path / "shop")
    config = load_config()
    assert config.root == str(tmp_path)
    assert config.baseline == str(tmp_path / "ci" / "baseline.json")
    assert config.exclude == ("/legacy/",) and config.exclude[0].root == str(tmp_path)  # type: ignore[attr-defined]
    (glob,) = config.per_file_ignores
    assert glob == "shop/*.cscfg" and glob.root == str(tmp_path)  # type: ignore[attr-defined]


def test_respect_gitignore_setting():
    assert parse_settings({}, "pyproject.toml").respect_gitignore is True
    assert parse_settings({"respect-gitignore": False}, "pyproject.toml").respect_gitignore is False


# --- messages that say where the mistake is and what is accepted ---------------------------------------


@pytest.mark.parametrize(
    ("setting", "where"),
    [
        ('select = ["MIG999"]', "migcheck.toml:1:10: unknown rule 'MIG999' in `select`"),
        ('ignore = ["MIG999"]', "migcheck.toml:1:10: unknown rule 'MIG999' in `ignore`"),
        ('[severity]\nMIG999 = "error"', "migcheck.toml:2:1: unknown rule 'MIG999' in `severity`"),
    ],
    ids=["select", "ignore", "severity"],
)
def test_an_unknown_rule_in_the_config_names_the_file_and_what_a_rule_may_be(
    tmp_path, monkeypatch, setting, where
):
    (tmp_path / "migcheck.toml").write_text(setting + "\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        check_settings_rules(RULES, load_config())
    assert str(info.value) == (
        f"{where}: use a code (MIG201), a prefix (MIG2), a name (endpoint-acl) or "
        "ALL; `migcheck rules` lists them"
    )


def test_the_command_line_reports_an_unknown_rule_of_the_config_with_its_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "migcheck.toml").write_text('[severity]\nendpoint-acls = "warning"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--select", "MIG201"]) == 2  # an option does not hide the file's mistake
    err = capsys.readouterr().err
    assert err.startswith(
        "migcheck: error: migcheck.toml:2:1: unknown rule 'endpoint-acls' in `severity` (did you mean "
        "endpoint-acl?): use a code (MIG201)"
    )


def test_a_severity_override_of_no_rule_says_what_a_rule_may_be():
    with pytest.raises(ConfigError, match=r"in severity overrides: use a code \(MIG201\), a prefix"):
        severity_overrides(RULES, {"MIG999": Severity.INFO})


@pytest.mark.parametrize(
    ("pattern", "column"),
    [("[z-a]", 2), ("infra/[z-a]*.cscfg", 8), ("[!z-a]", 3), ("x/[9-0]/[b-a]", 4)],
)
def test_a_bad_range_in_a_pattern_is_placed_in_the_pattern(tmp_path, pattern, column):
    (tmp_path / "migcheck.toml").write_text(f'exclude = ["docs/z-a/", "{pattern}"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(start=str(tmp_path))
    message = str(info.value)
    assert "position" not in message
    bad_range = pattern[column - 1 : column + 2]
    assert message.endswith(f"(bad character range {bad_range} at character {column} of the pattern)")


def test_an_empty_config_path_names_no_file():
    with pytest.raises(ConfigError, match=r"^no settings file named \(an empty path\)$"):
        load_config("")


def test_a_baseline_no_relative_path_leads_to_is_shown_as_it_is(monkeypatch):
    """On Windows a baseline on another drive has no path relative to the settings' folder: relpath raises,
    and --show-settings writes the absolute path rather than a traceback."""
    import os

    from migcheck import config

    def other_drive(path: str, start: str) -> str:
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(os.path, "relpath", other_drive)
    assert config._relative_to_root("D:/known.json", "C:/repo") == "D:/known.json"
