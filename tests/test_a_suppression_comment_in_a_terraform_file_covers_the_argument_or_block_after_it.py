"""`# migcheck: ignore[MIG304] reason` in a `.tf` file did nothing, and said nothing: a Terraform user could not
silence a finding, and a typo in a rule's code was not reported. Terraform's three comment styles (`#`, `//`,
`/* */`) now hold directives as other files' comments do: on a line of their own they cover the argument or
block after them in the same block (a block with all it holds), at the end of a line that line, `ignore-file`
the file; one that names no rule is MIG005, one that silences nothing MIG006."""

from __future__ import annotations

import pytest
from lint_support import lint_files

RULES = ("MIG005", "MIG006", "MIG304")

NETWORK = """\
resource "azure_virtual_network" "app" {{
  name          = "app-vnet"
  address_space = ["10.20.0.0/16"]
  location      = "West Europe"

  subnet {{
    name           = "frontend"
    address_prefix = "10.20.1.0/24"
  }}

  {before_block}
  subnet {{
    name           = "backend"
    {before_argument}
    address_prefix = "10.20.02.0/24" {end_of_line}
  }}
  {last}
}}
"""


def _lint(tmp_path, monkeypatch, **comments: str) -> tuple[list[str], list[str]]:
    """(reported, suppressed) as `CODE@line` for main.tf with `comments` at their places."""
    places = {"before_block": "", "before_argument": "", "end_of_line": "", "last": ""} | comments
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK.format(**places)}, *RULES)
    reported = [f"{f.code}@{f.mark.line}" for f in result.findings]
    suppressed = [f"{s.finding.code}@{s.finding.mark.line}" for s in result.suppressed]
    return reported, suppressed


def test_without_a_comment_the_subnet_s_prefix_is_reported(tmp_path, monkeypatch):
    assert _lint(tmp_path, monkeypatch) == (["MIG304@15"], [])


@pytest.mark.parametrize(
    "comment",
    [
        "# migcheck: ignore[MIG304] renumbered in the portal",
        "// migcheck: ignore[MIG304] renumbered in the portal",
        "/* migcheck: ignore[MIG304] renumbered in the portal */",
        "## migcheck: ignore[MIG304] renumbered in the portal",
    ],
)
def test_a_comment_above_a_nested_block_covers_all_of_the_block(tmp_path, monkeypatch, comment):
    assert _lint(tmp_path, monkeypatch, before_block=comment) == ([], ["MIG304@15"])


def test_a_comment_above_an_argument_covers_that_argument(tmp_path, monkeypatch):
    comment = "// migcheck: ignore[MIG304] renumbered in the portal"
    assert _lint(tmp_path, monkeypatch, before_argument=comment) == ([], ["MIG304@15"])


@pytest.mark.parametrize("opener", ["#", "//"])
def test_a_comment_at_the_end_of_the_argument_s_line_covers_it(tmp_path, monkeypatch, opener):
    comment = f"{opener} migcheck: ignore[MIG304] renumbered in the portal"
    assert _lint(tmp_path, monkeypatch, end_of_line=comment) == ([], ["MIG304@15"])


def test_a_block_comment_at_the_end_of_the_line_covers_it(tmp_path, monkeypatch):
    comment = "/* migcheck: ignore[MIG304] renumbered in the portal */"
    assert _lint(tmp_path, monkeypatch, end_of_line=comment) == ([], ["MIG304@15"])


def test_a_comment_above_the_resource_covers_the_whole_resource(tmp_path, monkeypatch):
    text = "# migcheck: ignore[MIG304] renumbered in the portal\n" + NETWORK.format(
        before_block="", before_argument="", end_of_line="", last=""
    )
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text}, *RULES)
    assert (result.findings, [s.finding.mark.line for s in result.suppressed]) == ([], [16])


def test_ignore_file_anywhere_covers_the_file(tmp_path, monkeypatch):
    comment = "# migcheck: ignore-file[MIG304] renumbered in the portal"
    assert _lint(tmp_path, monkeypatch, last=comment) == ([], ["MIG304@15"])


def test_a_rule_that_does_not_exist_is_reported(tmp_path, monkeypatch):
    reported, _ = _lint(tmp_path, monkeypatch, before_block="# migcheck: ignore[MIG3O4] typo")
    assert reported == ["MIG005@11", "MIG304@15"]


def test_a_comment_after_the_last_argument_of_a_block_applies_to_nothing(tmp_path, monkeypatch):
    comment = "# migcheck: ignore[MIG304] renumbered in the portal"
    assert _lint(tmp_path, monkeypatch, last=comment) == (["MIG304@15", "MIG006@17"], [])


def test_a_comment_above_the_other_block_silences_nothing(tmp_path, monkeypatch):
    comment = "# migcheck: ignore[MIG304] renumbered in the portal"
    text = NETWORK.format(before_block="", before_argument="", end_of_line="", last="").replace(
        '  subnet {\n    name           = "frontend"',
        f'  {comment}\n  subnet {{\n    name           = "frontend"',
        1,
    )
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text}, *RULES)
    assert [f"{f.code}@{f.mark.line}" for f in result.findings] == ["MIG006@6", "MIG304@16"]


def test_a_directive_in_a_string_is_not_a_comment(tmp_path, monkeypatch):
    text = NETWORK.format(before_block="", before_argument="", end_of_line="", last="").replace(
        '"app-vnet"', '"app-vnet # migcheck: ignore[MIG304] x"'
    )
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text}, *RULES)
    assert [f"{f.code}@{f.mark.line}" for f in result.findings] == ["MIG304@15"]
