"""Apply the fixes rules attach to findings (`migcheck check --fix`, `--diff`), as text edits.

A fix is data: edits at offsets of the decoded text (see `migcheck.model.Fix`), placed by the engine. Here
the edits of one file are applied from the end backwards, so every other character stays as it was:
comments, attribute order, quotes, line endings. The file is written back in the encoding it was read in,
its byte order mark included, atomically and never through a link; then the files are checked again,
because one fix can make another finding appear or go (a later round applies what an overlapping edit
held back)."""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from migcheck.engine import LintResult
from migcheck.model import Edit, Finding, Part
from migcheck.visible import visible

# A fix that keeps making new fixes possible would loop: ruff stops at 100 rounds; ours settle in one or
# two (overlapping edits are rare), so a handful is plenty.
MAX_ROUNDS = 10


class FixError(Exception):
    """A file that cannot be fixed; the message names it, says why and what to do."""


@dataclass(frozen=True, slots=True)
class FileFixes:
    """What fixing one file does: its text as checked, its text fixed, and the findings fixed."""

    path: str
    before: str
    after: str
    fixed: tuple[Finding, ...]


def applicable(finding: Finding, *, unsafe: bool) -> bool:
    """A finding whose fix `--fix` applies: placed in the text, and safe unless `unsafe` fixes are on."""
    return finding.autofix is not None and finding.autofix.resolved and (unsafe or finding.autofix.safe)


def plan(result: LintResult, *, unsafe: bool = False) -> list[FileFixes]:
    """The fixed text of every file with a fix to apply, in path order. Only reported findings carry
    placed fixes, so suppressed and baselined ones are never fixed. Where two fixes' edits overlap, the
    first in the file wins; the other waits for the next round."""
    chosen: dict[str, list[Finding]] = {}
    for finding in _placed(result):
        if applicable(finding, unsafe=unsafe):
            chosen.setdefault(finding.mark.path, []).append(finding)
    files = []
    for path in sorted(chosen):
        source = result.sources.get(path)
        if source is None:
            continue
        fixed, edits = _non_overlapping(chosen[path])
        after = apply_edits(source.text, edits)
        if after != source.text:
            files.append(FileFixes(path, source.text, after, tuple(fixed)))
    return files


def _placed(result: LintResult) -> Iterator[Finding]:
    """Every reported finding, those past a rule's cap per file included (a report shows one line for
    them, but each is fixed), with its fix placed in the text."""
    for finding in result.uncapped:
        fix = finding.autofix
        if fix is not None and not fix.resolved:
            source = result.sources.get(finding.mark.path)
            fix = source.resolve(fix) if source is not None else None
            finding = replace(finding, autofix=fix)
        yield finding


def _non_overlapping(findings: list[Finding]) -> tuple[list[Finding], list[Edit]]:
    """The findings whose edits touch no edit taken before, in the order of their first edit."""
    taken = _Taken()
    fixed = []
    for finding in sorted(findings, key=lambda f: min(e.start for e in _edits(f))):
        edits = _edits(finding)
        if any(taken.overlaps(edit) for edit in edits):
            continue
        for edit in edits:
            taken.add(edit)
        fixed.append(finding)
    return fixed, taken.edits


class _Taken:
    """Edits taken so far, by where they start and end. They do not overlap one another, so the one that
    starts last before an edit ends is the one reaching furthest: whether an edit overlaps any of them is
    a lookup, not a pass over them all (a file with thousands of fixes)."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self._spans: list[tuple[int, int]] = []  # (start, end) of each, sorted
        self._by_span: list[Edit] = []  # in the order of `_spans`

    def overlaps(self, edit: Edit) -> bool:
        at = bisect.bisect_left(self._spans, (edit.end, -1))  # the first that starts where `edit` ends
        # The one before reaches furthest of those starting earlier; the one at `at` may be an insertion
        # exactly where `edit` (another insertion) goes.
        return any(_overlap(edit, other) for other in self._by_span[max(0, at - 1) : at + 1])

    def add(self, edit: Edit) -> None:
        at = bisect.bisect_right(self._spans, (edit.start, edit.end))
        self._spans.insert(at, (edit.start, edit.end))
        self._by_span.insert(at, edit)
        self.edits.append(edit)


def _edits(finding: Finding) -> tuple[Edit, ...]:
    return finding.autofix.edits if finding.autofix is not None else ()


def _overlap(a: Edit, b: Edit) -> bool:
    """Edits that share a character, or two insertions at one place (their order would be a guess)."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


# The files whose strings Bicep writes (in single quotes); a JSON template's and parameters file's are in
# double quotes, and named by their `$schema`.
_BICEP_SUFFIXES = (".bicep", ".bicepparam")
_TEMPLATE_SCHEMAS = ("deploymenttemplate.json", "deploymentparameters.json")
# What a string may not hold to be written into JSON or Bicep as it is: a quote, an escape, Bicep's `${`.
_NEEDS_ESCAPING = frozenset("\"'\\$")


def template_value_span(text: str, start: int | None, edit: Edit) -> tuple[int, int] | None:
    """Where an ARM template, Bicep file or either's parameters file writes the value `edit` replaces: its
    text `written` whole between the quotes that open at the edit's mark (a JSON string's `"`, a Bicep
    string's `'`), the replacement needing no escape there. Anything else is not edited: a value an
    expression or an interpolation builds, or a parameter's default or a variable a finding's mark is not
    at, one written with escapes, and a JSON file of no template's schema (an inventory export, a snapshot
    of what is deployed, which editing does not change)."""
    written, replacement = edit.written, edit.replacement
    if start is None or not written or edit.part is not Part.TEXT or not _writable(replacement):
        return None
    if not _writable(written):
        return None
    bicep = edit.mark.path.lower().endswith(_BICEP_SUFFIXES)
    if not bicep and not _names_a_template_schema(text):
        return None
    quote, end = "'" if bicep else '"', start + 1 + len(written)
    quoted = text[start : start + 1] == quote and text[end : end + 1] == quote
    return (start + 1, end) if quoted and text[start + 1 : end] == written else None


def _writable(value: str) -> bool:
    return value.isprintable() and _NEEDS_ESCAPING.isdisjoint(value)


@functools.lru_cache(maxsize=4)
def _names_a_template_schema(text: str) -> bool:
    """Whether a JSON text names a template's or parameters file's `$schema`: asked once per text however
    many values of it are edited (a string's hash is kept with it, so the lookup does not read it again)."""
    lowered = text.lower()
    return any(schema in lowered for schema in _TEMPLATE_SCHEMAS)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with non-overlapping `edits` applied, from the end backwards so offsets stay valid; the
    text between edits is copied unchanged."""
    pieces, position = [], len(text)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        pieces.append(text[edit.end : position])
        pieces.append(edit.replacement)
        position = edit.start
    pieces.append(text[:position])
    return "".join(reversed(pieces))


def unified_diff(files: Iterable[FileFixes]) -> str:
    """The changes as `diff -u` prints them, path by path (`a/` and `b/` as git does), line endings
    kept as they are in the file. Built from the fixes' edits, which say which lines change: a general
    diff (difflib) would have to find them again, in time quadratic in the lines of a file whose fixed
    and unfixed lines alternate."""
    out = []
    for file in files:
        hunks = _hunks(file)
        if hunks:
            out += [_shown(f"--- a/{file.path}\n"), _shown(f"+++ b/{file.path}\n")]
        for line in (line for hunk in hunks for line in hunk):
            out.append(
                _shown(line) if line.endswith("\n") else _shown(line) + "\n\\ No newline at end of file\n"
            )
    return "".join(out)


CONTEXT = 3  # unchanged lines around each change, as `diff -u` shows them


@dataclass
class _Block:
    """Consecutive lines of the file that fixes change: old lines `first` to `last` (0-based, included),
    and the lines that replace them."""

    first: int
    last: int
    edits: list[Edit]
    new: list[str] = field(default_factory=list)


def _hunks(file: FileFixes) -> list[list[str]]:
    """The hunks of `file`'s diff, each its `@@` line and then its lines."""
    old = _lines(file.before)
    starts = list(itertools.accumulate((len(line) for line in old), initial=0))
    blocks = _blocks(file, starts)
    for block in blocks:
        segment = file.before[starts[block.first] : starts[block.last + 1]]
        shift = starts[block.first]
        block.new = _lines(apply_edits(segment, [_shifted(e, shift) for e in block.edits]))
    hunks, delta = [], 0
    for group in _grouped(blocks):
        first, last = max(group[0].first - CONTEXT, 0), min(group[-1].last + CONTEXT, len(old) - 1)
        lines, added = [], 0
        at = first
        for block in group:
            lines += [" " + line for line in old[at : block.first]]
            lines += ["-" + line for line in old[block.first : block.last + 1]]
            lines += ["+" + line for line in block.new]
            added += len(block.new) - (block.last + 1 - block.first)
            at = block.last + 1
        lines += [" " + line for line in old[at : last + 1]]
        size = last + 1 - first
        head = f"@@ -{_range(first, size)} +{_range(first + delta, size + added)} @@\n"
        hunks.append([head, *lines])
        delta += added
    return hunks


def _blocks(file: FileFixes, starts: list[int]) -> list[_Block]:
    """The changed lines, one block for each run of lines that edits touch (lines next to each other
    are one run, as a diff shows them)."""
    edits = sorted((e for f in file.fixed for e in _edits(f)), key=lambda e: (e.start, e.end))
    blocks: list[_Block] = []
    for edit in edits:
        first = bisect.bisect_right(starts, edit.start) - 1
        last = max(bisect.bisect_right(starts, max(edit.end - 1, edit.start)) - 1, first)
        if blocks and first <= blocks[-1].last + 1:
            blocks[-1].last = max(blocks[-1].last, last)
            blocks[-1].edits.append(edit)
        else:
            blocks.append(_Block(first, last, [edit]))
    return blocks


def _grouped(blocks: list[_Block]) -> Iterator[list[_Block]]:
    """Blocks close enough to share a hunk: at most twice the context apart."""
    group: list[_Block] = []
    for block in blocks:
        if group and block.first - group[-1].last - 1 > 2 * CONTEXT:
            yield group
            group = []
        group.append(block)
    if group:
        yield group


def _shifted(edit: Edit, by: int) -> Edit:
    return replace(edit, start=edit.start - by, end=edit.end - by)


def _range(start: int, size: int) -> str:
    """A hunk's range as `diff -u` writes it: 1-based, the size left out when it is 1."""
    if size == 1:
        return str(start + 1)
    return f"{start + 1 if size else start},{size}"


def _shown(line: str) -> str:
    """A diff line safe for a terminal or a CI log: control characters from the file escaped visibly, its
    line ending (`\n` or `\r\n`) kept so that the diff still applies as a patch. A lone `\r` is escaped
    too (docs/usage.md says such a file's diff does not apply: `--fix` writes it)."""
    for ending in ("\r\n", "\n"):
        if line.endswith(ending):
            return visible(line[: -len(ending)]) + ending
    return visible(line)


def _lines(text: str) -> list[str]:
    """Lines as XML counts them (split at `\n` only), each with its ending; `\r` stays in the line."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def write(file: FileFixes, fs_path: str) -> None:
    """Write the fixed text of `file` to `fs_path`, in the encoding the file has on disk.

    The file is read again first: if it changed since it was checked, or is not valid in its encoding
    (bytes that were read as U+FFFD would be lost), nothing is written."""
    from migcheck.guarded import read_bytes
    from migcheck.output import OutputError, refuse_linked_folders, write_bytes
    from migcheck.readers import MAX_FILE_BYTES
    from migcheck.readers.xml import encoding_of

    mode = _writable_mode(file.path, fs_path)
    try:
        data = read_bytes(fs_path, MAX_FILE_BYTES + 1, follow_links=False)
    except OSError as exc:
        raise FixError(f"cannot fix {file.path}: {exc.strerror or exc}") from None
    encoding = encoding_of(data)
    try:
        decoded = data.decode(encoding)
    except UnicodeDecodeError:
        raise FixError(
            f"cannot fix {file.path}: it holds bytes that are not valid {encoding}, which rewriting it "
            "would lose; fix the encoding first"
        ) from None
    bom = "\ufeff" if decoded.startswith("\ufeff") else ""  # utf-8-sig strips and writes its own
    if decoded[len(bom) :] != file.before:
        raise FixError(f"cannot fix {file.path}: it changed since it was checked; run migcheck again")
    try:
        fixed = (bom + file.after).encode(encoding)
        # a file named through a linked folder of the project (`net/` a link to a folder elsewhere) is
        # refused as a report written there is: a repository can commit the link to send the write away
        refuse_linked_folders(fs_path)
        write_bytes(fs_path, fixed, mode=mode)
    except UnicodeEncodeError:
        raise FixError(
            f"cannot fix {file.path}: the fix cannot be written in its encoding ({encoding})"
        ) from None
    except OutputError as exc:  # "cannot write PATH: why": said once, of the file as the report names it
        why = str(exc).removeprefix(f"cannot write {fs_path}: ")
        raise FixError(f"cannot fix {file.path}: {why}") from None


def _writable_mode(path: str, fs_path: str) -> int:
    """The permission bits of the file, which the fixed file keeps; a link (symbolic or hard) or a
    read-only file is refused: the atomic rename would replace what the owner protected, or what the
    file's other names still show."""
    try:
        info = os.lstat(fs_path)
    except OSError as exc:
        raise FixError(f"cannot fix {path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise FixError(
            f"cannot fix {path}: it is a symbolic link, and migcheck does not write through links; "
            "fix the file it points to"
        )
    if not stat.S_ISREG(info.st_mode):
        raise FixError(f"cannot fix {path}: it is not a regular file")
    if info.st_nlink > 1:
        # The fix is written to a new file renamed over this name: the file's other names would keep the
        # old text, two copies that silently differ. Writing in place instead would not be atomic.
        raise FixError(
            f"cannot fix {path}: it has {info.st_nlink} names (hard links), and the fixed file would replace "
            "this name only, leaving the others with the old text; make the change `--diff` shows in an "
            "editor, or give this name a file of its own (copy it, then move the copy over it) and fix again"
        )
    if not info.st_mode & 0o222 or not os.access(fs_path, os.W_OK):
        raise FixError(f"cannot fix {path}: the file is read-only; make it writable to fix it")
    return stat.S_IMODE(info.st_mode)


@dataclass(slots=True)
class Outcome:
    """What `fix_files` did: the check of the files as they are now, the findings fixed, the files
    written, and the files that could not be fixed (with why)."""

    result: LintResult
    fixed: list[Finding] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def fix_files(result: LintResult, recheck: Callable[[], LintResult], *, unsafe: bool = False) -> Outcome:
    """Apply the fixes of `result` to the files on disk, check again, and repeat while fixes apply (at
    most `MAX_ROUNDS` times). A file that cannot be fixed is left alone and named in `errors`."""
    outcome = Outcome(result)
    refused: set[str] = set()
    for _ in range(MAX_ROUNDS):
        files = [f for f in plan(outcome.result, unsafe=unsafe) if f.path not in refused]
        written = 0
        for file in files:
            fs_path = outcome.result.fs_paths.get(file.path)
            try:
                if fs_path is None:
                    raise FixError(f"cannot fix {file.path}: it was not read from a file")
                write(file, fs_path)
            except FixError as exc:
                refused.add(file.path)
                outcome.errors.append(str(exc))
                continue
            written += 1
            outcome.fixed.extend(file.fixed)
            outcome.files.add(file.path)
        if not written:
            break
        outcome.result = recheck()
    return outcome


def counts(result: LintResult) -> tuple[int, int]:
    """(safe, unsafe): how many findings `--fix` would fix, and how many more `--unsafe-fixes` would."""
    safe = unsafe = 0
    for finding in _placed(result):
        if finding.autofix is not None and finding.autofix.resolved:
            if finding.autofix.safe:
                safe += 1
            else:
                unsafe += 1
    return safe, unsafe
