"""The manual's pages as tests read them: README.md, the front page, and the pages under docs/ it links to.
A test that checks what the manual says reads the page that says it, wherever a section lives."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))


def page_text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def all_text() -> str:
    """Every page's text, one after the other."""
    return "\n\n".join(page_text(page) for page in PAGES)


def _heading_level(line: str) -> int:
    """The level of a Markdown heading line, 0 for any other line."""
    marks, _, text = line.partition(" ")
    return len(marks) if marks and set(marks) == {"#"} and text.strip() else 0


def section(heading: str) -> str:
    """The text under `heading` (a whole line, `## Baselines`) up to the next heading of its level or
    above, from the one page that has it, outside code blocks."""
    level = _heading_level(heading)
    found = []
    for page in PAGES:
        lines, fenced, start = page_text(page).splitlines(), False, None
        for number, line in enumerate(lines):
            if line.startswith("```"):
                fenced = not fenced
            elif fenced or not _heading_level(line):
                continue
            elif start is not None and _heading_level(line) <= level:
                break
            elif line == heading:
                start = number
        else:
            number = len(lines)
        if start is not None:
            found.append("\n".join(lines[start:number]))
    assert len(found) == 1, f"{len(found)} pages have the heading {heading!r}"
    return found[0]
