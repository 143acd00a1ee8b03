"""How items pass and fail: the fail-on threshold, the failure text (the CLI's, never a traceback),
the `migcheck` summary section, suppressions, and usage errors for bad settings or plugins."""

from __future__ import annotations

import types

import pytest
from plugin_support import BROKEN_CSCFG, ENDPOINT_ACL, NET, QUIET, SELECTED, SHOP, SUPPRESSION, VM, outcomes

import migcheck.plugins
from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.report.text import render

pytest_plugins = ["pytester"]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    # -m migcheck: leave out the estate's own Python test.
    return pytester.runpytest_inprocess("--migcheck", *QUIET, "-m", "migcheck", *SELECTED, *args)


def test_items_fail_exactly_where_there_are_errors(estate: pytest.Pytester) -> None:
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    failed = {n for n, outcome in outcomes(reprec).items() if outcome == "failed"}
    assert failed == {f"{BROKEN_CSCFG}::MIG001", f"{SHOP}::MIG201"}
    assert outcomes(reprec)[f"{SHOP}::MIG003"] == "passed"  # a warning, below the default threshold


def test_a_failure_prints_the_findings_as_the_cli_does(estate: pytest.Pytester) -> None:
    result = run(estate)
    cli = render(lint(["."], Config(select=("MIG001", "MIG003", "MIG201")), migcheck.plugins.load_rules()))
    block = cli[cli.index(f"{SHOP}:10:7: MIG201") :].split("\n\n")[0]
    assert block.count("\n") == 4  # headline, source line between gutters, help
    output = result.stdout.str()
    assert block in output
    assert "Traceback" not in output and "MigcheckFailure" not in output and "runtest" not in output
    result.stdout.fnmatch_lines([f"_* {SHOP}::MIG201 endpoint-acl _*", f"{SHOP}:10:7: MIG201 *"])


def test_reportinfo_points_at_the_first_finding(estate: pytest.Pytester) -> None:
    items, _ = estate.inline_genitems("--migcheck", *QUIET, *SELECTED)
    locations = {item.nodeid: item.location for item in items}
    assert locations[f"{SHOP}::MIG201"] == (SHOP, 9, f"{SHOP}::MIG201 endpoint-acl")  # 0-based line
    assert locations[f"{SHOP}::MIG003"][1] == 14
    assert locations[f"{VM}::MIG003"][1] == 0  # no finding: the file's first line


def test_findings_below_the_threshold_are_listed_in_the_summary(estate: pytest.Pytester) -> None:
    result = run(estate)
    result.stdout.fnmatch_lines(
        [
            "*= migcheck =*",
            f"{SHOP}:15:32: MIG003 [warning] subnet 'Backend' is not a subnet of virtual network 'prod'",
            "5 checks of 4 files: 1 finding below error (passed), 0 suppressed",
        ]
    )
    result.assert_outcomes(failed=2, passed=3)


@pytest.mark.parametrize(
    ("args", "config", "failed"),
    [
        (("--migcheck-fail-on", "warning"), "", 3),
        ((), 'fail-on = "warning"', 3),
        (("--migcheck-fail-on", "error"), 'fail-on = "warning"', 2),  # the option wins
    ],
)
def test_fail_on_threshold(estate: pytest.Pytester, args: tuple[str, ...], config: str, failed: int) -> None:
    estate.makepyprojecttoml(f"[tool.migcheck]\n{config}\n")
    result = run(estate, *args)
    result.assert_outcomes(failed=failed, passed=5 - failed)
    if failed == 3:
        result.stdout.fnmatch_lines([f"FAILED {SHOP}::MIG003 - *"])


def test_suppressed_findings_pass_and_are_counted(estate: pytest.Pytester) -> None:
    shop = estate.path / SHOP
    shop.write_text(shop.read_text().replace(ENDPOINT_ACL, SUPPRESSION + ENDPOINT_ACL))
    result = run(estate)
    result.assert_outcomes(failed=1, passed=4)
    result.stdout.fnmatch_lines(["5 checks of 4 files: 1 finding below error (passed), 1 suppressed"])


def test_summary_counts_only_what_ran(estate: pytest.Pytester) -> None:
    result = run(estate, NET)
    result.stdout.fnmatch_lines(["1 check of 1 file: 0 findings below error (passed), 0 suppressed"])
    assert "MIG003 [warning]" not in result.stdout.str()


def test_bad_config_is_a_usage_error(estate: pytest.Pytester) -> None:
    estate.makepyprojecttoml('[tool.migcheck]\nfail-onn = "warning"\n')
    result = run(estate)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: migcheck: pyproject.toml:2:1: unknown setting `fail-onn`*"])
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


def test_unknown_rule_is_a_usage_error(estate: pytest.Pytester) -> None:
    result = run(estate, "--migcheck-ignore", "MIG9999")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: migcheck: unknown rule 'MIG9999' in --migcheck-ignore*"])


def test_an_unknown_rule_in_the_settings_file_names_the_file(estate: pytest.Pytester) -> None:
    estate.makepyprojecttoml('[tool.migcheck]\nselect = ["MIG9999"]\n')
    result = run(estate, "--migcheck-select", "MIG201")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: migcheck: pyproject.toml:2:10: unknown rule 'MIG9999' in `select`*"])


def test_a_plugin_that_fails_to_load_is_a_usage_error(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load() -> object:
        raise ImportError("No module named 'contoso_rules'")

    broken = types.SimpleNamespace(
        name="contoso", dist=types.SimpleNamespace(name="contoso-rules"), load=load
    )
    monkeypatch.setattr(migcheck.plugins, "_entry_points", lambda: [broken])
    result = run(estate)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.re_match_lines(
        [r"ERROR: migcheck: plugin contoso-rules\[contoso\] failed to load: ImportError"]
    )


def test_marks_added_by_the_repository_still_apply(estate: pytest.Pytester) -> None:
    """Items run through a lean protocol, except those someone marked: those go through pytest's own,
    which honours skip and xfail."""
    estate.makeconftest(
        """
        import pytest

        def pytest_collection_modifyitems(items):
            for item in items:
                if item.nodeid.endswith("::MIG201"):
                    item.add_marker(pytest.mark.xfail(reason="ACL removal is scheduled"))
                if item.nodeid.endswith("::MIG001"):
                    item.add_marker(pytest.mark.skip(reason="broken on purpose"))
        """
    )
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    skipped = {r.nodeid for r in reprec.getreports("pytest_runtest_logreport") if r.skipped}
    assert f"{SHOP}::MIG201" in skipped  # an xfail that failed is reported as skipped
    assert f"{BROKEN_CSCFG}::MIG001" in skipped  # skipped at setup
    assert outcomes(reprec)[f"{SHOP}::MIG003"] == "passed"


def test_the_config_baseline_is_honoured(estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    # The endpoint ACL recorded in a baseline beside the config, as `migcheck check` would write it.
    monkeypatch.chdir(estate.path)
    # MIG001 is ignored: a selection reports a file that cannot be read whatever it selects.
    assert (
        main(
            ["check", ".", "--select", "MIG201", "--ignore", "MIG001", "--write-baseline", "ci/baseline.json"]
        )
        == 0
    )
    estate.makepyprojecttoml('[tool.migcheck]\nbaseline = "ci/baseline.json"\n')
    result = run(estate)
    result.assert_outcomes(failed=1, passed=4)  # only the broken file fails now
    result.stdout.fnmatch_lines(
        ["5 checks of 4 files: 1 finding below error (passed), 0 suppressed, 1 known from baseline"]
    )


def test_the_summary_counts_only_what_the_selected_items_hold_back(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The endpoint ACL (MIG201) and the subnet outside the network (MIG003) of one file both baselined:
    # `-k MIG003` runs the MIG003 items, which hold back one finding, not the file's two.
    monkeypatch.chdir(estate.path)
    main(["check", ".", "--select", "MIG201,MIG003", "--write-baseline", "ci/baseline.json"])
    estate.makepyprojecttoml('[tool.migcheck]\nbaseline = "ci/baseline.json"\n')
    result = run(estate, "-k", "MIG003")
    result.stdout.fnmatch_lines(
        ["3 checks of 3 files: 0 findings below error (passed), 0 suppressed, 1 known from baseline"]
    )
    result = run(estate, "-k", "MIG201 or MIG003")
    result.stdout.fnmatch_lines(
        ["* checks of * files: 0 findings below error (passed), 0 suppressed, 2 known from baseline"]
    )


def test_a_baseline_that_cannot_be_read_is_a_usage_error(estate: pytest.Pytester) -> None:
    estate.makepyprojecttoml('[tool.migcheck]\nbaseline = "ci/missing.json"\n')
    result = run(estate)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: migcheck: pyproject.toml:2:12: `baseline`: cannot read baseline ci/missing.json*"]
    )
    assert "Traceback" not in result.stderr.str() + result.stdout.str()
