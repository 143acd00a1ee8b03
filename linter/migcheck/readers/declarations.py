"""Declarations: facts about a subscription that no export shows, written by hand in TOML. They live in
`[tool.migcheck.inventory]` of a pyproject.toml, `[inventory]` of a migcheck.toml, or at the top of any
other TOML file (an `inventory.toml` beside the classic files):

    [tool.migcheck.inventory]
    subscription = "00000000-0000-0000-0000-000000000000"  # whose classic resources the files describe

    [[tool.migcheck.inventory.vnet-services]]      # a service deployed into a classic virtual network
    vnet = "contoso-prod-vnet"
    service = "api-management"                     # or app-service-environment, hdinsight, dynamics-lcs,
    name = "contoso-apim"                          #    aad-domain-services, remoteapp (name is optional)

    [[tool.migcheck.inventory.vnet-peerings]]      # a classic network peered with a Resource Manager one
    vnet = "contoso-prod-vnet"
    peer = "hub-vnet"

    [[tool.migcheck.inventory.application-gateways]]
    name = "contoso-appgw"
    vnet = "contoso-web-vnet"

    [[tool.migcheck.inventory.expressroute-authorization-links]]
    circuit = "contoso-er-frankfurt"               # a circuit other subscriptions link to (or we link to)
    vnet = "contoso-er-vnet"                       # optional: the network linked through it

Each entry becomes the same record an export would give (`migcheck.inventory_model`), marked where it
starts: its `[[...]]` header, or its `{` when written inline (`vnet-services = [{...}, {...}]`). tomllib
decides whether the file is TOML and what it holds, but gives no positions: those come from tree-sitter's
TOML grammar, whose tree tells strings and comments from keys (a header inside a multi-line string is
none). A folder walk reads a `.toml` file when what tomllib reads of it holds declarations (`sniff`).

A declaration that does not follow the schema (a key unknown, missing, or with a value of the wrong kind)
is left out and the others are read: the file has one problem (MIG001), at the first such value (else its
key, else its entry), which names the others by line. A value misspelt from a list (`service`) is answered
with the nearest valid one; a top-level key written below an entry's `[[...]]` header, which makes it that
entry's, is reported at the key, with where it belongs.
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from migcheck.inventory_model import (
    ApplicationGateway,
    DeclaredSubscription,
    LinkAuthorization,
    ServiceInVnet,
    ServiceKind,
    VnetPeering,
    key,
    unnamed_peering,
    unnamed_service,
)
from migcheck.model import Document, FileKind, FileProblem, Mark
from migcheck.readers import grammars
from migcheck.readers.encoding import not_utf8
from migcheck.visible import visible

if TYPE_CHECKING:
    from tree_sitter import Node

_TABLES = ("vnet-services", "vnet-peerings", "application-gateways", "expressroute-authorization-links")
# Words one of which any TOML text with declarations holds: a name `_declarations` looks for, or an escape
# (a quoted key may spell any name with them). A file with none is not parsed to be sniffed.
_MAY_DECLARE = (b"inventory", *(name.encode() for name in _TABLES), b"\\u", b"\\U")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# How tomllib places a problem it meets where the text ends, instead of a line and column.
_AT_THE_END = "(at end of document)"


@dataclass(frozen=True, slots=True)
class _Field:
    required: bool
    check: Callable[[object], bool]
    expected: str


_TEXT = _Field(True, lambda v: isinstance(v, str) and bool(v.strip()), "a non-empty string")
_OPTIONAL_TEXT = _Field(False, lambda v: isinstance(v, str), "a string")
_TEXTS = _Field(
    False, lambda v: isinstance(v, list) and all(isinstance(s, str) for s in v), "a list of strings"
)
_SERVICES = tuple(s.value for s in ServiceKind)
_SERVICE = _Field(True, lambda v: v in _SERVICES, "one of " + ", ".join(_SERVICES))

SCHEMA: Mapping[str, Mapping[str, _Field]] = {
    "vnet-services": {"vnet": _TEXT, "service": _SERVICE, "name": _OPTIONAL_TEXT, "subnet": _OPTIONAL_TEXT},
    "vnet-peerings": {"vnet": _TEXT, "peer": _TEXT, "name": _OPTIONAL_TEXT},
    "application-gateways": {"name": _TEXT, "vnet": _TEXT, "subnets": _TEXTS},
    "expressroute-authorization-links": {
        "circuit": _TEXT,
        "vnet": _OPTIONAL_TEXT,
        "description": _OPTIONAL_TEXT,
    },
}


def sniff(data: bytes) -> bool:
    """Whether a `.toml` file met in a folder walk holds declarations: whether what tomllib reads of it
    has them where `read` looks (`[tool.migcheck.inventory]`, `[inventory]`, a declaration table at the
    top), however TOML lets the names be spelt.

    Three answers only say the file may be one, and `read` then says what it holds: bytes without a word
    of `_MAY_DECLARE` are not parsed (they cannot be one); a file over the size limit is not either (`read`
    says it is too large); and a file that is not UTF-8 or not TOML is one when it has such a word, so that
    a file of declarations in error is reported, not skipped."""
    from migcheck.readers import MAX_FILE_BYTES

    if not any(word in data for word in _MAY_DECLARE):
        return False
    if len(data) > MAX_FILE_BYTES:
        return True
    try:
        parsed = _load(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return True
    if isinstance(parsed, _Unreadable):
        return True
    found = _declarations(parsed)
    # An empty table declares nothing: the settings `--show-settings` prints say `inventory = {}`.
    return found is not None and found[1] != {}


def validate(table: object) -> str:
    """What is wrong with a declarations table, in words that name the key; "" when nothing is. The
    first problem only: the configuration refuses a table with any."""
    wrong = first_problem(table)
    return wrong.message if wrong else ""


def first_problem(table: object) -> Wrong | None:
    """The first thing wrong with a declarations table, in the table's order (what `validate` says); None
    when nothing is."""
    return next(iter(_problems(table)), None)


def placed(text: str, wrong: Wrong) -> tuple[int, int] | None:
    """(line, column) where TOML `text` writes what `wrong` is about, as `read` places a problem of its
    declarations, wherever they are (`[tool.migcheck.inventory]`, `[inventory]`, the top); None when it
    does not parse or holds none."""
    try:
        found = _declarations(_toml().loads(text))
    except (ValueError, RecursionError):  # a TOMLDecodeError is a ValueError
        return None
    if found is None:
        return None
    prefix, table = found
    positions = _Positions(text)
    # Declarations that are no table are a key's value (`inventory = 5`): placed at that value.
    return positions.of(prefix, wrong) if isinstance(table, dict) else positions.key(prefix, value=True)


def written_at(text: str, paths: Iterable[str], *, value: bool) -> tuple[int, int] | None:
    """(line, column) where TOML `text` (one that parses) writes the first of the dotted keys `paths` it
    writes outside any array of tables (`tool.migcheck.fail-on`), or its value; or the header of a table
    of that name (`[tool]`); None for none of them."""
    positions = _Positions(text)
    for path in paths:
        written = positions.keys.get((path, -1))
        if written is not None:
            return positions.place(written[1] if value else written[0])
        if path in positions.tables:
            return positions.place(positions.tables[path])
    return None


class UnreadableToml(ValueError):
    """Why a text is not TOML migcheck can read (`message`), and where (`line`, `column`)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def load_toml(text: str) -> dict[str, object]:
    """What TOML `text` holds, as tomllib reads it (a value shared with other callers: only read it);
    `UnreadableToml` saying why it cannot be read, and where."""
    parsed = _load(text)
    if isinstance(parsed, _Unreadable):
        raise UnreadableToml(parsed.message, parsed.line, parsed.column)
    return parsed


@dataclass(frozen=True, slots=True)
class Wrong:
    """One thing wrong with a declarations table: what (`message`, naming the key), in which declaration
    table (`table`, "" at the top) and entry (`index`, -1 for the table itself), about which key (`key`,
    "" for the entry as a whole), and whether it is the key's value (`at_value`) or the key itself."""

    message: str
    table: str = ""
    index: int = -1
    key: str = ""
    at_value: bool = False


def _problems(table: object) -> list[Wrong]:
    """Everything wrong with a declarations table, in the order the table holds it. Each problem spoils
    only what it is in: the subscription, one table, or one entry of a table."""
    if not isinstance(table, dict):
        return [not_a_table(table)]
    found: list[Wrong] = []
    for name, value in table.items():
        shape = shape_problem(name, value)
        if shape is not None:
            found.append(shape)
        elif name == "subscription":
            if not _TEXT.check(value):
                message = f"`subscription` must be {_TEXT.expected}, got {shown(value)}"
                found.append(Wrong(message, key=name, at_value=True))
        else:
            found += filter(None, (_entry_problem(name, index, entry) for index, entry in enumerate(value)))
    return found


def not_a_table(value: object) -> Wrong:
    """What is wrong with declarations that are not a table (`inventory = 5`)."""
    return Wrong(f"must be a table of declarations, got {shown(value)}")


def shape_problem(name: str, value: object) -> Wrong | None:
    """What is wrong with the top-level key `name` of a declarations table, if it is unknown or its value
    is not an array of tables; None when neither is. The settings and an inventory.toml say it alike."""
    keys = ("subscription", *SCHEMA)
    if name not in keys:
        close = difflib.get_close_matches(name[:100], keys, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        return Wrong(f"unknown key `{name}` ({hint}the keys of declarations are {_listed(keys)})", key=name)
    if name in SCHEMA and not (isinstance(value, list) and all(isinstance(e, dict) for e in value)):
        entries = f"`[[...{name}]]` entries, or `{name} = [{{...}}]`"
        return Wrong(f"`{name}` must be an array of tables ({entries}), got {shown(value)}", key=name)
    return None


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def _entry_problem(table: str, index: int, entry: Mapping[str, object]) -> Wrong | None:
    """The first thing wrong with one entry of a declaration table; None when nothing is."""
    fields = SCHEMA[table]
    where = f"`{table}` entry {index + 1}: "
    for name in entry:
        if name not in fields:
            return Wrong(where + _unknown_key(table, name, fields), table, index, name)
    for name, spec in fields.items():
        if name not in entry:
            if spec.required:
                return Wrong(where + f"`{name}` is missing", table, index)
        elif not spec.check(entry[name]):
            value = entry[name]
            close = _suggest(value, _SERVICES) if spec is _SERVICE and isinstance(value, str) else ""
            message = f"`{name}` must be {spec.expected}, got {shown(value)}{close}"
            return Wrong(where + message, table, index, name, at_value=True)
    return None


def _unknown_key(table: str, name: str, fields: Mapping[str, _Field]) -> str:
    """Words for a key an entry does not have. One that belongs at the top (`subscription`, a declaration
    table) was most likely written below an entry's `[[...]]` header, which makes it the entry's."""
    if name == "subscription" or name in SCHEMA:
        return (
            f"unknown key `{name}`: written after a `[[{table}]]` header, it belongs to that entry; write it "
            "above the first `[[...]]` header"
        )
    entry = f"{'an' if table[:1] in 'aeiou' else 'a'} `{table}` entry"  # an `expressroute-…` entry
    return f"unknown key `{name}`{_suggest(name, fields) or f' ({entry} has {_listed(fields)})'}"


def shown(value: object) -> str:
    """A value from a TOML file as a message shows it: escaped, and cut short (a 100 MB string is data
    too). `repr` itself refuses an integer of more than 4,300 digits (a hexadecimal one parses), and a
    value nested deeper than it recurses: those are named, not shown. A date or time is shown as TOML
    writes it, not as Python's repr."""
    if isinstance(value, (datetime.date, datetime.time)):
        return f"{value.isoformat()} (a TOML date or time: quote it to make it a string)"
    try:
        text = repr(value)
    except ValueError:
        return "an integer too long to show" if isinstance(value, int) else "a value too long to show"
    except RecursionError:
        return "a value nested too deeply to show"
    return visible(text if len(text) <= 80 else text[:77] + "...")


# Python refuses to convert a decimal string of more digits than this to an int (CVE-2020-10735), and the
# TOML parser lets that ValueError out instead of a TOMLDecodeError.
_INT_DIGITS = re.compile(r"Exceeds the limit \((\d+) digits\).*value has (\d+) digits")


def toml_value_problem(error: ValueError, text: str) -> tuple[str, int, int]:
    """(what is wrong, line, column) for a ValueError out of the TOML parser that is not a TOMLDecodeError:
    today only an integer too long to convert raises one. The parser gives no position: the integer is
    found in `text` (line 1, column 1 when it is not)."""
    found = _INT_DIGITS.search(str(error))
    if not found:
        return visible(str(error)), 1, 1
    limit, digits = (int(n) for n in found.groups())
    line, column = _long_number(text, limit)
    return f"an integer of {digits:,} digits (at most {limit:,} are read)", line, column


_DIGIT_RUN = re.compile(r"(?<![0-9_])[0-9][0-9_]*")


def _long_number(text: str, limit: int) -> tuple[int, int]:
    """(line, column) of the first run of more than `limit` digits (underscores between them allowed).
    Each run is matched once from its start, so the search is linear however many runs fall short."""
    for match in _DIGIT_RUN.finditer(text):
        if match.end() - match.start() > limit and sum(c.isdigit() for c in match.group()) > limit:
            line = text.count("\n", 0, match.start()) + 1
            return line, match.start() - text.rfind("\n", 0, match.start())
    return 1, 1


# tomllib reads a dotted key (`a.b.c = 1`, `[a.b.c]`) in time that grows with the square of its names: a
# file of keys a thousand names long takes minutes. No settings or declarations need more than a few.
_KEY_NAMES = 30
_LINE_DOTS = 1000  # a line with more is not parsed to find its keys: tree-sitter slows on such keys too


def long_dotted_key(text: str) -> tuple[str, int, int] | None:
    """(what is wrong, line, column) of a key of more than `_KEY_NAMES` dotted names, or of a line of more
    than `_LINE_DOTS` dots; None when there is none. A text whose lines all hold fewer dots than a long key
    needs is not parsed: tree-sitter's grammar tells a key's dots from those of a string only where one
    could be."""
    lines = text.split("\n")
    if all(line.count(".") < _KEY_NAMES for line in lines):
        return None
    for number, line in enumerate(lines, 1):
        if line.count(".") > _LINE_DOTS:
            return (
                f"a line of {line.count('.'):,} dots (a key may have at most {_KEY_NAMES} names)",
                number,
                1,
            )
    import tree_sitter

    query = tree_sitter.Query(grammars.language("tree_sitter_toml"), f"({_DOTTED_KEY}) @key")
    data = text.encode("utf-8", "surrogatepass")
    try:
        root = _syntax_tree(data)
    except grammars.ParseTooSlow:
        return _TOO_SLOW, 1, 1
    for dotted in tree_sitter.QueryCursor(query).captures(root).get("key", []):
        names = _names_in(dotted)
        if names > _KEY_NAMES and (dotted.parent is None or dotted.parent.type != _DOTTED_KEY):
            row, byte = dotted.start_point
            column = len(data.split(b"\n")[row][:byte].decode("utf-8", "surrogatepass")) + 1
            return f"a key of {names:,} dotted names (at most {_KEY_NAMES} are read)", row + 1, column
    return None


def _names_in(key: Node) -> int:
    """How many names a dotted key joins: it nests to the left, `((a.b).c).d`."""
    names = 1
    while key.type == _DOTTED_KEY and key.named_children:
        key, names = key.named_children[0], names + 1
    return names


_BRACKET = re.compile(r"[\[\]{}]")
_DEEP = 100  # open brackets: far beyond any declaration, far below where the parser gives up


def _deep_nesting(text: str) -> tuple[int, int]:
    """(line, column) of the bracket that opens the `_DEEP`th level of nesting, for a file the parser
    found nested too deeply (line 1, column 1 if none is: strings are not told apart, so this is where
    the nesting most likely is, not a parse)."""
    depth = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth == _DEEP:
            start = match.start()
            return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return 1, 1


def _suggest(word: str, choices: object) -> str:
    close = difflib.get_close_matches(word[:100], list(choices), n=1)  # type: ignore[call-overload]
    return f" (did you mean `{close[0]}`?)" if close else ""


def _toml() -> ModuleType:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def read(path: str, data: bytes) -> Document:
    """The declarations of one TOML file. Never raises: TOML that does not parse, or a declaration that
    does not follow the schema, is a syntax problem at its line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        undecoded = not_utf8(path, data, "migcheck")
        return Document(
            path, FileKind.INVENTORY, "", problem=undecoded, text=data.decode("utf-8-sig", "replace")
        )
    parsed = _load(text)
    if isinstance(parsed, _Unreadable):
        return _broken(path, text, parsed.message, parsed.line, parsed.column)
    found = _declarations(parsed)
    if found is None:
        none = FileProblem("root", "holds no migcheck inventory declarations", Mark(path, 1, column=1))
        return Document(path, None, "", problem=none, text=text)
    prefix, table = found
    positions = _Positions(text)
    if positions.too_slow:
        return _broken(path, text, f"not readable TOML: {_TOO_SLOW}", 1, 1)
    wrong = _problems(table)
    if wrong and not isinstance(table, dict):
        line, column = positions.key(prefix, value=True)  # `inventory = 5`: at its value
        return _broken(path, text, f"inventory declarations: {wrong[0].message}", line, column)
    resources = tuple(_records(path, prefix, table, positions, wrong))
    problem = _skipped(path, prefix, wrong, positions) if wrong else None
    return Document(path, FileKind.INVENTORY, prefix or "inventory", resources, problem=problem, text=text)


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """Why a text is not TOML migcheck can read, and where."""

    message: str
    line: int
    column: int


@functools.lru_cache(maxsize=1)  # a walk's `sniff` and then `read` load the same text: parsed once
def _load(text: str) -> dict[str, object] | _Unreadable:
    """What TOML `text` holds, as tomllib reads it; else why it cannot be read, and where. Callers only
    read what it returns."""
    tomllib = _toml()
    too_long = long_dotted_key(text)
    if too_long is not None:
        return _Unreadable(f"not readable TOML: {too_long[0]}", too_long[1], too_long[2])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        line, column = (int(position.group(1)), int(position.group(2))) if position else (1, 1)
        if _AT_THE_END in str(error):  # an array or string left open: where the text ends
            line, column = text.count("\n") + 1, len(text.rpartition("\n")[2]) + 1
        message = _TOML_POSITION.sub("", str(error)).replace(_AT_THE_END, "").strip()
        return _Unreadable(f"not valid TOML: {message}", line, column)
    except RecursionError:
        line, column = _deep_nesting(text)
        return _Unreadable("not readable TOML: arrays or tables nested too deeply to read", line, column)
    except ValueError as error:  # after TOMLDecodeError, which is one: a value the parser cannot convert
        message, line, column = toml_value_problem(error, text)
        return _Unreadable(f"not readable TOML: {message}", line, column)


def _declarations(parsed: Mapping[str, object]) -> tuple[str, dict] | None:
    """(where the table is, the table): `tool.migcheck.inventory`, a top-level `inventory` table, or the
    declaration tables at the top of the file."""
    tool = parsed.get("tool")
    migcheck = tool.get("migcheck") if isinstance(tool, dict) else None
    if isinstance(migcheck, dict) and "inventory" in migcheck:
        return "tool.migcheck.inventory", migcheck["inventory"]
    if "inventory" in parsed:
        return "inventory", parsed["inventory"]  # type: ignore[return-value]
    if any(name in parsed for name in SCHEMA):
        return "", {k: v for k, v in parsed.items() if k == "subscription" or _declaration_table(k)}
    return None


def _declaration_table(name: str) -> bool:
    """Whether a table at the top of a file of declarations is one, or most likely one misspelt: others
    (a file's own settings) are not the declarations' business."""
    return name in SCHEMA or bool(difflib.get_close_matches(name, list(SCHEMA), n=1, cutoff=0.8))


def _broken(path: str, text: str, message: str, line: int, column: int) -> Document:
    problem = FileProblem("syntax", message, Mark(path, line, column=column))
    return Document(path, FileKind.INVENTORY, "", problem=problem, text=text)


def _records(
    path: str, prefix: str, table: Mapping[str, object], positions: _Positions, wrong: list[Wrong]
) -> Iterator[object]:
    """The record of each declaration, in the order of `SCHEMA`, save those a problem spoils (`wrong`)."""
    spoilt = {(w.table, w.index) for w in wrong}
    if "subscription" in table and not _spoils_top(wrong, "subscription"):
        line, column = positions.key(_join(prefix, "subscription"))
        yield DeclaredSubscription(key(str(table["subscription"])), Mark(path, line, column=column))
    for name in SCHEMA:
        entries = table.get(name, [])
        if _spoils_top(wrong, name) or not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            if (name, index) not in spoilt:
                line, column = positions.entry(_join(prefix, name), index)
                yield _record(name, entry, Mark(path, line, column=column))


def _spoils_top(wrong: list[Wrong], name: str) -> bool:
    """Whether a problem is about the top-level key `name` itself (not one of its entries)."""
    return any(w.index < 0 and w.key == name for w in wrong)


def _record(table: str, entry: Mapping[str, object], mark: Mark) -> object:
    def field(name: str) -> str:
        value = entry.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    if table == "vnet-services":
        service = ServiceKind(entry["service"])
        name = field("name") or unnamed_service(service, field("vnet"))
        return ServiceInVnet(service, name, field("vnet"), mark, subnet=field("subnet"), declared=True)
    if table == "vnet-peerings":
        name = field("name") or unnamed_peering(field("vnet"), field("peer"))
        return VnetPeering(name, field("vnet"), field("peer"), mark, declared=True)
    if table == "application-gateways":
        listed = entry.get("subnets", [])
        subnets = tuple(s for s in listed if isinstance(s, str)) if isinstance(listed, list) else ()
        return ApplicationGateway(field("name"), field("vnet"), mark, subnets=subnets, declared=True)
    return LinkAuthorization(
        field("description") or field("circuit"),
        mark,
        description=field("description"),
        circuit=field("circuit"),
        vnet=field("vnet"),
        declared=True,
    )


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _skipped(path: str, prefix: str, wrong: list[Wrong], positions: _Positions) -> FileProblem:
    """One problem for the file, at the first thing wrong in it (its value, else its key, else its entry);
    the other declarations are read all the same, and the message names the other problems, by line."""
    placed = sorted(((positions.of(prefix, w), w) for w in wrong), key=lambda p: p[0])
    (line, column), first = placed[0]
    message = f"inventory declarations: {first.message}; {_left_out(first)}"
    others = [f"line {at[0]} ({w.message})" for at, w in placed[1:]]
    if others:
        more = f", and {len(others) - _LISTED} more" if len(others) > _LISTED else ""
        message += f"; also left out: {', '.join(others[:_LISTED])}{more}"
    return FileProblem("syntax", message, Mark(path, line, column=column), _SKIPPED_FIX)


_LISTED = 3  # the other problems a message names, by line
_SKIPPED_FIX = (
    "Correct the declaration at the position shown. The file's other declarations are checked meanwhile; "
    "what the one in error declares is not, so a blocker it holds stays hidden until it is corrected."
)


def _left_out(wrong: Wrong) -> str:
    """What a problem leaves out of the check."""
    if wrong.index >= 0:
        return "this entry is left out, the others are read"
    if wrong.key == "subscription":
        return "the subscription is left out, the declarations are read"
    if wrong.key:
        return f"`{wrong.key}` is left out, the other declarations are read"
    return "nothing in it is read"


# Tree-sitter's TOML grammar gives the positions; tomllib alone decides what is valid TOML and what it
# holds. The nodes the walk reads: the rest (comments, and ERROR nodes where the two disagree) is passed by.
_TABLE, _ENTRY, _PAIR = "table", "table_array_element", "pair"
_ARRAY, _INLINE_TABLE = "array", "inline_table"
_DOTTED_KEY, _QUOTED_KEY = "dotted_key", "quoted_key"
_SIMPLE_KEYS = frozenset({"bare_key", _QUOTED_KEY})
_KEYS = _SIMPLE_KEYS | {_DOTTED_KEY}


def _syntax_tree(data: bytes) -> Node:
    """The tree of TOML `data`, parsed within the CPU time its size allows (`grammars.ParseTooSlow` past it)."""
    return grammars.parsed_within("tree_sitter_toml", data).root_node


# What a TOML text whose tree-sitter parse ran past its bound is (`long_dotted_key`, `_Positions`).
_TOO_SLOW = (
    "the file takes longer to parse than a file of its size may (a construct repeated thousands of times?)"
)


def _parts(node: Node) -> list[Node]:
    """A node's named children, comments left out."""
    return [child for child in node.named_children if child.type != "comment"]


def _key_parts(key: Node) -> tuple[str, ...]:
    """The names a key node spells (`a."b c".d` is a, b c, d), quoted ones decoded as TOML decodes them;
    none for a node that is no key. A dotted key nests to the left (`((a.b).c).d`): it is unwound in a
    loop, since a header may be a hundred thousand names long."""
    names: list[str] = []
    while key.type == _DOTTED_KEY:
        *left, last = _parts(key) or [key]
        if not left or last.type not in _SIMPLE_KEYS:
            return ()  # pragma: no cover - a dotted key is two parts, the last a bare or quoted key
        names.append(_key_name(last))
        key = left[0]
    if key.type not in _KEYS:
        return ()
    names.append(_key_name(key))
    return tuple(reversed(names))


def _key_name(key: Node) -> str:
    """The name a bare or quoted key spells: a quoted one with its escapes decoded, as tomllib does."""
    written = (key.text or b"").decode("utf-8", "surrogatepass")
    if key.type != _QUOTED_KEY:
        return written
    try:
        return next(iter(_toml().loads(f"{written} = 0")))
    except (ValueError, StopIteration):  # a key of a file that does not parse
        return written[1:-1]


class _Positions:
    """Where a TOML text (one that parses) writes each table, each entry of an array of tables and each
    key with its value, from its tree-sitter tree: an entry is a `[[...]]` header or an inline table
    `{...}` in an array (`vnet-services = [{...}, {...}]`), and a key is known by its dotted path and the
    entry it is in (the how-manyth of its array, -1 outside any). Names are compared as TOML reads them
    (quotes and escapes decoded, the spaces around dots gone); a header inside a multi-line string is a
    string. Byte offsets become lines and columns, in characters, by a search of the lines' starts."""

    def __init__(self, text: str) -> None:
        self._data = text.encode("utf-8", "surrogatepass")
        self._starts = [0, *(m.end() for m in re.finditer(b"\n", self._data))]
        self.entries: dict[str, list[int]] = {}  # array path → the offset of each entry
        self.tables: dict[str, int] = {}  # `[a.b]` → its offset
        self.keys: dict[tuple[str, int], tuple[int, int]] = {}  # (key path, entry) → (key, value) offsets
        self.too_slow = False  # parsed past its bound: nothing is placed, every place the file's start
        try:
            self._walk(_syntax_tree(self._data))
        except RecursionError:  # nested past the walk: what was found stands
            pass
        except grammars.ParseTooSlow:
            self.too_slow = True

    # --- what is where ---

    def of(self, prefix: str, wrong: Wrong) -> tuple[int, int]:
        """(line, column) of what `wrong` is about: the value, else the key, else the entry, else the table."""
        array = _join(prefix, wrong.table or wrong.key)
        if wrong.index < 0:
            return self.key(array, value=wrong.at_value)
        if wrong.key:
            written = self.keys.get((_join(array, wrong.key), wrong.index))
            if written is not None:
                return self.place(written[1] if wrong.at_value else written[0])
        return self.entry(array, wrong.index)

    def entry(self, array: str, index: int) -> tuple[int, int]:
        """(line, column) of an entry of an array of tables; its array's key when not found."""
        found = self.entries.get(array, [])
        return self.place(found[index]) if index < len(found) else self.key(array)

    def key(self, path: str, *, value: bool = False) -> tuple[int, int]:
        """(line, column) of a key outside any entry (or of its value); else of its first `[[...]]` entry,
        else of the table it is in."""
        written = self.keys.get((path, -1))
        if written is not None:
            return self.place(written[1] if value else written[0])
        if self.entries.get(path):
            return self.place(self.entries[path][0])
        return self.table(path.rpartition(".")[0])

    def table(self, table: str) -> tuple[int, int]:
        """(line, column) of a table's header; else of the first header within it; else line 1."""
        if table in self.tables:
            return self.place(self.tables[table])
        within = [at for name, found in self.entries.items() if name.startswith(table) for at in found[:1]]
        within += [at for name, at in self.tables.items() if name.startswith(table)]
        return self.place(min(within)) if within else (1, 1)

    def place(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        start = self._starts[line - 1]
        return line, len(self._data[start:offset].decode("utf-8", "surrogatepass")) + 1

    # --- the walk ---

    def _walk(self, document: Node) -> None:
        for node in _parts(document):
            if node.type == _PAIR:
                self._pair(node, "", -1)
            elif node.type in (_TABLE, _ENTRY):
                header, *pairs = _parts(node) or [node]
                section, index = ".".join(_key_parts(header)), -1
                if node.type == _ENTRY:
                    found = self.entries.setdefault(section, [])
                    index = len(found)
                    found.append(node.start_byte)
                else:
                    self.tables.setdefault(section, node.start_byte)
                for pair in pairs:
                    if pair.type == _PAIR:
                        self._pair(pair, section, index)

    def _pair(self, pair: Node, section: str, index: int) -> None:
        """`key = value`, in `section` (entry `index`)."""
        parts = _parts(pair)
        if len(parts) < 2 or parts[0].type not in _KEYS:
            return  # pragma: no cover - only where tree-sitter and tomllib disagree
        key, value = parts[:2]
        path = _join(section, ".".join(_key_parts(key)))
        self.keys.setdefault((path, index), (key.start_byte, value.start_byte))
        self._value(value, path)

    def _value(self, value: Node, path: str) -> None:
        """Inline tables in an array are entries of `path`; a scalar holds nothing to find."""
        if value.type == _INLINE_TABLE:
            self._inline_table(value, path, -1)
        elif value.type == _ARRAY:
            for item in _parts(value):
                if item.type == _INLINE_TABLE:
                    found = self.entries.setdefault(path, [])
                    found.append(item.start_byte)
                    self._inline_table(item, path, len(found) - 1)
                else:
                    self._value(item, path + "[]")

    def _inline_table(self, table: Node, path: str, index: int) -> None:
        for pair in _parts(table):
            if pair.type == _PAIR:
                self._pair(pair, path, index)
