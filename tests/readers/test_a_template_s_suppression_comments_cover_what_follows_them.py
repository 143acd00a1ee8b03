"""A JSON deployment template's `// migcheck: ignore[...]` and `/* migcheck: ... */` comments (which
Resource Manager allows) are suppressions, as a Bicep file's are: on a line of their own they cover the
member or array item after them (a resource with all it holds), at the end of a line that line,
`ignore-file` the file; one with nothing after it applies to nothing (MIG006). Each is read once, in
linear time."""

from __future__ import annotations

from growth import assert_linear
from lint_support import lint_files, where

from migcheck.readers.template import template_suppressions

NETWORK = """\
{{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {before}{{
      "type": "Microsoft.ClassicNetwork/virtualNetworks",
      "apiVersion": "2016-11-01",
      "name": "legacy",
      "properties": {{
        "addressSpace": {{
          "addressPrefixes": [
            {item}"10.1.0.00/16"{end_of_line}
          ]
        }},
        "subnets": [
          {{ "name": "front", "addressPrefix": "10.0.1.0/24" }}
        ]{last}
      }}
    }}
  ]
}}
"""


def _codes(tmp_path, monkeypatch, **parts: str) -> list[str]:
    values = {"before": "", "item": "", "end_of_line": "", "last": ""} | parts
    result = lint_files(tmp_path, monkeypatch, {"net.json": NETWORK.format(**values)}, dedent=False)
    return sorted(where(result.findings))


def test_without_a_comment_the_findings_are_reported(tmp_path, monkeypatch):
    assert _codes(tmp_path, monkeypatch) == ["MIG304 net.json:11:13", "MIG601 net.json:4:5"]


def test_a_comment_before_the_resource_covers_all_it_holds(tmp_path, monkeypatch):
    before = "// migcheck: ignore[MIG304, MIG601] rewritten as Resource Manager next quarter\n    "
    assert _codes(tmp_path, monkeypatch, before=before) == []


def test_a_block_comment_before_an_item_covers_the_item(tmp_path, monkeypatch):
    item = "/* migcheck: ignore[MIG304] fixed by the network team */\n            "
    assert _codes(tmp_path, monkeypatch, item=item) == ["MIG601 net.json:4:5"]


def test_a_comment_before_a_property_covers_its_value_s_lines(tmp_path, monkeypatch):
    text = NETWORK.format(before="", item="", end_of_line="", last="").replace(
        '        "addressSpace"',
        '        // migcheck: ignore[MIG304] fixed by the network team\n        "addressSpace"',
    )
    result = lint_files(tmp_path, monkeypatch, {"net.json": text}, dedent=False)
    assert sorted(where(result.findings)) == ["MIG601 net.json:4:5"]


def test_a_comment_at_the_end_of_a_line_covers_that_line(tmp_path, monkeypatch):
    assert _codes(tmp_path, monkeypatch, end_of_line=" // migcheck: ignore[MIG304] known") == [
        "MIG601 net.json:4:5"
    ]


def test_ignore_file_anywhere_covers_the_file(tmp_path, monkeypatch):
    last = "\n        // migcheck: ignore-file[MIG601] the template is retired with the network"
    assert _codes(tmp_path, monkeypatch, last=last) == ["MIG304 net.json:11:13"]


def test_a_comment_with_nothing_after_it_or_naming_no_rule_is_reported(tmp_path, monkeypatch):
    last = "\n        // migcheck: ignore[MIG304] nothing follows\n        // migcheck: ignore[MIG999] no such rule"
    assert _codes(tmp_path, monkeypatch, last=last) == [
        "MIG005 net.json:18:9",
        "MIG006 net.json:17:9",
        "MIG304 net.json:11:13",
        "MIG601 net.json:4:5",
    ]


def test_directive_text_inside_a_string_is_no_comment(tmp_path, monkeypatch):
    text = NETWORK.format(before="", item="", end_of_line="", last="").replace(
        '"name": "legacy"', '"name": "legacy", "tags": {"note": "// migcheck: ignore-file[MIG304] no"}'
    )
    result = lint_files(tmp_path, monkeypatch, {"net.json": text}, dedent=False)
    assert sorted(where(result.findings)) == ["MIG304 net.json:11:13", "MIG601 net.json:4:5"]


def test_reading_the_comments_grows_linearly_with_nested_commented_values():
    def template(n: int) -> str:
        return "{" + '// migcheck: ignore[MIG304] x\n"a": [' * n + "1" + "]" * n + "}"

    def make(n: int):
        text = template(n)
        return lambda: template_suppressions("t.json", text)

    assert_linear(make, 3_000)
