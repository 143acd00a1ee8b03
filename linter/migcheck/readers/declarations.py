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

Each entry becomes the same record an export would give (`migcheck.inventory_model`), marked at the line of
its `[[...]]` header. TOML parsers give no positions, so the header lines are found by one scan of the text:
an entry written inline (`vnet-services = [{...}, {...}]`) is marked at the line of its key, every entry of
it alike, and a line inside a multi-line string is not mistaken for a header.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from migcheck.inventory_model import (
    INVENTORY_TYPES,
    ApplicationGateway,
    DeclaredSubscription,
    LinkAuthorization,
    ServiceInVnet,
    ServiceKind,
    VnetPeering,
    key,
    unnamed_service,
)
from migcheck.model import Document, FileKind, FileProblem, Mark
from migcheck.visible import visible

PRODUCES: frozenset[type] = frozenset({Document, *INVENTORY_TYPES})

# A declarations table in any of the places it may be written, as TOML table headers.
_TABLES = ("vnet-services", "vnet-peerings", "application-gateways", "expressroute-authorization-links")
_NAMES = b"|".join(t.encode() for t in _TABLES)
_SNIFF = re.compile(
    rb"^[ \t]*\[\[?[ \t]*(?:tool\.migcheck\.)?inventory[ \t]*[\].]"  # [tool.migcheck.inventory...]
    rb"|^[ \t]*\[\[[ \t]*(?:" + _NAMES + rb")[ \t]*\]\]"  # [[vnet-services]] at the top
    rb"|^[ \t]*(?:" + _NAMES + rb")[ \t]*=",  # vnet-services = [...] at the top
    re.MULTILINE,
)
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


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
_SERVICE = _Field(True, lambda v: v in {s.value for s in ServiceKind}, "one of " + ", ".join(ServiceKind))

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
    """Whether a `.toml` file met in a folder walk holds declarations: a table header of one."""
    return _SNIFF.search(data) is not None


def validate(table: object) -> str:
    """What is wrong with a declarations table, in words that name the key; "" when nothing is."""
    return _problem(table)[0]


def _problem(table: object) -> tuple[str, str, int]:
    """(what is wrong, the declaration table it is in or "", the entry's index or -1)."""
    if not isinstance(table, dict):
        return "must be a table", "", -1
    for name, value in table.items():
        if name == "subscription":
            if not _TEXT.check(value):
                return f"`subscription` must be {_TEXT.expected}", "", -1
            continue
        if name not in SCHEMA:
            return f"unknown table `{name}`{_suggest(name, [*SCHEMA, 'subscription'])}", "", -1
        entries = value if isinstance(value, list) else None
        if entries is None or not all(isinstance(e, dict) for e in entries):
            return f"`{name}` must be an array of tables ([[...{name}]])", name, -1
        for index, entry in enumerate(entries):
            problem = _entry_problem(name, entry)
            if problem:
                return f"`{name}` entry {index + 1}: {problem}", name, index
    return "", "", -1


def _entry_problem(table: str, entry: Mapping[str, object]) -> str:
    fields = SCHEMA[table]
    for name in entry:
        if name not in fields:
            return f"unknown key `{name}`{_suggest(name, fields)}"
    for name, spec in fields.items():
        if name not in entry:
            if spec.required:
                return f"`{name}` is missing"
        elif not spec.check(entry[name]):
            return f"`{name}` must be {spec.expected}, got {shown(entry[name])}"
    return ""


def shown(value: object) -> str:
    """A value from a TOML file as a message shows it: escaped, and cut short (a 100 MB string is data
    too). `repr` itself refuses an integer of more than 4,300 digits (a hexadecimal one parses), and a
    value nested deeper than it recurses: those are named, not shown."""
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
    close = difflib.get_close_matches(word, list(choices), n=1)  # type: ignore[call-overload]
    return f" (did you mean `{close[0]}`?)" if close else ""


def read(path: str, data: bytes) -> Document:
    """The declarations of one TOML file. Never raises: TOML that does not parse, or a declaration that
    does not follow the schema, is a syntax problem at its line."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        text = data.decode("utf-8-sig")
        parsed = tomllib.loads(text)
    except UnicodeDecodeError as error:
        return _broken(path, "", f"not valid UTF-8: byte {data[error.start]:#04x}", 1, 1)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        line, column = (int(position.group(1)), int(position.group(2))) if position else (1, 1)
        message = _TOML_POSITION.sub("", str(error)).strip()
        return _broken(path, text, f"not valid TOML: {message}", line, column)
    except RecursionError:
        line, column = _deep_nesting(text)
        return _broken(
            path, text, "not readable TOML: arrays or tables nested too deeply to read", line, column
        )
    except ValueError as error:  # after TOMLDecodeError, which is one: a value the parser cannot convert
        message, line, column = toml_value_problem(error, text)
        return _broken(path, text, f"not readable TOML: {message}", line, column)
    found = _declarations(parsed)
    if found is None:
        problem = FileProblem("root", "holds no migcheck inventory declarations", Mark(path, 1, column=1))
        return Document(path, None, "", problem=problem, text=text)
    prefix, table = found
    lines = _Lines(text)
    wrong, where, index = _problem(table)
    if wrong:
        if index >= 0:
            line, column = lines.entry(_join(prefix, where), index)
        else:
            line, column = lines.key(prefix, where) if where else lines.table(prefix)
        return _broken(path, text, f"inventory declarations: {wrong}", line, column)
    resources = tuple(_records(path, prefix, table, lines))
    return Document(path, FileKind.INVENTORY, prefix or "inventory", resources, text=text)


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
        return "", {k: v for k, v in parsed.items() if k in SCHEMA or k == "subscription"}
    return None


def _broken(path: str, text: str, message: str, line: int, column: int) -> Document:
    problem = FileProblem("syntax", message, Mark(path, line, column=column))
    return Document(path, FileKind.INVENTORY, "", problem=problem, text=text)


def _records(path: str, prefix: str, table: Mapping[str, object], lines: _Lines) -> Iterator[object]:
    if "subscription" in table:
        line, column = lines.key(prefix, "subscription")
        yield DeclaredSubscription(key(str(table["subscription"])), Mark(path, line, column=column))
    for name in SCHEMA:
        entries = table.get(name, [])
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            line, column = lines.entry(_join(prefix, name), index)
            yield _record(name, entry, Mark(path, line, column=column))


def _record(table: str, entry: Mapping[str, object], mark: Mark) -> object:
    def field(name: str) -> str:
        value = entry.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    if table == "vnet-services":
        service = ServiceKind(entry["service"])
        name = field("name") or unnamed_service(service, field("vnet"))
        return ServiceInVnet(service, name, field("vnet"), mark, subnet=field("subnet"), declared=True)
    if table == "vnet-peerings":
        name = field("name") or f"{field('vnet')} to {field('peer')}"
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


class _Lines:
    """Where tables, array-of-tables entries and keys are written, from one scan of the TOML text.
    Header and key names are compared with their quotes and spaces removed."""

    def __init__(self, text: str) -> None:
        self.headers: dict[str, list[tuple[int, int]]] = {}  # `[[a.b]]` → each entry's (line, column)
        self.tables: dict[str, tuple[int, int]] = {}  # `[a.b]` → (line, column)
        self.keys: dict[str, tuple[int, int]] = {}  # `a.b.key` → (line, column), first one written
        table, in_string = "", ""
        for number, line in enumerate(text.split("\n"), 1):
            stripped = line.strip()
            column = len(line) - len(line.lstrip()) + 1
            if in_string:
                in_string = "" if line.count(in_string) % 2 else in_string
                continue
            if stripped.startswith("[["):
                table = _dotted(stripped[2 : stripped.find("]]")])
                self.headers.setdefault(table, []).append((number, column))
            elif stripped.startswith("["):
                table = _dotted(stripped[1 : stripped.find("]")])
                self.tables.setdefault(table, (number, column))
            elif "=" in stripped and not stripped.startswith("#"):
                name = _dotted(stripped.split("=", 1)[0])
                self.keys.setdefault(_join(table, name), (number, column))
            for quotes in ('"""', "'''"):
                if line.count(quotes) % 2:
                    in_string = quotes

    def entry(self, table: str, index: int) -> tuple[int, int]:
        found = self.headers.get(table, [])
        if index < len(found):
            return found[index]
        return self.key(*table.rsplit(".", 1)) if "." in table else self.key("", table)

    def key(self, table: str, name: str) -> tuple[int, int]:
        written = self.keys.get(_join(table, name))
        return written or self.table(table)

    def table(self, table: str) -> tuple[int, int]:
        if table in self.tables:
            return self.tables[table]
        within = [p for name, found in self.headers.items() if name.startswith(table) for p in found]
        return min(within, default=(1, 1))


def _dotted(name: str) -> str:
    """A TOML key or table name with its quotes and spaces taken out: `tool. "migcheck" .x` → `tool.migcheck.x`."""
    return ".".join(part.strip().strip("\"'") for part in name.split("."))
