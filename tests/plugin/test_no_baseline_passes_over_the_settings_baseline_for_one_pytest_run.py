"""`pytest --migcheck --migcheck-no-baseline` applies no baseline, not even the one the settings name, as
`migcheck check --no-baseline` does: every finding counts for that run, and a baseline the settings name
that is missing or broken is not read. Without `--migcheck` the option is refused as the others are."""

from __future__ import annotations

import pytest
from plugin_support import QUIET, SELECTED, SHOP

pytest_plugins = ["pytester"]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_inprocess("--migcheck", *QUIET, "-m", "migcheck", *SELECTED, *args)


def test_a_finding_the_baseline_knows_fails_its_item_again(baselined: pytest.Pytester) -> None:
    run(baselined).assert_outcomes(failed=1, passed=4)  # the broken file only
    result = run(baselined, "--migcheck-no-baseline", "-rf")
    result.assert_outcomes(failed=2, passed=3)
    result.stdout.fnmatch_lines([f"FAILED {SHOP}::MIG201*"])
    assert "known from baseline" not in result.stdout.str()


def test_a_missing_baseline_the_settings_name_is_not_read(baselined: pytest.Pytester) -> None:
    (baselined.path / "ci" / "baseline.json").unlink()
    error = run(baselined).stderr.str()
    # The error says how to pass the setting over, as `migcheck check` names its --no-baseline.
    assert error.rstrip().endswith("(or pass it over for this run with --migcheck-no-baseline)")
    run(baselined, "--migcheck-no-baseline").assert_outcomes(failed=2, passed=3)


def test_the_option_without_migcheck_is_a_usage_error(estate: pytest.Pytester) -> None:
    result = estate.runpytest_inprocess(*QUIET, "--migcheck-no-baseline")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: migcheck: --migcheck-no-baseline needs --migcheck*"])


def test_the_help_says_what_the_option_does(estate: pytest.Pytester) -> None:
    text = " ".join(estate.runpytest_inprocess(*QUIET, "--help").stdout.str().split())
    assert "--migcheck-no-baseline apply no baseline, not even the config's baseline" in text
