"""A `.bicep` file's `// migcheck: ignore[...]` and `/* migcheck: ... */` comments are suppressions: on a
line of their own they cover the declaration, property or item after them (a resource with all it holds), at
the end of a line that line, `ignore-file` the file; one with nothing after it applies to nothing (MIG006)."""

from __future__ import annotations

from lint_support import lint_files, where

NETWORK = """\
{before}resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {{
  name: 'legacy'
  properties: {{
    addressSpace: {{
      addressPrefixes: [
        {item}'10.1.0.00/16'{end_of_line}
      ]
    }}
    subnets: [
      {{
        name: 'front'
        addressPrefix: '10.0.1.0/24'
      }}
    ]{last}
  }}
}}
"""


def _codes(tmp_path, monkeypatch, **parts: str) -> list[str]:
    values = {"before": "", "item": "", "end_of_line": "", "last": ""} | parts
    result = lint_files(tmp_path, monkeypatch, {"net.bicep": NETWORK.format(**values)}, dedent=False)
    return sorted(where(result.findings))


def test_without_a_comment_the_findings_are_reported(tmp_path, monkeypatch):
    assert _codes(tmp_path, monkeypatch) == ["MIG304 net.bicep:6:9", "MIG601 net.bicep:1:1"]


def test_a_comment_before_the_resource_covers_all_it_holds(tmp_path, monkeypatch):
    before = "// migcheck: ignore[MIG304, MIG601] rewritten as Resource Manager next quarter\n"
    assert _codes(tmp_path, monkeypatch, before=before) == []


def test_a_block_comment_before_an_item_covers_the_item(tmp_path, monkeypatch):
    item = "/* migcheck: ignore[MIG304] fixed by the network team */\n        "
    assert _codes(tmp_path, monkeypatch, item=item) == ["MIG601 net.bicep:1:1"]


def test_a_comment_at_the_end_of_a_line_covers_that_line(tmp_path, monkeypatch):
    assert _codes(tmp_path, monkeypatch, end_of_line=" // migcheck: ignore[MIG304] known") == [
        "MIG601 net.bicep:1:1"
    ]


def test_ignore_file_anywhere_covers_the_file(tmp_path, monkeypatch):
    last = "\n    // migcheck: ignore-file[MIG601] the template is retired with the network"
    assert _codes(tmp_path, monkeypatch, last=last) == ["MIG304 net.bicep:6:9"]


def test_a_comment_with_nothing_after_it_or_naming_no_rule_is_reported(tmp_path, monkeypatch):
    last = "\n    // migcheck: ignore[MIG304] nothing follows\n    // migcheck: ignore[MIG999] no such rule"
    assert _codes(tmp_path, monkeypatch, last=last) == [
        "MIG005 net.bicep:16:5",
        "MIG006 net.bicep:15:5",
        "MIG304 net.bicep:6:9",
        "MIG601 net.bicep:1:1",
    ]
