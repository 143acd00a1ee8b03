"""Here-documents started on one line, which bash reads one after the other from the lines that follow it
(`cat <<A <<B`, `cmd1 <<A; cmd2 <<B`) and the bash grammar does not: it reads the first and takes the
second for an error, or takes the first's body as the second's. The source is given to the grammar as bash
reads it: of several on one command only the last feeds it (bash reads the others and drops them), so the
others are blanked with their bodies; the commands of one line that each take one are put on lines of
their own, each followed by its body, and `Origins` says where each byte of that source is written."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from migcheck.readers import grammars

if TYPE_CHECKING:
    from tree_sitter import Node, Tree

_GRAMMAR = "tree_sitter_bash"
# The most lines read apart in one script, and the most `<<` on one line read apart: each line costs a
# parse of the script, and each `<<` two of the line (the grammar's recovery from here-documents with no
# body may cost more than linear in the line), so the work stays a small multiple of one parse.
LINES_READ_APART = 4
ON_A_LINE = 4
# What ends a here-document's delimiter word, which the grammar may read on past (`<<A;`).
_WORD_ENDS = frozenset(b" \t;&|<>()")
_QUOTES = frozenset(b"'\"\\")
# The nodes a statement is made of, above the command a here-document feeds: its statement is the first
# node above them (`a <<A | b`, `a <<A && b`, `! a <<A`, `x=1 a <<A`).
_WITHIN_A_STATEMENT = frozenset(
    {"command", "command_name", "word", "pipeline", "list", "redirected_statement", "negated_command"}
    | {"variable_assignment", "file_redirect", "string", "concatenation", "simple_expansion", "expansion"}
)


@dataclass(frozen=True, slots=True)
class Origins:
    """Where each byte of a source whose parts were moved is written: `starts` are the offsets where each
    moved part starts in it, `origins` where that part is written in `written`, the text as given."""

    written: bytes
    starts: tuple[int, ...]
    origins: tuple[int, ...]

    def origin(self, at: int) -> int:
        """The offset in `written` of byte `at` of the moved source (a line end added there: where its
        part starts)."""
        index = bisect.bisect_right(self.starts, at) - 1
        if index < 0:
            return at
        return min(self.origins[index] + at - self.starts[index], len(self.written))

    def then(self, later: Origins) -> Origins:
        """These origins after another move of the source they describe (`later`, whose `written` is it):
        cut where either move cuts."""
        cuts: set[int] = set()
        ends = [*later.starts[1:], None]
        for start, origin, end in zip(later.starts, later.origins, ends, strict=True):
            cuts.add(start)
            reach = None if end is None else origin + end - start
            cuts.update(
                start + cut - origin for cut in self.starts if origin < cut and (reach is None or cut < reach)
            )
        ordered = tuple(sorted(cuts))
        return Origins(self.written, ordered, tuple(self.origin(later.origin(cut)) for cut in ordered))


@dataclass(frozen=True, slots=True)
class _Heredoc:
    operator: int  # where its `<<` (`<<-`) starts in the source
    end: int  # where its delimiter word ends
    delimiter: bytes  # the word, unquoted: the line that ends its body
    tabs: bool  # `<<-`: leading tabs of the body's lines, its last among them, are dropped
    command: int  # where the command it feeds starts


def apart(source: bytes, tree: Tree) -> tuple[bytes, Tree, Origins | None]:
    """The source and tree with each line whose first syntax error comes of here-documents the grammar does
    not read (several started on it) written as bash reads it; `Origins` where parts were moved, else
    None. A line whose reading would still be an error is left as it is."""
    written, origins = source, None
    for _ in range(LINES_READ_APART):
        read = _first_line_apart(source, grammars.first_error_path(tree.root_node))
        if read is None:
            break
        _, source, tree, moved_origins = read
        if moved_origins is not None:
            origins = moved_origins if origins is None else origins.then(moved_origins)
    # What was blanked kept its length: the offsets are those of the text as written, counted in it.
    return source, tree, replace(origins, written=written) if origins is not None else None


def past_the_limit(source: bytes, path: list[Node]) -> Node | None:
    """Where `apart` stopped at its limit (`LINES_READ_APART` lines read apart): the here-document that starts the
    line holding the first error of its tree (`path`: the nodes from the root down to it,
    `grammars.first_error_path`), where reading that line apart as well would have read it. None where the
    error is one of the script's own."""
    read = _first_line_apart(source, path)
    return read[0] if read is not None else None


def past_the_line_limit(source: bytes, path: list[Node]) -> Node | None:
    """Where `apart` left a line because it starts more here-documents than it reads on one (`ON_A_LINE`):
    the here-document of the line holding the first error of the tree (`path`: the nodes from the root down
    to it), where that line holds more `<<` than that (the count `_read_apart` refuses by). None where the
    error is of no such line."""
    if not path:
        return None
    started = _heredoc_started(path)
    if started is path[-1]:  # no here-document of the grammar's at the error: the script's own
        return None
    line = source.rfind(b"\n", 0, started.start_byte) + 1
    return started if source.count(b"<<", line, _line_end(source, line)) > ON_A_LINE else None


def _first_line_apart(source: bytes, path: list[Node]) -> tuple[Node, bytes, Tree, Origins | None] | None:
    """The source and tree with the line of the first error of a tree (`path`: the nodes from its root down
    to it) read apart (`_read_apart`), with the here-document that starts it in that tree; None where the
    tree has no error, or that line is not one of here-documents bash reads apart, or reading it apart still
    leaves an error on it."""
    if not path:
        return None
    started = _heredoc_started(path)
    line = source.rfind(b"\n", 0, started.start_byte) + 1
    rewritten = _read_apart(source, line)
    if rewritten is None:
        return None
    moved, moved_origins = rewritten
    moved_tree = grammars.parsed_within(_GRAMMAR, moved)
    still = grammars.first_error_path(moved_tree.root_node)
    if still and _heredoc_started(still).start_byte <= _line_end(moved, line):
        return None
    return started, moved, moved_tree, moved_origins


def _heredoc_started(path: list[Node]) -> Node:
    """The here-document an error is in (`path`: the nodes from the root down to the error; one whose end is
    missing, where the grammar took another's body for its own: `a <<A && b <<B`), else the first `<<` the
    error holds as a word of its own, else the error: its line is the one that starts them. The innermost
    here-document around the error is the one wanted."""
    error = path[-1]
    found = next((at for at in reversed(path) if at.type == "heredoc_redirect"), None)
    if found is not None:
        return found
    # An error that starts lines above (at the script's first here-document, read well): the `<<` the
    # grammar took for no redirection is one of its own words (`if x; then cat <<B; fi` on a later line).
    return next((child for child in error.children if child.type == "heredoc_start"), error)


def _read_apart(source: bytes, line: int) -> tuple[bytes, Origins | None] | None:
    """The source with the here-documents the line at `line` starts read as bash reads them; None where it
    starts none, or one and no command after it (nothing to read apart), or one's body does not end."""
    end = _line_end(source, line)
    if source.count(b"<<", line, end) > ON_A_LINE:
        return None
    heredocs = _heredocs(source[line:end])
    rest = _rest(source[line:end], heredocs) if heredocs else None
    if not heredocs or (len(heredocs) < 2 and rest is None):
        return None
    bodies = _bodies(source, end + 1, heredocs)
    if bodies is None:
        return None
    blanked = bytearray(source)
    groups: list[list[int]] = []
    for index, heredoc in enumerate(heredocs):
        if groups and heredocs[groups[-1][-1]].command == heredoc.command:
            # The command takes the last of its here-documents: bash reads the one before and drops it.
            dropped = heredocs[groups[-1][-1]]
            _blank(blanked, line + dropped.operator, line + dropped.end)
            _blank(blanked, *bodies[groups[-1][-1]])
            groups[-1].append(index)
        else:
            groups.append([index])
    if len(groups) == 1 and rest is None:
        return bytes(blanked), None
    cuts = [line + heredocs[g[0]].command for g in groups[1:]]
    if rest is not None:
        cuts.append(line + rest)
    spans = [(bodies[g[0]][0], bodies[g[-1]][1]) for g in groups]
    return _commands_apart(bytes(blanked), line, end, cuts, spans)


def _rest(line: bytes, heredocs: list[_Heredoc]) -> int | None:
    """Where what follows the statement of the last here-document starts on the line: the next statement
    (`cat <<A; azure ...`), which bash runs after that one has read its body, or the word that closes a
    compound command the line opens (`if ...; then cat <<A; fi`, `{ cat <<A; }`, `do cat <<A; done`), which
    bash reads once the body is read. The grammar reads a `;` after a here-document's word as an error, and a
    compound closed on the line before the body as one closed before the here-document. None where nothing
    follows (a comment at most)."""
    blanked = bytearray(line)
    for heredoc in heredocs:
        _blank(blanked, heredoc.operator, heredoc.end)
    tree = grammars.parsed_within(_GRAMMAR, bytes(blanked) + b"\n")
    if tree.root_node.has_error:
        return None
    last = heredocs[-1]
    # The statement of the command the last here-document feeds: the first node above it of no statement.
    node = tree.root_node.descendant_for_byte_range(last.command, last.command)
    while node is not None and node.parent is not None and node.parent.type in _WITHIN_A_STATEMENT:
        node = node.parent
    statement_end = node.end_byte if node is not None and node.parent is not None else 0
    return _next_word(line, max(last.end, statement_end))


def _next_word(line: bytes, end: int) -> int | None:
    """Where the first word after a statement that ends at `end` starts: past the spaces and the `;` (or
    `&`) that ends it, at a `;;` that ends a `case` item; None where the line ends first, or a comment."""
    at = end
    while at < len(line) and line[at] in b" \t":
        at += 1
    if line[at : at + 1] in (b";", b"&") and line[at : at + 2] not in (b";;", b"&&"):
        at += 1
        while at < len(line) and line[at] in b" \t":
            at += 1
    return at if at < len(line) and line[at : at + 1] not in (b"#", b"\r") else None


def _commands_apart(
    source: bytes, line: int, end: int, cuts: list[int], bodies: list[tuple[int, int]]
) -> tuple[bytes, Origins]:
    """The line cut at `cuts`, each part followed by a line end and the bodies its command reads (`bodies`,
    one span for each part that has any), as bash hands them on; the origins of each part."""
    moved = bytearray(source[:line])
    starts: list[int] = [0]
    origins: list[int] = [0]

    def put(start: int, stop: int) -> None:
        starts.append(len(moved))
        origins.append(start)
        moved.extend(source[start:stop])

    def line_end(at: int) -> None:  # one the source does not have, shown where its part ends
        starts.append(len(moved))
        origins.append(at)
        moved.extend(b"\n")

    pieces = list(zip([line, *cuts], [*cuts, end], strict=True))
    for index, (start, stop) in enumerate(pieces):
        put(start, stop)
        if stop == end:
            put(end, end + 1)  # the line's own end
        else:
            _unended(moved, len(moved) - (stop - start))
            line_end(stop)
        if index < len(bodies):
            first, last = bodies[index]
            put(first, last)
            if source[last - 1 : last] != b"\n" and last < len(source):
                line_end(last)
    put(bodies[-1][1], len(source))
    return bytes(moved), Origins(source, tuple(starts), tuple(origins))


def _unended(moved: bytearray, start: int) -> None:
    """The `;` that ends the part of a line from `start` blanked: a line end ends its command now, and the
    grammar reads a `;` after a here-document's word as part of it, or before a line end as an error."""
    at = len(moved) - 1
    while at > start and moved[at] in b" \t":
        at -= 1
    if moved[at] == ord(";"):
        moved[at] = ord(" ")


def _heredocs(line: bytes) -> list[_Heredoc]:
    """The here-documents a line starts, in order: each found by the grammar in the line with those found
    before it blanked, and the command it feeds by a parse of the line with only it left."""
    found: list[tuple[int, int, bytes, bool]] = []
    blanked = bytearray(line)
    for _ in range(ON_A_LINE):
        heredoc = _first_heredoc(bytes(blanked))
        if heredoc is None:
            break
        found.append(heredoc)
        _blank(blanked, heredoc[0], heredoc[1])
    heredocs = []
    for index, (operator, end, delimiter, tabs) in enumerate(found):
        alone = bytearray(line)
        for other, (start, stop, _, _) in enumerate(found):
            if other != index:
                _blank(alone, start, stop)
        command = _command_of(bytes(alone[:end]), operator, delimiter)
        if command is None:
            return []
        heredocs.append(_Heredoc(operator, end, delimiter, tabs, command))
    return heredocs


def _first_heredoc(line: bytes) -> tuple[int, int, bytes, bool] | None:
    """The first here-document the grammar reads in `line`: where its operator starts, where its word
    ends (at the first character that ends a word outside quotes, which the grammar may read past), its
    delimiter and whether it drops tabs."""
    tree = grammars.parsed_within(_GRAMMAR, line + b"\n")
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "heredoc_start":
            operator = node.prev_sibling
            if operator is None or operator.type not in ("<<", "<<-"):
                return None
            end = _word_end(line, node.start_byte, node.end_byte)
            written = line[node.start_byte : end]
            delimiter = bytes(c for c in written if c not in _QUOTES)
            return operator.start_byte, end, delimiter, operator.type == "<<-"
        stack.extend(reversed(node.children))
    return None


def _word_end(line: bytes, start: int, stop: int) -> int:
    """Where the delimiter word written from `start` ends: at `stop`, or before a character that ends a word
    outside quotes."""
    quote = 0
    for at in range(start, stop):
        char = line[at]
        if quote:
            quote = 0 if char == quote else quote
        elif char in (ord("'"), ord('"')):
            quote = char
        elif char in _WORD_ENDS:
            return at
    return stop


def _command_of(line: bytes, operator: int, delimiter: bytes) -> int | None:
    """Where the command the here-document at `operator` feeds starts, in the line up to its word holding
    only it (given an empty body: the grammar reads none without one, nor one with a `;` after it)."""
    tree = grammars.parsed_within(_GRAMMAR, line + b"\n" + delimiter + b"\n")
    node: Node | None = tree.root_node.descendant_for_byte_range(operator, operator + 2)
    while node is not None and node.type != "redirected_statement":
        node = node.parent
    body = node.child_by_field_name("body") if node is not None else None
    while body is not None and body.type in ("pipeline", "list") and body.named_children:
        body = body.named_children[-1]  # `a | b <<A`, `a && b <<A`: the grammar redirects them all
    return body.start_byte if body is not None else None


def _bodies(source: bytes, start: int, heredocs: list[_Heredoc]) -> list[tuple[int, int]] | None:
    """The span of each here-document's body with the line that ends it, one after the other from `start`;
    None where one does not end."""
    spans = []
    at = start
    for heredoc in heredocs:
        begin = at
        while True:
            if at >= len(source):
                return None
            end = _line_end(source, at)
            written = source[at:end]
            at = end + 1
            if (written.lstrip(b"\t") if heredoc.tabs else written) == heredoc.delimiter:
                break
        spans.append((begin, min(at, len(source))))
    return spans


def _blank(source: bytearray, start: int, stop: int) -> None:
    """Spaces over `start` to `stop`, line ends kept."""
    for at in range(start, stop):
        if source[at] != ord("\n"):
            source[at] = ord(" ")


def _line_end(source: bytes, start: int) -> int:
    end = source.find(b"\n", start)
    return len(source) if end < 0 else end
