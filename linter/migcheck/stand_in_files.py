"""Stand-ins of files that share their name with another file of the run, named by their paths.

A stand-in names the file that passes a value it does not state by the file's name alone (`<VM name,
deploy.ps1:12>`): it reads alike from any working directory. Where two files of the run share that name
(`scripts/a/deploy.ps1` and `scripts/b/deploy.ps1`) the name no longer says which file to look in, so each
file is named, in its stand-ins as in the plan's notes, by its path relative to the deepest folder that holds
every file of that name (`a/deploy.ps1:12`, see `estate.apart`): still alike from any working directory, and
one way in findings, fixes, the plan's commands and its notes.

The readers cannot do it, since each reads one file, and a document kept between runs (the editor server)
may meet other files in the next; so the names are changed in the documents once all are read, before they
are linked (`by_path`), and what an estate builds of a mark later asks `files_apart` alike."""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import enum
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

from migcheck.model import Document, FileKind, Mark


def files_apart(paths: Iterable[str]) -> Mapping[str, str]:
    """Of `paths` (display paths), each whose file's name another has too, by its path relative to the
    deepest folder that holds every file of that name (`estate.apart`): `scripts/a/deploy.ps1` ->
    `a/deploy.ps1`. A file whose name is its own is not among them. The last answer is kept: a check asks it
    of the same files before linking and while linking. Each name's paths are worked out when first asked
    for (`_FilesApart`): every service's `ServiceDefinition.csdef` is one of thousands of namesakes, and
    only a file that may hold a stand-in is ever asked about."""
    global _LAST_APART
    asked = (os.getcwd(), tuple(paths))
    last = _LAST_APART
    if last is not None and last[0] == asked:
        return last[1]
    by_name: dict[str, dict[str, None]] = defaultdict(dict)
    for path in asked[1]:
        by_name[posixpath.basename(path)].setdefault(path)
    answer = _FilesApart(asked[0], {name: list(paths) for name, paths in by_name.items() if len(paths) > 1})
    _LAST_APART = (asked, answer)
    return answer


_LAST_APART: tuple[tuple[str, tuple[str, ...]], Mapping[str, str]] | None = None


class _FilesApart(Mapping[str, str]):
    """`files_apart`'s answer: the paths of each file name several files have (`namesakes`), each name's
    told apart (`estate.apart`, from the working directory `cwd` of the run) when a path of that name is
    first looked up."""

    def __init__(self, cwd: str, namesakes: dict[str, list[str]]) -> None:
        self._cwd = cwd
        self._namesakes = namesakes
        self._paths = frozenset(path for paths in namesakes.values() for path in paths)
        self._apart: dict[str, dict[str, str]] = {}

    def _of_name(self, name: str) -> dict[str, str]:
        found = self._apart.get(name)
        if found is None:
            from migcheck.estate import apart  # the estate imports this module

            paths = self._namesakes.get(name, [])
            found = self._apart[name] = dict(zip(paths, apart(paths, self._cwd), strict=True))
        return found

    def __getitem__(self, path: str) -> str:
        if path not in self._paths:  # a file whose name is its own (`shown_file` asks of any)
            raise KeyError(path)
        return self._of_name(posixpath.basename(path))[path]

    def __contains__(self, path: object) -> bool:  # none worked out to say so
        return path in self._paths

    def __iter__(self) -> Iterator[str]:
        for paths in self._namesakes.values():
            yield from paths

    def __len__(self) -> int:
        return len(self._paths)

    def __bool__(self) -> bool:
        return bool(self._namesakes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _FilesApart):  # the same paths from the same folder: told apart alike
            return (self._cwd, self._namesakes) == (other._cwd, other._namesakes)
        if isinstance(other, Mapping) and len(other) != len(self):  # the editor's first memo: `{}`
            return False
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # a mapping


def shown_file(path: str, apart: Mapping[str, str]) -> str:
    """How a stand-in names the file at `path`: by its name, or by its path where another file of the run
    has that name (`apart`, from `files_apart`)."""
    return apart.get(path) or posixpath.basename(path)


# While a run's documents are linked, `files_apart` of them all: what the estate names a file by where it
# builds a stand-in of a mark (`file_at`). A context variable: the editor server links in a thread of its own.
_LINKED: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar(
    "linked_apart", default=None
)


@contextlib.contextmanager
def linking(paths: Iterable[str]) -> Iterator[None]:
    """While linked: stand-ins built of a mark (`file_at`) tell apart the files of `paths` that share a
    name, as `by_path` does those the readers built. Within another `linking`, that one's files count."""
    if _LINKED.get() is not None:
        yield
        return
    token = _LINKED.set(files_apart(paths))
    try:
        yield
    finally:
        _LINKED.reset(token)


def linked() -> Mapping[str, str]:
    """`files_apart` of the files being linked (`linking`): what the estate keeps (`Estate.files_apart`)."""
    return _LINKED.get() or {}


def file_at(mark: Mark) -> str:
    """How a stand-in the estate builds names the file at `mark` (`shown_file`), while `linking`."""
    return shown_file(mark.path, _LINKED.get() or {})


def by_path(documents: list[Document], memo: PathMemo | None = None) -> list[Document]:
    """The documents, with each stand-in that names a file by a name another file of the run has too
    named by that file's path instead (`files_apart`). Linear: each document that may hold such a stand-in
    (of its own file, a settings file it took values from, a configuration file of its Terraform module) is
    walked once, each of its names resolved by a look-up."""
    apart = files_apart(d.path for d in documents)
    if memo is not None and memo.apart != apart:  # other namesakes: what was renamed may read otherwise
        memo.apart, memo.done = apart, {}
    if not apart:
        return documents
    modules = {posixpath.dirname(path) for path in apart if path.endswith(_MODULE_FILES)}
    kept: dict[int, tuple[Document, Document]] = {}
    result = []
    for document in documents:
        if not _may_name_namesakes(document, apart, modules):
            result.append(document)
            continue
        done = memo.done.get(id(document)) if memo is not None else None
        if done is None or done[0] is not document:
            done = (document, _with_files_renamed(document, apart))
        kept[id(document)] = done
        result.append(done[1])
    if memo is not None:
        memo.done = kept
    return result


class PathMemo:
    """What `by_path` made of each document in the last run, with the namesakes it made it for."""

    def __init__(self) -> None:
        self.apart: Mapping[str, str] = {}
        self.done: dict[int, tuple[Document, Document]] = {}


# A Terraform configuration's files are one module: a value one of them does not state is named after the
# file that declares it, which the others of the folder use (`estate.owner_of`).
_MODULE_FILES = (".tf", ".tf.json")


def _may_name_namesakes(document: Document, apart: Mapping[str, str], modules: set[str]) -> bool:
    """Whether a stand-in of `document` may name a file another file of the run has the name of: its own
    file, a settings file it took values from (a script it dot-sources), a file of its Terraform module."""
    if _states_every_name(document):
        return False
    if document.path in apart or any(path in apart for path in document.settings_files):
        return True
    return document.path.endswith(_MODULE_FILES) and posixpath.dirname(document.path) in modules


# Files whose readers state every name as the file writes it: a stand-in is never among their resources, and
# every service of a repository has a `ServiceDefinition.csdef`, so walking theirs is most of the cost.
_NO_STAND_INS = frozenset(
    (
        FileKind.SERVICE_DEFINITION,
        FileKind.SERVICE_CONFIGURATION,
        FileKind.NETWORK_CONFIGURATION,
        FileKind.VM_EXPORT,
    )
)


def _states_every_name(document: Document) -> bool:
    """Whether the reader of `document` states every name as the file writes it, so no stand-in is among
    its resources: a definition, a configuration, a network configuration, an Export-AzureVM file, or an
    inventory export, whose root is the envelope its rows are in (`readers.inventory`). Not a deployment
    template's (root `template`) nor a Bicep file's (no root), whose values are worked out of expressions."""
    if document.kind in _NO_STAND_INS:
        return True
    return document.kind is FileKind.INVENTORY and document.root not in ("", "template")


# `, deploy.ps1:12>`, `, deploy.ps1:3:50, turn 2>`: a file's name after a `, ` and before its line.
_NAMED_FILE = re.compile(r"(?<=, )([^,<>:]+)(?=:\d)")


def _with_files_renamed(document: Document, apart: Mapping[str, str]) -> Document:
    """`document` with its resources' stand-ins that name a file `apart` tells apart naming it by its path:
    the document's own file, else the file of that name beside it (of its Terraform module), else the one
    settings file of that name it took values from (a script it dot-sources from another folder). Not any
    settings file of the name: a module's read records every file it looked at."""
    folder = posixpath.dirname(document.path)
    loaded: dict[str, list[str]] = defaultdict(list)
    for path in document.settings_files:
        loaded[posixpath.basename(path)].append(path)

    def path_of(found: re.Match[str]) -> str:
        name = found.group(1)
        beside = posixpath.join(folder, name) if folder else name
        if beside in apart:  # its own file among them
            return apart[beside]
        settings = loaded.get(name, [])
        return apart.get(settings[0], name) if len(settings) == 1 else name

    def rename(text: str) -> str:
        return _NAMED_FILE.sub(path_of, text) if "<" in text and ", " in text else text

    resources = _deep(document.resources, rename, {})
    if resources is document.resources or not isinstance(resources, tuple):
        return document
    return dataclasses.replace(document, resources=resources)


_Atom = (int, float, bytes, enum.Enum, type(None))
_PLAIN = (tuple, list, set, frozenset)


def _deep(value: object, rename: Callable[[str], str], seen: dict[int, object]) -> object:
    """`value` with `rename` applied to every string it holds, in records, tuples, lists, sets and dicts:
    the very object where nothing changed. Each object is walked once (`seen`): the model shares records."""
    if isinstance(value, str):
        return rename(value)
    if isinstance(value, _Atom):
        return value
    done = seen.get(id(value))
    if done is not None:
        return done
    result = _deep_container(value, rename, seen)
    seen[id(value)] = result
    return result


def _deep_container(value: object, rename: Callable[[str], str], seen: dict[int, object]) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for each in dataclasses.fields(value):
            if not each.init:  # worked out from the others: made again by the copy
                continue
            old = getattr(value, each.name)
            new = _deep(old, rename, seen)
            if new is not old:
                changed[each.name] = new
        return dataclasses.replace(value, **changed) if changed else value
    if isinstance(value, (tuple, list, set, frozenset)):
        items = [_deep(item, rename, seen) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
            return type(value)._make(items)  # type: ignore[attr-defined]
        return type(value)(items) if type(value) in _PLAIN else value
    if type(value) is dict:
        pairs = [(_deep(k, rename, seen), _deep(v, rename, seen)) for k, v in value.items()]
        if all(nk is k and nv is v for (nk, nv), (k, v) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)
    return value
