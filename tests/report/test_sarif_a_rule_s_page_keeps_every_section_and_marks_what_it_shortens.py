"""A rule's page in SARIF (`help.markdown`) is cut to `HELP_CHARS` to keep the log small. Cut paragraph by
paragraph in order, it dropped the text of a whole section: MIG003's and MIG602's "What it finds" was one
paragraph of 7.6 and 8.5 KB, and MIG004's, MIG210's and MIG601's later sections found no room left. Now every
section keeps its first paragraph, shortened where the first paragraphs together do not fit, with a visible
"…(see docs/rules.md#...)", and the long docs are written in paragraphs."""

from __future__ import annotations

import pytest

from migcheck.docs import builtin_rules
from migcheck.report.sarif import HELP_CHARS, _paragraphs, help_markdown
from migcheck.rule import Docs

RULES = {rule.code: rule for rule in builtin_rules()}
CUT = "*The rest of this section is not shown here"


def _emptied(page: str) -> list[str]:
    """The headings of `page` with no text of their own under them: the next block is a heading or the
    line that says the rest is not shown."""
    blocks = _paragraphs(page)
    return [
        block
        for block, after in zip(blocks, [*blocks[1:], ""], strict=True)
        if block.startswith("###") and (after.startswith(("#", CUT)) or not after)
    ]


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_section_of_a_rule_s_page_keeps_text_of_its_own(code):
    assert _emptied(help_markdown(RULES[code])) == []


@pytest.mark.parametrize("code", ["MIG003", "MIG602"])
def test_the_longest_docs_are_written_in_paragraphs(code):
    assert max(len(block) for block in _paragraphs(RULES[code].documentation())) < HELP_CHARS // 2


def test_a_paragraph_too_long_for_the_page_is_shortened_with_a_mark_saying_where_the_rest_is():
    words = " ".join(f"word{n}" for n in range(2000))
    plugin_rule = type(
        "LongWords", (type(RULES["MIG201"]),), {"docs": Docs(what=words, why="Why.", fix="Fix.")}
    )
    page = help_markdown(plugin_rule())
    assert len(page) <= HELP_CHARS
    what = page.split("### What it finds\n\n")[1].split("\n\n")[0]
    assert what.startswith("word0 word1 ")
    assert what.endswith(" …(see `migcheck rule MIG201`)")
    assert "### Why it blocks migration\n\nWhy." in page


def test_a_shortened_list_of_a_built_in_rule_ends_at_an_item_with_its_section_s_anchor():
    page = help_markdown(RULES["MIG601"])
    replacements = page.split("### Replacements\n\n")[1].split("\n\n### ")[0]
    assert replacements.startswith("PowerShell (the classic `Azure` module → Az):\n\n- `Add-AzureAccount`")
    last = replacements.splitlines()[-1]
    assert last.startswith("- `") and last.endswith(" …(see docs/rules.md#mig601-classic-automation)")
