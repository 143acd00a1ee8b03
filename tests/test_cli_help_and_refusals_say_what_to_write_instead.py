"""A first-time user's slips on the command line are answered with what to write instead: a format of
another command names that command, a near miss the format meant, rules written together with spaces how
to separate them; and each command's --help says what it does, how it exits and shows an example."""

from __future__ import annotations

import pytest
from lint_support import PROD_NETCFG as NETCFG
from lint_support import run_cli

from migcheck.cli import _parser
from migcheck.completion import RULES, describe


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _error(capsys, *argv: str) -> str:
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (2, "")
    return err.splitlines()[0]


# --- check --format ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "command"), [("markdown", "plan"), ("html", "plan"), ("HTML", "plan"), ("svg", "badge")]
)
def test_check_asked_for_another_commands_format_names_that_command(repo, capsys, written, command):
    wanted = written.lower()
    assert _error(capsys, "check", "--format", written) == (
        f"migcheck: error: unknown format '{written}': {wanted} is a format of `migcheck {command}` "
        f"(`migcheck {command} --format {wanted}`); for check, choose one of text, concise, json, "
        "report-json, sarif, github, azure, gitlab, junit"
    )


@pytest.mark.parametrize(
    ("command", "written", "writer", "choices"),
    [
        ("plan", "sarif", "check", "text, markdown, html, json"),
        ("plan", "junit", "check", "text, markdown, html, json"),
        ("plan", "svg", "badge", "text, markdown, html, json"),
        ("badge", "markdown", "plan", "svg, shields"),
    ],
)
def test_plan_and_badge_asked_for_another_commands_format_name_that_command(
    repo, capsys, command, written, writer, choices
):
    assert _error(capsys, command, "--format", written) == (
        f"migcheck: error: unknown format '{written}': {written} is a format of `migcheck {writer}` "
        f"(`migcheck {writer} --format {written}`); for {command}, choose one of {choices}"
    )


def test_plan_format_near_miss_says_the_format_meant(repo, capsys):
    assert _error(capsys, "plan", "--format", "markdwn") == (
        "migcheck: error: unknown format 'markdwn' (did you mean markdown?); choose one of text, markdown, html, json"
    )


@pytest.mark.parametrize(("written", "meant"), [("josn", "json"), ("junti", "junit"), ("SARIF", "sarif")])
def test_check_format_near_miss_says_the_format_meant(repo, capsys, written, meant):
    assert _error(capsys, "check", "--format", written).startswith(
        f"migcheck: error: unknown format '{written}' (did you mean {meant}?); choose one of text, "
    )


def test_check_format_far_from_any_guesses_none(repo, capsys):
    assert "did you mean" not in _error(capsys, "check", "--format", "yaml")


# --- rules written together -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "plan", "badge"])
@pytest.mark.parametrize(
    ("option", "written", "separated"),
    [
        ("--select", "MIG201 MIG202", "MIG201,MIG202"),
        ("--ignore", "MIG201; endpoint-acl", "MIG201,endpoint-acl"),
    ],
)
def test_rules_written_together_on_the_command_line_are_told_to_be_separated_with_commas(
    repo, capsys, command, option, written, separated
):
    assert _error(capsys, command, option, written) == (
        f"migcheck: error: unknown rule '{written}' in {option}: separate them with commas ({separated})"
    )


def test_rules_written_together_in_the_settings_are_told_to_be_strings_of_their_own(repo, capsys):
    (repo / "migcheck.toml").write_text('select = ["MIG201 MIG2"]\n')
    assert _error(capsys, "check") == (
        "migcheck: error: migcheck.toml:1:10: unknown rule 'MIG201 MIG2' in `select`: write each rule as a "
        'string of its own ("MIG201", "MIG2")'
    )
    (repo / "migcheck.toml").write_text('[severity]\n"MIG201,MIG202" = "info"\n')
    assert _error(capsys, "check") == (
        "migcheck: error: migcheck.toml:2:1: unknown rule 'MIG201,MIG202' in `severity`: give each rule a key "
        "of its own"
    )


def test_a_value_with_a_space_and_a_part_that_names_no_rule_says_what_a_rule_is(repo, capsys):
    said = _error(capsys, "check", "--select", "MIG201 MIG999")
    assert "separate them" not in said and "use a code (MIG201), a prefix (MIG2), a name" in said


# --- --help -----------------------------------------------------------------------------------------


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as ended:
        run_cli(capsys, *argv, "--help")
    assert ended.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps to the terminal's width


@pytest.mark.parametrize("command", ["check", "plan", "badge"])
def test_select_and_ignore_help_says_how_rules_are_written(capsys, command):
    shown = _help(capsys, command)
    assert "--select RULES only these rules: comma-separated codes, prefixes or names" in shown
    assert "(MIG201,MIG3,endpoint-acl)" in shown


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("check", "Exit 0: nothing at or above --fail-on; 1: findings at or above it; 2:"),
        ("plan", "Exit 0 whatever the plan says (`migcheck check` is the gate)"),
        ("badge", "Exit 0 when it wrote the badge, whatever it says"),
        ("rule", "a prefix (MIG2, MIG, ALL) lists the rules it names"),
        ("rules", "List every rule"),
        ("completion", "completes migcheck's commands"),
    ],
)
def test_each_command_help_says_what_it_does_and_shows_an_example(capsys, command, said):
    shown = _help(capsys, command)
    assert said in shown
    assert f"migcheck {command} " in shown.partition("options:")[2]  # the example, after the options


def test_rule_help_and_completion_name_prefixes_too(capsys):
    assert "usage: migcheck rule [-h] CODE|NAME|PREFIX" in _help(capsys, "rule")
    _, commands = describe(_parser())
    rule = next(command for command in commands if command.name == "rule")
    assert rule.positional is not None and rule.positional.kind == RULES
