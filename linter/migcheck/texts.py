"""The source text of the files a run read, for the few places that need it once the rules have run:
locating reported findings, the snippets under them, fixes.

Holding every file's decoded text until the end of a run was most of its memory (137 MB of 310 MB at 40,000
files) for the sake of the files with findings. So the text of a file read from disk is dropped as soon
as its reader is done, and read again when asked for — through the same guarded reader, with the same
checks (a regular file, inside the folder being checked, a link followed only if the walk met one) — and
used only if it is the very text the findings were made from: the bytes have the size and keyed hash they
had, and so decode to the text the reader had. A file that changed in between gets no text: its findings
keep their reader's line (and column, where the reader had it), with no snippet and no fix, rather than
positions computed in text they were not found in.

Kept in memory instead: what cannot be read again (a buffer from standard input or an editor). A file
with suppression comments is no exception: its reader hands the filter the comments themselves
(`Document.directive_comments`, `Document.suppressions`), so the filter reads no text. And of a file read
again to locate its
findings, the lines their locations are on: a report that shows each finding over its source line (the
text report, JUnit's, the pytest plugin's) asks for those, after every file has been located, and gets
them without reading the file a second time (`Texts.lines`)."""

from __future__ import annotations

import bisect
import codecs
import functools
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from migcheck.formats import SCRIPT_KINDS, is_configuration
from migcheck.model import FileKind
from migcheck.source import SourceText

if TYPE_CHECKING:
    from types import ModuleType

    from migcheck.discover import Candidate
    from migcheck.engine import OnDisk
    from migcheck.model import Document
    from migcheck.source import Lines

__all__ = ["Texts", "holds_texts", "lines_of", "opened_by"]

# How many texts read again are kept at once: reports go through findings file by file, so one would do;
# a few spare re-reading when a report comes back to a file.
RECENT = 4
# A check of files that come to no more than this many bytes holds their texts (`holds_texts`): it reads
# none again to locate its findings (4% of the instructions of a 4,000-file check, 13.5 MB), and its peak
# memory stays far below a large check's, which holds none. Decided before reading, from the sizes the walk
# met: texts held for a while and then let go would leave their memory to the process, unused.
HELD_BYTES = 32 * 1024 * 1024
# The longest line `Texts.show` keeps: any written by hand or by a tool that breaks lines, not a file
# written on one line (a report shows a few columns of it, but that one is read again).
SHOWN_LENGTH = 1000
# The kinds of file whose reader's marks count every line ending (`\r\n`, `\r`, `\n`), as Python's `ast`
# does, and the PowerShell reader (see `powershell._with_line_feeds`); the others count `\n` only, as lxml,
# tree-sitter and the JSON readers do (see `SourceText`).
EVERY_ENDING = frozenset({FileKind.PYTHON, FileKind.POWERSHELL})
_LOW_64 = (1 << 64) - 1
_CHECK_BITS = 192  # `_check`: the bytes' size, the text's length and the bytes' 64-bit hash
_LOW_CHECK = (1 << _CHECK_BITS) - 1


def _check(data: bytes, text: str) -> int:
    """What tells that a file read again is the one a document was read from: the size of its bytes, the
    length of the text they decoded to and the in-process `hash` of the bytes. One number, as it is kept
    for every file read.

    The hash is keyed (a file cannot be written to match another's), and the same bytes decode to the
    same text (only such documents are shed, see `decoded_alike`): the text itself need not be hashed
    as well, nor the bytes checksummed first: each was a pass over every file read, the two 1.4% of the
    instructions of a check of a 4,000-file estate."""
    return (len(data) << 64 | len(text)) << 64 | _bytes_hash(data)


def _bytes_hash(data: bytes) -> int:
    return hash(data) & _LOW_64


class _OnDisk:
    """How to read a file's text again, and how to know it is the text its document was read from: not
    the candidate, but only what reading the file again takes, as it is kept for every file. The engine
    reads the file from it as from a candidate (`migcheck.engine.OnDisk`). A plain class: a frozen
    dataclass would cost half a millisecond at the start of every run, for a record only `Texts` makes."""

    __slots__ = ("fs_path", "known", "walked")

    def __init__(self, fs_path: str, walked: tuple[bool, str, bool], known: int) -> None:
        self.fs_path = fs_path
        # What the walk said of the file (`explicit`, `within`, `link`): one tuple for the many files the
        # walk says the same of (`Texts.hold`), not three fields of each.
        self.walked = walked
        # `_check` of the bytes and the text read and, above its bits, the (device, inode) the walk
        # recorded of the file where it did (`_with_identity`): the reader then checks where the opened
        # file leads only when its identity differs, as on the first read (see `migcheck.guarded`), which
        # spares a system call per file read again. In the one number the check was: up to 300 bits,
        # which Python keeps in a block of the size the check alone takes (a device number is far from
        # filling its 64 bits), so the identity costs no memory, kept for every file.
        self.known = known

    @property
    def explicit(self) -> bool:
        return self.walked[0]

    @property
    def within(self) -> str:
        return self.walked[1]

    @property
    def link(self) -> bool:
        return self.walked[2]

    @property
    def check(self) -> int:
        return self.known & _LOW_CHECK

    @property
    def identity(self) -> tuple[int, int] | None:
        identity = self.known >> _CHECK_BITS
        return (identity >> 64, identity & _LOW_64) if identity else None


def _with_identity(check: int, identity: tuple[int, int] | None) -> int:
    """`check` and the (device, inode) `identity` in one number (`_OnDisk.known`). An identity with a
    number that does not fit in 64 bits is left out, and (0, 0) reads back as none: the reader then
    checks where the opened file leads, which is always safe."""
    if identity is None:
        return check
    device, inode = identity
    if not (0 <= device <= _LOW_64 and 0 <= inode <= _LOW_64):
        return check
    return (device << 64 | inode) << _CHECK_BITS | check


class Texts(Mapping[str, SourceText]):
    """Source texts by display path: `LintResult.sources`."""

    def __init__(self, *, held: dict[str, str | SourceText] | None = None, shows: bool = True) -> None:
        """`held`, for a check that holds its texts (`holds_texts`): where the texts of the documents read
        in a worker's way, which come without them, are held by path (`migcheck.workers`); the others are
        kept with their documents (`shed`). `shows`: whether a report will show the lines findings are
        on, which `show` then keeps."""
        self._kept: dict[str, str | SourceText] = {}  # a text, until it is first asked for
        self._on_disk: dict[str, _OnDisk] = {}
        self._walked: dict[tuple[bool, str, bool], tuple[bool, str, bool]] = {}  # see `_OnDisk.walked`
        self._recent: OrderedDict[str, SourceText] = OrderedDict()
        self._shown: dict[str, tuple[int | str, ...]] = {}  # see `show`
        self._every_ending: set[str] = set()  # files whose marks count every line ending (`EVERY_ENDING`)
        self._scripts: set[str] = set()  # files no fix is placed in (`SCRIPT_KINDS`)
        self._shell: set[str] = set()  # files whose words are shell words (`SourceText`'s `shell`)
        self.held = held  # a text until it is first asked for, then its `SourceText`
        self.shows = shows

    def keep(self, document: Document) -> Document:
        """Hold `document`'s text as it is: a buffer, or a document a cache keeps between runs."""
        self._kept[document.path] = document.text
        self._count_lines_of(document)
        return document

    def _count_lines_of(self, document: Document) -> None:
        if document.kind in EVERY_ENDING:
            self._every_ending.add(document.path)
        if document.kind in SCRIPT_KINDS:
            self._scripts.add(document.path)
        if document.kind is FileKind.SHELL:
            self._shell.add(document.path)

    def shed(self, document: Document, candidate: Candidate, data: bytes) -> Document:
        """`document`, read from `data` on disk, without its text unless it could not be read again
        (`shed_check`). A check that holds its texts (`held`) keeps it as it is: none is read again."""
        if self.held is not None:
            return self.keep(document)
        return self.hold(document, candidate, shed_check(document, data))

    def hold(self, document: Document, candidate: Candidate, check: int | None) -> Document:
        """`document` as `shed` leaves it, given what `shed_check` said of it (in a worker process that
        read it, see `migcheck.workers`): its text kept when `check` is None, else dropped, to be read
        again from `candidate`'s file and used only if it passes `check`."""
        if check is None:
            return self.keep(document)
        self._count_lines_of(document)
        c = candidate
        known = _with_identity(check, c.identity)
        walked = (c.explicit, c.within, c.link)
        walked = self._walked.setdefault(walked, walked)
        self._on_disk[document.path] = _OnDisk(opened_by(document, c), walked, known)
        return document.without_text() if document.text else document

    def __getitem__(self, path: str) -> SourceText:
        kept = self._kept.get(path)
        if isinstance(kept, str):
            kept = self._kept[path] = self._source(path, kept)  # its lines are found once, then kept with it
        if kept is not None:
            return kept
        held = self.held if self.held is not None else {}
        text = held.get(path)
        if text is not None:
            if isinstance(text, str):
                text = held[path] = self._source(path, text)  # its lines are found once, then kept with it
            return text
        source = self._recent.get(path)
        if source is not None:
            self._recent.move_to_end(path)
            return source
        source = self._source(path, _read_again(self._on_disk[path]))  # KeyError: not read in this run
        self._recent[path] = source
        if len(self._recent) > RECENT:
            self._recent.popitem(last=False)
        return source

    def _source(self, path: str, text: str) -> SourceText:
        return SourceText(
            text,
            every_ending=path in self._every_ending,
            script=path in self._scripts,
            configuration=is_configuration(path),
            shell=path in self._shell,
        )

    def show(self, path: str, lines: Iterable[int]) -> None:
        """Keep the `lines` findings are located on, of the text of `path` read again to locate them, for
        `lines`, when a report will show them (`shows`). A text held whole (`keep`) shows its lines
        itself."""
        if not self.shows or path not in self._on_disk:
            return
        source = self[path]
        numbers = sorted(set(lines))
        kept = [(n, line) for n in numbers if len(line := source.line(n)) <= SHOWN_LENGTH]
        # One tuple, the numbers in order and then their lines: with a dict per file instead, the lines
        # kept took twice the room (5 MB at 40,000 files, for the 27,600 findings of 15,600 of them).
        self._shown[path] = (*(n for n, _ in kept), *(line for _, line in kept))

    def keep_only(self, paths: Collection[str]) -> None:
        """Let go of the text, or of what reading it again takes, of every file not among `paths`: once the
        findings are located, reports read only the files findings point into, and at 40,000 files the
        others' were 5 MB of what the report is written beside."""
        self._kept = {path: text for path, text in self._kept.items() if path in paths}
        self._on_disk = {path: entry for path, entry in self._on_disk.items() if path in paths}
        if self.held is not None:
            kept = {path: text for path, text in self.held.items() if path in paths}
            self.held.clear()  # in place: the dict is the one reading filled, and its room goes with it
            self.held.update(kept)

    def shown(self, path: str) -> tuple[int | str, ...] | None:
        """What `show` kept of `path`: for a worker that located its findings to send back."""
        return self._shown.get(path)

    def show_again(self, path: str, shown: tuple[int | str, ...]) -> None:
        """Keep what `show` kept of `path` in a worker (`shown`), as if it had been shown here."""
        self._shown[path] = shown

    def lines(self, path: str) -> Lines | None:
        """The lines of `path`'s text, for what shows only some (`migcheck.report.text.format_finding`): those
        `show` kept without reading the file again, the others read again; None for a file not read."""
        shown = self._shown.get(path)
        if shown is None:
            return self.get(path)
        return _Shown(shown, self, path)

    def __iter__(self) -> Iterator[str]:
        yield from self._kept
        yield from self._on_disk

    def __len__(self) -> int:
        return len(self._kept) + len(self._on_disk)

    def __contains__(self, path: object) -> bool:
        return path in self._kept or path in self._on_disk


class _Shown:
    """The lines `Texts.show` kept of a file's text, as `SourceText.line` gives them; another line is asked
    of the text, read again."""

    __slots__ = ("_path", "_shown", "_texts")

    def __init__(self, shown: tuple[int | str, ...], texts: Texts, path: str) -> None:
        self._shown = shown  # the numbers of the lines in order, then the lines
        self._texts = texts
        self._path = path

    def line(self, number: int) -> str:
        shown = self._shown
        count = len(shown) // 2
        at = bisect.bisect_left(shown, number, 0, count)
        if at < count and shown[at] == number:
            return str(shown[count + at])
        return self._texts[self._path].line(number)


def holds_texts(found: Iterable[Candidate]) -> bool:
    """Whether a check of the files `found` holds their texts (`HELD_BYTES`): only when the walk met every
    one of them and their sizes come to no more than that."""
    total = 0
    for candidate in found:
        if candidate.size < 0:
            return False
        total += candidate.size
    return total <= HELD_BYTES


def opened_by(document: Document, candidate: Candidate) -> str:
    """The name `document`'s file was opened by (`candidate.fs_path`), as the very string of its path where
    the two are equal: kept for every file read, and a document read in a worker holds a copy of the
    candidate's path, not the candidate's own."""
    return document.path if candidate.fs_path == document.path else candidate.fs_path


def lines_of(sources: Mapping[str, SourceText], path: str) -> Lines | None:
    """The lines of `path` for a report that shows findings over their source lines: from `Texts`, those
    it kept when the findings were located (`Texts.lines`); from another mapping (the editor server's, a
    test's), the text."""
    return sources.lines(path) if isinstance(sources, Texts) else sources.get(path)


def shed_check(document: Document, data: bytes) -> int | None:
    """What tells that `data`, read again, is what `document` was read from (`_check`); None when the
    document's text is to be kept: its reader decoded it otherwise than reading it again would."""
    text = document.text
    if not text or not decoded_alike(document, data):
        return None
    return _check(data, text)


def _read_again(entry: _OnDisk) -> str:
    """The text of the file `entry` says as its document was read from it; "" when the file changed since
    (or cannot be read any more)."""
    file_bytes, readers, decode = _reading()
    try:
        data = file_bytes(entry, readers.MAX_FILE_BYTES + 1)  # the limit as it is now (tests lower it)
    except OSError:
        return ""
    check = entry.check
    if len(data) != check >> 128 or _bytes_hash(data) != check & _LOW_64:
        return ""
    text = decode(data)  # only documents whose text is their bytes decoded so are shed (`decoded_alike`)
    return text if len(text) == check >> 64 & _LOW_64 else ""


@functools.cache
def _reading() -> tuple[Callable[[OnDisk, int], bytes], ModuleType, Callable[[bytes], str]]:
    """What reading files again takes, imported at the first (the engine imports this module, and the
    readers are not imported before there is a file to read) rather than at each."""
    from migcheck import readers
    from migcheck.engine import file_bytes
    from migcheck.readers.xml import decode

    return file_bytes, readers, decode


def decoded_alike(document: Document, data: bytes) -> bool:
    """Whether `document`'s text is what the XML front end decodes `data` to: always for the XML formats;
    for a script or an export, whose reader decodes its own way (a coding cookie, UTF-16 PowerShell), only
    when the two agree. Other texts are kept: reading them again would mean parsing the file again. An XML
    file that starts with a byte order mark and was not read may be one whose mark is wrong: its text is
    then the bytes past the mark as UTF-8 (`readers._after_the_mark`), not what reading it again as the
    mark says gives."""
    if document.kind in _xml_kinds() and (document.problem is None or not data.startswith(_MARKS)):
        return True
    from migcheck.readers.xml import decode

    return decode(data) == document.text


_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@functools.cache
def _xml_kinds() -> frozenset[FileKind]:
    """The kinds of file read through the XML front end: asked of every file read, found once."""
    from migcheck.formats import FORMATS

    return frozenset(f.kind for f in FORMATS if f.xml)
