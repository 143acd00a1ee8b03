"""Bicep files (`.bicep`), read with tree-sitter-bicep for the resources they declare: those of the classic
types become the records the same types give as rows of an inventory export, as an ARM JSON template's do
(`template_values.records_of`), and those of type `Microsoft.Compute/cloudServices` the evidence of Cloud
Services (extended support) they are (`ExtendedSupportService`).

A resource is declared by `resource <symbol> '<type>@<apiVersion>' = {...}`, also under a condition (`= if
(...) {...}`), in a loop (`= [for x in <array>: {...}]`, `[for i in range(0, n): ...]`, with an index
`(x, i)` and a filter), nested in its parent's body (`resource ext 'extensions' = {...}`: its type and name
after its parent's) or naming its parent (`parent: vm`). One marked `existing` declares nothing: it only
names a resource other values refer to (`vnet.name`, `vnet.id`). Values are worked out as far as the file
states them: a parameter's default, a variable, a string's interpolation (`'${prefix}-vnet'`), `concat`,
`format`, `toLower`, `resourceId`, a loop's item; anything else (a parameter without a default,
`uniqueString(...)`, `resourceGroup().location`) is a stand-in marked where it is written. A loop is one
resource per item when its items are counted (up to Resource Manager's 800), else one whose item is not
known. Each record is marked at its `resource` keyword, and each value a finding is about where the file
writes it (the syntax tree says where each key and plain string is: `inventory_shapes.WrittenSpots`).

A `module` of a Bicep file of the repository (`module web './vm.bicep' = {params: {...}}`) is read once for
each item it makes, with the parameters the item passes, and its `outputs` are the using file's values
(`web.outputs.name`); a module of an ARM JSON template (`module net './vnet.json'`) is read by the template
reader with the values it passes (`template.module_records`). A file another Bicep file of the run uses is
read through it only (`used_elsewhere`). A module that is not read (a registry's, a file not checked, past the bounds of
`template_values.FilesRead`) is said not read where its path is written (`TEMPLATE_FILE_NOT_READ`; a file of the
repository the run does not check, `TEMPLATE_FILE_NOT_CHECKED`). A
`.bicepparam` file gives the Bicep file its `using` names the values of its parameters (`param name = value`,
read as Bicep variables: `_given`), which it is read with: each such file a deployment of its own, the Bicep
file read once with each (as each deployment that links a template reads it with what it passes), a record
two of them make alike told once; a declaration the grammar does not parse is said not read in that file
(`BICEPPARAM_NOT_READ`) when the Bicep file declares classic resources. The JSON parameters file beside it
(`main.parameters.json`: `_json_parameters_of`) is one deployment more.

A file that does not parse is MIG001 at the first place the grammar could not read, as a script is. A file
that names no classic type and no cloud service of extended support, and uses no module of a file, is not read
(`sniff`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from migcheck.automation import BICEP_LANGUAGE
from migcheck.inventory_model import CLASSIC_ROLES, DEFENDER_PRICINGS
from migcheck.model import (
    BICEPPARAM_FILES_CUT,
    BICEPPARAM_NOT_READ,
    BICEPPARAM_TOO_SLOW,
    DirectiveComment,
    Document,
    ExtendedSupportService,
    FileKind,
    FileProblem,
    Mark,
    Suppression,
)
from migcheck.readers.arm_expressions import (
    as_count,
    as_text,
    bounded,
    composite,
    extension_resource_id,
    resource_id,
    subscription_resource_id,
    tenant_resource_id,
)
from migcheck.readers.grammars import comments
from migcheck.readers.suppressions import Directive, gathered, placed, slash_comment_text
from migcheck.readers.template_functions import LOGIC, SHARED, equal, weight
from migcheck.readers.template_values import (
    MAX_COPIES,
    MAX_FILE_DEPTH,
    ROLE_ASSIGNMENT,
    Declared,
    FilesRead,
    LoadedText,
    Unknown,
    by_position,
    classic_type,
    deployment_group,
    deployment_subscription,
    extended_support_service,
    group_stated,
    names_its_group,
    parameter_stand_in,
    partly_known,
    passed_at,
    read_type,
    resource_name,
    used_alone_never,
    with_unread,
)

if TYPE_CHECKING:
    from tree_sitter import Node, Tree

    from migcheck.readers.beside import Settings
    from migcheck.readers.inventory_shapes import Written

_GRAMMAR = "tree_sitter_bicep"
BICEP_PARAMETERS = "Bicep parameters file"
_CLOUD_SERVICE_TYPE = "microsoft.compute/cloudservices"
_VIA = "declares it as a Microsoft.Compute/cloudServices resource"
# How much evaluation a file may spend for each byte (and a floor for small ones): what a hostile file
# spends past it is not known.
_BUDGET_PER_BYTE = 8
_BUDGET_FLOOR = 200_000
# How deep values may nest (a variable naming a variable, an expression inside another) before they are not
# known: Python's stack, not the file, sets the limit.
_MAX_DEPTH = 64
# A classic provider, a cloud service of extended support, the definition GUID of a built-in role that
# grants rights on classic resources only, which a role assignment names, or the subscription's Defender plan.
_SNIFF = (
    b"microsoft.classic",
    b"cloudservices",
    *(role.encode() for role in sorted(CLASSIC_ROLES)),
    DEFENDER_PRICINGS.encode(),
)


def sniff(data: bytes) -> bool:
    """Whether a `.bicep` file met in a folder walk may declare a classic resource or a cloud service of
    extended support: it names a classic provider or `cloudServices`, or may use a Bicep module of a file of
    the repository, which may."""
    lowered = data.lower()
    return any(marker in lowered for marker in _SNIFF) or _may_use_a_module(lowered)


def sniff_file(path: str, data: bytes) -> bool:
    """`sniff`, but never for a `.bicepparam` file, which gives values to the Bicep file its `using` names and
    is looked at when that one is read (`_parameter_files`), not read in a folder walk on its own."""
    return not path.lower().endswith(_PARAMETERS_SUFFIX) and sniff(data)


_PARAMETERS_SUFFIX = ".bicepparam"
# The `.bicepparam` files of one Bicep file read at most (in the order of their paths), each a reading of the
# whole file: the cost is the file's size times their number, a Bicep file given thousands of them otherwise
# read thousands of times. Those after are not read, and said so once (`BICEPPARAM_FILES_CUT`).
PARAMETER_FILES_READ = 64


def _may_use_a_module(lowered: bytes) -> bool:
    return b"module" in lowered and (b".bicep" in lowered or b".json" in lowered)


def read(path: str, data: bytes) -> Document:
    """The records of one Bicep file. Never raises: a file that does not decode or parse is a syntax
    problem where it breaks."""
    from migcheck.readers.encoding import not_utf8
    from migcheck.readers.grammars import parsed_in_time
    from migcheck.readers.inventory import _at_a_fixed_depth

    if path.lower().endswith(_PARAMETERS_SUFFIX):  # named on its own: nothing of its own to read
        return Document(path, None, "", text=data.decode("utf-8-sig", "replace"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problem = not_utf8(path, data, "Bicep")
        return Document(
            path, FileKind.INVENTORY, "", problem=problem, text=data.decode("utf-8-sig", "replace")
        )
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    tree = parsed_in_time(_GRAMMAR, body)
    if tree is None:
        return Document(path, FileKind.INVENTORY, "", problem=_too_slow_to_parse(path), text=text)
    positions = _Positions(path, body, text)
    broken = _first_error(tree.root_node)
    if broken is not None:
        return Document(path, FileKind.INVENTORY, "", problem=_syntax(broken, positions), text=text)
    file = _File(path, text, tree.root_node, positions)
    try:
        found = _at_a_fixed_depth(file.records)
    except RecursionError:
        mark = Mark(path, 1, column=1)
        problem = FileProblem("syntax", "refused: the file nests too deeply to read", mark)
        return Document(path, FileKind.INVENTORY, "", problem=problem, text=text)
    suppressions, marked = _suppressions(tree.root_node, positions, text)
    classic = bool(found)
    given = (*_parameter_files_of(path), *_json_parameters_of(path, file.params)) if found else ()
    given, past = given[:PARAMETER_FILES_READ], given[PARAMETER_FILES_READ:]
    deployed = [parameters for parameters in given if parameters.values]
    if deployed:
        # Deployed once with each of its parameters files (each a deployment of its own, as each deployment
        # that links a template reads it with what it passes): their values, not the defaults.
        readings = [_File(path, text, tree.root_node, positions) for _ in deployed]
        found = ()
        for file, parameters in zip(readings, deployed, strict=True):
            file.given = dict(parameters.values)
            file.passed = (*parameters.written, *file.defaults)
            found = _distinct((*found, *_at_a_fixed_depth(file.records)))
    if found and used_elsewhere(path):
        # A module another Bicep file of the run uses is read through it, with the parameters it passes
        # (`_File._called`): read alone as well, it would tell each resource again, of values not stated.
        found = ()
    found = with_unread(found, file.calls.said(classic), path, BICEP_LANGUAGE)
    for parameters in given:  # each value of a `.bicepparam` file the grammar does not parse, said there
        if parameters.unread:
            found = with_unread(found, list(parameters.unread), parameters.path, BICEP_PARAMETERS)
    if found and past:
        cut = Mark(past[0].path, 1, tag=BICEPPARAM_FILES_CUT, column=1)
        found = with_unread(found, [cut], cut.path, BICEP_PARAMETERS)
    kind = FileKind.INVENTORY if found else None
    refused = _undeclared_given(path, given, file.params)
    return Document(path, kind, "", found, suppressions, marked, problem=refused, text=text)


def _undeclared_given(path: str, given: Iterable[_Given], declared: Iterable[str]) -> FileProblem | None:
    """MIG001 at the first parameter a `.bicepparam` file of the Bicep file `path` gives a value that the Bicep
    file does not declare (a name of another case is not told from it, as Resource Manager matches names): the
    Bicep CLI refuses the parameters file (BCP259), so no deployment of it is made."""
    known = {name.casefold() for name in declared}
    for parameters in given:
        extra = next(((name, at) for name, at in parameters.names if name.casefold() not in known), None)
        if extra is not None:
            name, at = extra
            return FileProblem(
                "syntax",
                f"the parameters file gives a value to parameter '{name}', which "
                f"'{posixpath.basename(path)}' does not declare: the Bicep CLI refuses the file (BCP259), "
                "so no deployment is made with it",
                at,
                f"Give the value to a parameter '{posixpath.basename(path)}' declares, or declare "
                f"`param {name} <type>` in it.",
            )
    return None


def _distinct(records: tuple[object, ...]) -> tuple[object, ...]:
    """The records, each told once: two parameters files that give the same values deploy the same
    resources."""
    kept: list[object] = []
    hashed: set[object] = set()
    for record in records:
        try:
            if record in hashed:
                continue
            hashed.add(record)
        except TypeError:  # a record holding a list or a dict: compared with the others
            if record in kept:
                continue
        kept.append(record)
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class _Given:
    """What a `.bicepparam` file gives the Bicep file its `using` names: each parameter's value by name, the
    plain strings it writes where written (a finding about one points there, and `check --fix` rewrites it
    there), and where it writes a value the grammar does not parse (tagged `BICEPPARAM_NOT_READ`)."""

    path: str
    values: tuple[tuple[str, object], ...]
    written: tuple[tuple[str, Mark], ...]
    unread: tuple[Mark, ...]
    # Each parameter it gives a value, where its name is written (`_undeclared_given`).
    names: tuple[tuple[str, Mark], ...] = ()


def _parameter_files_of(path: str) -> tuple[_Given, ...]:
    """What each `.bicepparam` file this run checks whose `using` names the Bicep file `path` gives it, in
    the order of their paths."""
    from migcheck.readers import beside

    if not beside.finding():
        return ()
    found = beside.once_per_run("bicepparam-files", _parameter_files)
    return (*found.get(posixpath.normpath(path), ()), *found.get(_ANY_BICEP_FILE, ()))


def _json_parameters_of(path: str, declared: Iterable[str]) -> tuple[_Given, ...]:
    """What the JSON parameters file beside the Bicep file gives it (`main.parameters.json` for
    `main.bicep`, the names a template's has: `template._parameters_names`), or the one a pipeline step
    deploys it with (`deployed_parameters`), as `az deployment group create
    --template-file main.bicep --parameters main.parameters.json` deploys it: a deployment of its own, as a
    `.bicepparam` file's is, each value under the name the Bicep file declares (Resource Manager matches a
    parameters file's names case-insensitively)."""
    from migcheck.readers.template import parameters_file_of, parameters_given

    found = parameters_file_of(path, ".bicep")
    if found is None:
        return ()
    values, written = parameters_given(found)
    named = tuple((name, values[name.casefold()]) for name in declared if name.casefold() in values)
    return (_Given(found.path, named, written, ()),) if named else ()


def _parameter_files() -> dict[str, tuple[_Given, ...]]:
    """What each `.bicepparam` file this run checks gives, by the Bicep file (display path) its `using`
    names. Each is looked at, not read as a file of its own (`listed`): migcheck reads no `.bicepparam` file
    alone."""
    from migcheck.readers import beside

    found: dict[str, list[_Given]] = {}
    for name in sorted(beside.files_in_run((_PARAMETERS_SUFFIX,))):
        settings = beside.settings_file(name)
        read = _parameters_read(settings) if settings is not None else None
        if read is not None and (read[1].values or read[1].unread):
            found.setdefault(read[0], []).append(read[1])
    return {target: tuple(files) for target, files in found.items()}


def _parameters_read(settings: Settings) -> tuple[str, _Given] | None:
    """The Bicep file a `.bicepparam` file's `using` names and what the file gives it; None where it names
    none of the repository's. The parse of the file and that of its rewrite (`_given`) share the CPU time one
    parse of it may take: past it, the file is `_too_slow`."""
    from migcheck.readers.grammars import ParseTooSlow, parse_budget, parsed_within

    data = settings.data  # without its byte order mark (`beside.settings_file`)
    with parse_budget(len(data)):
        try:
            root = parsed_within(_GRAMMAR, data).root_node
            target = _using(settings.path, root)
            return None if target is None else (target, _given(settings.path, data, root))
        except ParseTooSlow:
            return _ANY_BICEP_FILE, _too_slow(settings.path)


# The key of a `.bicepparam` file too slow to parse (`_parameter_files`): which Bicep file its `using` names is
# not known, so each Bicep file read with parameters files says it was not read.
_ANY_BICEP_FILE = ""


def _using(path: str, root: Node) -> str | None:
    """The Bicep file (display path) the `using` of the `.bicepparam` file `path` names; None where it names
    none of the repository's (a registry's, a template spec's)."""
    using = next((n for n in root.named_children if n.type == "using_statement"), None)
    source = _first_named(using, "string") if using is not None else None
    stated = _literal(source) if source is not None else None
    if not stated or ":" in stated:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), stated.strip()))


def _too_slow(path: str) -> _Given:
    """A `.bicepparam` file the Bicep grammar takes longer to parse than its size allows: none of its values,
    and its start said not read (`BICEPPARAM_TOO_SLOW`)."""
    return _Given(path, (), (), (Mark(path, 1, tag=BICEPPARAM_TOO_SLOW, column=1),))


def _given(path: str, data: bytes, root: Node) -> _Given:
    """The values a `.bicepparam` file gives. tree-sitter-bicep (1.1.0) parses its `using` line but not
    `param name = value`, which it reads as a parameter declaration it cannot finish; the same text with
    each `param` keyword the grammar finds read as a `var` of the same width (`var   name = value`) parses
    as the Bicep variables it means, at the same places, and each is evaluated as a Bicep file's variable
    is. A declaration that still does not parse is said not read where it is written."""
    from migcheck.readers.grammars import parsed_within
    from migcheck.readers.inventory import _at_a_fixed_depth

    keywords = [node for node in _leaves(root) if node.type == "param"]
    rewritten = bytearray(data)
    for keyword in keywords:
        rewritten[keyword.start_byte : keyword.end_byte] = b"var  "
    text = data.decode("utf-8", "replace")
    positions = _Positions(path, data, text)
    parsed = parsed_within(_GRAMMAR, bytes(rewritten)).root_node
    file = _File(path, text, parsed, positions)
    values: list[tuple[str, object]] = []
    names: list[tuple[str, Mark]] = []
    unread: list[Mark] = []
    declared = {keyword.start_byte for keyword in keywords}
    for node in parsed.named_children:
        if node.start_byte not in declared:
            if node.is_error or node.has_error:
                unread.append(replace(positions.mark(node), tag=BICEPPARAM_NOT_READ))
            continue
        name = node.child_by_field_name("name") or _first_named(node, "identifier")
        if node.type != "variable_declaration" or node.has_error or name is None:
            unread.append(replace(positions.mark(node), tag=BICEPPARAM_NOT_READ))
            continue
        symbol = _node_text(name)
        names.append((symbol, positions.mark(name)))
        try:
            value = _at_a_fixed_depth(partial(file._variable, symbol))
        except RecursionError:
            value = Unknown()
        if isinstance(value, Unknown) and not value.stand_in:
            value = parameter_stand_in(symbol, positions.mark(name))
        values.append((symbol, value))
    written = tuple(_strings_written(positions, parsed.named_children))
    return _Given(path, tuple(values), written, tuple(unread), tuple(names))


def _strings_written(positions: _Positions, nodes: list[Node]) -> Iterator[tuple[str, Mark]]:
    """Each plain string (no interpolation) `nodes` write, in them or below, where written: the values of a
    `.bicepparam` file, or a module call's `params`."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        value = _literal(node) if node.type == "string" else None
        if value is not None:
            yield value, positions.mark(node)
        elif node.type != "string":
            stack.extend(reversed(node.named_children))


def _leaves(root: Node) -> Iterator[Node]:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.child_count == 0:
            yield node
        else:
            stack.extend(reversed(node.children))


def used_elsewhere(path: str) -> bool:
    """Whether another Bicep file this run checks uses the file `path` as a module (`module net
    './net.bicep' = {...}`)."""
    from migcheck.readers import beside

    if not beside.finding():
        return False
    return posixpath.normpath(path) in beside.once_per_run("bicep-modules-used", _modules_used)


def _modules_used() -> frozenset[str]:
    """The files (display paths) that a Bicep file this run checks uses as modules by a path: only files
    that may (`_may_use_a_module`) are parsed, each once per run."""
    from migcheck.readers import beside
    from migcheck.readers.grammars import parsed_in_time

    uses: dict[str, set[str]] = {}
    for name in beside.files_in_run((".bicep",)):
        settings = beside.settings_file(name, wanted=lambda data: _may_use_a_module(data.lower()))
        tree = parsed_in_time(_GRAMMAR, settings.data) if settings is not None else None
        if settings is None or tree is None:  # one too slow to parse is refused where it is read itself
            continue
        caller = posixpath.normpath(settings.path)
        for node in tree.root_node.named_children:
            source = _first_named(node, "string") if node.type == "module_declaration" else None
            stated = _literal(source) if source is not None else None
            if stated and ":" not in stated:
                module = posixpath.normpath(posixpath.join(posixpath.dirname(caller), stated.strip()))
                if module != caller:  # a file using itself: Bicep refuses it, and it is read alone
                    uses.setdefault(caller, set()).add(module)
    return used_alone_never(uses)


def _suppressions(
    root: Node, positions: _Positions, text: str
) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """`migcheck: ...` directives in the file's comments (`//` and `/* */`): on a line of their own, one
    covers the declaration, property or item that follows it among its siblings (a resource with all it
    holds); at the end of a line, that line; `ignore-file`, the file. One with nothing after it (before an
    object's `}`) applies to nothing, and the filter reports it."""
    if "migcheck" not in text.lower():
        return (), ()
    lines = text.splitlines()

    def suppression(parsed: Directive, comment: Node, mark: Mark) -> Suppression:
        line = lines[mark.line - 1] if mark.line <= len(lines) else ""
        target = comment.next_named_sibling
        while target is not None and target.type == "comment":
            target = target.next_named_sibling
        span = None if target is None else (target.start_point[0] + 1, target.end_point[0] + 1)
        return placed(parsed, mark, line[: mark.column - 1], span)

    def written() -> Iterator[tuple[str, Mark, Callable[[Directive], Suppression]]]:
        for comment in comments(root):
            mark = positions.mark(comment)
            yield (
                slash_comment_text(_node_text(comment)),
                mark,
                partial(suppression, comment=comment, mark=mark),
            )

    return gathered(written())


def _first_error(root: Node) -> Node | None:
    """The first node the grammar could not read (an error, or a token it had to assume), in the order
    written; None when the file parses."""
    if not root.has_error:
        return None
    node = root
    while True:
        if node.is_error or node.is_missing:
            return node
        node = next((child for child in node.children if child.has_error or child.is_missing), node)
        if not (node.has_error or node.is_missing):
            return node


def _too_slow_to_parse(path: str) -> FileProblem:
    """MIG001 of a file the Bicep grammar takes longer to parse than its size allows (`grammars`): some
    inputs take it time growing faster than their size (`var a = 1 + ` repeated 8,000 times: 6 s)."""
    return FileProblem(
        "syntax",
        "refused: the Bicep file takes longer to parse than a file of its size may (an expression or "
        "decorator repeated thousands of times?), so migcheck reads none of it",
        Mark(path, 1, column=1),
        "Split the file into modules, or exclude it in [tool.migcheck] exclude if it is generated.",
    )


def _syntax(node: Node, positions: _Positions) -> FileProblem:
    opener = _left_open(node)
    if opener is not None:
        mark = positions.mark(opener)
        closing = _CLOSING[opener.type]
        message = f"not valid Bicep: {_OPENED[opener.type]} opened here is not closed (`{closing}` missing)"
        return FileProblem("syntax", message, mark, "Fix the file so that `bicep build` compiles it.")
    mark = positions.mark(node)
    said = f"expected {node.type}" if node.is_missing else "cannot be read"
    message = f"not valid Bicep: what is written at line {mark.line}, column {mark.column} {said}"
    return FileProblem("syntax", message, mark, "Fix the file so that `bicep build` compiles it.")


_CLOSING = {"{": "}", "[": "]", "(": ")"}
_OPENED = {"{": "the block or object", "[": "the array", "(": "the parenthesis"}


def _left_open(node: Node) -> Node | None:
    """The bracket the file leaves open where the grammar stops reading it: the opener of a closing bracket
    it had to assume (`MISSING "]"`), else the first of an error's own brackets that nothing in it closes
    where the error runs on to the end of the file (a resource's `{` never closed); None for another fault."""
    parent = node.parent
    if node.is_missing:
        opening = next((o for o, c in _CLOSING.items() if c == node.type), None)
        siblings = parent.children if parent is not None else []
        return next((child for child in siblings if child.type == opening), None)
    if not node.is_error or any(s.type != "comment" for s in _siblings_after(node)):
        return None
    opened: list[Node] = []
    for child in node.children:
        if child.type in _CLOSING:
            opened.append(child)
        elif opened and child.type == _CLOSING[opened[-1].type]:
            opened.pop()
    return opened[0] if opened else None


def _siblings_after(node: Node) -> Iterator[Node]:
    sibling = node.next_sibling
    while sibling is not None:
        yield sibling
        sibling = sibling.next_sibling


class _Positions:
    """Marks and offsets in characters of the decoded text: tree-sitter counts bytes of the UTF-8 it
    parsed. The offsets of the lines' starts in both are found once."""

    def __init__(self, path: str, data: bytes, text: str) -> None:
        self.path = path
        self._data = data
        self._ascii = text.isascii()
        self._line_chars: list[int] | None = None

    def mark(self, node: Node) -> Mark:
        row, column = node.start_point
        if not self._ascii:
            start = node.start_byte - column
            column = len(self._data[start : node.start_byte].decode("utf-8", "replace"))
        return Mark(self.path, row + 1, column=column + 1)

    def offset(self, point: tuple[int, int], byte: int) -> int:
        """The character offset of a place tree-sitter gives as (row, byte column) and byte offset."""
        if self._ascii:
            return byte
        if self._line_chars is None:
            starts, total = [0], 0
            for line in self._data.split(b"\n"):
                total += len(line.decode("utf-8", "replace")) + 1
                starts.append(total)
            self._line_chars = starts
        row, column = point
        line_start = byte - column
        return self._line_chars[row] + len(self._data[line_start:byte].decode("utf-8", "replace"))


@dataclass(slots=True, eq=False)
class _Symbol:
    """A resource a value names by its symbol (`vnet.id`, `parent: vm`): its type and name."""

    type: str
    name: object


class _File:
    """One parsed Bicep file: its parameters, variables and resources by name, and the values of each."""

    def __init__(self, path: str, text: str, root: Node, positions: _Positions) -> None:
        self.path = path
        self.text = text
        self.positions = positions
        self.budget = _BUDGET_FLOOR + _BUDGET_PER_BYTE * len(text)
        self.depth = 0
        self.params: dict[str, Node] = {}
        self.outputs: dict[str, Node] = {}
        self.vars: dict[str, Node] = {}
        self.symbols: dict[str, Node] = {}
        self.known: dict[tuple[str, str], object] = {}
        self.busy: set[tuple[str, str]] = set()
        self.resources: list[Node] = []
        self.modules: dict[str, Node] = {}
        # The parameters a module's caller passes (`params: {...}`), by name: given, not the defaults.
        self.given: dict[str, object] = {}
        # The files of the modules this file is read through, itself last: a module among them is not read.
        self.chain: tuple[str, ...] = (path,)
        self.calls = FilesRead(len(text))
        # The file whose name names the subscription and resource group this one is deployed to (a module's
        # are its caller's), and the group a module's `scope: resourceGroup('shop-rg')` names, if any.
        self.deployed_as = posixpath.basename(path)
        self.group: object = None
        # The strings the callers of a module write in the `params` they pass it, each where written (the
        # nearest caller's first): a finding about such a value points there (`Spots.passed`).
        self.passed: tuple[tuple[str, Mark], ...] = ()
        self.passed_marks: Mapping[str, Mark] | None = None
        # The scope the file deploys to (`targetScope = 'subscription'`), case-folded: a resource group's
        # unless it says another.
        self.target = "resourcegroup"
        for node in root.named_children:
            if node.type == "target_scope_assignment":
                stated = _first_named(node, "string")
                self.target = (_literal(stated) or "").strip().casefold() if stated is not None else ""
                continue
            name = node.child_by_field_name("name") or _first_named(node, "identifier")
            if name is None:
                continue
            symbol = _node_text(name)
            if node.type == "parameter_declaration":
                self.params[symbol] = node
            elif node.type == "variable_declaration":
                self.vars[symbol] = node
            elif node.type == "resource_declaration":
                self.symbols[symbol] = node
                self.resources.append(node)
            elif node.type == "module_declaration":
                self.modules[symbol] = node
            elif node.type == "output_declaration":
                self.outputs[symbol] = node
        # The strings the file's parameters default to (`param prefix string = '10.0.0.0/16'`), where written:
        # after those its callers pass, which its defaults give way to.
        self.defaults = tuple(self._defaults_written())
        self.passed = self.defaults
        # The text each `loadTextContent` call loads, by its arguments.
        self.loaded: dict[tuple[str | None, ...], object] = {}
        # Each loop may repeat its body's text so many times between them all: past it, a loop is one item.
        self.room = 4 * len(text) + 1_000_000

    def records(self) -> tuple[object, ...]:
        from migcheck.readers.template_values import records_of

        declared: list[Declared] = []
        extended: list[ExtendedSupportService] = []
        for node in self.resources:
            for resource in self._declared(node, None, {}):
                if resource.type.casefold() == _CLOUD_SERVICE_TYPE:
                    extended.append(self._cloud_service(resource))
                elif read_type(resource.type):
                    declared.append(resource)
        found = [*records_of(self.path, self.text, declared, BICEP_LANGUAGE), *extended]
        for node in self.modules.values():
            found += self._arm_module(node)
            for module, _ in self._called(node):
                found += module.records()
        return tuple(sorted(found, key=by_position))

    # --- modules ------------------------------------------------------------------------------------

    def _called(self, node: Node) -> Iterator[tuple[_File, dict[str, object]]]:
        """The file a `module` declaration uses, read once for each item it makes (one per counted item of a
        loop, none under a condition stated false) with the parameters the item passes (`params: {...}`),
        and the values the item writes; a module not read is said so where its path is written."""
        source = _first_named(node, "string")
        body = _body(node)
        if source is None or body is None:
            return
        module = self._module(source)
        if module is None:
            return
        path, data, tree = module
        text = data.decode("utf-8", "replace")
        for env, obj in self._items(body, {}):
            if not self.calls.take(len(data)):
                self.calls.not_read(self.positions.mark(source))
                return
            values = self._object(obj, env)
            given = values.get("params")
            called = _File(path, text, tree.root_node, _Positions(path, data, text))
            called.given = given if isinstance(given, dict) else {}
            called.chain, called.calls = (*self.chain, path), self.calls
            called.deployed_as, called.group = self.deployed_as, self.group
            called.passed = (*self._params_written(obj), *self.passed, *called.defaults)
            called.group = self._group_of(values)
            yield called, values

    def _passed_at(self) -> Mapping[str, Mark] | None:
        """`template_values.passed_at` of the strings the file's callers pass it, made once."""
        if self.passed_marks is None and self.passed:
            self.passed_marks = passed_at(self.passed)
        return self.passed_marks

    def _defaults_written(self) -> Iterator[tuple[str, Mark]]:
        """Each plain string (no interpolation) a parameter declaration gives as its default, where written."""
        for node in self.params.values():
            default = node.named_children[-1] if node.named_children else None
            if default is None or default.type != "string" or not any(c.type == "=" for c in node.children):
                continue
            value = _literal(default)
            if value is not None:
                yield value, self.positions.mark(default)

    def _params_written(self, obj: Node) -> Iterator[tuple[str, Mark]]:
        """Each plain string (no interpolation) a module call's body writes in its `params`, where written."""
        for prop in obj.named_children:
            parts = [c for c in prop.named_children if c.type not in ("comment", "decorators")]
            if prop.type != "object_property" or len(parts) < 2 or self._key(parts[0]) != "params":
                continue
            yield from _strings_written(self.positions, [parts[-1]])

    def _arm_module(self, node: Node) -> list[object]:
        """The records of the ARM JSON template a module uses (`module net './vnet.json' = {...}`, which
        Bicep deploys as it is), read once for each item the module makes, its parameters given the values
        the item passes (`template.module_records`); none for a module of a Bicep file."""
        from migcheck.readers.template import module_records

        source, body = _first_named(node, "string"), _body(node)
        stated = _literal(source) if source is not None else None
        if source is None or body is None or stated is None or not stated.strip().lower().endswith(".json"):
            return []
        if ":" in stated:  # an address: not in the repository
            self.calls.not_read(self.positions.mark(source))
            return []
        found = self._module_file(source, stated)
        if found is None:
            return []
        records: list[object] = []
        for env, obj in self._items(body, {}):
            if not self.calls.take(len(found.data)):
                self.calls.not_read(self.positions.mark(source))
                break
            values = self._object(obj, env)
            given = values.get("params")
            made = module_records(
                found,
                given if isinstance(given, dict) else {},
                (*self._params_written(obj), *self.passed),
                self.deployed_as,
                self._group_of(values),
            )
            if made is None:  # not a deployment template, or one that does not parse
                self.calls.not_read(self.positions.mark(source))
                break
            records += made
        return records

    def _group_of(self, values: dict[str, object]) -> object:
        """The resource group a module call deploys to: the one its `scope` names by name
        (`resourceGroup('shop-rg')`) or by the symbol of a group the file declares (`scope: rg`), else this
        file's."""
        scope = values.get("scope")
        group = (
            scope.name
            if isinstance(scope, _Symbol) and scope.type.casefold() == _GROUP
            else _get(scope, "name")
        )
        if group is not None and not (isinstance(group, Unknown) and group.deployment):
            return group
        return self.group

    def _module_file(self, source: Node, stated: str) -> Settings | None:
        """The file a module's path (as written, from this file's folder) names, when it is a file the run
        checks (`beside.settings_file`) and no file the module is read through; None otherwise, said not
        read. A file read alone (a test, the plugin) reads no module and says nothing of it."""
        from migcheck.readers import beside

        if not beside.finding():
            return None
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), stated.strip()))
        top = posixpath.dirname(self.chain[0]) or "."
        if wanted in self.chain or len(self.chain) > MAX_FILE_DEPTH:
            self.calls.not_read(self.positions.mark(source))
            return None
        found = beside.settings_file(posixpath.relpath(wanted, top), at=self.positions.mark(source))
        if found is None:
            self.calls.not_read(self.positions.mark(source), unchecked=True)
        return found

    def _module(self, source: Node) -> tuple[str, bytes, Tree] | None:
        """The display path, bytes (without a BOM) and syntax tree of the Bicep file a module's path (as
        written, from this file's folder) names, when it is a file the run checks (`beside.settings_file`)
        that parses and no file the module is read through; None otherwise, said not read (`unread`). An ARM
        template's is read apart (`_arm_module`)."""
        from migcheck.readers import beside
        from migcheck.readers.grammars import parsed_in_time

        if not beside.finding():
            return None
        stated = _literal(source)
        if stated is not None and stated.strip().lower().endswith(".json"):
            return None
        if stated is None or not stated.strip() or ":" in stated or not stated.lower().endswith(".bicep"):
            self.calls.not_read(self.positions.mark(source))  # a registry's, a spec's
            return None
        found = self._module_file(source, stated)
        if found is None:
            return None
        body = found.data  # without its byte order mark (`beside.settings_file`)
        tree = parsed_in_time(_GRAMMAR, body)
        if tree is None or tree.root_node.has_error:  # one too slow to parse is refused where read itself
            self.calls.not_read(self.positions.mark(source))
            return None
        return found.path, body, tree

    def _module_value(self, name: str) -> object:
        """What a module's symbol names (`net.outputs.subnetId`, `net.name`): its `name` and the `outputs`
        its file works out with the parameters the caller passes; for a loop, the list of its items'."""
        node = self.modules[name]
        made = [
            {"name": values.get("name", Unknown()), "outputs": module.output_values()}
            for module, values in self._called(node)
        ]
        body = _body(node)
        if body is not None and body.type == "for_statement":
            return made
        return made[0] if len(made) == 1 else Unknown()

    def output_values(self) -> dict[str, object]:
        """The value of each `output` the file declares, by name: `output name type = value`."""
        out: dict[str, object] = {}
        for name, node in self.outputs.items():
            named = [c for c in node.named_children if c.type not in ("comment", "decorators")]
            out[name] = self._value(named[-1], {}) if len(named) >= 3 else Unknown()
        return out

    def _cloud_service(self, resource: Declared) -> ExtendedSupportService:
        return extended_support_service(resource.name, resource.properties, resource.mark, _VIA)

    # --- resources ----------------------------------------------------------------------------------

    def _declared(self, node: Node, parent: _Symbol | None, env: dict[str, object]) -> Iterator[Declared]:
        """The resources one declaration makes (none when it is `existing`, which names a resource deployed
        already), its nested ones after each: those of an `existing` one too, which Bicep deploys as its
        children (an extension of a VM the file does not declare)."""
        existing = _is_existing(node)
        rtype = self._type(node)
        body = _body(node)
        if not rtype or body is None:
            return
        for item_env, obj in self._items(body, env):
            values = self._object(obj, item_env)
            name = resource_name(values.get("name"))
            named_parent = values.get("parent")
            above = named_parent if isinstance(named_parent, _Symbol) else parent
            full_type, full_name = rtype, name
            if above is not None:
                full_type, full_name = _under(above, rtype, name)
            start, end = self._span(node)
            own = {"location": values["location"]} if "location" in values else {}
            if "scope" in values:  # an extension resource's (a role assignment's): a resource's symbol
                written_scope = values["scope"]
                own["scope"] = (
                    _symbol_property(written_scope, "id")
                    if isinstance(written_scope, _Symbol)
                    else _get(written_scope, "id")  # a scope's (`resourceGroup()`)
                    if isinstance(written_scope, dict)
                    else written_scope
                )
            elif full_type.casefold() == ROLE_ASSIGNMENT:  # on the scope the file is deployed to
                own["scope"] = _get(self._own_scope(), "id")
            if names_its_group(full_type) and self.target == "resourcegroup":  # the group commands name
                group_stated(own, _get(self._own_scope(), "name"))
            this = _Symbol(full_type, full_name)
            if existing:
                for child in _nested_declarations(obj):
                    yield from self._declared(child, this, item_env)
                continue
            props = _plain(values.get("properties"))
            mark, written = self.positions.mark(node), self._written(node)
            if not classic_type(full_type):
                written = self._worked_out(obj, values, written)
            yield Declared(full_type, full_name, props, mark, start, end, own, written, self._passed_at())
            for child in _nested_declarations(obj):
                yield from self._declared(child, this, item_env)

    def _written(self, node: Node) -> Written:
        """Where the declaration writes its keys and plain strings (without interpolation), in order."""
        from migcheck.readers.inventory_shapes import Written

        keys: list[tuple[int, str, int]] = []
        strings: list[tuple[int, str]] = []
        stack = [node]
        while stack:
            at = stack.pop()
            if at.type == "string":
                value = _literal(at)
                if value is not None:
                    strings.append((self._offset(at), value))
                continue
            if at.type == "object_property":
                parts = [c for c in at.named_children if c.type not in ("comment", "decorators")]
                key = _literal(parts[0]) if parts and parts[0].type == "string" else None
                if len(parts) >= 2 and (key is not None or parts[0].type == "identifier"):
                    written = key if key is not None else _node_text(parts[0])
                    keys.append((self._offset(parts[0]), written, self._offset(parts[-1])))
            stack.extend(reversed(at.named_children))
        return Written(tuple(sorted(keys)), tuple(sorted(strings)))

    def _worked_out(self, obj: Node, values: dict[str, object], written: Written) -> Written:
        """`written` with each string a Resource Manager resource's expression works out (`vnetId`,
        `'${vnet.id}/subnets/web'`, `vm.id`) located at that expression, so that a finding about it points
        there, as a JSON template's does. `values` is what `obj`, the resource's body, works out to."""
        from migcheck.readers.inventory_shapes import Written, strings_in

        found: list[tuple[int, str]] = []
        stack: list[tuple[Node, object]] = [(obj, values)]
        while stack:
            node, value = stack.pop()
            if node.type == "object" and isinstance(value, dict):
                for prop in node.named_children:
                    parts = [c for c in prop.named_children if c.type not in ("comment", "decorators")]
                    key = self._key(parts[0]) if prop.type == "object_property" and len(parts) >= 2 else None
                    if key is not None and key in value:
                        stack.append((parts[-1], value[key]))
            elif node.type == "array" and isinstance(value, list):
                items = [c for c in node.named_children if c.type != "comment"]
                stack.extend(zip(items, value, strict=False) if len(items) == len(value) else ())
            elif not (node.type == "string" and _literal(node) is not None):
                at = self._offset(node)
                found += [(at, each) for each in strings_in(value, budget=None)]
        return Written(written.keys, tuple(sorted((*written.strings, *found)))) if found else written

    def _offset(self, node: Node) -> int:
        return self.positions.offset(node.start_point, node.start_byte)

    def _type(self, node: Node) -> str:
        written = _first_named(node, "string")
        value = self._value(written, {}) if written is not None else None
        return value.partition("@")[0].strip() if isinstance(value, str) else ""

    def _span(self, node: Node) -> tuple[int, int]:
        return (
            self.positions.offset(node.start_point, node.start_byte),
            self.positions.offset(node.end_point, node.end_byte),
        )

    def _items(self, body: Node, env: dict[str, object]) -> Iterator[tuple[dict[str, object], Node]]:
        """Each item a resource's body declares, with the loop's variables: one for a plain body or a
        condition that is not stated false (one not known is kept: a deployment may make it), one per
        counted item of a loop whose condition is not stated false."""
        if body.type == "if_statement":
            inner = _first_named(body, "object")
            if inner is not None and not self._left_out(body, env):
                yield env, inner
            return
        if body.type == "object":
            yield env, body
            return
        names, iterable, inner = _loop(body)
        if inner is None:
            return
        condition = inner if inner.type == "if_statement" else None
        if condition is not None:
            inner = _first_named(condition, "object")
            if inner is None:
                return
        items = self._iterated(iterable, env, max(body.end_byte - body.start_byte, 1))
        for index, item in enumerate(items):
            bound = dict(env)
            if names:
                bound[names[0]] = item
            if len(names) > 1:
                bound[names[1]] = index if not isinstance(item, Unknown) else item
            if condition is None or not self._left_out(condition, bound):
                yield bound, inner

    def _left_out(self, statement: Node, env: dict[str, object]) -> bool:
        """Whether an `if (...)` says, on stated values, that the resource is not deployed."""
        test = _first_named(statement, "parenthesized_expression")
        return test is not None and self._value(test, env) is False

    def _iterated(self, iterable: Node | None, env: dict[str, object], size: int) -> list[object]:
        """The items a loop runs over, as far as they are counted; one item not known otherwise."""
        value = self._value(iterable, env) if iterable is not None else Unknown()
        unknown = Unknown(
            "the item of a loop", mark=self.positions.mark(iterable) if iterable is not None else None
        )
        if not isinstance(value, list) or as_count(len(value)) is None or len(value) * size > self.room:
            return [unknown]
        self.room -= len(value) * size
        return value

    # --- values -------------------------------------------------------------------------------------

    def _object(self, node: Node, env: dict[str, object]) -> dict[str, object]:
        out: dict[str, object] = {}
        for prop in node.named_children:
            if prop.type != "object_property" or _first_named(prop, "resource_declaration") is not None:
                continue
            children = [c for c in prop.named_children if c.type not in ("comment", "decorators")]
            if len(children) < 2:
                continue
            key = self._key(children[0])
            if key is not None:
                out[key] = self._value(children[-1], env)
        return out

    def _key(self, node: Node) -> str | None:
        if node.type == "identifier":
            return _node_text(node)
        value = self._value(node, {})
        return value if isinstance(value, str) else None

    def _value(self, node: Node | None, env: dict[str, object]) -> object:
        if node is None:
            return Unknown()
        self.budget -= 1
        if self.budget < 0 or self.depth > _MAX_DEPTH:
            return Unknown(mark=self.positions.mark(node))
        self.depth += 1
        try:
            found = self._evaluate(node, env)
        finally:
            self.depth -= 1
        if isinstance(found, Unknown) and found.mark is None and not found.stand_in:
            return Unknown(found.why, mark=self.positions.mark(node), file=found.file, parts=found.parts)
        return found

    def _evaluate(self, node: Node, env: dict[str, object]) -> object:
        kind = node.type
        evaluate = _EVALUATORS.get(kind)
        if evaluate is not None:
            return evaluate(self, node, env)
        if kind in ("parenthesized_expression", "expression"):
            inner = [c for c in node.named_children if c.type != "comment"]
            return self._value(inner[0], env) if len(inner) == 1 else Unknown()
        return Unknown()

    def _string(self, node: Node, env: dict[str, object]) -> object:
        parts: list[object] = []
        for child in node.named_children:
            piece = _piece(child)
            if piece is not None:
                parts.append(piece)
            elif child.type == "interpolation":
                inner = [c for c in child.named_children if c.type != "comment"]
                value = self._value(inner[0], env) if inner else Unknown()
                if isinstance(value, Unknown) and value.stand_in and len(node.named_children) == 1:
                    return value
                written = value if isinstance(value, Unknown) else as_text(value)
                if written is None:
                    return Unknown()
                parts.append(written)
        if any(isinstance(part, Unknown) for part in parts):
            return partly_known(parts) if len(parts) > 1 else Unknown()
        return bounded("".join(str(part) for part in parts))

    def _identifier(self, node: Node, env: dict[str, object]) -> object:
        name = _node_text(node)
        if name in env:
            return env[name]
        if name in self.params:
            return self._once("param", name, lambda: self._parameter(name))
        if name in self.vars:
            return self._once("var", name, lambda: self._variable(name))
        if name in self.symbols:
            return self._once("resource", name, lambda: self._symbol(name))
        if name in self.modules:
            return self._once("module", name, lambda: self._module_value(name))
        if name in ("true", "false"):
            return name == "true"
        return Unknown()

    def _once(self, kind: str, name: str, work: Callable[[], object]) -> object:
        which = (kind, name)
        if which in self.known:
            return self.known[which]
        if which in self.busy:
            return Unknown()
        self.busy.add(which)
        try:
            found = work()
        finally:
            self.busy.discard(which)
        self.known[which] = found
        return found

    def _parameter(self, name: str) -> object:
        if name in self.given:  # passed by the module's caller
            return self.given[name]
        node = self.params[name]
        named = [c for c in node.named_children if c.type not in ("comment", "decorators")]
        # `param name type = default`: the default is the last of identifier, type, default.
        if len(named) >= 3:
            return self._value(named[-1], {})
        symbol = node.child_by_field_name("name") or _first_named(node, "identifier")
        return parameter_stand_in(name, self.positions.mark(symbol or node))

    def _variable(self, name: str) -> object:
        named = [c for c in self.vars[name].named_children if c.type not in ("comment", "decorators")]
        return self._value(named[-1], {}) if len(named) >= 2 else Unknown()

    def _symbol(self, name: str) -> object:
        node = self.symbols[name]
        rtype = self._type(node)
        body = _body(node)
        if body is not None and body.type == "if_statement":
            body = _first_named(body, "object")
        if body is not None and body.type == "for_statement":
            # A loop's symbol is the array of its items' (`parent: vms[0]`, `vms[i].name`).
            return [
                _Symbol(rtype, self._object(obj, env).get("name", Unknown()))
                for env, obj in self._items(body, {})
            ]
        if body is None or body.type != "object":
            return _Symbol(rtype, Unknown())
        return _Symbol(rtype, self._object(body, {}).get("name", Unknown()))

    def _member(self, node: Node, env: dict[str, object]) -> object:
        named = node.named_children
        if len(named) != 2:
            return Unknown()
        target, prop = self._value(named[0], env), _node_text(named[1])
        if isinstance(target, _Symbol):
            return _symbol_property(target, prop)
        return _get(target, prop) if isinstance(target, dict) else Unknown()

    def _subscript(self, node: Node, env: dict[str, object]) -> object:
        named = node.named_children
        if len(named) != 2:
            return Unknown()
        target, index = self._value(named[0], env), self._value(named[1], env)
        if isinstance(target, list) and isinstance(index, int) and not isinstance(index, bool):
            return target[index] if 0 <= index < len(target) else Unknown()
        if isinstance(target, dict) and isinstance(index, str):
            return _get(target, index)
        return Unknown()

    def _array(self, node: Node, env: dict[str, object]) -> object:
        return [self._value(c, env) for c in node.named_children if c.type not in ("comment", "decorators")]

    def _for(self, node: Node, env: dict[str, object]) -> object:
        """A loop that makes an array (a variable's, a property's): its items, as far as counted."""
        names, iterable, inner = _loop(node)
        if inner is None or inner.type == "if_statement":
            return Unknown()
        items = self._iterated(iterable, env, max(inner.end_byte - inner.start_byte, 1))
        if any(isinstance(item, Unknown) for item in items):
            return Unknown()
        out = []
        for index, item in enumerate(items):
            bound = {
                **env,
                **({names[0]: item} if names else {}),
                **({names[1]: index} if len(names) > 1 else {}),
            }
            out.append(self._value(inner, bound))
        return out

    def _ternary(self, node: Node, env: dict[str, object]) -> object:
        named = [c for c in node.named_children if c.type != "comment"]
        if len(named) != 3:
            return Unknown()
        condition = self._value(named[0], env)
        if isinstance(condition, bool):
            return self._value(named[1] if condition else named[2], env)
        return Unknown()

    def _binary(self, node: Node, env: dict[str, object]) -> object:
        """`a == b`, `!=`, `=~`, `!~`, `<`, `>`, `<=`, `>=`, `&&`, `||`, `??` on stated values; `&&`, `||` and `??`
        work out their right side only when the left does not decide, as Bicep does."""
        named = [c for c in node.named_children if c.type != "comment"]
        operator = next((c.type for c in node.children if not c.is_named), "")
        if len(named) != 2:
            return Unknown()
        left = self._value(named[0], env)
        if operator in ("&&", "||"):
            decides = operator == "||"
            if left is decides:
                return decides
            right = self._value(named[1], env)
            if right is decides:
                return decides
            return right if isinstance(left, bool) and isinstance(right, bool) else Unknown()
        if operator == "??":
            if isinstance(left, Unknown):
                return Unknown()
            return left if left is not None else self._value(named[1], env)
        right = self._value(named[1], env)
        if operator in ("==", "!="):
            same = equal(left, right)
            return same if not isinstance(same, bool) or operator == "==" else not same
        if operator in ("=~", "!~"):  # without case: told on two stated strings only
            if not (isinstance(left, str) and isinstance(right, str)):
                return Unknown()
            return (left.casefold() == right.casefold()) is (operator == "=~")
        compared = _COMPARISONS.get(operator)
        return compared([left, right]) if compared is not None else Unknown()

    def _unary(self, node: Node, env: dict[str, object]) -> object:
        """`!c` on a stated boolean, `-n` on a stated number."""
        named = [c for c in node.named_children if c.type != "comment"]
        operator = next((c.type for c in node.children if not c.is_named), "")
        value = self._value(named[0], env) if len(named) == 1 else Unknown()
        if operator == "!" and isinstance(value, bool):
            return not value
        if operator == "-" and isinstance(value, int) and not isinstance(value, bool):
            return -value
        return Unknown()

    def _call(self, node: Node, env: dict[str, object]) -> object:
        named = [c for c in node.named_children if c.type != "comment"]
        if not named:
            return Unknown()
        function = _node_text(named[0]).rpartition(".")[2].casefold()
        arguments = next((c for c in named if c.type == "arguments"), None)
        args = (
            [self._value(c, env) for c in arguments.named_children if c.type != "comment"]
            if arguments
            else []
        )
        if function in _DEPLOYMENT_SCOPES:
            return self._deployment_scope(function, args)
        if function == "readenvironmentvariable":  # a `.bicepparam` file's: the default it gives
            return _environment_variable(args)
        if function == "loadtextcontent":
            # Once a file and encoding: a loop's items load the same file, read once.
            which = tuple(a if isinstance(a, str) else None for a in args)
            if which not in self.loaded:
                self.loaded[which] = _loaded_text(args)
            return self.loaded[which]
        call = _FUNCTIONS.get(function) or SHARED.get(function)
        found = call(args) if call is not None else Unknown()
        if isinstance(found, (list, dict)):  # what it built is gone through: spent as evaluation is
            self.budget -= weight(found)
        return found

    def _own_scope(self) -> object:
        """The scope the file is deployed to, as `resourceGroup()` or `subscription()` gives it; not known for
        a management group's or the tenant's."""
        if self.target == "resourcegroup":
            return self._deployment_scope("resourcegroup", [])
        return self._deployment_scope("subscription", []) if self.target == "subscription" else Unknown()

    def _deployment_scope(self, function: str, args: list) -> object:
        """`resourceGroup()`, `subscription()`: the scope the file is deployed to, which it does not state
        (`template_values.deployment_group`); `resourceGroup('shop-rg')` a group of its subscription by
        name; a group of another subscription, or a subscription by its id, is not known."""
        if function == "subscription":
            return deployment_subscription(self.deployed_as) if not args else Unknown()
        if len(args) > 1:
            return Unknown()
        return deployment_group(self.deployed_as, args[0] if args else self.group)


_GROUP = "microsoft.resources/resourcegroups"
# The functions that give the scope a Bicep file is deployed to.
_DEPLOYMENT_SCOPES = frozenset({"resourcegroup", "subscription"})


def _environment_variable(args: list) -> object:
    """`readEnvironmentVariable('NAME', 'default')`: the default, which is the value wherever the variable is
    not set; without one, the variable's value, which no file states."""
    if len(args) > 1:
        return args[1]
    name = args[0] if args and isinstance(args[0], str) else "?"
    return Unknown(f"the value of environment variable '{name}'")


def _loaded_text(args: list) -> object:
    """`loadTextContent(path[, encoding])`: the text of the file at `path` from the Bicep file's folder,
    when it is a file the run checks (see `beside.settings_file`), read as UTF-8 unless another encoding
    Bicep knows is given; else a value not known that names the file. Bicep refuses a path out of the
    repository's reach at build time all the same (an absolute one, a URL)."""
    from migcheck.readers import beside

    if not args or not isinstance(args[0], str) or not args[0].strip():
        return Unknown()
    path = args[0].strip()
    encoding = _LOAD_ENCODINGS.get(args[1].casefold()) if len(args) > 1 and isinstance(args[1], str) else None
    found = beside.settings_file(path) if beside.finding() and (len(args) == 1 or encoding) else None
    if found is None:
        return Unknown(file=path)
    text = found.data.decode(encoding or "utf-8-sig", errors="replace")
    loaded = bounded(text)
    return LoadedText(loaded, path) if isinstance(loaded, str) else Unknown(file=path)


# The encodings `loadTextContent` accepts, by the name Bicep gives each (as Python names them).
_LOAD_ENCODINGS = {
    "utf-8": "utf-8-sig",
    "utf-16": "utf-16",
    "utf-16be": "utf-16-be",
    "us-ascii": "ascii",
    "iso-8859-1": "latin-1",
}


def _concat(args: list) -> object:
    if any(isinstance(a, Unknown) for a in args):
        if len(args) > 1 and all(isinstance(a, Unknown) or as_text(a) is not None for a in args):
            return partly_known([a if isinstance(a, Unknown) else as_text(a) for a in args])
        return Unknown()
    if args and all(isinstance(a, list) for a in args):
        return [item for a in args for item in a]
    parts = [as_text(a) for a in args]
    return bounded("".join(p for p in parts if p is not None)) if None not in parts else Unknown()


def _format(args: list) -> object:
    if not args or not isinstance(args[0], str):
        return Unknown()
    return composite(args[0], args[1:])


def _range(args: list) -> object:
    if len(args) != 2 or not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        return Unknown()
    start, count = args
    return list(range(start, start + count)) if 0 <= count <= MAX_COPIES else Unknown()


def _case(change: Callable[[str], str]) -> Callable[[list], object]:
    return lambda args: change(args[0]) if len(args) == 1 and isinstance(args[0], str) else Unknown()


def _string_of(args: list) -> object:
    text = as_text(args[0]) if len(args) == 1 else None
    return text if text is not None else Unknown()


_FUNCTIONS: dict[str, Callable[[list], object]] = {
    "concat": _concat,
    "format": _format,
    "range": _range,
    "resourceid": resource_id,
    "subscriptionresourceid": subscription_resource_id,
    "tenantresourceid": tenant_resource_id,
    "extensionresourceid": extension_resource_id,
    "tolower": _case(str.lower),
    "toupper": _case(str.upper),
    "trim": _case(str.strip),
    "string": _string_of,
}
_EVALUATORS: dict[str, Callable[[_File, Node, dict[str, object]], object]] = {
    "string": _File._string,
    "number": lambda file, node, env: int(_node_text(node)) if _node_text(node).isdecimal() else Unknown(),
    "boolean": lambda file, node, env: _node_text(node) == "true",
    "null": lambda file, node, env: None,
    "object": lambda file, node, env: file._object(node, env),
    "array": _File._array,
    "identifier": _File._identifier,
    "member_expression": _File._member,
    "subscript_expression": _File._subscript,
    "call_expression": _File._call,
    "for_statement": _File._for,
    "ternary_expression": _File._ternary,
    "binary_expression": _File._binary,
    "unary_expression": _File._unary,
}
_COMPARISONS = {
    "<": LOGIC["less"],
    "<=": LOGIC["lessorequals"],
    ">": LOGIC["greater"],
    ">=": LOGIC["greaterorequals"],
}


def _symbol_property(symbol: _Symbol, prop: str) -> object:
    """`vnet.name`, `vnet.id`, `vnet.type` of a resource a value names by its symbol."""
    folded = prop.casefold()
    if folded == "name":
        return symbol.name
    if folded == "type":
        return symbol.type
    if folded == "id" and isinstance(symbol.name, str) and "/" in symbol.type:
        namespace, _, kinds = symbol.type.partition("/")
        names = symbol.name.split("/")
        parts = kinds.split("/")
        if len(parts) == len(names):
            return "/providers/" + namespace + "".join(f"/{k}/{n}" for k, n in zip(parts, names, strict=True))
    if folded == "id" and isinstance(symbol.name, Unknown) and symbol.name.stand_in:
        return f"/providers/{symbol.type}/{symbol.name.stand_in}"
    return Unknown()


def _under(parent: _Symbol, rtype: str, name: object) -> tuple[str, object]:
    """A child resource's full type and name, after its parent's where it writes only its own part."""
    if "/" not in rtype:
        rtype = f"{parent.type}/{rtype}"
    parent_name = parent.name
    if isinstance(parent_name, Unknown) and parent_name.stand_in:  # a parameter given no value
        parent_name = parent_name.stand_in
    if isinstance(name, str) and "/" not in name:
        name = f"{parent_name}/{name}" if isinstance(parent_name, str) else Unknown()
    return rtype, name


def _plain(value: object) -> object:
    """A value as a row holds it: a resource its symbol names, by its id."""
    if isinstance(value, _Symbol):
        return _symbol_property(value, "id")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _get(obj: object, wanted: str) -> object:
    if not isinstance(obj, dict):
        return None
    folded = wanted.casefold()
    return next((v for k, v in obj.items() if k.casefold() == folded), None)


def _is_existing(node: Node) -> bool:
    return any(child.type == "existing" for child in node.children)


def _body(node: Node) -> Node | None:
    """A resource declaration's body: its object, condition or loop."""
    return next(
        (c for c in node.named_children if c.type in ("object", "if_statement", "for_statement")), None
    )


def _loop(node: Node) -> tuple[list[str], Node | None, Node | None]:
    """A `for_statement`'s variable names (item, then index), what it runs over, and its body."""
    named = [c for c in node.named_children if c.type != "comment"]
    names: list[str] = []
    if named and named[0].type == "for_loop_parameters":
        names = [
            _node_text(c) for c in named[0].named_children if c.type in ("loop_variable", "loop_enumerator")
        ]
    elif named and named[0].type == "identifier":
        names = [_node_text(named[0])]
    if len(named) < 3:
        return names, None, None
    return names, named[1], named[-1]


def _nested_declarations(body: Node) -> Iterator[Node]:
    for prop in body.named_children:
        if prop.type == "object_property":
            nested = _first_named(prop, "resource_declaration")
            if nested is not None:
                yield nested


def _first_named(node: Node, kind: str) -> Node | None:
    return next((c for c in node.named_children if c.type == kind), None)


def _literal(node: Node) -> str | None:
    """A string's value when it is written whole (no interpolation); None otherwise."""
    pieces = [_piece(child) for child in node.named_children]
    return None if None in pieces else "".join(p for p in pieces if p is not None)


def _piece(child: Node) -> str | None:
    """What a part of a string writes: its text or the character an escape stands for; None for an
    interpolation."""
    if child.type == "string_content":
        return _node_text(child)
    if child.type == "escape_sequence":
        return _unescaped(_node_text(child))
    return None


def _node_text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


# Bicep's escapes in a string: `\'`, `\\`, `\n`, `\r`, `\t`, `\$`, `\u{...}`.
_ESCAPES = {"\\'": "'", "\\\\": "\\", "\\n": "\n", "\\r": "\r", "\\t": "\t", "\\$": "$"}


def _unescaped(written: str) -> str:
    if written in _ESCAPES:
        return _ESCAPES[written]
    if written.startswith("\\u{") and written.endswith("}"):
        try:
            return chr(int(written[3:-1], 16))
        except (ValueError, OverflowError):
            return ""
    return written


__all__ = ["read", "sniff", "sniff_file"]
