"""Text from input files never reaches a person's terminal or a CI log with its control characters: a
forged `::error` line, a carriage return, an escape sequence are all shown as escapes."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from migcheck.cli import main
from migcheck.report.stream import json_text
from migcheck.visible import visible

# serviceName starts a new line that GitHub Actions would run as a workflow command; the role's name
# carries a carriage return, a C1 control and a right-to-left override (all legal in XML 1.0).
CSDEF = (
    '<ServiceDefinition name="x&#10;::error file=a::forged">'
    '<WebRole name="W&#13;::warning::x&#x85;&#x202e;&#x200e;&#x200f;&#x61c;&#xfeff;"/></ServiceDefinition>\n'
)
UNSAFE = ("\n::", "\r", "\x1b", "\x85", "\u202e", "\u200e", "\u200f", "\u061c", "\ufeff")
# Not XML (an escape character is not allowed in it), so MIG001 shows the line: raw bytes in a snippet.
BROKEN = '<ServiceConfiguration serviceName="x">\x1b]0;owned\x07\n::error file=b::forged\n'
FORMATS = ["text", "concise", "github", "junit"]


def test_visible_escapes_controls_and_keeps_text():
    assert visible("plain, tab\tand ünïcode") == "plain, tab\tand ünïcode"
    assert visible("a\nb\rc\x1b[31m\x85\u202e\udcff") == "a\\x0ab\\x0dc\\x1b[31m\\x85\\u202e\\xff"


def test_every_ascii_control_is_escaped_alone_or_in_plain_text():
    """Plain ASCII text is returned as it is without a search; any control in it (DEL too, but not a tab)
    still is escaped."""
    for code in range(128):
        char = chr(code)
        expected = char if char == "\t" or 0x20 <= code < 0x7F else f"\\x{code:02x}"
        assert visible(char) == expected and visible(f"vnet-{char}-01") == f"vnet-{expected}-01"


def test_text_and_json_reports_hide_the_same_characters():
    """Every character the JSON writers escape (beyond the C0 controls, which JSON escapes itself) is
    escaped in the text reports too: the bidirectional marks and the zero-width no-break space."""
    marks = "\u200e\u200f\u061c\ufeff\u202e\u2066\x85"
    assert visible(marks) == "\\u200e\\u200f\\u061c\\ufeff\\u202e\\u2066\\x85"
    assert json.loads(json_text(marks)) == marks and json_text(marks).isascii()


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_for_people_or_logs_writes_a_control_character(tmp_path, monkeypatch, capsys, fmt):
    (tmp_path / "ServiceDefinition.csdef").write_text(CSDEF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", ".", "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert not any(bad in out for bad in UNSAFE), out
    assert "x\\x0a::error file=a::forged" in out.replace("%3A", ":").replace("%2C", ",")
    assert not any(line.startswith(("::error file=a", "::warning::x")) for line in out.splitlines())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_snippet_of_a_broken_file_is_shown_not_obeyed(tmp_path, monkeypatch, capsys, fmt):
    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", ".", "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert not any(line.startswith("::error file=b") for line in out.splitlines())


@pytest.mark.parametrize(
    "fmt", ["text", "concise", "json", "report-json", "sarif", "github", "gitlab", "junit"]
)
def test_a_file_name_that_is_not_utf8_reaches_every_writer_escaped(tmp_path, monkeypatch, capsys, fmt):
    try:
        (tmp_path / "bad\udcff.cscfg").write_text(
            '<ServiceConfiguration serviceName="x"><Role name="W"/></ServiceConfiguration>'
        )
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system does not take undecodable file names")
    monkeypatch.chdir(tmp_path)
    assert main(["check", ".", "--format", fmt]) == 1  # a finding (MIG101), not a crash
    assert main(["check", ".", "--format", fmt, "--output-file", "out.txt"]) == 1
    written = (tmp_path / "out.txt").read_text(encoding="utf-8")
    if fmt == "sarif":  # a uri, for a viewer to open the file: the name's own bytes, percent-encoded
        assert "bad%FF.cscfg" in written and "%5C" not in written
    else:
        assert "bad\\xff.cscfg" in unquote(written).replace("\\\\", "\\")


# A C1 control that terminals read as ESC [ (CSI), DEL, a right-to-left override and a left-to-right mark:
# legal in XML and in JSON strings, invisible or harmful raw. And text that must stay readable.
HIDDEN = "\x9b31m\x7f\u202e\u200e"
NAMED = f'<ServiceDefinition name="café{HIDDEN}"><WebRole name="Web"/></ServiceDefinition>\n'.replace(
    "\x9b", "&#x9b;"
).replace("\x7f", "&#x7f;")
JSON_OUTPUTS = {
    "json": ["check", ".", "--format", "json"],
    "report-json": ["check", ".", "--format", "report-json"],
    "sarif": ["check", ".", "--format", "sarif"],
    "gitlab": ["check", ".", "--format", "gitlab"],
    "plan": ["plan", ".", "--format", "json"],
    "baseline": ["check", ".", "--write-baseline", "written.json"],
}


@pytest.mark.parametrize("argv", JSON_OUTPUTS.values(), ids=JSON_OUTPUTS.keys())
def test_json_outputs_escape_hidden_characters_and_keep_text_readable(tmp_path, monkeypatch, capsys, argv):
    (tmp_path / "ServiceDefinition.csdef").write_text(NAMED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(argv)
    out = capsys.readouterr().out
    if argv[-1] == "written.json":
        out = (tmp_path / "written.json").read_text(encoding="utf-8")
    assert not any(character in out for character in "\x9b\x7f\u202e\u200e"), ascii(out)
    assert "café\\u009b31m\\u007f\\u202e\\u200e" in out
    assert f"café{HIDDEN}" in json.dumps(json.loads(out), ensure_ascii=False)  # the same text, once read
