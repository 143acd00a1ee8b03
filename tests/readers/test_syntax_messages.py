"""MIG001 says what is wrong with a file that does not parse, and what to do, in the terms of what the file
is: JSON exports, scripts and XML each get their own advice, and no message passes on a parser's words
that mean nothing to the reader."""

from __future__ import annotations

from lint_support import lint_files


def _finding(tmp_path, monkeypatch, name: str, text: str):
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, "MIG001", dedent=False).findings
    return finding


def test_a_json_export_that_does_not_parse_is_told_to_fix_the_json(tmp_path, monkeypatch):
    text = '[{"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.ClassicCompute/virtualMachines/a",'
    finding = _finding(tmp_path, monkeypatch, "classic.json", text + "\n")
    assert finding.fix.startswith("Fix the JSON at the position shown, or export it again")


def test_a_number_too_long_to_read_is_named_as_such(tmp_path, monkeypatch):
    row = '{"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.ClassicCompute/virtualMachines/a", '
    text = (
        f'[{row}"type": "microsoft.classiccompute/virtualmachines", "properties": {{"n": {"9" * 5000}}}}}]\n'
    )
    finding = _finding(tmp_path, monkeypatch, "classic.json", text)
    assert "a number of thousands of digits" in finding.message
    assert "sys." not in finding.message


def test_a_control_character_in_cdata_is_named(tmp_path, monkeypatch):
    text = '<ServiceConfiguration serviceName="x"><![CDATA[\x1b[31m]]></ServiceConfiguration>'
    finding = _finding(tmp_path, monkeypatch, "ServiceConfiguration.Cloud.cscfg", text)
    assert finding.message == (
        "not well-formed XML: U+001B is a control character XML does not allow (line 1, column 48)"
    )
    assert finding.fix.startswith("Remove the character")
