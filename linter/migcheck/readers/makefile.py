"""Makefiles (`Makefile`, `makefile`, `GNUmakefile`, `*.mk`) whose recipes run the classic CLI (`azure vm create
...`), the classic cmdlets through PowerShell (`pwsh -c "New-AzureVM ..."`) or the repository's own scripts
(`./deploy.sh`, `pwsh ./x.ps1`, `python x.py`): each recipe line is the shell command line make hands the
shell, read by the shell reader (`shell.CommandLines`) as a CI step's is, each of its words shown where the
Makefile writes it.

What make does before the shell sees a line is done here, by a small scanner of make's own syntax:

- A recipe line is one that starts with a tab after a rule's line (`deploy: network`), or the text after a
  rule's `;` on its line. A `\\` at a line's end continues it (the tab that starts the next line is
  make's); the `@`, `-` and `+` that start it are make's, not the command's. Make runs each line in a shell
  of its own, and a rule's lines in one shell under `.ONESHELL:`. `make` makes the default goal
  (`.DEFAULT_GOAL`, else the first target) after its prerequisites; any other target's recipe is read as
  code that may run, in the order written. Under `SHELL = pwsh` (`powershell`) the recipes are PowerShell's.
- Make's variables are expanded as make expands them before the line runs, with their values at the end of
  the Makefile (a recipe runs once it is all read): `VAR = v` (expanded where it is used), `VAR := v`,
  `VAR ::= v` (where it is assigned), `VAR ?= v`, `VAR += more`, `override`, `export` (the variable is in the
  recipes' environment too: `$$VAR`), `define VAR ... endef`, a target's own (`deploy: VNET = x`, for its
  recipe); `$(VAR)`, `${VAR}`, `$V`, `$(VAR:a=b)`, and `$$` a `$`. Make's pure functions (`subst`,
  `patsubst`, `addprefix`, `addsuffix`, `firstword`, `lastword`, `word`, `strip`, `if`) are evaluated on
  stated values; an `$(if ...)` whose condition is not stated is either arm, as a conditional not decided,
  and so is the result of a function given one (`$(subst -,,$(if $(PROD),a-1,b-1))`).
  A variable the Makefile does not assign (one given on make's command line or by the environment), one
  assigned by the shell (`!=`, `$(shell ...)`), another function's result (`wildcard`) and an automatic
  variable (`$@`, `$<`) are values not stated; but `$(CURDIR)`, not assigned, is make's folder, expanded
  before the shell runs the line: after the line's `cd sub` it is `..` from there (`_with_curdir`). Each
  character of a value is shown where its assignment writes it.
- A conditional (`ifeq`, `ifneq`, `ifdef`, `ifndef`, `else ifeq`, `endif`) on stated values is decided as
  make decides it. One on a value not stated is a choice, as a shell's `if` is: a value set in an arm is
  that value on the arm's path and the one before on the others, and each recipe line that is in an arm
  or takes such a value is run on each path (up to `_MOST_PATHS`), as the arms of an `if`.
- `include other.mk` (`-include`, `sinclude`) reads the variables of a file of the run, inside the project
  root, as a script's settings file is read (`readers.beside`); its recipes are its own read's.
- `$(MAKE) -C sub deploy` (`make -C sub`, `-f other.mk`, `cd sub && $(MAKE) deploy`, in a subshell too:
  `(cd sub && $(MAKE))`; `-C $(CURDIR)/sub`; short options run together: `-kC sub`) in a recipe line makes
  those goals of the Makefile it names, a file of the run read through the same gate, its recipes run and its
  `include`s looked for from its folder; `$(MAKE) deploy VNET=x` with no folder nor file makes the same
  Makefile again, for other goals than those being made. As GNU make, it is given the variables of its command line
  (`VNET=x`), which its own assignments do not change (unless `override`) and which it hands on to the
  makes it runs, and in its environment those exported (`export VNET`, `.EXPORT_ALL_VARIABLES:`, `VNET=x
  $(MAKE)`, its own command line's and environment's), which its assignments change (`?=` does not; `-e`).

`# migcheck: ignore[MIG201] reason` comments suppress findings: on a line of their own, those of the line
(with its continuations) after them; at the end of a line, that line's."""

from __future__ import annotations

import bisect
import functools
import itertools
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from migcheck import automation, collector
from migcheck.model import (
    MAKE_EXPANSION_SPENT,
    DirectiveComment,
    Document,
    FileKind,
    FileProblem,
    Mark,
    Script,
    Suppression,
)
from migcheck.readers import beside, shell
from migcheck.readers.programs import POWERSHELLS
from migcheck.readers.suppressions import Directive, gathered, line_comment_text, placed
from migcheck.readers.xplat import HOLE

# A character's line and column, from 1; with the file's path where another file writes it (an `include`d one).
Place = tuple[int, int] | tuple[int, int, str]
# A value not stated: what holds it (`$(VNET)`, `$@`) and where it is written.
Hole = tuple[str, Place]
# Make's text of a value: stated runs of characters, each with its places, values not stated, and values
# set under a condition the reader does not decide (`_Either`).
Pieces = list["tuple[str, list[Place]] | Hole | _Either"]
# A path through the conditionals not decided: each one's number and the arm taken.
Route = tuple[tuple[int, int], ...]

# The longest value a variable is expanded to (`A = $(B)$(B)`, doubling at each level): past it, a value
# not stated, so that expansion costs no more than the Makefile's size warrants.
_LONGEST_VALUE = 4096
_INCLUDES = ("include", "-include", "sinclude")
_CONDITIONALS = ("ifeq", "ifneq", "ifdef", "ifndef")
_AUTOMATIC = frozenset("@<^?*+|%")  # `$@`, `$<`...: the target's, the prerequisites'
_RECIPE_PREFIXES = frozenset("@-+ \t")  # make's, before a recipe line's command
# The most paths through the conditionals a recipe line is read on (each a run of it, as a shell's `if`
# arms), and the deepest a value set under them nests: past either, the values are not stated.
_MOST_PATHS = 8
_CURDIR = "$(CURDIR)"  # make's own folder, where the Makefile does not assign it
_MAKES = ("$(MAKE)", "${MAKE}")  # the make being run, `make` on the shell's line
_DEEPEST = 8
# The deepest a reference nests in another's name or a function's argument (`$(a$(b$(c)))`) that is expanded:
# deeper, the outer one is a value not stated, where each level took Python frames until the read failed
# (`$(` nested 5,000 deep in an assignment: "migcheck failed to read this file"). No Makefile nests a dozen.
_NESTED_REFERENCES = 64
# What the name of a script file a recipe may run ends with (`bash create.sh`, `pwsh -File deploy.ps1`).
_SCRIPT_FILES = (b".sh", b".ps1")


def sniff(data: bytes) -> bool:
    """Whether a recipe may run the classic tools: what a shell script that runs them mentions
    (`shell.sniff`), a script file of the repository it may run by its name alone (`may_run_a_named_file`),
    or a make of another Makefile (`$(MAKE) -C sub`, `make -f other.mk`) that may."""
    return (
        shell.sniff(data)
        or may_run_a_named_file(data)
        or any(made in data for made in (b"$(MAKE)", b"${MAKE}", b"make -C", b"make -f"))
    )


def may_run_a_named_file(data: bytes) -> bool:
    """Whether a command line of a file that is no shell script (a Makefile's recipe, a Dockerfile's `RUN`)
    may run a script file of the repository by a name with no folder (`pwsh -File deploy.ps1`, `bash
    create.sh`), which is read where it runs. `shell.sniff` looks for such a run only in a text with a `/`
    in it, as a shell script's `#!` line has; these files have no such line, and may have no `/` at all."""
    return any(name in data for name in _SCRIPT_FILES) and b"\x00" not in data


def read(path: str, data: bytes) -> Document:
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    scanned = _Scanner(path, text, len(data)).scanned()
    return document_of(path, text, data, scanned.program, scanned.comments, f"Makefile '{_name(path)}'")


def _name(path: str) -> str:
    return posixpath.basename(path)


def document_of(
    path: str,
    text: str,
    data: bytes,
    program: Callable[[shell.CommandLines], None],
    comments: list[Comment],
    called: str,
) -> Document:
    """The document of a file whose command lines `program` runs (a Makefile's recipes, a Dockerfile's
    `RUN` lines), its scripts `called` what the file is, and the suppressions of its `#` comments (each: its
    line, its column, its text and the lines of the statement it stands before, if any)."""
    ran: list[shell.CommandLines] = []

    def run(lines: shell.CommandLines) -> None:
        ran.append(lines)
        program(lines)

    # as a shell script's read (`shell.read`): the objects made per character and word all stay alive
    # until the read ends, and the collector's passes over them grew faster than the file
    with collector.paused():
        resources = shell.run_commands(path, data, run)
    resources = tuple(replace(r, called=called) if isinstance(r, Script) else r for r in resources)
    refused = ran[-1].refused if ran else None
    others = ran[-1].functions_run() if ran else ()
    suppressions, marked = comment_suppressions(path, comments)
    if not resources and refused is None:
        return Document(path, None, "", (), suppressions, marked, text=text)
    return Document(
        path, FileKind.SHELL, "", resources, suppressions, marked, refused, text=text, functions_run=others
    )


def comment_suppressions(
    path: str, comments: list[Comment]
) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """The suppressions of `#` comments: one after code on its line covers that line, one on a line of its
    own the statement after it (`suppressions.placed`)."""

    def each() -> Iterator[tuple[str, Mark, Callable[[Directive], Suppression]]]:
        for comment in comments:
            if "migcheck" in comment.text.lower():
                mark = Mark(path, comment.line, column=comment.column)
                yield (
                    line_comment_text(comment.text),
                    mark,
                    functools.partial(_placed, mark=mark, before=comment.before, target=comment.target),
                )

    return gathered(each())


def _placed(parsed: Directive, mark: Mark, before: str, target: tuple[int, int] | None) -> Suppression:
    return placed(parsed, mark, before, target)


def refused_if_classic(lines: shell.CommandLines, problem: FileProblem | None, line: str) -> None:
    """A command line the shell refuses (it cannot parse it) is said where it stops (MIG001), as a script
    file's is, when it names the classic tools (`automation.names_the_api`); the first such only."""
    if problem is not None and lines.refused is None and automation.names_the_api(line.encode("utf-8")):
        lines.refused = problem


class HeldText:
    """A command line built from a file's characters, with where each is written (`shell.CommandLines.run_line`):
    the byte offset of each character written at another place than the one before it, with that place,
    and each value not stated a hole."""

    def __init__(self, path: str, marks: dict[Place, Mark] | None = None) -> None:
        self.path = path
        # The mark of each place, shared by the lines of a file: a value used on many lines is marked once.
        self.marks = {} if marks is None else marks
        self.pieces: list[str] = []
        self.anchors: list[tuple[int, Mark]] = []
        self.holes: list[tuple[str | None, Mark | None]] = []
        self.filled: list[tuple[int, int]] = []  # where each hole's characters start and end
        self.places: list[Place] = []  # each character's
        self.size = 0  # bytes so far, in UTF-8
        self.place: Place = (0, 0)

    def add(self, text: str, places: list[Place]) -> None:
        self.pieces.append(text)
        self.places += places
        ascii_only = text.isascii()
        for character, place in zip(text, places, strict=True):
            if place != self.place:
                self.anchors.append((self.size, self.mark(place)))
                self.place = place
            self.size += 1 if ascii_only else len(character.encode("utf-8"))

    @classmethod
    def anchored(cls, path: str, text: str, places: list[Place]) -> list[tuple[int, Mark]]:
        """The anchors of `text`, each of its characters written at its place in `places` (see `add`)."""
        held = cls(path)
        held.add(text, places)
        return held.anchors

    def mark(self, place: Place) -> Mark:
        found = self.marks.get(place)
        if found is None:
            found = self.marks[place] = _mark(place, self.path)
        return found

    def add_pieces(self, pieces: Pieces) -> None:
        """`pieces`, each value not stated a hole (a value set under a conditional not decided among them:
        `_resolved` says which it is on a path)."""
        for piece in pieces:
            if isinstance(piece, _Either):
                piece = piece.unstated
            if isinstance(piece[1], list):
                self.add(piece[0], piece[1])
            else:
                holder, place = piece
                filled = f"{HOLE}-{len(self.holes)}-"
                self.holes.append((holder, self.mark(place)))
                self.filled.append((len(self.places), len(self.places) + len(filled)))
                self.add(filled, [place] * len(filled))

    def text(self) -> str:
        return "".join(self.pieces)

    def run(self, lines: shell.CommandLines) -> None:
        """The line, run by the shell."""
        line = self.text()
        refused_if_classic(lines, lines.run_line(line, self.anchors, self.holes), line)

    def run_powershell(self, lines: shell.CommandLines) -> None:
        """The line, run by PowerShell: each hole a value not stated."""
        lines.run_powershell(self.text(), [(place[0], place[1]) for place in self.places], self.filled)


def _mark(place: Place, path: str) -> Mark:
    """The mark of a character at `place` of the file at `path`, or of the file the place names."""
    return Mark(place[2] if len(place) == 3 else path, place[0], column=place[1])


def places_of(text: str, start: int, line: int, column: int) -> list[Place]:
    """The place of each character of `text[start:]`, the first at `line` and `column`."""
    places: list[Place] = []
    for character in text[start:]:
        places.append((line, column))
        line, column = (line + 1, 1) if character == "\n" else (line, column + 1)
    return places


# --- make's own syntax ------------------------------------------------------------------------------------


@dataclass
class Comment:
    """A `#` comment: where it starts, its text, the code before it on its line, and the first and last line of
    the statement after it, for one on a line of its own (None until one follows)."""

    line: int
    column: int
    text: str
    before: str = ""
    target: tuple[int, int] | None = None


@dataclass
class _Variable:
    pieces: Pieces  # its value as written (recursive) or as expanded when assigned (simple)
    recursive: bool
    place: Place  # where its name is written


class _Either(NamedTuple):
    """A value set under a conditional the reader does not decide (`ifeq ($(ENV),prod)`): `taken` on the
    path where the conditional numbered `choice` takes its arm `arm`, `other` on every other; `unstated` the
    value not stated it is where the paths are too many to follow; `depth` how many such it nests."""

    choice: int
    arm: int
    taken: Pieces
    other: Pieces
    unstated: Hole
    depth: int


@dataclass
class _Frame:
    """A conditional (`ifeq` ... `else` ... `endif`) the line read now is in: its number, the arm read now,
    and whether that arm is "taken" (decided so), "skipped" (decided not), "undecided", "done" (an arm
    before it was taken) or "dead" (the conditional is in an arm never taken); whether an arm before the
    one read now was undecided."""

    choice: int
    state: str
    arm: int = 0
    undecided_before: bool = False


@dataclass
class _Rule:
    targets: list[str]
    prerequisites: list[str]
    # each line as written, past its prefix, and the path through the conditionals it is on
    recipe: list[tuple[str, list[Place], Route]] = field(default_factory=list)


@dataclass
class _Scanned:
    program: Callable[[shell.CommandLines], None]
    comments: list[Comment]


class _Scanner:
    """One pass over a Makefile's lines, in the order make reads them: variables assigned, rules and their
    recipes gathered; then the recipes run, expanded with the variables' final values."""

    def __init__(
        self,
        path: str,
        text: str,
        size: int,
        folder: str = "",
        given: dict[str, _Variable] | None = None,
        environment: dict[str, _Variable] | None = None,
        budget: int | None = None,
    ) -> None:
        self.path = path
        self.lines = text.replace("\r\n", "\n").split("\n")
        # The variables make's command line gives (`$(MAKE) -C sub VNET=x`), which the Makefile's own
        # assignments do not change (unless `override`), and those of make's environment (a parent's exported
        # ones), which they do; make exports both to the recipes and the makes they run.
        self.given = given or {}
        self.variables: dict[str, _Variable] = {**(environment or {}), **self.given}
        self.exported: set[str] = set(self.variables)
        self.export_all = False  # `.EXPORT_ALL_VARIABLES:`, or `export` alone
        self.rules: list[_Rule] = []
        self.one_shell = False
        self.comments: list[Comment] = []
        # Characters expanded, at most: past it, values not stated. A Makefile a recipe makes (`$(MAKE) -C
        # sub`) spends what the Makefile read has left (`budget`), so a chain of them costs no more than one.
        self.budget = 4 * size + 50_000 if budget is None else budget
        self.spent_at: Place | None = None  # the first reference the spent budget left not stated
        self.expanding: set[str] = set()  # recursive variables being expanded (one that names itself)
        self.cache: dict[str, Pieces] | None = None  # their expansions, once every variable is assigned
        self.frames: list[_Frame] = []  # the conditionals (`ifeq`...) the line read now is in
        self.conditionals = 0  # how many were read
        self.nesting = 0  # how many `_expand`s the one running now is within (`_NESTED_REFERENCES`)
        self.marks: dict[Place, Mark] = {}  # shared by the recipe lines' texts (`HeldText`)
        # The folder make runs in from the Makefile read's (another's a recipe makes: `$(MAKE) -C sub`), where
        # it looks for the files it includes; the Makefiles read for those makes with no variables given, by
        # path, and those being made now (one that makes itself is not again).
        self.folder = folder
        self.made: dict[str, _Scanner] = {}
        self.making: set[str] = {path}
        # The target-specific variables (`deploy: VNET = x`) of each target, which its recipes expand.
        self.target_variables: dict[str, dict[str, _Variable]] = {}

    # --- the lines --------------------------------------------------------------------------------------

    def scanned(self) -> _Scanned:
        number = 0
        rule: _Rule | None = None  # the rule whose recipe a line that starts with a tab is a line of
        while number < len(self.lines):
            if self._skipping():
                number = self._skipped_line(number)
                continue
            if self.lines[number].startswith("\t") and rule is not None:
                number = self._recipe_line(number, rule)
                continue
            first = number + 1
            joined, places, number = self._logical(number)
            code, comment_at = _without_comment(joined)
            if code.strip():
                self._cover_previous_comments(first, number)
            if comment_at is not None:
                line, column = places[comment_at][:2]
                target = (line, line) if code.strip() else None
                self.comments.append(Comment(line, column, joined[comment_at:], code, target))
            if code.strip():
                rule, number = self._statement(code, places, number, rule)
        self.cache = {}
        return _Scanned(self._program, self.comments)

    def _statement(
        self, code: str, places: list[Place], number: int, rule: _Rule | None
    ) -> tuple[_Rule | None, int]:
        """A line of make's own syntax (less its comment): the rule whose recipe the lines after it write, if
        any (a conditional keeps the one before: recipes hold them), and the number of the line after it."""
        keyword = code.split()[0]
        if keyword in (*_CONDITIONALS, "else", "endif"):
            self._conditional(code, places)
        elif keyword == "define":
            return None, self._define(code, places, number)
        elif keyword in _INCLUDES:
            self._include(code, places)
            return None, number
        elif self._assignment(code, places):
            return None, number
        elif self._target_variable(code, places):
            return rule, number
        elif keyword != "else":
            return self._rule(code, places), number
        return rule, number

    def _target_variable(self, code: str, places: list[Place]) -> bool:
        """A target-specific variable (`deploy: VNET = x`, `+=`, `override`...): the value the recipes of
        those targets expand it to, kept apart from the variable's own; False for any other line."""
        colon = _rule_colon(code)
        if colon < 0 or code[colon + 1 : colon + 2] == "=":
            return False
        start = colon + 1 + (code[colon + 1 : colon + 2] == ":")
        assignment = code[start:]
        found = _operator(assignment)
        if found is None or ";" in assignment[: found[0]]:  # `deploy: ; NET=x ./run.sh` is a recipe's
            return False
        name = (assignment[: found[0]].split() or [""])[-1]
        before = self.variables.pop(name, None)
        if before is not None:  # `+=` adds to the variable's own value
            self.variables[name] = before
        self._assignment(assignment, places[start:])
        assigned = self.variables.pop(name, None)
        if before is not None:
            self.variables[name] = before
        if assigned is not None:
            for target in _stated_words(self._expand(code[:colon], places[:colon])):
                self.target_variables.setdefault(target, {})[name] = assigned
        return True

    def _cover_previous_comments(self, first: int, last: int) -> None:
        """Comments on lines of their own just above a statement cover it (lines `first` to `last`)."""
        for comment in reversed(self.comments):
            if comment.target is not None:
                break
            comment.target = (first, last)

    def _logical(self, number: int) -> tuple[str, list[Place], int]:
        """The line at `number` (from 0) with the lines a `\\` continues joined by one space, as make reads a
        line of its own syntax (the blanks around the break are make's); with each character's place and
        the number of the line after it."""
        parts: list[str] = []
        places: list[Place] = []
        skip = 0
        while True:
            written = self.lines[number]
            continued = _continued(written)
            body = written[:-1] if continued else written
            number += 1
            if not continued or number >= len(self.lines):
                parts.append(body[skip:])
                places += places_of(body, skip, number, skip + 1)
                return "".join(parts), places, number
            body = body.rstrip(" \t")  # the blanks before the break, and the break, are one space
            parts += [body[skip:], " "]
            places += [*places_of(body, skip, number, skip + 1), (number, len(written))]
            following = self.lines[number]
            skip = len(following) - len(following.lstrip(" \t"))

    def _recipe_line(self, number: int, rule: _Rule) -> int:
        """A recipe line and the lines a `\\` continues it on (kept with their `\\` and line break, for the
        shell; the tab that starts each is make's), past the `@`, `-` and `+` that start it."""
        text, places = "", []
        while True:
            written = self.lines[number]
            skip = 1 if written.startswith("\t") else 0
            text += written[skip:]
            places += places_of(written, skip, number + 1, skip + 1)
            number += 1
            if not _continued(written) or number >= len(self.lines):
                break
            text += "\n"
            places.append((number, len(written) + 1))
        start = 0
        while start < len(text) and text[start] in _RECIPE_PREFIXES:
            start += 1
        if text[start:].startswith("#"):  # a shell comment: kept for its suppressions
            line, column = places[start][:2]
            self.comments.append(Comment(line, column, text[start:].split("\n")[0]))
        elif text[start:].strip():
            self._cover_previous_comments(places[0][0], number)
            trailing = trailing_comment(text[start:], places[start:])
            if trailing is not None:
                self.comments.append(trailing)
        rule.recipe.append((text[start:], places[start:], self._route()))
        return number

    def _define(self, code: str, places: list[Place], number: int) -> int:
        """`define NAME [=]` ... `endef`: a recursive variable whose value is the lines between."""
        words = code.split()
        name = words[1] if len(words) > 1 else ""
        start, lines = number, []
        while number < len(self.lines) and self.lines[number].strip() != "endef":
            lines.append(number)
            number += 1
        value = "\n".join(self.lines[index] for index in lines)
        value_places: list[Place] = []
        for index in lines:
            end = (index + 1, len(self.lines[index]) + 1)  # its line break's
            value_places += [*places_of(self.lines[index], 0, index + 1, 1), end]
        value_places = value_places[: len(value)]
        if name and name not in self.given:
            at = places[code.index(name)] if name in code else (start, 1)
            self._set(name, [(value, value_places)] if value else [], True, at)
        return number + 1

    def _include(self, code: str, places: list[Place]) -> None:
        """The variables of the files an `include` names, each a file of the run beside the Makefile."""
        keyword = code.split()[0]
        at = code.index(keyword) + len(keyword)
        for stated in _stated_words(self._expand(code[at:], places[at:])):
            settings = beside.settings_file(posixpath.join(self.folder, stated))
            if settings is not None:
                assigned = beside.values_of(settings, _variables_of)
                for name, variable in assigned.items():
                    if name not in self.variables or not variable.recursive or variable.pieces:
                        self.variables[name] = variable

    def _assignment(self, code: str, places: list[Place]) -> bool:
        """A variable's assignment (`NAME = value`, and `:=`, `::=`, `?=`, `+=`, `!=`; after `override`,
        `export`, `private`), or `export NAME`; False for any other line."""
        found = _operator(code)
        if found is None:
            words = code.split()
            if words[0] in ("export", "unexport"):
                self._exports(words[0] == "export", words[1:])
            return words[0] in ("unexport", "vpath", "override", "private", "export")
        start, end, operator = found
        words = code[:start].split()
        qualifiers = words[:-1]
        if len(words) == 0 or any(word not in ("override", "export", "private") for word in qualifiers):
            return False
        name = words[-1]
        name_at = places[code.index(name, 0, start)] if name in code[:start] else places[0]
        value_start = end
        while value_start < len(code) and code[value_start] in " \t":
            value_start += 1
        written = (code[value_start:], places[value_start : len(code)])
        if "export" in qualifiers:
            self.exported.add(name)
        if name in self.given and "override" not in qualifiers:  # make's command line's value stays
            return True
        if operator == "!=":
            self._set(name, [(f"$({name})", name_at)], False, name_at)
        elif operator == "?=":
            if name not in self.variables:
                self._set(name, [written] if written[0] else [], True, name_at)
        elif operator == "+=":
            self._append(name, written, name_at)
        elif operator in (":=", "::="):
            self._set(name, self._expand(*written), False, name_at)
        else:
            self._set(name, [written] if written[0] else [], True, name_at)
        return True

    def _exports(self, export: bool, names: list[str]) -> None:
        """`export NAME...` (`unexport`): those variables in the environment of the recipes and the makes they
        run, or not; `export` alone: every variable (as `.EXPORT_ALL_VARIABLES:`)."""
        if not names:
            self.export_all = export
        elif export:
            self.exported.update(names)
        else:
            self.exported.difference_update(names)

    def _set(self, name: str, pieces: Pieces, recursive: bool, at: Place) -> None:
        """The variable `name` set to `pieces`: on the path through the conditionals not decided the line is
        on, the value before it on every other (one not stated where none was set)."""
        before = self.variables.get(name)
        for choice, arm in reversed(self._route()):
            other: Pieces = before.pieces if before is not None else [(f"$({name})", at)]
            depth = 1 + max(_depth(pieces), _depth(other))
            unstated: Hole = (f"$({name})", at)
            pieces = (
                [_Either(choice, arm, pieces, other, unstated, depth)] if depth <= _DEEPEST else [unstated]
            )
            recursive = recursive or (before is not None and before.recursive)
        self.variables[name] = _Variable(pieces, recursive, at)

    def _append(self, name: str, written: tuple[str, list[Place]], at: Place) -> None:
        before = self.variables.get(name)
        if before is None:
            self._set(name, [written] if written[0] else [], True, at)
            return
        added: Pieces = [written] if before.recursive else self._expand(*written)
        space: Pieces = [(" ", [written[1][0] if written[1] else at])] if before.pieces and written[0] else []
        self._set(name, [*before.pieces, *space, *added], before.recursive, before.place)

    # --- conditionals -----------------------------------------------------------------------------------

    def _route(self) -> Route:
        """The path through the conditionals not decided that the line read now is on."""
        return tuple((frame.choice, frame.arm) for frame in self.frames if frame.state == "undecided")

    def _skipping(self) -> bool:
        """Whether the line read now is in an arm of a conditional never taken."""
        return any(frame.state in ("skipped", "done", "dead") for frame in self.frames)

    def _skipped_line(self, number: int) -> int:
        """A line in an arm never taken (with the lines it continues on): only a conditional's is read, to
        know where the arm ends; the number of the line after it."""
        joined, places, after = self._logical(number)
        code, _ = _without_comment(joined)
        keyword = code.split()[0] if code.strip() else ""
        if keyword in (*_CONDITIONALS, "else", "endif"):
            self._conditional(code, places)
        elif keyword == "define":  # its lines are its value's, whatever they say
            while after < len(self.lines) and self.lines[after].strip() != "endef":
                after += 1
            after += 1
        return after

    def _conditional(self, code: str, places: list[Place]) -> None:
        """`ifeq`, `ifneq`, `ifdef`, `ifndef`, `else` (`else ifeq ...`) and `endif`: which arm the lines after
        it are in, and whether it is taken, as make decides where the values compared are stated."""
        keyword = code.split()[0]
        if keyword == "endif":
            if self.frames:
                self.frames.pop()
            return
        if keyword in _CONDITIONALS:
            self.conditionals += 1
            state = "dead" if self._skipping() else _state(self._condition(code, places), False)
            self.frames.append(_Frame(self.conditionals, state))
            return
        if not self.frames or self.frames[-1].state == "dead":
            return
        frame = self.frames[-1]
        if frame.state in ("taken", "done"):
            frame.state = "done"
            return
        frame.undecided_before = frame.undecided_before or frame.state == "undecided"
        frame.arm += 1
        rest = code.split(None, 1)[1] if len(code.split(None, 1)) > 1 else ""
        decided: bool | None = True
        if rest.split()[:1] and rest.split()[0] in _CONDITIONALS:  # `else ifeq (...)`
            at = code.index(rest)
            decided = self._condition(code[at:], places[at:])
        frame.state = _state(decided, frame.undecided_before)

    def _condition(self, code: str, places: list[Place]) -> bool | None:
        """Whether a conditional's test holds, where what it tests is stated; None where it is not (a value
        make's command line or the environment may give)."""
        keyword = code.split()[0]
        at = code.index(keyword) + len(keyword)
        rest, at_places = code[at:], places[at:]
        if keyword in ("ifdef", "ifndef"):
            name = _stated(self._expand(rest, at_places))
            variable = self.variables.get(name[0].strip()) if name is not None else None
            value = _stated(variable.pieces) if variable is not None else None
            if value is None:
                return None
            return bool(value[0].strip()) == (keyword == "ifdef")  # a value, unexpanded, that is not empty
        spans = _compared(rest)
        if spans is None:
            return None
        first, second = (_stated(self._expand(rest[a:b], at_places[a:b])) for a, b in spans)
        if first is None or second is None:
            return None
        return (first[0].strip() == second[0].strip()) == (keyword == "ifeq")

    def _rule(self, code: str, places: list[Place]) -> _Rule | None:
        """A rule's line (`deploy: network vms`, `deploy: ; ./deploy.sh`): its recipe, to be gathered; None
        for a line that is no rule."""
        colon = _rule_colon(code)
        if colon < 0:
            return None
        semicolon = code.find(";", colon)
        end = semicolon if semicolon >= 0 else len(code)
        targets = _stated_words(self._expand(code[:colon], places[:colon]))
        if ".ONESHELL" in targets:
            self.one_shell = True
        if ".EXPORT_ALL_VARIABLES" in targets:
            self.export_all = True
        listed = code[colon:end].lstrip(":")
        prerequisites = _stated_words(self._expand(listed, places[end - len(listed) : end]))
        rule = _Rule(targets, [word for word in prerequisites if word != "|"])
        self.rules.append(rule)
        if semicolon >= 0:
            start = semicolon + 1
            while start < len(code) and code[start] in _RECIPE_PREFIXES:
                start += 1
            if code[start:].strip():
                rule.recipe.append((code[start:], places[start : len(code)], self._route()))
        return rule

    # --- expansion --------------------------------------------------------------------------------------

    def _expand(self, text: str, places: list[Place]) -> Pieces:
        """`text` as make expands it: each variable's value, each `$$` a `$`, every value not stated a hole;
        the whole of it one not stated within `_NESTED_REFERENCES` expansions."""
        if self.nesting >= _NESTED_REFERENCES:
            return [(text, places[0])] if text else []
        self.nesting += 1
        try:
            return self._expanded(text, places)
        finally:
            self.nesting -= 1

    def _expanded(self, text: str, places: list[Place]) -> Pieces:
        pieces: Pieces = []
        start = index = 0
        while (index := text.find("$", index)) >= 0:
            if index > start:
                pieces.append((text[start:index], places[start:index]))
            end, found = self._reference(text, places, index)
            pieces += found
            start = index = end
        if start < len(text):
            pieces.append((text[start:], places[start : len(text)]))
        # what a line expands to costs by its length: a long value used many times is not stated past the
        # budget, so that the read costs no more than the Makefile's size warrants
        self.budget -= _size(pieces)
        return pieces

    def _reference(self, text: str, places: list[Place], at: int) -> tuple[int, Pieces]:
        """What the `$` at `at` stands for, and where what it stands for ends."""
        after = text[at + 1 : at + 2]
        if after == "$":
            return at + 2, [("$", [places[at]])]
        if not after:
            return at + 1, []
        if after not in "({":
            if after in _AUTOMATIC:
                return at + 2, [(f"${after}", places[at])]
            return at + 2, self._value(after, places[at])
        end = _closing(text, at + 1)
        inside = text[at + 2 : end]
        unstated: Pieces = [(text[at : min(end + 1, len(text))], places[at])]
        if end >= len(text):
            return len(text), unstated
        if _is_function(inside):
            result = self._function(text, places, at + 2, end)
            return end + 1, unstated if result is None else result
        if ":" in inside and "=" in inside.partition(":")[2]:
            result = self._substitution(text, places, at + 2, end)
            return end + 1, unstated if result is None else result
        if ":" in inside or "=" in inside:
            return end + 1, unstated
        if inside[:1] in _AUTOMATIC and inside[1:] in ("", "D", "F"):
            return end + 1, [(text[at : end + 1], places[at])]
        if "$" in inside:  # a name made of values (`$($(ENV)_VNET)`): the variable it names, if stated
            named = self._expand(inside, places[at + 2 : end])
            if any(not isinstance(piece[1], list) for piece in named):
                return end + 1, [(text[at : end + 1], places[at])]
            inside = "".join(str(piece[0]) for piece in named)
        return end + 1, self._value(inside.strip(), places[at])

    def _expand_pieces(self, pieces: Pieces) -> Pieces:
        """A recursive variable's value as written, expanded: each stated run, and each arm of a value set
        under a conditional not decided."""
        expanded: Pieces = []
        for piece in pieces:
            if isinstance(piece, _Either):
                taken, other = self._expand_pieces(piece.taken), self._expand_pieces(piece.other)
                expanded.append(piece._replace(taken=taken, other=other))
            elif isinstance(piece[1], list):
                expanded += self._expand(piece[0], piece[1])
            else:
                expanded.append(piece)
        return expanded

    def _function(self, text: str, places: list[Place], start: int, end: int) -> Pieces | None:
        """What make's function called in `text[start:end]` (`subst a,b,$(X)`) gives, for the pure ones this
        reader evaluates (`_FUNCTIONS`) given stated arguments, each character where its argument writes
        it; None for any other (`shell`, `wildcard`), or any argument not stated: a value not stated."""
        name = text[start:end].split(None, 1)[0]
        count = _FUNCTIONS.get(name)
        if count is None:
            return None
        first = start + len(name)
        while first < end and text[first] in " \t":
            first += 1
        spans = _arguments(text, first, end, count)
        if name == "if":
            return self._if(text, places, start, spans)
        unstated: Hole = (text[start - 2 : end + 1], places[start - 2])
        return _applied(name, [self._expand(text[a:b], places[a:b]) for a, b in spans], unstated)

    def _if(self, text: str, places: list[Place], start: int, spans: list[tuple[int, int]]) -> Pieces | None:
        """`$(if condition,then,else)` (at `text[start]`): the arm make expands, the condition true where it
        expands to more than blanks. One whose condition is a value not stated (`$(if $(PROD),a,b)`) is either
        arm, as a conditional not decided is, each on its own path; past `_DEEPEST` of them, None: not stated."""
        (a, b), end = spans[0], spans[-1][1]
        condition = self._expand(text[a:b], places[a:b])
        arms = [self._expand(text[a:b], places[a:b]) for a, b in spans[1:3]]
        then, otherwise = [*arms, [], []][:2]
        stated = _stated(condition)
        written = "".join(p[0] for p in condition if not isinstance(p, _Either) and isinstance(p[1], list))
        if written.strip() or stated is not None:  # text around a value not stated is true whatever it is
            return then if written.strip() else otherwise
        depth = 1 + max(_depth(then), _depth(otherwise))
        if depth > _DEEPEST:
            return None
        self.conditionals += 1
        unstated: Hole = (text[start - 2 : end + 1], places[start - 2])
        return [_Either(self.conditionals, 0, then, otherwise, unstated, depth)]

    def _substitution(self, text: str, places: list[Place], start: int, end: int) -> Pieces | None:
        """A substitution reference (`$(VAR:.c=.o)`, `$(VAR:%-a=%-b)`): the variable's value, each word's
        end (or pattern) replaced, as `patsubst` replaces it; None where a part is not stated."""
        colon = text.index(":", start, end)
        equals = text.index("=", colon, end)
        value = _stated(self._value(text[start:colon].strip(), places[start]))
        pattern = _stated(self._expand(text[colon + 1 : equals], places[colon + 1 : equals]))
        replacement = _stated(self._expand(text[equals + 1 : end], places[equals + 1 : end]))
        if value is None or pattern is None or replacement is None:
            return None
        if "%" not in pattern[0]:
            pattern = ("%" + pattern[0], [places[colon], *pattern[1]])
            replacement = ("%" + replacement[0], [places[equals], *replacement[1]])
        return _evaluated("patsubst", [pattern, replacement, value])

    def _value(self, name: str, at: Place) -> Pieces:
        """The value of the variable `name`, referred to at `at`."""
        variable = self.variables.get(name)
        unstated: Pieces = [(f"$({name})", at)]
        if variable is None or name in self.expanding:
            return unstated
        if self.budget <= 0:  # said once, where the first value it leaves out is (`MAKE_EXPANSION_SPENT`)
            self.spent_at = self.spent_at or at
            return unstated
        self.budget -= len(variable.pieces)
        if not variable.recursive:
            return variable.pieces
        if self.cache is not None and name in self.cache:
            return self.cache[name]
        self.expanding.add(name)
        try:
            pieces = self._expand_pieces(variable.pieces)
        finally:
            self.expanding.discard(name)
        if _size(pieces) > _LONGEST_VALUE:
            pieces = unstated
        if self.cache is not None:
            self.cache[name] = pieces
        return pieces

    # --- the recipes ------------------------------------------------------------------------------------

    def _program(self, lines: shell.CommandLines) -> None:
        lines.runs_in("")  # make runs recipes in the Makefile's folder
        self._make(lines, [])
        if self.spent_at is not None:  # values the file states read as not stated: said why, and where
            lines.unread(replace(_mark(self.spent_at, self.path), tag=MAKE_EXPANSION_SPENT))

    def _make(self, lines: shell.CommandLines, goals: list[str]) -> None:
        """`make` of `goals` (none: the default goal, and any other target may be made by name later)."""
        for name in self._exported():
            self._export(lines, name)
        powershell = self._powershell()
        made: set[int] = set()
        # `make` with no goal named makes the first target (`default_goal`) and what it needs, first; any
        # other target is made only when named, so its recipe may run
        for rule in self._made_first(goals):
            if id(rule) not in made:
                made.add(id(rule))
                self._run_rule(lines, rule, powershell)
        if goals:
            return
        for rule in self.rules:
            if rule.recipe and id(rule) not in made:
                lines.may_run(functools.partial(self._run_rule, lines, rule, powershell))

    def _made_first(self, goals: list[str]) -> list[_Rule]:
        """The rules `make` runs for `goals` (none: the default goal, `.DEFAULT_GOAL` or the first target,
        the first of a rule's that is no special target, `.PHONY`, nor a pattern), in the order it runs
        them: each goal's after those of its prerequisites, each once."""
        by_target: dict[str, list[_Rule]] = {}
        for rule in self.rules:
            for target in rule.targets:
                by_target.setdefault(target, []).append(rule)
        goal = self._default_goal() or next(
            (t for rule in self.rules for t in rule.targets[:1] if not t.startswith(".") and "%" not in t),
            None,
        )
        order: list[_Rule] = []
        seen: set[str] = set()
        named = goals or ([goal] if goal is not None else [])
        pending: list[tuple[str, bool]] = [(one, False) for one in reversed(named)]
        while pending:  # depth first, without recursion: a chain of prerequisites may be long
            target, after_prerequisites = pending.pop()
            if after_prerequisites:
                order += by_target.get(target, [])
                continue
            if target in seen:
                continue
            seen.add(target)
            pending.append((target, True))
            needed = [p for rule in by_target.get(target, []) for p in rule.prerequisites]
            pending += [(p, False) for p in reversed(needed) if p not in seen]
        return order

    def _default_goal(self) -> str | None:
        """The goal `.DEFAULT_GOAL` names, where the Makefile states it."""
        variable = self.variables.get(".DEFAULT_GOAL")
        stated = _stated(self._value(".DEFAULT_GOAL", variable.place)) if variable is not None else None
        return stated[0].strip() or None if stated is not None else None

    def _exported(self) -> list[str]:
        """The names of the variables make exports, in order: those the Makefile exports (all: those whose
        names the shell takes) and those of its command line and environment."""
        names = (set(self.variables) if self.export_all else self.exported) & self.variables.keys()
        return sorted(name for name in names if name.isidentifier())

    def _export(self, lines: shell.CommandLines, name: str) -> None:
        """An exported variable is in each recipe's environment, as make states it."""
        variable = self.variables[name]
        pieces = self._value(name, variable.place)
        stated = all(isinstance(piece[1], list) for piece in pieces)
        text = "".join(str(piece[0]) for piece in pieces) if stated else None
        first = next(
            (piece[1][0] for piece in pieces if isinstance(piece[1], list) and piece[1]), variable.place
        )
        lines.state(name, text, _mark(first, self.path), holder=None if stated else f"$({name})")
        lines.export(name)

    def _powershell(self) -> bool:
        """Whether the recipes run in PowerShell (`SHELL = pwsh`)."""
        variable = self.variables.get("SHELL")
        if variable is None:
            return False
        written = "".join(str(piece[0]) for piece in variable.pieces if isinstance(piece[1], list)).split()
        return bool(written) and posixpath.basename(written[0]).removesuffix(".exe").lower() in POWERSHELLS

    def _run_rule(self, lines: shell.CommandLines, rule: _Rule, powershell: bool) -> None:
        """A rule's recipe, with the target-specific variables of its targets."""
        own = {
            name: v for target in rule.targets for name, v in self.target_variables.get(target, {}).items()
        }
        if not own:
            self._run_recipe(lines, rule, powershell)
            return
        saved = {name: self.variables.get(name) for name in own}
        cache, self.cache = self.cache, {}  # the recursive variables' expansions may differ here
        self.variables.update(own)
        try:
            self._run_recipe(lines, rule, powershell)
        finally:
            self.cache = cache
            for name, variable in saved.items():
                if variable is None:
                    del self.variables[name]
                else:
                    self.variables[name] = variable

    def _run_recipe(self, lines: shell.CommandLines, rule: _Rule, powershell: bool) -> None:
        """A rule's recipe: each line in a shell of its own, or all in one under `.ONESHELL:`."""
        groups = [rule.recipe] if self.one_shell else [[line] for line in rule.recipe]
        for group in groups:
            lines.in_own_process(functools.partial(self._run_lines, lines, group, powershell))

    def _run_lines(
        self, lines: shell.CommandLines, group: list[tuple[str, list[Place], Route]], powershell: bool
    ) -> None:
        """Recipe lines run in one shell, expanded: on each path through the conditionals not decided that
        they are on or take values from, as the arms of a shell's `if` (a line on none of them in the arm of
        no path: as code that may run); past `_MOST_PATHS`, once, those values not stated."""
        expanded = [(self._expand(text, places), places, route) for text, places, route in group]
        arms: dict[int, set[int]] = {}
        for pieces, _, route in expanded:
            for choice, arm in route:
                arms.setdefault(choice, set()).add(arm)
            _choices(pieces, arms)
        paths: list[dict[int, int]] = [{}]
        for choice, taken in arms.items():
            paths = [{**path, choice: arm} for path in paths for arm in [*sorted(taken), -1]]
            if len(paths) > _MOST_PATHS:
                self._run_path(lines, expanded, None, powershell)
                return
        if len(paths) == 1:
            self._run_path(lines, expanded, paths[0], powershell)
            return
        lines.walker.choose(
            [functools.partial(self._run_path, lines, expanded, path, powershell) for path in paths]
        )

    def _run_path(
        self,
        lines: shell.CommandLines,
        expanded: list[tuple[Pieces, list[Place], Route]],
        path: dict[int, int] | None,
        powershell: bool,
    ) -> None:
        """The lines on `path` (each conditional's arm; None: every line, the values it decides not stated)."""
        held = HeldText(self.path, self.marks)
        joined: Pieces = []  # the lines on the path, as one shell is given them
        for pieces, places, route in expanded:
            if path is not None and any(path.get(choice) != arm for choice, arm in route):
                continue
            if joined:
                joined.append(("\n", [places[0] if places else (1, 1)]))
            joined += _resolved(pieces, path)
        if not joined:
            return
        if powershell:
            held.add_pieces(joined)
            held.run_powershell(lines)
            return
        held.add_pieces(_with_curdir(joined))
        held.run(lines)
        for pieces, _, _ in expanded:
            self._sub_makes(lines, _with_curdir(_resolved(pieces, path)), path)

    def _sub_makes(self, lines: shell.CommandLines, pieces: Pieces, path: dict[int, int] | None) -> None:
        """Each `$(MAKE) -C sub deploy` (`make -C sub`, `-f other.mk`, `cd sub && $(MAKE)`) a recipe line runs
        on `path`: the goals of the Makefile it names, read where the run reads any file
        (`beside.settings_file`), made in its folder with the variables its command line and environment
        give it."""
        line = _Line.of(pieces)
        for command in _commands(line):
            words = command.words
            environment: dict[str, _Variable] = {}  # `VNET=x make`: the environment's
            while words and "=" in line.word(words[0]) and line.word(words[0])[:1] not in ("-", "="):
                name, value = line.assignment(words.pop(0))
                environment[name] = value
            program = line.word(words[0]) if words else ""
            if posixpath.basename(program) not in ("make", "gmake"):
                continue
            if self.budget > 0:
                self._sub_make(lines, _SubMake(command.folder, words[1:], line, environment), path)
            elif self.spent_at is None:  # a make the spent budget leaves unread: said, where it is run
                self.spent_at = line.places[words[0][0]]

    def _sub_make(self, lines: shell.CommandLines, make: _SubMake, path: dict[int, int] | None) -> None:
        folder, file, goals, given = make.folder, "", [], dict[str, _Variable]()
        overrides = False  # `-e`: the environment's values over the Makefile's assignments
        for option, indices in _make_options(make.words, make.line):
            argument = make.line.path(indices) if indices is not None else ""
            if option in ("C", "directory"):
                folder = posixpath.join(folder, argument)
            elif option in ("f", "file", "makefile"):
                file = argument
            elif option in ("e", "environment-overrides"):
                overrides = True
            elif option == "=" and indices is not None:
                name, value = make.line.assignment(indices)
                given[name] = _in_file(value, self.path)
            elif option == "" and indices is not None:
                goals.append(make.line.word(indices))
        if "\x00" in folder + file:  # not stated
            return
        where = posixpath.normpath(posixpath.join(self.folder, folder))
        for name in [file] if file else ["GNUmakefile", "makefile", "Makefile"]:
            settings = beside.settings_file(posixpath.join(where, name))
            if settings is not None:
                break
        if settings is None or any("\x00" in goal for goal in goals):
            return
        # a Makefile being made is made again by its own recipe for other goals (`$(MAKE) deploy VNET=x`)
        making = settings.path if settings.path != self.path else f"{self.path} {goals}"
        if making in self.making:
            return
        self.budget -= len(settings.data)
        # make hands its own command line's variables on (in MAKEFLAGS), and its exported ones in the
        # environment, those the line sets for the make too
        line_set = {name: _in_file(variable, self.path) for name, variable in make.environment.items()}
        environment = {**self._environment(path), **line_set}
        given = {**self.given, **(environment if overrides else {}), **given}
        self.budget -= len(environment) + len(given)  # each is copied and exported again: work like any other
        sub = self.made.get(settings.path) if not (given or environment) else None
        if sub is None:
            text = settings.data.decode("utf-8", "replace")
            sub = _Scanner(settings.path, text, len(settings.data), where, given, environment, self.budget)
            sub.scanned()
            sub.made, sub.making = self.made, self.making
            if not (given or environment):
                self.made[settings.path] = sub
        else:
            sub.budget = self.budget
        self.making.add(making)
        try:
            with lines.in_folder(where):
                sub._make(lines, goals)
        finally:
            self.making.discard(making)
            self._spent_by(sub)

    def _spent_by(self, sub: _Scanner) -> None:
        """What a Makefile a recipe made (`sub`) spent of the budget they share, and where it ran out, said
        as this read's (`_program`)."""
        self.budget = sub.budget
        if self.spent_at is None and sub.spent_at is not None:
            self.spent_at = _placed_in(sub.spent_at, sub.path)

    def _environment(self, path: dict[int, int] | None) -> dict[str, _Variable]:
        """The variables make exports, as a make it runs on `path` is given them: their values, each character
        where this Makefile (or the file it is from) writes it."""
        given: dict[str, _Variable] = {}
        for name in self._exported():
            variable = self.variables[name]
            pieces = _resolved(self._value(name, variable.place), path)
            given[name] = _Variable(
                _pieces_in(pieces, self.path), False, _placed_in(variable.place, self.path)
            )
        return given


class _Line(NamedTuple):
    """A recipe line as the shell is given it: its text, each value not stated a `\x00` (`$(MAKE)`, `make`),
    with each character's place and the value not stated it stands for, if any."""

    text: str
    places: list[Place]
    holes: list[Hole | None]

    @classmethod
    def of(cls, pieces: Pieces) -> _Line:
        texts: list[str] = []
        places: list[Place] = []
        holes: list[Hole | None] = []
        for piece in pieces:
            if isinstance(piece, _Either):
                piece = piece.unstated
            if isinstance(piece[1], list):
                texts.append(piece[0])
                places += piece[1]
                holes += [None] * len(piece[0])
            else:
                made = piece[0] in _MAKES
                texts.append("make" if made else "\x00")
                places += [piece[1]] * (4 if made else 1)
                holes += [None] * 4 if made else [piece]
        return cls("".join(texts), places, holes)

    def word(self, indices: list[int]) -> str:
        return "".join(self.text[at] for at in indices)

    def path(self, indices: list[int]) -> str:
        """A word that names a folder or file (`-C $(CURDIR)/vms`): make's own folder, `$(CURDIR)` where the
        Makefile does not assign it, is the one it runs in."""
        first = self.holes[indices[0]] if indices else None
        if _is_curdir(first):
            return "." + self.word(indices[1:])
        return self.word(indices)

    def assignment(self, indices: list[int]) -> tuple[str, _Variable]:
        """The variable a `NAME=value` word sets, its value's characters where the Makefile writes them."""
        equals = self.word(indices).index("=")
        name, value = self.word(indices[:equals]), indices[equals + 1 :]
        pieces: Pieces = []
        for at in value:
            hole = self.holes[at]
            if hole is not None:
                pieces.append(hole)
            elif pieces and isinstance(pieces[-1][1], list) and not isinstance(pieces[-1], _Either):
                pieces[-1] = (pieces[-1][0] + self.text[at], [*pieces[-1][1], self.places[at]])
            else:
                pieces.append((self.text[at], [self.places[at]]))
        return name, _Variable(pieces, False, self.places[indices[0]])


class _SubMake(NamedTuple):
    """A make a recipe line runs: the folder its `cd` moved to, its words (each the offsets of its
    characters in `line`) and the variables it sets for it (`VNET=x make`)."""

    folder: str
    words: list[list[int]]
    line: _Line
    environment: dict[str, _Variable]


# make's short options that take an argument: the rest of their word (`-Cvms`), else the next word (`-C vms`);
# and those whose argument is optional, a number the rest of their word holds (`-j4`).
_MAKE_ARGUMENT_OPTIONS = frozenset("CfIoW")
_MAKE_NUMBER_OPTIONS = frozenset("jl")


def _make_options(words: list[list[int]], line: _Line) -> Iterator[tuple[str, list[int] | None]]:
    """make's command line words as it reads them: each option's name (`C`, `directory`; short ones run
    together one by one: `-ekC vms`) and its argument's characters (None: it takes none); `=` and the word
    for a variable's assignment (`VNET=x`), "" and the word for a goal."""
    rest = iter(words)
    for indices in rest:
        word = line.word(indices)
        if word.startswith("--"):
            name, equals, _ = word[2:].partition("=")
            taken = name in ("directory", "file", "makefile")
            argument = indices[3 + len(name) :] if equals else next(rest, []) if taken else None
            yield name, argument
        elif word.startswith("-"):
            for at, letter in enumerate(word[1:], 1):
                if letter in _MAKE_ARGUMENT_OPTIONS:
                    yield letter, indices[at + 1 :] or next(rest, [])
                    break
                yield letter, None
                if letter in _MAKE_NUMBER_OPTIONS:
                    break
        else:
            yield ("=" if "=" in word and not word.startswith("=") else ""), indices


class _Command(NamedTuple):
    """A command of a recipe line: where it starts and ends in the line's text, the folder the shell runs it
    in (from make's own, see `_commands`) and its words (each the offsets of its characters)."""

    start: int
    end: int
    folder: str
    words: list[list[int]]


def _commands(line: _Line) -> Iterator[_Command]:
    """The commands of a recipe line (of the lines one shell runs), in order, each with the folder the
    shell is in when it runs it, from make's own ("." for it): where the `cd`s before it moved the shell
    (`\x00` in it where one moved to a folder not stated). A `cd` in a `( )` subshell lasts until its `)`,
    and one in a pipe or run in the background (`cd x | ...`, `cd x &`) moves no later command."""
    text = line.text
    folder = "."
    subshells: list[str] = []  # the folder before each `(` open now, where its `)` moves back to
    separators = [at for at in unquoted(text) if text[at] in ";&|\n()"]
    for start, end in itertools.pairwise([-1, *separators, len(text)]):
        if start >= 0 and text[start] == "(":
            subshells.append(folder)
        elif start >= 0 and text[start] == ")" and subshells:
            folder = subshells.pop()
        words = _shell_words(text, start + 1, end)
        yield _Command(start + 1, end, folder, list(words))
        if words and line.word(words[0]) == "cd":
            lasts = end == len(text) or text[end] in ";\n" or text[end : end + 2] in ("&&", "||")
            folder = _cd(line, folder, words[1:]) if lasts else folder


def _cd(line: _Line, folder: str, words: list[list[int]]) -> str:
    """The folder `cd` with `words` moves the shell in `folder` to, from make's own: one named from
    `$(CURDIR)` (`cd $(CURDIR)/sub`) is from make's folder whatever `folder` is."""
    named = next(
        (word for word in words if not line.word(word).startswith("-") or line.word(word) == "-"), []
    )
    moved = _folder_moved_to([line.word(named)] if named else [])
    if named and _is_curdir(line.holes[named[0]]):
        return posixpath.normpath(line.path(named))
    return posixpath.normpath(posixpath.join(folder, moved))


def _is_curdir(piece: object) -> bool:
    """Whether a piece of a value (or a `_Line`'s hole) is `$(CURDIR)` not stated."""
    return (
        isinstance(piece, tuple)
        and len(piece) == 2
        and piece[0] == _CURDIR
        and not isinstance(piece[1], list)
    )


def _with_curdir(pieces: Pieces) -> Pieces:
    """Recipe lines one shell runs with each `$(CURDIR)` the Makefile does not assign stated as the way
    back to make's folder from the one the shell is in where the line uses it: make expands it before the
    shell runs, so after `cd sub` it is still make's folder (`cd sub && bash $(CURDIR)/x.sh` runs `../x.sh`
    from `sub`), while a path the shell takes from where it is (`./x.sh`) is `sub`'s. Still
    not stated where a `cd` moved to a folder not stated, or out of make's."""
    if not any(_is_curdir(piece) for piece in pieces):
        return pieces
    line = _Line.of(pieces)
    folders = [(command.start, command.folder) for command in _commands(line)]
    stated: Pieces = []
    at = 0  # the offset in `line.text` of the piece
    for piece in pieces:
        shown = piece.unstated if isinstance(piece, _Either) else piece
        stated.append(piece)
        if isinstance(shown[1], list):
            at += len(shown[0])
            continue
        if _is_curdir(piece):
            back = _way_back(folders[bisect.bisect_right(folders, (at, "\U0010ffff")) - 1][1])
            stated[-1] = (back, [shown[1]] * len(back)) if back else piece
        at += 4 if shown[0] in _MAKES else 1
    return stated


def _way_back(folder: str) -> str:
    """The relative path from `folder` (from make's, normalized) back to make's; "" where it cannot be said
    (a folder not stated, one above make's or from the root)."""
    if folder == ".":
        return "."
    parts = folder.split("/")
    if "\x00" in folder or folder.startswith("/") or ".." in parts:
        return ""
    return "/".join([".."] * len(parts))


def _folder_moved_to(words: list[str]) -> str:
    """The folder `cd` moves to given `words` (its options, then the folder): `\x00` for one not stated (a
    value not stated, `cd -`, `cd` to the home folder)."""
    named = [word for word in words if not word.startswith("-") or word == "-"]
    if not named or named[0] in ("-", "") or named[0].startswith("~"):
        return "\x00"
    return named[0]


def _shell_words(text: str, start: int, end: int) -> list[list[int]]:
    """The words of the shell's command `text[start:end]`, each the offsets of its characters: split at
    blanks outside quotes, less the quotes and the `\\` that escape, as the shell removes them."""
    words: list[list[int]] = []
    word: list[int] | None = None
    quote, escaped = "", False
    for at in range(start, end):
        character = text[at]
        if not (quote or escaped) and character in " \t\n":
            if word is not None:
                words.append(word)
            word = None
            continue
        word = [] if word is None else word
        if escaped:
            escaped = False
            word.append(at)
        elif character == "\\" and quote != "'":
            escaped = True
        elif quote and character == quote:
            quote = ""
        elif not quote and character in "\"'":
            quote = character
        else:
            word.append(at)
    return [*words, word] if word is not None else words


def _variables_of(settings: beside.Settings) -> dict[str, _Variable]:
    """The variables a file `include` names assigns, each shown where that file writes it."""
    text = settings.data.decode("utf-8", "replace").removeprefix("\ufeff")
    scanner = _Scanner(settings.path, text, len(settings.data))
    scanner.scanned()
    return {name: _in_file(variable, settings.path) for name, variable in scanner.variables.items()}


def _in_file(variable: _Variable, path: str) -> _Variable:
    """A variable of another file, each place of its value with that file's path."""
    return _Variable(_pieces_in(variable.pieces, path), variable.recursive, _placed_in(variable.place, path))


def _pieces_in(pieces: Pieces, path: str) -> Pieces:
    placed: Pieces = []
    for piece in pieces:
        if isinstance(piece, _Either):
            unstated = (piece.unstated[0], _placed_in(piece.unstated[1], path))
            placed.append(
                piece._replace(
                    taken=_pieces_in(piece.taken, path),
                    other=_pieces_in(piece.other, path),
                    unstated=unstated,
                )
            )
        elif isinstance(piece[1], list):
            placed.append((piece[0], [_placed_in(place, path) for place in piece[1]]))
        else:
            placed.append((piece[0], _placed_in(piece[1], path)))
    return placed


def _placed_in(place: Place, path: str) -> Place:
    """`place` of the file at `path`, where it names no other file."""
    return place if len(place) == 3 else (place[0], place[1], path)


def _state(decided: bool | None, undecided_before: bool) -> str:
    """The state of a conditional's arm (`_Frame`) whose test is `decided`, after an arm not decided or not."""
    if decided is False:
        return "skipped"
    return "undecided" if decided is None or undecided_before else "taken"


def _compared(text: str) -> list[tuple[int, int]] | None:
    """Where the two texts an `ifeq` compares are: `(a,b)`, or each in quotes (`"a" "b"`, `'a' 'b'`)."""
    at = len(text) - len(text.lstrip())
    if text.startswith("(", at):
        end = _closing(text, at)
        spans = _arguments(text, at + 1, end, 2)
        return spans if end < len(text) and len(spans) == 2 else None
    quoted: list[tuple[int, int]] = []
    while len(quoted) < 2 and at < len(text) and text[at] in "\"'":
        end = text.find(text[at], at + 1)
        if end < 0:
            return None
        quoted.append((at + 1, end))
        at = len(text) - len(text[end + 1 :].lstrip())
    return quoted if len(quoted) == 2 else None


def _size(pieces: Pieces) -> int:
    """How long a text of `pieces` is, a value set under a conditional counted as one."""
    return sum(1 if isinstance(piece, _Either) else len(piece[0]) for piece in pieces)


def _depth(pieces: Pieces) -> int:
    return max((piece.depth for piece in pieces if isinstance(piece, _Either)), default=0)


def _choices(pieces: Pieces, arms: dict[int, set[int]]) -> None:
    """Adds the conditionals (and the arms of each) that values set under them in `pieces` depend on."""
    for piece in pieces:
        if isinstance(piece, _Either):
            arms.setdefault(piece.choice, set()).add(piece.arm)
            _choices(piece.taken, arms)
            _choices(piece.other, arms)


def _resolved(pieces: Pieces, path: dict[int, int] | None) -> Pieces:
    """`pieces` on `path` (each conditional's arm): each value set under a conditional the one of its arm;
    not stated where the path does not say (None: on none)."""
    resolved: Pieces = []
    for piece in pieces:
        if not isinstance(piece, _Either):
            resolved.append(piece)
        elif path is None or piece.choice not in path:
            resolved.append(piece.unstated)
        else:
            resolved += _resolved(piece.taken if path[piece.choice] == piece.arm else piece.other, path)
    return resolved


def _continued(written: str) -> bool:
    """Whether a line ends with a `\\` that continues it (an odd number of them)."""
    count = len(written) - len(written.rstrip("\\"))
    return count % 2 == 1


def _without_comment(line: str) -> tuple[str, int | None]:
    """A line of make's syntax up to its comment (a `#` no `\\` escapes), and where the comment starts."""
    index = 0
    while (index := line.find("#", index)) >= 0:
        if index == 0 or line[index - 1] != "\\":
            return line[:index], index
        index += 1
    return line, None


def _operator(code: str) -> tuple[int, int, str] | None:
    """Where an assignment's operator starts and ends, and which it is (`=`, `:=`, `::=`, `?=`, `+=`, `!=`);
    None for a line that assigns nothing (a rule: a `:` not of `:=` comes first)."""
    at = 0
    while at < len(code):
        character = code[at]
        if character == "$" and code[at + 1 : at + 2] in ("(", "{"):  # a reference in a name
            at = _closing(code, at + 1) + 1
            continue
        if character == "=":
            before = code[at - 1] if at else ""
            if before in ("?", "+", "!"):
                return at - 1, at + 1, before + "="
            if before == ":":
                start = at - 2 if code[at - 2 : at] == "::" else at - 1
                return start, at + 1, code[start : at + 1]
            return at, at + 1, "="
        if character == ":" and code[at + 1 : at + 2] != "=" and code[at + 1 : at + 3] != ":=":
            return None
        at += 1
    return None


def _rule_colon(code: str) -> int:
    """Where the `:` that ends a rule's targets is (past any `$(...)` reference), -1 for none."""
    at = 0
    while at < len(code):
        if code[at] == "$" and code[at + 1 : at + 2] in ("(", "{"):
            at = _closing(code, at + 1) + 1
            continue
        if code[at] == ":":
            return at
        at += 1
    return -1


def _closing(text: str, opened: int) -> int:
    """Where the bracket at `opened` closes (`)` for `(`, `}` for `{`), counting those it holds; the end of
    `text` where it never does."""
    opener = text[opened]
    closer = ")" if opener == "(" else "}"
    depth = 0
    for index in range(opened, len(text)):
        if text[index] == opener:
            depth += 1
        elif text[index] == closer:
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def _is_function(inside: str) -> bool:
    """Whether a `$( ... )` calls one of make's functions (`shell ls`, `subst a,b,$(X)`): a name and a blank."""
    name = inside.split(None, 1)[0] if inside.strip() else ""
    return bool(name) and len(inside) > len(name) and inside[len(name)] in " \t" and "$" not in name


# make's functions this reader evaluates, pure ones of the text they are given, by how many arguments each
# takes (the last takes the rest of the text, its commas too).
_FUNCTIONS = {
    "subst": 3,
    "patsubst": 3,
    "addprefix": 2,
    "addsuffix": 2,
    "firstword": 1,
    "lastword": 1,
    "word": 2,
    "strip": 1,
    "if": 3,
}


def _arguments(text: str, start: int, end: int, count: int) -> list[tuple[int, int]]:
    """Where each of a function's arguments (`text[start:end]`, at most `count`) starts and ends: split at
    the commas outside the brackets of a reference or call in them."""
    spans: list[tuple[int, int]] = []
    depth, begin = 0, start
    for at in range(start, end):
        character = text[at]
        if character in "({":
            depth += 1
        elif character in ")}":
            depth -= 1
        elif character == "," and depth == 0 and len(spans) < count - 1:
            spans.append((begin, at))
            begin = at + 1
    return [*spans, (begin, end)]


def _applied(name: str, arguments: list[Pieces], unstated: Hole) -> Pieces | None:
    """Make's function `name` on `arguments`, all stated; one that holds a value set under a choice not
    decided (`$(subst -,,$(if $(PROD),a-1,b-1))`) gives the function's result on each arm, as that value
    is on each path (past `_DEEPEST` nested, None: not stated, as any other argument not stated)."""
    for index, argument in enumerate(arguments):
        either = next((piece for piece in argument if isinstance(piece, _Either)), None)
        if either is None:
            continue
        at = argument.index(either)
        arms: list[Pieces] = []
        for arm in (either.taken, either.other):
            chosen = [*argument[:at], *arm, *argument[at + 1 :]]
            result = _applied(name, [*arguments[:index], chosen, *arguments[index + 1 :]], unstated)
            if result is None:
                return None
            arms.append(result)
        depth = 1 + max(_depth(arms[0]), _depth(arms[1]))
        if depth > _DEEPEST:
            return None
        return [either._replace(taken=arms[0], other=arms[1], unstated=unstated, depth=depth)]
    stated = [_stated(argument) for argument in arguments]
    if any(each is None for each in stated):
        return None
    return _evaluated(name, [each for each in stated if each is not None])


def _stated(pieces: Pieces) -> tuple[str, list[Place]] | None:
    """The text of `pieces` and its places, where they are all stated; None where one is not."""
    texts: list[str] = []
    places: list[Place] = []
    for piece in pieces:
        if not isinstance(piece[1], list):
            return None
        texts.append(piece[0])
        places += piece[1]
    return "".join(texts), places


def _words(text: str, places: list[Place]) -> list[tuple[str, list[Place]]]:
    """The words of a text, split at blanks as make splits them, each with its places."""
    found: list[tuple[str, list[Place]]] = []
    start = None
    for at, character in enumerate([*text, " "]):
        if character in " \t\n":
            if start is not None:
                found.append((text[start:at], places[start:at]))
            start = None
        elif start is None:
            start = at
    return found


def _joined(words: list[tuple[str, list[Place]]]) -> Pieces:
    """Words joined by one space, as make's functions join them: each space where the word after it is."""
    pieces: Pieces = []
    for index, (word, at) in enumerate(words):
        if index and at:
            pieces.append((" ", [at[0]]))
        if word:
            pieces.append((word, at))
    return pieces


def _evaluated(name: str, arguments: list[tuple[str, list[Place]]]) -> Pieces:
    """What the function `name` (one of `_FUNCTIONS`) gives for its stated arguments."""
    last = arguments[-1]
    if name in ("firstword", "lastword", "strip"):
        words = _words(*last)
        return _joined(words if name == "strip" else words[:1] if name == "firstword" else words[-1:])
    if len(arguments) < 2:
        return [last] if last[0] else []
    first = arguments[0]
    if name == "word":
        number = first[0].strip()
        words = _words(*last)
        index = int(number) if number.isascii() and number.isdigit() and len(number) < 10 else 0
        return _joined(words[index - 1 : index]) if index > 0 else []
    if name in ("addprefix", "addsuffix"):
        return _joined(
            [
                (first[0] + word, first[1] + at) if name == "addprefix" else (word + first[0], at + first[1])
                for word, at in _words(*last)
            ]
        )
    if len(arguments) < 3:
        return [last] if last[0] else []
    if name == "subst":
        return _substituted(first, arguments[1], last)
    return _joined([_pattern_substituted(first, arguments[1], word) for word in _words(*last)])


def _substituted(
    old: tuple[str, list[Place]], new: tuple[str, list[Place]], text: tuple[str, list[Place]]
) -> Pieces:
    """`$(subst old,new,text)`: each `old` in `text` replaced by `new`, whose characters are where it is written."""
    if not old[0]:
        return [text] if text[0] else []
    pieces: Pieces = []
    start = 0
    while (found := text[0].find(old[0], start)) >= 0:
        if found > start:
            pieces.append((text[0][start:found], text[1][start:found]))
        if new[0]:
            pieces.append(new)
        start = found + len(old[0])
    if start < len(text[0]):
        pieces.append((text[0][start:], text[1][start:]))
    return pieces


def _pattern_substituted(
    pattern: tuple[str, list[Place]], replacement: tuple[str, list[Place]], word: tuple[str, list[Place]]
) -> tuple[str, list[Place]]:
    """A word `patsubst` gives: `replacement` with its `%` the stem `pattern`'s `%` matches, where the word
    matches it; else the word."""
    before, percent, after = pattern[0].strip().partition("%")
    text, at = word
    if not percent:
        return replacement if text == before else word
    if len(text) < len(before) + len(after) or not text.startswith(before) or not text.endswith(after):
        return word
    stem = (text[len(before) : len(text) - len(after)], at[len(before) : len(text) - len(after)])
    index = replacement[0].find("%")
    if index < 0:
        return replacement
    return (
        replacement[0][:index] + stem[0] + replacement[0][index + 1 :],
        replacement[1][:index] + stem[1] + replacement[1][index + 1 :],
    )


def _stated_words(pieces: Pieces) -> list[str]:
    """The words of a text made of `pieces` that are wholly stated."""
    text = "".join(str(piece[0]) if isinstance(piece[1], list) else "\x00" for piece in pieces)
    return [word for word in text.split() if "\x00" not in word]


def trailing_comment(text: str, places: list[Place]) -> Comment | None:
    """The shell's comment after a command line's command (`azure ... # migcheck: ignore[MIG202] why`), which
    covers its line; None where it has none that may be a directive."""
    if "migcheck" not in text.lower():
        return None
    at = _comment_start(text)
    if at is None:
        return None
    line, column = places[at][:2]
    return Comment(line, column, text[at:].split("\n", 1)[0], text[:at], (line, line))


def _comment_start(text: str) -> int | None:
    """Where a shell comment starts in a command line: a `#` after a blank, outside quotes."""
    return next((at for at in unquoted(text) if text[at] == "#" and at and text[at - 1] in " \t"), None)


def unquoted(text: str) -> Iterator[int]:
    """The offsets of the characters of a shell's line that are outside quotes and that no `\\` escapes (not
    the quotes and backslashes themselves), in order: where the shell splits words and starts comments."""
    quote, escaped = "", False
    for at, character in enumerate(text):
        if escaped:
            escaped = False
        elif character == "\\" and quote != "'":
            escaped = True
        elif quote:
            quote = "" if character == quote else quote
        elif character in "\"'":
            quote = character
        else:
            yield at
