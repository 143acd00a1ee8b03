"""The expressions of CI pipelines' conditions, decided where their operands are stated: Azure Pipelines'
functions (`and()`, `or()`, `not()`, `eq()`, `ne()`, `in()`, `notIn()`, `startsWith()`, `endsWith()`,
`contains()`, and the status functions `succeeded()`, `always()`...) and GitHub Actions' operators (`==`, `!=`,
`&&`, `||`, `!`, parentheses), of literals (`'text'`, numbers, `true`, `false`, `null`) and of the values the
file states (`parameters.name`, `variables.name`, `variables['name']`; GitLab CI's `$NAME`, `"text"`, as
`lookup` gives them). A value the
file does not state (`variables['Build.SourceBranch']`, `github.ref`, a function not known) is not known, and
so is what depends on it: the condition may hold or not.

The text is read by a tokenizer and a recursive descent of its own, to a bounded depth, in one pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class _Unknown:
    """A value the file does not state."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()
Value = str | float | bool | None | _Unknown
# How deep the descent follows nested calls and parentheses: far deeper than any condition nests.
_MOST_DEPTH = 32
# The status functions whose value is known before a step runs: those that let it run as a step without a
# condition does (the step's job or stage already runs under its own).
_RUNS = frozenset({"succeeded", "success", "always"})


@dataclass
class _Token:
    kind: str  # "text" (a quoted literal), "word" (a name, a number, a keyword), or the operator itself
    text: str


def decided(expression: str, lookup: Callable[[str, str], Value], *, exact: bool = False) -> bool | None:
    """Whether an expression holds: True, False, or None where it depends on a value not stated or cannot be
    read. `lookup(kind, name)` gives a stated value (`kind` is one of `_CONTEXTS`), else UNKNOWN. `exact`
    compares texts as GitLab CI's `==` and `!=` do, character for character; Azure Pipelines and GitHub
    Actions compare them without regard to case."""
    tokens = _tokens(expression)
    if tokens is None:
        return None
    parser = _Parser(tokens, lookup, exact)
    value = parser.expression(0)
    if parser.at != len(tokens):
        return None
    return truth(value)


class _GitLabText(str):
    """A GitLab CI variable's value: as a condition (`if: $DEPLOY`), true wherever it is not empty, even
    `"false"` or `"0"`, as GitLab CI tells a variable set from one not."""


def truth(value: Value) -> bool | None:
    """A value as a condition: the empty text, `false`, 0 and null are false (a GitLab CI variable's value:
    the empty text only); not known is None."""
    if isinstance(value, _Unknown):
        return None
    if isinstance(value, _GitLabText):
        return bool(value)
    if isinstance(value, str):
        return value.strip().casefold() not in ("", "false", "0")
    return bool(value)


# The contexts whose values a pipeline may state: Azure Pipelines' parameters and variables, GitHub Actions'
# env, matrix and inputs, and the runner's system its labels name (`runner.os`).
_CONTEXTS = ("parameters", "variables", "env", "matrix", "inputs", "runner")
_OPERATORS = ("=~", "!~", "==", "!=", "<=", ">=", "&&", "||", "(", ")", "[", "]", ",", ".", "!", "<", ">")


def _tokens(text: str) -> list[_Token] | None:
    """The tokens of an expression; None for one that cannot be read (a quote never closed, a character no
    expression writes)."""
    found: list[_Token] = []
    at = 0
    while at < len(text):
        character = text[at]
        if character.isspace():
            at += 1
        elif character == "$" and at + 1 < len(text) and (text[at + 1].isalnum() or text[at + 1] == "_"):
            end = at + 1
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            found.append(_Token("variable", text[at + 1 : end]))
            at = end
        elif character == '"':
            close = text.find('"', at + 1)
            if close == -1:
                return None
            found.append(_Token("text", text[at + 1 : close]))
            at = close + 1
        elif character == "'":
            end = at + 1
            pieces = []
            while True:
                close = text.find("'", end)
                if close == -1:
                    return None
                pieces.append(text[end:close])
                if text[close + 1 : close + 2] != "'":  # '' is a quote in the text
                    break
                pieces.append("'")
                end = close + 2
            found.append(_Token("text", "".join(pieces)))
            at = close + 1
        elif character.isalnum() or character in "_-":
            end = at
            while end < len(text) and (text[end].isalnum() or text[end] in "_-" or _decimal_point(text, end)):
                end += 1
            found.append(_Token("word", text[at:end]))
            at = end
        else:
            operator = next((o for o in _OPERATORS if text.startswith(o, at)), None)
            if operator is None:
                return None
            found.append(_Token(operator, operator))
            at += len(operator)
    return found


def _decimal_point(text: str, at: int) -> bool:
    """Whether a `.` is a number's decimal point (between digits), not a property's."""
    return text[at] == "." and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


class _Parser:
    def __init__(self, tokens: list[_Token], lookup: Callable[[str, str], Value], exact: bool) -> None:
        self.tokens = tokens
        self.lookup = lookup
        self.exact = exact
        self.at = 0

    def peek(self) -> str:
        return self.tokens[self.at].kind if self.at < len(self.tokens) else ""

    def take(self, kind: str) -> bool:
        if self.peek() == kind:
            self.at += 1
            return True
        return False

    def expression(self, depth: int) -> Value:
        """`a || b`, its operands `a && b`, theirs comparisons, theirs `!x` or a primary."""
        value = self.conjunction(depth)
        while self.take("||"):
            value = _or([value, self.conjunction(depth)])
        return value

    def conjunction(self, depth: int) -> Value:
        value = self.comparison(depth)
        while self.take("&&"):
            value = _and([value, self.comparison(depth)])
        return value

    def comparison(self, depth: int) -> Value:
        value = self.unary(depth)
        if self.peek() in ("==", "!="):
            operator = self.tokens[self.at].kind
            self.at += 1
            equal = _equal(value, self.unary(depth), self.exact)
            return equal if operator == "==" or isinstance(equal, _Unknown) else not equal
        if self.peek() in ("<", ">", "<=", ">=", "=~", "!~"):  # an order, a pattern: not decided
            self.at += 1
            self.unary(depth)
            return UNKNOWN
        return value

    def unary(self, depth: int) -> Value:
        if depth > _MOST_DEPTH:
            return self.broken()
        if self.take("!"):
            return _not(self.unary(depth + 1))
        return self.primary(depth)

    def primary(self, depth: int) -> Value:
        if depth > _MOST_DEPTH or self.at >= len(self.tokens):
            self.at = len(self.tokens) + 1  # past the end: read as not known
            return UNKNOWN
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "(":
            value = self.expression(depth + 1)
            return value if self.take(")") else self.broken()
        if token.kind == "text":
            return token.text
        if token.kind == "variable":  # GitLab CI's `$NAME`
            value = self.lookup("env", token.text)
            return _GitLabText(value) if isinstance(value, str) else value
        if token.kind != "word":
            return self.broken()
        if self.peek() == "(":
            self.at += 1
            return self.call(token.text.casefold(), depth)
        return self.named(token.text, depth)

    def broken(self) -> Value:
        self.at = len(self.tokens) + 1
        return UNKNOWN

    def call(self, name: str, depth: int) -> Value:
        arguments: list[Value] = []
        if not self.take(")"):
            arguments.append(self.expression(depth + 1))
            while self.take(","):
                arguments.append(self.expression(depth + 1))
            if not self.take(")"):
                return self.broken()
        if name in _RUNS and not arguments:
            return True
        function = _FUNCTIONS.get(name)
        return UNKNOWN if function is None else function(arguments)

    def named(self, word: str, depth: int) -> Value:
        """A literal word (`true`, a number) or a value a context names: `parameters.x`, `variables['x']`."""
        literal = _literal(word)
        if literal is not UNKNOWN or word.casefold() == "null":
            return literal
        path = [word.casefold()]
        while self.peek() in (".", "["):
            if self.take("."):
                if self.peek() != "word":
                    return self.broken()
                path.append(self.tokens[self.at].text)
                self.at += 1
            else:
                self.at += 1
                index = self.expression(depth + 1)
                if not self.take("]"):
                    return self.broken()
                path.append(index if isinstance(index, str) else "")
        if [str(part).casefold() for part in path[:3]] == [
            "github",
            "event",
            "inputs",
        ]:  # GitHub Actions: `inputs.name` by another name
            path = path[2:]
        if len(path) == 2 and path[0] in _CONTEXTS and path[1]:
            return self.lookup(path[0], path[1])
        return UNKNOWN


def _literal(word: str) -> Value:
    lowered = word.casefold()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "null":
        return None
    try:
        return float(word)
    except ValueError:
        return UNKNOWN


def _text(value: Value) -> str:
    """A known value as the text comparisons compare (case not counted, as both services compare)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return "" if value is None else str(value).strip().casefold()


def _equal(left: Value, right: Value, exact: bool = False) -> Value:
    if isinstance(left, _Unknown) or isinstance(right, _Unknown):
        return UNKNOWN
    if exact and isinstance(left, str) and isinstance(right, str):
        return str(left) == str(right)
    return _text(left) == _text(right)


def _and(values: list[Value]) -> Value:
    truths = [truth(v) for v in values]
    if False in truths:
        return False
    return UNKNOWN if None in truths or not values else True


def _or(values: list[Value]) -> Value:
    truths = [truth(v) for v in values]
    if True in truths:
        return True
    return UNKNOWN if None in truths or not values else False


def _not(value: Value) -> Value:
    held = truth(value)
    return UNKNOWN if held is None else not held


def _one(function: Callable[[list[Value]], Value]) -> Callable[[list[Value]], Value]:
    """`function`, not known where any argument is not."""
    return lambda args: UNKNOWN if any(isinstance(a, _Unknown) for a in args) or not args else function(args)


_FUNCTIONS: dict[str, Callable[[list[Value]], Value]] = {
    "and": _and,
    "or": _or,
    "not": lambda args: _not(args[0]) if len(args) == 1 else UNKNOWN,
    "eq": lambda args: _equal(args[0], args[1]) if len(args) == 2 else UNKNOWN,
    "ne": lambda args: _not(_equal(args[0], args[1])) if len(args) == 2 else UNKNOWN,
    "in": _one(lambda args: any(_text(args[0]) == _text(a) for a in args[1:])),
    "notin": _one(lambda args: all(_text(args[0]) != _text(a) for a in args[1:])),
    "startswith": _one(lambda args: len(args) == 2 and _text(args[0]).startswith(_text(args[1]))),
    "endswith": _one(lambda args: len(args) == 2 and _text(args[0]).endswith(_text(args[1]))),
    "contains": _one(lambda args: len(args) == 2 and _text(args[1]) in _text(args[0])),
}
