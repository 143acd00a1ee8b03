"""Under `pytest --migcheck`, an error's advice names what pytest offers: it has neither `--config` nor
`--write-baseline`, so a bad settings file is to be fixed, and a missing or broken baseline is written by
the `migcheck check` command, run in pytest's rootdir. `migcheck check` keeps naming its own options."""

from __future__ import annotations

import pytest
from plugin_support import NET, QUIET, SHOP

from migcheck.cli import main

pytest_plugins = ["pytester"]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_inprocess("--migcheck", *QUIET, "-m", "migcheck", *args)


def test_a_settings_file_that_is_not_toml_is_to_be_fixed_not_replaced(
    estate: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    (estate.path / "migcheck.toml").write_text('select = ["MIG2"\n')
    result = run(estate)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    error = result.stderr.str()
    assert "migcheck.toml:2:1: not valid TOML: " in error and error.rstrip().endswith("; fix it")
    assert "--config" not in error
    capsys.readouterr()
    assert main(["check", str(estate.path)]) == 2
    assert capsys.readouterr().err.rstrip().endswith("; fix it, or name another settings file with --config")


def test_a_settings_file_that_is_not_utf8_is_to_be_saved_as_utf8(estate: pytest.Pytester) -> None:
    (estate.path / "migcheck.toml").write_bytes('select = ["caf\u00e9"]\n'.encode("latin-1"))
    error = run(estate).stderr.str()
    assert "is not UTF-8 text" in error and error.rstrip().endswith("save it as UTF-8")


def test_a_missing_baseline_names_the_command_that_records_it(
    estate: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    (estate.path / "migcheck.toml").write_text('baseline = "nope.json"\n')
    result = run(estate)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            "ERROR: migcheck: migcheck.toml:1:12: `baseline`: cannot read baseline nope.json: No such file or "
            "directory; record the current findings in it: run `migcheck check --write-baseline nope.json` "
            "in pytest's rootdir (or pass it over for this run with --migcheck-no-baseline)"
        ]
    )
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(estate.path)
        assert main(["check", "."]) == 2
    assert (
        capsys.readouterr()
        .err.rstrip()
        .endswith(
            "; record the current findings in it with --write-baseline nope.json (or pass it over for this run "
            "with --no-baseline)"
        )
    )


def test_a_broken_baseline_names_the_command_that_writes_a_new_one(estate: pytest.Pytester) -> None:
    (estate.path / "migcheck.toml").write_text('baseline = "known.json"\n')
    (estate.path / "known.json").write_text('{"version": 7, "findings": []}\n')
    error = run(estate).stderr.str()
    assert "baseline known.json has version 7" in error
    assert "(write a new one: run `migcheck check --write-baseline known.json` in pytest's rootdir)" in error


def test_recording_the_baseline_as_advised_lets_the_plugin_run(
    estate: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    (estate.path / "migcheck.toml").write_text('baseline = "nope.json"\n')
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(estate.path)
        assert main(["check", "--write-baseline", "nope.json"]) == 0
    capsys.readouterr()
    assert run(estate).ret == pytest.ExitCode.OK


def test_a_baseline_outside_the_project_is_to_be_moved_or_removed(
    estate: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    """pytest has no --baseline to give the file instead; `migcheck check` has, and says so."""
    (estate.path / "migcheck.toml").write_text('baseline = "../known.json"\n')
    error = run(estate).stderr.str()
    assert "is outside the project" in error and "--baseline" not in error
    assert error.rstrip().endswith("put the baseline in that folder or below it, or remove the setting")
    capsys.readouterr()
    assert main(["check", str(estate.path)]) == 2
    assert (
        capsys.readouterr()
        .err.rstrip()
        .endswith("or give the file with --baseline (the setting is then passed over)")
    )


def test_a_plugin_that_gives_no_rules_is_warned_about_in_the_summary(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    import migcheck.plugins

    idle = types.SimpleNamespace(
        name="contoso",
        dist=types.SimpleNamespace(name="contoso-rules"),
        load=lambda: types.ModuleType("contoso_rules"),
    )
    monkeypatch.setattr(migcheck.plugins, "_entry_points", lambda: [idle])
    result = run(estate, "--migcheck-select", "MIG201")
    lines = [line for line in result.stdout.lines if "gives no rules" in line]
    assert len(lines) == 1
    assert lines[0].startswith(
        "warning: plugin contoso-rules[contoso] gives no rules: contoso_rules has no `migcheck_rules` hook"
    )


# --- an item named on the command line that is never collected -------------------------------------


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("MIG999", "no rule 'MIG999'; the items of a classic file are named by rule code (MIG201)"),
        ("MIG2O1", "no rule 'MIG2O1' (did you mean MIG201?); "),
        ("endpoint-acl", "the items of a classic file are named by rule code: {path}::MIG201"),
        ("MIG101", "MIG101 has no item on {path}: the file holds nothing it looks at"),
    ],
)
def test_an_item_that_cannot_be_says_why_not_just_not_found(
    estate: pytest.Pytester, name: str, said: str
) -> None:
    result = run(estate, f"{NET}::{name}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: migcheck: {NET}::{name}: {said.format(path=NET)}*"])


def test_an_item_of_a_rule_left_out_says_it_does_not_run(estate: pytest.Pytester) -> None:
    result = run(estate, "--migcheck-select", "MIG003", f"{SHOP}::MIG201")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: migcheck: {SHOP}::MIG201: MIG201 does not run: *"])


def test_an_item_that_is_there_still_runs(estate: pytest.Pytester) -> None:
    result = run(estate, f"{SHOP}::MIG201")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(failed=1)
