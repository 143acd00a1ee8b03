"""A Python script file another script or a CI step runs with words (`python tools/migrate.py --vnet hub-vnet
prepare`), read with those words as its arguments: each `sys.argv[N]` it reads is the N-th word, a slice of
them (`name, region = sys.argv[1:3]`, `args = sys.argv[1:]`) the list of those words, and each argument an
`argparse` parser declares (`parser.add_argument("--vnet")`, `parser.add_argument("step")`) is the word given
it, else its default, where the script reads it from what `parse_args()` returns (`args.vnet`), from what
`parse_known_args()` returns first (`args, rest = parser.parse_known_args()`), or from the dictionary `vars()`
makes of either (`vars(parser.parse_args())["vnet"]`, `options = vars(args)` then `options["vnet"]`).

The words are bound as argparse binds them: an option by its name (`--vnet hub-vnet`, `--vnet=hub-vnet`, an
unambiguous prefix of a long name), a flag (`action="store_true"`) by its presence, an option whose value may
be left out (`nargs="?"`) by the word after it, else its `const`, the other words to the positional arguments
in the order declared, `--` ending the options; a version option (`action="version"`) given ends the script; by `parse_known_args()`, a word no
argument takes (an option the parser does not declare, a word past the positional arguments) is left over. A
value is made of its word as argparse makes it (`type=int`, `float` or `str`: `--count 3` is the number 3;
another type leaves the word as text), and a word argparse refuses (not a number, not among `choices=` written
out) ends the script. Where the words cannot be bound so (a word the step
does not state, an option `parse_args()` does not know, sub-commands, another `nargs`, more parsers than one), nothing
of argparse is bound and the script reads its arguments as values it does not know, as when it is read alone.
A value is shown where the script reads it.

Read alone, with no words (`with_options_left_out`), an option the caller may leave out (no default but None,
not required) is None unless the caller gives it: each read of it is marked so, for a finding that turns on it
to say which it assumes."""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Words = Sequence[str | None]

# The actions whose argument takes the next word as its value, and the flags with the value they store.
_STORE = "store"
_FLAGS = {"store_true": True, "store_false": False}
# The action of an option that prints the program's version and ends it, storing nothing.
_VERSION = "version"


@dataclass
class _Argument:
    """One argument a parser declares: where its value goes (`dest`), its option names (none for a
    positional one), what it does with a word, and the value when not given."""

    dest: str
    options: tuple[str, ...]
    action: str
    default: Any  # a literal's value (`ast.Constant.value`)
    stated: bool  # whether its default is a value the script states (a literal), or argparse's own
    value_optional: bool = False  # `nargs="?"`: given alone, the option stores `const`
    const: Any = None
    required: bool = False  # `required=True`: argparse ends the script when the option is not given
    typed: Callable[[str], Any] | None = None  # `type=int`, `float` or `str`: what makes its value of a word
    choices: tuple[Any, ...] | None = None  # `choices=[...]` written out: the values argparse takes

    @property
    def shown(self) -> str:
        """The option as a caller gives it: its long name (`--vnet`), else its first."""
        return next((o for o in self.options if o.startswith("--")), self.options[0])

    @property
    def may_be_left_out(self) -> bool:
        """Whether it is an option that stores the word given it, None where it is not given: no default
        but argparse's own None (or one written None), not required."""
        return bool(self.options) and self.action == _STORE and self.default is None and not self.required

    def value_of(self, word: str) -> tuple[Any] | None:
        """The value argparse stores of a word given it, as a 1-tuple: made by its `type`, one of its
        `choices`; None where argparse refuses the word and ends the script."""
        try:
            value = self.typed(word) if self.typed is not None else word
        except ValueError:
            return None
        return None if self.choices is not None and value not in self.choices else (value,)


def with_arguments(tree: ast.Module, words: Words) -> ast.Module:
    """The script with what it reads of its arguments (`sys.argv[1]`, `args.vnet`) replaced by the words
    given it (see the module's docs). Linear in the script's size and the words' number."""
    argv_names = _argv_names(tree)
    parsed = _parse_args_bound(tree, words)
    return _Bound(argv_names, words, parsed, _as_constant).visit(tree)


# The attribute `with_options_left_out` sets on a read of an option the caller may leave out (`args.vnet` of
# `parser.add_argument("--vnet")`), in a script read alone: the option as the caller gives it (`--vnet`); the
# read is None unless the caller gives it. The read stays the node it is, so that what reads the script's
# syntax (the pieces a blob's address is built of, `args.url + name`) reads it as written; `python_flow`
# reads the mark (`left_out`, `Unknown.unset`).
LEFT_OUT = "migcheck_left_out"


def left_out(node: ast.expr) -> str:
    """The option a read of it the caller may leave out (see `LEFT_OUT`); "" for any other expression."""
    kind = type(node)
    return node.__dict__.get(LEFT_OUT, "") if kind is ast.Attribute or kind is ast.Subscript else ""


def _marked_left_out(node: ast.expr, option: str) -> ast.expr:
    """A read of an option the caller may leave out, marked so (see `LEFT_OUT`)."""
    setattr(node, LEFT_OUT, option)
    return node


def with_options_left_out(tree: ast.Module) -> ast.Module:
    """The script, read alone (no caller's words), with each read of an option its parser declares that the
    caller may leave out (`_Argument.may_be_left_out`) marked so (`LEFT_OUT`), where the reader can
    bind its arguments (see the module's docs). Linear in the script's size."""
    found = _declarations(tree)
    if found is None:
        return tree
    parsed, arguments, _ = found
    parsed.values = {a.dest: a.shown for a in arguments if a.may_be_left_out}
    if not parsed.values:
        return tree
    return _Bound(set(), (), parsed, _marked_left_out).visit(tree)


def _as_constant(node: ast.expr, value: Any) -> ast.expr:
    """A read of an argument bound to `value` (`_Bound`): that value, written at the read."""
    return ast.copy_location(ast.Constant(value), node)


@dataclass
class _Parsed:
    """What the script keeps of what the parser returns: the names of the namespaces (`args`), those of
    the dictionaries `vars()` makes of them (`options`), and the value of each argument, by its `dest`."""

    results: set[str]
    dictionaries: set[str]
    values: dict[str, Any]


_NOTHING_PARSED = _Parsed(set(), set(), {})


def _parser_call(node: ast.expr) -> str:
    """Of `parser.parse_args()` (no words given it): "parse_args"; of `parser.parse_known_args()`, "known",
    and of `parser.parse_known_args()[0]`, the namespace it returns first, "known first"; "" for any other."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == 0:
        return "known first" if _parser_call(node.value) == "known" else ""
    if (
        not isinstance(node, ast.Call)
        or node.args
        or node.keywords
        or not isinstance(node.func, ast.Attribute)
    ):
        return ""
    return {"parse_args": "parse_args", "parse_known_args": "known"}.get(node.func.attr, "")


def _namespace_call(node: ast.expr) -> bool:
    """Whether an expression is the namespace the parser returns (`parser.parse_args()`, `parser.parse_known_args()[0]`)."""
    return _parser_call(node) in ("parse_args", "known first")


def _vars_of(node: ast.expr) -> ast.expr | None:
    """Of `vars(x)`: `x`; None for any other expression."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "vars"
        and len(node.args) == 1
        and not node.keywords
    ):
        return node.args[0]
    return None


def _argv_names(tree: ast.Module) -> set[str]:
    """The names the script reads its arguments by: `sys.argv`, and `argv` where it imports it from sys."""
    names = {"sys.argv"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "sys":
            names.update(alias.asname or alias.name for alias in node.names if alias.name == "argv")
    return names


def _parse_args_bound(tree: ast.Module, words: Words) -> _Parsed:
    """The names the script keeps what the parser returns in (see `_Parsed`), and the value of each
    argument the parser declares, by its `dest`; nothing where the words cannot be bound (see the module's
    docs)."""
    found = _declarations(tree)
    if found is None:
        return _NOTHING_PARSED
    parsed, arguments, known = found
    values = _bound(arguments, words, known)
    if values is None:
        return _NOTHING_PARSED
    parsed.values = values
    return parsed


def _declarations(tree: ast.Module) -> tuple[_Parsed, list[_Argument], bool] | None:
    """The names the script keeps what the parser returns in (see `_Parsed`, no value bound yet), the
    arguments the parser declares, in order, and whether it parses them by `parse_known_args()`; None where
    the reader cannot bind them (see the module's docs)."""
    declared: list[tuple[tuple[int, int], str, ast.Call]] = []
    parsed = _Parsed(set(), set(), {})
    known = read_at_once = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, owner = node.func.attr, node.func.value
            if method in ("add_subparsers", "add_argument_group", "add_mutually_exclusive_group"):
                return None
            if method == "add_argument" and isinstance(owner, ast.Name):
                declared.append(((node.lineno, node.col_offset), owner.id, node))
            known = known or method == "parse_known_args"
        if isinstance(node, ast.Assign):
            _kept(node, parsed)
        # `parser.parse_args().vnet`, `vars(parser.parse_args())["vnet"]`: read where it is returned
        read_at_once = read_at_once or (
            isinstance(node, (ast.Attribute, ast.Subscript))
            and (_namespace_call(node.value) or _namespace_call(_vars_of(node.value) or node))
        )
    kept = parsed.results or parsed.dictionaries or read_at_once
    if not declared or not kept or len({o for _, o, _ in declared}) != 1:
        return None
    arguments = [_declared(call) for _, _, call in sorted(declared, key=lambda each: each[0])]
    if any(argument is None for argument in arguments):
        return None
    return parsed, [a for a in arguments if a is not None], known


def _kept(node: ast.Assign, parsed: _Parsed) -> None:
    """Where an assignment keeps what the parser returns: `args = parser.parse_args()`, `args, rest =
    parser.parse_known_args()`, `args = parser.parse_known_args()[0]`, `options = vars(parser.parse_args())`
    (or `vars(args)` of such a name), each name it assigns it to (see `_Parsed`)."""
    value, targets = node.value, node.targets
    names = [target.id for target in targets if isinstance(target, ast.Name)]
    if _namespace_call(value):
        parsed.results.update(names)
    elif _parser_call(value) == "known":  # args, rest = parser.parse_known_args()
        firsts = [t.elts[0] for t in targets if isinstance(t, ast.Tuple) and len(t.elts) == 2]
        parsed.results.update(first.id for first in firsts if isinstance(first, ast.Name))
    elif (of := _vars_of(value)) is not None and (
        _namespace_call(of) or (isinstance(of, ast.Name) and of.id in parsed.results)
    ):
        parsed.dictionaries.update(names)


def _declared(call: ast.Call) -> _Argument | None:
    """The argument an `add_argument` call declares, when the reader can bind it: names written out, an
    action that stores a word or a flag or shows the version, no `nargs` but an option's `"?"`, a default
    and a `const` written as literals or none."""
    names = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if not names or len(names) != len(call.args):
        return None
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    options = tuple(name for name in names if name.startswith("-"))
    value_optional = _literal(keywords.get("nargs")) == "?" and bool(options)
    if len(keywords) != len(call.keywords) or ("nargs" in keywords and not value_optional):
        return None
    action = keywords.get("action")
    acting = action.value if isinstance(action, ast.Constant) and isinstance(action.value, str) else _STORE
    known = (_STORE, _VERSION, *_FLAGS)
    if (action is not None and not isinstance(action, ast.Constant)) or acting not in known:
        return None
    long = next((o for o in options if o.startswith("--")), options[0] if options else names[0])
    dest_node = keywords.get("dest")
    dest = dest_node.value if isinstance(dest_node, ast.Constant) else long.lstrip("-").replace("-", "_")
    if not isinstance(dest, str) or (options and len(options) != len(names)):
        return None
    given, const = keywords.get("default"), keywords.get("const")
    if any(node is not None and not isinstance(node, ast.Constant) for node in (given, const)):
        return None
    default = _literal(given) if given is not None else (not _FLAGS[acting] if acting in _FLAGS else None)
    stated = given is not None or acting in _FLAGS
    required = _literal(keywords.get("required")) is True
    argument = _Argument(dest, options, acting, default, stated, value_optional, _literal(const), required)
    argument.typed = _TYPES.get(_dotted(keywords["type"])) if "type" in keywords else None
    argument.choices = _choices(keywords.get("choices"))
    if isinstance(default, str) and argument.typed is not None:  # argparse makes a default of text so too
        made = argument.value_of(default)
        argument.default = made[0] if made is not None else default
    return argument


# The `type=` of an argument whose value the reader makes of the word given it as argparse does (`type=int`:
# `--count 3` is the number 3); another (a function of the script's) leaves the word as it is.
_TYPES: dict[str, Callable[[str], Any]] = {"int": int, "float": float, "str": str}


def _choices(node: ast.expr | None) -> tuple[Any, ...] | None:
    """The values `choices=` writes out as literals (a list, tuple or set); None for none or another."""
    if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return None
    if not all(isinstance(item, ast.Constant) for item in node.elts):
        return None
    return tuple(_literal(item) for item in node.elts)


def _literal(node: ast.expr | None) -> Any:
    """The value a keyword argument writes as a literal; None for none or another expression."""
    return node.value if isinstance(node, ast.Constant) else None


def _bound(arguments: list[_Argument], words: Words, known: bool = False) -> dict[str, Any] | None:
    """Each argument's value, by `dest`, once the words are bound to them as argparse binds them; None
    where they cannot be (a word not stated, an option not declared, too many words, a missing value). By
    `parse_known_args()` (`known`), an option not declared and a word past the positional arguments are
    left over, as argparse leaves them (an undeclared option takes no value: the word after it is bound
    as any other)."""
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
            if argument is None and known:
                continue
            if argument is None or argument.action == _VERSION:  # the version shown, the script ends
                return None
            if argument.action in _FLAGS:
                if equals:
                    return None
                values[argument.dest] = _FLAGS[argument.action]
                continue
            if not equals and argument.value_optional and _no_value_after(words, index):
                values[argument.dest] = argument.const
                continue
            if not equals:
                if index >= len(words) or words[index] is None:
                    return None
                inline, index = words[index] or "", index + 1
            made = argument.value_of(inline)
            if made is None:  # argparse refuses it: the script ends there
                return None
            values[argument.dest] = made[0]
            continue
        if not positionals and known:
            continue
        if not positionals:
            return None
        positional = positionals.pop(0)
        made = positional.value_of(word)
        if made is None:
            return None
        values[positional.dest] = made[0]
    return None if positionals else values


def _no_value_after(words: Words, index: int) -> bool:
    """Whether an option whose value may be left out (`nargs="?"`) is given none: the words end at `index`,
    or the one there is another option, as argparse sees it."""
    if index >= len(words):
        return True
    word = words[index]
    return word is not None and word.startswith("-") and len(word) > 1


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

    def __init__(
        self, argv_names: set[str], words: Words, parsed: _Parsed, read: Callable[[ast.expr, Any], ast.expr]
    ) -> None:
        self.argv_names, self.words = argv_names, words
        self.parsed, self.read = parsed, read

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        index = node.slice
        if (
            isinstance(node.ctx, ast.Load)
            and _dotted(node.value) in self.argv_names
            and isinstance(index, ast.Slice)
        ):
            return self._argv_slice(node, index)
        if (
            isinstance(node.ctx, ast.Load)
            and self._dictionary(node.value)
            and isinstance(index, ast.Constant)
            and isinstance(index.value, str)
            and index.value in self.parsed.values
        ):
            return self.read(node, self.parsed.values[index.value])
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
        if isinstance(node.ctx, ast.Load) and self._namespace(node.value) and node.attr in self.parsed.values:
            return self.read(node, self.parsed.values[node.attr])
        return self.generic_visit(node)

    def _namespace(self, node: ast.expr) -> bool:
        """Whether an expression is the namespace the parser returns: a name that keeps it (`args`), or the
        call itself (`parser.parse_args().vnet`)."""
        kept = isinstance(node, ast.Name) and node.id in self.parsed.results
        return bool(self.parsed.values) and (kept or _namespace_call(node))

    def _dictionary(self, node: ast.expr) -> bool:
        """Whether an expression is the dictionary `vars()` makes of that namespace (`options`,
        `vars(args)`, `vars(parser.parse_args())`)."""
        of = _vars_of(node)
        kept = isinstance(node, ast.Name) and node.id in self.parsed.dictionaries
        return bool(self.parsed.values) and (kept or (of is not None and self._namespace(of)))

    def _argv_slice(self, node: ast.Subscript, index: ast.Slice) -> ast.AST:
        """`sys.argv[1:3]`, `sys.argv[1:]`: the list of the words in that slice, each a word the script is
        given, or, where the step does not state it, its read (`sys.argv[2]`), a value not known, as when
        the script is read alone. Any other slice (from the script's own path, with a stride, bounds not written as
        numbers) is left as it is."""
        lower, upper = index.lower, index.upper
        bounds = [
            b.value if isinstance(b, ast.Constant) and type(b.value) is int else None for b in (lower, upper)
        ]
        if (
            index.step is not None
            or bounds[0] is None
            or bounds[0] < 1
            or (upper is not None and bounds[1] is None)
        ):
            return self.generic_visit(node)
        start, end = bounds[0] - 1, (bounds[1] - 1 if bounds[1] is not None else len(self.words))
        items: list[ast.expr] = [
            ast.Constant(word)
            if word is not None
            else ast.Subscript(value=node.value, slice=ast.Constant(start + at + 1), ctx=ast.Load())
            for at, word in enumerate(self.words[start : max(start, end)])
        ]
        listed = ast.List(elts=[ast.copy_location(item, node) for item in items], ctx=ast.Load())
        return ast.fix_missing_locations(ast.copy_location(listed, node))


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return ""
