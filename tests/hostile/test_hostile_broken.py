"""Broken files: truncated, empty, binary, folders with a classic name, unreadable, vanishing. Each one is
a MIG001 finding with a position when the parser has one; every other file is still checked; exit 1."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from hostile_support import CORPUS_CSCFG, check_json, needs_corpus

from migcheck import engine
from migcheck.model import FileKind
from migcheck.readers import read_document

GOOD = '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>'
# Noise after a zip header. A fixed seed: the bytes are in the test's id, which every pytest-xdist worker
# must compute alike (os.urandom made `pytest -n 2` stop on "Different tests were collected").
ZIP_NOISE = random.Random(2024).randbytes(64)


@needs_corpus
def test_a_corpus_file_truncated_at_every_element_boundary():
    data = CORPUS_CSCFG.read_bytes()
    offsets = [i for i, byte in enumerate(data) if byte == ord("<")] + [len(data)]
    assert len(offsets) > 10
    for offset in offsets:
        doc = read_document("svc/ServiceConfiguration.Cloud.cscfg", data[:offset], explicit=False)
        assert doc is not None
        assert doc.kind is FileKind.SERVICE_CONFIGURATION
        if doc.problem is None:  # only the whole file (or it plus trailing space) is a document
            assert data[offset:].strip() == b""
            continue
        assert doc.problem.kind == "syntax"
        assert doc.problem.message.startswith(("not well-formed XML", "empty file"))
        assert doc.problem.mark.line >= 1 and doc.problem.mark.column >= 1
        assert doc.problem.mark.line <= data[:offset].count(b"\n") + 1


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty file"),
        (b" \t\r\n\n  ", "empty file"),
        (bytes(range(256)) * 4, "not a text file: it holds binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file: it holds binary data"),
        (b"PK\x03\x04" + ZIP_NOISE, "not a text file: it holds binary data"),
    ],
)
def test_empty_and_binary_files(data, words):
    doc = read_document("svc/x.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.kind == "syntax" and words in doc.problem.message


@pytest.fixture
def estate(tmp_path, monkeypatch):
    """A folder with one good file and room for broken ones; the working directory is its parent."""
    (tmp_path / "repo" / "a").mkdir(parents=True)
    (tmp_path / "repo" / "a" / "a.csdef").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "repo"


def _by_path(findings):
    found: dict[str, list[str]] = {}
    for f in findings:
        found.setdefault(str(f["path"]), []).append(str(f["code"]))
    return found


def test_broken_files_do_not_stop_the_run(estate, capsys):
    (estate / "empty.cscfg").write_bytes(b"")
    (estate / "blank.netcfg").write_bytes(b"   \n")
    (estate / "garbage.csdef").write_bytes(bytes(range(256)))
    (estate / "cut.cscfg").write_bytes(b'<ServiceConfiguration serviceName="s">\n  <Role name="r">')
    (estate / "z").mkdir()
    (estate / "z" / "z.csdef").write_text(GOOD.replace("shop", "shop2"))
    code, findings = check_json(capsys, "repo")
    assert code == 1
    found = _by_path(findings)
    for name in ("empty.cscfg", "blank.netcfg", "garbage.csdef", "cut.cscfg"):
        assert found[f"repo/{name}"] == ["MIG001"]
    assert "MIG101" in found["repo/a/a.csdef"] and "MIG101" in found["repo/z/z.csdef"]
    cut = next(f for f in findings if f["path"] == "repo/cut.cscfg")
    assert (cut["line"], cut["column"]) == (2, 17)  # the last character of the file, where the parser stopped


def test_a_folder_named_like_a_classic_file_is_walked(estate, capsys):
    folder = estate / "x.cscfg"
    folder.mkdir()
    (folder / "inner.csdef").write_text(GOOD)
    for argv in (["repo"], ["repo/x.cscfg"]):
        code, findings = check_json(capsys, *argv)
        assert code == 1
        assert "repo/x.cscfg/inner.csdef" in _by_path(findings)
        assert "repo/x.cscfg" not in _by_path(findings)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_on_disk(estate, capsys):
    locked = estate / "locked.cscfg"
    locked.write_text("<ServiceConfiguration/>")
    locked.chmod(0)
    try:
        code, findings = check_json(capsys, "repo")
    finally:
        locked.chmod(0o644)
    assert code == 1
    finding = next(f for f in findings if f["path"] == "repo/locked.cscfg")
    assert finding["code"] == "MIG001" and "Permission denied" in str(finding["message"])


def test_an_unreadable_file(estate, capsys, monkeypatch):
    """The same, simulated, since CI runs as root: opening the file fails with EACCES."""
    (estate / "locked.cscfg").write_text("<ServiceConfiguration/>")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if os.fspath(path).endswith("locked.cscfg"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    code, findings = check_json(capsys, "repo")
    assert code == 1
    found = _by_path(findings)
    assert found["repo/locked.cscfg"] == ["MIG001"]
    assert "MIG101" in found["repo/a/a.csdef"]
    message = next(f["message"] for f in findings if f["path"] == "repo/locked.cscfg")
    assert message == "cannot read the file: Permission denied"


def test_a_file_that_disappears_between_discovery_and_reading(estate, capsys, monkeypatch):
    (estate / "gone.cscfg").write_text("<ServiceConfiguration/>")
    discover = engine.discover

    def discover_then_delete(*args, **kwargs):
        candidates = list(discover(*args, **kwargs))
        (estate / "gone.cscfg").unlink()
        return iter(candidates)

    monkeypatch.setattr(engine, "discover", discover_then_delete)
    code, findings = check_json(capsys, "repo")
    assert code == 1
    found = _by_path(findings)
    assert found["repo/gone.cscfg"] == ["MIG001"]
    assert "MIG101" in found["repo/a/a.csdef"]
    message = next(f["message"] for f in findings if f["path"] == "repo/gone.cscfg")
    assert message.startswith("the file went away during the check")


def test_a_named_pipe_in_a_folder_is_not_waited_on(estate, capsys):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(estate / "pipe.cscfg")
    code, findings = check_json(capsys, "repo")  # would block for ever if the walk opened it blocking
    assert code == 1
    message = next(f["message"] for f in findings if f["path"] == "repo/pipe.cscfg")
    assert "not a regular file" in str(message)


def test_an_unlistable_folder_is_a_finding_not_a_silent_gap(estate, capsys, monkeypatch):
    (estate / "sub").mkdir()
    (estate / "sub" / "b.csdef").write_text(GOOD)
    real_scandir = os.scandir

    def deny(path=".", *args):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", deny)
    code, findings = check_json(capsys, "repo")
    assert code == 1
    message = next(f["message"] for f in findings if f["path"] == "repo/sub")
    assert message == "cannot read the folder: Permission denied"


def test_symlink_loops_and_links_out_of_the_folder(estate, capsys, tmp_path):
    (estate / "loop").symlink_to(estate)  # a folder loop: never followed
    (estate / "self.cscfg").symlink_to(estate / "self.cscfg")  # a file loop: cannot be opened
    (estate / "dangling.cscfg").symlink_to(estate / "nowhere.cscfg")
    outside = tmp_path / "outside.cscfg"
    outside.write_text("root:x:0:0:secret-line\n")
    (estate / "leak.cscfg").symlink_to(outside)
    (estate / "linked").mkdir()
    # Inside the folder, to a file the walk does not read under its own name: read through the link
    (estate / "a" / "a.csdef").rename(estate / "a" / "a.csdef.saved")
    (estate / "linked" / "b.csdef").symlink_to(estate / "a" / "a.csdef.saved")
    code, findings = check_json(capsys, "repo")
    assert code == 1
    found = _by_path(findings)
    assert found["repo/self.cscfg"] == ["MIG001"] and found["repo/dangling.cscfg"] == ["MIG001"]
    assert found["repo/leak.cscfg"] == ["MIG001"]
    assert "MIG101" in found["repo/linked/b.csdef"]
    assert not any(p.startswith("repo/loop/") for p in found)
    assert all("secret-line" not in str(f["message"]) for f in findings)
    leak = next(f["message"] for f in findings if f["path"] == "repo/leak.cscfg")
    assert "outside the folder" in str(leak)
    # named explicitly, the user asked for it: it is read
    code, findings = check_json(capsys, "repo/leak.cscfg")
    assert "not well-formed" in str(findings[0]["message"])


def test_a_copy_of_the_examples_with_broken_files_keeps_every_other_finding(tmp_path, monkeypatch, capsys):
    examples = Path(__file__).resolve().parents[2] / "examples" / "contoso"
    shutil.copytree(examples, tmp_path / "clean")
    shutil.copytree(examples, tmp_path / "broken")
    for i, name in enumerate(("bad.cscfg", "bad.csdef", "bad.netcfg", "bad.xml")):
        (tmp_path / "broken" / name).write_bytes([b"", b"\x00\xff", b"<a", b"<Deployment"][i])
    monkeypatch.chdir(tmp_path)
    _, clean = check_json(capsys, "clean")
    _, broken = check_json(capsys, "broken")
    strip = [{**f, "path": str(f["path"]).split("/", 1)[1]} for f in broken]
    bad = [f for f in strip if str(f["path"]).startswith("bad.")]
    assert {f["path"] for f in bad} == {"bad.cscfg", "bad.csdef", "bad.netcfg"}  # bad.xml: not classic
    assert [f for f in strip if f not in bad] == [
        {**f, "path": str(f["path"]).split("/", 1)[1]} for f in clean
    ]
