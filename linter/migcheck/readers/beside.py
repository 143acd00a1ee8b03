"""The settings file a script loads beside it (`. "$PSScriptRoot\\config.ps1"`, `source ./env.sh`, `from
config import SERVICE_NAME`): its bytes, for the script's reader to take the values it assigns.

A settings file is read only when it is itself a file this run checks (so `exclude` and the walk's rules
apply to it as to every input), inside the project root (the folder walked, the one walked around an
editor's buffer; for a file named on the command line, any file the run checks), reached through no symbolic link, a regular file, and no larger than a
script may be. Its path is the one the script states, taken from the script's own folder. A settings file
loading another is not followed: while one is read for its values, no other is found (`values_of`).

The engine says which files the run checks (`checking`: an editor's buffer among them stands for its
file, with the bytes the editor holds) and which one is read now (`reading`); a reader called on its own
(a test, the pytest plugin reading one file) finds no settings file, and reads the script as it would
without one. Both are context variables: the editor server runs checks in a thread of its own, and forked
workers start with the context of the process that forked them.

What a read of a script took from settings files is recorded (`recording`: each file it looked for, and
the digest of the bytes it found there), so that a document kept between runs stands for the script only
while those files hold the same bytes (`unchanged`), and so that the run reports on each settings file
a finding may point into (`Document.settings_files`)."""

from __future__ import annotations

import bisect
import codecs
import contextlib
import contextvars
import functools
import itertools
import os
import posixpath
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar, cast

from migcheck import guarded
from migcheck.discover import CANDIDATE_SUFFIXES, STDIN, Candidate, Reach, display_path
from migcheck.formats import SCRIPT_BYTES, STDIN_SHOWN
from migcheck.model import Mark
from migcheck.readers.encoding import unmarked_utf16

__all__ = [
    "Loaded",
    "Settings",
    "checking",
    "files_beside",
    "files_in",
    "files_in_run",
    "files_under",
    "finding",
    "found_above",
    "note",
    "once_per_folder",
    "once_per_run",
    "reading",
    "recording",
    "settings_file",
    "unchanged",
    "values_of",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Settings:
    """A settings file a script loads: its display path (marks of the values it states point there) and
    its bytes."""

    path: str
    data: bytes


class Loaded(NamedTuple):
    """A settings file a read looked for, by absolute path: its display path and the digest of the bytes
    found there, both "" when there was none to read. Or a folder a read listed (`files_under`), by its
    absolute path with a separator at the end: no display path, and the digest of the files listed; the
    digest of a folder whose own files alone were listed (`files_beside`, `files_in`) starts with `_OWN_FILES`."""

    absolute: str
    path: str
    digest: str
    # The codec ("utf-16-le", "utf-16-be") of a file saved as UTF-16 without a byte order mark, which is
    # not read (`settings_file`), where the read that loads it says so: no check of the run says it of the
    # file itself. "" for every other.
    unmarked: str = ""
    # Where the script read now loads such a file, as the reader found it (`settings_file`'s `at`):
    # "<line>:<column>" in the script itself; `ELSEWHERE` where another file of the read loads it (a
    # Terraform module's other file, which says it in its own read) or none does (a file read beside the
    # script); "" where the reader gave no place.
    # A string, as the store keeps each field.
    at: str = ""


# `Loaded.at` of a file another file than the script read now loads.
ELSEWHERE = "elsewhere"


class _Inputs:
    """The files a run checks, by absolute path (and, for a script written on Windows that names its
    settings file in another case, by that path without case), and each settings file read so far. An
    editor's buffer (`buffer`: its file's absolute path and the bytes the editor holds) is its file."""

    def __init__(
        self,
        found: Sequence[Candidate],
        buffer: tuple[str, bytes] | None,
        exclude: Sequence[str] = (),
        respect_gitignore: bool = True,
    ) -> None:
        self.found = found
        self.buffer = buffer
        # What the walk leaves out, asked of a settings file it did not list (`_unchecked`), by project root.
        self.exclude, self.respect_gitignore = exclude, respect_gitignore
        self.reach: dict[str, Reach] = {}
        # Indexed at the first settings file a script loads: most runs load none, and the index of 40,000
        # files costs time and memory a run that loads none would spend for nothing.
        self.indexed: tuple[dict[str, Candidate], dict[str, Candidate | None]] | None = None
        self.read: dict[str, Settings | None] = {}
        self.unlisted: dict[str, Settings | None] = {}  # those the walk did not list (`_unchecked`)
        self.ordered: list[str] | None = None  # the absolute paths in order, at the first folder listed
        self.by_folder: dict[str, list[str]] | None = None  # the names in each folder, at the first asked for
        # What `once_per_run` made, by its key and project root (and `once_per_folder`, by its key, project
        # root and folder), with what its making took.
        self.made: dict[tuple[str, ...], tuple[object, tuple[Loaded, ...]]] = {}
        # What `values_of` made of each settings file for each reader in this run: the process's cache
        # holds a bounded number, which a folder of more files than that read in turn would empty.
        self.values: dict[tuple[Settings, Callable[[Settings], object]], object] = {}
        # The folder and project root of each script read, by its path: asked for each settings file a
        # script looks for.
        self.folders: dict[str, str] = {}
        self.roots: dict[str, str] = {}

    def in_order(self) -> list[str]:
        """The absolute path of each file to read, in order: the files inside a folder are a run of it."""
        if self.ordered is None:
            found = (self.absolute_of(candidate) for candidate in self.found)
            self.ordered = sorted(path for path in found if path is not None)
        return self.ordered

    def names_in(self, folder: str) -> list[str]:
        """The name of each file to read in `folder` (not in the folders under it), in order: all folders
        listed at the first asked for, so that each script of a folder costs the folder's files alone."""
        if self.by_folder is None:
            self.by_folder = {}
            for absolute in self.in_order():
                self.by_folder.setdefault(os.path.dirname(absolute), []).append(os.path.basename(absolute))
        return self.by_folder.get(folder, [])

    def _index(self) -> tuple[dict[str, Candidate], dict[str, Candidate | None]]:
        by_path: dict[str, Candidate] = {}
        by_folded: dict[str, Candidate | None] = {}
        for candidate in self.found:
            absolute = self.absolute_of(candidate)
            if absolute is None:
                continue
            by_path[absolute] = candidate
            folded = absolute.casefold()
            # Two files whose names differ only in case: neither is the one a case-blind name means.
            by_folded[folded] = None if folded in by_folded else candidate
        return by_path, by_folded

    def absolute_of(self, candidate: Candidate) -> str | None:
        """The absolute path of a file to read: for the editor's buffer, its file's; None for a file the
        walk refused, and for standard input that stands for no file."""
        if candidate.refused:
            return None
        if candidate.fs_path != STDIN:
            return os.path.abspath(candidate.fs_path)
        return self.buffer[0] if self.buffer is not None and candidate.path != STDIN_SHOWN else None

    def find(self, absolute: str) -> Candidate | None:
        if self.indexed is None:
            self.indexed = self._index()
        by_path, by_folded = self.indexed
        return by_path.get(absolute) or by_folded.get(absolute.casefold())


_INPUTS: contextvars.ContextVar[_Inputs | None] = contextvars.ContextVar("migcheck_inputs", default=None)
_READING: contextvars.ContextVar[Candidate | None] = contextvars.ContextVar("migcheck_reading", default=None)
_LOADED: contextvars.ContextVar[list[Loaded] | None] = contextvars.ContextVar("migcheck_loaded", default=None)


@contextlib.contextmanager
def checking(
    found: Sequence[Candidate],
    buffer: tuple[str, bytes] | None = None,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
) -> Iterator[None]:
    """While the files `found` are read: the settings files their scripts load may be among them, the
    editor's `buffer` (its file's path and bytes) in its file's place; one of another name is read where
    the walk, with the settings' `exclude` patterns and, with `respect_gitignore`, the .gitignore files,
    would have met it (see `_unchecked`)."""
    if buffer is not None:
        buffer = (os.path.abspath(buffer[0]), buffer[1])
    token = _INPUTS.set(_Inputs(found, buffer, exclude, respect_gitignore))
    try:
        yield
    finally:
        _INPUTS.reset(token)


@contextlib.contextmanager
def reading(candidate: Candidate) -> Iterator[None]:
    """While `candidate` is read: the script whose folder the settings files it loads are taken from (an
    editor's buffer: its file's folder)."""
    inputs = _INPUTS.get()
    named = candidate.fs_path != STDIN or (inputs is not None and inputs.absolute_of(candidate) is not None)
    token = _READING.set(candidate if named else None)
    try:
        yield
    finally:
        _READING.reset(token)


@contextlib.contextmanager
def recording() -> Iterator[list[Loaded]]:
    """What the reads in the block take from settings files, in order; also told to a recording around
    it, which thus hears of those of every read it holds."""
    loaded: list[Loaded] = []
    token = _LOADED.set(loaded)
    try:
        yield loaded
    finally:
        _LOADED.reset(token)
        note(loaded)


def note(loaded: Iterable[Loaded]) -> None:
    """Tell the recording open now (if any) of settings files a read took, as a document kept from an
    earlier read did."""
    recorded = _LOADED.get()
    if recorded is not None:
        recorded.extend(loaded)


def unchanged(loaded: Iterable[Loaded]) -> bool:
    """Whether each settings file a read of the script read now (`reading`) looked for is still what it
    found there: the same bytes, or still none to read."""
    inputs, loading = _INPUTS.get(), _READING.get()
    for each in loaded:
        if each.absolute.endswith(os.sep):  # a folder listed (`files_under`, `files_in`): the same files
            if inputs is None or _listed_digest(inputs, each) != each.digest:
                return False
            continue
        now = (
            _found(inputs, loading, each.absolute, any_name=True)
            if inputs is not None and loading is not None
            else None
        )
        if (_digest(now.data) if now is not None else "") != each.digest:
            return False
    return True


def once_per_run(key: str, make: Callable[[], T]) -> T:
    """`make()`, made at the first read of the run that asks (per `key` and project root) and kept: a read
    after it is given the same value, and told of the settings files and folders its making took (`note`),
    as if it had made it. `make` must give what does not depend on which script of the root is read now
    (paths from the working directory, not from the script's folder): what every configuration of a run
    calls, asked by each of thousands, is then one pass over the run's files, not one per file."""
    inputs, loading = _INPUTS.get(), _READING.get()
    if inputs is None or loading is None:
        return make()
    return _once(inputs, (key, _root(inputs, loading)), make)


def once_per_folder(key: str, make: Callable[[], T]) -> T:
    """`make()`, kept as `once_per_run` keeps it, per `key`, project root and folder of the script read now:
    for what depends on the script's folder alone, such as a settings file looked for by a path from it
    (found or not). The scripts of a folder that each import `os` then look for `os.py` beside them once."""
    inputs, loading = _INPUTS.get(), _READING.get()
    if inputs is None or loading is None:
        return make()
    return _once(inputs, (key, _root(inputs, loading), _folder(inputs, loading)), make)


def _once(inputs: _Inputs, key: tuple[str, ...], make: Callable[[], T]) -> T:
    known = inputs.made.get(key)
    if known is not None:
        note(known[1])
        return known[0]  # type: ignore[return-value]  # what `make` made under `key`
    with recording() as loaded:
        made = make()
    inputs.made[key] = (made, tuple(loaded))
    return made


def settings_file(
    stated: str,
    resolved: bool = False,
    wanted: Callable[[bytes], bool] | None = None,
    listed: bool = True,
    any_name: bool = False,
    at: Mark | None = None,
    loaded: bool = True,
) -> Settings | None:
    """The settings file at `stated` (`config.ps1`, `conf\\vars.sh`, `../settings.py`: `/` or `\\`),
    from the folder of the script read now, when it is one to read (see the module's docs); None for any
    other, and for an absolute path (one on the machine that runs the script, not in the repository).
    `resolved`: the script states the path from its folder with symbolic links resolved (`$(dirname
    "$(readlink -f "$0")")`), which is the folder it is checked in only when no link leads to it.
    `wanted`: whether the file's bytes are what the read looks for (a read that looks through many files for
    the few that name it); one that is not is None, recorded by its bytes' digest alone, so that the read
    depends on them (`unchanged`) while the file is no settings file of its document. Not `listed`: the
    file is recorded so even when it is returned (a file the read looks at and takes no value from, such as
    a `.bicepparam` file's `using`, which is no file migcheck reads on its own). `any_name`: a file of a
    name no reader reads (`source ./common.conf`, `. ./vars.inc`, `source config`) is read too, where the
    walk would have met it were its name one it reads (see `_unchecked`). `at`: where the script states
    the load (the path's string, a module's source), where a file saved as UTF-16 without a byte order
    mark is said not read (`Loaded.at`). Not `loaded`: a file read beside the script that no line of it
    loads (a Terraform module's other files), which the script's read does not say is not read."""
    inputs, loading = _INPUTS.get(), _READING.get()
    relative = stated.replace("\\", "/")
    if inputs is None or loading is None or not relative or _absolute(relative):
        return None
    if resolved and _linked_script(inputs, loading):
        return None
    absolute = os.path.normpath(os.path.join(_folder(inputs, loading), relative))
    settings = _found(inputs, loading, absolute, any_name)
    unmarked = unmarked_utf16(settings.data) if settings is not None else None
    if settings is None:
        note([Loaded(absolute, "", "")])
    elif unmarked is not None:
        from migcheck.readers import says_its_encoding  # the package that holds this module

        # Said by the file's own read, or not by a read that looks through many files (`wanted`).
        said_there = wanted is not None or (
            inputs.find(absolute) is not None and says_its_encoding(settings.path, settings.data)
        )
        unread = Loaded(
            absolute,
            settings.path,
            _digest(settings.data),
            unmarked,
            _place(at, loading) if loaded else ELSEWHERE,
        )
        note([unread if not said_there else Loaded(absolute, "", unread.digest)])
        return None
    elif (wanted is not None and not wanted(settings.data)) or not listed:
        note([Loaded(absolute, "", _digest(settings.data))])
        return settings if wanted is None or wanted(settings.data) else None
    else:
        note([Loaded(absolute, settings.path, _digest(settings.data))])
    return settings


def _place(at: Mark | None, loading: Candidate) -> str:
    """`Loaded.at` of a load stated `at` by a file of the read of the script `loading`."""
    if at is None:
        return ""
    if at.path != loading.path or at.line < 1:
        return ELSEWHERE
    return f"{at.line}:{max(at.column, 1)}"


def repository_tail(stated: str) -> str | None:
    """Of an absolute path a script states (`C:\\repo\\scripts\\common.ps1`, `/home/x/repo/lib.ps1`): the
    path from the folder of the script read now of the file its longest tail names from the project root
    (`scripts/common.ps1` there), a file the run reads: the machine that runs the script keeps the
    repository at another place than the one checked. None for a relative path, or where no tail names one."""
    inputs, loading = _INPUTS.get(), _READING.get()
    path = stated.replace("\\", "/")
    if inputs is None or loading is None or not _absolute(path):
        return None
    parts = path.split("/")[1:] if path[1:2] == ":" else path.split("/")  # without the drive
    if any(part in (".", "..") for part in parts):
        return None
    named = [part for part in parts if part]
    root, folder = _root(inputs, loading), _folder(inputs, loading)
    for start in range(len(named)):  # the longest tail first
        absolute = os.path.normpath(os.path.join(root, *named[start:]))
        if inputs.find(absolute) is not None:
            return os.path.relpath(absolute, folder).replace(os.sep, "/")
    return None


def folder_name() -> str | None:
    """The name of the folder of the script read now (`pyazure` for `pyazure/hostedservices.py`); None
    outside a run."""
    inputs, loading = _INPUTS.get(), _READING.get()
    if inputs is None or loading is None:
        return None
    return os.path.basename(_folder(inputs, loading))


def finding() -> bool:
    """Whether the settings files the script read now loads are looked for: it is read as one of the
    files a run checks, not alone (a test, the plugin reading one file) nor as a settings file itself."""
    return _INPUTS.get() is not None and _READING.get() is not None


def found_above(stated: str) -> str | None:
    """The display path of a file this run checks at `stated` (a path from the current location) from a
    folder above the script read now, the nearest first, up to the project root: the file a script run
    from that folder loads. Only named, never read for its values: which folder the script runs from is
    not stated."""
    inputs, loading = _INPUTS.get(), _READING.get()
    relative = stated.replace("\\", "/")
    if inputs is None or loading is None or not relative or _absolute(relative):
        return None
    root = _root(inputs, loading)
    folder = _folder(inputs, loading)
    while folder != root and folder.startswith(root.rstrip(os.sep) + os.sep):
        folder = os.path.dirname(folder)
        absolute = os.path.normpath(os.path.join(folder, relative))
        found = _found(inputs, loading, absolute)
        note([Loaded(absolute, found.path if found else "", _digest(found.data) if found else "")])
        if found is not None:
            return found.path
    return None


def files_under(stated: str) -> list[str]:
    """The path (from the folder of the script read now, `/` between folders) of each file this run checks
    inside the folder at `stated`, at any depth, in no particular order; none for an absolute path, or
    when no script is read now. Only listed: each is read, with every check, by `settings_file`.
    Logarithmic in the files checked, then linear in those listed."""
    inputs, loading = _INPUTS.get(), _READING.get()
    relative = stated.replace("\\", "/")
    if inputs is None or loading is None or not relative or _absolute(relative):
        return []
    base = _folder(inputs, loading)
    prefix = os.path.join(os.path.normpath(os.path.join(base, relative)), "")
    under = _under(inputs, prefix)
    # Recorded as a folder looked in: a file added to it or taken out of it changes what the read lists.
    note([Loaded(prefix, "", _listing_digest(under))])
    return [os.path.relpath(absolute, base).replace(os.sep, "/") for absolute in under]


def _under(inputs: _Inputs, prefix: str) -> list[str]:
    """The absolute path of each file this run checks whose path starts with `prefix` (a folder's, with
    its separator at the end), in order."""
    ordered = inputs.in_order()
    under = []
    for absolute in itertools.islice(ordered, bisect.bisect_left(ordered, prefix), None):
        if not absolute.startswith(prefix):
            break
        under.append(absolute)
    return under


def _listing_digest(under: list[str]) -> str:
    return _digest("\0".join(under).encode("utf-8", "surrogateescape"))


# What starts the digest of a folder whose own files alone a read listed (`files_beside`, `files_in`), so that a
# later run lists that folder again the same way (see `_listed_digest`).
_OWN_FILES = "own:"


def _listed_digest(inputs: _Inputs, listed: Loaded) -> str:
    """The digest of the files this run checks in a folder a read listed (`listed`), listed as it was."""
    if listed.digest.startswith(_OWN_FILES):
        return _OWN_FILES + _listing_digest(inputs.names_in(os.path.dirname(listed.absolute)))
    return _listing_digest(_under(inputs, listed.absolute))


def files_beside() -> list[str]:
    """The name of each file this run checks in the folder of the script read now (not in the folders
    under it), the script's own among them, in order; none when no script is read now. Only listed: each
    is read, with every check, by `settings_file`."""
    inputs, loading = _INPUTS.get(), _READING.get()
    if inputs is None or loading is None:
        return []
    folder = _folder(inputs, loading)
    names = inputs.names_in(folder)
    # Recorded as a folder looked in: a file added beside the script (a child runbook it starts) or taken
    # away changes what the read finds there.
    note([Loaded(os.path.join(folder, ""), "", _OWN_FILES + _listing_digest(names))])
    return names


def files_in(stated: str) -> list[str]:
    """The path (from the folder of the script read now, `/` between folders) of each file this run checks
    in the folder at `stated` (not in the folders under it), in order; none for an absolute path, or when
    no script is read now. Only listed: each is read, with every check, by `settings_file`. Linear in the
    files listed, whatever the number under the folder (a chain of nested folders lists each once)."""
    inputs, loading = _INPUTS.get(), _READING.get()
    relative = posixpath.normpath(stated.replace("\\", "/")) if stated else ""
    if inputs is None or loading is None or not relative or _absolute(relative):
        return []
    folder = os.path.normpath(os.path.join(_folder(inputs, loading), relative))
    names = inputs.names_in(folder)
    # Recorded as a folder whose own files were listed: a file added to it or taken out of it changes
    # what the read lists.
    note([Loaded(os.path.join(folder, ""), "", _OWN_FILES + _listing_digest(names))])
    return [name if relative == "." else f"{relative}/{name}" for name in names]


def files_in_run(suffixes: tuple[str, ...]) -> list[str]:
    """The path (from the folder of the script read now, `/` between folders) of each file this run checks
    in the project root whose name ends with one of `suffixes`, in order; none when no script is read now. Only listed: each is
    read, with every check, by `settings_file`."""
    inputs, loading = _INPUTS.get(), _READING.get()
    if inputs is None or loading is None:
        return []
    base = _folder(inputs, loading)
    root = os.path.join(_root(inputs, loading), "")
    under = _under(inputs, root)
    # Recorded as the project's folder looked in: a file added to it or taken out changes what the read finds.
    note([Loaded(root, "", _listing_digest(under))])
    return [
        os.path.relpath(absolute, base).replace(os.sep, "/")
        for absolute in under
        if absolute.endswith(suffixes)
    ]


def _root(inputs: _Inputs, loading: Candidate) -> str:
    """The project root of the script read now (absolute): the folder walked that it was met in; for a
    file named on the command line, the root of its file system, so that it reaches the other files the
    run checks wherever they are (`migcheck check main.bicep ../modules/vm.bicep`, or files named from
    another folder than theirs), as a run of a folder holding them all does; for an editor's buffer in no
    folder named, the working directory. What it reaches is still only the files the run checks."""
    root = inputs.roots.get(loading.fs_path)
    if root is None:
        root = inputs.roots[loading.fs_path] = _root_of(inputs, loading)
    return root


def _root_of(inputs: _Inputs, loading: Candidate) -> str:
    if loading.within:
        return os.path.abspath(loading.within)
    if loading.explicit:
        drive, _ = os.path.splitdrive(_folder(inputs, loading))
        return drive + os.sep
    return os.getcwd()


def _linked_script(inputs: _Inputs, loading: Candidate) -> bool:
    """Whether the script read now, or a folder it is in, is reached through a symbolic link."""
    script = inputs.buffer[0] if loading.fs_path == STDIN and inputs.buffer is not None else loading.fs_path
    absolute = os.path.abspath(script)
    return loading.link or os.path.realpath(absolute) != absolute


def _folder(inputs: _Inputs, loading: Candidate) -> str:
    """The folder of the script read now: that of its file, for an editor's buffer."""
    folder = inputs.folders.get(loading.fs_path)
    if folder is None:
        if loading.fs_path == STDIN and inputs.buffer is not None:
            folder = os.path.dirname(inputs.buffer[0])
        else:
            folder = os.path.dirname(os.path.abspath(loading.fs_path))
        inputs.folders[loading.fs_path] = folder
    return folder


def _found(inputs: _Inputs, loading: Candidate, absolute: str, any_name: bool = False) -> Settings | None:
    """The settings file at `absolute` for the script `loading`, read once per run; with `any_name`, one
    the run does not check too (see `_unchecked`)."""
    if absolute not in inputs.read:
        found = inputs.find(absolute)
        root = _root(inputs, loading)
        folder = _folder(inputs, loading)
        inputs.read[absolute] = _read(inputs, found, folder, root) if found is not None else None
    if inputs.read[absolute] is not None or not any_name or inputs.find(absolute) is not None:
        return inputs.read[absolute]
    if absolute not in inputs.unlisted:
        found = _unchecked(inputs, loading, absolute)
        folder = _folder(inputs, loading)
        inputs.unlisted[absolute] = _read(inputs, found, folder, found.within) if found is not None else None
    return inputs.unlisted[absolute]


def _unchecked(inputs: _Inputs, loading: Candidate, absolute: str) -> Candidate | None:
    """The file at `absolute` that no reader of the run reads by its name (`common.conf`, `vars.inc`, a
    `config` with no `#!` line), as a settings file of the script `loading`: where the walk of its project
    root would have met it were its name one it reads (see `discover.Reach`), else None. None for a file
    whose name the walk reads, which the walk did not list for a reason of its own (`include`), and for a
    script met in no walk (named on the command line), whose settings files are the files the run checks.
    `_read` then reads it as any settings file."""
    top = loading.within
    real = os.path.realpath(absolute)
    if (
        not top
        or not real.startswith(top.rstrip(os.sep) + os.sep)
        or real.lower().endswith(CANDIDATE_SUFFIXES)
    ):
        return None
    if not os.path.isfile(real):
        return None
    reach = inputs.reach.get(top)
    if reach is None:
        reach = inputs.reach[top] = Reach(top, inputs.exclude, inputs.respect_gitignore)
    if not reach.reaches(os.path.relpath(real, top)):
        return None
    return Candidate(display_path(absolute), absolute, explicit=False, within=top)


def _digest(data: bytes) -> str:
    import hashlib  # imported by a script that loads a settings file: importing it loads OpenSSL

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _absolute(path: str) -> bool:
    """A path from the root of a drive or file system (`/etc/x`, `C:/x`, `//server/share`)."""
    return path.startswith("/") or (len(path) > 1 and path[1] == ":")


def _read(inputs: _Inputs, candidate: Candidate, folder: str, root: str) -> Settings | None:
    """The bytes of a checked file, read from the script's `folder`, when it is inside `root` (a real path)
    and no folder on the way from the script's folder to it, nor the file, is a symbolic link; else None.
    The editor's buffer gives the bytes it holds."""
    buffer = inputs.buffer if candidate.fs_path == STDIN else None
    absolute = buffer[0] if buffer is not None else os.path.abspath(candidate.fs_path)
    if candidate.link or _through_a_link(folder, absolute):
        return None
    if not os.path.realpath(absolute).startswith(root.rstrip(os.sep) + os.sep):
        return None
    if buffer is not None:
        data = buffer[1]
    else:
        try:
            data = guarded.read_bytes(candidate.fs_path, SCRIPT_BYTES + 1, follow_links=False, within=root)
        except OSError:
            return None  # the file's own check says why it cannot be read
    # Without a UTF-8 byte order mark, as a file's own read takes it (`codecs.BOM_UTF8`).
    return Settings(candidate.path, data.removeprefix(codecs.BOM_UTF8)) if len(data) <= SCRIPT_BYTES else None


def _through_a_link(folder: str, absolute: str) -> bool:
    """Whether a folder the path from `folder` to the file `absolute` goes down through, or the file, is
    a symbolic link (the folders it goes up through hold the script itself)."""
    common = os.path.commonpath([folder, absolute])
    path = common
    for part in os.path.relpath(absolute, common).split(os.sep):
        path = os.path.join(path, part)
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return True
        except OSError:
            return True
    return False


def values_of(settings: Settings, read: Callable[[Settings], T]) -> T:
    """What `read` makes of a settings file (the values it assigns), once per process for each file and
    reader: no settings file is found while it runs, so one that loads another does not follow it. Once
    per run as well, whatever the number of files: each of a folder's 400 Terraform files reads the other
    399, which the process's cache of 256 alone would read again for each."""
    inputs = _INPUTS.get()
    if inputs is None:
        return _values(settings, read)
    key = (settings, read)
    if key not in inputs.values:
        inputs.values[key] = _values(settings, read)
    return cast(T, inputs.values[key])


@functools.lru_cache(maxsize=256)
def _values(settings: Settings, read: Callable[[Settings], T]) -> T:
    token = _READING.set(None)
    try:
        return read(settings)
    finally:
        _READING.reset(token)
