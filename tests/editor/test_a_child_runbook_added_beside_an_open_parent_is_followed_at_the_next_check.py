"""The editor keeps each script's reading between checks, while the settings files it took values from
hold the same bytes. A parent runbook open in the editor that starts a child its folder does not hold yet
is read with the start not followed (runbook-not-followed); once the child's file is created beside it,
the next check follows the start, as a check from scratch does: the folder the parent looked in for its
runbooks counts among what its reading took, so a file added there or taken away reads the parent again."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from test_a_child_runbook_a_parent_starts_or_calls_by_name_runs_with_the_values_it_passes import (
    CHILD,
    STARTERS,
    starts,
)

from migcheck.engine import LintResult, lint
from migcheck.model import RUNBOOK_NOT_FOLLOWED
from migcheck.server import MigcheckServer, _encode, _project

PARENT = starts(*STARTERS[0])


def not_read(result: LintResult) -> list[tuple[str, int, str]]:
    return [
        (d.path.rsplit("/", 1)[-1], m.line, m.tag)
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        for m in getattr(r, "unread", ())
    ]


def check(server: MigcheckServer, root: Path) -> LintResult:
    """The check the server runs for the parent's buffer, holding the text saved."""
    config, context = _project(str(root), str(root))
    return server.lint(context, config, _encode(PARENT), str(root / "New-Estate.ps1"), walked=True)


def from_scratch(root: Path) -> LintResult:
    config, context = _project(str(root), str(root))
    path = str(root / "New-Estate.ps1")
    return lint(context, config, MigcheckServer().rules, stdin=_encode(PARENT), stdin_path=path)


@pytest.mark.parametrize("watching", [True, False])
def test_a_child_created_beside_the_open_parent_is_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watching: bool
):
    monkeypatch.chdir(tmp_path)  # the editor's workspace, where the server runs
    (tmp_path / "New-Estate.ps1").write_text(PARENT)
    server = MigcheckServer()
    server.watching = watching
    assert not_read(check(server, tmp_path)) == [
        ("New-Estate.ps1", 7, RUNBOOK_NOT_FOLLOWED),
        ("New-Estate.ps1", 9, RUNBOOK_NOT_FOLLOWED),
    ]

    child = tmp_path / "Workflow New-AppVM.ps1"
    child.write_text(CHILD)
    server.changed_on_disk([str(child)], walk_again=True)  # the watcher's event, or a save's walk
    assert not_read(check(server, tmp_path)) == not_read(from_scratch(tmp_path)) == []

    child.unlink()
    server.changed_on_disk([str(child)], walk_again=True)
    assert len(not_read(check(server, tmp_path))) == 2
