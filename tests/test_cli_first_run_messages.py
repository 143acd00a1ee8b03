"""What a new user meets on the command line: every bad option or value is answered with what is wrong
and a line naming the command's --help; a folder that cannot be listed is named as given and says how to
fix it; a run that checked no classic file does not say "All clear"; the schema's defaults are values the
settings accept."""

from __future__ import annotations

import dataclasses
import os

import jsonschema
import pytest
from lint_support import PROD_NETCFG as NETCFG
from lint_support import run_cli

from migcheck.config import Config, ConfigError, json_schema, parse_settings
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.report.text import summary


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "net").mkdir()
    (tmp_path / "net" / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- a bad option or value: what is wrong, then the command's --help ---------------------------------


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["check", "--format", "foo"], "unknown format 'foo'; choose one of text, "),
        (["check", "--select", "MIG999"], "unknown rule 'MIG999' in --select: use a code (MIG201)"),
        (["check", "--ignore", "MIG2O1"], "unknown rule 'MIG2O1' in --ignore (did you mean MIG201?)"),
        (["check", "--select", ""], "--select '' names no rule: give codes (MIG201)"),
        (
            ["check", "--config", ""],
            "--config: no file named (an empty path); name a settings file, or leave",
        ),
        (
            ["check", "--output-file", ""],
            "--output-file: no file named (an empty path); name the file to write",
        ),
        (["check", "--fix", "--diff"], "--fix and --diff cannot be used together: "),
        (["check", "--show-files", "--fix"], "--show-files and --fix cannot be used together: "),
        (["check", "--unsafe-fixes"], "--unsafe-fixes adds to --fix or --diff: give one of them too"),
        (["check", "--fix", "-"], "--fix cannot write standard input; use --diff"),
        (["check", "--stdin-filename", "net/", "-"], "--stdin-filename net/: it ends with a separator"),
        (["plan", "--config", ""], "--config: no file named (an empty path); name a settings file"),
        (["plan", "--select", "MIG999"], "unknown rule 'MIG999' in --select"),
        (["badge", "--select", ","], "--select ',' names no rule"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_bad_option_or_value_is_what_is_wrong_and_the_command_s_help(repo, capsys, argv, said):
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        err.splitlines()[0],
        f"Run 'migcheck {argv[0]} --help' for its options.",
    ]
    assert err.startswith(f"migcheck: error: {said}")


def test_argparse_errors_and_migcheck_s_own_end_alike(repo, capsys):
    with pytest.raises(SystemExit):
        run_cli(capsys, "check", "--fail-on", "bogus")
    argparse_help = capsys.readouterr().err.splitlines()[-1]
    own_help = run_cli(capsys, "check", "--format", "foo")[2].splitlines()[-1]
    assert argparse_help == own_help == "Run 'migcheck check --help' for its options."


def test_a_bad_settings_file_is_no_bad_option(repo, capsys):
    (repo / "migcheck.toml").write_text('select = ["MIG999"]\n')
    code, _, err = run_cli(capsys, "check")
    assert code == 2 and "--help" not in err


# --- a folder that cannot be listed ------------------------------------------------------------------


def _deny(monkeypatch, name):
    real_scandir = os.scandir

    def scandir(path=".", *args):
        if os.path.basename(os.path.abspath(os.fspath(path))) == name:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("named", ["net", "net/", "./net"])
def test_a_folder_named_on_the_command_line_that_cannot_be_listed_is_shown_as_named(
    repo, capsys, monkeypatch, named
):
    _deny(monkeypatch, "net")
    code, out, _ = run_cli(capsys, "check", named, "--format", "concise")
    assert code == 1
    assert out.splitlines()[0] == "net:1:1: MIG001 [error] cannot read the folder: Permission denied"


def test_a_folder_that_cannot_be_listed_says_to_give_permission_or_exclude_it(repo, capsys, monkeypatch):
    (repo / "net" / "old").mkdir()
    _deny(monkeypatch, "old")
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 1
    assert "net/old:1:1: MIG001 [error] cannot read the folder: Permission denied" in out
    assert (
        "= help: Give the folder read and execute permission, or leave it out with [tool.migcheck] exclude "
        "of pyproject.toml (`exclude` of migcheck.toml)." in out
    )
    assert "name it explicitly on the command line" not in out
    (repo / "migcheck.toml").write_text('exclude = ["net/old/"]\n')  # as the help says
    assert run_cli(capsys, "check", ".")[0] == 0


# --- a run that checked no classic file ---------------------------------------------------------------


def test_an_empty_folder_checks_nothing_and_says_so_not_all_clear(repo, capsys):
    (repo / "docs").mkdir()
    code, out, err = run_cli(capsys, "check", "docs")
    assert code == 0  # as documented: a warning, not a failure
    assert out == "Nothing checked: no classic files, so no findings.\n"
    assert "All clear" not in out and "migcheck: warning: no classic Azure files under docs" in err


@pytest.mark.parametrize(
    ("setting", "named", "said"),
    [
        ('exclude = ["net/"]', "net/NetworkConfig.netcfg", "migcheck.toml's `exclude` 'net/' let through"),
        ('include = ["infra/**"]', "net", "migcheck.toml's `include` 'infra/**' let through"),
    ],
)
def test_a_run_the_settings_leave_with_nothing_names_the_patterns(repo, capsys, setting, named, said):
    """`include` and `exclude` apply to what the command line names too (a pre-commit hook names each
    file): a classic file they leave out must not read as one that holds nothing classic."""
    (repo / "net").mkdir(exist_ok=True)
    (repo / "net" / "NetworkConfig.netcfg").write_text(NETCFG)
    (repo / "migcheck.toml").write_text(setting + "\n")
    code, out, err = run_cli(capsys, "check", named)
    assert code == 0 and out == "Nothing checked: no classic files, so no findings.\n"
    assert f"or none that {said} (they apply to files named too; `--show-files` lists" in err


def test_the_patterns_named_are_shown_escaped(repo, capsys):
    """A settings file is the repository's: a pattern holding a CI command does not reach the log as one."""
    (repo / "migcheck.toml").write_text('include = ["x\\n##vso[task.complete result=Failed]"]\n')
    (repo / "docs").mkdir()
    err = run_cli(capsys, "check", "docs")[2]
    assert "let through" in err and "##vso[" not in err


def test_an_empty_folder_without_patterns_names_none(repo, capsys):
    (repo / "docs").mkdir()
    assert "let through" not in run_cli(capsys, "check", "docs")[2]


def test_a_selection_that_read_no_file_says_what_it_left_unread(repo):
    (repo / "docs").mkdir()
    result = lint(["docs"], Config(), load_rules(entry_points=False))
    line = summary(dataclasses.replace(result, unread=2))
    assert line == (
        "Nothing checked: no classic files read, so no findings (2 more files not read: the selected rules "
        "do not need them)."
    )


def test_a_run_over_classic_files_still_says_all_clear(repo, capsys):
    assert run_cli(capsys, "check")[1].endswith("\nAll clear: no findings in 1 file.\n")


# --- the schema's defaults ----------------------------------------------------------------------------


def test_every_default_in_the_schema_is_a_value_the_schema_and_the_settings_accept():
    schema = json_schema()
    defaults = {key: prop["default"] for key, prop in schema["properties"].items() if "default" in prop}
    assert defaults["select"] == ["ALL"]  # every rule, as `--show-settings` writes it
    for key, value in defaults.items():
        jsonschema.validate({key: value}, schema)
        try:
            parse_settings({key: value}, "migcheck.toml")
        except ConfigError as exc:  # pragma: no cover - the failure this test is for
            pytest.fail(f"the schema's default of {key} is refused: {exc}")
