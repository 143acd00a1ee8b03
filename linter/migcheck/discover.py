"""The discover stage: turn the paths a user gave into the files to read, in a stable order.

Which *kind* a file is gets decided by its reader, from the extension and the root element; here we only
choose candidates: every file named explicitly, and under folders the files whose extension a classic file
can have, less what `.gitignore` files and the config's `exclude` leave out.

Path patterns everywhere (`include`, `exclude`, `per-file-ignores`, `cloud-services`, `subscriptions`,
`.gitignore`) are gitignore patterns, matched by the `pathspec` library: `*`, `?`, `[...]`, `**` and `!`
mean what git means. A pattern from a config file is relative to the folder of that file (`Glob.root`), so
a run from a subfolder matches the same files as a run from the top."""

from __future__ import annotations

import errno
import functools
import os
import posixpath
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from migcheck.formats import FORMATS, candidate_suffixes
from migcheck.model import record
from migcheck.visible import visible

if TYPE_CHECKING:
    from pathspec import PathSpec

    from migcheck.model import FileKind

CANDIDATE_SUFFIXES = candidate_suffixes()
STDIN = "-"

# Folders no one wants linted; a user can still name a file inside them explicitly. `csx` is where the
# Azure SDK builds a cloud service's package (`csx/Release/ServiceDefinition.csdef`, a copy of the
# project's own), as `bin` and `obj` are .NET build output: checking them reports each service twice.
# `cspack /copyOnly` writes the same copies into a folder it names `<service>.csx` (`PACKAGE_SUFFIX`).
# Names are compared in lower case: a repository made on Windows may hold `Bin`, `Obj` or `CSX`.
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        "bin",
        "obj",
        "csx",
    }
)
PACKAGE_SUFFIX = ".csx"
# A .gitignore is read up to this size; real ones are a few kilobytes.
GITIGNORE_BYTES = 1024 * 1024


@record  # not a frozen dataclass: one is made per file walked, and a frozen one's `__init__` costs 4 times
class Candidate:
    """A file to read. `path` is what users see (relative to the working directory, `/`-separated);
    `explicit` is True when the user named the file itself rather than a folder holding it."""

    path: str
    fs_path: str
    explicit: bool
    refused: str = ""  # why the walk will not read it (a link out of the walked folder), as a finding says
    within: str = ""  # for a file met in a walk: the walked folder (real path) the opened file must be in
    link: bool = False  # met in a walk as a symbolic link (to a file inside the folder): follow it
    identity: tuple[int, int] | None = None  # (device, inode) of the file the walk met, for the reader


class PatternError(ValueError):
    """A path pattern that is not a valid gitignore pattern; the message names it."""


def possible_kinds(path: str) -> frozenset[FileKind]:
    """The kinds a file may be, by its name: an `.xml` file may be any of three, told apart by its root
    element; none for a name no format reads (a file named on the command line)."""
    lowered = path.lower()
    return frozenset(f.kind for f in FORMATS if lowered.endswith(f.suffixes))


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


# --- path patterns ------------------------------------------------------------------------------------


class Glob(str):
    """A path pattern as a config file states it, remembering `root`: the folder of that file, which the
    pattern is relative to ("" for the working directory: patterns given on the command line or in code).
    It is a `str`, so settings print and compare as written."""

    root: str

    def __new__(cls, pattern: str, root: str = "") -> Glob:
        self = super().__new__(cls, pattern)
        self.root = root
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Glob, (str(self), self.root))


class Patterns:
    """Path patterns matched together, as the lines of one .gitignore file are (a later `!pattern`
    re-includes what an earlier one matched). `matches` takes a display path: relative to the working
    directory, or absolute; a path outside a pattern's root matches none of its patterns.

    With `tracked`, the patterns remember what they were matched against, for `unmatched`: which pattern
    decided for each path (one number kept per match), and the paths themselves (one list entry each)."""

    def __init__(self, globs: Iterable[str], *, tracked: bool = False) -> None:
        by_root: dict[str, tuple[list[str], list[str]]] = {}
        for glob in globs:
            line = _normalised(glob)
            if line:  # a blank pattern matches nothing, and is no line of the compiled set
                lines, written = by_root.setdefault(getattr(glob, "root", ""), ([], []))
                lines.append(line)
                written.append(glob)
        self._specs = [(root, compile_patterns(lines), written) for root, (lines, written) in by_root.items()]
        self._decided: set[tuple[int, int]] | None = set() if tracked else None  # (set, line) that decided
        # (path, whether a folder) that some pattern matched, when tracked: no pattern alone matches a path
        # that none of them matches together.
        self._met: list[tuple[str, bool]] = []

    def __bool__(self) -> bool:
        return bool(self._specs)

    def matches(self, path: str, *, folder: bool = False) -> bool:
        cwd = _cwd()
        decided = self._decided
        for number, (root, spec, _) in enumerate(self._specs):
            relative = _relative_to(path, root or cwd, cwd)
            if relative is None:
                continue
            if decided is None:
                if spec.match_file(relative + "/" if folder else relative):
                    return True
                continue
            decision, line = spec.check(relative + "/" if folder else relative)
            if line is not None:
                decided.add((number, line))
                self._met.append((path, folder))
            if decision:
                return True
        return False

    def unmatched(self) -> list[str]:
        """The patterns, as written, that match none of the paths `matches` was given (tracked only). A
        pattern that decided for a path matched it; those that never decided (a later one always did, or
        they match nothing) are matched each on its own, all at once (`_matching_none`)."""
        decided = self._decided or set()
        cwd = _cwd()
        found = []
        for number, (root, _, written) in enumerate(self._specs):
            suspects = [
                glob
                for line, glob in enumerate(written)
                if (number, line) not in decided and not _normalised(glob).startswith("#")
            ]
            if suspects:
                found += _matching_none(suspects, self._met, root or cwd, cwd)
        return found


def _matching_none(globs: list[str], paths: list[tuple[str, bool]], root: str, cwd: str) -> list[str]:
    """The patterns of `globs` (relative to `root`) that, each on its own, match none of `paths` (display
    path, whether a folder). Compiled together, each as it matches alone (`last_wins`): a path costs one
    match whatever the number of patterns, and a pattern found to match is dropped (the others compiled
    again, once per pattern found), so the paths are gone through once."""
    remaining = list(globs)
    patterns = compile_patterns([_normalised(g) for g in remaining], last_wins=True)
    for path, folder in paths:
        relative = _relative_to(path, root, cwd)
        if relative is None:
            continue
        relative = relative + "/" if folder else relative
        while remaining and (line := patterns.last_match(relative)) is not None:
            del remaining[line]
            patterns = compile_patterns([_normalised(g) for g in remaining], last_wins=True)
        if not remaining:
            break
    return remaining


def compile_patterns(lines: Iterable[str], *, last_wins: bool = False) -> PatternSet:
    """Gitignore patterns compiled by pathspec. pathspec uses RE2 (a declared dependency) when it is
    installed: matching then takes time linear in the path whatever the pattern, where a backtracking
    engine needs minutes for `*a*a*a*a*a*a*a*a*b` against a long name. Raises `PatternError` for a line
    that is not a valid pattern, or one too large for RE2 to compile within its memory budget.

    With `last_wins`, the last pattern that matches a path decides, as each matches alone: git lets a
    pattern that names the file itself decide over a later one that names a folder above it."""
    return _compile_patterns(tuple(lines), last_wins)


@functools.lru_cache(maxsize=64)  # the settings' patterns are checked when read, then compiled to match
def _compile_patterns(lines: tuple[str, ...], last_wins: bool) -> PatternSet:
    try:
        return PatternSet(_compiled_sets(lines, last_wins))
    except PatternError as exc:
        bad = next(iter(_invalid(lines)), lines[0] if lines else "")
        shown_bad = repr(bad) if len(bad) <= 60 else repr(bad[:57]) + "..."  # a pattern may be megabytes
        raise PatternError(f"{visible(shown_bad)} is not a valid gitignore pattern ({exc})") from None


class PatternSet:
    """Gitignore patterns, compiled as one set or, when RE2 cannot fit them all in one automaton (a few
    thousand lines; a .gitignore in a pull request may have any number), as several consecutive sets.
    Across sets as within one, the last pattern that matches a path decides."""

    __slots__ = ("_sets",)

    def __init__(self, sets: list[PathSpec]) -> None:
        self._sets = sets

    def decide(self, path: str) -> bool | None:
        """True when the last pattern matching `path` ignores it, False when it re-includes it (`!`),
        None when none matches."""
        for spec in reversed(self._sets):
            decision = spec.check_file(path).include
            if decision is not None:
                return decision
        return None

    def match_file(self, path: str) -> bool:
        return self.decide(path) is True

    def check(self, path: str) -> tuple[bool | None, int | None]:
        """`decide`, and the index of the line that decided (see `last_match`): None, None when none
        matches `path`."""
        offset = sum(len(spec.patterns) for spec in self._sets)
        for spec in reversed(self._sets):
            offset -= len(spec.patterns)
            result = spec.check_file(path)
            if result.include is not None:
                return result.include, offset + result.index
        return None, None

    def last_match(self, path: str) -> int | None:
        """The index, among all the lines compiled, of the last line that matches `path`; None when none
        does. One line per pattern: `compile_patterns` was given no blank or comment line."""
        offset = sum(len(spec.patterns) for spec in self._sets)
        for spec in reversed(self._sets):
            offset -= len(spec.patterns)
            index = spec.check_file(path).index
            if index is not None:
                return offset + index
        return None


class FirstMatch:
    """Named lists of path patterns, as settings give them (`subscriptions`, `cloud-services`): the first
    name, in order, with a pattern that matches a path on its own. Every pattern is matched at once, not
    name after name, so a file costs the same however many names there are."""

    def __init__(self, named: Mapping[str, Iterable[str]]) -> None:
        self._names = list(named)
        # The names last to first: the last line that matches is then the first name's.
        by_root: dict[str, tuple[list[str], list[int]]] = {}
        for number in reversed(range(len(self._names))):
            for glob in named[self._names[number]]:
                line = _normalised(glob)
                if not line or line.startswith(("#", "!")):  # matched alone, a `!pattern` matches nothing
                    continue
                lines, owners = by_root.setdefault(getattr(glob, "root", ""), ([], []))
                lines.append(line)
                owners.append(number)
        self._sets = [
            (root, compile_patterns(lines, last_wins=True), owners)
            for root, (lines, owners) in by_root.items()
        ]

    def first(self, path: str) -> str | None:
        """The first name with a pattern matching the display path `path`, or None."""
        cwd = _cwd()
        found: int | None = None
        for root, patterns, owners in self._sets:
            relative = _relative_to(path, root or cwd, cwd)
            line = patterns.last_match(relative) if relative is not None else None
            if line is not None and (found is None or owners[line] < found):
                found = owners[line]
        return None if found is None else self._names[found]


# Lines per set to start with: RE2 fits a thousand simple patterns in one automaton, and each compilation of
# a pattern costs (pathspec compiles it with Python's `re` as well), so a set that does not fit is halved
# rather than the whole list.
_LINES_PER_SET = 1000


def _compiled_sets(lines: Sequence[str], last_wins: bool = False) -> list[PathSpec]:
    """`lines` compiled in consecutive sets of at most `_LINES_PER_SET`, each halved until it compiles.
    Raises `PatternError` when one line cannot be compiled even alone."""
    from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern  # the patterns of GitIgnoreSpec

    try:
        # Each pattern once (pathspec translates it to a regular expression then), whatever the halving.
        # Python's `re` warns about what may change meaning in later versions (`[[`): for a user's pattern
        # that is noise on the terminal, not something they can act on.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            patterns = [GitIgnoreSpecPattern(line) for line in lines if line]
    except (ValueError, TypeError, re.error) as exc:  # `[z-a]` is a bad range to Python's `re`
        raise PatternError(str(exc)) from None
    step = _LINES_PER_SET
    sets = [s for at in range(0, len(patterns), step) for s in _fitted(patterns[at : at + step], last_wins)]
    return sets or _fitted([], last_wins)


def _fitted(patterns: list[Any], last_wins: bool) -> list[PathSpec]:
    from pathspec import GitIgnoreSpec, PathSpec  # imported on first use: most runs have no pattern at all
    from re2 import error as Re2Error  # type: ignore[import-untyped]

    try:
        # Without `last_wins`, git's precedence of a pattern naming the file over one naming its folder.
        return [PathSpec(patterns) if last_wins else GitIgnoreSpec(patterns)]
    except (ValueError, TypeError, re.error) as exc:
        raise PatternError(str(exc)) from None
    except Re2Error as exc:
        if len(patterns) <= 1:
            raise PatternError(_re2_problem(exc, patterns[0].pattern if patterns else "")) from None
    middle = len(patterns) // 2
    return _fitted(patterns[:middle], last_wins) + _fitted(patterns[middle:], last_wins)


def _re2_problem(exc: Exception, pattern: str) -> str:
    """Why the matcher cannot compile `pattern`, in a user's words (its own name the translated regular
    expression, which the user never wrote)."""
    said = exc.args[0] if exc.args else b""
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
    if "[:" in pattern and "too large" not in text:
        return "character classes such as [[:alpha:]] are not supported: list the characters, as [a-zA-Z]"
    return "too large to match"


def _valid_lines(lines: list[str]) -> list[str]:
    """`lines` without those that cannot be compiled, in order."""
    invalid = set(_invalid(lines))
    return [line for line in lines if line not in invalid]


def _invalid(lines: Sequence[str]) -> Iterator[str]:
    """The lines that cannot be compiled, in order: found by halving, so a long file with a few bad lines
    costs a few compilations of it rather than one per line."""
    try:
        _compiled_sets(lines)
    except PatternError:
        if len(lines) == 1:
            yield lines[0]
        else:
            yield from _invalid(lines[: len(lines) // 2])
            yield from _invalid(lines[len(lines) // 2 :])


def check_patterns(patterns: Iterable[str]) -> None:
    """Raise `PatternError`, naming the first bad one, when any of `patterns` is not a valid gitignore
    pattern (config validation). Compiled together: a list of thousands costs one compilation."""
    compile_patterns([_normalised(pattern) for pattern in patterns])


def _normalised(pattern: str) -> str:
    """Surrounding blanks dropped, and `./x` read as `/x` (anchored at the root), which is what people
    mean by it; otherwise exactly gitignore syntax (a backslash escapes, as in git)."""
    pattern = str(pattern).strip()
    return "/" + pattern[2:] if pattern.startswith("./") else pattern


def _cwd() -> str:
    return os.getcwd().replace(os.sep, "/")


_DRIVE = re.compile(r"^[A-Za-z]:/")


def relative_to(path: str, root: str) -> str | None:
    """A display path relative to the folder `root`, `/`-separated; None when it is outside `root`."""
    cwd = _cwd()
    return _relative_to(path, root or cwd, cwd)


@functools.lru_cache(maxsize=8192)
def _relative_to(path: str, root: str, cwd: str) -> str | None:
    """`path` (a display path: relative to `cwd`, or absolute) relative to `root`, or None outside it."""
    root = root.replace(os.sep, "/").rstrip("/")
    absolute = path if path.startswith("/") or _DRIVE.match(path) else posixpath.join(cwd, path)
    absolute = posixpath.normpath(absolute)
    if absolute == root:
        return ""
    if not absolute.startswith(root + "/"):
        return None
    return absolute[len(root) + 1 :]


# --- the walk ----------------------------------------------------------------------------------------


def discover(
    paths: Iterable[str],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    stdin_path: str | None = None,
    *,
    respect_gitignore: bool = True,
    unmatched: Callable[[str, str], None] | None = None,
) -> Iterator[Candidate]:
    """Yield each candidate once, sorted by display path, whatever order the file system gives.

    Under folders, files that `.gitignore` files (of the folder, the folders below it, and those above it
    up to the repository root, with `.git/info/exclude`) leave out are skipped, unless
    `respect_gitignore` is False; files named explicitly are checked whatever git ignores.

    `-` is a buffer read from stdin. With `stdin_path` the buffer stands for that file (an editor's unsaved
    text): it takes the file's place, so a folder walk that also meets the saved file does not read it.

    With `unmatched`, once every candidate is yielded, it is called with ("include" or "exclude", the
    pattern) for each pattern that matched nothing the walk met, among those whose folder was walked
    whole (`walked_whole`): the walk records what its patterns match as it goes, and is not walked again."""
    paths = list(paths)
    tracked = unmatched is not None
    included, excluded = Patterns(include, tracked=tracked), Patterns(exclude, tracked=tracked)
    found: dict[str, Candidate] = {}
    named = _FirstNames()
    # One named folder or file reaches each file once (the walk drops its own aliases): real paths are
    # needed only when several paths are named.
    several = sum(1 for given in paths if given != STDIN) > 1
    for given in paths:
        if given == STDIN:
            continue  # placed below, once every folder has been walked, so that it wins
        elif os.path.isdir(given):
            for candidate in _walk_folder(given, included, excluded, respect_gitignore):
                real = _real_path(candidate, given) if several else None
                if candidate.path not in found and named.first(candidate.path, real):
                    found[candidate.path] = candidate
        else:
            path = display_path(given)
            if not excluded.matches(path) and named.first(path, os.path.realpath(given)):
                found[path] = Candidate(path, given, explicit=True)
    if STDIN in paths:
        buffer = _stdin_candidate(stdin_path, excluded)
        if buffer is not None:
            found[buffer.path] = buffer
    yield from (found[key] for key in sorted(found))
    if unmatched is not None:
        for key, patterns in (("include", included), ("exclude", excluded)):
            for glob in patterns.unmatched():
                if walked_whole(getattr(glob, "root", ""), paths):
                    unmatched(key, glob)


def walked_whole(root: str, paths: Iterable[str]) -> bool:
    """Whether a walk of `paths` walks the whole folder `root` ("" for the working directory): a pattern
    relative to it that matches nothing then matches nothing in the project, not just in the part of it
    a run was given (`check sub/`, a file named alone)."""
    folder = os.path.abspath(root or ".")
    for given in paths:
        if given == STDIN or not os.path.isdir(given):
            continue
        top = os.path.abspath(given)
        if folder == top or folder.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def unmatched_patterns(globs: Iterable[str], paths: Iterable[str]) -> list[str]:
    """The patterns of `globs` (each matched alone) that match none of the files at the display paths
    `paths`, in order; blank and comment lines are none. Done once every pattern has matched."""
    by_root: dict[str, list[str]] = {}
    for glob in globs:
        line = _normalised(glob)
        if line and not line.startswith("#"):
            by_root.setdefault(getattr(glob, "root", ""), []).append(glob)
    files = [(path, False) for path in paths]
    cwd = _cwd()
    unmatched = {
        id(g) for root, named in by_root.items() for g in _matching_none(named, files, root or cwd, cwd)
    }
    return [glob for named in by_root.values() for glob in named if id(glob) in unmatched]


class _FirstNames:
    """The display path under which each file (by its real path) was met first. Named paths can reach one
    file under two names (a folder and a link to it, a file and a link to it, overlapping folders): read
    under both, it would be reported twice, and fixed once, then refused as changed under the other. Real
    paths, not (device, inode): two hard links are two names of equal standing, and both are read, as in a
    walk (see `_without_aliases`)."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def first(self, path: str, real: str | None) -> bool:
        """Whether `path`, standing for the file at `real` (None: a file that is not read, such as a
        broken link, which has no other name), is the first name met for it."""
        if real is None:
            return True
        return self._names.setdefault(real, path) == path


def _stdin_candidate(stdin_path: str | None, excluded: Patterns) -> Candidate | None:
    if stdin_path is None or stdin_path == STDIN:
        return Candidate(STDIN, STDIN, explicit=True)
    path = display_path(stdin_path)
    if excluded.matches(path):
        return None  # an excluded file stays excluded while it is being edited, as when named explicitly
    # Not `explicit`: an editor sends every .xml it opens, and an XML file that is not a classic one
    # (a pom.xml) must get no diagnostics, as when the folder walk meets it.
    return Candidate(path, STDIN, explicit=False)


def _walk_folder(
    top: str, included: Patterns, excluded: Patterns, respect_gitignore: bool
) -> Iterator[Candidate]:
    """The candidates under the folder `top`."""
    # Resolve the folder once; paths below it are joined on, not resolved file by file.
    shown_root = display_path(top)
    real_top = os.path.realpath(top)

    def shown_path(relative: str) -> str:
        if relative == ".":  # the folder itself (one that cannot be listed): `d`, not `d/.`
            return shown_root
        relative = shown(relative)
        return relative if shown_root == "." else f"{shown_root}/{relative}"

    def skipped_folder(relative: str) -> bool:
        return bool(excluded) and excluded.matches(shown_path(relative), folder=True)

    ignored = _GitIgnored(top) if respect_gitignore else None
    found = []
    for fs_path, relative, refused, is_link, identity in _walk(top, ignored, skipped_folder):
        path = shown_path(relative)
        if included and not included.matches(path):
            continue
        if excluded and excluded.matches(path):
            continue
        found.append(Candidate(path, fs_path, False, refused, real_top, is_link, identity))
    yield from _without_aliases(found)


def _real_path(candidate: Candidate, top: str) -> str | None:
    """The real path of the file a candidate of the walk of `top` reads (None for one that is not read).
    The walk does not follow links to folders, so it is the real path of `top` (`Candidate.within`, resolved
    once per walk) joined with the path below it; only a link to a file is resolved."""
    if candidate.refused:
        return None
    if candidate.link:
        return os.path.realpath(candidate.fs_path)
    # Every path the walk gives starts with `top` as written (`os.scandir` joins names onto it).
    return os.path.join(candidate.within, candidate.fs_path[len(top) :].lstrip(os.sep))


def _without_aliases(found: list[Candidate]) -> Iterator[Candidate]:
    """`found` but the links to files the walk reads under their own names: read through both names, a
    file would be reported twice, and fixed once, then refused through the link. Only links are looked
    up (one `stat` each); two hard links are two names of equal standing, and both are read."""
    walked = {c.identity for c in found if c.identity is not None}
    for candidate in found:
        if candidate.link and _target_identity(candidate.fs_path) in walked:
            continue
        yield candidate


def _target_identity(fs_path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(fs_path)
    except OSError:
        return None  # gone since the walk: the reader says so
    return info.st_dev, info.st_ino


def _walk(top: str, ignored: _GitIgnored | None, skipped_folder: Any) -> Iterator[_Found]:
    """(file system path, `/`-separated path relative to `top`, why it is refused or "", whether it is a
    link to follow, its (device, inode)) of each candidate below `top`, and of each folder below it that
    cannot be listed: nothing is skipped silently.

    One `scandir` per folder: the entry types come with the listing, so a folder costs no stat per name;
    only a candidate (a name with a classic extension that git does not ignore) is stat-ed, once, for the
    identity the reader checks the opened file against (see `migcheck.guarded`)."""
    # Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    real_top = os.path.realpath(top)
    unlisted: list[tuple[str, OSError]] = []
    pending = [(top, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = _listing(folder)
        except OSError as exc:
            unlisted.append((folder, exc))
            continue
        rules = ignored.enter(folder, any(e.name == ".gitignore" for e in entries)) if ignored else None
        # Absolute and `/`-separated, as .gitignore patterns are matched; only where patterns apply.
        base = _posix(os.path.abspath(folder)).rstrip("/") + "/" if rules else ""
        below = []
        for entry in entries:
            name = entry.name
            if _is_folder(entry):
                relative = prefix + name
                # The settings' excludes first: one that names a skipped folder (`bin/`) is told it matched.
                if entry.is_symlink() or skipped_folder(relative) or _skipped_name(name):
                    continue
                if rules and rules.ignores(base + name, folder=True):
                    continue
                below.append((entry.path, relative + "/"))
            elif name.lower().endswith(CANDIDATE_SUFFIXES):
                if rules and rules.ignores(base + name, folder=False):
                    continue
                yield _found(entry, prefix + name, real_top)
        pending.extend(reversed(below))
    for where, problem in unlisted:
        why = f"{UNLISTABLE_FOLDER}: {problem.strerror or problem}"
        yield where, _relative(where, top), why, False, None


_Found = tuple[str, str, str, bool, "tuple[int, int] | None"]


def _skipped_name(name: str) -> bool:
    """A folder the walk never enters, by its name: build output, tools' folders, a package's copies."""
    lowered = name.lower()
    return lowered in SKIPPED_DIRS or lowered.endswith(PACKAGE_SUFFIX)


def _listing(folder: str) -> list[os.DirEntry[str]]:
    """The entries of `folder`, by name (the order of the walk does not depend on the file system)."""
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A folder, or a link to one (which is not walked into, nor read as a file)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _found(entry: os.DirEntry[str], relative: str, real_top: str) -> _Found:
    """A candidate met in the walk, with the identity of the file the entry names (not of a link's
    target: a link is resolved and checked by the reader)."""
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return entry.path, relative, "", False, None  # vanished: the reader says why it cannot be read
    if not stat.S_ISLNK(info.st_mode):
        return entry.path, relative, "", False, (info.st_dev, info.st_ino)
    refused, is_link = _link_out_of(entry.path, real_top)
    return entry.path, relative, refused, is_link, None


def link_target(fs_path: str) -> str:
    """Where the symbolic link `fs_path` points, as a display path; "" when it cannot be read."""
    try:
        return shown(os.readlink(fs_path))
    except OSError:
        return ""


def _relative(path: str, top: str) -> str:
    return os.path.relpath(path, top).replace(os.sep, "/")


# How the refusals of a link that leads to no file, and of a folder that cannot be listed, start: their
# fixes are not those of a link out of the folder.
BROKEN_LINK = "not read: a broken symbolic link"
LINK_LOOP = "not read: a symbolic link in a loop of links"
UNLISTABLE_FOLDER = "cannot read the folder"
_LINK_FIXES = {
    BROKEN_LINK: "Restore the file the link points to, or delete the link.",
    LINK_LOOP: "Point one link of the loop at the file itself, or delete the links.",
    UNLISTABLE_FOLDER: "Give the folder read and execute permission, or leave it out with `exclude` in "
    "[tool.migcheck].",
}


def link_fix(refused: str) -> str | None:
    """What to do about a link refused because it leads to no file, or a folder that cannot be listed
    (`refused`, as `Candidate.refused` says it); None for any other refusal."""
    return next((fix for start, fix in _LINK_FIXES.items() if refused.startswith(start)), None)


def loops(fs_path: str) -> bool:
    """Whether following the link `fs_path` goes round a loop of links (ELOOP) rather than ending at a
    missing file."""
    try:
        os.stat(fs_path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def link_chain(fs_path: str, name: str = "") -> str:
    """The links followed from `fs_path` (shown as `name`, else as given), each as written, joined by
    ` -> `, up to the first one met again (`loop1 -> loop2 -> loop1`) or one that is not a link; at most
    40 steps, as the system follows."""
    steps, seen, path = [name or shown(fs_path)], {os.path.abspath(fs_path)}, fs_path
    for _ in range(40):
        try:
            target = os.readlink(path)
        except OSError:
            break
        path = os.path.join(os.path.dirname(path), target)
        steps.append(shown(target))
        if os.path.abspath(path) in seen:
            break
        seen.add(os.path.abspath(path))
    return " -> ".join(steps)


def unreadable_link(fs_path: str) -> str:
    """Why a named path that is a link leads to no file, for a usage error: a loop of links, or a
    target that does not exist."""
    if loops(fs_path):
        return (
            f"symbolic link loop: {link_chain(fs_path)} never reaches a file (ELOOP): point one link "
            "of the loop at the file itself, or name the file"
        )
    target = link_target(fs_path) or "a path that cannot be read"
    return f"broken symbolic link: {shown(fs_path)} points to {target}, which does not exist"


def _link_out_of(fs_path: str, real_top: str) -> tuple[str, bool]:
    """(why a link met in a walk is not read, or ""; whether it is a link the reader may follow). A link to
    a file outside the walked folder (`x.cscfg -> /proc/self/environ`) would put that file's lines into
    findings and CI logs; a user who means it names the file explicitly. (The reader checks the opened
    file again: see `migcheck.guarded`.)"""
    if not os.path.exists(fs_path):
        target = link_target(fs_path)
        if loops(fs_path):
            chain = link_chain(fs_path, shown(os.path.basename(fs_path)))
            return f"{LINK_LOOP} ({chain}: ELOOP, it never reaches a file)", False
        return f"{BROKEN_LINK} (its target{' ' + target if target else ''} does not exist)", False
    target = os.path.realpath(fs_path)
    if os.path.commonpath([target, real_top]) == real_top:
        return "", True
    return "not read: a symbolic link to a file outside the folder being checked (name it to check it)", False


# --- .gitignore --------------------------------------------------------------------------------------


class _Rules:
    """The .gitignore files in force in one folder: (folder, its compiled patterns), outermost first."""

    __slots__ = ("chain",)

    def __init__(self, chain: tuple[tuple[str, PatternSet], ...]) -> None:
        self.chain = chain

    def __bool__(self) -> bool:
        return bool(self.chain)

    def ignores(self, absolute: str, *, folder: bool) -> bool:
        """Whether git ignores the file or folder at `absolute` (a `/`-separated absolute path): the
        innermost .gitignore with a pattern that matches decides, so a `!pattern` in a subfolder
        re-includes what a parent ignores, as in git."""
        for base, spec in reversed(self.chain):
            relative = shown(absolute[len(base) + 1 :]) if base != "/" else shown(absolute[1:])
            decision = spec.decide(relative + "/" if folder else relative)
            if decision is not None:
                return decision
        return False


class _GitIgnored:
    """The .gitignore rules of one walk: those above the walked folder (up to the repository root, with
    `.git/info/exclude`), then each folder's own as the walk enters it."""

    def __init__(self, top: str) -> None:
        top_abs = os.path.abspath(top)
        repository = _repository_root(top_abs)
        chain: list[tuple[str, PatternSet]] = []
        if repository is not None:
            info_exclude = _read_patterns(os.path.join(repository, ".git", "info", "exclude"))
            if info_exclude is not None:
                chain.append((_posix(repository), info_exclude))
            for folder in _folders_between(repository, top_abs):
                own = _read_patterns(os.path.join(folder, ".gitignore"))
                if own is not None:
                    chain.append((_posix(folder), own))
        outer = _Rules(tuple(chain))
        # A folder the user named is checked even when a .gitignore above it ignores it (like a file
        # named explicitly); then only the .gitignore files inside it apply.
        if outer.ignores(_posix(top_abs), folder=True):
            outer = _Rules(())
        self._rules: dict[str, _Rules] = {}
        self._top_abs = top_abs
        self._outer = outer

    def enter(self, folder: str, has_own: bool = True) -> _Rules:
        """The rules in force in `folder` (visited by the walk after its parent): the parent's, and its own
        .gitignore (looked for only when the folder's listing shows one, `has_own`)."""
        folder_abs = os.path.abspath(folder)
        parent = self._rules.get(os.path.dirname(folder_abs)) if folder_abs != self._top_abs else None
        inherited = parent if parent is not None else self._outer
        own = _read_patterns(os.path.join(folder_abs, ".gitignore")) if has_own else None
        rules = inherited if own is None else _Rules((*inherited.chain, (_posix(folder_abs), own)))
        self._rules[folder_abs] = rules
        return rules


def _repository_root(folder: str) -> str | None:
    """The nearest folder at or above `folder` that holds `.git` (a folder, or a file in a worktree)."""
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _folders_between(outer: str, inner: str) -> list[str]:
    """`outer` and each folder below it down to `inner`'s parent (`inner`'s own .gitignore is read when
    the walk enters it)."""
    folders = []
    folder = os.path.dirname(inner) if inner != outer else ""
    while folder and folder != os.path.dirname(folder):
        folders.append(folder)
        if folder == outer:
            break
        folder = os.path.dirname(folder)
    return list(reversed(folders))


def _read_patterns(path: str) -> PatternSet | None:
    """The patterns of one .gitignore file, or None when there is none (or it cannot be read: git skips
    such a file too). Read through the guarded reader: a .gitignore linked to /dev/zero costs nothing.
    Lines that are not valid patterns are dropped, as git drops them."""
    from migcheck.guarded import read_bytes

    if not os.path.lexists(path):
        return None
    try:
        data = read_bytes(path, GITIGNORE_BYTES, follow_links=False)
    except OSError:
        return None
    lines = data.decode("utf-8", "replace").splitlines()
    if len(data) >= GITIGNORE_BYTES:
        lines = lines[:-1]  # the last line may be cut
    lines = [line for line in lines if line.strip() and not line.startswith("#")]
    if not lines:
        return None
    try:
        return compile_patterns(lines)
    except PatternError:
        return compile_patterns(_valid_lines(lines))


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")
