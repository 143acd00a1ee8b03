"""Locating reported findings: where a start tag ends (`migcheck.scan`), a file read again known by the
identity the walk recorded of it (`migcheck.texts`), and the findings sorted a file at a time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_texts import ACL

from migcheck import engine, guarded, scan
from migcheck import texts as texts_module
from migcheck.config import Config
from migcheck.engine import lint, locate_findings
from migcheck.model import Finding, Mark, Severity
from migcheck.plugins import load_rules
from migcheck.source import SourceText

RULES = load_rules(entry_points=False)
CSCFG = "ServiceConfiguration.Cloud.cscfg"


@pytest.fixture(autouse=True)
def _texts_read_again(monkeypatch):
    """What is tested here is a text read again: a check of files as small as these holds them instead
    (`migcheck.texts.HELD_BYTES`)."""
    monkeypatch.setattr(texts_module, "HELD_BYTES", -1)


# --- where a start tag ends ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("<a>", 3),
        ("<a x='1' y=\"2\">rest", 15),
        ("<a x='>' y=\"<\">", 15),  # quoted `>` and `<` do not end it
        ("<a x='it''s'/>", 14),  # quotes side by side
        ("<a x='1' <b/>", 9),  # cut short (a buffer mid-edit): before the next `<`
        ("<a x='1>", 8),  # an unclosed quote runs to the end of the text
        ('<a x="1\'>">', 11),  # the other quote inside a value
        ("<a", 2),
    ],
)
def test_the_end_of_a_start_tag(text, end):
    assert scan.start_tag_end(text, 0) == end


def test_the_end_of_a_start_tag_is_found_from_where_it_starts():
    text = "<A>\n  <B b='>'/>\n</A>"
    assert scan.start_tag_end(text, text.index("<B")) == text.index("/>") + 2
    assert scan.start_tag_end(text, len(text)) == len(text)


def test_the_end_of_a_start_tag_with_many_values_takes_no_memory_per_value():
    import tracemalloc

    text = "<a" + ' x="1"' * 200_000 + ">"
    tracemalloc.start()
    try:
        assert scan.start_tag_end(text, 0) == len(text)
        assert tracemalloc.get_traced_memory()[1] < 100_000  # a pattern repeating per value: 50 MB
    finally:
        tracemalloc.stop()


# --- a file read again ------------------------------------------------------------------------------------


def test_the_identity_the_walk_recorded_is_kept_with_the_check_in_one_number():
    from migcheck.texts import _OnDisk, _with_identity

    check = (1 << 192) - 12345
    for identity in [(2049, 7), (0, 1), ((1 << 64) - 1, (1 << 64) - 1)]:
        entry = _OnDisk("x", (False, "/", False), _with_identity(check, identity))
        assert (entry.identity, entry.check) == (identity, check)
    for none in [None, (0, 0), (1 << 64, 1), (1, -1)]:  # left out: the reader then checks the path
        entry = _OnDisk("x", (False, "/", False), _with_identity(check, none))
        assert (entry.identity, entry.check) == (None, check)


@pytest.fixture
def shop(tmp_path, monkeypatch) -> Path:
    (tmp_path / "repo" / "shop").mkdir(parents=True)
    (tmp_path / "repo" / "shop" / CSCFG).write_text(ACL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "repo" / "shop"


def _paths_checked(monkeypatch) -> list[str]:
    """Where the guarded reader found opened files to lead, each time it had to look."""
    asked: list[str] = []
    real = guarded.opened_path

    def recording(fd: int) -> str | None:
        path = real(fd)
        asked.append(str(path))
        return path

    monkeypatch.setattr(guarded, "opened_path", recording)
    return asked


def _mig201(result) -> Finding:
    (finding,) = [f for f in result.findings if f.code == "MIG201"]
    return finding


def test_a_file_read_again_is_known_by_the_identity_the_walk_recorded(shop, monkeypatch):
    """No file is looked up by where its descriptor leads, when first read nor when read again."""
    asked = _paths_checked(monkeypatch)
    result = lint(["repo"], Config(), RULES)
    loc = _mig201(result).location
    assert (loc.line, loc.column) == (10, 7)
    assert result.sources[f"repo/shop/{CSCFG}"].text == ACL
    assert asked == []


def _between_read_and_locate(monkeypatch, change) -> None:
    real_link = engine.link

    def link_then_change(documents, grouping):
        change()
        return real_link(documents, grouping)

    monkeypatch.setattr(engine, "link", link_then_change)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see what was opened")
def test_a_file_replaced_since_it_was_read_is_checked_by_where_it_leads(shop, monkeypatch):
    """Another file under the same name (the same bytes, as an editor saving it writes a new file): its
    identity is not the walk's, so the reader checks where it leads; inside the folder, it is read."""
    asked = _paths_checked(monkeypatch)

    def replace_file() -> None:
        (shop / "new.tmp").write_text(ACL, encoding="utf-8")
        os.replace(shop / "new.tmp", shop / CSCFG)

    _between_read_and_locate(monkeypatch, replace_file)
    result = lint(["repo"], Config(), RULES)
    assert asked == [str((shop / CSCFG).resolve())]
    assert (_mig201(result).location.line, _mig201(result).location.column) == (10, 7)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see what was opened")
def test_a_folder_swapped_for_a_link_out_since_it_was_read_gives_no_text(shop, tmp_path, monkeypatch):
    """Even to a file with the very bytes read: the opened file is outside the folder being checked."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / CSCFG).write_text(ACL, encoding="utf-8")

    def swap() -> None:
        (shop / CSCFG).unlink()
        shop.rmdir()
        shop.symlink_to(outside)

    _between_read_and_locate(monkeypatch, swap)
    result = lint(["repo"], Config(), RULES)
    finding = _mig201(result)
    assert (finding.location.line, finding.location.column) == (10, 1)  # the reader's line, no column
    assert result.sources[finding.mark.path].text == ""


# --- sorted a file at a time -------------------------------------------------------------------------------


def _finding(code: str, path: str, line: int, tag: str = "B") -> Finding:
    return Finding(code, "n", Severity.ERROR, "m", "f", Mark(path, line, tag), "t", "r")


def test_findings_are_sorted_by_where_they_are_located_a_file_at_a_time():
    texts = {"a": SourceText("<A>\n<B/><B/>\n  <B/>\n"), "b": SourceText("<B/>\n<B/>")}
    findings = [
        _finding("MIG2", "b", 2),
        _finding("MIG1", "a", 3),
        _finding("MIG1", "b", 1),
        _finding("MIG9", "a", 2),
        _finding("MIG1", "a", 2),
        _finding("MIG1", "a", 9, tag="Gone"),  # not shown in the text: at its line, column 1
    ]
    located = locate_findings(list(findings), texts)
    assert [(f.location.path, f.location.line, f.location.column, f.code) for f in located] == [
        ("a", 2, 1, "MIG1"),
        ("a", 2, 1, "MIG9"),
        ("a", 3, 3, "MIG1"),
        ("a", 9, 1, "MIG1"),
        ("b", 1, 1, "MIG1"),
        ("b", 2, 1, "MIG2"),
    ]
    assert located == sorted(located, key=Finding.sort_key)
