"""Terraform's JSON syntax (`.tf.json`), read as the `.tf` file that writes the same: its text turned into the
items of python-hcl2's tree (`terraform._parsed`'s), each value at the line and column where the JSON writes
it, so the Terraform reader reads both alike.

What Terraform's JSON syntax says (its "JSON Configuration Syntax"): `{"resource": {"<type>": {"<name>":
{...}}}}`, `{"variable": {"<name>": {"default": ...}}}`, `{"provider": {"azure": {...}}}`, `{"module":
{"<name>": {"source": ...}}}`, `{"output": {"<name>": {"value": ...}}}`, `{"locals": {"<name>": ...}}`,
`{"data": {"<type>": {"<name>": {...}}}}`, a block written as an object or a list of objects; a string is a
template, its `${...}` read as in `.tf` (in a `.tfvars.json` file, whose values Terraform evaluates with no
variables, a literal: `${` in it is two characters); a number, `true`, `false` and `null` as themselves. Which
keys of a resource are nested blocks its type's schema says: those the reader reads (`NESTED`, and the `azurerm`
resources' `terraform_azurerm.NESTED_BLOCKS`) are, the others arguments. A key `//` of the file's object or
of a block's is a comment: its string is kept (`Items.comments`) with the part of the file it is about, the
file or the block.

The walk steps over the punctuation of objects and lists; each string, number and literal is decoded by
the JSON decoder (in C), and a string with `${`, `%{` or an escape is parsed as HCL's quoted string, its
tokens moved to where the JSON writes it: JSON's escapes taken first, as Terraform takes them, so a string
inside `${...}` written with escaped quotes (`"${lookup(var.m, \\"k\\")}"`) is the expression's string."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Node = Any  # a lark Tree or Token of python-hcl2's grammar

# Nested blocks of the classic resources the reader reads (`terraform._instance`, `_virtual_network`,
# `_made_and_provisioned`), and `dynamic` blocks, which write them (an `azurerm` resource's: `_nested_of`);
# `provisioner` has a label, its kind (`local-exec`), and `dynamic` one, the type of the blocks it writes
# (`endpoint`).
NESTED = frozenset({"endpoint", "subnet", "provisioner", "dynamic"})
_LABELLED = frozenset({"provisioner", "dynamic"})
# The block a `dynamic` block's body holds: what it writes for each item.
_DYNAMIC_CONTENT = "content"
# The top-level block types the reader reads, with how many labels each has.
_TOP = {
    "resource": 2,
    "data": 2,
    "variable": 1,
    "provider": 1,
    "module": 1,
    "output": 1,
    "locals": 0,
    "terraform": 0,
}
_WS = re.compile(r"[ \t\n\r]*")
_PLAIN = re.compile(r'[^"\\$%]*')  # a string's characters that read alike in JSON and as a template


class Malformed(Exception):
    """JSON that Terraform refuses: why, and the offset where; `placed` where the message says what is at
    that offset itself (`must be an object (a list here)`), so a message need not add "here"."""

    def __init__(self, message: str, pos: int, placed: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.placed = placed


def _not_an_object(what: str, root: _Value) -> Malformed:
    """A file whose top value must be an object, and is `root`: says what it is instead."""
    if root.kind == "array":
        found = "a list"
    elif root.kind == "string":
        found = "a string"
    elif isinstance(root.decoded, bool) or root.decoded is None:
        found = json.dumps(root.decoded)
    else:
        found = "a number"
    return Malformed(f"{what} in JSON must be an object ({found} here)", root.start, placed=True)


@dataclass
class _Value:
    """A JSON value where its text starts: a scalar's source, an object's members, a list's items."""

    kind: str  # "object", "array", "string", "scalar"
    start: int
    end: int
    members: list[tuple[str, int, _Value]] = field(default_factory=list)  # key, where it starts, value
    items: list[_Value] = field(default_factory=list)
    decoded: object = None


class _Walk:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.decode = json.JSONDecoder().raw_decode

    def space(self) -> None:
        match = _WS.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos

    def expect(self, char: str, *, after: bool = False) -> None:
        """`char` here; `after` an item, where a `,` may be too."""
        if not self.text.startswith(char, self.pos):
            raise Malformed(f"expected `,` or `{char}`" if after else f"expected `{char}`", self.pos)
        self.pos += 1

    def value(self) -> _Value:
        self.space()
        start = self.pos
        if self.text.startswith("{", start):
            return self.object(start)
        if self.text.startswith("[", start):
            return self.array(start)
        try:
            decoded, self.pos = self.decode(self.text, start)
        except json.JSONDecodeError as error:
            raise Malformed(error.msg.lower(), error.pos) from None
        kind = "string" if isinstance(decoded, str) else "scalar"
        return _Value(kind, start, self.pos, decoded=decoded)

    def opened(self, kind: str, start: int, close: str) -> tuple[_Value, bool]:
        """The object or array that starts at `start`, past its opening bracket, and whether it is empty
        (closed at once, and read whole)."""
        found = _Value(kind, start, start)
        self.pos += 1
        self.space()
        if not self.text.startswith(close, self.pos):
            return found, False
        self.pos += 1
        found.end = self.pos
        return found, True

    def object(self, start: int) -> _Value:
        found, empty = self.opened("object", start, "}")
        if empty:
            return found
        while True:
            self.space()
            key_at = self.pos
            key = self.value()
            if key.kind != "string":
                raise Malformed("expected a key in quotes", key_at)
            self.space()
            self.expect(":")
            found.members.append((str(key.decoded), key_at, self.value()))
            self.space()
            if self.text.startswith(",", self.pos):
                self.pos += 1
                continue
            self.expect("}", after=True)
            found.end = self.pos
            return found

    def array(self, start: int) -> _Value:
        found, empty = self.opened("array", start, "]")
        if empty:
            return found
        while True:
            found.items.append(self.value())
            self.space()
            if self.text.startswith(",", self.pos):
                self.pos += 1
                continue
            self.expect("]", after=True)
            found.end = self.pos
            return found


def yaml_value(text: str) -> _Value | None:
    """A YAML document's value as JSON's would be (`yamldecode`), each value where the YAML writes it (a quoted
    scalar at its opening quote, as a JSON string, a plain one at its first character); None for a text that
    is not one YAML document of mappings with scalar keys, sequences and scalars, or that names a node twice
    (an alias, which would repeat what it names however often the document names it)."""
    import yaml  # type: ignore[import-untyped]

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        return _from_yaml(root, yaml.constructor.SafeConstructor(), set()) if root is not None else None
    except (yaml.YAMLError, ValueError, RecursionError):
        return None


def _from_yaml(node: Any, constructor: Any, seen: set[int]) -> _Value:
    import yaml

    if id(node) in seen:
        raise ValueError("an alias")
    seen.add(id(node))
    start, end = node.start_mark.index, node.end_mark.index
    if isinstance(node, yaml.MappingNode):
        members = []
        for key, inner in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise ValueError("a key that is not a scalar")
            members.append((str(key.value), key.start_mark.index, _from_yaml(inner, constructor, seen)))
        return _Value("object", start, end, members=members)
    if isinstance(node, yaml.SequenceNode):
        return _Value("array", start, end, items=[_from_yaml(i, constructor, seen) for i in node.value])
    decoded = constructor.construct_object(node)
    if not isinstance(decoded, (str, int, float, bool)) and decoded is not None:
        decoded = str(node.value)  # a date, binary: the text as written
    return _Value("string" if isinstance(decoded, str) else "scalar", start, end, decoded=decoded)


def parsed(text: str) -> _Value:
    """The JSON text's value; Malformed where it is not one JSON value."""
    walk = _Walk(text)
    root = walk.value()
    walk.space()
    if walk.pos < len(text):
        raise Malformed("more after the end of the JSON value", walk.pos)
    return root


class Items:
    """The top-level items of hcl2's tree a `.tf.json` text writes."""

    def __init__(self, text: str) -> None:
        from lark import Token, Tree

        self.text = text
        self.tree, self.token = Tree, Token
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        # Each `//` comment's string, with the start and end of what it is about: the file, or its block
        # from the block's last label (where the block is placed) to its body's end.
        self.comments: list[tuple[_Value, int, int]] = []
        # Whether strings are literals (a `.tfvars.json` file's), not templates (a `.tf.json` file's).
        self.literal = False
        # Whether the values are written in another language than JSON (YAML's `yes`, `'a'`), so that each
        # is taken from its decoded value, not from its text.
        self.decoded_only = False

    def of(self, root: _Value) -> list[Node]:
        if root.kind != "object":
            raise _not_an_object("a configuration", root)
        found: list[Node] = []
        for keyword, key_at, value in root.members:
            labels = _TOP.get(keyword)
            if keyword == "//" and value.kind == "string":
                self.comments.append((value, root.start, root.end))
            elif labels is not None:
                found += self.labelled(keyword, key_at, value, [], labels)
        return found

    def values(self, root: _Value) -> list[Node]:
        """The attributes of a `.tfvars.json` file: each of its object's keys a variable, given its value."""
        if root.kind != "object":
            raise _not_an_object("a file of variables' values", root)
        self.literal = True
        return list(self.body(root, root.start).children)

    def labelled(
        self,
        keyword: str,
        key_at: int,
        value: _Value,
        labels: list[tuple[str, int]],
        more: int,
        nested: frozenset[str] = NESTED,
    ) -> list[Node]:
        """The blocks `value` writes under `labels`, `more` labels still to come as the keys of objects, of
        the nested blocks `nested`."""
        if not more:
            return [self.block(keyword, key_at, labels, body, nested) for body in _bodies(value)]
        found: list[Node] = []
        for body in _bodies(value):
            for label, label_at, inner in body.members:
                found += self.labelled(keyword, key_at, inner, [*labels, (label, label_at)], more - 1, nested)
        return found

    def block(
        self, keyword: str, key_at: int, labels: list[tuple[str, int]], body: _Value, nested: frozenset[str]
    ) -> Node:
        """A block, placed where its last label is written (the resource's name), else its keyword: of the
        nested blocks `nested`, and a resource's its type's (`_nested_of`), a `dynamic` block's `content`."""
        at = labels[-1][1] if labels else key_at
        parts = [self.identifier(keyword, at), *(self.plain(label, label_at) for label, label_at in labels)]
        if keyword == "resource" and labels:
            nested = _nested_of(labels[0][0])
        inner = nested | {_DYNAMIC_CONTENT} if keyword == "dynamic" else nested - {_DYNAMIC_CONTENT}
        return self.placed(self.tree("block", [*parts, self.body(body, at, inner)]), at, body.end)

    def body(self, value: _Value, at: int, nested: frozenset[str] = NESTED) -> Node:
        """A block's body, the block placed at `at`, of the nested blocks `nested`."""
        items = []
        for name, name_at, inner in value.members:
            if name == "//":
                if inner.kind == "string":
                    self.comments.append((inner, at, value.end))
                continue
            if name in nested and _blocks(inner):
                more = 1 if name in _LABELLED else 0
                items += self.labelled(name, name_at, inner, [], more, nested)
            else:
                attribute = self.tree("attribute", [self.identifier(name, name_at), self.expression(inner)])
                items.append(self.placed(attribute, name_at, inner.end))
        return self.placed(self.tree("body", items), value.start, value.end)

    def expression(self, value: _Value) -> Node:
        if value.kind == "array":
            return self.placed(
                self.tree("tuple", [self.expression(i) for i in value.items]), value.start, value.end
            )
        if value.kind == "object":
            return self.object(value)
        if value.kind == "string":
            return self.string(value)
        return self.scalar(value)

    def object(self, value: _Value) -> Node:
        """An object as HCL's object expression, each member's key a literal string (Terraform reads a JSON
        property name as it is written) and its value an expression, so its members are read as a `.tf`
        file's are (`var.x.y`, `var.x["k"]`)."""
        elements = []
        for key, key_at, inner in value.members:
            written = key if _PLAIN.fullmatch(key) else _escaped(key)
            named = self.tree("object_elem_key", [self.plain(written, key_at)])
            elements.append(
                self.placed(self.tree("object_elem", [named, self.expression(inner)]), key_at, inner.end)
            )
        opened, closed = (
            self.punctuation("LBRACE", "{", value.start),
            self.punctuation("RBRACE", "}", value.end - 1),
        )
        return self.placed(self.tree("object", [opened, *elements, closed]), value.start, value.end)

    def scalar(self, value: _Value) -> Node:
        source = json.dumps(value.decoded) if self.decoded_only else self.text[value.start : value.end]
        if isinstance(value.decoded, bool) or value.decoded is None:
            return self.identifier(source, value.start)
        kind = "int_lit" if isinstance(value.decoded, int) else "float_lit"
        return self.placed(self.tree(kind, [self.token("DECIMAL", source)]), value.start, value.end)

    def string(self, value: _Value) -> Node:
        """A string as a template: read as HCL's quoted string where it holds `${`, `%{` or an escape."""
        raw = self.text[value.start + 1 : value.end - 1]
        if self.decoded_only:
            return self.plain(_escaped(str(value.decoded)), value.start)
        if self.literal:  # Terraform takes a variable's value from JSON as it is, `${` and all
            return self.plain(raw if _PLAIN.fullmatch(raw) else _escaped(str(value.decoded)), value.start)
        if _PLAIN.fullmatch(raw) or "\n" in raw:
            return self.plain(raw if _PLAIN.fullmatch(raw) else str(value.decoded), value.start)
        if "\\" in raw:  # JSON's escapes are taken before the template is read: `\"` in `${...}` is a quote
            template = self.template(*_hcl_quoted(raw), start=value.start)
        else:
            template = self.template(raw, start=value.start)
        return template if template is not None else self.plain(str(value.decoded), value.start)

    def template(self, raw: str, offsets: list[int] | None = None, *, start: int) -> Node | None:
        """`raw` parsed as the characters of HCL's quoted string, its tokens moved to the JSON's string:
        each character of `raw` at the offset in the JSON string's characters `offsets` gives (its own
        where not given)."""
        from lark.exceptions import LarkError

        from migcheck.readers import terraform_escapes

        prefix = _TEMPLATE_PREFIX
        try:
            tree = terraform_escapes.parses_to_tree(f'{prefix}{raw}"\n')
        except LarkError:
            return None
        attribute = tree.children[0].children[0]
        expression = [c for c in attribute.children if hasattr(c, "data")][-1]
        if offsets is None:
            line, column = self.position(start)
            _moved(expression, line, column - len(prefix))  # the quotes at one column
            return expression

        def placed(column: int) -> tuple[int, int]:  # a column of the parsed line, where the JSON writes it
            at = column - len(prefix) - 1
            if at < 0:  # the opening quote, where the JSON's is
                return self.position(start)
            return self.position(start + 1 + offsets[min(at, len(offsets) - 1)])

        _mapped(expression, placed)
        return expression

    def plain(self, text: str, start: int) -> Node:
        """A string of characters only, its quotes where the JSON's are."""
        line, column = self.position(start)
        chars = self.token("STRING_CHARS", text, start_pos=start + 1, line=line, column=column + 1)
        part = self.tree("string_part", [chars] if text else [])
        quote = self.token("DBLQUOTE", '"', start_pos=start, line=line, column=column)
        return self.placed(self.tree("string", [quote, part, quote]), start, start + len(text) + 2)

    def punctuation(self, kind: str, char: str, start: int) -> Node:
        line, column = self.position(start)
        return self.token(kind, char, start_pos=start, line=line, column=column)

    def identifier(self, name: str, start: int) -> Node:
        line, column = self.position(start)
        token = self.token("NAME", name, start_pos=start, line=line, column=column)
        return self.placed(self.tree("identifier", [token]), start, start + len(name))

    def placed(self, tree: Node, start: int, end: int) -> Node:
        tree.meta.line, tree.meta.column = self.position(start)
        tree.meta.end_line, tree.meta.end_column = self.position(end)
        tree.meta.empty = False
        return tree

    def position(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, pos)
        return line, pos - self._line_starts[line - 1] + 1


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(text: str) -> str:
    """A literal text as the characters of HCL's quoted string that read back as it: its backslashes,
    quotes and line ends escaped, its `${` and `%{` doubled so that no template is read in it."""
    written = "".join(_ESCAPES.get(char, char) for char in text)
    return written.replace("${", "$${").replace("%{", "%%{")


def _nested_of(resource_type: str) -> frozenset[str]:
    """The keys of a resource of `resource_type` that are nested blocks the reader reads: the classic
    provider's (`NESTED`), and those `terraform_azurerm` reads of its type (`virtual_network_configuration`,
    `roles { head_node }`, `criteria`, `profile { rule { metric_trigger } }`)."""
    from migcheck.readers import terraform_azurerm

    if resource_type in terraform_azurerm.READ:
        return NESTED | terraform_azurerm.NESTED_BLOCKS
    return NESTED


def _bodies(value: _Value) -> list[_Value]:
    """A block's bodies: an object, or each object of a list."""
    if value.kind == "object":
        return [value]
    return [item for item in value.items if item.kind == "object"] if value.kind == "array" else []


def _blocks(value: _Value) -> bool:
    return value.kind == "object" or (value.kind == "array" and all(i.kind == "object" for i in value.items))


# The characters a JSON string's two-character escapes stand for (`\\uXXXX` aside).
_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def template_file(text: str) -> Node | None:
    """A template file's text (`templatefile`'s) as the HCL quoted string that writes the same template, each
    token where the file writes it; None for one that does not parse."""
    return template_of(text, list(range(len(text))), Items(text), start=-1)


def template_of(template: str, places: list[int], items: Items, *, start: int) -> Node | None:
    """A template's text (a template file's, a line of a heredoc's) as the HCL quoted string that writes
    the same template, each token where `items`' text writes it: each character of `template` at the offset
    in the text `places` gives (a heredoc's line, its indent taken off, where the file writes it), the
    opening quote at `start`, every character of its literal text at its own (`_literal_in_place`); its
    directives (`%{ if }`, `%{ for }`) parts of their own, as a quoted string's; None for one that does not
    parse."""
    raw = json.dumps(template)[1:-1]
    # The index in `template` of each character of `raw`, its JSON-escaped form.
    at_in_template = [at for at, char in enumerate(template) for _ in range(len(json.dumps(char)) - 2)]
    quoted, offsets = _hcl_quoted(raw)
    end = places[-1] - start if places else 0
    expression = items.template(
        quoted,
        [places[at_in_template[o]] - start - 1 if o < len(at_in_template) else end for o in offsets],
        start=start,
    )
    string: Node = expression
    while getattr(string, "data", None) == "expr_term" and len(string.children) == 1:
        string = string.children[0]
    if getattr(string, "data", None) == "string":
        in_template = [at_in_template[o] if o < len(at_in_template) else len(template) for o in offsets]
        string.children = [
            part
            for child in string.children
            for part in _literal_in_place(child, in_template, template, places, items)
        ]
    return expression


def _literal_in_place(
    child: Node, at_in_template: list[int], template: str, places: list[int], items: Items
) -> list[Node]:
    """A child of a template's parsed string, a literal part of it made again of the template's own characters
    (`literal_parts`), each where the file writes it: the parsed part writes each `"`, `\\` and line end of
    the template as two characters, which would put every character after one a column on. `at_in_template`
    is the index in `template` of each character of the parsed string's, and of its end."""
    tokens = [t for t in getattr(child, "children", ()) if not hasattr(t, "data")]
    if getattr(child, "data", None) != "string_part" or not tokens or len(tokens) < len(child.children):
        return [child]
    first = tokens[0].start_pos - len(_TEMPLATE_PREFIX)
    after = tokens[-1].start_pos - len(_TEMPLATE_PREFIX) + len(tokens[-1])
    begin, end = at_in_template[first], at_in_template[after]
    return literal_parts(template[begin:end], places[begin:end], items)


def literal_parts(text: str, places: list[int], items: Items) -> list[Node]:
    """A template's literal text (of no `${` or `%{`) as the parts of HCL's quoted string that write it, each
    where `items`' text writes it (each character at the offset `places` gives): a run of characters written
    as they are, and each one HCL's string escapes (`"`, `\\`, a line end) a part of its own, so that the
    characters after it are in their places too."""
    parts: list[Node] = []
    at = 0
    while at < len(text):
        end = at + 1
        written = _HCL_ESCAPES.get(text[at])
        while written is None and end < len(text) and text[end] not in _HCL_ESCAPES:
            end += 1
        line, column = items.position(places[at])
        chars = items.token(
            "STRING_CHARS", written or text[at:end], start_pos=places[at], line=line, column=column
        )
        parts.append(items.placed(items.tree("string_part", [chars]), places[at], places[end - 1] + 1))
        at = end
    return parts


def _hcl_quoted(raw: str) -> tuple[str, list[int]]:
    """The characters of HCL's quoted string that write the template a JSON string's characters `raw`
    write, with the offset in `raw` of each (an offset past the end last, for a token's end): JSON's
    escapes taken, then the template's literal parts escaped for HCL (`"`, `\\`, a line end) and its
    `${...}` and `%{...}` copied as they read (an expression's own strings, `"k"`, as written)."""
    chars = _decoded(raw)
    out: list[str] = []
    offsets: list[int] = []
    nesting: list[str] = []  # "{" in an expression, '"' in one of its strings
    at = 0
    while at < len(chars):
        char, offset = chars[at]
        pair = char + (chars[at + 1][0] if at + 1 < len(chars) else "")
        triple = pair + (chars[at + 2][0] if at + 2 < len(chars) else "")
        if triple in ("$${", "%%{") and (not nesting or nesting[-1] == '"'):  # a template's own escape
            written, taken = triple, 3
        elif pair in ("${", "%{") and (not nesting or nesting[-1] == '"'):
            written, taken = pair, 2
            nesting.append("{")
        elif not nesting:
            written, taken = _HCL_ESCAPES.get(char, char), 1
        elif nesting[-1] == '"' and char == "\\":  # an escape of the expression's string, as written
            written, taken = pair, 2
        else:
            written, taken = char, 1
            _nested(nesting, char)
        out.append(written)
        offsets += [offset] * len(written)
        at += taken
    return "".join(out), [*offsets, len(raw)]


def _nested(nesting: list[str], char: str) -> None:
    """`nesting` after a character of an expression inside `${...}` or of one of its strings."""
    if nesting[-1] == '"':
        if char == '"':
            nesting.pop()
    elif char == '"':
        nesting.append('"')
    elif char == "{":
        nesting.append("{")
    elif char == "}":
        nesting.pop()


# What a template is parsed after (`Items.template`): the offset of each of its tokens less this length is
# its offset in the parsed string's characters.
_TEMPLATE_PREFIX = 'x = "'

_HCL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _decoded(raw: str) -> list[tuple[str, int]]:
    """A JSON string's characters `raw` as the characters they write, each with its offset in `raw`."""
    found: list[tuple[str, int]] = []
    at = 0
    while at < len(raw):
        if raw[at] != "\\" or at + 1 >= len(raw):
            found.append((raw[at], at))
            at += 1
        elif raw[at + 1] == "u":  # a surrogate pair's two escapes write one character
            pair = raw.startswith("\\u", at + 6) and "d800" <= raw[at + 2 : at + 6].lower() < "dc00"
            width = 12 if pair else 6
            found.append((json.loads(f'"{raw[at : at + width]}"'), at))
            at += width
        else:
            found.append((_JSON_ESCAPES.get(raw[at + 1], raw[at + 1]), at))
            at += 2
    return found


def _mapped(expression: Node, placed: Callable[[int], tuple[int, int]]) -> None:
    """Every token and tree of `expression`, parsed on line 1, moved to where `placed` puts its columns."""
    stack = [expression]
    while stack:
        node = stack.pop()
        if hasattr(node, "data"):
            meta = node.meta
            if not meta.empty:
                (meta.line, meta.column), (meta.end_line, meta.end_column) = (
                    placed(meta.column),
                    placed(meta.end_column),
                )
            stack.extend(node.children)
        elif getattr(node, "line", None) is not None:
            end = node.end_column
            node.line, node.column = placed(node.column)
            node.end_line = node.line
            if end is not None:
                node.end_line, node.end_column = placed(end)


def _moved(expression: Node, line: int, shift: int) -> None:
    """Every token and tree of `expression`, parsed on line 1, moved to `line`, `shift` columns along."""
    _mapped(expression, lambda column: (line, column + shift))
