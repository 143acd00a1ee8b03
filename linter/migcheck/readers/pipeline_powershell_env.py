"""The `NAME=value` lines a CI step's PowerShell script writes to a file the CI service reads back as variables
(GitHub Actions' `$env:GITHUB_ENV` and `$env:GITHUB_OUTPUT`), found in the tree tree-sitter-powershell
parses: the strings a pipeline hands `Out-File`, `Add-Content` or `Set-Content` given the file, or redirects
to it (`>>`), each line of each (`@"\\nA=1\\nB=2\\n"@ | Out-File $env:GITHUB_ENV -Append`, `"A=1", "B=2" |
Add-Content $env:GITHUB_ENV`). A line with a variable or a subexpression in it states no value."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from migcheck.readers import grammars
from migcheck.readers.shell_env_files import Written

if TYPE_CHECKING:
    from tree_sitter import Node

_GRAMMAR = "tree_sitter_powershell"
# The cmdlets that write what the pipeline hands them to the file they are given.
_WRITERS = frozenset({"out-file", "add-content", "set-content", "ac", "tee-object", "tee"})
# A string's delimiters, by its kind: what comes before its text and after it.
_DELIMITERS = {
    "expandable_here_string_literal": ('@"', '"@'),
    "verbatim_here_string_characters": ("@'", "'@"),
    "expandable_string_literal": ('"', '"'),
    "verbatim_string_characters": ("'", "'"),
}


def lines_written(source: bytes, sink_of: Callable[[str], str | None]) -> list[Written]:
    """The `NAME=value` lines the PowerShell script `source` writes to the files `sink_of` names (given the
    text that names the file, the sink it is, or None for another file), in the order written. Parsed
    within the CPU time its size allows (`grammars.ParseTooSlow` past it, the file's MIG001)."""
    if not source.strip():
        return []
    tree = grammars.parsed_within(_GRAMMAR, source)
    found: list[Written] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "pipeline":
            sink = _sink(node, sink_of)
            if sink is not None:
                found.extend(written.placed(node) for written in _lines(node, sink))
                continue
        stack.extend(reversed(node.children))
    return found


def _sink(pipeline: Node, sink_of: Callable[[str], str | None]) -> str | None:
    """The sink a pipeline writes to: by a redirection, or a writing cmdlet last in it."""
    stack = [pipeline]
    while stack:
        node = stack.pop()
        if node.type == "redirection" and node.text is not None and node.text.lstrip().startswith(b">"):
            sink = sink_of(node.text.decode("utf-8", "replace"))
            if sink is not None:
                return sink
        elif node.type == "command" and _writer(node):
            sink = sink_of(node.text.decode("utf-8", "replace")) if node.text is not None else None
            if sink is not None:
                return sink
        stack.extend(node.children)
    return None


def _writer(command: Node) -> bool:
    name = command.child_by_field_name("command_name") or next(
        (child for child in command.children if child.type == "command_name"), None
    )
    text = name.text.decode("utf-8", "replace").casefold() if name is not None and name.text else ""
    return text in _WRITERS


def _lines(pipeline: Node, sink: str) -> Iterator[Written]:
    """The `NAME=value` lines of the strings a pipeline writes (not those its writing cmdlet is given)."""
    stack = [pipeline]
    while stack:
        node = stack.pop()
        if (node.type == "command" and _writer(node)) or node.type == "redirection":
            continue
        if node.type in _DELIMITERS:
            yield from _string_lines(node, sink)
            continue
        stack.extend(node.children)


def _string_lines(literal: Node, sink: str) -> Iterator[Written]:
    """The `NAME=value` lines of one string, each value's span in the script's bytes (None where a variable
    or a subexpression is in the line)."""
    text = literal.text or b""
    opening, closing = (part.encode() for part in _DELIMITERS[literal.type])
    if not (text.startswith(opening) and text.endswith(closing)) or len(text) < len(opening) + len(closing):
        return
    start, end = literal.start_byte + len(opening), literal.end_byte - len(closing)
    filled = [(child.start_byte, child.end_byte) for child in literal.named_children]
    at = start
    for line in text[len(opening) : len(text) - len(closing)].split(b"\n"):
        line_end = at + len(line)
        name, equals, _ = line.decode("utf-8", "replace").strip().partition("=")
        if equals and name.isidentifier():
            value_start = at + line.index(b"=") + 1
            value_end = line_end - (1 if line.endswith(b"\r") else 0)
            plain = not any(at <= begin < line_end for begin, _ in filled)
            yield Written(sink, name, (value_start, min(value_end, end)) if plain else None)
        at = line_end + 1
