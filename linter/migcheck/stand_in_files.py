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
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

from migcheck.model import Document, Mark

# Per document, what `by_path` made of it: (the document, the names it changed in it, the changed document).
# Kept by a caller that links again and again (the editor server): an unchanged document stays one object.
PathMemo = dict[int, tuple[Document, tuple[tuple[str, str], ...], Document]]


def files_apart(paths: Iterable[str]) -> dict[str, str]:
    """Of `paths` (display paths), each whose file's name another has too, by its path relative to the
    deepest folder that holds every file of that name (`estate.apart`): `scripts/a/deploy.ps1` ->
    `a/deploy.ps1`. A file whose name is its own is not among them."""
    from migcheck.estate import apart  # the estate imports this module

    by_name: dict[str, dict[str, None]] = defaultdict(dict)
    for path in paths:
        by_name[posixpath.basename(path)].setdefault(path)
    return {
        path: where
        for namesakes in by_name.values()
        if len(namesakes) > 1
        for path, where in zip(namesakes, apart(list(namesakes)), strict=True)
    }


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
    named by that file's path instead (`files_apart`). Linear in the documents that hold such stand-ins."""
    apart = files_apart(d.path for d in documents)
    if not apart:
        if memo:
            memo.clear()
        return documents
    names = frozenset(posixpath.basename(path) for path in apart)
    kept: PathMemo = {}
    result = []
    for document in documents:
        renamed = _renamed_files(document, names, apart)
        if not renamed:
            result.append(document)
            continue
        done = memo.get(id(document)) if memo is not None else None
        if done is None or done[0] is not document or done[1] != renamed:
            done = (document, renamed, _with_files_renamed(document, dict(renamed)))
        kept[id(document)] = done
        result.append(done[2])
    if memo is not None:
        memo.clear()
        memo.update(kept)
    return result


def _renamed_files(
    document: Document, names: frozenset[str], apart: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    """Each shared file name a stand-in of `document` may name, with the path that tells it apart: the
    document's own file, a settings file it took values from (a script it dot-sources), or a file beside it
    (another configuration file of a Terraform module)."""
    folder = posixpath.dirname(document.path)
    found: dict[str, str] = {}
    for path in (document.path, *document.settings_files):
        if path in apart:
            found.setdefault(posixpath.basename(path), apart[path])
    for name in names - found.keys():
        beside = posixpath.join(folder, name) if folder else name
        if beside in apart:
            found[name] = apart[beside]
    return tuple(sorted(found.items()))


def _with_files_renamed(document: Document, renamed: Mapping[str, str]) -> Document:
    """`document` with its resources' stand-ins naming the files `renamed` says by their paths."""
    # `, deploy.ps1:12>`, `, deploy.ps1:3:50, turn 2>`: the file's name after a `, ` and before its line.
    pattern = re.compile(
        "(?<=, )("
        + "|".join(re.escape(name) for name in sorted(renamed, key=len, reverse=True))
        + r")(?=:\d)"
    )

    def rename(text: str) -> str:
        if "<" not in text or not any(f", {name}:" in text for name in renamed):
            return text
        return pattern.sub(lambda m: renamed[m.group(1)], text)

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
