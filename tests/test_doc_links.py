"""Every link of the manual resolves: in README.md and docs/*.md, each relative link names a file or folder
of the repository, and each `#anchor` a heading of the page it points at (GitHub's anchors), so that moving
a section from one page to another cannot leave a reader at a dead link."""

from __future__ import annotations

import itertools
from pathlib import Path
from urllib.parse import unquote

import pytest
from doc_pages import PAGES, ROOT, page_text
from markdown_it import MarkdownIt
from markdown_it.token import Token

MARKDOWN = MarkdownIt("commonmark").enable("table")


def _anchor(words: str) -> str:
    """GitHub's anchor for a heading's text: lower case, punctuation but `-` and `_` dropped, spaces to
    hyphens."""
    return "".join(c for c in words.lower() if c.isalnum() or c in " -_").replace(" ", "-")


def _inline_tokens(tokens: list[Token]) -> list[Token]:
    return [child for token in tokens if token.type == "inline" for child in token.children or []]


def anchors(page: Path) -> set[str]:
    """The anchors of a page's headings, a repeated heading numbered as GitHub numbers it (`-1`, `-2`)."""
    tokens = MARKDOWN.parse(page_text(page))
    seen: dict[str, int] = {}
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open":
            words = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
            seen[_anchor(words)] = seen.get(_anchor(words), -1) + 1
    return {name if n == 0 else f"{name}-{i}" for name, n in seen.items() for i in range(n + 1)}


def links(page: Path) -> list[str]:
    """The targets of a page's links and images, code blocks and code spans aside."""
    targets = []
    for token in _inline_tokens(MARKDOWN.parse(page_text(page))):
        target = token.attrs.get("href" if token.type == "link_open" else "src")
        if token.type in ("link_open", "image") and isinstance(target, str):
            targets.append(target)
    return targets


def broken(page: Path, target: str) -> str | None:
    """Why `target`, a link on `page`, leads nowhere; None when it resolves or is not relative."""
    if ":" in target.split("/", 1)[0]:  # https:, mailto:
        return None
    path, _, fragment = target.partition("#")
    file = (page.parent / unquote(path)).resolve() if path else page
    if not file.is_relative_to(ROOT) or not file.exists():
        return f"{target}: no such file"
    if fragment and file.suffix != ".md":
        return f"{target}: an anchor of a file that is not a page"
    if fragment and fragment not in anchors(file):
        return f"{target}: {file.relative_to(ROOT)} has no heading #{fragment}"
    return None


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_every_link_resolves(page):
    dead = [reason for target in links(page) if (reason := broken(page, target))]
    assert not dead, "\n".join(dead)


def test_the_check_reads_links_in_tables_and_images():
    assert "docs/ci.md#formats" in links(ROOT / "README.md")  # in the front page's table of pages
    assert "plan-contoso.png" in links(ROOT / "docs" / "plan.md")


def test_the_check_finds_a_dead_file_and_a_dead_anchor():
    page = ROOT / "docs" / "usage.md"
    assert broken(page, "../README.md#usage") is None and broken(page, "#json") is None
    assert broken(page, "nowhere.md") == "nowhere.md: no such file"
    assert broken(page, "ci.md#nothing") == "ci.md#nothing: docs/ci.md has no heading #nothing"
    assert broken(page, "../LICENSE#x") == "../LICENSE#x: an anchor of a file that is not a page"
    assert broken(page, "../../outside.md") == "../../outside.md: no such file"
    assert broken(page, "https://example.com/#anything") is None


def test_every_page_has_a_title_and_an_opening_and_the_front_page_links_to_it():
    front = page_text(ROOT / "README.md")
    for page in PAGES[1:]:
        lines = page_text(page).splitlines()
        assert lines[0].startswith("# ") and lines[1] == "" and lines[2], f"{page.name}: no title and opening"
        assert f"](docs/{page.name})" in front, f"README.md does not link to docs/{page.name}"
