"""The tree-sitter grammars the script and declarations readers parse with, each loaded once, on first use:
importing tree-sitter and a grammar costs milliseconds a run that reads no such file need not pay."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterator

    from tree_sitter import Language, Node, Parser, Point, Tree


@functools.cache
def language(package: str) -> Language:
    """The grammar of the package `package` (`tree_sitter_powershell`, `tree_sitter_bash`,
    `tree_sitter_toml`)."""
    import tree_sitter

    return tree_sitter.Language(importlib.import_module(package).language())


@functools.cache
def parser(package: str) -> Parser:
    """A parser of the grammar of `package`, one for the whole run: parsing is synchronous, and each
    reader parses one file at a time."""
    import tree_sitter

    return tree_sitter.Parser(language(package))


# The CPU time a parse may take: a second, and 10 µs for each byte (scripts parse at well under 1 µs a byte).
# Some inputs make a grammar's own code take time that grows with their size squared (bash's extglob
# patterns, `a@(x)` on each of thousands of lines, take 30 s at 64 kB): past this the parse is stopped,
# so that no file costs more than time linear in its size.
PARSE_SECONDS = 1.0
PARSE_SECONDS_PER_BYTE = 10e-6
_CHUNK = 65536  # bytes handed to the parser at a time


# The `|` a bash script may hold outside `||`, so at most as many stages in any one pipeline. The grammar
# keeps a pipeline's stages on its stack until the pipeline ends, and where it ends in a syntax error (`a | `
# repeated, then `)`) its error recovery copies that stack again and again, in one call that never asks the
# progress callback: time and memory grow with the stages squared, 8,000 stages 1.4 s and 800 MB, 12,000 3 s
# and 1.5 GB, 24,000 49 s (or the end of the memory), none of it stoppable. 2,048 take 0.1 s and 60 MB.
# Real scripts hold tens (the corpus: 34 at most in one file).
_MOST_PIPES = {"tree_sitter_bash": 2048}
# Where a `|` is text, not an operator (the bash grammar's node types): words (`a\|b`), quotes and comments
# are text whole; strings and here-documents but for the substitutions in them (`"$(a | b)"`).
_TEXT = frozenset({"word", "raw_string", "ansi_c_string", "comment"})
_TEXT_AROUND_CODE = frozenset({"string", "heredoc_body"})
_CODE_IN_TEXT = frozenset(
    {"command_substitution", "process_substitution", "expansion", "arithmetic_expansion"}
)


class ParseTooSlow(Exception):
    """A parse of text read from a file stopped past the CPU time the file's size allows (`parsed_within`)."""

    def __init__(self) -> None:
        super().__init__("the grammar takes longer to parse the text than text of its size may")


class _Budget:
    """The CPU time the parses of one file's text have left, together (`parse_budget`)."""

    __slots__ = ("left",)

    def __init__(self, seconds: float) -> None:
        self.left = seconds


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("parse budget", default=None)


@contextlib.contextmanager
def parse_budget(size: int) -> Generator[None, None, None]:
    """Every parse in the block, the first of a file of `size` bytes and those of each rewrite of its text a
    reader makes to read it as its shell does, shares the CPU time one parse of that file may take: each
    rewrite parses as long as the first, so a file that only just passed its first parse cost a dozen times
    that in the rewrites. Only parse time is counted, not the reading between parses."""
    token = _budget.set(_Budget(_allowed(size)))
    try:
        yield
    finally:
        _budget.reset(token)


def _allowed(size: int) -> float:
    return PARSE_SECONDS + PARSE_SECONDS_PER_BYTE * size


def parsed_in_time(package: str, source: bytes) -> Tree | None:
    """The tree the grammar of `package` parses `source` into, or None when that takes more than
    `PARSE_SECONDS` and `PARSE_SECONDS_PER_BYTE` of CPU time (or than the parses of its file have left,
    `parse_budget`). CPU time, not wall-clock time, so that a busy machine does not change the answer. A
    bash source of more pipes than the grammar's error recovery gets through within that time
    (`_MOST_PIPES`) is None unparsed: that recovery is not stopped by the bound."""
    most_pipes = _MOST_PIPES.get(package)
    if most_pipes is not None and _pipes(source) > most_pipes:
        operators = _operator_pipes(package, source)
        if operators is None or operators > most_pipes:
            return None
    return read_in_time(parser(package), lambda offset, _point: source[offset : offset + _CHUNK], len(source))


def parsed_within(package: str, source: bytes) -> Tree:
    """The tree `parsed_in_time` parses `source` into, for a reader that parses a rewrite of a file's text
    where it cannot stop: `ParseTooSlow` past the bound, for the reader's caller to say the file unread."""
    tree = parsed_in_time(package, source)
    if tree is None:
        raise ParseTooSlow
    return tree


# The depth of the bash grammar's tree past which no reader walks it: tree-sitter finds a node's parent
# going down from the root, in C, and overflows the stack below some 20,000 levels (`$(` nested 8,000 deep:
# the process ended on SIGSEGV); each climb from a node costs its depth, too. A thousand `$(` nested is
# 3,000 levels, read; no script written by hand comes near. A chain `a && b && …` is as deep as it is long
# (each list holds the one before) but nests nothing: its lists in lists are no levels (`nests_deeper_than`),
# and a chain of 100,000 commands is read.
BASH_DEEPEST = 4_000


def bash_tree(source: bytes, first: Tree | None = None) -> Tree | None:
    """The bash grammar's tree of `source` (`parsed_within`; `first`, where the caller has parsed it), or
    None where it nests deeper than any reader walks (`BASH_DEEPEST`): each reader's bash parse of a
    script, a command line or a CI step comes through here, so none walks a tree that would end the process."""
    tree = parsed_within("tree_sitter_bash", source) if first is None else first
    return None if nests_deeper_than(tree, BASH_DEEPEST, chained="list") else tree


def _pipes(source: bytes) -> int:
    """How many `|` of `source` are not half of a `||`: at least as many as the pipes of any pipeline in it,
    whatever of it is quoted or a comment (this counts bytes, it reads no shell), so only ever a bound; past
    `_MOST_PIPES`, those that are operators are counted (`_operator_pipes`)."""
    return source.count(b"|") - 2 * source.count(b"||")


def _operator_pipes(package: str, source: bytes) -> int | None:
    """How many `|` of `source` are operators (`_pipes`), not text in a quote, a here-document or a comment;
    None where the parse that tells them apart takes longer than `source` may. That parse is of `source` with
    each `|` a blank, which moves nothing and leaves no pipeline for the grammar's recovery to copy."""
    blanked = source.replace(b"|", b" ")
    tree = read_in_time(
        parser(package), lambda offset, _point: blanked[offset : offset + _CHUNK], len(source)
    )
    if tree is None:
        return None
    text = 0
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type in _TEXT:
            text += _pipes(source[node.start_byte : node.end_byte])
        elif node.type in _TEXT_AROUND_CODE:
            code = [child for child in node.children if child.type in _CODE_IN_TEXT]
            text += _pipes(source[node.start_byte : node.end_byte]) - sum(
                _pipes(source[child.start_byte : child.end_byte]) for child in code
            )
            stack.extend(code)
        else:
            stack.extend(node.children)
    return _pipes(source) - text


def read_in_time(parsing: Parser, read: Callable[[int, Point], bytes], size: int) -> Tree | None:
    """The tree `parsing` reads through `read`, a source of `size` bytes, or None when that takes longer than
    `parsed_in_time` allows such a source: for a parser of its own, set to read only some ranges."""
    budget = _budget.get()
    started = time.process_time()
    allowed = _allowed(size) if budget is None else min(_allowed(size), budget.left)
    limit = started + allowed
    try:
        # The progress callback is only called on a parse that reads its source through a callback.
        return parsing.parse(read, progress_callback=lambda *_: time.process_time() > limit)
    except ValueError:  # stopped by the callback
        parsing.reset()  # else the next parse would go on with this one's source
        return None
    finally:
        if budget is not None:
            budget.left -= time.process_time() - started


def nests_deeper_than(tree: Tree, limit: int, chained: str = "") -> bool:
    """Whether a node of `tree` lies more than `limit` levels below its root, found by one walk of a cursor
    (no recursion, no `Node.parent`) that stops at the first such node. A node of the type `chained` right
    inside one of its own type is no level: that is the grammar's way of writing a chain (bash's `a && b &&
    c`, a list holding the list before it), as long as the script writes it, not nested."""
    cursor = tree.walk()
    kinds = [tree.root_node.type]  # the type of each node on the path down to the cursor's
    levels = [False]  # whether each is a level
    depth = 0
    while True:
        if not cursor.goto_first_child():
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    return False
                depth -= levels.pop()
                kinds.pop()
            depth -= levels.pop()  # the sibling takes the place of the node before it
            kinds.pop()
        kind = cursor.node.type if cursor.node is not None else ""
        level = not (chained and kind == chained == kinds[-1])
        kinds.append(kind)
        levels.append(level)
        depth += level
        if depth > limit:
            return True


def first_error(node: Node) -> Node | None:
    """The first error or missing node under `node`, down through the first child holding one at each level
    (in a loop: a script may nest hundreds deep); None where there is none."""
    path = first_error_path(node)
    return path[-1] if path else None


def first_error_path(node: Node) -> list[Node]:
    """The nodes from `node` down to its first error (`first_error`), that error last; empty where there is
    none. What is around the error is read off it: tree-sitter finds a node's parent, or the child that
    holds a node, by going down from the node asked, so climbing from an error costs its depth squared."""
    path = [node]
    while not (node.is_error or node.is_missing):
        child = next((c for c in node.children if c.has_error or c.is_missing), None)
        if child is None:
            return path if len(path) > 1 else []
        node = child
        path.append(node)
    return path


def comments(root: Node) -> Iterator[Node]:
    """Every comment the tree reads, in the order written."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "comment":
            yield node
        else:
            stack.extend(reversed(node.children))


class BlockEnds:
    """Which comments are the last thing of their block: the first token after one, past other comments,
    closes a block (`closers`: a `}`, a shell `fi` or `done`). Such a comment has no statement after it
    in its block, so it applies to nothing, as a comment before a closing tag does. Comments stacked
    before one token share the answer, worked out once, so the cost is not their number squared."""

    def __init__(self, closers: frozenset[str]) -> None:
        self._closers = closers
        self._after: dict[Node, Node | None] = {}  # a comment → the first token after it, past comments

    def ends_block(self, comment: Node) -> bool:
        token = self.token_after(comment)
        return token is not None and token.type in self._closers

    def token_after(self, comment: Node) -> Node | None:
        """The first token after `comment` that is not a comment, or None at the end of the file."""
        passed: list[Node] = []  # the comments on the way, which share the answer
        node: Node | None = comment
        while node is not None and node.type == "comment":
            if node in self._after:
                node = self._after[node]
                break
            passed.append(node)
            node = _next_token(node)
        for each in passed:
            self._after[each] = node
        return node


def _next_token(node: Node) -> Node | None:
    """The first token (leaf) after `node` in the file, or None at its end."""
    following = node.next_sibling
    while following is None:
        parent = node.parent
        if parent is None:
            return None
        node = parent
        following = node.next_sibling
    while following.child_count:
        following = following.children[0]
    return following
