"""Positions in files whose lines end in a lone carriage return (classic Mac OS: `\\r` not followed by
`\\n`), as an editor and an LSP client show them: lxml, tree-sitter and the JSON readers count `\\n` lines
only, Python's parser counts every ending, and what is reported counts every ending, whichever counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.model import Location, Mark
from migcheck.scan import whole_lines
from migcheck.source import SourceText

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "contoso"
ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}

CSCFG = """<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web">
    <Instances count="2" />
  </Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule action="permit" description="office" order="100" remoteSubnet="203.0.113.0/24" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <!-- migcheck: ignore[MIG999] not a rule -->
      <EndpointAcl role="Web" endPoint="HttpIn" accessControl="office" />
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""

SCRIPT = """import azure.servicemanagement as sm

sms = sm.ServiceManagementService("subscription", "certificate.pem")
sms.create_virtual_network_site("shop")
"""


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", *args, "--format", "json", "--fail-on", "info"])
    return json.loads(capsys.readouterr().out)


def positions(findings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    keys = ("code", "line", "column", "end_line", "end_column")
    return [tuple(f[k] for k in keys) for f in findings]


def write(tmp_path: Path, name: str, text: str, ending: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", ending).encode())
    return path


# --- the source text ------------------------------------------------------------------------------


def test_an_xml_mark_counts_newlines_and_its_location_every_ending():
    text = "<A>\r  <B/>\r  <C/>\n<D/></A>"
    source = SourceText(text)
    # lxml puts B and C on line 1 (no "\n" before them) and D on line 2.
    assert source.locate(Mark("f", 1, "B")) == Location("f", 2, 3, 2, 7)
    assert source.locate(Mark("f", 1, "C")) == Location("f", 3, 3, 3, 7)
    assert source.locate(Mark("f", 2, "D")) == Location("f", 4, 1, 4, 5)


def test_a_python_mark_counts_every_ending_as_its_location_does():
    text = "a = 1\rb = call()\r\nc = 2\n"
    source = SourceText(text, every_ending=True)
    assert source.locate(Mark("f", 2, column=5)) == Location("f", 2, 5, 2, 9)
    assert source.locate(Mark("f", 3, column=1)) == Location("f", 3, 1, 3, 2)


def test_a_column_mark_on_a_newline_line_is_shown_on_the_line_it_falls_on():
    # A JSON reader's mark: line 1 (no "\n"), column 9 is the `"` of "b", on the second line shown.
    source = SourceText('{"a":\r  "b": 1}\n')
    assert source.locate(Mark("f", 1, column=9)) == Location("f", 2, 3, 2, 6)


def test_lines_and_offsets_count_every_ending():
    source = SourceText("one\rtwo\r\nthree\n\rfour")
    assert source.lines == ["one", "two", "three", "", "four"]
    assert [source.line(n) for n in range(1, 7)] == ["one", "two", "three", "", "four", ""]
    assert source.offsets == [0, 4, 9, 15, 16, 21]
    assert source.line_at(source.text.index("four")) == 5
    assert source.offset_of_line(2) == 4


def test_a_line_asked_for_first_counts_every_ending():
    assert SourceText("one\rtwo\rthree").line(3) == "three"


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_without_a_lone_carriage_return_marks_are_lines_as_shown(ending: str):
    text = f"<A>{ending}  <B/>{ending}</A>"
    source = SourceText(text)
    assert source.locate(Mark("f", 2, "B")) == Location("f", 2, 3, 2, 7)
    assert not source.has_lone_cr()


def test_a_carriage_return_at_the_very_end_is_a_line_ending():
    source = SourceText("<A/>\r")
    assert source.has_lone_cr()
    assert source.lines == ["<A/>", ""]


def test_an_element_alone_on_a_line_ending_in_a_carriage_return_is_removed_with_its_line():
    text = "<A>\r  <B/>\r  <C/>\r</A>"
    start = text.index("<B")
    assert whole_lines(text, start, start + len("<B/>")) == (text.index("\r") + 1, text.index("<C") - 2)
    crlf = "<A>\r\n  <B/>\r\n</A>"
    start = crlf.index("<B")
    assert whole_lines(crlf, start, start + len("<B/>")) == (5, crlf.index("</A>"))


# --- reported as shown, whatever the ending --------------------------------------------------------


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_a_service_configuration_is_located_alike_with_every_ending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ending: str
):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "shop.cscfg", CSCFG, ending)
    found = positions(check_json(capsys, "shop.cscfg"))
    assert ("MIG101", 3, 3, 3, 20) in found
    assert ("MIG201", 14, 7, 14, 74) in found
    assert ("MIG005", 13, 7, 13, 51) in found  # the suppression comment naming no rule, whole


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_a_python_script_is_located_alike_with_every_ending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ending: str
):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "deploy.py", SCRIPT, ending)
    found = positions(check_json(capsys, "deploy.py"))
    assert found == [("MIG601", 3, 10, 3, 34)]  # `ServiceManagementService`, its end included


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_an_inventory_export_is_located_alike_with_every_ending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ending: str
):
    monkeypatch.chdir(tmp_path)
    text = (EXAMPLES / "inventory" / "classic.json").read_text()
    write(tmp_path, "classic.json", text, ending)
    found = positions(check_json(capsys, "classic.json"))
    write(tmp_path, "classic.json", text, "\n")
    assert found == positions(check_json(capsys, "classic.json"))
    assert found


def test_the_text_report_shows_the_line_the_finding_is_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "shop.cscfg", CSCFG, "\r")
    main(["check", "shop.cscfg", "--select", "MIG201"])
    out = capsys.readouterr().out
    assert "shop.cscfg:14:7: MIG201" in out
    assert '14 |       <EndpointAcl role="Web" endPoint="HttpIn" accessControl="office" />\n' in out


def test_a_suppression_comment_works_in_a_file_with_lone_carriage_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "shop.cscfg", CSCFG.replace("MIG999] not a rule", "MIG201] reviewed"), "\r")
    assert "MIG201" not in [f["code"] for f in check_json(capsys, "shop.cscfg")]
