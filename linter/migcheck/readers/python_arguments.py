"""A Python script file another script or a CI step runs with words (`python tools/migrate.py --vnet hub-vnet
prepare`), read with those words as its arguments: each `sys.argv[N]` it reads is the N-th word, and each
argument an `argparse` parser declares (`parser.add_argument("--vnet")`, `parser.add_argument("step")`) is the
word given it, else its default, where the script reads it from what `parse_args()` returns (`args.vnet`).

The words are bound as argparse binds them: an option by its name (`--vnet hub-vnet`, `--vnet=hub-vnet`, an
unambiguous prefix of a long name), a flag (`action="store_true"`) by its presence, the other words to the
positional arguments in the order declared, `--` ending the options. Where the words cannot be bound so
(a word the step does not state, an option the parser does not declare, sub-commands, `nargs`, more parsers
than one), nothing of argparse is bound and the script reads its arguments as values it does not know, as
when it is read alone. A value is shown where the script reads it."""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Words = Sequence[str | None]

# The actions whose argument takes the next word as its value, and the flags with the value they store.
_STORE = "store"
_FLAGS = {"store_true": True, "store_false": False}


@dataclass
class _Argument:
    """One argument a parser declares: where its value goes (`dest`), its option names (none for a
    positional one), what it does with a word, and the value when not given."""

    dest: str
    options: tuple[str, ...]
    action: str
    default: Any  # a literal's value (`ast.Constant.value`)
    stated: bool  # whether its default is a value the script states (a literal), or argparse's own


def with_arguments(tree: ast.Module, words: Words) -> ast.Module:
    """The script with what it reads of its arguments (`sys.argv[1]`, `args.vnet`) replaced by the words
    given it (see the module's docs). Linear in the script's size and the words' number."""
    argv_names = _argv_names(tree)
    parsed = _parse_args_bound(tree, words)
    return _Bound(argv_names, words, parsed).visit(tree)


def _argv_names(tree: ast.Module) -> set[str]:
    """The names the script reads its arguments by: `sys.argv`, and `argv` where it imports it from sys."""
    names = {"sys.argv"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "sys":
            names.update(alias.asname or alias.name for alias in node.names if alias.name == "argv")
    return names


def _parse_args_bound(tree: ast.Module, words: Words) -> tuple[set[str], dict[str, Any]]:
    """The names the script keeps what `parse_args()` returns in, and the value of each argument the
    parser declares, by its `dest`; nothing where the words cannot be bound (see the module's docs)."""
    declared: list[tuple[tuple[int, int], str, ast.Call]] = []
    results: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, owner = node.func.attr, node.func.value
            if method in (
                "add_subparsers",
                "add_argument_group",
                "add_mutually_exclusive_group",
                "parse_known_args",
            ):
                return set(), {}
            if method == "add_argument" and isinstance(owner, ast.Name):
                declared.append(((node.lineno, node.col_offset), owner.id, node))
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "parse_args"
            and not node.value.args
            and not node.value.keywords
        ):
            results.update(target.id for target in node.targets if isinstance(target, ast.Name))
    if not declared or not results or len({owner for _, owner, _ in declared}) != 1:
        return set(), {}
    arguments = [_declared(call) for _, _, call in sorted(declared, key=lambda each: each[0])]
    if any(argument is None for argument in arguments):
        return set(), {}
    values = _bound([a for a in arguments if a is not None], words)
    return (results, values) if values is not None else (set(), {})


def _declared(call: ast.Call) -> _Argument | None:
    """The argument an `add_argument` call declares, when the reader can bind it: names written out, an
    action that stores a word or a flag, no `nargs`, a default written as a literal or none."""
    names = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if not names or len(names) != len(call.args):
        return None
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    if len(keywords) != len(call.keywords) or "nargs" in keywords:
        return None
    action = keywords.get("action")
    acting = action.value if isinstance(action, ast.Constant) and isinstance(action.value, str) else _STORE
    if (action is not None and not isinstance(action, ast.Constant)) or acting not in (_STORE, *_FLAGS):
        return None
    options = tuple(name for name in names if name.startswith("-"))
    long = next((o for o in options if o.startswith("--")), options[0] if options else names[0])
    dest_node = keywords.get("dest")
    dest = dest_node.value if isinstance(dest_node, ast.Constant) else long.lstrip("-").replace("-", "_")
    if not isinstance(dest, str) or (options and len(options) != len(names)):
        return None
    given = keywords.get("default")
    if given is not None and not isinstance(given, ast.Constant):
        return None
    default = given.value if given is not None else (not _FLAGS[acting] if acting in _FLAGS else None)
    return _Argument(dest, options, acting, default, given is not None or acting in _FLAGS)


def _bound(arguments: list[_Argument], words: Words) -> dict[str, Any] | None:
    """Each argument's value, by `dest`, once the words are bound to them as argparse binds them; None
    where they cannot be (a word not stated, an option not declared, too many words, a missing value)."""
    by_option = {option: a for a in arguments for option in a.options}
    positionals = [a for a in arguments if not a.options]
    values = {a.dest: a.default for a in arguments if a.stated}  # argparse's own None: not stated
    index, only_positionals = 0, False
    while index < len(words):
        word = words[index]
        index += 1
        if word is None:
            return None
        if word == "--" and not only_positionals:
            only_positionals = True
            continue
        if word.startswith("-") and len(word) > 1 and not only_positionals:
            name, equals, inline = word.partition("=")
            argument = by_option.get(name) or _by_prefix(name, by_option)
            if argument is None:
                return None
            if argument.action in _FLAGS:
                if equals:
                    return None
                values[argument.dest] = _FLAGS[argument.action]
                continue
            if not equals:
                if index >= len(words) or words[index] is None:
                    return None
                inline, index = words[index] or "", index + 1
            values[argument.dest] = inline
            continue
        if not positionals:
            return None
        values[positionals.pop(0).dest] = word
    return None if positionals else values


def _by_prefix(name: str, by_option: dict[str, _Argument]) -> _Argument | None:
    """The argument a long option's unambiguous prefix names (`--vn` for `--vnet`), as argparse allows."""
    if not name.startswith("--"):
        return None
    found = {
        id(a): a for option, a in by_option.items() if option.startswith("--") and option.startswith(name)
    }
    return next(iter(found.values())) if len(found) == 1 else None


class _Bound(ast.NodeTransformer):
    """Replaces each read of an argument by the value bound to it, at the read's place."""

    def __init__(self, argv_names: set[str], words: Words, parsed: tuple[set[str], dict[str, Any]]) -> None:
        self.argv_names, self.words = argv_names, words
        self.results, self.values = parsed

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        index = node.slice
        if (
            isinstance(node.ctx, ast.Load)
            and _dotted(node.value) in self.argv_names
            and isinstance(index, ast.Constant)
            and type(index.value) is int
            and 0 < index.value <= len(self.words)
            and self.words[index.value - 1] is not None
        ):
            return ast.copy_location(ast.Constant(self.words[index.value - 1]), node)
        return self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if (
            isinstance(node.ctx, ast.Load)
            and isinstance(node.value, ast.Name)
            and node.value.id in self.results
            and node.attr in self.values
        ):
            return ast.copy_location(ast.Constant(self.values[node.attr]), node)
        return self.generic_visit(node)


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return ""
