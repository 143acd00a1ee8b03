"""A line holding only `\\` (a continuation of nothing) after a command that ends: bash joins it to the
next line, which runs as a command of its own; the grammar would join that command to the one before.
A `\\` line inside a continued command, a string or a here-document is left as it is."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import grammars, shell


def _services(text: str) -> list[tuple[str, int, int, str | None]]:
    doc = shell.read("deploy.sh", text.encode())
    assert doc.problem is None
    return [
        (d.service_name, d.mark.line, d.mark.column, d.virtual_network.name if d.virtual_network else None)
        for d in doc.resources
        if isinstance(d, Deployment)
    ]


@pytest.mark.parametrize("lone", [1, 2, 10])
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_the_command_after_lone_backslash_lines_runs(lone, ending):
    lines = [
        "azure config mode asm",
        "azure vm create s1 img u p",
        *["\\"] * lone,
        "azure vm create s2 img u p",
    ]
    text = ending.join(lines) + ending
    assert _services(text) == [("s1", 2, 1, None), ("s2", 3 + lone, 1, None)]


def test_an_indented_lone_backslash_after_a_command_that_ends():
    text = "azure vm create s1 img u p\n  \\\n  azure vm create s2 img u p -w net\n"
    assert _services(text) == [("s1", 1, 1, None), ("s2", 3, 3, "net")]


def test_a_lone_backslash_in_a_continued_command_continues_it():
    text = "azure vm create s1 img u p \\\n  \\\n  -w mynet\n"
    assert _services(text) == [("s1", 1, 1, "mynet")]


@pytest.mark.parametrize(
    "text",
    [
        "X='a\n\\\nb'\nazure vm create s1 img u p\n",
        "cat <<EOF\nx\n\\\ny\nEOF\nazure vm create s1 img u p\n",
        "cat <<EOF\n\\\nEOF\nazure vm create s1 img u p\n",
        "# a\n# \\\nazure vm create s1 img u p\n",
    ],
)
def test_a_lone_backslash_in_a_string_or_here_document_is_text(text):
    tree = grammars.parser("tree_sitter_bash").parse(text.encode())
    assert shell._lone_continuations(tree.root_node, text.encode()) == []
