"""The pytest plugin entry point: options, the `migcheck` marker and the fixtures.

Inert unless `--migcheck` is given: without it nothing is collected and nothing beyond this module and
pytest is imported. With it, a `MigcheckSession` is registered as a plugin and does the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from migcheck.estate import Estate
    from migcheck.model import Finding
    from pytest_migcheck.session import MigcheckSession

SESSION_PLUGIN = "migcheck-session"
SEVERITIES = ("error", "warning", "info")
# The options that tune a run, each (flag, dest): they mean something only with --migcheck.
OPTIONS = (
    ("--migcheck-fail-on", "migcheck_fail_on"),
    ("--migcheck-select", "migcheck_select"),
    ("--migcheck-ignore", "migcheck_ignore"),
    ("--migcheck-no-baseline", "migcheck_no_baseline"),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("migcheck", "Azure classic migration checks (migcheck)")
    group.addoption(
        "--migcheck",
        action="store_true",
        help="check the classic Azure files under the rootdir with migcheck: one item per file and rule "
        "that can fail there (it looks at a resource the file holds), and per rule that reported on a file",
    )
    group.addoption(
        "--migcheck-fail-on",
        choices=SEVERITIES,
        metavar="SEVERITY",
        help="lowest severity that fails an item: error, warning or info (default: [tool.migcheck] "
        "fail-on, else error)",
    )
    group.addoption(
        "--migcheck-select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rules: codes, prefixes or names, comma-separated (replaces the config's select)",
    )
    group.addoption(
        "--migcheck-ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="skip these rules (added to the config's ignore)",
    )
    group.addoption(
        "--migcheck-no-baseline",
        action="store_true",
        help="apply no baseline, not even the config's baseline, for this run: every finding counts, as "
        "with migcheck check --no-baseline",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Registered even without --migcheck so that `-m migcheck` never warns about an unknown marker.
    config.addinivalue_line("markers", "migcheck: a migcheck check of one classic Azure file for one rule")
    if not config.getoption("migcheck"):
        _refuse_options_without_the_flag(config)
        return
    from pytest_migcheck.session import MigcheckSession  # only now: it imports the engine

    config.pluginmanager.register(MigcheckSession(config), SESSION_PLUGIN)


def _refuse_options_without_the_flag(config: pytest.Config) -> None:
    """An option of the plugin without `--migcheck` (on the command line or in `addopts`) would do nothing:
    a green run that checked nothing. docs/pytest.md lists `--migcheck` alone as what turns the plugin on."""
    given = [flag for flag, dest in OPTIONS if config.getoption(dest) not in (None, [], False)]
    if given:
        needs = "needs" if len(given) == 1 else "need"
        raise pytest.UsageError(f"migcheck: {', '.join(given)} {needs} --migcheck")


def _session(request: pytest.FixtureRequest) -> MigcheckSession:
    session = request.config.pluginmanager.get_plugin(SESSION_PLUGIN)
    if session is None:
        pytest.skip("the migcheck fixtures need pytest --migcheck")
    return session


@pytest.fixture(scope="session")
def migcheck_estate(request: pytest.FixtureRequest) -> Estate:
    """The linked estate of every classic file under the rootdir, as migcheck's rules see it, when they
    describe one subscription; with several, use `migcheck_estates`."""
    estates = _session(request).result.estates
    if len(estates) != 1:
        names = ", ".join(e.subscription for e in estates)
        pytest.fail(
            f"the classic files describe {len(estates)} subscriptions ({names}): use migcheck_estates"
        )
    return estates[0]


@pytest.fixture(scope="session")
def migcheck_estates(request: pytest.FixtureRequest) -> dict[str, Estate]:
    """The linked estate of each subscription, by name (see [tool.migcheck.subscriptions])."""
    return {e.subscription: e for e in _session(request).result.estates}


@pytest.fixture(scope="session")
def migcheck_findings(request: pytest.FixtureRequest) -> list[Finding]:
    """Every reported finding (after select/ignore and suppressions), sorted by path, line and column."""
    return list(_session(request).result.findings)
