"""Documents read by an earlier run of the editor server, kept on disk in the user's cache folder, so that
the server's first lint of a workspace parses only the files that changed since it last ran; and the
findings of the server's last lint of the files as saved, so that a document opened unchanged in an
unchanged workspace shows them before the workspace is read (`kept_findings`).

Why a kept document can stand for reading its file:
- it is used only for bytes with the digest of those it was read from, at the same display path, read the
  same way (named, or met in a walk): what the reader would make of them again;
- the whole store is dropped when migcheck's own code, lxml or Python changed (`fingerprint`);
- its text, which is not kept, is the bytes decoded as the XML front end decodes them: a document whose
  reader decoded its file otherwise (a script with a coding cookie) is not kept.

Kept findings stand for a lint's only under the settings they were found with (a key the caller makes of
them) and when every file that lint read has the size, modification time and inode it had: a workspace
changed in any file shows none of them. The server lints the workspace anyway and publishes what it
finds, so what they show lasts until then.

Safety: the store holds only records of migcheck's model, in JSON, and is decoded into those types alone:
nothing in the file can name another type or run code (never pickle). It is read through the guarded
reader without following a link, and written atomically (a new file in the cache folder, renamed over the
old one) into a folder only the user can enter; a link in its place is not written through. A store that
cannot be read, or is not what this version wrote, is ignored; one that cannot be written is not an error:
the files are read instead, next time too.

`MIGCHECK_CACHE_DIR` names the cache folder (empty: keep nothing); else the platform's user cache folder."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any

from migcheck import __version__
from migcheck.model import AttributeMark, Document, Finding, Mark, ShownMark, TextMark
from migcheck.output import OutputError, write_bytes

__all__ = ["DocumentStore", "cache_folder"]

# What a store file starts with; a change to the layout below changes it, and older stores are ignored.
_LAYOUT = 3
# Larger than the store of any workspace migcheck can lint (about 1 KB per file): a file past it is not
# a store this code wrote.
_MAX_STORE_BYTES = 512 * 1024 * 1024
_MODEL_MODULES = ("migcheck.model", "migcheck.inventory_model")
# A workspace's store not written for this long is deleted when another is written (`_prune`).
_KEEP_DAYS = 30
_NONE = "null"  # what a store holds for a file that is not for migcheck (the reader made no document)


def cache_folder() -> str | None:
    """Where migcheck keeps what outlives a run: `MIGCHECK_CACHE_DIR`, else the user's cache folder of the
    platform; None when `MIGCHECK_CACHE_DIR` is set empty (keep nothing) or there is no home to keep it in."""
    named = os.environ.get("MIGCHECK_CACHE_DIR")
    if named is not None:
        return os.path.abspath(named) if named else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
        return os.path.join(base, "migcheck", "Cache") if base else None
    if sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:  # the XDG rule: a relative XDG_CACHE_HOME is ignored, as if unset
        base = os.environ.get("XDG_CACHE_HOME", "")
        base = base if os.path.isabs(base) else os.path.expanduser("~/.cache")
    return os.path.join(base, "migcheck") if os.path.isabs(base) else None


class DocumentStore:
    """The documents of one workspace (a set of folders), kept between runs of the editor server."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._codec = _Codec()
        # fs path -> [display path, named, digest, has text, document, settings files]: the document as
        # JSON text, or the Document itself when read in this process (encoded when written: reading stays
        # as fast); the settings files its read looked for, as `readers.beside.Loaded` lists.
        self._kept: dict[str, list[Any]] | None = None  # the file's, loaded when first asked
        self._used: dict[str, list[Any]] = {}  # what this process read or took from the file
        # Settings key -> {"files": fs path -> [display path, named, mtime, size, inode], "findings":
        # display path -> the findings in that file as JSON text}: the file's, and those kept since.
        self._findings: dict[str, dict[str, Any]] = {}
        self._findings_used: dict[str, dict[str, Any]] = {}
        self._unsaved = False

    @classmethod
    def for_workspace(cls, roots: Iterable[str]) -> DocumentStore | None:
        """The store of the workspace made of the folders `roots`; None when nothing is to be kept."""
        folder = cache_folder()
        if folder is None:
            return None
        joined = "\0".join(sorted(os.path.abspath(r) for r in roots)).encode("utf-8", "surrogatepass")
        name = hashlib.blake2b(joined, digest_size=12).hexdigest()
        return cls(os.path.join(folder, "documents", name + ".json"))

    @property
    def unsaved(self) -> bool:
        """Documents were read since the store was last written."""
        return self._unsaved

    def read(self, fs_path: str, path: str, data: bytes, *, explicit: bool) -> Document | None:
        """The document of the file `fs_path`, displayed as `path`, holding `data`: the kept one when the
        bytes are those it was read from, and the settings files its read took values from
        (`readers.beside`) hold what they held then, else read now (`readers.read_document`) and kept."""
        from migcheck.readers import beside, read_document
        from migcheck.texts import decoded_alike

        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        entry = self._used.get(fs_path) or self._entries().get(fs_path)
        if entry is not None and entry[:3] == [path, explicit, digest]:
            loaded = [beside.Loaded(*each) for each in entry[5]]
            found, document = self._decoded(entry, data) if beside.unchanged(loaded) else (False, None)
            if found:
                self._used[fs_path] = entry
                beside.note(loaded)  # what the read it stands for took from settings files
                return document
        with beside.recording() as loaded:
            document = read_document(path, data, explicit=explicit)
        # Kept when its text can be made again from the bytes alone (always, for the XML formats); a file
        # that is not for migcheck (a script that uses no classic API) is kept as none.
        if document is None or not document.text or decoded_alike(document, data):
            has_text = document is not None and bool(document.text)
            settings = [list(each) for each in loaded]
            self._used[fs_path] = [path, explicit, digest, has_text, document or _NONE, settings]
            self._unsaved = True
        return document

    def keep_findings(self, key: str, files: dict[str, list[Any]], findings: Iterable[Finding]) -> None:
        """Keep `findings`, unlocated: those of a lint under the settings `key` that read `files` (fs
        path -> [display path, named, mtime, size, inode]: `engine.ReadCache.stamps`)."""
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:
            by_path.setdefault(finding.mark.path, []).append(finding)
        try:
            encoded = {
                path: json.dumps([self._codec.encode(f, path) for f in group], separators=(",", ":"))
                for path, group in by_path.items()
            }
        except _NotKept:  # a finding holding what is not a record of the model
            return
        self._findings_used[key] = {"files": files, "findings": encoded}
        self._unsaved = True

    def kept_findings(
        self, key: str, files: dict[str, list[Any]], fs_path: str, data: bytes
    ) -> list[Finding] | None:
        """The findings kept under `key` in the file `fs_path`, whose editor buffer holds `data`: when the
        lint that found them read the very `files` there are now and the file held `data`; else None."""
        entries = self._entries()  # loads the findings the last server kept, too
        entry = self._used.get(fs_path) or entries.get(fs_path)
        # Those as the store held them when this process loaded or last wrote it: what this process keeps
        # meanwhile (its own warm-up, running beside) is its own lint's, published by the lint itself.
        kept = self._findings.get(key)
        if entry is None or not isinstance(kept, dict) or kept.get("files") != files:
            return None
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        if fs_path not in files or entry[:3] != [*files[fs_path][:2], digest]:
            return None  # the buffer is not what the file held when its document was read
        path = files[fs_path][0]
        try:
            found = [
                self._codec.decode(value, path) for value in json.loads(kept["findings"].get(path, "[]"))
            ]
        except (KeyError, TypeError, ValueError, IndexError, AttributeError, RecursionError):
            return None  # JSON and Unicode errors are ValueErrors; not a dict of texts: the others
        if not all(isinstance(f, Finding) and f.mark.path == path for f in found):
            return None
        self._findings_used.setdefault(key, kept)  # still true of the files: written again, unless replaced
        return found

    def save(self, fs_paths: Iterable[str]) -> None:
        """Write the documents of the files `fs_paths` (those the server holds now), and the findings kept
        or used by this process, when some were read or kept since the store was last written or loaded;
        the others are dropped from it."""
        entries = {p: self._used[p] for p in fs_paths if p in self._used}
        if not self._unsaved and entries.keys() == self._entries().keys():
            return
        for entry in entries.values():
            if isinstance(entry[4], Document):
                entry[4] = self._encoded(entry[4])
        entries = {p: entry for p, entry in entries.items() if entry[4] is not None}
        self._used, self._kept, self._unsaved = entries, dict(entries), False
        self._findings = dict(self._findings_used)
        kept = {
            "layout": _LAYOUT,
            "fingerprint": fingerprint(),
            "documents": entries,
            "findings": self._findings,
        }
        body = json.dumps(kept, separators=(",", ":"))
        with contextlib.suppress(OSError, OutputError):  # nothing kept: the files are read next time
            _write(self.path, body.encode("ascii"))

    def _entries(self) -> dict[str, list[Any]]:
        if self._kept is None:
            self._kept, self._findings = _load(self.path)
        return self._kept

    def _decoded(self, entry: list[Any], data: bytes) -> tuple[bool, Document | None]:
        """(whether the entry holds a document, or that there is none, as this code writes them; the
        document, with its text made again from `data`)."""
        from migcheck.readers.xml import decode

        kept = entry[4]
        if kept == _NONE or isinstance(kept, Document):  # a document read by this process
            return True, None if kept == _NONE else kept
        try:
            document = self._codec.decode(json.loads(kept), entry[0])  # TypeError: not an array
        except (KeyError, TypeError, ValueError, IndexError, AttributeError, RecursionError):
            return False, None
        if not isinstance(document, Document):
            return False, None
        d, text = document, decode(data) if entry[3] else ""
        return True, Document(
            d.path,
            d.kind,
            d.root,
            d.resources,
            d.suppressions,
            d.directive_comments,
            d.problem,
            text,
            d.settings_files,
            d.functions_run,
        )

    def _encoded(self, document: Document) -> str | None:
        """`document` as kept (JSON text), or None when it holds what is not a record of the model."""
        try:
            encoded = self._codec.encode(document.without_text(), document.path)
        except _NotKept:
            return None
        return json.dumps(encoded, separators=(",", ":"))


def _load(path: str) -> tuple[dict[str, list[Any]], dict[str, dict[str, Any]]]:
    """The entries and the kept findings of the store at `path`; none when it is absent, unreadable, or
    not this code's."""
    from migcheck.guarded import read_bytes

    try:
        data = read_bytes(path, _MAX_STORE_BYTES + 1, follow_links=False)
        if len(data) > _MAX_STORE_BYTES:
            return {}, {}
        kept = json.loads(data)
    except (OSError, ValueError):  # JSON and Unicode errors are ValueErrors
        return {}, {}
    if (
        not isinstance(kept, dict)
        or kept.get("layout") != _LAYOUT
        or kept.get("fingerprint") != fingerprint()
    ):
        return {}, {}
    documents, findings = kept.get("documents"), kept.get("findings")
    if not isinstance(documents, dict):
        return {}, {}
    entries = {
        k: v
        for k, v in documents.items()
        if isinstance(v, list) and len(v) == 6 and isinstance(v[4], str) and _settings_read(v[5])
    }
    return entries, findings if isinstance(findings, dict) else {}


def _settings_read(value: object) -> bool:
    """Whether an entry's last field is what `DocumentStore.read` keeps of the settings files a read took
    values from: a `readers.beside.Loaded` each (absolute path, display path, digest, codec of a file left
    unread), as a list of its fields."""
    from migcheck.readers.beside import Loaded

    return isinstance(value, list) and all(
        isinstance(each, list)
        and len(each) == len(Loaded._fields)
        and all(type(part) is str for part in each)
        for each in value
    )


def _write(path: str, data: bytes) -> None:
    """Write the store through the one atomic writer (`migcheck.output`), into a folder made private to
    the user; not when that folder is a link."""
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if os.path.islink(folder):
        raise OSError(0, "the store's folder is a symbolic link")
    with contextlib.suppress(FileNotFoundError):  # a pipe or device there is not a store to replace
        if not stat.S_ISREG(os.lstat(path).st_mode):
            raise OSError(0, "the store's path is not a regular file")
    write_bytes(path, data)
    _prune(folder)


def _prune(folder: str) -> None:
    """Delete the stores of workspaces no server opened for `_KEEP_DAYS` (each server that writes its own
    store prunes the others): one file per workspace ever opened would otherwise stay for good. Only this
    code's files (a store name), only regular files, never through a link."""
    too_old = time.time() - _KEEP_DAYS * 86400
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            name, _, suffix = entry.name.partition(".")
            if suffix != "json" or len(name) != 24 or not all(c in "0123456789abcdef" for c in name):
                continue
            with contextlib.suppress(OSError):
                if (
                    entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime < too_old
                ):
                    os.unlink(entry.path)


def fingerprint() -> str:
    """What the documents were read by: migcheck's version and the digest of its own source (an editable
    install changes without a new version), lxml and libxml2, Python. Computed once per process."""
    global _fingerprint
    if _fingerprint is None:
        from lxml import etree

        digest = hashlib.blake2b(digest_size=16)
        for name in (__version__, sys.version, str(etree.LXML_VERSION), str(etree.LIBXML_VERSION)):
            digest.update(name.encode() + b"\0")
        for source in _sources():
            digest.update(source.encode("utf-8", "surrogatepass") + b"\0")
            with open(source, "rb") as file:
                digest.update(file.read())
        _fingerprint = digest.hexdigest()
    return _fingerprint


_fingerprint: str | None = None


def _sources() -> Iterator[str]:
    """The Python files of the migcheck package, in a fixed order."""
    package = os.path.dirname(os.path.abspath(__file__))
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(s for s in subfolders if s != "__pycache__")
        yield from (os.path.join(folder, f) for f in sorted(files) if f.endswith(".py"))


class _NotKept(Exception):
    """A value that is not part of migcheck's model: its document is not kept."""


def _mark(path: object, line: object, tag: object, nth: object, column: object) -> Mark:
    # Spelled out: a store of 4,000 files holds some 20,000 marks.
    if not (
        type(path) is str
        and type(tag) is str
        and type(line) is int
        and type(nth) is int
        and type(column) is int
    ):
        raise ValueError("a mark of other types")
    return Mark(path, line, tag, nth, column)  # checked just above


def _attribute_mark(
    path: object, line: object, tag: object, nth: object, column: object, attribute: object
) -> AttributeMark:
    mark = _mark(path, line, tag, nth, column)
    if type(attribute) is not str:
        raise ValueError("a mark of other types")
    return AttributeMark(mark.path, mark.line, mark.tag, mark.nth, mark.column, attribute)


def _shown_mark(mark: Mark, line: object, column: object) -> ShownMark:
    if type(line) is not int or type(column) is not int:
        raise ValueError("a mark of other types")
    return ShownMark(mark.path, mark.line, mark.tag, mark.nth, mark.column, line, column)


def _text_mark(mark: Mark, child: object) -> TextMark:
    if type(child) is not str:
        raise ValueError("a mark of other types")
    return TextMark(mark.path, mark.line, mark.tag, mark.nth, mark.column, child)


_BUILTIN_TYPES: dict[str, type] = {
    "str": str,
    "int": int,
    "bool": bool,
    "float": float,
    "None": type(None),
    "tuple": tuple,
    "frozenset": frozenset,
}


class _Codec:
    """Records of the model to JSON values and back. Each JSON array starts with what it holds:

    - `["t", ...]` a tuple, `["s", ...]` a frozenset;
    - `["m", line, tag, nth, column]` a mark in the document's own file, `["M", path, ...]` in another;
    - `["e", name, value]` an enum member, `["d", name, *fields]` a record, by their class names in
      `_MODEL_MODULES`: the only classes a store can make."""

    def __init__(self) -> None:
        self._types: dict[str, type] = {}
        self._names: dict[type, str] = {}
        self._fields: dict[type, tuple[str, ...]] = {}
        self._arity: dict[type, int] = {}  # the length of a record's array: its fields, its tag and name
        # Per record, per field: the types its value may have, and those of its items (a tuple's).
        self._checks: dict[type, list[tuple[tuple[type, ...] | None, tuple[type, ...] | None]]] = {}

    def encode(self, value: object, path: str) -> Any:
        kind = type(value)
        if value is None or kind is str or kind is int or kind is bool or kind is float:
            return value
        if kind is tuple and isinstance(value, tuple):
            return ["t", *(self.encode(v, path) for v in value)]
        if kind is Mark and isinstance(value, Mark):
            where = ["m"] if value.path == path else ["M", value.path]
            return [*where, value.line, value.tag, value.nth, value.column]
        if kind is AttributeMark and isinstance(value, AttributeMark):
            where = ["a"] if value.path == path else ["A", value.path]
            return [*where, value.line, value.tag, value.nth, value.column, value.attribute]
        if kind is ShownMark and isinstance(value, ShownMark):
            where = ["w"] if value.path == path else ["W", value.path]
            return [
                *where,
                value.line,
                value.tag,
                value.nth,
                value.column,
                value.shown_line,
                value.shown_column,
            ]
        if kind is TextMark and isinstance(value, TextMark):
            where = ["x"] if value.path == path else ["X", value.path]
            return [*where, value.line, value.tag, value.nth, value.column, value.child]
        if kind is frozenset and isinstance(value, frozenset):
            # Names in a fixed order, so that the same documents make the same store.
            items = sorted(value) if all(type(v) is str for v in value) else list(value)
            return ["s", *(self.encode(v, path) for v in items)]
        name = self._name(kind)
        if isinstance(value, enum.Enum):
            return ["e", name, value.value]
        return ["d", name, *(self.encode(getattr(value, f), path) for f in self._fields[kind])]

    def decode(self, value: list[Any], path: str) -> Any:
        """The value a JSON array stands for; scalars stand for themselves and are not passed here (a
        store of 4,000 files holds some 150,000 of them)."""
        tag = value[0]
        if tag == "m":
            return _mark(path, *value[1:5])
        if tag == "d":
            kind = self._type(value[1])
            if len(value) != self._arity.get(kind, -1):
                raise ValueError(value[1])
            values = [self.decode(v, path) if type(v) is list else v for v in value[2:]]
            for v, (allowed, items) in zip(values, self._checks[kind], strict=True):
                if allowed and type(v) not in allowed:
                    raise ValueError(f"{value[1]}: a value of type {type(v).__name__}")
                if items:
                    for item in v:  # a loop, not any(): most tuples hold one or two items
                        if type(item) not in items:
                            raise ValueError(f"{value[1]}: an item of type {type(item).__name__}")
            return kind(*values)
        if tag == "t":
            return tuple([self.decode(v, path) if type(v) is list else v for v in value[1:]])
        if tag == "M":
            return _mark(*value[1:6])
        if tag == "a":
            return _attribute_mark(path, *value[1:6])
        if tag == "A":
            return _attribute_mark(*value[1:7])
        if tag == "w":
            return _shown_mark(_mark(path, *value[1:5]), *value[5:7])
        if tag == "W":
            return _shown_mark(_mark(*value[1:6]), *value[6:8])
        if tag == "x":
            return _text_mark(_mark(path, *value[1:5]), value[5])
        if tag == "X":
            return _text_mark(_mark(*value[1:6]), value[6])
        if tag == "s":
            return frozenset([self.decode(v, path) if type(v) is list else v for v in value[1:]])
        if tag == "e":
            kind = self._type(value[1])
            if not issubclass(kind, enum.Enum):
                raise ValueError(value[1])
            return kind(value[2])
        raise ValueError(tag)

    def _name(self, kind: type) -> str:
        if not self._names:
            self._load()
        name = self._names.get(kind)
        if name is None:
            raise _NotKept(kind.__qualname__)
        return name

    def _type(self, name: object) -> type:
        if not self._types:
            self._load()
        return self._types[name]  # type: ignore[index]  # KeyError: not a class of the model

    def _load(self) -> None:
        """The records and enums the model modules define, by name, and what each record's fields hold."""
        import importlib

        annotations: list[tuple[type, list[str]]] = []
        for module_name in _MODEL_MODULES:
            module = importlib.import_module(module_name)
            for name, kind in vars(module).items():
                if not isinstance(kind, type) or kind.__module__ != module_name:
                    continue
                if dataclasses.is_dataclass(kind):
                    if not all(f.init for f in dataclasses.fields(kind)):
                        continue  # not made from its fields alone
                    self._fields[kind] = tuple(f.name for f in dataclasses.fields(kind))
                    self._arity[kind] = len(self._fields[kind]) + 2
                    annotations.append((kind, [str(f.type) for f in dataclasses.fields(kind)]))
                elif not issubclass(kind, enum.Enum):
                    continue
                if name in self._types:
                    raise RuntimeError(f"two classes of the model are named {name}")
                self._types[name], self._names[kind] = kind, name
        for kind, written in annotations:
            self._checks[kind] = [(self._allowed(a), self._items(a)) for a in written]

    def _allowed(self, annotation: str) -> tuple[type, ...] | None:
        """The types a field's annotation allows (`str`, `Mark | None`, `tuple[NameRef, ...]`); None when
        it names one this check does not know, which then lets any value through."""
        allowed = []
        for part in annotation.split("|"):
            name = part.strip().split("[", 1)[0]
            found = _BUILTIN_TYPES.get(name) or self._types.get(name)
            if found is None:
                return None
            allowed.append(found)
            if (
                found is Mark
            ):  # a field of a mark may hold the mark of one of its element's attributes, or text
                allowed += (AttributeMark, TextMark, ShownMark)
        return tuple(allowed)

    def _items(self, annotation: str) -> tuple[type, ...] | None:
        """What the items of a `tuple[X, ...]` or `frozenset[X]` field may be; None for any other field."""
        for container in ("tuple[", "frozenset["):
            if annotation.startswith(container) and annotation.endswith("]"):
                inner = annotation[len(container) : -1].removesuffix(", ...")
                return self._allowed(inner)
        return None
