"""The discover stage: turn the paths a user gave into the files to read, in a stable order.

Which *kind* a file is gets decided by its reader, from the extension and the root element; here we only
choose candidates: every file named explicitly, and under folders the files whose extension a classic file
can have."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from migcheck.formats import candidate_suffixes
from migcheck.visible import visible

CANDIDATE_SUFFIXES = candidate_suffixes()
STDIN = "-"

# Folders no one wants linted; a user can still name a file inside them explicitly.
SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox", "bin", "obj"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to read. `path` is what users see (relative to the working directory, `/`-separated);
    `explicit` is True when the user named the file itself rather than a folder holding it."""

    path: str
    fs_path: str
    explicit: bool
    refused: str = ""  # why the walk will not read it (a link out of the walked folder), as a finding says


def display_path(fs_path: str) -> str:
    """`fs_path` relative to the working directory when it is inside it, always with `/`, and safe to show
    (see `shown`)."""
    absolute = os.path.abspath(fs_path)
    cwd = os.getcwd()
    if absolute == cwd or absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        path = os.path.relpath(absolute, cwd)
    else:
        path = os.path.normpath(fs_path)
    return shown(path.replace(os.sep, "/"))


def shown(path: str) -> str:
    """A path as every report shows it. File names are bytes that git accepts: undecodable bytes (kept by
    Python as lone surrogates) and control characters become visible escapes here, once, where the name
    enters, so every writer can encode it and no terminal or CI log obeys it. Files are still opened by
    their real name (`Candidate.fs_path`)."""
    return visible(path)


def discover(
    paths: Iterable[str],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    stdin_path: str | None = None,
) -> Iterator[Candidate]:
    """Yield each candidate once, sorted by display path, whatever order the file system gives.

    `-` is a buffer read from stdin. With `stdin_path` the buffer stands for that file (an editor's unsaved
    text): it takes the file's place, so a folder walk that also meets the saved file does not read it."""
    paths = list(paths)
    included = [glob_regex(p) for p in include]
    excluded = [glob_regex(p) for p in exclude]
    found: dict[str, Candidate] = {}
    for given in paths:
        if given == STDIN:
            continue  # placed below, once every folder has been walked, so that it wins
        elif os.path.isdir(given):
            # Resolve the folder once; paths below it are joined on, not resolved file by file.
            shown_root = display_path(given)
            for fs_path, relative, refused in _walk(given):
                relative = shown(relative)
                path = relative if shown_root == "." else f"{shown_root}/{relative}"
                if _wanted(path, included, excluded):
                    found.setdefault(path, Candidate(path, fs_path, explicit=False, refused=refused))
        else:
            path = display_path(given)
            if not _matches_any(path, excluded):
                found[path] = Candidate(path, given, explicit=True)
    if STDIN in paths:
        buffer = _stdin_candidate(stdin_path, excluded)
        if buffer is not None:
            found[buffer.path] = buffer
    yield from (found[key] for key in sorted(found))


def _stdin_candidate(stdin_path: str | None, excluded: list[re.Pattern[str]]) -> Candidate | None:
    if stdin_path is None or stdin_path == STDIN:
        return Candidate(STDIN, STDIN, explicit=True)
    path = display_path(stdin_path)
    if _matches_any(path, excluded):
        return None  # an excluded file stays excluded while it is being edited, as when named explicitly
    # Not `explicit`: an editor sends every .xml it opens, and an XML file that is not a classic one
    # (a pom.xml) must get no diagnostics, as when the folder walk meets it.
    return Candidate(path, STDIN, explicit=False)


def _walk(top: str) -> Iterator[tuple[str, str, str]]:
    """(file system path, `/`-separated path relative to `top`, why it is refused or "") of each candidate
    below `top`, and of each folder below it that cannot be listed: nothing is skipped silently."""
    # Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    real_top = os.path.realpath(top)
    unlisted: list[OSError] = []
    for folder, dirs, files in os.walk(top, onerror=unlisted.append, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        prefix = _relative(folder, top) + "/" if folder != top else ""
        for name in sorted(files):
            if name.lower().endswith(CANDIDATE_SUFFIXES):
                fs_path = os.path.join(folder, name)
                yield fs_path, prefix + name, _link_out_of(fs_path, real_top)
    for error in unlisted:
        folder = str(error.filename or top)
        yield folder, _relative(folder, top), f"cannot read the folder: {error.strerror or error}"


def _relative(path: str, top: str) -> str:
    return os.path.relpath(path, top).replace(os.sep, "/")


def _link_out_of(fs_path: str, real_top: str) -> str:
    """Why a symbolic link met in a walk is not read, or "". A link to a file outside the walked folder
    (`x.cscfg -> /proc/self/environ`) would put that file's lines into findings and CI logs; a user who
    means it names the file explicitly."""
    if not os.path.islink(fs_path):
        return ""
    target = os.path.realpath(fs_path)
    if os.path.commonpath([target, real_top]) == real_top:
        return ""
    return "not read: a symbolic link to a file outside the folder being checked (name it to check it)"


def _wanted(path: str, included: list[re.Pattern[str]], excluded: list[re.Pattern[str]]) -> bool:
    if included and not _matches_any(path, included):
        return False
    return not _matches_any(path, excluded)


def _matches_any(path: str, patterns: list[re.Pattern[str]]) -> bool:
    return any(p.search(path) for p in patterns)


@functools.lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as users write them in config: `*` within a folder name, `**` across folders, `?` one
    character. A pattern without `/` matches a file or folder name anywhere (like .gitignore); a pattern
    ending in `/` matches a folder and everything below it."""
    pattern = pattern.strip().replace("\\", "/")
    anchored = "/" in pattern.rstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    body = _translate(pattern.lstrip("/").removeprefix("./"))
    prefix = "^" if anchored else r"(?:^|/)"
    return re.compile(prefix + body + r"(?:/.*)?$")


def _translate(glob: str) -> str:
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append(r"(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)
