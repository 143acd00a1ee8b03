"""The lines reported findings are located on, kept when they are located (`migcheck.texts`): a report that
shows each finding over its source line reads no file a second time. And locating in a text asked for its
lines in any order (`migcheck.source`): the same places as in a text asked for one line only."""

from __future__ import annotations

import importlib
import random
from pathlib import Path

import pytest
from test_texts import ACL

from migcheck import scan, texts
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Mark
from migcheck.plugins import load_rules
from migcheck.report import FORMATS, SHOWN_LINES, junit
from migcheck.report import text as text_report
from migcheck.source import SourceText

RULES = load_rules(entry_points=False)
CSCFG = "ServiceConfiguration.Cloud.cscfg"


NAMES = ("outlet", "shop", "store", "studio", "supply", "warehouse")  # more than `texts.RECENT`


@pytest.fixture(autouse=True)
def _texts_read_again(monkeypatch):
    """What is tested here is a text read again: a check of files as small as these holds them instead
    (`migcheck.texts.HELD_BYTES`)."""
    monkeypatch.setattr(texts, "HELD_BYTES", -1)


@pytest.fixture
def shops(tmp_path, monkeypatch) -> Path:
    for name in NAMES:
        (tmp_path / name).mkdir()
        (tmp_path / name / CSCFG).write_text(ACL.replace('"shop"', f'"{name}"'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def read_again(monkeypatch) -> list[str]:
    """The files read again, by the path they were opened by."""
    read: list[str] = []
    real = texts._read_again

    def counting(entry):
        read.append(entry.fs_path)
        return real(entry)

    monkeypatch.setattr(texts, "_read_again", counting)
    return read


def _with_whole_texts(result):
    """The report `result` would give with every text held whole, as the editor server holds them."""
    from dataclasses import replace

    return replace(result, sources={path: SourceText(result.sources[path].text) for path in result.sources})


@pytest.mark.parametrize("render", [text_report.render, junit.render], ids=["text", "junit"])
def test_a_report_of_findings_over_their_lines_reads_each_file_again_once(shops, read_again, render):
    result = lint(["."], Config(), RULES)
    with_findings = {f.mark.path for f in result.findings}
    assert len(with_findings) == len(NAMES) == len(read_again)  # each read again to locate its findings
    report = render(result)
    assert len(read_again) == len(NAMES)  # and not for the report: it shows the lines kept
    assert "10 |       " in report  # the snippet of a MIG201 (escaped in JUnit's XML)
    assert report == render(_with_whole_texts(result))


def test_a_line_too_long_to_keep_is_read_again_for_the_report(shops, read_again):
    long = ACL.replace("<EndpointAcl ", f'<EndpointAcl description="{"x" * texts.SHOWN_LENGTH}" ')
    (shops / "shop" / CSCFG).write_text(long, encoding="utf-8")
    result = lint(["."], Config(), RULES)
    report = text_report.render(result)
    assert [Path(path).parent.name for path in read_again] == [*NAMES, "shop"]
    assert f'description="{"x" * 60}' in report
    assert report == text_report.render(_with_whole_texts(result))


def test_a_file_changed_once_located_shows_the_lines_it_was_located_in(shops, read_again):
    result = lint(["."], Config(), RULES)
    for name in NAMES:
        (shops / name / CSCFG).write_text("<!-- moved -->\n" * 20, encoding="utf-8")
    report = text_report.render(result)
    assert report.count("10 |       <EndpointAcl") == len(NAMES) == len(read_again)


def test_the_lines_of_a_file_not_read_are_none(shops):
    result = lint(["."], Config(), RULES)
    assert texts.lines_of(result.sources, "elsewhere.cscfg") is None
    assert texts.lines_of({}, "elsewhere.cscfg") is None


# --- locating in one text, lines asked in any order ------------------------------------------------------

MARKED = """\
<?xml version="1.0"?>
<A>
  <!-- <B x="in a comment"> -->
  <B x="1">
  <![CDATA[ <B> <C/> ]]>
  <C
     y="2"/>
  <?pi <B> ?><B/><B
    z='>'>
  <!-- a comment
  <C/> over lines -->
  <C/>
  <D a="<" b='
'/>
</A>
"""


def _marks(text: str) -> list[Mark]:
    marks = [
        Mark("f.xml", line, tag, nth)
        for line in range(1, text.count("\n") + 3)
        for tag in "ABCD"
        for nth in (0, 1)
    ]
    return marks + [Mark("f.xml", line, "!--") for line in range(1, 13)]


@pytest.mark.parametrize("seed", range(20))
def test_marks_located_in_any_order_are_where_each_alone_is(seed):
    """The line bounds (split for the first few, then found for every line) and the comments, CDATA and
    processing instructions (found only as far as a line asked for) do not depend on what was asked first."""
    marks = _marks(MARKED)
    alone = [SourceText(MARKED).locate(mark) for mark in marks]
    order = list(range(len(marks)))
    random.Random(seed).shuffle(order)
    shared = SourceText(MARKED)
    assert {i: shared.locate(marks[i]) for i in order} == dict(enumerate(alone))


def test_lines_asked_in_any_order_are_the_lines():
    text = "".join(f"line {n}\r\n" if n % 3 else f"line {n}\n" for n in range(1, 40))
    for seed in range(5):
        order = list(range(-1, 45))
        random.Random(seed).shuffle(order)
        source = SourceText(text)
        assert [source.line(n) for n in order] == [SourceText(text).line(n) for n in order]
        assert [source.line(n) for n in order] == [
            text.split("\n")[n - 1].removesuffix("\r") if 1 <= n <= 40 else "" for n in order
        ]


# --- where a start tag ends --------------------------------------------------------------------------------


def _start_tag_end_one_value_at_a_time(text: str, start: int) -> int:
    """`scan.start_tag_end` as it was written before its pattern took all the values at once."""
    import re

    up_to_a_value = re.compile(r"""[^"'<>]*(?:"[^"]*"|'[^']*')?""")
    index = start + 1
    while True:
        end = up_to_a_value.match(text, index).end()  # type: ignore[union-attr]
        if end == index:
            stop = text[index : index + 1]
            if stop == ">":
                return index + 1
            return index if stop == "<" else len(text)
        index = end


def test_the_end_of_a_start_tag_is_where_a_scan_one_value_at_a_time_finds_it():
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice("<>\"'a =\n") for _ in range(rng.randrange(12)))
        for start in range(len(text)):
            assert scan.start_tag_end(text, start) == _start_tag_end_one_value_at_a_time(text, start)


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "workers"])
def test_a_check_for_a_report_that_shows_no_lines_keeps_none(shops, jobs):
    """JSON and SARIF show no source line: the lines the findings are on are not kept for them (5 MB at
    40,000 files), and the findings are located all the same."""
    shown = lint(["."], Config(), RULES, jobs=jobs)
    bare = lint(["."], Config(), RULES, jobs=jobs, show_lines=False)
    assert bare.findings == shown.findings
    assert all(shown.sources.shown(f.mark.path) for f in shown.findings)
    assert not any(bare.sources.shown(f.mark.path) for f in bare.findings)
    assert text_report.render(bare) == text_report.render(shown)  # the lines are read again when asked


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_a_format_keeps_the_lines_of_its_findings_when_it_shows_them(name, shops, monkeypatch, capsys):
    from migcheck import engine
    from migcheck.cli import main

    asked: list[bool] = []
    real = engine.lint

    def recording(*args, **kwargs):
        asked.append(kwargs["show_lines"])
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "lint", recording)
    main(["check", ".", "--format", name])
    capsys.readouterr()
    shows = "lines_of" in Path(importlib.import_module(FORMATS[name]).__file__).read_text(encoding="utf-8")
    assert asked == [shows] and (name in SHOWN_LINES) == shows
