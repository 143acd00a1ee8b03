"""The read stage: one file's bytes become a `Document` of typed resources.

A file's kind comes from its extension and its root element. Readers are the only code that knows XML
element names, and they never decide whether something is a problem: a file that cannot be read, or is
not what its extension says, carries a `FileProblem` for the rules to report."""

from __future__ import annotations

import functools
import importlib
import posixpath
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace

from lxml import etree

from migcheck.formats import FORMATS, KINDS_READ, STDIN_SHOWN, Format, byte_format
from migcheck.model import Document, FileKind, FileProblem, Mark
from migcheck.readers import beside
from migcheck.readers.encoding import (
    bom_length,
    unmarked_utf16,
    unmarked_utf16_problem,
    wrong_byte_order_mark,
)
from migcheck.readers.grammars import ParseTooSlow
from migcheck.readers.suppressions import read_suppressions
from migcheck.readers.xml import (
    SNIFF_BYTES,
    Element,
    Marker,
    Unreadable,
    child_elements,
    decode,
    encoding_of,
    encodings,
    local_name,
    parse_as,
    parse_leniently,
    sniff_root,
    within_line,
)
from migcheck.suppress import xml_directive_opener
from migcheck.texts import EVERY_ENDING

__all__ = ["MAX_FILE_BYTES", "beside", "kind_by_extension", "kinds_producing", "read_as", "read_document"]

# The largest file migcheck reads. Real classic files are kilobytes (the largest REST list bodies a few
# MB); past this, time and memory grow with the file (about 6 s and 500 MB per 16 MB of dense XML), so a
# larger file gets a clear finding instead of a slow, memory-hungry run. Callers read at most one byte
# more than this, so a 100 GB file or /dev/zero costs no more than this limit.
MAX_FILE_BYTES = 16 * 1024 * 1024

WINDOWS_AZURE_NS = "http://schemas.microsoft.com/windowsazure"
# The Service Management API writes `http://`; the REST reference pages on learn.microsoft.com now print the
# namespace as `https://` in every body, and bodies copied from them must read the same.
_WINDOWS_AZURE_NAMESPACES = frozenset({WINDOWS_AZURE_NS, "https://schemas.microsoft.com/windowsazure"})
STDIN_PATH = STDIN_SHOWN  # standard input without a file name: taken to be XML
# Said of standard input that is no XML: without a file name nothing tells a script or an export from XML.
_NAME_THE_STDIN = (
    "Standard input is read as XML unless --stdin-filename names the file it holds: to check a script or an "
    "export, name it (`--stdin-filename deploy.ps1`, `vms.json`)."
)

BY_EXTENSION = {
    ".csdef": FileKind.SERVICE_DEFINITION,
    ".cscfg": FileKind.SERVICE_CONFIGURATION,
    ".netcfg": FileKind.NETWORK_CONFIGURATION,
}
BY_ROOT = {
    "ServiceDefinition": FileKind.SERVICE_DEFINITION,
    "ServiceConfiguration": FileKind.SERVICE_CONFIGURATION,
    "NetworkConfiguration": FileKind.NETWORK_CONFIGURATION,
}
_XML_MODULES = {f.kind: f.module for f in FORMATS if f.xml}


@functools.cache
def xml_reader(kind: FileKind) -> Callable[[Element, Marker], tuple[object, ...]]:
    """The `read` of the XML reader of `kind`, its module imported when the first file of its kind is read:
    a check of one script or one .cscfg imports no other XML format's reader."""
    return importlib.import_module(_XML_MODULES[kind]).read


@functools.cache
def _produces() -> dict[FileKind, frozenset[type]]:
    """What each kind's readers produce (inventory exports and declarations are one kind, read by two), from
    `migcheck.produced`'s tables: no reader module is imported to say it."""
    from migcheck.produced import PRODUCES

    produced: dict[FileKind, frozenset[type]] = {}
    for f in FORMATS:
        produced[f.kind] = produced.get(f.kind, frozenset()) | PRODUCES[f.module]
    return produced


@functools.cache
def _carried() -> dict[FileKind, frozenset[type]]:
    """What each kind's readers produce, with the records of the model theirs carry inside them (a
    reader's `CARRIES`: an inventory export's classic VMs hold roles)."""
    from migcheck.produced import CARRIES

    carried = dict(_produces())
    for f in FORMATS:
        carried[f.kind] = carried[f.kind] | CARRIES.get(f.module, frozenset())
    return carried


def kinds_describing(types: Iterable[type]) -> frozenset[FileKind]:
    """The kinds of file that can describe any of `types`, at the top or inside another record: which
    kinds of file a rule about them checks."""
    wanted = frozenset(types)
    return frozenset(kind for kind, described in _carried().items() if described & wanted)


def kinds_producing(types: Iterable[type]) -> frozenset[FileKind]:
    """The kinds of file whose reader produces any of `types` (a `Document` comes from every reader)."""
    wanted = frozenset(types)
    return frozenset(kind for kind, produced in _produces().items() if produced & wanted)


def kind_of_root(local: str, namespace: str) -> FileKind | None:
    """The kind of file a root element makes, matched by local name; None for anything else (a
    Service Management body written without its namespace is told by its shape too: `_kind_of`)."""
    if local in BY_ROOT:
        return BY_ROOT[local]
    if local == "PersistentVM" and not namespace:
        return FileKind.VM_EXPORT
    return FileKind.REST if namespace in _WINDOWS_AZURE_NAMESPACES else None


# Service Management bodies as some tools save them, without the namespace (MigAz's test documents are GET
# responses so written). Other tools have roots of these names too (any build tool has a <Deployment>), so
# the name is not enough: such a body is taken only with the children only a Service Management body has,
# (every one of the first set, and one at least of the second).
_BARE_REST_SHAPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "Deployment": (frozenset(), frozenset({"RoleList", "RoleInstanceList", "DeploymentSlot"})),
    "HostedService": (frozenset(), frozenset({"HostedServiceProperties", "Deployments"})),
    "PersistentVMRole": (frozenset({"RoleName"}), frozenset({"ConfigurationSets", "OSVirtualHardDisk"})),
    "Role": (frozenset({"RoleName"}), frozenset({"ConfigurationSets", "OSVirtualHardDisk"})),
    "VirtualNetworkSite": (frozenset({"Name"}), frozenset({"AddressSpace", "Subnets"})),
}
# List bodies: one item at least must have its shape.
_BARE_REST_LISTS = {"HostedServices": "HostedService", "VirtualNetworkSites": "VirtualNetworkSite"}


def _may_be_bare_rest(local: str, namespace: str) -> bool:
    """Whether a root may be a Service Management body written without its namespace: parsing tells."""
    return not namespace and (local in _BARE_REST_SHAPES or local in _BARE_REST_LISTS)


def _kind_of(root: Element, local: str) -> FileKind | None:
    """The kind of file a parsed root, whose local name is `local`, makes: by its name (`kind_of_root`),
    or, for a root with no namespace, by its name and shape as a Service Management body."""
    if local in BY_ROOT:  # most files: the name alone tells, whatever the namespace (no QName made)
        return BY_ROOT[local]
    namespace = etree.QName(root).namespace or ""
    kind = kind_of_root(local, namespace)
    if kind is None and _may_be_bare_rest(local, namespace) and _has_rest_shape(root, local):
        return FileKind.REST
    return kind


_SHAPE_BYTES = 256 * 1024


def _bare_rest_unreadable(data: bytes, text: str, encoding: str) -> FileKind | None:
    """REST for a body without its namespace that is not well-formed (an `i:type` whose prefix is not
    declared, as tools that cut a body out of a response leave it) when what libxml2 recovers of it has a
    Service Management body's shape: its syntax error is then reported, where a walk would have passed
    over it in silence with the blockers it holds. Only the file's head is recovered (`_SHAPE_BYTES`):
    a shape is told by the root's first children, and a tree recovered from a whole large file would cost
    many times its size in memory for that."""
    root = parse_leniently(data[:_SHAPE_BYTES], text, encoding)
    if root is None or etree.QName(root).namespace:
        return None
    local = sys.intern(local_name(root))
    return FileKind.REST if _may_be_bare_rest(local, "") and _has_rest_shape(root, local) else None


def _has_rest_shape(el: Element, local: str) -> bool:
    item = _BARE_REST_LISTS.get(local)
    if item is not None:
        return any(_has_rest_shape(found, item) for found in el.iterchildren(item))
    required, characteristic = _BARE_REST_SHAPES[local]
    names = {local_name(c) for c in child_elements(el)}
    return required <= names and not names.isdisjoint(characteristic)


# Service Management responses that are never a resource: an `<Error>` (Code, Message) says why a call
# failed. A copy cut short says nothing either, so it gets no syntax finding.
_NOT_RESOURCES = frozenset({"Error"})


# An XML document transform (XDT) of a classic file (`ServiceDefinition.csdef.xdt.xml`, a build step's
# `ServiceConfiguration.Release.cscfg`): the edits a build applies to the real file, written in its elements
# (`<x:WebRole>` with `xdt:Transform="InsertIfMissing"`). It describes no resource of its own: read as one, it
# made a cloud service named after its folder with a role of no name. One that replaces the whole document
# (`xdt:Transform="Replace"` on its root) is the file the build writes, and is read as that file.
XDT_NS = "http://schemas.microsoft.com/XML-Document-Transform"
_XDT_TRANSFORM = f"{{{XDT_NS}}}Transform"


def _is_transform(root: Element) -> bool:
    return XDT_NS in root.nsmap.values() and root.get(_XDT_TRANSFORM, "").strip() != "Replace"


def is_transform(document: Document) -> bool:
    """Whether `read_document` read the file as an XML document transform: the only document of a classic
    root element that has neither a kind nor a problem."""
    return document.kind is None and document.problem is None and document.root in BY_ROOT


def transformed_file(document: Document) -> str:
    """The name of the file a transform's build edits, by the convention of its name:
    `ServiceConfiguration.Release.cscfg` and `ServiceDefinition.csdef.xdt.xml` edit
    `ServiceConfiguration.cscfg` and `ServiceDefinition.csdef`."""
    name = posixpath.basename(document.path)
    extension = _EXTENSIONS[BY_ROOT[document.root]]
    return f"{name.split('.', 1)[0] or document.root}{extension}"


_EXTENSIONS = {
    FileKind.SERVICE_DEFINITION: ".csdef",
    FileKind.SERVICE_CONFIGURATION: ".cscfg",
    FileKind.NETWORK_CONFIGURATION: ".netcfg",
}


def _not_a_resource(sniffed: tuple[str, str] | None) -> bool:
    return sniffed is not None and sniffed[0] in _NOT_RESOURCES and sniffed[1] in _WINDOWS_AZURE_NAMESPACES


def read_document(path: str, data: bytes, *, explicit: bool) -> Document | None:
    """Read one file. `path` is the display path used in every mark.

    Returns None for a file met under a folder (not `explicit`) that is not a classic file, decided by
    its extension or, for other files, by sniffing the root element before any parsing. Never raises.
    A script's document names the settings files whose values it took (`Document.settings_files`)."""
    return read_as(path, data, kind_by_extension(path), explicit=explicit)


def read_as(path: str, data: bytes, expected: FileKind | None, *, explicit: bool) -> Document | None:
    """`read_document` of a file whose kind by its extension (`kind_by_extension(path)`) the caller has
    asked already, to know whether it is read alone: not asked again, as this runs for every file."""
    if expected is not None:  # only an XML reader reads it, and it loads no settings file
        document = _read_document(path, data, expected, explicit=explicit)
    else:
        with beside.recording() as loaded:
            document = _read_document(path, data, expected, explicit=explicit)
        if document is not None and loaded:
            document = _with_unread_settings_file(_with_settings_files(document, loaded), loaded)
    if document is None:
        return None
    return _on_its_line(document) if document.problem else document


def _with_settings_files(document: Document, loaded: list[beside.Loaded]) -> Document:
    files = tuple(
        dict.fromkeys(
            each.path for each in loaded if each.path and not each.unmarked and each.path != document.path
        )
    )
    return replace(document, settings_files=files) if files else document


def _with_unread_settings_file(document: Document, loaded: list[beside.Loaded]) -> Document:
    """The document with a MIG001 problem at the line that loads the first settings file saved as UTF-16
    without a byte order mark that no check of the run says it of (`Loaded.unmarked`): the file is not
    read, and the program that runs the script reads it as UTF-8, a NUL beside each letter."""
    if document.problem is not None:
        return document
    for each in loaded:
        at = _loaded_at(document, each) if each.unmarked else None
        if at is not None:
            fmt = byte_format(document.path)
            said = unmarked_utf16_problem(
                each.path, each.unmarked, fmt.run_by if fmt and fmt.run_by else "the program that runs it"
            )
            message = f"it loads '{each.path}', which {said.message.removeprefix('the file ')}"
            problem = FileProblem("syntax", message, Mark(document.path, at[0], column=at[1]), said.fix)
            return replace(document, problem=problem)
    return document


def _loaded_at(document: Document, loaded: beside.Loaded) -> tuple[int, int] | None:
    """The line and column where the document loads the settings file `loaded`: where its reader stated
    the load (`Loaded.at`), else where its text names the file (`_where_loading`); None where another file
    of the read loads it, which says so in its own read."""
    if loaded.at == beside.ELSEWHERE:
        return None
    if loaded.at:
        line, column = loaded.at.split(":")
        return int(line), int(column)
    return _where_loading(document, loaded.path)


def _where_loading(document: Document, loaded: str) -> tuple[int, int] | None:
    """The line and column where the document's text first names the file `loaded` (display paths) by its path from
    the document's folder, or the folder it is in by that path (a Terraform module's), with `/` or `\\`;
    None where none does: a file read beside it, not one it loads. A string looked for, not code parsed:
    for the readers that give no place for a load (`beside.settings_file`'s `at`)."""
    relative = posixpath.relpath(loaded, posixpath.dirname(document.path) or ".")
    folder = posixpath.dirname(relative)
    for stated in (relative, folder):
        for written in dict.fromkeys((stated, stated.replace("/", "\\"))) if stated else ():
            at = document.text.find(written)
            if at >= 0:
                return document.text.count("\n", 0, at) + 1, at - document.text.rfind("\n", 0, at)
    return None


def _read_document(path: str, data: bytes, expected: FileKind | None, *, explicit: bool) -> Document | None:
    # A .csdef, .cscfg or .netcfg is no other format's: the formats read whole are looked up for the rest.
    byte_reader = byte_format(path, data) if expected is None else None
    if byte_reader is not None:
        return _read_bytes(byte_reader, path, data, explicit=explicit)
    try:
        sniffed = None if expected else _sniff(data)
        claimed = expected or (kind_of_root(*sniffed) if sniffed else None)
        # Only parsing tells whether it is one: a walk skips it unless it is.
        unsure = claimed is None and sniffed is not None and _may_be_bare_rest(*sniffed)
        if not explicit and claimed is None and not unsure:
            return None
        if expected is None and sniffed is None and not (path == STDIN_PATH or path.lower().endswith(".xml")):
            return _not_classic(path)
        if len(data) > MAX_FILE_BYTES:
            return None if unsure and not explicit else _too_large(path, data, expected, sniffed)
        return _read(path, data, expected, sniffed, explicit=explicit)
    except Exception as exc:  # the boundary: whatever the bytes, the run goes on
        return Document(path, expected, "", problem=_failed(path, exc))


def kind_by_extension(path: str) -> FileKind | None:
    """The kind a file of this path is by its extension (.csdef, .cscfg, .netcfg), whatever it holds, else
    None. A file of such a kind is read with no settings file beside it: its XML reader reads it, and only
    the script readers load settings files, so a caller spares the recording of what its read loads, two
    context managers a file (about 2% of reading the estate).

    What `BY_EXTENSION` gives `posixpath.splitext(path)`'s extension, without splitting the path (which
    costs more than the rest of the look-up, for every file): the text from the last dot is an extension
    unless it holds a slash or every character of the name before it is a dot (`.cscfg`)."""
    dot = path.rfind(".")
    expected = BY_EXTENSION.get(path[dot:].lower()) if dot > 0 else None
    if expected is not None and not path[path.rfind("/") + 1 : dot].strip("."):
        return None  # a name that is all leading dots has no extension
    return expected


def _on_its_line(document: Document) -> Document:
    r"""The document with its problem's column moved back onto the last character of its line when it is
    past it: a parser that reaches the end of a line or of the file (a tag, string or value cut short)
    gives the column after it, which editors and SARIF viewers show on the next line or not at all. Done
    here, while every reader's document still holds its text. Lines are counted as the reader counts them
    (`EVERY_ENDING`: at every line ending, or at `\n`)."""
    problem, text = document.problem, document.text
    if problem is None or problem.mark.column <= 1 or not text:
        return document
    if document.kind in EVERY_ENDING and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    column = within_line(text, problem.mark.line, problem.mark.column)
    if column == problem.mark.column:
        return document
    return replace(document, problem=replace(problem, mark=replace(problem.mark, column=column)))


def _read_bytes(fmt: Format, path: str, data: bytes, *, explicit: bool) -> Document | None:
    """A file of a non-XML format: its reader sniffs it (a walk skips what is not for us) and reads it."""
    try:
        module = importlib.import_module(fmt.module)
        # A module may tell its files by their path as well (`ansible.sniff_file`: a CI pipeline's YAML).
        sniff_file = getattr(module, "sniff_file", None)
        sniffed = sniff_file(path, data) if sniff_file is not None else module.sniff(data)
        wrong_mark = wrong_byte_order_mark(path, data)
        unmarked = unmarked_utf16(data) if fmt.run_by is not None and wrong_mark is None else None
        if not explicit and not sniffed:
            # A file a wrong mark hides (its text decoded as the mark says is CJK characters), or UTF-16
            # saved without a mark (a NUL between the letters the sniff looks for): sniffed as its text.
            past = _as_its_text(data, unmarked) if wrong_mark is not None or unmarked else b""
            if not past or not (sniff_file(path, past) if sniff_file is not None else module.sniff(past)):
                return None
        if wrong_mark is not None:
            return Document(path, fmt.kind, "", problem=wrong_mark, text=_after_the_mark(data))
        if unmarked is not None and fmt.run_by is not None:
            problem = unmarked_utf16_problem(path, unmarked, fmt.run_by)
            return Document(path, fmt.kind, "", problem=problem, text=data.decode(unmarked, "replace"))
        limit = fmt.max_bytes or MAX_FILE_BYTES
        if len(data) > limit:
            # A module that reads files of several kinds names which this one is (`ansible.too_large`).
            named = getattr(module, "too_large", None)
            called = named(path, data) if named else fmt.called
            return _too_large(path, data, fmt.kind, None, limit, called)
        return module.read(path, data)
    except Exception as exc:  # the boundary: whatever the bytes, the run goes on
        return Document(path, fmt.kind, "", problem=_failed(path, exc))


def says_its_encoding(path: str, data: bytes) -> bool:
    """Whether the run's own read of the file it checks at `path` says it is saved as UTF-16 without a byte
    order mark (`_read_bytes`): one of a format programs run whose text, decoded, its reader sniffs as its
    own. Of any other (a JSON template, a settings file that holds nothing classic), a script that loads
    it says so (`_with_unread_settings_file`)."""
    fmt = byte_format(path, data)
    codec = unmarked_utf16(data)
    if fmt is None or fmt.run_by is None or codec is None:
        return False
    module = importlib.import_module(fmt.module)
    sniff_file = getattr(module, "sniff_file", None)
    text = _as_its_text(data, codec)
    return bool(sniff_file(path, text) if sniff_file is not None else module.sniff(text))


def _as_its_text(data: bytes, unmarked: str | None) -> bytes:
    """A file's bytes as the UTF-8 its sniff looks into: past a wrong byte order mark, or decoded from the
    UTF-16 it was saved as without one (`unmarked`)."""
    if unmarked is not None:
        return data.decode(unmarked, "replace").encode("utf-8")
    return data[bom_length(data) :]


def _after_the_mark(data: bytes) -> str:
    """What a report shows of a file whose byte order mark is wrong: its bytes past the mark as UTF-8 (a
    mark before UTF-16 text shows it with its NULs, which the report escapes)."""
    text = data.decode("utf-8", errors="replace")
    return text.lstrip("\ufeff\ufffd")


def _failed(path: str, exc: Exception) -> FileProblem:
    """A reader that failed on a file: said as such, with what to do, never as a fault of the file; or a
    parse of a part of it that ran past its bound (`grammars.ParseTooSlow`), which is the file's."""
    if isinstance(exc, ParseTooSlow):
        return _too_slow_to_parse(path)
    message = f"migcheck failed to read this file ({type(exc).__name__}: {exc}); nothing in it was checked"
    fix = (
        "This is a fault in migcheck, not in the file: report it with the file attached, and exclude the "
        "file in [tool.migcheck] exclude until it is fixed."
    )
    return FileProblem("syntax", message, Mark(path, 1, column=1), fix)


def _too_slow_to_parse(path: str) -> FileProblem:
    """MIG001 of a file a part of which (a command line a script, step or task runs in bash) the grammar
    takes longer to parse than text of its size may, where no reader said it of that part first."""
    return FileProblem(
        "syntax",
        "a part of this file takes longer to parse than text of its size may (a construct repeated thousands"
        " of times, such as `@(...)` patterns, `case` arms or `|` stages?), so nothing in it was checked",
        Mark(path, 1, column=1),
        "Split the file, or write the repeated construct as a loop over a list, so that migcheck reads it.",
    )


def _sniff(data: bytes) -> tuple[str, str] | None:
    encoding = encoding_of(data)
    found = sniff_root(decode(data[:SNIFF_BYTES], encoding))
    if found is None and SNIFF_BYTES < len(data) <= MAX_FILE_BYTES:  # a long prolog: look at it all
        found = sniff_root(decode(data, encoding))
    return found


def _too_large(
    path: str,
    data: bytes,
    expected: FileKind | None,
    sniffed: tuple[str, str] | None,
    max_bytes: int | None = None,
    named: tuple[str, str] | None = None,
) -> Document:
    """A file past the size limit: named, with its kind when the extension or the first bytes say it, or
    as `named` says, with what of it is not read."""
    if max_bytes is None:  # the limit for every file, read when used (tests lower it)
        max_bytes = MAX_FILE_BYTES
        sniffed = sniffed or sniff_root(decode(data[:SNIFF_BYTES]))
    limit = _size(max_bytes)
    what = _SMALLER_LIMIT.get(expected, "classic files") if expected else "classic files"
    lost = ""
    if named is not None:
        what, lost = named[0], f": {named[1]}"
    message = f"file is larger than {limit}; migcheck reads {what} up to {limit}{lost}"
    kind = expected or (kind_of_root(*sniffed) if sniffed else None)
    fix = "Check that this is the file you meant to keep; if so, exclude it in [tool.migcheck] exclude."
    if what == "CI pipelines":
        fix = (
            "Split the pipeline into files of its own (GitLab CI's `include:`, Azure Pipelines' `template:`) "
            "so that each is read, or exclude it in [tool.migcheck] exclude."
        )
    problem = FileProblem("syntax", message, Mark(path, 1, column=1), fix)
    return Document(path, kind, sniffed[0] if sniffed else "", problem=problem)


_SMALLER_LIMIT = {
    FileKind.PYTHON: "Python scripts",
    FileKind.POWERSHELL: "PowerShell scripts",
    FileKind.SHELL: "shell scripts",
}


def _not_classic(path: str) -> Document:
    """A file named on the command line that is neither a format migcheck reads by its extension nor XML at
    all (a batch file, a text file): it is not what migcheck reads, rather than broken XML. It may well hold
    classic commands (the classic CLI's `azure vm create` in a .cmd file): it is not called "not classic"."""
    extension = posixpath.splitext(path)[1]
    what = f"a {extension} file" if extension else "a file"
    message = f"not a file migcheck reads: {what} that does not hold XML"
    fix = (
        f"migcheck reads {KINDS_READ}: name those or their folders. Other scripts (the classic CLI in a .cmd "
        "file) are not read."
    )
    return Document(path, None, "", problem=FileProblem("root", message, Mark(path, 1, column=1), fix))


def _size(count: int) -> str:
    if count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MB"
    return f"{count // 1024} KB" if count % 1024 == 0 else f"{count:,} bytes"


def _starts_as_xml(text: str) -> bool:
    """Whether a text begins as XML does: `<` and a name, a declaration, a comment or a doctype."""
    start = text.lstrip("\ufeff \t\r\n")[:2]
    return len(start) == 2 and start[0] == "<" and (start[1].isalpha() or start[1] in "_?!")


def _read(
    path: str, data: bytes, expected: FileKind | None, sniffed: tuple[str, str] | None, *, explicit: bool
) -> Document | None:
    wrong_mark = wrong_byte_order_mark(path, data)
    if wrong_mark is not None:
        return Document(path, expected, "", problem=wrong_mark, text=_after_the_mark(data))
    encoding, read_as = encodings(data)
    text = decode(data, encoding)
    try:
        root = parse_as(data, text, read_as)
    except Unreadable as error:
        sniffed = sniffed or sniff_root(text[:SNIFF_BYTES])
        guessed = expected or (kind_of_root(*sniffed) if sniffed else None)
        if guessed is None and sniffed and _may_be_bare_rest(*sniffed):
            guessed = _bare_rest_unreadable(data, text, encoding)
        if not expected and _not_a_resource(sniffed):
            return Document(path, guessed, sniffed[0] if sniffed else "", text=text)
        if guessed is None and not explicit:  # met in a walk, and not known to be a classic file
            return None
        fix = _NAME_THE_STDIN if path == STDIN_PATH and not _starts_as_xml(text) else error.fix
        message, fix = _with_expected_namespace(str(error), fix, error.namespace_prefix, guessed)
        problem = FileProblem("syntax", message, Mark(path, error.line, column=error.column), fix)
        return Document(path, guessed, sniffed[0] if sniffed else "", problem=problem, text=text)

    # Interned: every document keeps its root's name, one of a few in file after file (2.6 MB of strings at
    # 40,000 files otherwise).
    local = sys.intern(local_name(root))
    kind = _kind_of(root, local)
    marker = Marker(path, text)
    if expected and kind is not expected:
        return Document(path, None, local, problem=_wrong_root(expected, local, marker.mark(root)), text=text)
    if kind is None and not explicit:
        return None
    if kind is None:
        message = f"not a classic Azure file: its root element is <{local}>"
        return Document(path, None, local, problem=FileProblem("root", message, marker.mark(root)), text=text)
    if _is_transform(root):  # read, and nothing classic in it: the summary does not count it
        return Document(path, None, local, text=text)
    resources = xml_reader(kind)(root, marker)
    # A suppression is a comment that starts with `migcheck:`: only a text with such an opener has one.
    suppressions, comments = read_suppressions(root, marker) if xml_directive_opener(text) else ((), ())
    # Positional (its problem None): a record called with a keyword costs a dict on every call.
    return Document(path, kind, local, resources, suppressions, comments, None, text)


# The namespace of each kind of classic XML file, as the platform writes it.
EXPECTED_NAMESPACES = {
    FileKind.SERVICE_DEFINITION: "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition",
    FileKind.SERVICE_CONFIGURATION: "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration",
    FileKind.NETWORK_CONFIGURATION: "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration",
    FileKind.REST: WINDOWS_AZURE_NS,
}
_KIND_NAMED = {
    FileKind.SERVICE_DEFINITION: "a service definition (.csdef)",
    FileKind.SERVICE_CONFIGURATION: "a service configuration (.cscfg)",
    FileKind.NETWORK_CONFIGURATION: "a network configuration (.netcfg)",
    FileKind.REST: "a Service Management body",
}


def _with_expected_namespace(
    message: str, fix: str, prefix: str | None, kind: FileKind | None
) -> tuple[str, str]:
    """A default namespace whose name is no URI (`Unreadable.namespace_prefix` ""), said with the one the
    file's kind expects, and the fix writing it; any other problem as it is."""
    expected = EXPECTED_NAMESPACES.get(kind) if prefix == "" and kind is not None else None
    if expected is None or kind is None:
        return message, fix
    return (
        f"{message}; the namespace of {_KIND_NAMED[kind]} is '{expected}'",
        f'Write the namespace on one line, as xmlns="{expected}" (join its parts where it was wrapped onto the '
        "next line).",
    )


def _wrong_root(expected: FileKind, found: str, mark: Mark) -> FileProblem:
    wanted = next(name for name, kind in BY_ROOT.items() if kind is expected)
    message = f"a .{expected.value} file must have the root element <{wanted}>, found <{found}>"
    return FileProblem("root", message, mark)
