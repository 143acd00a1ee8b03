"""One migcheck run per pytest process: settings, rules, a single lint of every classic file under the
rootdir, and its findings fanned out to items by (file, rule).

Linting the whole rootdir, not only what pytest collects, keeps cross-file findings right (a subnet
checked against the netcfg of another folder) when the user collects one folder. Under pytest-xdist each
process lints once; the run is deterministic, so every worker collects the same items."""

from __future__ import annotations

import fnmatch
import gc
import heapq
import os
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import _pytest.main  # `_in_venv`: pytest's test for a virtual environment, which it does not collect
import pluggy
import pytest
from _pytest import timing  # the clock pytest times a call with (its own tests replace it)
from _pytest.junitxml import xml_key as junit_xml_key  # --junitxml's writer, when it is on
from _pytest.logging import _LiveLoggingNullHandler  # the handler of live logging where it is off
from _pytest.pathlib import (
    absolutepath,  # how pytest makes the paths of --ignore absolute
    fnmatch_ex,  # the match pytest applies to `norecursedirs`
)

from migcheck import __version__, collector
from migcheck.advice import PYTEST, worded_for
from migcheck.baseline import BaselineError
from migcheck.config import (
    EMPTY_SELECTION,
    Config,
    ConfigError,
    baseline_problem,
    check_rule_tokens,
    check_settings_rules,
    closest_rule,
    load_config,
    unmatched_pattern_warning,
)
from migcheck.discover import shown
from migcheck.engine import LintResult, RuleError, lint
from migcheck.model import Document, Finding, Severity
from migcheck.plugins import PluginError, load_rules
from migcheck.report.text import format_finding, headline
from migcheck.rule import Rule, RuleSet
from migcheck.suppress import BASELINE
from migcheck.texts import lines_of
from migcheck.visible import visible
from pytest_migcheck.items import MigcheckFile, MigcheckItem
from pytest_migcheck.shortcuts import in_place

if TYPE_CHECKING:
    from _pytest.junitxml import LogXML

Key = tuple[str, str]  # (path relative to the rootdir, rule code): one item


class _LogReport(NamedTuple):
    """How the reports of one item `_run` runs itself are made and given to the plugins, and how they are
    told that it starts and finishes (each a hook, less the plugins for which it does nothing here)."""

    start: Callable[..., object]  # `pytest_runtest_logstart`
    call: pluggy.HookCaller  # `pytest_runtest_logreport` for its call phase
    # `pytest_runtest_logreport` for its setup and teardown, which did nothing; None where no plugin
    # does anything with their reports (`_heeded`), which are then not made.
    idle: pluggy.HookCaller | None
    make: Callable[[MigcheckItem], pytest.TestReport]  # the call and its report (`_maker`)
    finish: Callable[..., object]  # `pytest_runtest_logfinish`


# The plugins whose `pytest_runtest_makereport` leaves the report of an item `_run` runs as pytest's runner
# makes it (`TestReport.from_item_and_call`): such an item is no unittest test case, raises neither xfail
# nor unittest's SkipTest, has no xfail mark, and asks for no fixture (the tmpdir plugin records each
# report's outcome for `tmp_path` alone).
_OWN_MAKEREPORT = frozenset({"_pytest.runner", "_pytest.unittest", "_pytest.skipping", "_pytest.tmpdir"})


# The pytest versions whose own `pytest_ignore_collect` `MigcheckSession._as_pytest_would` follows: it asks
# its conftest look-ups by folder alone, and looks for a virtual environment in a path it is asked about.
_FOLLOWS_PYTEST_S_IGNORE = pytest.version_tuple >= (8, 1)

# The pytest versions that keep the conftest modules of each folder they collect in
# `PytestPluginManager._dirpath2confmods`, worked out by `_loadconftestmodules` (see `_conftests_of_parent`).
_KEEPS_CONFTESTS_BY_FOLDER = hasattr(pytest.PytestPluginManager, "_loadconftestmodules")

# pytest 9 keeps a report's node id structured (`TestReport.id`) and parses one given as a string.
_STRUCTURED_IDS = isinstance(getattr(pytest.TestReport, "id", None), property)


# pytest's collector of a plain folder (pytest 8 and later), which lists it (`_classic_files_of`).
_DIR = getattr(pytest, "Dir", None)


# What a pytest-xdist worker tells its controller when it deselected items of ours (`workeroutput`).
_LEFT_OUT = "migcheck_left_out"


class MigcheckSession:
    """Registered as a pytest plugin only when `--migcheck` is given."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.root = config.rootpath
        self.settings = Config()
        self._result: LintResult | None = None
        self._documents: dict[str, Document] = {}  # display path (relative to the rootdir) → document
        self._by_fs_path: dict[str, Document] = {}  # absolute path as pytest gives it → document
        self._enabled: list[Rule] = []  # the enabled rules, in the run's order
        # (resource types a file holds, codes of the rules that reported on it) → its rules (`rules_for`)
        self._rules: dict[tuple[frozenset[type], frozenset[str]], list[Rule]] = {}
        self._file_rules: dict[str, list[Rule]] = {}  # display path → its rules (`rules_for`)
        self._reported: dict[str, set[str]] = defaultdict(set)  # display path → codes that reported
        self._findings: dict[Key, list[Finding]] = defaultdict(list)
        self._paths: set[str] = set()  # document paths, relative to the rootdir
        self._ran: set[Key] = set()  # items whose call phase was reported, for the summary
        self._left_out = False  # whether an item of ours was deselected (`-k`, `-m`, `--deselect`)
        self._keys: dict[str, Key | None] = {}  # node id of a report → its item's key (`_key`)
        # Set when the classic files outside `testpaths` are collected too (`_collect_beyond_testpaths`):
        self._beyond: set[str] = set()  # display paths of those files
        self._kept: set[str] = set()  # absolute paths outside the test paths that collection may enter
        self._inside: tuple[str, ...] = ()  # each test path with a trailing separator, for prefix tests
        # Classic files pytest's folder listing passes over, being no regular file (a named pipe, a broken
        # link, a loop of links): display path of their folder → (absolute path, document).
        self._unlisted: dict[str, list[tuple[Path, Document]]] = defaultdict(list)
        self._plugin_warnings: list[str] = []  # plugins that give no rules, said in the summary
        self._junit_xml: LogXML | None = None  # --junitxml's writer, when it is on (`pytest_sessionstart`)
        # Counts plugin registrations (conftest.py files among them): a file's hook proxy depends on which
        # conftests are loaded, so `MigcheckFile.ihook` keeps its proxy only while this stays the same.
        self.plugins_registered = 0
        # `_logreport`: id of a hook proxy → (plugins registered, the proxy, its callers).
        self._logreports: dict[int, tuple[int, pluggy.HookRelay, _LogReport]] = {}
        # `hook_proxy`: folder of classic files → (plugins registered, the hook proxy of its files).
        self._folder_hooks: dict[str, tuple[int, pluggy.HookRelay]] = {}
        # The absolute paths of the classic files and of the folders that lead to them from the rootdir,
        # those folders that `norecursedirs` names (`_named_by_norecursedirs`), and those of them that
        # collection enters for the classic files (`pytest_ignore_collect`).
        self._leading: set[str] = set()
        self._norecursed: set[str] = set()
        self._entered: set[str] = set()
        # `_pytest_alone_answers`: (plugins registered, the answer); `_ignored_in`: folder → (plugins
        # registered, the paths and the glob patterns pytest leaves out there).
        self._alone: tuple[int, bool] | None = None
        self._ignores: dict[str, tuple[int, frozenset[str], list[str]]] = {}
        # The folders given their parent's conftest modules (`_conftests_of_parent`).
        self._as_parent: set[str] = set()
        # Classic files pytest is told to leave out as it lists a folder, to be collected with the folder's
        # report instead (`_collected_with_their_folder`): absolute path of the folder → (path, document).
        self._taken: dict[str, list[tuple[Path, Document]]] = defaultdict(list)
        # `_pytest_alone_collects_files`: (plugins registered, the answer).
        self._collects_alone: tuple[int, bool] | None = None
        # `_pytest_alone_reports`: (plugins registered, the answer).
        self._reports_alone: tuple[int, bool] | None = None
        # Whether a file name is one pytest's doctest plugin collects (`_collected_with_their_folder`).
        self._doctest_names: Callable[[str], re.Match[str] | None] | None = None
        # Gives pytest its own functions back in place of the shortcuts (`pytest_unconfigure`).
        self._pytest_s_own: Callable[[], None] | None = None

    # --- the run ------------------------------------------------------------------------------------

    def pytest_plugin_registered(self) -> None:
        self.plugins_registered += 1

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        # Before any collection; under xdist also in the controller, so that a bad config or a broken
        # plugin stops the run once, with a usage error, before workers start.
        with collector.paused():
            self._prepare()
        self._collect_beyond_testpaths()
        # Made as pytest is configured, and kept for the session: looked up here once, not per report.
        self._junit_xml = self.config.stash.get(junit_xml_key, None)
        # Through what pytest does for every item, the same way at less cost (`pytest_migcheck.shortcuts`).
        self._pytest_s_own = in_place()

    def pytest_unconfigure(self) -> None:
        if self._pytest_s_own is not None:
            self._pytest_s_own()
            self._pytest_s_own = None

    def _prepare(self) -> None:
        """The rules, the settings, the lint and its index. Run with the cyclic collector paused, as the
        CLI runs a command (`migcheck.cli`): loading the rules and indexing the findings make thousands of
        objects and no garbage cycles, and each collection the collector started among them scanned the
        young part of the estate for nothing (the lint already pauses it for its own run)."""
        rules = self._load_rules()
        # Errors advise what pytest offers: it has neither --config nor --write-baseline.
        with worded_for(PYTEST):
            self.settings = self._load_settings(rules)
            self._result = self._lint(rules)
        self._index(self._result)
        self._refuse_items_that_cannot_be(rules)
        # The linked estate lives as long as the session and holds no garbage cycles: moved out of the
        # collector's reach, so the full collections that tens of thousands of items and reports set off
        # (and pytest's own at exit) do not scan it again each time.
        gc.freeze()

    def _collect_beyond_testpaths(self) -> None:
        """With `testpaths = ["tests"]` and no paths on the command line, pytest would collect only
        `tests/`, and the classic files elsewhere would give no item: a green run that checked nothing.
        So the classic files outside the test paths are added to what pytest collects; paths given on the
        command line are the user's choice and are left as they are.

        pytest reads `[...]` and `::` in an argument as parts of a node id, so a file whose path holds
        them is reached through the nearest folder whose path does not (the rootdir at worst), and
        `pytest_ignore_collect` keeps that walk to the classic files. Arguments inside a folder that is
        added are dropped, as pytest drops them unless `--keep-duplicates` is given (then it would
        collect their files twice)."""
        if self.config.args_source is not pytest.Config.ArgsSource.TESTPATHS:
            return
        beyond = self._outside_the_test_paths()
        if not beyond:
            return
        # Here pytest collects from the rootdir and takes arguments relative to it: the rootdir's own
        # name, whatever it holds, is not parsed.
        root = str(self.root)
        test_paths = [(os.path.abspath(os.path.join(root, arg)), arg) for arg in self.config.args]
        extra, folders = [], set()
        for relative in beyond.values():
            # pytest takes only a path that exists as an argument, and collects only a regular file there:
            # a named pipe or a link that leads nowhere is reached through its folder (`_unlisted`).
            file = relative if os.path.isfile(os.path.join(root, *relative.parts)) else relative.parent
            target = _collectable(file)
            absolute = os.path.join(root, *target.parts)
            extra.append((absolute, str(target)))
            if target != relative:
                folders.add(absolute)
        self.config.args = _outermost([*test_paths, *extra], folders)
        self._beyond = set(beyond)
        # The walk from an added folder enters these files and the folders that lead to them, and those
        # that lead to the test paths (no longer arguments themselves under an added folder).
        files = [os.path.join(root, *relative.parts) for relative in beyond.values()]
        self._kept = {path for absolute, _ in test_paths for path in _up_to(absolute, root)}
        self._kept.update(path for absolute in files for path in _up_to(absolute, root))
        self._inside = tuple(absolute.rstrip(os.sep) + os.sep for absolute, _ in test_paths)

    def _outside_the_test_paths(self) -> dict[str, Path]:
        """Display path → path relative to the rootdir of each classic file outside the test paths (the
        arguments pytest has so far), sorted by display path."""
        roots = [Path(os.path.realpath(self.root / arg)) for arg in self.config.args]
        beyond = {}
        for shown_path in sorted(self._documents):
            real = _real_path(self.root, shown_path)
            if real is not None and not any(_where_listed(real).is_relative_to(r) for r in roots):
                beyond[shown_path] = real.relative_to(self.root)
        return beyond

    def _refuse_items_that_cannot_be(self, rules: RuleSet) -> None:
        """An argument naming an item of a classic file (`path::MIG999`) that is never collected: pytest
        would answer "not found" alone; this says why, before collection. A Python script is left to
        pytest: inside the test paths its own tests are collected too, under names of their own."""
        invocation = self.config.invocation_params.dir
        for arg in self.config.args:
            path, separator, name = arg.partition("::")
            document = self._documents.get(_shown_relative(invocation / path, self.root))
            if not separator or document is None or document.path.endswith(".py"):
                continue
            why = self._no_item(document, name, rules)
            if why:
                raise pytest.UsageError(f"migcheck: {visible(arg)}: {why}")

    def _no_item(self, document: Document, name: str, rules: RuleSet) -> str:
        """Why `document` has no item named `name`; "" when it has one."""
        rule = rules.get(name)
        if rule is None:
            return (
                f"no rule {visible(repr(name))}{closest_rule(name, rules)}; the items of a classic file are "
                "named by rule code (MIG201): `migcheck rules` lists them"
            )
        if rule.code != name:
            return (
                f"the items of a classic file are named by rule code: {visible(document.path)}::{rule.code}"
            )
        if rule.code not in self.result.enabled:
            return (
                f"{rule.code} does not run: --migcheck-select, --migcheck-ignore or the settings' `select` "
                "and `ignore` leave it out"
            )
        if rule not in self.rules_for(document):
            return (
                f"{rule.code} has no item on {visible(document.path)}: the file holds nothing it looks at, "
                "and it reported nothing there"
            )
        return ""

    def _load_settings(self, rules: RuleSet) -> Config:
        option = self.config.getoption
        try:
            settings = load_config(start=str(self.root), baseline_given=option("migcheck_no_baseline"))
            # Before the options replace or extend them: a mistake in the file names the file.
            check_settings_rules(rules, settings)
            # Each error names the option where the rule was typed, as the CLI's name `--select`.
            check_rule_tokens(rules, _split(option("migcheck_select")), "--migcheck-select")
            check_rule_tokens(rules, _split(option("migcheck_ignore")), "--migcheck-ignore")
        except ConfigError as exc:
            raise pytest.UsageError(f"migcheck: {visible(str(exc))}") from None
        for value in option("migcheck_select"):
            if not _split([value]):
                raise pytest.UsageError(
                    f"migcheck: --migcheck-select {value!r} names no rule: {EMPTY_SELECTION}"
                )
        fail_on = option("migcheck_fail_on")
        return settings.with_overrides(
            select=_split(option("migcheck_select")),
            ignore=settings.ignore + _split(option("migcheck_ignore")),
            fail_on=Severity.parse(fail_on) if fail_on else None,
        )

    def _load_rules(self) -> RuleSet:
        try:
            # A plugin's name and module are text from outside: escaped, as the CLI shows them.
            return load_rules(warn=lambda message: self._plugin_warnings.append(visible(message)))
        except PluginError as exc:
            raise pytest.UsageError(f"migcheck: {visible(str(exc))}") from None

    def _lint(self, rules: RuleSet) -> LintResult:
        # From the rootdir, so that paths (and the include/exclude globs matched against them) are the
        # ones the CLI sees when run there, and equal the file part of the node ids. The config's
        # baseline applies here as in `migcheck check`; one that cannot be read stops the run. Items are
        # findings per file and rule, not the whole estate: a selection reads only what its rules need.
        with _working_directory(self.root):
            try:
                return lint(["."], self.settings, rules, whole_estate=False)
            except BaselineError as exc:
                problem = baseline_problem(exc, self.settings, passed_over_by="--migcheck-no-baseline")
                raise pytest.UsageError(f"migcheck: {visible(problem)}") from None
            except ConfigError as exc:
                raise pytest.UsageError(f"migcheck: {visible(str(exc))}") from None
            except RuleError as exc:
                raise pytest.UsageError(f"migcheck: {visible(exc.said('--migcheck-ignore'))}") from None

    def _index(self, result: LintResult) -> None:
        root = str(self.root)
        for document in result.documents:
            self._documents[document.path] = document
            self._paths.add(document.path)
            if shown(document.path) == document.path:  # not escaped: the path is the file's own name
                absolute = os.path.join(root, *document.path.split("/"))
                self._by_fs_path[absolute] = document
                for path in _up_to(absolute, root):
                    if path in self._leading:  # and so are the folders above it
                        break
                    self._leading.add(path)
        for document in result.documents:
            if document.problem is not None:  # a file read whole is a regular file: pytest lists it
                self._note_unlisted(document)
        for finding in result.findings:
            self._findings[(finding.mark.path, finding.code)].append(finding)
            self._reported[finding.mark.path].add(finding.code)
        self._enabled = [rule for rule in result.rules if rule.code in result.enabled]
        # Of the paths leading to classic files, only folders can be hidden by `norecursedirs` (a classic
        # file itself is not matched against its patterns), and pytest never asks about the rootdir.
        self._norecursed = self._named_by_norecursedirs(self._leading.difference(self._by_fs_path, [root]))

    def _named_by_norecursedirs(self, folders: set[str]) -> set[str]:
        """The `folders` (absolute paths) that a pattern of `norecursedirs` matches as pytest matches it
        (`fnmatch_ex`): a pattern without a separator matches the folder's name, so each is matched once
        against the distinct names, not once per folder (ten patterns for each of thousands of folders)."""
        by_name: dict[str, list[str]] = defaultdict(list)
        for folder in folders:
            by_name[os.path.basename(folder)].append(folder)
        named: set[str] = set()
        for pattern in self.config.getini("norecursedirs"):
            if "/" in pattern or os.sep in pattern:
                named.update(folder for folder in folders if fnmatch_ex(pattern, folder))
            else:
                named.update(chain.from_iterable(by_name[name] for name in fnmatch.filter(by_name, pattern)))
        return named

    def _note_unlisted(self, document: Document) -> None:
        """Remember `document` when pytest's listing of its folder will not offer it (pytest offers only
        what `is_file()` says is a regular file, following links): `is_file` costs a `stat`, never an
        open, and a loop of links makes it False rather than an error."""
        path = _real_path(self.root, document.path)
        if path is not None and not path.is_file():
            folder = posixpath.dirname(document.path) or "."
            self._unlisted[folder].append((path, document))

    @property
    def result(self) -> LintResult:
        if self._result is None:
            raise RuntimeError("migcheck has not run yet: the session has not started")
        return self._result

    @property
    def fail_on(self) -> Severity:
        return self.settings.fail_on

    # --- collection ---------------------------------------------------------------------------------

    @pytest.hookimpl(hookwrapper=True)
    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> Generator[None, Any, None]:
        # A wrapper, to see what the other plugins collect from the file.
        outcome = yield
        # pytest gives absolute paths under the rootdir as a rule: looked up as they are, a classic file
        # costs no path arithmetic; any other form is made relative to the rootdir, as the lint saw it.
        document = self._by_fs_path.get(str(file_path)) or self._documents.get(
            _shown_relative(file_path, self.root)
        )
        if document is None:
            return
        # The node id is the document's display path: the same as pytest would make for an ordinary name,
        # and escaped for a name with undecodable bytes or control characters, which pytest's JUnit
        # writer and terminal would otherwise get raw.
        checks = self._checks(parent, file_path, document)
        if document.path in self._beyond:
            # Outside the test paths only the checks are collected: a classic Python script there is
            # deployment code, which pytest would otherwise import (run) as a test module.
            outcome.force_result([checks])
        else:
            outcome.force_result([checks, *self._not_imported(file_path, outcome.get_result())])

    def _not_imported(self, path: Path, nodes: list[Any]) -> list[Any]:
        """The collectors other plugins made of a classic file, less those that would import it, unless
        its name is a test module's (`python_files`). pytest makes a module of any `.py` file named on the
        command line whatever its name (and `--doctest-modules` of every one): importing a deployment
        script runs it, its `azure vm create` included. Only the checks of such a script are collected."""
        kept = [node for node in nodes if not isinstance(node, pytest.Module)]
        if len(kept) == len(nodes):  # no module made of it (an XML file's, as a rule): nothing to match
            return nodes
        from _pytest.python import path_matches_patterns  # the test pytest itself applies to a walk

        return nodes if path_matches_patterns(path, self.config.getini("python_files")) else kept

    @pytest.hookimpl(hookwrapper=True)
    def pytest_make_collect_report(self, collector: pytest.Collector) -> Generator[None, Any, None]:
        """A folder's collection holds the items of its classic files in place of the files (see
        `_items_in_place_of_files`), and also the classic files its listing passed over (`_unlisted`) or
        was told to leave out, to be collected here (`_collected_with_their_folder`)."""
        if isinstance(collector, pytest.Directory):
            self._conftests_of_parent(collector.path)
        outcome = yield
        if not isinstance(collector, pytest.Directory):
            return
        taken = self._taken.pop(str(collector.path), None)
        report: pytest.CollectReport = outcome.get_result()
        if not report.passed:
            return
        if taken:
            checks = [self._checks(collector, path, document, path.name) for path, document in taken]
            report.result[:] = _merged_by_name(report.result, checks)
        if self._unlisted:
            self._add_unlisted(collector, report.result)
        # Under --lf pytest skips the files with no failures as it collects them, which needs the files.
        if not self.config.getoption("lf", False):
            report.result[:] = _items_in_place_of_files(collector.session, report.result)

    @pytest.hookimpl(tryfirst=True, specname="pytest_make_collect_report")
    def pytest_make_collect_report_of_classic_files(
        self, collector: pytest.Collector
    ) -> pytest.CollectReport | None:
        """The collection of a folder that holds classic files alone, each collected with its folder
        (`_classic_files_of`), made without pytest's listing of it: for each entry pytest makes a path,
        tests whether it was named on the command line, and asks the plugins whether to leave it out,
        which this one answers, always the same way, for such a file. The folder's report is then made
        as pytest's runner makes it. None for any other collector: pytest collects it."""
        files = self._classic_files_of(collector)
        if files is None:
            return None
        return pytest.CollectReport(
            collector.id if _STRUCTURED_IDS else collector.nodeid, "passed", None, files
        )

    def _classic_files_of(self, folder: pytest.Collector) -> list[pytest.Item | pytest.Collector] | None:
        """The checks of the files of `folder`, named and ordered as pytest's listing gives them, where it
        is a plain folder (no conftest.py: `_conftests_of_parent`) of classic files the lint read whole,
        each of which pytest leaves out of its listing to be collected with the folder
        (`pytest_ignore_collect`), and where only pytest makes collect reports; None otherwise."""
        path = str(folder.path)
        if (
            type(folder) is not _DIR
            or path not in self._as_parent
            or path in self._entered
            or self._beyond
            # A folder named on the command line, or holding a path that is, is collected as usual: pytest
            # takes a path named there whatever plugins answer (this also spares a test of each file).
            or folder.session.isinitpath(folder.path, with_parents=True)
            or not self._pytest_alone_reports()
        ):
            return None
        try:
            names = sorted(os.listdir(path))  # pytest lists a folder by name
        except OSError:
            return None
        files: list[pytest.Item | pytest.Collector] = []
        for name in names:
            absolute = os.path.join(path, name)
            document = self._by_fs_path.get(absolute)
            if document is None or document.problem is not None:
                return None
            file = Path(absolute)
            if self._as_pytest_would(file, absolute, document) is not False or not (
                self._collected_with_their_folder(file)
            ):
                return None
            files.append(self._checks(folder, file, document, name))
        return files

    def _pytest_alone_reports(self) -> bool:
        """True when pytest's runner alone makes collect reports (wrappers aside), and nothing wraps
        `pytest_ignore_collect`, which is not asked about the files of a folder collected here (a wrapper
        would miss them). Worked out again when a plugin is registered."""
        known = self._reports_alone
        if known is None or known[0] != self.plugins_registered:
            hook = self.config.hook
            alone = all(
                impl.plugin is self or impl.plugin_name == "runner" or impl.hookwrapper or impl.wrapper
                for impl in hook.pytest_make_collect_report.get_hookimpls()
            ) and not any(
                impl.hookwrapper or impl.wrapper for impl in hook.pytest_ignore_collect.get_hookimpls()
            )
            known = self._reports_alone = (self.plugins_registered, alone)
        return known[1]

    def _conftests_of_parent(self, folder: Path) -> None:
        """Before collecting a folder, pytest looks for a conftest.py in it and in each folder above it
        (`_loadconftestmodules`): path arithmetic and a `stat` per level, for each of thousands of folders
        that lead to classic files. A folder that holds no conftest.py has the conftest modules of its
        parent, once pytest has those: they are given to it here, where pytest looks first, and pytest
        finds them there. Any other folder, and a folder with a conftest.py, is left to pytest."""
        known = getattr(self.config.pluginmanager, "_dirpath2confmods", None)
        path = str(folder)
        if not _KEEPS_CONFTESTS_BY_FOLDER or not isinstance(known, dict) or path not in self._leading:
            return
        modules = known.get(folder.parent)
        if (
            modules is not None
            and folder not in known
            and not os.path.isfile(os.path.join(path, "conftest.py"))
        ):
            known[folder] = list(modules)  # a list of its own, as pytest makes: it adds to each folder's
            self._as_parent.add(path)

    def _checks(
        self, parent: pytest.Collector, path: Path, document: Document, name: str | None = None
    ) -> MigcheckFile:
        """The collector of a classic file's checks under `parent`, its node id the document's path, its
        name `name` where the caller knows it (`_name`)."""
        return MigcheckFile.from_parent(
            parent,
            path=path,
            name=name or _name(path, parent),
            nodeid=document.path,
            document=document,
            migcheck=self,
        )

    def _add_unlisted(self, folder: pytest.Directory, nodes: list[Any]) -> None:
        """The lint reports on the classic files a folder's listing passed over (MIG001: cannot be read),
        so they have their items, as in the CLI. Only their checks are collected, built here: no other
        plugin is asked, so nothing opens them."""
        for path, document in self._unlisted.get(_shown_relative(folder.path, self.root), ()):
            if not folder.session.isinitpath(path) and folder.ihook.pytest_ignore_collect(
                collection_path=path, config=self.config
            ):
                continue
            checks = self._checks(folder, path, document)
            _insert_by_name(nodes, checks)

    @pytest.hookimpl(tryfirst=True)
    def pytest_ignore_collect(self, collection_path: Path) -> bool | None:
        """A link to a folder that holds it (`self -> .`, `up -> ..`) is not walked: pytest follows such
        a link again and again, and its collection never ends. One `lstat` per path, and only a link is
        resolved; migcheck's own walk has already read what the folder holds.

        When the classic files outside the test paths are collected too, nothing else outside them is:
        those files and their folders are always entered (as pytest always enters the paths it is given
        and their folders), the rest is left out, and inside the test paths pytest decides as usual.

        A folder `norecursedirs` leaves out that leads to classic files (`.github/workflows`) is entered
        for those files alone (`_hidden_from_pytest`)."""
        path = str(collection_path)
        # A classic file the lint read whole is a regular file (or a link to one): no link to a folder.
        document = self._by_fs_path.get(path)
        if (document is None or document.problem is not None) and _links_to_its_folder(collection_path):
            return True
        # In a folder entered for its classic files only, the walk keeps to them and the folders that lead
        # to them: pytest never meant to collect the rest (a `test_*.py` under `.github`). Most walks enter
        # none, and need not work out each path's folder.
        inside_entered = bool(self._entered) and os.path.dirname(path) in self._entered
        if inside_entered or (path in self._norecursed and self._hidden_from_pytest(collection_path)):
            if path not in self._leading:
                return True
            self._entered.add(path)
            return False
        if self._beyond:
            if path in self._kept:
                return False
            if not path.startswith(self._inside):
                return True
        answer = self._as_pytest_would(collection_path, path, document)
        if answer is False and document is not None and self._collected_with_their_folder(collection_path):
            self._taken[os.path.dirname(path)].append((collection_path, document))
            return True
        return answer

    def _collected_with_their_folder(self, path: Path) -> bool:
        """Whether a classic file pytest would collect (read whole, as `_as_pytest_would` found) is better
        collected with its folder's report: where pytest's own plugins alone collect files and none of
        them makes anything of this one (`_pytest_alone_collects_files`), asking them costs more than
        making the file's checks (doctest's match of its globs takes a third of it), and what they answer
        is known. pytest is then told to leave the file out, and the report gets its checks in its place
        (`pytest_make_collect_report`), as `pytest_collect_file` would have made them."""
        name = path.name
        # pytest's Python plugin makes a module of a .py file, its doctest plugin may make a text file of
        # a .txt or .rst file: those are left to them, as is a name a --doctest-glob pattern matches.
        if name.endswith((".py", ".txt", ".rst")) or not self._pytest_alone_collects_files():
            return False
        if self._doctest_names is None:  # the patterns as one, matched as `fnmatch` matches each
            globs = self.config.getoption("doctestglob", None) or ["test*.txt"]
            self._doctest_names = re.compile(
                "|".join(fnmatch.translate(os.path.normcase(glob)) for glob in globs)
            ).match
        return not self._doctest_names(os.path.normcase(name))

    def _pytest_alone_collects_files(self) -> bool:
        """True when only pytest's Python and doctest plugins (and this one) implement
        `pytest_collect_file`, no plugin wraps `pytest_ignore_collect` or answers it but pytest and this
        one (which then stands in for pytest: `_as_pytest_would`), and neither --lf, which needs the files
        as pytest collects them, nor a --doctest-glob pattern with a separator is given. Worked out again
        when a plugin is registered."""
        known = self._collects_alone
        if known is None or known[0] != self.plugins_registered:
            files = self.config.hook.pytest_collect_file.get_hookimpls()
            ignores = self.config.hook.pytest_ignore_collect.get_hookimpls()
            globs = self.config.getoption("doctestglob", None) or []
            alone = (
                all(impl.plugin is self or impl.plugin_name in ("python", "doctest") for impl in files)
                and all(impl.plugin is self or impl.plugin_name == "main" for impl in ignores)
                and not self.config.getoption("lf", False)
                and not any("/" in glob or os.sep in glob for glob in globs)
            )
            known = self._collects_alone = (self.plugins_registered, alone)
        return known[1]

    def _as_pytest_would(self, collection_path: Path, path: str, document: Document | None) -> bool | None:
        """pytest's own answer (`_pytest.main.pytest_ignore_collect`) for a classic file the lint read
        whole or a folder that leads to classic files, worked out from what the lint's walk already knows,
        when no other plugin (a conftest.py among them) answers the hook: None otherwise, and pytest
        decides. pytest asks, for every path, about the paths `collect_ignore`, `collect_ignore_glob`,
        `--ignore` and `--ignore-glob` name, which are the same for every path of a folder, and spends
        three `stat`s: two looking for a virtual environment in the path, which a regular file cannot
        hold, and one to see whether it is a folder, to match it against `norecursedirs` (matched once,
        as the session starts, for the folders leading to classic files: `_norecursed`)."""
        is_file = document is not None and document.problem is None
        is_folder = document is None and path in self._leading
        if not (is_file or is_folder) or not self._pytest_alone_answers():
            return None
        if collection_path.name == "__pycache__":
            return True
        ignored, globs = self._ignored_in(os.path.dirname(path))
        if path in ignored or any(fnmatch.fnmatch(path, glob) for glob in globs):
            return True
        if is_file:
            return False
        if not self.config.getoption("collect_in_virtualenv") and _pytest.main._in_venv(collection_path):
            return True
        return path in self._norecursed

    def _pytest_alone_answers(self) -> bool:
        """True when pytest's own `pytest_ignore_collect` (of a version whose answer `_as_pytest_would`
        follows) is the only one besides this plugin's, which then stands in for it; wrappers still wrap
        the answer. Worked out again when a plugin is registered."""
        known = self._alone
        if known is None or known[0] != self.plugins_registered:
            impls = self.config.hook.pytest_ignore_collect.get_hookimpls()
            alone = _FOLLOWS_PYTEST_S_IGNORE and all(
                impl.plugin is self or impl.plugin_name == "main" or impl.hookwrapper or impl.wrapper
                for impl in impls
            )
            known = self._alone = (self.plugins_registered, alone)
        return known[1]

    def _ignored_in(self, folder: str) -> tuple[frozenset[str], list[str]]:
        """The paths and the glob patterns pytest leaves out of collection in `folder`: `collect_ignore`
        and `collect_ignore_glob` of its conftest.py files, `--ignore` and `--ignore-glob`, as pytest
        makes them absolute. Worked out once per folder, and again when a plugin is registered; a folder
        given its parent's conftest modules (`_conftests_of_parent`) has its parent's."""
        known = self._ignores.get(folder)
        if known is None or known[0] != self.plugins_registered:
            if folder in self._as_parent:  # kept for the folder too, not looked up the tree for each path
                parent = os.path.dirname(folder)
                ignored = self._ignored_in(parent)
                self._ignores[folder] = self._ignores[parent]
                return ignored
            config, where = self.config, Path(folder)
            paths = config._getconftest_pathlist("collect_ignore", path=where) or []
            paths += [absolutepath(p) for p in config.getoption("ignore") or ()]
            globs = config._getconftest_pathlist("collect_ignore_glob", path=where) or []
            globs += [absolutepath(g) for g in config.getoption("ignore_glob") or ()]
            known = (self.plugins_registered, frozenset(map(str, paths)), list(map(str, globs)))
            self._ignores[folder] = known
        return known[1], known[2]

    def _hidden_from_pytest(self, folder: Path) -> bool:
        """Whether `folder`, which leads to classic files and which `norecursedirs` names (`.*`, `build`,
        ... by default: `.github/workflows`, `.circleci`), is one pytest would not walk into by that alone:
        migcheck's walk reads those files, so they are checked there too, each file only once. A folder the
        user leaves out by name (`--ignore`, `--ignore-glob`) stays out."""
        if not folder.is_dir():
            return False
        ignored = [os.path.abspath(path) for path in self.config.getoption("ignore") or ()]
        globs = [os.path.abspath(glob) for glob in self.config.getoption("ignore_glob") or ()]
        return str(folder) not in ignored and not any(fnmatch.fnmatch(str(folder), glob) for glob in globs)

    def rules_for(self, document: Document) -> list[Rule]:
        """The enabled rules that look at a resource the document holds, plus any rule that reported on
        it (`Rule.has_case`). Worked out once per file: collection asks, and the summary asks again of
        every file whose items ran, and what the file holds is found by walking all its resources."""
        rules = self._file_rules.get(document.path)
        if rules is None:
            rules = self._file_rules[document.path] = self._rules_holding(document)
        return list(rules)

    def _rules_holding(self, document: Document) -> list[Rule]:
        held = self.result.held(document)
        reported = frozenset(self._reported.get(document.path, ()))
        rules = self._rules.get((held, reported))
        if rules is None:  # decided once for the files that hold the same types and have the same reports
            rules = [rule for rule in self._enabled if rule.code in reported or rule.has_case(held)]
            self._rules[held, reported] = rules
        return rules

    @pytest.hookimpl(hookwrapper=True)
    def pytest_collection(self) -> Generator[None, Any, None]:
        """Collection runs with the cyclic collector paused: the tree it builds lives as long as the
        session, and the collections its nodes set off (a full one among them) scanned it again and
        again as it grew. What garbage collection leaves is collected once as it ends
        (`pytest_collection_finish`)."""
        with collector.paused():
            yield

    def pytest_deselected(self, items: Sequence[pytest.Item]) -> None:
        if any(isinstance(item, MigcheckItem) for item in items):
            self._left_out = True
            worker_output = getattr(self.config, "workeroutput", None)  # a pytest-xdist worker's
            if worker_output is not None:  # sent to the controller, which deselects nothing itself
                worker_output[_LEFT_OUT] = True

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: object) -> None:
        """pytest-xdist's controller, as a worker ends: whether it deselected items of ours."""
        self._left_out = self._left_out or bool(getattr(node, "workeroutput", {}).get(_LEFT_OUT))

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        # As for the estate (`pytest_sessionstart`), so for the collected tree, which lives as long as the
        # session: otherwise every full collection during the run scans tens of thousands of nodes again.
        # Garbage is collected first, so that none of it is frozen.
        gc.collect()
        gc.freeze()

    def hook_proxy(self, session: pytest.Session, path: Path, document: Document) -> pluggy.HookRelay:
        """pytest's hook proxy for the classic file at `path`: the one of its folder, made once for the
        files in it. pytest works out a file's from the conftest.py files of the folder it is in, after
        a `stat` to see that the path is a regular file, which a file the lint read whole is; any other
        file gets its own, as pytest makes it."""
        if document.problem is not None:
            return session.gethookproxy(path)
        return self._folder_hook_proxy(session, os.path.dirname(path))

    def _folder_hook_proxy(self, session: pytest.Session, folder: str) -> pluggy.HookRelay:
        """pytest's hook proxy for `folder` (an absolute path), made once, and again when a plugin is
        registered. pytest makes it from the folder's conftest modules: a folder given its parent's
        (`_conftests_of_parent`) has its parent's proxy."""
        known = self._folder_hooks.get(folder)
        if known is None or known[0] != self.plugins_registered:
            if folder in self._as_parent:
                proxy = self._folder_hook_proxy(session, os.path.dirname(folder))
            else:
                proxy = session.gethookproxy(Path(folder))
            known = (self.plugins_registered, proxy)
            self._folder_hooks[folder] = known
        return known[1]

    # --- items --------------------------------------------------------------------------------------

    def findings(self, key: Key) -> Sequence[Finding]:
        return self._findings.get(key, ())

    def failing(self, key: Key) -> list[Finding]:
        return [f for f in self.findings(key) if f.severity >= self.fail_on]

    def format(self, findings: Sequence[Finding]) -> str:
        """The findings exactly as `migcheck check` prints them."""
        sources = self.result.sources
        # A file's text is read again where the lint read it: from the rootdir, wherever pytest was started.
        with _working_directory(self.root):
            return "\n".join(format_finding(f, lines_of(sources, f.mark.path)) for f in findings).rstrip("\n")

    # --- reporting ----------------------------------------------------------------------------------

    def pytest_report_header(self) -> str:
        source = self.settings.source or "defaults"
        files = len(self.result.described)
        # A selection reads only the files its rules need: the others would get no item.
        count = self.result.unread
        unread = f" ({count} more files not read: the selected rules do not need them)" if count else ""
        return f"migcheck {__version__}: {files} classic files under rootdir{unread}, settings: {source}"

    def _key(self, report: pytest.TestReport) -> Key | None:
        """The item a report is about, when it is one of ours. Reports, not items: under xdist the
        controller only sees reports. Worked out once per node id (each item has three reports)."""
        nodeid = report.nodeid
        if nodeid not in self._keys:
            self._keys[nodeid] = self._key_of(nodeid) if "migcheck" in report.keywords else None
        return self._keys[nodeid]

    def _key_of(self, nodeid: str) -> Key | None:
        path, _, code = nodeid.rpartition("::")
        path = shown(path)  # a node id holds the file name as it is; document paths are escaped
        return (path, code) if path in self._paths else None

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool | None:
        """pytest's own loop (`_pytest.main.pytest_runtestloop`), except that our items are run directly
        (`_run`) instead of through the `pytest_runtest_protocol` hook, whose wrappers (warnings capture,
        assertion rewriting, faulthandler, unittest) cost more per item than the item itself and have
        nothing to do for a dictionary lookup. Left to pytest when it would stop before running (collect
        only, collection errors) and when another plugin runs the loop (pytest-xdist's controller and
        workers, whose workers still run our items through `pytest_runtest_protocol` below)."""
        if not self._runs_the_loop(session):
            return None
        items = session.items
        hook = session.config.hook
        for index, item in enumerate(items):
            nextitem = items[index + 1] if index + 1 < len(items) else None
            if not self._run(item):
                hook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            if session.shouldfail:
                raise session.Failed(session.shouldfail)
            if session.shouldstop:
                raise session.Interrupted(session.shouldstop)
        return True

    def _runs_the_loop(self, session: pytest.Session) -> bool:
        option = session.config.option
        if option.collectonly or (session.testsfailed and not option.continue_on_collection_errors):
            return False
        others = session.config.hook.pytest_runtestloop.get_hookimpls()
        return all(
            impl.plugin is self or impl.plugin_name == "main" or impl.hookwrapper or impl.wrapper
            for impl in others
        )

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
        """Where another plugin runs the loop (pytest-xdist), our items still skip the runner's protocol."""
        return True if self._run(item) else None

    def _run(self, item: pytest.Item) -> bool:
        """Run one of our items without pytest's per-phase machinery (output capture, log capture,
        fixture setup, warning and unraisable-exception checks): an item is a dictionary lookup, and that
        machinery cost 20 times the lint on a 4,000-file estate. The three phases are still reported, so
        the terminal, --junitxml, -x and pytest-xdist see what they always see. Items someone gave other
        marks (skip, xfail, filterwarnings...) go through the normal protocol, which evaluates them:
        False for those, and for other plugins' items."""
        if not isinstance(item, MigcheckItem) or item.has_other_markers():
            return False
        hook = item.ihook
        nodeid, location = item.nodeid, item.location
        logreport = self._logreport(hook)
        logreport.start(nodeid=nodeid, location=location)
        call = logreport.make(item)
        # What this plugin's `pytest_runtest_logreport` does with an item's reports, done once, before any
        # plugin is given them: the callers leave this plugin out.
        self._ran.add(item.key)
        if logreport.idle is None:  # no plugin does anything with the reports of setup and teardown
            logreport.call(report=call)
        else:
            # Setup and teardown have nothing to run: their reports are built directly, sharing the call
            # report's keywords (collecting an item's keywords walks every parent node, per report).
            setup, teardown = _idle_reports(call)
            self._junit_classname(setup)
            logreport.idle(report=setup)
            logreport.call(report=call)
            logreport.idle(report=teardown)
        logreport.finish(nodeid=nodeid, location=location)
        return True

    def _logreport(self, hook: pluggy.HookRelay) -> _LogReport:
        """`_logreport_callers` for the hook proxy of a file, made once per proxy (the files of a folder
        without a conftest.py of its own share one) and again when a plugin is registered."""
        known = self._logreports.get(id(hook))
        if known is None or known[0] != self.plugins_registered:
            # The proxy is kept with its callers, so that its id is not given to another while it is here.
            known = (self.plugins_registered, hook, self._logreport_callers(hook))
            self._logreports[id(hook)] = known
        return known[2]

    def _logreport_callers(self, hook: pluggy.HookRelay) -> _LogReport:
        """`hook.pytest_runtest_logreport` for the reports `_run` makes, without this plugin, and for
        those of the setup and teardown phases that did nothing (`_idle_reports`) also without pytest's
        own terminal reporter when only pytest's own plugins say what a report's status is: they say a
        passed setup or teardown has none (no letter, no word), so the reporter would only file such a
        report under '' in its stats, from which `pytest_sessionfinish` drops ours anyway. Every other
        plugin still gets the reports; the reporter too when another plugin (a conftest.py among them)
        can give a status, or has put its own reporter in its place. pytest's logging plugin is left out
        of the hooks around an item where they do nothing (`_logging_off`), and the terminal reporter
        out of `pytest_runtest_logstart` where it does nothing there (`_quiet_reporter`)."""
        plugins = self.config.pluginmanager
        reporter = plugins.get_plugin("terminalreporter")
        logging_off = _logging_off(plugins)
        start = _called(plugins, hook.pytest_runtest_logstart, *logging_off, *_quiet_reporter(reporter))
        finish = _called(plugins, hook.pytest_runtest_logfinish, *logging_off)
        call = _without(plugins, hook.pytest_runtest_logreport, self, *logging_off)
        make = self._maker(hook.pytest_runtest_makereport)
        if type(reporter) is not pytest.TerminalReporter:
            return _LogReport(start, call, call, make, finish)
        statuses = hook.pytest_report_teststatus.get_hookimpls()
        if not all(getattr(impl.plugin, "__name__", "").startswith("_pytest.") for impl in statuses):
            return _LogReport(start, call, call, make, finish)
        idle = _without(plugins, hook.pytest_runtest_logreport, self, reporter, *logging_off)
        return _LogReport(start, call, _heeded(plugins, idle), make, finish)

    def _maker(self, hook: pluggy.HookCaller) -> Callable[[MigcheckItem], pytest.TestReport]:
        """How an item's call is run and reported: through `hook` (`pytest_runtest_makereport`), or, where
        only pytest's plugins implement it (`_OWN_MAKEREPORT`), by building the report pytest's runner
        would make (`_call_report`), without three layers of hook calls (two wrappers among them) per
        item. Another plugin (a conftest.py among them) gets the hook called."""
        plugins = {getattr(impl.plugin, "__name__", None) for impl in hook.get_hookimpls()}
        if plugins <= _OWN_MAKEREPORT:
            return self._call_report

        def made_by_the_hook(item: MigcheckItem) -> pytest.TestReport:
            report: pytest.TestReport = hook(item=item, call=pytest.CallInfo.from_call(item.runtest, "call"))
            return report

        return made_by_the_hook

    def _call_report(self, item: MigcheckItem) -> pytest.TestReport:
        """The report pytest's runner makes of an item's call (`TestReport.from_item_and_call` of
        `CallInfo.from_call(item.runtest)`), made from the item's findings directly: a failing item's
        text is what `repr_failure` gives for the exception `runtest` raises, so neither the exception,
        its traceback, nor the call's record are made, 1,500 times on a 4,000-file estate. Its keywords
        are pytest's (`_report_keywords`); its sections none: `_run` captures no output."""
        start, began = timing.time(), timing.perf_counter()
        failing = self.failing(item.key)
        text = self.format(failing) if failing else None
        duration = timing.perf_counter() - began
        return pytest.TestReport(
            item.id if _STRUCTURED_IDS else item.nodeid,
            item.location,
            _report_keywords(item),
            "failed" if failing else "passed",
            text,
            "call",
            [],
            duration,
            start,
            timing.time(),
            user_properties=item.user_properties,
        )

    @pytest.hookimpl(tryfirst=True)  # before --junitxml's writer records the report
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """The reports of the items `_run` does not run itself: those with marks of their own, and under
        pytest-xdist those the controller is sent."""
        key = self._key(report)
        if key is None:
            return
        self._junit_classname(report)
        if report.when == "call":
            self._ran.add(key)

    def _junit_classname(self, report: pytest.TestReport) -> None:
        """Give --junitxml's case the classname `--format junit` gives it (`test_names`): pytest's own
        starts with a dot for a file whose name does (`.gitlab-ci.yml`). An attribute set on the case is
        kept over pytest's, as `record_xml_attribute`'s are."""
        xml = self._junit_xml
        if xml is not None:
            # Imported only here: it compiles its patterns as it is imported (67 million instructions),
            # which a run without --junitxml does not need.
            from migcheck.report.junit import test_names

            path, _, code = report.nodeid.rpartition("::")
            xml.node_reporter(report).add_attribute("classname", test_names(path, code)[0])

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        # Runs inside the terminal reporter's sessionfinish, before its summary. For every failure that
        # summary scans all passed setup/teardown reports for teardown output (quadratic: 30 s for 1,500
        # failures among 25,000 items). Ours never have output, so they need not be scanned.
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        idle = getattr(reporter, "stats", {}).get("")
        if reporter is not None and idle:
            reporter.stats[""] = [r for r in idle if not self._idle_phase(r)]

    def _idle_phase(self, report: pytest.TestReport) -> bool:
        return report.when != "call" and report.passed and not report.sections and bool(self._key(report))

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        # The warnings `migcheck check` prints for settings patterns that match no file. Written here, not
        # as Python warnings: a project whose filterwarnings makes warnings errors must not fail on them.
        warnings = [
            *self._plugin_warnings,
            *(unmatched_pattern_warning(self.settings, *unmatched) for unmatched in self.result.unmatched),
        ]
        not_read = self._not_read()
        if not self._ran and not warnings and not not_read:
            return
        terminalreporter.write_sep("=", "migcheck")
        for warning in warnings:
            terminalreporter.write_line(f"warning: {warning}", yellow=True)
        # An item passes on what migcheck read of its file: where a part could not be read, findings about
        # what it states may be missing, and a green file must not hide that (`check` says it too).
        for line in not_read:
            terminalreporter.write_line(f"warning: {line}", yellow=True)
        if not self._ran:
            return
        below = sorted(
            (f for key in self._ran for f in self.findings(key) if f.severity < self.fail_on),
            key=Finding.sort_key,
        )
        paths = {path for path, _ in self._ran}
        # Only the items that ran: `-k MIG202` counts what MIG202's items hold back, not the whole file's.
        held = Counter(
            s.reason.kind
            for s in self.result.suppressed
            if (s.finding.mark.path, s.finding.code) in self._ran
        )
        known = held.pop(BASELINE, 0)
        for finding in below:
            terminalreporter.write_line(headline(finding))
        # Before the summary, as `check` says it, of the items that ran: what was left out is not judged.
        stale = self._stale_baseline()
        if stale:
            terminalreporter.write_line(stale, yellow=True)
        terminalreporter.write_line(
            f"{len(self._ran)} {_plural('check', len(self._ran))} of {len(paths)} "
            f"{_plural('file', len(paths))}: {len(below)} "
            f"{_plural('finding', len(below))} below {self.fail_on} (passed{_still_blocking(below)}), "
            f"{held.total()} suppressed" + (f", {known} known from baseline" if known else "")
        )
        if below:
            terminalreporter.write_line(_why_they_passed(below, self.fail_on))

    def _stale_baseline(self) -> str:
        """The line `check` says of the findings the baseline records that no finding met, counted of the
        rules each file whose items ran is judged on (`_judged`); "" when there are none."""
        from migcheck.report.text import stale_baseline

        result = self.result
        if result.baseline is None:
            return ""
        judged = self._judged()
        known = sum(
            1
            for s in result.suppressed
            if s.reason.kind == BASELINE and s.finding.code in judged.get(s.finding.mark.path, ())
        )
        stale = result.baseline.recorded(judged) - known
        return stale_baseline(replace(result, stale_baseline=stale)).rstrip("\n")

    def _judged(self) -> dict[str, Collection[str]]:
        """The rules each file whose items ran is judged on: every rule the run checks where all its items
        ran and none was deselected (a rule whose findings were fixed may have no item left in the file),
        otherwise only the rules of its items that ran (`-k MIG202` judges MIG202 alone, even in a file
        whose other items were all fixed away; a stop at `-x` what ran before it)."""
        ran: defaultdict[str, set[str]] = defaultdict(set)
        for path, code in self._ran:
            ran[path].add(code)
        judged: dict[str, Collection[str]] = {}
        for path, codes in ran.items():
            document = self._documents.get(path)
            whole = (
                not self._left_out
                and document is not None
                and all(rule.code in codes for rule in self.rules_for(document))
            )
            judged[path] = self.result.enabled if whole else codes
        return judged

    def _not_read(self) -> list[str]:
        """What `check` says before its summary of the parts of the scripts whose items ran that migcheck
        could not read, a line each; none where every part was read."""
        from migcheck.report.unread import in_documents, summary_line  # only once migcheck has run

        ran = {path for path, _ in self._ran}
        parts = [p for p in in_documents(self.result.documents) if p.path in ran]
        return summary_line(parts).splitlines() if parts else []


def _why_they_passed(below: list[Finding], fail_on: Severity) -> str:
    """Why the items of findings listed above passed, and how to make them fail: a run that shows warnings
    and reports every item passed reads as a fault otherwise."""
    lowest = min(finding.severity for finding in below)
    return (
        f"(an item fails only on findings of severity {fail_on} or above; --migcheck-fail-on {lowest}, or "
        f'fail-on = "{lowest}" in [tool.migcheck], fails these too)'
    )


def _still_blocking(passed: list[Finding]) -> str:
    """`, though 1 blocks the migration`: a warning of a state Validate refuses while it lasts (MIG208)
    passes as its severity says, but the plan and the badge count it as a blocker (`blocks_migration`: not
    a file migcheck could not read, MIG001, which they list apart)."""
    from migcheck.report.readiness import blocks_migration  # only once migcheck has run

    passing = (finding for finding in passed if finding.severity is Severity.WARNING)
    blocking = sum(1 for finding in passing if blocks_migration(finding))
    if not blocking:
        return ""
    return f", though {blocking} {'blocks' if blocking == 1 else 'block'} the migration"


def _insert_by_name(nodes: list[Any], node: pytest.Collector) -> None:
    """Insert `node` into a folder's collected `nodes`, before the first whose name sorts after its own
    (pytest lists a folder by name)."""
    name = node.path.name
    at = next((i for i, other in enumerate(nodes) if other.path.name > name), len(nodes))
    nodes.insert(at, node)


def _merged_by_name(nodes: list[Any], files: list[MigcheckFile]) -> list[Any]:
    """A folder's collected `nodes` with the `files` of the folder its listing left out, each in its
    place: both are listed as pytest lists a folder, by name (a package's `__init__.py` first)."""
    return list(heapq.merge(nodes, files, key=lambda node: (node.path.name != "__init__.py", node.path.name)))


def _name(path: Path, parent: pytest.Collector) -> str | None:
    """The name pytest gives the collector of the file at `path` under `parent`, when `parent` is its
    folder (as it is when pytest lists a folder): the file's name. pytest works it out as the path
    relative to the parent's, with `pathlib`, a third of the cost of making the collector. None
    otherwise: pytest works it out."""
    return path.name if os.path.dirname(path) == str(parent.path) else None


def _items_in_place_of_files(session: pytest.Session, nodes: list[Any]) -> list[Any]:
    """`nodes`, a folder's collection, with each classic file's items in place of the file. pytest
    collects a collector with four hooks, a capture of the output and two reports, which cost more than
    all its items: the items keep the file as their parent (so node ids, -k, marks and the tree that
    --collect-only shows stay the same) but are handed to pytest by the folder. A file named on the
    command line stays a collector: pytest finds `path::MIG201` by looking for the file's node."""
    if not any(isinstance(node, MigcheckFile) for node in nodes):
        return nodes
    inlined: list[Any] = []
    for node in nodes:
        if isinstance(node, MigcheckFile) and not session.isinitpath(node.path):
            inlined.extend(node.collect())
        else:
            inlined.append(node)
    return inlined


def _without(
    plugins: pytest.PytestPluginManager, hook: pluggy.HookCaller, *left_out: object
) -> pluggy.HookCaller:
    """`hook` (of every plugin, or of those a folder's conftest.py files leave) without the `left_out`."""
    left = {impl.plugin for impl in hook.get_hookimpls()}
    every = {impl.plugin for impl in getattr(plugins.hook, hook.name).get_hookimpls()}
    return plugins.subset_hook_caller(hook.name, remove_plugins=(every - left).union(left_out))


def _called(
    plugins: pytest.PytestPluginManager, hook: pluggy.HookCaller, *left_out: object
) -> Callable[..., object]:
    """`hook` without the `left_out` (`_without`), or nothing to call where no plugin is left."""
    caller = _without(plugins, hook, *left_out)
    return caller if caller.get_hookimpls() else _nothing


def _heeded(plugins: pytest.PytestPluginManager, idle: pluggy.HookCaller) -> pluggy.HookCaller | None:
    """`idle`, the `pytest_runtest_logreport` of the setup and teardown reports of an item, or None where
    giving it such a report, which passed, does nothing: pytest's session alone implements it (it counts
    failures, for -x and --maxfail) and nothing watches the hook calls (pytest's --debug, pytester's
    recorder). Making the two reports and the two hook calls cost a quarter of an item's run."""
    watched = plugins._inner_hookexec is not getattr(pluggy._manager, "_multicall", None)
    if watched or not all(isinstance(impl.plugin, pytest.Session) for impl in idle.get_hookimpls()):
        return idle
    return None


def _nothing(**kwargs: object) -> None:
    return None


def _logging_off(plugins: pytest.PytestPluginManager) -> list[object]:
    """pytest's logging plugin, where live logging (`log_cli`) is off: what it does as an item starts,
    is reported and finishes is to tell its live-logging handler the phase, and that handler then does
    nothing (`_LiveLoggingNullHandler`). None otherwise."""
    logging_plugin = plugins.get_plugin("logging-plugin")
    handler = getattr(logging_plugin, "log_cli_handler", None)
    return [logging_plugin] if type(handler) is _LiveLoggingNullHandler else []


def _quiet_reporter(reporter: object) -> list[object]:
    """pytest's terminal reporter, where it shows neither an item's location nor its file as the item
    starts (`-q`): its `pytest_runtest_logstart` then writes nothing. None otherwise."""
    if type(reporter) is not pytest.TerminalReporter:
        return []
    return [] if reporter.showlongtestinfo or reporter.showfspath else [reporter]


def _idle_reports(call: pytest.TestReport) -> tuple[pytest.TestReport, pytest.TestReport]:
    """The reports of the setup and teardown phases that did nothing and passed, for an item's `call`
    report. Given the call report's structured node id where pytest has one (a string is parsed again),
    and the second made as a copy of the first."""
    nodeid = call.id if _STRUCTURED_IDS else call.nodeid
    setup = pytest.TestReport(
        nodeid, call.location, call.keywords, "passed", None, "setup", [], 0.0, call.start, call.start
    )
    teardown = object.__new__(pytest.TestReport)
    teardown.__dict__ = {**setup.__dict__, "when": "teardown", "sections": [], "user_properties": []}
    return setup, teardown


# A collector's keywords as its items' reports hold them after their own (`_report_keywords`).
_KEYWORDS = pytest.StashKey[dict[str, Literal[1]]]()


def _report_keywords(node: pytest.Item | pytest.Collector) -> dict[str, Literal[1]]:
    """The keywords pytest's runner gives a report of `node`, `dict.fromkeys(node.keywords, 1)`: the
    node's own, then those of its parents that it does not have (`NodeKeywords`). A collector's are worked
    out once, as the run first asks for them (after collection, where hooks may add some), rather than by
    walking up every parent again for each item."""
    own = getattr(node.keywords, "_markers", None)  # where pytest's `NodeKeywords` keeps the node's own
    if not isinstance(own, dict) or node.parent is None:
        return dict.fromkeys(node.keywords, 1)
    parent = node.parent
    above = parent.stash.get(_KEYWORDS, None)
    if above is None:
        above = parent.stash[_KEYWORDS] = _report_keywords(parent)
    return {**dict.fromkeys(own, 1), **above}


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(token.strip() for value in values for token in value.split(",") if token.strip())


def _shown_relative(path: Path, root: Path) -> str:
    """`path` as the lint run from `root` shows it: relative, `/`-separated, escaped (see `shown`)."""
    return shown(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/"))


def _real_path(root: Path, shown_path: str) -> Path | None:
    """The file a display path stands for. A name with undecodable bytes or control characters is shown
    escaped, so such a component is found by listing its folder; None when it cannot be found."""
    path = root
    for part in shown_path.split("/"):
        candidate = path / part
        if shown(part) == part and os.path.lexists(candidate):
            path = candidate
            continue
        try:
            names = os.listdir(path)
        except OSError:
            return None
        match = next((name for name in names if shown(name) == part), None)
        if match is None:
            return None
        path = path / match
    return path


def _where_listed(path: Path) -> Path:
    """The real path of the folder that lists `path`, joined with its name: where a walk of folders meets
    it. The name itself is not resolved: it may be a link in a loop, or to nothing."""
    return Path(os.path.realpath(path.parent)) / path.name


def _links_to_its_folder(path: Path) -> bool:
    """True for a symbolic link to the folder that holds it or to one above (see `pytest_ignore_collect`)."""
    if not path.is_symlink():
        return False
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling or self-naming link: pytest does not descend into it
        return False
    folder = path.parent.resolve()
    return target == folder or target in folder.parents


def _collectable(relative: Path) -> Path:
    """`relative` (to the rootdir), or the nearest folder above it, whose path pytest takes as a path:
    without `[`, which it reads as a parametrization, and `::`, which it reads as a node id's separator.
    The rootdir (`.`) always is."""
    return next(
        path for path in (relative, *relative.parents) if "[" not in str(path) and "::" not in str(path)
    )


def _outermost(args: Sequence[tuple[str, str]], folders: set[str]) -> list[str]:
    """The arguments of `args` ((absolute path, argument) pairs) in order, less those that repeat one
    before or lie in one of the `folders` (absolute paths) that are arguments too."""
    seen: set[str] = set()
    kept = []
    for absolute, arg in args:
        if absolute in seen or any(folder in folders for folder in _up_to(os.path.dirname(absolute))):
            continue
        seen.add(absolute)
        kept.append(arg)
    return kept


def _up_to(path: str, top: str | None = None) -> Iterator[str]:
    """`path` and the folders above it, up to `top` (included) or to the file system's root."""
    while True:
        yield path
        parent = os.path.dirname(path)
        if path == top or parent == path:
            return
        path = parent


def _plural(word: str, count: int) -> str:
    return word if count == 1 else word + "s"


@contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    previous = os.getcwd()
    if previous == str(path):  # as a rule, pytest runs in the rootdir: no change to make and undo
        yield
        return
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)
