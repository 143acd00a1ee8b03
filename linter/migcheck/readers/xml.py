"""XML plumbing shared by the readers: decoding, sniffing the root element, safe parsing, marks, and
namespace-agnostic lookups by local name. The format modules use only these helpers to touch lxml."""

from __future__ import annotations

import bisect
import codecs
import functools
import re
import sys
import threading
from collections.abc import Callable, Container, Iterator
from typing import Any

from lxml import etree

from migcheck.model import FileProblem, Mark

Element = etree._Element

SNIFF_BYTES = 8192  # enough for the prolog and the root start tag of any real classic file

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")
# No BOM: the first character, `<`, in a 16 or 32-bit encoding (XML 1.0, appendix F). lxml reads such a
# file right, so the text must be decoded alike, or positions, snippets and checks would read garbage.
_WIDE = {
    b"<\x00?\x00": "utf-16-le",
    b"\x00<\x00?": "utf-16-be",
    b"<\x00\x00\x00": "utf-32-le",
    b"\x00\x00\x00<": "utf-32-be",
}


class Unreadable(Exception):
    """A document that is not well-formed, or that migcheck refuses to parse (it declares a DTD); the
    message says why in plain words, `line` and `column` (1-based) point at the cause."""

    def __init__(
        self, message: str, line: int, column: int, fix: str = "", namespace_prefix: str | None = None
    ) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.fix = fix
        # Of a well-formed document whose namespace declaration names no URI: the declaration's prefix
        # ("" for the default namespace, `xmlns=`), so that the file's kind can say the one it expects.
        self.namespace_prefix = namespace_prefix

    def problem(self, path: str) -> FileProblem:
        """The syntax problem of the file `path` this is said of, at its line and column."""
        return FileProblem("syntax", str(self), Mark(path, self.line, column=self.column), self.fix)


# --- decoding and sniffing ---------------------------------------------------------------------------


def encoding_of(data: bytes) -> str:
    """The encoding to decode `data` with: its BOM, else its XML declaration, else UTF-8."""
    declaration = _declaration(data)
    if declaration is not None:
        return _declared_in(declaration)[0]
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if data[:4] in _WIDE:
        return _WIDE[data[:4]]
    match = _DECLARED.match(data[:256])
    return _declared(match.group(1)) if match else "utf-8"


def encodings(data: bytes) -> tuple[str, str | None]:
    """(`encoding_of`, `_mislabelled`) of `data`, for a reader that needs both: the pair of a document that
    starts with an XML declaration, as nearly every file does, is looked up once per declaration."""
    declaration = _declaration(data)
    if declaration is not None:
        return _declared_in(declaration)
    encoding = encoding_of(data)
    return encoding, _mislabelled(data, encoding)


def _declaration(data: bytes) -> bytes | None:
    """The XML declaration `data` starts with, up to its first `>`, when the bytes start with one (no BOM,
    no space before it) and it ends where `_DECLARED` looks: all the encoding of such a document depends
    on, since `_DECLARED` matches no `>`. Nearly every file starts so, with one of a few declarations."""
    if data.startswith(b"<?xml"):
        end = data.find(b">", 5, 256)
        if end >= 0:
            return data[: end + 1]
    return None


@functools.lru_cache(maxsize=64)  # the same few declarations in file after file
def _declared_in(declaration: bytes) -> tuple[str, str | None]:
    """(`encoding_of`, `_mislabelled`) of a document that starts with `declaration` (see `_declaration`):
    looked up once per declaration rather than matched twice per file."""
    match = _DECLARED.match(declaration)
    if match is None:
        return "utf-8", None
    encoding = _declared(match.group(1))
    return encoding, "utf-8" if encoding == "utf-8" and _names_wide(match.group(1)) else None


@functools.lru_cache(maxsize=64)  # a handful of names in any estate; the checks cost more than the file
def _declared(written: bytes) -> str:
    """The codec for an encoding name an XML declaration gives; UTF-8 for one that cannot be XML's."""
    try:
        name = codecs.lookup(written.decode("ascii")).name
        # Only encodings that write the declaration's ASCII as ASCII can encode an XML document
        # (rot13, base64, punycode... are codecs, not text encodings for XML).
        if "<?xml".encode(name) != b"<?xml" or b"<?xml".decode(name, "replace") != "<?xml":
            return "utf-8"
    except (LookupError, UnicodeError, TypeError):
        return "utf-8"
    # A file declaring a 16/32-bit encoding without a BOM or wide bytes is really 8-bit.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _mislabelled(data: bytes, encoding: str | None = None) -> str | None:
    """ "utf-8" for a document whose declaration names a 16 or 32-bit encoding but whose bytes are 8-bit (no
    BOM, and its `<` is one byte): what .NET writes when an XML string, which it always labels UTF-16, is
    saved as UTF-8. lxml would follow the label and stop at the first character; the text is read as UTF-8,
    as `encoding_of` decodes it. None for any other document: its own encoding holds. `encoding` is what
    `encoding_of` gave for `data`, when the caller has it already."""
    if (encoding or encoding_of(data)) != "utf-8":
        return None
    declaration = _declaration(data)
    if declaration is not None:
        return _declared_in(declaration)[1]
    match = _DECLARED.match(data[:256])
    return "utf-8" if match is not None and _names_wide(match.group(1)) else None


@functools.lru_cache(maxsize=64)
def _names_wide(written: bytes) -> bool:
    """Whether an encoding name a declaration gives is a 16 or 32-bit encoding's."""
    try:
        return codecs.lookup(written.decode("ascii")).name.startswith(("utf-16", "utf-32"))
    except (LookupError, UnicodeError):
        return False


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of `data`, without a BOM; bytes that do not decode become U+FFFD."""
    text = data.decode(encoding or encoding_of(data), errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


_SPACE = re.compile(r"\s*")
_START_TAG = re.compile(r"<([^\s/>!?]+)([^>]*)")
# A namespace declaration (groups: prefix, "value", 'value'), or an `xmlns` whose declaration has no value:
# taken whole, prefix and all, so that the search goes on after it. The prefix is taken atomically (a
# lookahead and a reference to it) and the search never looks at it again: a tag written as `xmlns:-xmlns:-...`
# would otherwise have its rest measured from every `xmlns` in it. No declaration starts within the prefix
# of one without a value (it would end where that one does, with the same lack of a value), so every
# declaration found is one `\bxmlns(?::([^\s=]+))?\s*=\s*("[^"]*"|'[^']*')` finds.
_XMLNS = re.compile(r"""\bxmlns(?::(?=([^\s=]+))\1)?(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?""")


def sniff_root(head: str) -> tuple[str, str] | None:
    """(local name, namespace URI) of the root element, from the start of a document's text without
    parsing it; None when `head` does not reach a root start tag (not XML, or a very long prolog)."""
    pos, _ = _skip_prolog(head)
    match = _START_TAG.match(head, pos) if pos >= 0 else None
    if not match:
        return None
    prefix, _, local = match.group(1).rpartition(":")
    namespaces = {
        m.group(1) or "": m.group(2) or m.group(3) or ""
        for m in _XMLNS.finditer(match.group(2))
        if m.group(2) is not None or m.group(3) is not None
    }
    return local, namespaces.get(prefix, "")


# Runs of whole prolog items, read in C: comments and processing instructions, and once the DOCTYPE is
# known, `<!` items with no `[` before their `>`. What these leave (the first `<!` item, one with a `[`,
# one that does not end) `_skip_prolog` reads itself. The repeat is bounded: for each repetition of an
# unbounded one the engine keeps what it would need to go back, hundreds of megabytes for a 16 MB prolog.
_ITEMS = re.compile(r"(?:\s*(?:<!--.*?-->|<\?.*?\?>)){0,256}", re.S)
_ITEMS_AFTER_DOCTYPE = re.compile(r"(?:\s*(?:<!--.*?-->|<\?.*?\?>|<!(?!--)[^\[>]*>)){0,256}", re.S)


def _skip_prolog(text: str, *, to_doctype: bool = False) -> tuple[int, int]:
    """(offset just after the prolog, offset of its `<!DOCTYPE` or -1); with `to_doctype`, the scan stops at
    the DOCTYPE, and the first offset is its. The offset is -1 when a comment, processing instruction or
    DOCTYPE does not end. Linear: every item is read once, and no pattern can backtrack over more than
    one item."""
    pos, doctype = 0, -1
    while pos >= 0:
        pos = (_ITEMS if doctype < 0 else _ITEMS_AFTER_DOCTYPE).match(text, pos).end()  # type: ignore[union-attr]
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]  # \s* always matches
        if text.startswith("<?", pos):
            pos = _after(text, "?>", pos + 2)
        elif text.startswith("<!--", pos):
            pos = _after(text, "-->", pos + 4)
        elif text.startswith("<!", pos):
            if to_doctype:
                return pos, pos
            doctype = pos if doctype < 0 else doctype
            pos = _after_doctype(text, pos)
        else:
            break
    return pos, doctype


def _after(text: str, end: str, pos: int) -> int:
    found = text.find(end, pos)
    return -1 if found < 0 else found + len(end)


def _after_doctype(text: str, pos: int) -> int:
    """The offset just after the `<!` item at `pos` (-1 when it does not end): its first `>`, or the first
    after its `]` when a `[` comes before that `>`. The `[` is looked for only up to the `>`: a search to the
    end of the text from every item would make a prolog of many items quadratic."""
    close = text.find(">", pos)
    if close < 0:
        return -1
    bracket = text.find("[", pos, close)
    if bracket >= 0:
        close = text.find(">", text.find("]", bracket))
    return -1 if close < 0 else close + 1


# --- parsing -------------------------------------------------------------------------------------------


def parse(data: bytes, source: str, encoding: str | None = None) -> Element:
    """The root element of `data`, parsed without DTDs, entities, network, XInclude or PIs. `source` is
    its text; `encoding` what `encoding_of` gave for it, when the caller has it already.

    Raises `Unreadable` for a document that is not well-formed, for one with a DOCTYPE (no classic file
    has one, and a DTD is how entity expansion and external entity attacks arrive), for one that uses
    XInclude, and for one past libxml2's limits (depth 256, 10,000,000 characters in one text or value)."""
    return parse_as(data, source, _mislabelled(data, encoding))


def parse_as(data: bytes, source: str, read_as: str | None) -> Element:
    """`parse`, given what `_mislabelled` says of `data` (`encodings` gives it with the encoding)."""
    # A DOCTYPE is in the prolog, which the scan reads and stops after: cheaper than any test of the whole
    # text (counting its `<!` against its `<!--` took five times the scan of a prolog of a few items).
    # A DOCTYPE starts `<!`, which one-character search (memchr) rules out in most files at once, and in
    # most others, whose few `!` all open comments, after a look at each.
    no_doctype = "!" not in source or _bangs_open_comments(source)
    _, doctype = (0, -1) if no_doctype else _skip_prolog(source, to_doctype=True)
    if doctype >= 0:
        raise _refuse(source, doctype)
    parser = _parser(read_as)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        wrong_namespace = _namespace_not_a_uri(parser.error_log, source)
        if wrong_namespace is not None:
            raise wrong_namespace from None
        message, line, column, fix = _syntax_error(
            error, parser.error_log, source, lambda: _cut_short(data, source, read_as)
        )
        raise Unreadable(message, line, column, _template_fix(source) or fix) from None
    # A DOCTYPE the prolog scan missed: libxml2 gives the document an internal subset for every DOCTYPE,
    # with or without a `[...]` (no external one is loaded), so that subset alone tells.
    if root.getroottree().docinfo.internalDTD is not None:
        raise _refuse(source, source.find("<!DOCTYPE"))
    # Cheap test first: the namespace URI must be written somewhere, or spelled with character
    # references (`X&#73;nclude`). One-character searches (memchr) first: a multi-character one costs
    # about a nanosecond a character, and few files hold an `X` or a `&`.
    if ("X" in source and "XInclude" in source) or ("&" in source and "&#" in source):
        _refuse_xinclude(root, source)
    return root


# How many `!` `_bangs_open_comments` looks at before it leaves the text to the prolog scan.
_BANGS_LOOKED_AT = 16


def _bangs_open_comments(source: str) -> bool:
    """Whether every `<!` in `source` opens a comment, found by looking at each `!` (memchr finds them;
    most files hold none or a comment or two): then the prolog holds no DOCTYPE, nor any `<!` item the scan
    would take for one, and the scan, whose patterns cost twenty times these looks, is spared. False past
    `_BANGS_LOOKED_AT` of them: the scan decides."""
    at = source.find("!")
    for _ in range(_BANGS_LOOKED_AT):
        if at < 0:
            return True
        if at and source[at - 1] == "<" and not source.startswith("--", at + 1):
            return False
        at = source.find("!", at + 1)
    return at < 0


def parse_leniently(data: bytes, source: str, encoding: str | None = None) -> Element | None:
    """The root element libxml2 recovers from `data` that is not well-formed, to tell what kind of file
    it was meant to be, never to read resources from; None when nothing is recovered or the prolog holds a
    DOCTYPE. The same guards as `parse` (no DTD, entities or network)."""
    if _skip_prolog(source, to_doctype=True)[1] >= 0:
        return None
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_pis=True,
        recover=True,
        encoding=_mislabelled(data, encoding),
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


_PARSERS = threading.local()  # an lxml parser is used by one thread at a time


def _parser(encoding: str | None) -> etree.XMLParser:
    """The parser for documents read as `encoding` (None: as they say), made once per thread: a new
    parser sets up libxml2's parsing context on its first document, which costs a quarter of the time of
    parsing a small file. Each parse starts with an empty error log, so a reused parser reports alike."""
    parsers: dict[str | None, etree.XMLParser] = _PARSERS.__dict__.setdefault("parsers", {})
    parser = parsers.get(encoding)
    if parser is None:
        parser = parsers[encoding] = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=False,
            remove_pis=True,
            # Whitespace between elements is a node of its own in libxml2's tree, a sixth of a dense file's
            # memory; no reader reads it (values are stripped) and positions come from the source text.
            remove_blank_text=True,
            # No reader looks an element up by its `xml:id`: libxml2 need not index them as it parses.
            collect_ids=False,
            encoding=encoding,
        )
    return parser


_XINCLUDE = ("{http://www.w3.org/2001/XInclude}*", "{http://www.w3.org/2003/XInclude}*")


def _refuse_xinclude(root: Element, source: str) -> None:
    """lxml never processes XInclude unless asked, but a file that relies on it is not what Azure reads,
    and an include is how a hostile file points at other files: refuse it, pointing at the element."""
    el = next(root.iter(*_XINCLUDE), None)
    if el is None:
        return
    line = el.sourceline or 1
    lines = source.split("\n", line)  # at most `line` splits: the rest of a long file stays one piece
    text = lines[line - 1] if line <= len(lines) else ""
    column = text.find("<" + written_tag(el)) + 1 or 1
    message = (
        f"refused: the document uses XInclude (<{written_tag(el)}>); "
        "migcheck never follows includes or reads files other than the ones it checks"
    )
    raise Unreadable(message, line, column, "Write the included content into the file itself.")


def _refuse(source: str, offset: int) -> Unreadable:
    offset = max(offset, 0)
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    declares = "a DTD with entity declarations" if "<!ENTITY" in source[offset:] else "a DTD"
    message = f"refused: the document declares {declares}; migcheck never loads DTDs or expands entities"
    return Unreadable(
        message, line, column, "Remove the <!DOCTYPE> declaration: classic files never need one."
    )


# The patterns of parse errors are kept as strings, compiled (and cached) by `re` only for a file that does
# not parse rather than as the reader is imported by every check.
_MISMATCH = r"^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$"


def _syntax_error(
    error: etree.XMLSyntaxError,
    log: etree._ListErrorLog,
    source: str,
    cut_short: Callable[[], tuple[str, int, int, str] | None],
) -> tuple[str, int, int, str]:
    """(message, line, column, fix) of a parse error, in plain words. `cut_short` gives those of a file
    cut short, where libxml2's words may speak only of the tag, value or comment the file ends in."""
    if not source.strip():
        return "empty file: there is no XML document in it", 1, 1, _EMPTY_FIX
    nul = source.find("\x00")
    if nul >= 0:
        line = source.count("\n", 0, nul) + 1
        column = nul - (source.rfind("\n", 0, nul) + 1) + 1
        message = f"not a text file: it holds binary data (a NUL byte at {_at(source, line, column)})"
        return message, line, column, _BINARY_FIX
    entries = [e for e in log if e.level >= etree.ErrorLevels.ERROR]
    if entries:
        message, line, column = entries[0].message, entries[0].line, entries[0].column
    else:
        line, column = error.position
        message = re.sub(r", line \d+, column \d+$", "", str(error.msg or "the parser gave up"))
    message, line, column = message.strip(), max(line, 1), max(column, 1)
    column = within_line(source, line, column)
    mismatch = re.match(_MISMATCH, message)
    if mismatch:
        opened, since, closed = mismatch.groups()
        column = _end_tag_column(source, closed, line, column)
        # lxml gives the line of the start tag only, counting `\n` only: where lines also end at a lone
        # carriage return, that line says nothing a reader could find.
        open_since = "" if _lone_cr(source) else f", open since line {since}"
        close = f"<{opened}>" if _lone_cr(source) else f"<{opened}> (line {since})"
        return (
            f"not well-formed XML: the end tag </{closed}> does not close <{opened}>{open_since} "
            f"({_at(source, line, column)})",
            line,
            column,
            f"Close {close} before </{closed}>, or correct whichever of the two names is misspelt.",
        )
    reference = re.search(_BAD_CHARACTER_REFERENCE, message)
    if reference:
        value = int(reference.group(1))
        return (
            f"not well-formed XML: the character reference &#{value}; stands for U+{value:04X}, a character "
            f"XML does not allow ({_at(source, line, column)})",
            line,
            column,
            "Remove the character reference; XML 1.0 allows no control character other than tab, line feed "
            "and carriage return.",
        )
    if message.startswith(_NOT_IN_ITS_ENCODING):
        return (
            f"not text in its encoding: the bytes at {_at(source, line, column)} are not UTF-8 (or the "
            "encoding its XML declaration names)",
            line,
            column,
            "Save the file as UTF-8, or correct its XML declaration to name the "
            'encoding it is saved in, such as <?xml version="1.0" encoding="windows-1252"?>.',
        )
    limit = _limit_hit(message)
    if limit:
        return f"refused: {limit} ({_at(source, line, column)})", line, column, ""
    control = re.search(_CONTROL, source)
    if control and message == _NAMELESS_ERROR:  # libxml2 has no words for a control character in CDATA
        at = control.start()
        line = source.count("\n", 0, at) + 1
        column = at - (source.rfind("\n", 0, at) + 1) + 1
        return (
            f"not well-formed XML: U+{ord(control.group()):04X} is a control character XML does not allow "
            f"({_at(source, line, column)})",
            line,
            column,
            "Remove the character; XML 1.0 allows no control character other than tab, line feed and "
            "carriage return.",
        )
    cut = cut_short()
    if cut is not None:
        return cut
    # Imported here: its patterns, compiled as it is imported, are needed only for a file that does not parse.
    from migcheck.readers.xml_errors import in_plain_words

    at = _offset_of(source, line, column)
    plain = in_plain_words([message, *(e.message for e in entries[1:3])], source, at)
    if plain is None:
        return f"not well-formed XML: {message} ({_at(source, line, column)})", line, column, ""
    words, to_change, fix = plain
    if to_change != at:  # an earlier line where the start tag spans several
        line -= source.count("\n", to_change, at)
        column = to_change - source.rfind("\n", 0, to_change)
    return f"not well-formed XML: {words} ({_at(source, line, column)})", line, column, fix


def _namespace_not_a_uri(log: etree._ListErrorLog, source: str) -> Unreadable | None:
    """Where libxml2's first error is a namespace name that is no URI (one wrapped onto a second line): the
    document is well-formed, so it says what is wrong with the name, at its declaration; None otherwise."""
    from migcheck.readers.xml_errors import namespace_problem

    first = next((e for e in log if e.level >= etree.ErrorLevels.ERROR), None)
    if first is None or "is not a valid URI" not in first.message:
        return None
    line, column = max(first.line, 1), max(first.column, 1)
    column = within_line(source, line, column)
    problem = namespace_problem(first.message, source, _offset_of(source, line, column))
    if problem is None:
        return None
    line = source.count("\n", 0, problem.at) + 1
    column = problem.at - source.rfind("\n", 0, problem.at)
    return Unreadable(
        f"{problem.words} ({_at(source, line, column)})",
        line,
        column,
        "Write the namespace name as one URI, with no line break or blank in it (join its parts where it "
        "was wrapped onto the next line).",
        problem.prefix,
    )


def _offset_of(source: str, line: int, column: int) -> int:
    r"""The offset of `column` of `line` (lines counted at `\n`, as lxml counts them)."""
    lines = source.split("\n", line - 1)  # at most `line - 1` splits: the rest stays one piece
    start = len(source) - len(lines[-1]) if len(lines) == line else len(source)
    return min(start + column - 1, len(source))


# The marks of template languages that fill in a file before it is deployed (ERB, EJS and ASP `<%= %>`,
# Jinja and Liquid `{% %}`): where one is what breaks the XML, the file is a template, not a classic file.
_TEMPLATE_MARKS = ("<%", "{%")


_NOT_WELL_FORMED = "not well-formed XML: "
_PIECE = 1 << 20  # bytes fed to the pull parser at a time
_OPEN_NAMED = 4  # the innermost elements a message names; a deeper file's outer ones are counted


def _cut_short(data: bytes, source: str, encoding: str | None) -> tuple[str, int, int, str] | None:
    """(message, line, column, fix) of a document that is the start of a well-formed one, cut short with
    elements open, else None: every open element, innermost first, with the line its start tag is on, at the
    end of the file. libxml2 names only the innermost, without its prefix, and where the file ends inside a
    tag, value or comment speaks of that alone (`AttValue: ' expected`); a pull parser fed the whole file
    finds no error in such a start, and its start and end events give the whole stack."""
    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_pis=True,
        encoding=encoding,
    )
    open_tags: list[tuple[str, int]] = []
    # Fed in pieces: libxml2 refuses one buffer of over 10,000,000 bytes without XML_PARSE_HUGE, which a
    # file under the size cap may be. An error while feeding is one before the end: not a file cut short.
    # The events are those of the feeding: closing the parser may end the open elements (lxml 6.2 does).
    try:
        for start in range(0, len(data), _PIECE):
            parser.feed(data[start : start + _PIECE])
            _follow(parser.read_events(), open_tags)
    except etree.XMLSyntaxError:
        return None
    try:
        parser.close()
    except etree.XMLSyntaxError as error:  # the end of input `parse` reported, or an error before it
        if str(error.msg).startswith((*_NOT_IN_ITS_ENCODING, "Incomplete UTF-8")):
            return None  # bytes the encoding leaves unfinished: not in its encoding, as `parse` says
        # libxml2 holds back some errors until it has read what follows them (a bare `&` in `a & b`), and
        # closing gives those: one before the last character is no file cut short.
        if not str(error.msg).startswith(_PREMATURE_END) and not _at_the_end(source, *error.position):
            return None
    if not open_tags:  # cut inside the root's start tag, or not cut at all: libxml2's words
        return None
    # lxml counts lines at `\n` only: where lines also end at a lone carriage return its numbers say nothing
    lines_known = not _lone_cr(source)
    named = [f"<{tag}> (line {line})" if lines_known else f"<{tag}>" for tag, line in open_tags[::-1]]
    if len(named) > _OPEN_NAMED:
        more = len(named) - _OPEN_NAMED
        named[_OPEN_NAMED:] = [f"{more} enclosing element{'s' if more > 1 else ''}"]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    line, column = _end_of(source)
    return (
        f"not well-formed XML: the file ends before {listed} "
        f"{'is' if len(open_tags) == 1 else 'are'} closed ({_at(source, line, column)})",
        line,
        column,
        f"Close {listed} at the end of the file, innermost first, or restore the part of the file that is "
        "missing.",
    )


_PREMATURE_END = "Premature end of data"


def _at_the_end(source: str, line: int, column: int) -> bool:
    r"""Whether `line` and `column` (lxml's, counting `\n` only) are past the last character that is not
    blank: where libxml2 says the file stops inside a tag, a value or a comment."""
    last = len(source.rstrip())
    last_line = source.count("\n", 0, last) + 1
    return (line, column) >= (last_line, last - source.rfind("\n", 0, last))


def _follow(events: Iterator[tuple[str, Any]], open_tags: list[tuple[str, int]]) -> None:
    """Keep `open_tags` (written tag, line) the elements a pull parser's start and end events leave open."""
    for event, el in events:
        if event == "start":
            open_tags.append((written_tag(el), el.sourceline or 1))
        elif open_tags:
            open_tags.pop()


def _end_of(source: str) -> tuple[int, int]:
    """(line, column) of the end of `source`: its last character, or column 1 of an empty last line."""
    line = source.count("\n") + 1
    return line, within_line(source, line, len(source) - (source.rfind("\n") + 1) + 1)


def _template_fix(source: str) -> str:
    """The advice for a file that is not XML because it is a template ("" for the rule's own advice)."""
    if not any(mark in source for mark in _TEMPLATE_MARKS):
        return ""
    return (
        "The file looks like a template a tool fills in (<%= ... %>, {% ... %}): leave it out with `exclude` "
        "in [tool.migcheck] and check the files it is filled into; else fix the XML at the position shown."
    )


def _at(source: str, line: int, column: int) -> str:
    r"""`line N, column C` as a report shows the position: `line` and `column` count `\n` only, as lxml
    and the marks do, while a report counts every line ending (`SourceText`); the two differ only in a
    text with a lone carriage return."""
    if _lone_cr(source):
        from migcheck.source import SourceText

        shown = SourceText(source).locate(Mark("", line, column=column))
        line, column = shown.line, shown.column
    return f"line {line}, column {column}"


def _lone_cr(source: str) -> bool:
    return source.count("\r") != source.count("\r\n")


# What libxml2 says of bytes that are not text in the file's encoding (UTF-8 unless it declares another).
_NOT_IN_ITS_ENCODING = ("Invalid bytes in character encoding", "Input is not proper UTF-8")
# The C0 controls XML 1.0 does not allow, and what libxml2 says of one it meets inside CDATA.
_CONTROL = "[\x01-\x08\x0b\x0c\x0e-\x1f]"
_NAMELESS_ERROR = "Unregistered error message"


_EMPTY_FIX = (
    "Write the document the file should hold, delete the file, or exclude it in [tool.migcheck] exclude."
)
_BINARY_FIX = "Restore the XML the file should hold, or exclude it in [tool.migcheck] exclude."
# libxml2's words for a character reference to a character XML does not allow (`&#27;`).
_BAD_CHARACTER_REFERENCE = r"xmlParseCharRef: invalid xmlChar value (\d+)"


# libxml2's limits without XML_PARSE_HUGE (which migcheck never sets), in the words of libxml2 2.9-2.14,
# and what to tell a user instead of "try XML_PARSE_HUGE", an option they cannot set.
_LIMITS = (
    (
        r"Excessive depth in document: (\d+)",
        "the element depth exceeds {0} levels; migcheck reads classic files nested up to {0} levels deep",
    ),
    (
        r"(?i)Text node too long|huge text node",
        "a text node is longer than 10,000,000 characters, the longest migcheck reads",
    ),
    (
        r"(?i)Comment too big",
        "a comment is longer than 10,000,000 characters, the longest migcheck reads",
    ),
    (
        r"(?i)Name too long|Name is too long",
        "an element or attribute name is longer than 50,000 characters, the longest migcheck reads",
    ),
    (
        r"(?i)XML_PARSE_HUGE|Resource limit exceeded|Buffer size limit",
        "a value in the document (an attribute, a text or a name) is larger than the parser's limit "
        "of 10,000,000 characters",
    ),
)


def within_line(text: str, line: int, column: int) -> int:
    r"""`column` of `line` (lines counted at `\n`), moved back onto the line's last character when it is
    past it: a parser that reaches the end of a line or of the file (a tag or value cut short) gives the
    column after it, which editors and SARIF viewers show on the next line or not at all."""
    if column <= 1 or line < 1:
        return column
    found = text.split("\n", line)
    if len(found) < line:
        return column
    length = len(found[line - 1].removesuffix("\r"))
    return max(min(column, length), 1)


def _limit_hit(message: str) -> str | None:
    """The plain-words limit a libxml2 error reports; None when the error is not a limit."""
    for pattern, words in _LIMITS:
        match = re.search(pattern, message)
        if match:
            return words.format(*match.groups())
    return None


def _end_tag_column(source: str, name: str, line: int, column: int) -> int:
    """libxml2 versions differ on where a tag mismatch is reported (after `</`, or after the whole end
    tag); point at the end tag's `<` on that line, as findings point at an element's, so findings do not
    depend on the version."""
    lines = source.split("\n", line)  # at most `line` splits: the rest of a long file stays one piece
    if line > len(lines):
        return column
    found = lines[line - 1].rfind("</" + name, 0, column)
    return found + 1 if found >= 0 else column


# --- marks -----------------------------------------------------------------------------------------------


def written_tag(el: Element) -> str:
    """The tag as written in the source: `prefix:local`, or `local` in the default namespace. Interned:
    lxml makes a new string on every access, and each mark keeps one."""
    tag = el.tag  # str for every element parsed (a comment's or PI's tag is a factory function)
    prefix = el.prefix
    if prefix is None:
        known = _UNPREFIXED.get(tag)
        if known is not None:
            return known
    local = tag.rpartition("}")[2] if isinstance(tag, str) else ""  # etree.QName costs more, on every mark
    written = sys.intern(f"{prefix}:{local}" if prefix else local)
    if prefix is None and isinstance(tag, str) and len(_UNPREFIXED) < _UNPREFIXED_KEPT:
        _UNPREFIXED[tag] = written
    return written


# `{namespace}local` -> `local`, for the tags written without a prefix: the same few dozen in file after file.
# Bounded, so that a file of a million distinct names does not make it grow for the rest of the process.
_UNPREFIXED: dict[object, str] = {}
_UNPREFIXED_KEPT = 4096


class Marker:
    """Makes the `Mark` of elements of one document.

    `nth` counts the elements with the same written tag whose start tags end earlier on the same line, in
    document order, which is what `migcheck.source` scans the text for. Most lines hold one start tag, so
    the count is computed only for a tag that shares its line with an earlier element."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self._nths: dict[str, dict[int, int]] = {}  # local name -> id(element) -> nth
        self._alive: list[Element] = []  # keeps the indexed proxies (and so their ids) alive
        self._far: _FarPositions | None = None

    def mark(self, el: Element) -> Mark:
        # `written_tag`'s common case inline: a mark is made for nearly every element a reader reads.
        tag = _UNPREFIXED.get(el.tag) if el.prefix is None else None
        if tag is None:
            tag = written_tag(el)
        line = el.sourceline or 0
        if line >= LAST_EXACT_LINE and self.text:
            if self._far is None:
                self._far = _FarPositions(el.getroottree().getroot(), self.text)
            found = self._far.locate(el, tag)
            if found is not None:
                return Mark(self.path, found[0], tag, column=found[1])
        if not self._nths:  # most documents never need an index
            # `_first_on_its_line`'s first step, inline: the node just before the element (see
            # `_previous_in_document`) most often ends on an earlier line, which settles it.
            before = el.getprevious()
            if before is None:
                before = el.getparent()
            else:
                while len(before):
                    before = before[-1]
            if before is None or (before.sourceline or 0) < line or _first_on_its_line(el, tag, line):
                return Mark(self.path, line, tag)
        return Mark(self.path, line, tag, self._nth(el, tag, line))

    def comment(self, comment: Element, ordinal: int) -> Mark:
        """The mark of `comment`'s `<!--`, the `ordinal`-th comment of the document (those before and
        after the root element included). lxml gives a comment the line where it ends, and past
        `LAST_EXACT_LINE` not even that: there the text is searched instead."""
        line = comment.sourceline or 0
        if line >= LAST_EXACT_LINE and self.text:
            if self._far is None:
                self._far = _FarPositions(comment.getroottree().getroot(), self.text)
            found = self._far.comment(ordinal)
            if found is not None:
                return Mark(self.path, found[0], "!--", column=found[1])
        return Mark(self.path, max(line - (comment.text or "").count("\n"), 1), "!--")

    def opener(self, comment: Element, ordinal: int) -> Mark:
        """The line and column of `comment`'s `<!--`, the `ordinal`-th comment of the document, for a
        comment that starts like a directive: lxml gives no column, so the text is searched, comments told
        from CDATA and processing instructions as past `LAST_EXACT_LINE`."""
        if self._far is None:
            self._far = _FarPositions(comment.getroottree().getroot(), self.text)
        found = self._far.comment(ordinal)
        if found is None:  # a text that does not show it: the line alone
            return Mark(self.path, self.comment(comment, ordinal).line)
        return Mark(self.path, found[0], column=found[1])

    def _nth(self, el: Element, tag: str, line: int) -> int:
        local = tag.rpartition(":")[2]
        nths = self._nths.get(local)
        if nths is None:
            if _first_on_its_line(el, tag, line):
                return 0
            nths = self._nths[local] = self._index(el, local)
        # lxml hands out the same proxy for a node while one is alive, so ids stay valid.
        return nths.get(id(el), 0)

    def _index(self, el: Element, local: str) -> dict[int, int]:
        """id(element) -> nth of every element of this local name. One pass counts every written form
        of the name (`Role`, `sc:Role`, ...) at once: a pass per prefix would cost elements times
        prefixes."""
        nths: dict[int, int] = {}
        seen: dict[tuple[str, int], int] = {}  # (written tag, line) -> nth of the last one there
        for other in el.getroottree().getroot().iter("{*}" + local):
            where = (written_tag(other), other.sourceline or 0)
            nths[id(other)] = seen[where] = seen.get(where, -1) + 1
            self._alive.append(other)
        return nths


# libxml2 keeps an element's line in 16 bits: from here on lxml's `sourceline` is approximate.
LAST_EXACT_LINE = 65535


class _FarPositions:
    """Exact positions for elements past `LAST_EXACT_LINE`: the n-th element with a written tag is the
    n-th `<tag` start tag in the text, once comments, CDATA and processing instructions are skipped."""

    # Kept as a string, like `_ANY_START_TAG`: compiled by `re` only for a file this long.
    _SKIPPED = r"(?s)<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>"

    def __init__(self, root: Element, text: str) -> None:
        self.root = root
        self.text = text
        self._order: dict[str, dict[int, int]] = {}  # written tag -> id(element) -> ordinal
        self._ordered: set[str] = set()  # the local names whose elements `_order` holds
        self._starts: dict[str, list[int]] = {}  # written tag -> offsets of its start tags
        self._every_start: dict[str, list[int]] | None = None  # once many tags were asked for
        self._alive: list[Element] = []
        self._line_starts: list[int] | None = None
        self._comments: list[int] | None = None  # offsets of the comments' `<!--`, when first asked
        self._skipped = (
            [m.span() for m in re.finditer(self._SKIPPED, text)] if "<!" in text or "<?" in text else []
        )

    def locate(self, el: Element, tag: str) -> tuple[int, int] | None:
        """(line, column) of `el`'s `<`, or None when the text does not show it."""
        if tag not in self._starts:
            self._index(tag)
        ordinal = self._order.get(tag, {}).get(id(el))
        starts = self._starts[tag]
        if ordinal is None or ordinal >= len(starts):
            return None
        return self._position(starts[ordinal])

    def comment(self, ordinal: int) -> tuple[int, int] | None:
        """(line, column) of the `<!--` of the document's `ordinal`-th comment: the comments are among the
        spans the search for start tags skips, in order."""
        if self._comments is None:
            self._comments = [start for start, _ in self._skipped if self.text.startswith("<!--", start)]
        return self._position(self._comments[ordinal]) if ordinal < len(self._comments) else None

    def _position(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _index(self, tag: str) -> None:
        """The order of the elements written `tag` and the offsets of its start tags. The elements of a
        local name are ordered in one pass for all its written forms (`Role`, `sc:Role`, ...): a pass per
        prefix would cost elements times prefixes."""
        local = tag.rpartition(":")[2]
        if local not in self._ordered:
            self._ordered.add(local)
            by_tag: dict[str, list[Element]] = {}
            for el in self.root.iter("{*}" + local):
                by_tag.setdefault(written_tag(el), []).append(el)
            for written, same in by_tag.items():
                self._alive += same  # keeps the proxies, and so their ids, alive
                self._order[written] = {id(e): i for i, e in enumerate(same)}
        self._starts[tag] = self._start_tags(tag)

    def _start_tags(self, tag: str) -> list[int]:
        """The offsets of the start tags written `tag`, outside comments, CDATA and processing instructions.
        A search of the text for each of the first few tags asked for; past those (a file whose elements
        are written with many prefixes), one pass that finds every start tag, rather than a pass per tag."""
        if len(self._starts) < _SEARCHED_ONE_BY_ONE:
            pattern = re.compile("<" + re.escape(tag) + r"(?=[\s/>])")
            starts = (m.start() for m in pattern.finditer(self.text))
            return [offset for offset in starts if not _inside(offset, self._skipped)]
        if self._every_start is None:
            self._every_start = {}
            for match in re.finditer(_ANY_START_TAG, self.text):
                if not _inside(match.start(), self._skipped):
                    self._every_start.setdefault(match.group(1), []).append(match.start())
        return self._every_start.get(tag, [])


# How many written tags `_FarPositions` searches the text for one at a time: the few of a real file.
_SEARCHED_ONE_BY_ONE = 32
# A start tag's `<` and its name as written: where it is `<` + a tag + one of `\s/>`, as searched one by one.
_ANY_START_TAG = r"<([^\s/>!?<]+)(?=[\s/>])"


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


# How far back `_first_on_its_line` walks before it leaves the answer to the per-tag index: real files
# hold a few elements per line, a file written on one line would make the walk quadratic.
_WALK_BACK = 4


def _first_on_its_line(el: Element, tag: str, line: int) -> bool:
    """Whether no element with the written tag `tag` comes before `el` on its line, decided by walking
    back through the nodes before it; False when the walk is cut short (the index then decides)."""
    node = _previous_in_document(el)
    for _ in range(_WALK_BACK):
        if node is None or (node.sourceline or 0) < line:
            return True
        if isinstance(node.tag, str) and written_tag(node) == tag:
            return False
        node = _previous_in_document(node)
    return False


def _previous_in_document(el: Element) -> Element | None:
    """The node just before `el`'s start tag: the deepest last descendant of its previous sibling, or its
    parent. Every node before that one has a start tag ending on the same line or earlier."""
    previous = el.getprevious()
    if previous is None:
        return el.getparent()
    while len(previous):
        previous = previous[-1]
    return previous


# --- lookups by local name ---------------------------------------------------------------------------


def local_name(el: Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


@functools.cache  # a few dozen distinct paths, looked up on every element read
def _steps(names: str) -> tuple[str, ...]:
    return tuple("{*}" + name for name in names.split("/"))


def child(el: Element, names: str) -> Element | None:
    """The first element at the slash-separated path of local names below `el`."""
    steps = _steps(names)
    if len(steps) == 1:  # most lookups: one C-level scan of the children, no generator
        return next(el.iterchildren(steps[0]), None)
    return next(_below(el, steps), None)


def children(el: Element, names: str) -> list[Element]:
    """All elements at the slash-separated path of local names below `el`, in document order: what
    `findall` of the joined path gives, by lxml's C-level child iteration with a tag filter, one level
    at a time (each parent's children in turn keep document order)."""
    steps = _steps(names)
    found = list(el.iterchildren(steps[0]))
    for step in steps[1:]:
        found = [below for parent in found for below in parent.iterchildren(step)]
    return found


def _below(el: Element, steps: tuple[str, ...]) -> Iterator[Element]:
    """The elements at `steps` below `el`, in document order, one at a time: `child` stops at the
    first."""
    first = el.iterchildren(steps[0])
    if len(steps) == 1:
        return first
    return (found for step in first for found in _below(step, steps[1:]))


def grouped_children(el: Element | None, names: Container[str]) -> dict[str, list[Element]]:
    """The child elements of `el` whose local names are among `names`, by local name, each list in document
    order. One pass over the children, for a reader that wants several of them: each tag-filtered lookup
    (`child`, `children`) builds lxml's tag matcher anew, which costs more than looking at a few children."""
    found: dict[str, list[Element]] = {}
    if el is None:
        return found
    for below in el:
        tag = below.tag
        if isinstance(tag, str) and (name := tag.rpartition("}")[2]) in names:  # comments and PIs skipped
            found.setdefault(name, []).append(below)
    return found


def named_children(el: Element, names: Container[str]) -> list[Element]:
    """The child elements of `el` whose local names are among `names`, in document order: `children` of
    several names in one pass (see `grouped_children`)."""
    return [below for below in el if isinstance(tag := below.tag, str) and tag.rpartition("}")[2] in names]


def child_elements(el: Element | None) -> Iterator[Element]:
    """Every child element of `el` (comments skipped), whatever its name."""
    if el is not None:
        yield from el.iterchildren(tag=etree.Element)


# Values are interned: the same names and locations recur in file after file, and the model keeps them all.


def text_of(el: Element | None, names: str = "") -> str:
    """The stripped text of the element at `names` below `el` (or of `el` itself); "" when absent. A
    comment or processing instruction inside the text is not part of it: `<Name>BG<!-- x -->Info</Name>`
    is `BGInfo`, where lxml's `.text` stops at the comment."""
    if el is not None and names:
        el = child(el, names)
    if el is None:
        return ""
    if not len(el):
        return sys.intern((el.text or "").strip())
    parts = [el.text or ""]
    parts += (c.tail or "" for c in el if not isinstance(c.tag, str))  # comments, PIs
    return sys.intern("".join(parts).strip())


def attr(el: Element, name: str) -> str:
    """An attribute by local name, matched case-insensitively (`endPoint` is spelt both ways)."""
    value = el.get(name)
    if value is None:
        value = _get_ignoring_case(el, name.lower())
    return sys.intern(value.strip())


def attrs(el: Element, *names: str) -> tuple[str, ...]:
    """`attr` of each of `names` (which differ other than by case), in one call."""
    values = [el.get(name) for name in names]
    missing = values.count(None)
    # When every attribute is one of `names` as written, the missing ones are not there in any case.
    if missing and len(keys := el.keys()) + missing > len(names) and _in_another_case(keys, names, values):
        lowered = _by_lowered_name(keys)
        values = [
            value if value is not None or (found := lowered.get(name.lower())) is None else el.get(found, "")
            for name, value in zip(names, values, strict=True)
        ]
    return tuple([sys.intern((value or "").strip()) for value in values])


def _by_lowered_name(keys: list[str]) -> dict[str, str]:
    """Lowered local name -> the first of the attribute names `keys` so named, in one pass."""
    lowered: dict[str, str] = {}
    for key in keys:
        lowered.setdefault(key.rpartition("}")[2].lower(), key)
    return lowered


def _in_another_case(keys: list[str], names: tuple[str, ...], values: list[str | None]) -> bool:
    """Whether an attribute of `names` whose `values` is None may be there in another case: only when the
    element's attribute names (`keys`), lowered, hold it. One search of them all, in C, where most elements
    (an endpoint without `localPort`) would have each of their attributes looked at in Python."""
    written = "\0".join(keys).lower()
    return any(value is None and name.lower() in written for name, value in zip(names, values, strict=True))


def _get_ignoring_case(el: Element, wanted: str, keys: list[str] | None = None) -> str:
    """The first attribute whose local name, lowered, is `wanted`; "" when there is none. `keys` are the
    element's attribute names, when the caller has them."""
    # Names first, then get(): lxml's items() is quadratic in the number of attributes, and a hostile
    # file may carry hundreds of thousands of them on one element.
    for key in el.keys() if keys is None else keys:
        if key.rpartition("}")[2].lower() == wanted:
            return el.get(key, "")
    return ""
