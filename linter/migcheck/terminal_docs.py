"""A rule's documentation as `migcheck rule` shows it at a terminal: the Markdown `Rule.documentation` writes
(what docs/rules.md holds), its paragraphs and list items wrapped to the terminal's width, its headings
underlined, its examples (and how to suppress the rule's findings, in the comment forms of the files the
rule checks) indented without their fences. Piped, `migcheck rule` prints the Markdown as it is."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator

from migcheck.rule import Rule

# The widths text is wrapped to: the terminal's, within these bounds (past 100 columns a line is hard to
# follow back to its start; under 40 nothing is readable anyway).
NARROWEST = 40
WIDEST = 100


def terminal_width() -> int:
    """The width to wrap to: the terminal's (80 when it does not say), within `NARROWEST` and `WIDEST`."""
    return max(NARROWEST, min(WIDEST, shutil.get_terminal_size((80, 24)).columns))


def rule_for_the_terminal(rule: Rule, width: int) -> str:
    """The rule's documentation, wrapped to `width` columns (how to suppress it among its sections)."""
    return "\n".join(_blocks(rule.documentation(), width)).rstrip("\n") + "\n"


def _blocks(markdown: str, width: int) -> Iterator[str]:
    """The Markdown's blocks as terminal text, one string each, blank lines between them."""
    lines = markdown.split("\n")
    at = 0
    while at < len(lines):
        line = lines[at]
        if line.startswith("```"):
            end = next((i for i in range(at + 1, len(lines)) if lines[i].startswith("```")), len(lines))
            yield "\n".join(f"    {code}" if code else "" for code in lines[at + 1 : end]) + "\n"
            at = end + 1
            continue
        if line.startswith("#"):
            yield from _heading(line.lstrip("#").strip(), "=" if line.startswith("## ") else "-")
            at += 1
            continue
        if not line.strip():
            at += 1
            continue
        end = next((i for i in range(at + 1, len(lines)) if _ends_block(line, lines[i])), len(lines))
        yield _paragraph(lines[at:end], width)
        at = end


def _ends_block(first: str, line: str) -> bool:
    """Whether `line` is no longer of the paragraph, list or table that starts with `first`."""
    if first.startswith("|"):
        return not line.startswith("|")
    return not line.strip() or line.startswith(("```", "#", "|"))


def _paragraph(lines: list[str], width: int) -> str:
    """A paragraph, a list or a table, wrapped: each list item with its text indented under its dash."""
    if lines[0].startswith("|"):
        return _table(lines, width)
    items: list[list[str]] = []
    for line in lines:
        if line.startswith("- ") or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return "".join(_item(" ".join(part.strip() for part in item), width) for item in items)


def _table(lines: list[str], width: int) -> str:
    """A Markdown table as a list, a row an item, each cell after its column's heading: a row wider than
    the terminal, wrapped, is no longer a row."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    headings, body = rows[0], [row for row in rows[2:] if any(row)]
    return "".join(
        _item(
            "- " + "; ".join(f"{heading}: {cell}" for heading, cell in zip(headings, row, strict=False)),
            width,
        )
        for row in body
    )


def _item(text: str, width: int) -> str:
    if text.startswith("- "):
        return _filled(text[2:], width, first="  - ", rest="    ")
    return _filled(text, width)


def _filled(text: str, width: int, first: str = "", rest: str = "") -> str:
    # Never broken inside a word or at a hyphen: a code, a cmdlet or a path stays whole, and a line with
    # one longer than the width runs past it.
    wrapped = textwrap.fill(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped + "\n"


def wrapped_row(line: str, column: int, width: int) -> str:
    """A row of a listing whose last column (from `column` on) is text, wrapped to `width` under that
    column (`migcheck rules`: a rule's summary after its code, name and severity); where that column leaves
    too little room (under `NARROWEST` / 2), the text goes on under the row, indented."""
    if len(line) <= width or len(line) <= column:
        return line + "\n"
    head, text = line[:column], line[column:]
    indent = column if width - column >= NARROWEST // 2 else 4
    wrapped = _filled(text, width - indent, rest="")
    first, *others = wrapped.rstrip("\n").split("\n")
    if indent != column:  # the text starts under the row
        return f"{head.rstrip()}\n" + "".join(f"{' ' * indent}{part}\n" for part in [first, *others])
    return f"{head}{first}\n" + "".join(f"{' ' * indent}{part}\n" for part in others)


def _heading(title: str, underline: str = "-") -> Iterator[str]:
    yield f"{title}\n{underline * len(title)}\n"
