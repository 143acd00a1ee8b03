"""The `NAME=value` lines a shell script writes to a file a CI service reads back as variables (GitHub
Actions' `$GITHUB_ENV` and `$GITHUB_OUTPUT`, a GitLab CI job's `dotenv` report): found in the tree
tree-sitter-bash parses, whatever carries the lines there. A command whose output is redirected to the file
(`echo A=1 >> "$GITHUB_ENV"`), and so each `echo` and `printf` of a group, a subshell or a loop redirected as
one (`{ echo A=1; echo B=2; } >> "$GITHUB_ENV"`), of a pipeline that `tee` (`tee -a`) writes to the file
(`echo A=1 | tee -a "$GITHUB_ENV"`), and the lines of a here-document a command so redirected is fed (`cat
>> "$GITHUB_ENV" <<EOF`). `printf 'A=%s\\n' x` writes the value its `%s` is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from migcheck.readers import grammars

if TYPE_CHECKING:
    from tree_sitter import Node


class Written(NamedTuple):
    """A `NAME=value` line written to a file (`sink`, as `sink_of` names it): the value's span in the script's
    bytes, or None where the script does not state it as written (a variable, a command's output)."""

    sink: str
    name: str
    value: tuple[int, int] | None
    at: int = -1  # where it is written, in the script's bytes: its value's start, else its statement's

    def placed(self, statement: Node) -> Written:
        """This line, placed at its value or, where it states none, at `statement`, which writes it."""
        return self._replace(at=self.value[0] if self.value else statement.start_byte)


def lines_written(source: bytes, sink_of: Callable[[str], str | None]) -> list[Written]:
    """The `NAME=value` lines the shell script `source` writes to the files `sink_of` names (given a
    redirection's or tee's target as written, the sink it is, or None for another file), in the order
    written. Nothing where the script names none of them (parsed only where it may)."""
    if not source.strip():
        return []
    tree = grammars.bash_tree(source)
    if tree is None:  # nested past what is walked: the step's own read says so (MIG001)
        return []
    found: list[Written] = []
    for statement, sink in _writing_statements(tree.root_node, sink_of):
        found.extend(written.placed(statement) for written in _lines_of(statement, sink))
    return found


def _writing_statements(root: Node, sink_of: Callable[[str], str | None]) -> Iterator[tuple[Node, str]]:
    """Each statement whose output goes to a sink, and the sink: one redirected to it, the commands before
    a `tee` that writes to it in a pipeline."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "redirected_statement":
            sink = _redirected_to(node, sink_of)
            body = node.child_by_field_name("body")
            if sink is not None and body is not None:
                yield node, sink
                continue  # its commands write to the sink, whatever else redirects them inside
        elif node.type == "pipeline":
            parts = [child for child in node.named_children if child.type != "comment"]
            sink = _tee_sink(parts[-1], sink_of) if parts else None
            if sink is not None:
                for part in parts[:-1]:
                    yield part, sink
                continue
        stack.extend(reversed(node.children))


def _redirected_to(statement: Node, sink_of: Callable[[str], str | None]) -> str | None:
    """The sink a `>` or `>>` redirection of `statement` names."""
    for redirect in statement.children_by_field_name("redirect"):
        if redirect.type != "file_redirect" or not any(c.type in (">", ">>") for c in redirect.children):
            continue
        destination = redirect.child_by_field_name("destination")
        if destination is not None and destination.text is not None:
            sink = sink_of(destination.text.decode("utf-8", "replace"))
            if sink is not None:
                return sink
    return None


def _tee_sink(command: Node, sink_of: Callable[[str], str | None]) -> str | None:
    """The sink `tee` (`tee -a`, with its output redirected too) writes to, where `command` is a tee."""
    if command.type == "redirected_statement":
        body = command.child_by_field_name("body")
        command = body if body is not None else command
    if command.type != "command" or _name(command) != "tee":
        return None
    for argument in command.children_by_field_name("argument"):
        text = argument.text.decode("utf-8", "replace") if argument.text is not None else ""
        sink = None if text.startswith("-") else sink_of(text)
        if sink is not None:
            return sink
    return None


def _lines_of(statement: Node, sink: str) -> Iterator[Written]:
    """The `NAME=value` lines the commands of `statement` print: each `echo` and `printf`, and the lines of
    a here-document fed to one of them; not those whose output goes elsewhere (a command substitution, a
    redirection of their own to another file)."""
    stack = [statement]
    while stack:
        node = stack.pop()
        if node.type in _ELSEWHERE or (node is not statement and _redirected_elsewhere(node)):
            continue
        if node.type == "command":
            found = _echoed(node, sink) if _name(node) == "echo" else None
            found = _printed(node, sink) if _name(node) == "printf" else found
            if found is not None:
                yield found
        elif node.type == "heredoc_body":
            yield from _here_lines(node, sink)
        stack.extend(reversed(node.children))


# What prints elsewhere than where its statement's output goes, or prints nothing when it is read.
_ELSEWHERE = frozenset({"command_substitution", "process_substitution", "function_definition"})


def _redirected_elsewhere(node: Node) -> bool:
    """Whether a statement inside the one written to a sink sends its output to a file of its own."""
    return node.type == "redirected_statement" and any(
        redirect.type == "file_redirect" and any(c.type in (">", ">>", "&>", ">|") for c in redirect.children)
        for redirect in node.children_by_field_name("redirect")
    )


def _name(command: Node) -> str:
    name = command.child_by_field_name("name")
    return name.text.decode("utf-8", "replace") if name is not None and name.text is not None else ""


def _echoed(command: Node, sink: str) -> Written | None:
    """`echo NAME=value` (`"NAME=value"`, past `-n`/`-e`): the line it prints, where it sets a name."""
    arguments = [a for a in command.children_by_field_name("argument") if a.type != "comment"]
    while arguments and _plain_text(arguments[0]) in ("-n", "-e", "-E", "-ne", "-en"):
        arguments = arguments[1:]
    if not arguments:
        return None
    content = _content(arguments[0])
    if content is None:
        return _set_unstated(arguments[0], sink)
    text, start = content
    name, equals, _ = text.partition("=")
    if not equals or not name.isidentifier():
        return None
    span = (start + _size(name) + 1, start + _size(text)) if len(arguments) == 1 else None
    return Written(sink, name, span)


def _printed(command: Node, sink: str) -> Written | None:
    """`printf 'NAME=%s\\n' value` (`'NAME=value\\n'`): the line it prints, where its format sets a name;
    the value its `%s` is given, or the format's own text."""
    arguments = [a for a in command.children_by_field_name("argument") if a.type != "comment"]
    content = _content(arguments[0]) if arguments else None
    if content is None:
        return _set_unstated(arguments[0], sink) if arguments else None
    text, start = content
    name, equals, rest = text.partition("=")
    if not equals or not name.isidentifier():
        return None
    rest = rest.removesuffix("\\n")
    if rest == "%s" and len(arguments) == 2:
        given = _content(arguments[1])
        return Written(sink, name, (given[1], given[1] + _size(given[0])) if given is not None else None)
    if "%" in rest or "\\" in rest or len(arguments) > 1:
        return Written(sink, name, None)
    return Written(sink, name, (start + _size(name) + 1, start + _size(name) + 1 + _size(rest)))


def _set_unstated(argument: Node, sink: str) -> Written | None:
    """A line whose text the script does not state wholly but names a variable it sets (`"A=$X"`)."""
    text = argument.text.decode("utf-8", "replace").strip("'\"") if argument.text is not None else ""
    name, equals, _ = text.partition("=")
    return Written(sink, name, None) if equals and name.isidentifier() else None


def _here_lines(body: Node, sink: str) -> Iterator[Written]:
    """The `NAME=value` lines of a here-document: a line with an expansion in it states no value."""
    if body.text is None:
        return
    expanded = {(c.start_byte, c.end_byte) for c in body.named_children}
    at = body.start_byte
    for line in body.text.split(b"\n"):
        name, equals, _ = line.decode("utf-8", "replace").partition("=")
        end = at + len(line)
        if equals and name.strip().isidentifier():
            plain = not any(at <= start < end for start, _ in expanded)
            start = at + len(line.split(b"=", 1)[0]) + 1
            yield Written(sink, name.strip(), (start, end) if plain else None)
        at = end + 1


def _size(text: str) -> int:
    """How many bytes of the script `text` takes (spans are in bytes)."""
    return len(text.encode("utf-8"))


def _plain_text(node: Node) -> str | None:
    content = _content(node)
    return content[0] if content is not None else None


def _content(node: Node) -> tuple[str, int] | None:
    """The text a word stands for and where it starts in the script's bytes, where the script states it as
    written: a bare word, a quoted string with no expansion in it; None for any other."""
    text = node.text.decode("utf-8", "replace") if node.text is not None else ""
    if node.type == "word" and "\\" not in text:
        return text, node.start_byte
    if node.type == "raw_string":
        return text[1:-1], node.start_byte + 1
    if node.type == "string" and all(child.type in ('"', "string_content") for child in node.children):
        return text[1:-1], node.start_byte + 1
    return None
