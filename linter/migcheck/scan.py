"""Forward scans over the text of a well-formed XML document, from the `<` of an element: where its start
tag ends, where the element ends, its text and its children. The document has been parsed already (the
readers refuse anything else), so these only find offsets; each scan reads the text once, from the
element onwards, and no further than the element: the cost is linear in what it covers."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Markup that holds no element: skipped whole, from its opening to its closing.
_SKIPPED = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"))


# Inside a start tag: its name and attributes up to the `>`, quoted values whole (they may hold `<` and
# `>`). Possessive (`*+`): nothing is given back, so the engine keeps no state to backtrack into, whatever
# the number of values (a greedy repeat would hold an entry per value, hundreds of megabytes for a tag
# with millions).
_INSIDE_TAG = re.compile(r"""[^"'<>]*+(?:(?:"[^"]*+"|'[^']*+')[^"'<>]*+)*+""")


def start_tag_end(text: str, start: int) -> int:
    """The offset just past the `>` that closes the start tag at `start`; a `>` may sit in a quoted
    value. A tag cut short (a buffer mid-edit) ends before the next `<`, or at the end of the text (an
    unclosed quote runs to it)."""
    index = _INSIDE_TAG.match(text, start + 1).end()  # type: ignore[union-attr]  # it matches ""
    stop = text[index : index + 1]  # the `>`, a `<`, a quote that is not closed, or nothing at the end
    if stop == ">":
        return index + 1
    return index if stop == "<" else len(text)


# An attribute of a start tag: its name as written (prefix and all) and its value inside either quotes.
# A name starts after a space, as XML writes it, and nothing is given back (`++`): a search from each
# character of a long run of them would otherwise read the run again from each.
_ATTRIBUTE = re.compile(r"""(?<=\s)([^\s=<>"'/]++)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)')""")


def attribute_values(text: str, start: int, end: int) -> dict[str, tuple[int, int]]:
    """(start, end) of the value inside the quotes of each attribute of the start tag from `start` (its
    `<`) to `end`, by local name lowered, the first of a name where a tag writes it twice: one pass over the
    tag, whatever the number of attributes asked for."""
    values: dict[str, tuple[int, int]] = {}
    for local, found in _attributes(text, start, end):
        values.setdefault(local, found.span(2 if found.group(2) is not None else 3))
    return values


def attribute_span(text: str, start: int, end: int, local: str) -> tuple[int, int] | None:
    """(start, end) of the attribute of local name `local` (lowered) of the start tag from `start` (its
    `<`) to `end`, whole: from its name past its closing quote; the first where the tag writes it twice,
    None where it writes none."""
    return next((found.span() for name, found in _attributes(text, start, end) if name == local), None)


def _attributes(text: str, start: int, end: int) -> Iterator[tuple[str, re.Match[str]]]:
    """Each attribute of the start tag from `start` (its `<`) to `end`, in order, by local name lowered."""
    name_end = start + 1
    while name_end < end and not text[name_end].isspace() and text[name_end] not in "/>":
        name_end += 1
    for found in _ATTRIBUTE.finditer(text, name_end, end):
        yield found.group(1).rpartition(":")[2].lower(), found


def comment_end(text: str, start: int) -> int:
    """The offset just past the `-->` of the comment at `start`, or the end of the text."""
    found = text.find("-->", start + 4)
    return len(text) if found < 0 else found + 3


def token_end(text: str, start: int, line_end: int) -> int:
    """The end of what a position inside a line points at: a word (a name, a cmdlet, a `-Parameter`, a
    `$variable`), a quoted string, a path or resource id a shell word writes bare (`/subscriptions/…`, up
    to the blank, quote or operator that ends the word), else the one character there (a JSON object's
    `{`, a parser error)."""
    if start >= line_end:
        return start
    first = text[start]
    if first == "/":
        index = start + 1
        while index < line_end and not text[index].isspace() and text[index] not in _ENDS_A_BARE_PATH:
            index += 1
        return index
    if first == "$" and text[start + 1 : start + 2] == "'":  # bash's `$'app-vnet'`: its quotes
        return token_end(text, start + 1, line_end)
    if first in "\"'":
        return _closing_quote_end(text, start, line_end)
    if _word(first) or _splat(text, start, line_end):
        index = start + 1
        while index < line_end and (_word(text[index]) or _qualifies(text, index, line_end)):
            index += 1
        return index
    return start + 1  # one character: the rest of the line could be megabytes, once per finding


_ENDS_A_BARE_PATH = frozenset("\"'`;|&<>()")


def _closing_quote_end(text: str, start: int, line_end: int) -> int:
    """Just past the quote that closes the string whose opening quote is at `start`, a `\\` escaping the
    character after it (JSON and Python; PowerShell doubles quotes); `line_end` when the line does not close
    it. Each quote found by `str.find` and taken when an even number of `\\` comes before it: a JSON value
    of a thousand characters was walked character by character in Python, once for each finding at it."""
    quote, index = text[start], start + 1
    while True:
        found = text.find(quote, index, line_end)
        if found < 0:
            return line_end
        escapes = found
        while escapes > index and text[escapes - 1] == "\\":
            escapes -= 1
        if (found - escapes) % 2 == 0:
            return found + 1
        index = found + 1


def joined_word_end(text: str, start: int, end: int, line_end: int) -> int:
    """`end`, that of the token at `start` (`token_end`), past the quoted and bare parts a shell word joins to
    it with nothing between (`app"-vnet"`, `"app"-vnet`, `web"$i"`): one word, as the shell reads it, up to
    the blank or operator outside quotes that ends it."""
    before = text[start - 1] if start else " "
    if (
        not start < end < line_end
        or text[start] in _ENDS_A_WORD
        or not (before.isspace() or before in _ENDS_A_WORD)
    ):
        return end  # no word, or a part of one (a subnet of `-b "front,back"`)
    if not (text[end] in "\"'" or (text[end - 1] in "\"'" and (_word(text[end]) or text[end] in "/."))):
        return end  # no quoted part joined to it, nor a bare one after its closing quote (not `"a",`)
    index = end
    while index < line_end and not text[index].isspace() and text[index] not in _ENDS_A_WORD:
        quote = text[index]
        index += 1
        if quote in "\"'":
            while index < line_end and text[index] != quote:
                index += 2 if quote == '"' and text[index] == "\\" else 1
            index = min(index + 1, line_end)
    return index


# What ends a shell word outside quotes, with a blank.
_ENDS_A_WORD = frozenset("`;|&<>()")


def quoted_value_end(text: str, start: int, line_end: int) -> int | None:
    """The offset of the `"` that closes the Terraform string (HCL or JSON) whose first character inside
    its quotes is at `start`: past escapes (`\\"`, `$${`) and past the strings and braces of each `${...}`
    or `%{...}` in it; None where the line does not close it. One pass, no recursion, whatever the nesting."""
    opened: list[int] = []  # for each `${` still open, in order, the braces opened inside it since
    in_string = True  # strings and interpolations alternate: the innermost open is one or the other
    index = start
    while index < line_end:
        char = text[index]
        if in_string and char == "\\":
            index += 1
        elif in_string and text.startswith(("$${", "%%{"), index):
            index += 2
        elif in_string and char in "$%" and text.startswith("{", index + 1):
            opened.append(0)
            in_string = False
            index += 1
        elif char == '"':
            if in_string and not opened:
                return index
            in_string = not in_string
        elif not in_string and char in "{}":
            if char == "{" or opened[-1]:
                opened[-1] += 1 if char == "{" else -1
            else:
                opened.pop()
                in_string = True
        index += 1
    return None


def _splat(text: str, start: int, line_end: int) -> bool:
    """Whether the `@` at `start` splats a PowerShell variable (`@params`), one word with its name."""
    following = text[start + 1] if start + 1 < line_end else ""
    return text[start] == "@" and (following.isalnum() or following == "_")


def _word(char: str) -> bool:
    return char.isalnum() or char in "_-$"


def _qualifies(text: str, index: int, line_end: int) -> bool:
    """Whether the `\\` at `index` joins a module to its command (`Azure\\Get-AzureVM`): one name, which
    a finding at the module spans whole."""
    return text[index] == "\\" and index + 1 < line_end and _word(text[index + 1])


def element_end(text: str, start: int) -> int | None:
    """The offset just past the end tag of the element at `start` (past `/>` for an empty-element tag);
    None when the text ends first."""
    tag_end = start_tag_end(text, start)
    if text.startswith("/>", tag_end - 2):
        return tag_end
    depth = 0
    for kind, _, end in markup(text, tag_end):
        if kind == "end" and depth == 0:
            return end
        depth += {"start": 1, "end": -1}.get(kind, 0)
    return None


def child_start(text: str, start: int, local: str) -> int | None:
    """The offset of the `<` of the first child element of the element at `start` whose local name (its
    name without a prefix) is `local`; None when it has none."""
    tag_end = start_tag_end(text, start)
    if text.startswith("/>", tag_end - 2):
        return None
    depth = 0
    for kind, offset, _ in markup(text, tag_end):
        if kind == "end":
            if depth == 0:
                return None
            depth -= 1
        elif kind in ("start", "empty"):
            if depth == 0 and _local_name(text, offset) == local:
                return offset
            depth += kind == "start"
    return None


def text_span(text: str, start: int) -> tuple[int, int] | None:
    """The span of the text of the element at `start`, without the whitespace around it; None when the
    element holds anything but text (a child element, a comment, CDATA) or is an empty-element tag."""
    tag_end = start_tag_end(text, start)
    if text.startswith("/>", tag_end - 2):
        return None
    close = text.find("<", tag_end)
    if close < 0 or not text.startswith("</", close):
        return None
    content = text[tag_end:close]
    stripped = content.strip()
    if not stripped:
        return tag_end, tag_end
    first = tag_end + content.index(stripped)
    return first, first + len(stripped)


def whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    r"""`start`-`end` widened to whole lines (indentation and line ending included) when nothing else is
    written on them, so that removing an element leaves no blank line behind; else unchanged. A line ends
    in `\n`, `\r\n` or a lone `\r` (classic Mac OS). Only the blanks next to the span are read, whatever
    the length of the line."""
    line_start = start
    while line_start > 0 and text[line_start - 1] in " \t":
        line_start -= 1
    line_end = end
    while line_end < len(text) and text[line_end] in " \t":
        line_end += 1
    ending = (
        2 if text.startswith("\r\n", line_end) else 1 if text[line_end : line_end + 1] in ("\r", "\n") else 0
    )
    alone_before = line_start == 0 or text[line_start - 1] in "\r\n"
    alone_after = line_end == len(text) or ending > 0
    if not (alone_before and alone_after):
        return start, end
    return line_start, line_end + ending


def markup(text: str, pos: int) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each tag from `pos` on: "start", "empty" (`<x/>`) or "end"; comments, CDATA
    and processing instructions are skipped. Stops where the text ends."""
    while True:
        lt = text.find("<", pos)
        if lt < 0:
            return
        skipped = next((close for opening, close in _SKIPPED if text.startswith(opening, lt)), None)
        if skipped is not None:
            found = text.find(skipped, lt + 2)
            if found < 0:
                return
            pos = found + len(skipped)
            continue
        if text.startswith("</", lt):
            gt = text.find(">", lt)
            if gt < 0:
                return
            pos = gt + 1
            yield "end", lt, pos
            continue
        pos = start_tag_end(text, lt)
        yield ("empty" if text.startswith("/>", pos - 2) else "start"), lt, pos


def _local_name(text: str, start: int) -> str:
    """The local name of the start tag at `start` (`sc:Version` → `Version`)."""
    end = start + 1
    while end < len(text) and not text[end].isspace() and text[end] not in "/>":
        end += 1
    return text[start + 1 : end].rpartition(":")[2]
