"""The collectors and items: one `MigcheckFile` per classic file, one `MigcheckItem` per rule that
looks at a resource the file holds or reported on it (`MigcheckSession.rules_for`). Items only look up
findings the session already has; they never lint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy
import pytest

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr, TracebackStyle

    from migcheck.model import Document
    from migcheck.rule import Rule
    from pytest_migcheck.session import Key, MigcheckSession


# Made once: `add_marker("migcheck")` looks the name up among the registered markers for every item.
_MARK = pytest.mark.migcheck


class MigcheckFailure(Exception):
    """An item's findings at or above the fail-on severity, already formatted as the CLI prints them."""


class MigcheckFile(pytest.File):
    def __init__(self, *, document: Document, migcheck: MigcheckSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.document = document
        self.migcheck = migcheck
        self._hook: tuple[int, pluggy.HookRelay] | None = None  # (plugins registered, proxy)

    @property
    def ihook(self) -> pluggy.HookRelay:
        """pytest's proxy for the hooks of the conftest.py files that apply here, made once rather than
        at every hook call of the file and its items (pytest looks the file up on disk each time). Made
        again when a plugin is registered, as a conftest.py collection enters may change it."""
        registered = self.migcheck.plugins_registered
        if self._hook is None or self._hook[0] != registered:
            self._hook = (registered, self.migcheck.hook_proxy(self.session, self.path, self.document))
        return self._hook[1]

    def collect(self) -> Iterator[MigcheckItem]:
        for rule in self.migcheck.rules_for(self.document):
            yield MigcheckItem.from_parent(self, name=rule.code, rule=rule, migcheck=self.migcheck)


class MigcheckItem(pytest.Item):
    def __init__(self, *, rule: Rule, migcheck: MigcheckSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not isinstance(self.parent, MigcheckFile):
            raise TypeError(f"a MigcheckItem is collected by a MigcheckFile, not by {self.parent!r}")
        self.file = self.parent
        self.rule = rule
        self.migcheck = migcheck
        self.key: Key = (self.file.document.path, rule.code)
        # The code is the item's name, so `-k MIG2` matches already; `-k` reads extra keywords only
        # from `extra_keyword_matches`, and the marker adds `migcheck` for both -k and -m.
        self.extra_keyword_matches.add(rule.name)
        self.keywords[rule.name] = True
        # What `add_marker(_MARK)` does, without its checks of what it is given.
        self.keywords[_MARK.name] = _MARK.mark
        self.own_markers.append(_MARK.mark)
        # pytest derives this from reportinfo() and a path computation, per item, in a cached property
        # (which takes a lock in Python 3.11); our path is already relative to the rootdir, where the
        # lint ran, and the line is a lookup among the findings already made.
        self.location = (self.key[0], self._line(), self._domain())

    @property
    def ihook(self) -> pluggy.HookRelay:
        # The item's path is its file's: so are the conftest.py files, and the hooks, that apply to it.
        return self.file.ihook

    def has_other_markers(self) -> bool:
        """True when a mark other than our own `migcheck` applies (a conftest or hook added one)."""
        return any(mark.name != "migcheck" for mark in self.own_markers) or _marked(self.file)

    def runtest(self) -> None:
        failing = self.migcheck.failing(self.key)
        if failing:
            raise MigcheckFailure(self.migcheck.format(failing))

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None
    ) -> str | TerminalRepr:
        # The findings are the whole story: a traceback into the plugin would only hide them.
        if excinfo.errisinstance(MigcheckFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self._line(), self._domain()

    def _line(self) -> int:
        """The 0-based line of the first finding; the file's first line when there is none."""
        findings = self.migcheck.findings(self.key)
        location = findings[0].location if findings else None
        return location.line - 1 if location else 0

    def _domain(self) -> str:
        return f"{self.key[0]}::{self.rule.code} {self.rule.name}"


# Whether a mark other than `migcheck` applies to a collector (`_marked`).
_MARKED = pytest.StashKey[bool]()


def _marked(node: pytest.Collector) -> bool:
    """Whether a mark other than `migcheck` applies to the collector `node`: its own or one of a collector
    above it. Worked out once per collector, as the run first asks (after collection, where hooks may
    add marks), rather than by walking up every parent again for each item."""
    marked = node.stash.get(_MARKED, None)
    if marked is None:
        parent = node.parent
        own = any(mark.name != "migcheck" for mark in node.own_markers)
        marked = node.stash[_MARKED] = own or (parent is not None and _marked(parent))
    return marked
