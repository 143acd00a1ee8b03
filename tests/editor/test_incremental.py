"""What the language server keeps between lints (the walk, the files read, each subscription's linked
estate and findings) never changes a diagnostic: after any sequence of edits and of files created, changed
and deleted on disk, the server's diagnostics for the buffer are those of a lint from scratch."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp
from pygls.workspace.position_codec import PositionCodec
from test_server import ACL, CSDEF, NETCFG, NO_ACL, LspClient, open_document

import migcheck.engine
import migcheck.server
from migcheck.config import load_config
from migcheck.engine import lint
from migcheck.server import MigcheckServer, _diagnostic, _encode, _project
from migcheck.source import SourceText

CODEC = PositionCodec(lsp.PositionEncodingKind.Utf16)
CONFIG = """\
[tool.migcheck.subscriptions]
north = ["north/**"]
south = ["south/**"]
"""
BUFFER = "north/shop/ServiceConfiguration.Cloud.cscfg"
# What may be on disk: the files of two subscriptions, each in one of a few versions (None: absent).
FILES: dict[str, tuple[str | None, ...]] = {
    BUFFER: (NO_ACL, ACL, NO_ACL.replace('"Web"', '"Api"')),
    "north/shop/ServiceDefinition.csdef": (None, CSDEF, CSDEF.replace('"Web"', '"Api"')),
    "north/shop/ServiceConfiguration.Local.cscfg": (None, NO_ACL),
    "north/NetworkConfig.netcfg": (None, NETCFG),
    "south/shop/ServiceDefinition.csdef": (None, CSDEF),
    "south/shop/ServiceConfiguration.Cloud.cscfg": (None, ACL),
}


class Counter:
    """Wraps a function and counts its calls."""

    def __init__(self, function: Any) -> None:
        self.function, self.calls = function, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.function(*args, **kwargs)


def write(root: Path, relative: str, text: str | None) -> None:
    path = root / relative
    if text is None:
        path.unlink(missing_ok=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def project(tmp: Path) -> Path:
    (tmp / "pyproject.toml").write_text(CONFIG)
    for relative, versions in FILES.items():
        write(tmp, relative, versions[1])
    return tmp


def from_scratch(root: Path, text: str) -> list[lsp.Diagnostic]:
    """The buffer's diagnostics from a lint that keeps nothing: `migcheck check --stdin-filename`."""
    path = str(root / BUFFER)
    config = load_config(start=os.path.dirname(path))
    result = lint(
        [str(root)], config, migcheck.server.MigcheckServer().rules, stdin=_encode(text), stdin_path=path
    )
    source = SourceText(text)
    return [_diagnostic(f, source, CODEC) for f in result.findings]


def diagnose(server: MigcheckServer, root: Path, text: str) -> list[lsp.Diagnostic]:
    return [d for d, _ in server.diagnose(str(root / BUFFER), text, str(root), CODEC)]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, Counter]:
    spies = {
        "walk": Counter(migcheck.server.walk),
        "link": Counter(migcheck.engine.link_subscription),
        "read": Counter(migcheck.engine._read),
    }
    monkeypatch.setattr(migcheck.server, "walk", spies["walk"])
    monkeypatch.setattr(migcheck.engine, "link_subscription", spies["link"])
    monkeypatch.setattr(migcheck.engine, "_read", spies["read"])
    return spies


def test_a_change_neither_walks_nor_reads_again_and_links_only_its_subscription(
    tmp_path: Path, counted: dict[str, Counter]
):
    root = project(tmp_path)
    server = MigcheckServer()
    server.watching = True
    diagnose(server, root, ACL)
    assert counted["walk"].calls == 1
    assert counted["link"].calls == 2  # north and south
    reads = counted["read"].calls

    assert [d.code for d in diagnose(server, root, NO_ACL)] == []
    assert counted["walk"].calls == 1
    assert counted["read"].calls == reads + 1  # the buffer alone
    assert counted["link"].calls == 3  # north again; south is kept


def test_the_files_as_saved_are_linked_once_for_every_document_opened_unchanged(
    tmp_path: Path, counted: dict[str, Counter]
):
    root = project(tmp_path)
    server = MigcheckServer()
    config, context = _project(str(root), str(root))
    server.lint(context, config, None, None, walked=True)  # what the server does on `initialized`
    assert counted["link"].calls == 2
    saved = (root / BUFFER).read_text()
    other = root / "north/shop/ServiceConfiguration.Local.cscfg"
    diagnose(server, root, saved)
    assert counted["link"].calls == 2
    diagnose(server, root, saved + "<!-- an edit -->\n")  # north again
    server.diagnose(str(other), other.read_text(), str(root), CODEC)  # opened unchanged: kept
    assert counted["link"].calls == 3


def test_a_file_the_watcher_reports_created_or_deleted_is_seen(tmp_path: Path, counted: dict[str, Counter]):
    root = project(tmp_path)
    csdef = root / "north/shop/ServiceDefinition.csdef"
    csdef.unlink()
    server = MigcheckServer()
    server.watching = True
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG101"]

    csdef.write_text(CSDEF)
    server.changed_on_disk([str(csdef)], walk_again=True)
    assert diagnose(server, root, NO_ACL) == []
    assert counted["walk"].calls == 2

    csdef.unlink()
    server.changed_on_disk([str(csdef)], walk_again=True)
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG101"]


def test_a_file_changed_in_place_is_read_again_when_the_watcher_says_so(tmp_path: Path):
    root = project(tmp_path)
    csdef = root / "north/shop/ServiceDefinition.csdef"
    server = MigcheckServer()
    server.watching = True
    assert diagnose(server, root, NO_ACL) == []
    csdef.write_text(CSDEF.replace('"Web"', '"Api"'))
    server.changed_on_disk([str(csdef)], walk_again=False)
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG003"]


def test_without_a_watcher_a_vanished_file_makes_the_server_walk_again(
    tmp_path: Path, counted: dict[str, Counter], monkeypatch: pytest.MonkeyPatch
):
    root = project(tmp_path)
    server = MigcheckServer()
    assert diagnose(server, root, NO_ACL) == []
    (root / "north/shop/ServiceDefinition.csdef").unlink()
    # Within STAT_SECONDS of the last stat the files read are trusted; past it, each is stat-ed again.
    monkeypatch.setattr(server, "_verified", -math.inf)
    assert [d.code for d in diagnose(server, root, NO_ACL)] == ["MIG101"]
    assert counted["walk"].calls == 2


# --- a property: what is kept never changes a diagnostic ----------------------------------------------------

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, len(FILES[BUFFER]) - 1)),
        st.tuples(
            st.sampled_from(sorted(FILES)),
            st.integers(0, 2),
        ),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS, news=st.sampled_from(["watcher", "save", "stat"]))
def test_after_any_edits_and_changes_on_disk_diagnostics_are_those_of_a_fresh_lint(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]], news: str
):
    """`news`: how the server hears of a change on disk. "watcher": the client's file watcher reports
    it; "save": the client has none and the file is saved in the editor; "stat": nobody says anything
    and STAT_SECONDS have passed, so files are stat-ed again (a file created that way is only seen at
    the next save, so a creation is a save)."""
    root = project(tmp_path_factory.mktemp("workspace"))
    server = MigcheckServer()
    server.watching = news == "watcher"
    text = FILES[BUFFER][0]
    for what, version in steps:
        if what == "edit":
            text = FILES[BUFFER][version]
        else:
            versions = FILES[what]
            existed = (root / what).exists()
            write(root, what, versions[version % len(versions)])
            if news == "stat" and existed:
                server._verified = -math.inf
            else:
                server.changed_on_disk([str(root / what)], walk_again=True)
        assert diagnose(server, root, text) == from_scratch(root, text)


# --- over the protocol ------------------------------------------------------------------------------------


@pytest.fixture
def watched(workspace: Path):
    """A session with a client that lets the server register for file-change events, as VS Code does."""
    lsp_client = LspClient(workspace.parent)
    lsp_client.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": workspace.as_uri(),
            "workspaceFolders": [{"uri": workspace.as_uri(), "name": "shop"}],
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}},
        },
    )
    lsp_client.notify("initialized", {})
    yield lsp_client
    lsp_client.close()


def test_the_server_registers_for_file_changes_and_sees_files_come_and_go(
    watched: LspClient, workspace: Path
):
    csdef = workspace / "shop" / "ServiceDefinition.csdef"
    csdef.unlink()
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    assert [d["code"] for d in open_document(watched, uri, NO_ACL)] == ["MIG101"]
    (registration,) = [
        r
        for m in watched.notifications
        if m.get("method") == "client/registerCapability"
        for r in m["params"]["registrations"]
    ]
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    patterns = {w["globPattern"] for w in registration["registerOptions"]["watchers"]}
    assert {"**/*.csdef", "**/*.cscfg", "**/pyproject.toml", "**/.gitignore", "**/*"} <= patterns

    csdef.write_text(CSDEF)
    watched.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": csdef.as_uri(), "type": 1}]})
    assert watched.diagnostics(uri) == []

    csdef.unlink()
    watched.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": csdef.as_uri(), "type": 3}]})
    assert [d["code"] for d in watched.diagnostics(uri)] == ["MIG101"]


def test_without_a_watcher_a_file_created_is_seen_on_the_next_save(client: LspClient, workspace: Path):
    csdef = workspace / "shop" / "ServiceDefinition.csdef"
    csdef.unlink()
    uri = (workspace / "shop" / "ServiceConfiguration.Cloud.cscfg").as_uri()
    assert [d["code"] for d in open_document(client, uri, NO_ACL)] == ["MIG101"]
    assert not [m for m in client.notifications if m.get("method") == "client/registerCapability"]
    csdef.write_text(CSDEF)
    client.notify("textDocument/didSave", {"textDocument": {"uri": csdef.as_uri()}})
    assert client.diagnostics(uri) == []
