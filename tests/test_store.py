"""The editor server's document store (`migcheck.store`): documents kept on disk between runs stand for
reading their files exactly, only for the very bytes they were read from, and nothing in a store file can
make migcheck build anything but its own records."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from pathlib import Path

import pytest

from migcheck import store as store_module
from migcheck.config import Config
from migcheck.engine import ReadCache, lint, walk
from migcheck.plugins import load_rules
from migcheck.readers import read_document
from migcheck.store import DocumentStore, cache_folder

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RULES = load_rules(entry_points=False)

CSCFG = b"""\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="1"/></Role>
</ServiceConfiguration>
"""


def _files(*roots: Path) -> list[Path]:
    return sorted(p for root in roots for p in root.rglob("*") if p.is_file())


def _store(tmp_path: Path) -> DocumentStore:
    return DocumentStore(str(tmp_path / "store" / "documents.json"))


def _alike(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down: equality alone takes a str for a str enum."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_alike(x, y) for x, y in zip(a, b, strict=False))  # type: ignore[arg-type]
    if isinstance(a, frozenset):
        return a == b and sorted(map(repr, a)) == sorted(map(repr, b))  # type: ignore[arg-type]
    if dataclasses.is_dataclass(a):
        return all(_alike(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return a == b


def _unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading a file fail the test: what follows must come from the store."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read, not taken from the store")

    monkeypatch.setattr("migcheck.readers.read_document", refuse)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_every_document_kept_is_the_document_read_with_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    files = {str(p): p.read_bytes() for p in _files(CORPUS, EXAMPLES)}
    read = {p: read_document(p, data, explicit=False) for p, data in files.items()}
    first = _store(tmp_path)
    for path, data in files.items():
        assert first.read(path, path, data, explicit=False) == read[path]
    first.save(files)
    _unread(monkeypatch)
    second, kept = _store(tmp_path), 0
    for path, data in files.items():
        if read[path] is None or path not in second._entries():
            continue
        document = second.read(path, path, data, explicit=False)
        assert _alike(document, read[path]), path
        assert document.text == read[path].text, path
        kept += 1
    assert kept >= 150  # the classic files and most scripts: all but scripts decoded by a coding cookie


def test_a_kept_document_is_used_only_for_the_same_bytes_path_and_way_of_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    first = _store(tmp_path)
    first.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    first.save(["/w/a.cscfg"])
    calls: list[str] = []
    real = read_document

    def counted(path: str, data: bytes, *, explicit: bool):
        calls.append(path)
        return real(path, data, explicit=explicit)

    monkeypatch.setattr("migcheck.readers.read_document", counted)
    second = _store(tmp_path)
    assert second.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False).path == "a.cscfg"
    assert calls == []
    changed = CSCFG.replace(b'count="1"', b'count="2"')
    assert second.read("/w/a.cscfg", "a.cscfg", changed, explicit=False).resources[0].roles[0].instances == 2
    assert second.read("/w/a.cscfg", "w/a.cscfg", CSCFG, explicit=False).path == "w/a.cscfg"
    second.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=True)
    assert calls == ["a.cscfg", "w/a.cscfg", "a.cscfg"]


def test_a_store_of_another_version_or_not_json_or_too_large_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    first = _store(tmp_path)
    first.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    first.save(["/w/a.cscfg"])
    path = Path(first.path)
    kept = json.loads(path.read_text())
    for broken in (
        {**kept, "fingerprint": "another migcheck"},
        {**kept, "layout": 0},
        {**kept, "documents": []},
        [kept],
    ):
        path.write_text(json.dumps(broken))
        assert _store(tmp_path)._entries() == {}
    path.write_bytes(b"\xff{not json")
    assert _store(tmp_path)._entries() == {}
    path.write_text(json.dumps(kept))
    monkeypatch.setattr(store_module, "_MAX_STORE_BYTES", 100)
    assert _store(tmp_path)._entries() == {}


@pytest.mark.parametrize(
    "forged",
    [
        '["d","Popen","ls"]',  # not a class of the model
        '["d","__builtins__"]',
        '["e","Document","x"]',  # a record named as an enum
        '["d","Mark","a.cscfg",1]',  # too few fields
        '["d","Document","a.cscfg",null,"",["t"],["t"],null,"","extra"]',  # too many
        '["x"]',
        '"just a string"',
        "[]",
        # the right record and arity, with values of other types
        '["d","Document","a.cscfg",null,"",5,["t"],null,""]',
        '["d","Document",7,null,"",["t"],["t"],null,""]',
        '["d","Document","a.cscfg",null,"",["t"],["t",5],null,""]',
        '["d","Document","a.cscfg",null,"",["t",["m","one",2,0,0]],["t"],null,""]',
        "[" * 5000 + "]" * 5000,  # deeper than Python's JSON decoder can go
    ],
)
def test_a_forged_entry_builds_nothing_and_the_file_is_read(tmp_path: Path, forged: str):
    first = _store(tmp_path)
    first.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    first.save(["/w/a.cscfg"])
    path = Path(first.path)
    kept = json.loads(path.read_text())
    kept["documents"]["/w/a.cscfg"][4] = forged
    path.write_text(json.dumps(kept))
    document = _store(tmp_path).read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    assert document == read_document("a.cscfg", CSCFG, explicit=False)


def test_a_script_decoded_by_its_own_coding_is_not_kept(tmp_path: Path):
    script = "# -*- coding: latin-1 -*-\nfrom azure.servicemanagement import ServiceManagementService\nx = 'caf\xe9'\n"
    data = script.encode("latin-1")
    first = _store(tmp_path)
    assert first.read("/w/s.py", "s.py", data, explicit=False) is not None
    first.save(["/w/s.py"])
    assert "/w/s.py" not in _store(tmp_path)._entries()


def test_the_store_is_written_atomically_never_through_a_link(tmp_path: Path):
    first = _store(tmp_path)
    first.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    target = tmp_path / "elsewhere"
    target.write_text("precious")
    Path(first.path).parent.mkdir(parents=True)
    os.symlink(target, first.path)
    first.save(["/w/a.cscfg"])  # not an error: nothing is kept
    assert target.read_text() == "precious"
    assert _store(tmp_path)._entries() == {}  # a link in the store's place is not followed to read either

    folder = tmp_path / "linked-folder"
    os.symlink(tmp_path / "real-folder", folder)
    (tmp_path / "real-folder").mkdir()
    linked = DocumentStore(str(folder / "documents.json"))
    linked.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    linked.save(["/w/a.cscfg"])
    assert list((tmp_path / "real-folder").iterdir()) == []


def test_the_store_folder_is_private_and_only_changes_are_written(tmp_path: Path):
    first = _store(tmp_path)
    first.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    first.save(["/w/a.cscfg"])
    assert os.stat(Path(first.path).parent).st_mode & 0o077 == 0
    written = os.stat(first.path).st_mtime_ns
    second = _store(tmp_path)
    second.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    assert not second.unsaved
    second.save(["/w/a.cscfg"])
    assert os.stat(first.path).st_mtime_ns == written
    second.save([])  # the file is no longer in the workspace: dropped
    assert _store(tmp_path)._entries() == {}


def test_the_cache_folder_is_named_by_the_environment_or_the_platform(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MIGCHECK_CACHE_DIR", "")
    assert cache_folder() is None and DocumentStore.for_workspace(["/w"]) is None
    monkeypatch.setenv("MIGCHECK_CACHE_DIR", "relative/cache")
    assert cache_folder() == os.path.abspath("relative/cache")
    monkeypatch.delenv("MIGCHECK_CACHE_DIR")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert cache_folder() == "/xdg/migcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "not/absolute")  # the XDG rule: ignored, as unset
    assert cache_folder() == os.path.expanduser("~/.cache/migcheck")
    a, b = DocumentStore.for_workspace(["/w", "/v"]), DocumentStore.for_workspace(["/v", "/w"])
    assert a is not None and b is not None and a.path == b.path
    assert DocumentStore.for_workspace(["/w"]).path != a.path  # type: ignore[union-attr]


def test_a_lint_from_the_store_finds_what_a_lint_from_the_files_finds(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    config = Config()
    plain = lint(["."], config, RULES, jobs=1)
    expected = [(f.code, f.location, f.message) for f in plain.findings]
    first = ReadCache(_store(tmp_path))
    found = walk(["."], config)
    assert [
        (f.code, f.location, f.message) for f in lint(["."], config, RULES, cache=first).findings
    ] == expected
    first.save()
    _unread(monkeypatch)  # every example file is one the store keeps
    second = ReadCache(_store(tmp_path))
    again = lint(["."], config, RULES, cache=second, walked=found)
    assert [(f.code, f.location, f.message) for f in again.findings] == expected


def test_a_pipe_in_the_stores_place_is_neither_written_into_nor_waited_on(tmp_path: Path):
    first = _store(tmp_path)
    first.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    Path(first.path).parent.mkdir(parents=True)
    os.mkfifo(first.path)
    first.save(["/w/a.cscfg"])  # returns: no reader would ever take what a write into it blocks on
    assert Path(first.path).is_fifo()


def _kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list, dict[str, list[object]], str]:
    """The examples linted with a cache, their findings kept and the store written: (the findings, the
    files as read, a file holding findings)."""
    monkeypatch.chdir(EXAMPLES)
    cache = ReadCache(_store(tmp_path))
    found = walk(["."], Config())
    result = lint(["."], Config(), RULES, cache=cache, walked=found, locate=False)
    files = cache.stamps(found)
    assert files is not None and result.findings
    assert cache.store is not None
    cache.store.keep_findings("settings", files, result.findings)
    cache.save()
    return result.findings, files, next(fs for fs, f in files.items() if f[0] == result.findings[0].mark.path)


def test_findings_are_kept_for_the_very_files_settings_and_bytes_they_were_found_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    findings, files, fs_path = _kept(tmp_path, monkeypatch)
    data = Path(fs_path).read_bytes()
    path = files[fs_path][0]
    again = _store(tmp_path)
    assert again.kept_findings("settings", files, fs_path, data) == [
        f for f in findings if f.mark.path == path
    ]
    assert _store(tmp_path).kept_findings("other settings", files, fs_path, data) is None
    assert _store(tmp_path).kept_findings("settings", files, fs_path, data + b"\n") is None
    touched = {**files, fs_path: [*files[fs_path][:2], 0, 0, 0]}
    assert _store(tmp_path).kept_findings("settings", touched, fs_path, data) is None
    fewer = {p: f for p, f in files.items() if p != fs_path}
    assert _store(tmp_path).kept_findings("settings", fewer, fs_path, data) is None


@pytest.mark.parametrize(
    "forged",
    [
        "not json",
        '{"a": 1}',
        '[["d","Document","a.cscfg",null,"",["t"],["t"],null,""]]',
        '[["d","Finding","MIG201","n",["e","Severity",3],"m","f",["m",1,"",0,0],"t","n",null,5]]',
        '[["d","Finding","MIG201","n",["e","Severity",3],"m","f",["M","other.cscfg",1,"",0,0],"t","n",null,null]]',
        "[" * 5000 + "]" * 5000,
    ],
)
def test_forged_kept_findings_build_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forged: str):
    _findings, files, fs_path = _kept(tmp_path, monkeypatch)
    stored = Path(_store(tmp_path).path)
    kept = json.loads(stored.read_text())
    kept["findings"]["settings"]["findings"][files[fs_path][0]] = forged
    stored.write_text(json.dumps(kept))
    assert _store(tmp_path).kept_findings("settings", files, fs_path, Path(fs_path).read_bytes()) is None


def test_writing_a_store_deletes_the_stores_of_workspaces_unopened_for_a_month(tmp_path: Path):
    folder = tmp_path / "cache" / "documents"
    folder.mkdir(parents=True)
    month_ago = time.time() - 31 * 86400
    old, recent, other = (folder / f"{'a' * 24}.json", folder / f"{'b' * 24}.json", folder / "notes.json")
    for path in (old, recent, other):
        path.write_text("{}")
    (tmp_path / "precious").write_text("x")
    link = folder / f"{'c' * 24}.json"
    link.symlink_to(tmp_path / "precious")
    for path in (old, other, tmp_path / "precious"):
        os.utime(path, (month_ago, month_ago))
    store = DocumentStore(str(folder / f"{'d' * 24}.json"))
    store.read("/w/a.cscfg", "a.cscfg", CSCFG, explicit=False)
    store.save(["/w/a.cscfg"])
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [recent.name, other.name, link.name, f"{'d' * 24}.json"]
    )
    assert (tmp_path / "precious").read_text() == "x"
