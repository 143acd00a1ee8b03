"""Dockerfiles (`Dockerfile`, `*.Dockerfile`, `Dockerfile.*`) whose `RUN` lines run the classic CLI (`RUN azure
config mode asm && azure vm create ...`), the classic cmdlets (`SHELL ["pwsh", "-Command"]`) or the
repository's own scripts: each `RUN` line is read as the shell (or PowerShell) the image runs it in reads it,
by the shell reader (`shell.CommandLines`) as a CI step's script is, each of its words shown where the
Dockerfile writes it.

- The shell form (`RUN azure vm create ...`) is the line the image's shell is given (`/bin/sh -c`): a line
  ended by the escape character (`\\`, or the one a `# escape=` directive names) goes on on the next, the
  two joined as Docker joins them (a comment line between them is Docker's, not the command's); the options
  before the command (`--mount=...`, `--network=...`) are Docker's. Each `RUN` runs in a shell of its own.
- The exec form (`RUN ["bash", "-c", "azure vm create ..."]`) is its JSON list's words: a shell's `-c`
  script (PowerShell's `-Command`) is read as that script, each of its characters where the string writes
  it; any other program is run with the words as they are.
- A `RUN` whose command is a here-document alone (BuildKit's `RUN <<EOF`), or that gives one to a shell
  (`RUN <<EOF bash`, several: `RUN <<A bash && <<B sh`), runs its lines as that shell's script; one given
  to any other program is given to the shell with its line.
- `SHELL ["pwsh", "-Command"]` (`powershell`) makes the shell-form `RUN` lines after it PowerShell's, until
  a `SHELL` names another.
- `ARG NAME=value` and `ENV NAME=value` (`ENV NAME value`, the rest of the line one value) are variables in
  the environment of the `RUN` lines after them, their values as Docker reads them (quotes, `$OTHER`); an
  `ARG` with no value takes the default of an `ARG` before the first `FROM`, else is one `--build-arg`
  gives: a value not stated. Each `FROM` starts a stage with none of another's, but those of an earlier
  stage it is built from (`FROM build AS test`).
- A `RUN` line runs from its `WORKDIR`, in the build's context (the Dockerfile's folder) where a `COPY`
  (`ADD`) put that folder of the image (`COPY . /app`), else the image's root the context's: a script it runs
  by a path (`./deploy.sh`) is read as the repository's.

`# migcheck: ignore[MIG201] reason` comments suppress findings: on a line of their own, those of the
instruction after them; at the end of a `RUN` line (a comment of its shell), that line's."""

from __future__ import annotations

import bisect
import functools
import itertools
import posixpath
from dataclasses import dataclass, field

from migcheck.model import Document, Mark
from migcheck.readers import shell
from migcheck.readers.makefile import (
    Comment,
    HeldText,
    Place,
    document_of,
    places_of,
    refused_if_classic,
    trailing_comment,
    unquoted,
)
from migcheck.readers.programs import POWERSHELLS, SHELLS, Word

# The options of a shell that make it run the next word as its script (`bash -c`, `sh -ec`), and PowerShell's.
_POWERSHELL_COMMAND = frozenset({"-command", "-c"})


def sniff(data: bytes) -> bool:
    """Whether a `RUN` line may run the classic tools: what a shell script that runs them mentions
    (`shell.sniff`), or the CLI as an exec form's first word (`RUN ["azure", "vm", ...]`)."""
    return shell.sniff(data) or (b'"azure"' in data and b"\x00" not in data)


def read(path: str, data: bytes) -> Document:
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    scanned = _Scanner(path, text)
    scanned.scan()
    name = posixpath.basename(path)
    return document_of(path, text, data, scanned.program, scanned.comments, f"Dockerfile '{name}'")


class _Instruction:
    """One instruction, its lines joined as Docker joins them: its keyword (upper case), and the text after
    it with each character's place."""

    def __init__(self, keyword: str, text: str, places: list[Place], first: int, last: int) -> None:
        self.keyword = keyword
        self.text = text
        self.places = places
        self.first = first  # its first and last line
        self.last = last


class _Scanner:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.escape = "\\"
        self.comments: list[Comment] = []
        self.instructions: list[_Instruction] = []

    def scan(self) -> None:
        number = self._directives()
        while number < len(self.lines):
            written = self.lines[number]
            stripped = written.lstrip()
            if not stripped:
                number += 1
                continue
            if stripped.startswith("#"):
                self.comments.append(Comment(number + 1, len(written) - len(stripped) + 1, stripped))
                number += 1
                continue
            number = self._instruction(number)

    def _directives(self) -> int:
        """The parser directives at the file's start (`# escape=\\``): the line of the first statement."""
        number = 0
        while number < len(self.lines):
            written = self.lines[number].strip()
            key, _, value = written.lstrip("#").partition("=")
            if not written.startswith("#") or not value or " " in key.strip():
                return number
            if key.strip().lower() == "escape" and value.strip() in ("\\", "`"):
                self.escape = value.strip()
            number += 1
        return number

    def _instruction(self, number: int) -> int:
        """The instruction that starts on the line at `number` (from 0), and the number of the line after it."""
        first = number
        text, places = "", []
        while number < len(self.lines):
            written = self.lines[number]
            number += 1
            if first < number - 1 and written.lstrip().startswith("#"):  # Docker's comment within a line
                continue
            body = written.rstrip(" \t")
            continued = body.endswith(self.escape) and not body.endswith(self.escape * 2)
            body = body[:-1] if continued else written
            text += body
            places += places_of(body, 0, number, 1)
            if not continued:
                break
        start = len(text) - len(text.lstrip())
        keyword = text[start:].split(None, 1)[0] if text[start:].strip() else ""
        if keyword.upper() == "RUN":
            for _, _, delimiter, tabs in _heredocs(text):
                text, places, number = self._heredoc_body(text, places, number, delimiter, tabs)
        at = start + len(keyword)
        while at < len(text) and text[at] in " \t":
            at += 1
        for comment in reversed(self.comments):
            if comment.target is not None:
                break
            comment.target = (first + 1, number)
        instruction = _Instruction(keyword.upper(), text[at:], places[at:], first + 1, number)
        self.instructions.append(instruction)
        self._trailing_comment(instruction)
        return number

    def _heredoc_body(
        self, text: str, places: list[Place], number: int, delimiter: str, tabs: bool
    ) -> tuple[str, list[Place], int]:
        """A here-document's lines after its instruction's (BuildKit's `RUN <<EOF`), up to the line of its
        delimiter (past tabs, for `<<-`), joined to the instruction's text as the shell is given them: the
        text, the places and the number of the line after it."""
        while number < len(self.lines):
            written = self.lines[number]
            number += 1
            text += "\n" + written
            places += [(number - 1, len(self.lines[number - 2]) + 1), *places_of(written, 0, number, 1)]
            if (written.lstrip("\t") if tabs else written) == delimiter:
                break
        return text, places, number

    def _trailing_comment(self, instruction: _Instruction) -> None:
        """A `RUN` line's shell comment after its command: a suppression of that line."""
        if instruction.keyword != "RUN" or "migcheck" not in instruction.text.lower():
            return
        trailing = trailing_comment(instruction.text, instruction.places)
        if trailing is not None:
            self.comments.append(trailing)

    # --- the program ----------------------------------------------------------------------------------

    def program(self, lines: shell.CommandLines) -> None:
        """Each stage (a `FROM` and the instructions up to the next) in a process of its own: it starts with
        none of another's `ARG`s and `ENV`s, but those of the earlier stage it is built from (`FROM build AS
        test`); an `ARG` before the first `FROM` only gives its default to a stage that declares it again."""
        lines.runs_in("")  # the build's context: the Dockerfile's folder
        starts = [index for index, one in enumerate(self.instructions) if one.keyword == "FROM"]
        global_args = _assignments(self.instructions[: starts[0]]) if starts else {}
        stages: dict[str, _Stage] = {}
        for start, end in itertools.pairwise([*(starts or [0]), len(self.instructions)]):
            instructions = self.instructions[start:end]
            base, name = _stage_names(instructions[0]) if starts else ("", "")
            stage = _Stage.from_base(stages.get(base), instructions)
            lines.in_own_process(functools.partial(self._stage, lines, stage, global_args), stage.state)
            if name:
                stages[name] = stage

    def _stage(
        self, lines: shell.CommandLines, stage: _Stage, global_args: dict[str, tuple[str, list[Place]]]
    ) -> None:
        for instruction in stage.instructions:
            if instruction.keyword in ("ENV", "ARG"):
                self._variables(lines, instruction, global_args)
            elif instruction.keyword == "SHELL":
                words = _exec_words(instruction.text, instruction.places)
                if words:  # the shell the shell form's lines run in from here on
                    stage.powershell = _program(words[0][0]) in POWERSHELLS
            elif instruction.keyword == "WORKDIR":
                stage.workdir = _in_image(stage.workdir, instruction.text.strip())
            elif instruction.keyword in ("COPY", "ADD"):
                stage.copy(instruction.text)
            elif instruction.keyword == "RUN":
                run = functools.partial(self._run, lines, instruction, stage.powershell, stage.folder())
                lines.in_own_process(run)
        stage.state = lines.shell_state()  # what a stage built from this one starts with

    def _variables(
        self,
        lines: shell.CommandLines,
        instruction: _Instruction,
        global_args: dict[str, tuple[str, list[Place]]],
    ) -> None:
        """`ENV` and `ARG`: each `NAME=value` set as the shell sets it (Docker reads quotes and `$OTHER` in a
        value alike), and in the environment of the `RUN` lines after; `ENV NAME value` the rest of its line.
        An `ARG NAME` with no value takes the default an `ARG` before the first `FROM` gives it (`global_args`),
        else is one `--build-arg` gives: not stated, as a variable the file never sets."""
        text, places = instruction.text, instruction.places
        words = _assignment_words(text)
        if instruction.keyword == "ENV" and words and "=" not in text[words[0][0] : words[0][1]]:
            self._older_env(lines, text, places, words[0][1])
            return
        for start, end in words:
            written, at = text[start:end], places[start:end]
            name, equals, _ = written.partition("=")
            if not equals and instruction.keyword == "ARG" and name in global_args:
                written, at = global_args[name]
            if "=" in written and name.isidentifier():
                lines.run_line(written, HeldText.anchored(self.path, written, at), stating=True)
                lines.export(name)

    def _older_env(self, lines: shell.CommandLines, text: str, places: list[Place], name_end: int) -> None:
        """`ENV NAME value`: the value is the rest of the line, one word whose quotes and `$OTHER` Docker reads
        as the shell does: set as `NAME=value` with each blank outside quotes escaped."""
        name = text[:name_end]
        value_at = _blank_past(text, name_end)
        end = len(text.rstrip())
        if not name.isidentifier() or value_at >= end:
            return
        held = HeldText(self.path)
        held.add(f"{name}=", [*places[:name_end], places[value_at]])
        start = value_at
        for blank in (at for at in unquoted(text[:end]) if at >= value_at and text[at] in " \t"):
            held.add(text[start:blank] + "\\", [*places[start:blank], places[blank]])
            start = blank
        held.add(text[start:end], places[start:end])
        lines.run_line(held.text(), held.anchors, stating=True)
        lines.export(name)

    def _run(
        self, lines: shell.CommandLines, instruction: _Instruction, powershell: bool, folder: str | None
    ) -> None:
        with lines.in_folder(folder):
            self._run_in_folder(lines, instruction, powershell)

    def _run_in_folder(self, lines: shell.CommandLines, instruction: _Instruction, powershell: bool) -> None:
        text, places = _past_options(instruction.text, instruction.places)
        scripts = _heredoc_scripts(text, places)
        if scripts is not None:
            for program, body in scripts:
                held = HeldText(self.path)
                held.add(*body)
                shell_of = _program(program) in POWERSHELLS if program else powershell
                if shell_of:
                    held.run_powershell(lines)
                else:
                    held.run(lines)
            return
        words = _exec_words(text, places)
        if words is None:
            held = HeldText(self.path)
            held.add(text, places)
            if powershell:
                held.run_powershell(lines)
            else:
                held.run(lines)
            return
        if not words:
            return
        script = _script_of(words)
        if script is not None:
            held = HeldText(self.path)
            held.add(*script[1])
            if script[0]:
                held.run_powershell(lines)
            else:
                refused_if_classic(lines, lines.run_line(held.text(), held.anchors), held.text())
            return
        lines.run_words([_word(self.path, written, at) for written, at, _ in words])


@dataclass
class _Stage:
    """A stage of the build: its instructions, the shell its `RUN` lines run in, its working folder in the
    image (`WORKDIR`), the image's folders the build's context was copied to (`COPY . /app`: each folder
    of the image by the context's folder it holds; the image's root the context's by default), and the
    shell's state once it is built, which a stage built from it starts with."""

    instructions: list[_Instruction]
    powershell: bool = False
    workdir: str = "/"
    copies: dict[str, str] = field(default_factory=lambda: {"/": ""})
    state: shell._ShellState | None = None

    @classmethod
    def from_base(cls, base: _Stage | None, instructions: list[_Instruction]) -> _Stage:
        if base is None:
            return cls(instructions)
        return cls(instructions, base.powershell, base.workdir, dict(base.copies), base.state)

    def copy(self, text: str) -> None:
        """`COPY src dest` (`ADD`) of one path of the context: the folder of the image that receives it
        holds the context's folder it is in, or the folder itself (`.`, `scripts/`)."""
        words = [word for word in text.split() if not word.startswith("--")]
        if len(words) != 2 or text.lstrip().startswith("[") or "--from" in text:
            return
        source, target = words[0].removeprefix("./"), _in_image(self.workdir, words[1])
        if source in ("", ".") or source.endswith("/"):
            self.copies[target] = posixpath.normpath(source).removeprefix(".")
        elif words[1].endswith("/") or words[1] == ".":
            self.copies[target] = posixpath.dirname(source)
        else:
            self.copies[posixpath.dirname(target)] = posixpath.dirname(source)

    def folder(self) -> str | None:
        """The context's folder the working folder holds, where a `RUN` line's relative path is from: below
        the nearest folder of the image the context was copied to; None for a folder not stated."""
        if "$" in self.workdir:
            return None
        holder, below = self.workdir, ""
        while holder not in self.copies:  # up to the image's root at most, which is the context's
            parent, name = posixpath.split(holder)
            holder, below = (parent, posixpath.join(name, below)) if parent != holder else ("/", below)
        return posixpath.normpath(posixpath.join(self.copies[holder], below)).removeprefix(".")


def _in_image(workdir: str, path: str) -> str:
    """A path of the image, `path` from `workdir` (`WORKDIR scripts` after `WORKDIR /app`)."""
    return "/" + posixpath.normpath(posixpath.join(workdir, path)).lstrip("/")  # `//app` is `/app` too


def _stage_names(instruction: _Instruction) -> tuple[str, str]:
    """The image a `FROM` builds from and the stage's name (`FROM build AS test`), in lower case."""
    words = [word.lower() for word in instruction.text.split() if not word.startswith("--")]
    base = words[0] if words else ""
    name = words[2] if len(words) > 2 and words[1] == "as" else ""
    return base, name


def _assignments(instructions: list[_Instruction]) -> dict[str, tuple[str, list[Place]]]:
    """The `NAME=value` of each name `ARG`s give a value (the last), with each character's place."""
    found: dict[str, tuple[str, list[Place]]] = {}
    for instruction in instructions:
        if instruction.keyword == "ARG":
            for start, end in _assignment_words(instruction.text):
                name, equals, _ = instruction.text[start:end].partition("=")
                if equals:
                    found[name] = (instruction.text[start:end], instruction.places[start:end])
    return found


def _heredocs(text: str) -> list[tuple[int, int, str, bool]]:
    """The here-documents the first line of a `RUN` opens (`<<EOF`, `<<-EOF`, `<<'EOF'`, several), in order:
    where each operator starts and its word ends, its delimiter, and whether tabs before the lines are
    dropped (`<<-`); not a here-string (`<<<`)."""
    line = text.split("\n", 1)[0]
    found: list[tuple[int, int, str, bool]] = []
    after = 0  # past the last here-document's word
    for at in unquoted(line):
        if (
            at < after
            or not line.startswith("<<", at)
            or line.startswith("<<<", at)
            or line[at - 1 : at] == "<"
        ):
            continue
        start = at + 2
        tabs = line.startswith("-", start)
        start = _blank_past(line, start + tabs)
        end = start
        while end < len(line) and line[end] not in " \t;&|<>()":
            end += 1
        delimiter = line[start:end].replace('"', "").replace("'", "")
        if delimiter:
            found.append((at, end, delimiter, tabs))
        after = end
    return found


def _heredoc_scripts(text: str, places: list[Place]) -> list[tuple[str, tuple[str, list[Place]]]] | None:
    """The scripts of a `RUN` whose here-documents are scripts: one that is its command alone (`RUN <<EOF`,
    run by the image's shell), and each given to a shell (`RUN <<EOF bash`, `RUN <<A bash && <<B sh`): the
    program that runs each ("" for the image's shell) and its lines, each character with its place. None
    for one here-document given to any other program (`RUN python3 <<EOF`): the shell is given the line
    whole, its here-document with it."""
    first = text.split("\n", 1)[0]
    heredocs = _heredocs(first)
    if not heredocs or "\n" not in text:
        return None
    scripts: list[tuple[str, tuple[str, list[Place]]]] = []
    separators = [at for at in unquoted(first) if first[at] in ";&|"]
    at = len(first) + 1
    for start, end, delimiter, tabs in heredocs:
        body_at, body_end = at, len(text)
        while at < len(text):
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            line, line_at, at = text[at:line_end], at, line_end + 1
            if (line.lstrip("\t") if tabs else line) == delimiter:
                body_end = max(line_at - 1, body_at)  # the line break before the delimiter's is the shell's
                break
        words = _command_around(first, separators, start, end)
        program = words[0] if len(words) == 1 else None
        if (not words and len(heredocs) == 1) or (program and _program(program) in SHELLS | POWERSHELLS):
            scripts.append((program or "", (text[body_at:body_end], places[body_at:body_end])))
    return scripts if scripts or len(heredocs) > 1 else None


def _command_around(line: str, separators: list[int], start: int, end: int) -> list[str]:
    """The words of the command a here-document's operator (`line[start:end]`) is written in, less it and
    redirections: the command between the `&&`, `||`, `;` or `|` around it (`separators`, in order)."""
    after = bisect.bisect_left(separators, start)  # the first past the operator's word, which holds none
    begin = separators[after - 1] + 1 if after else 0
    finish = separators[after] if after < len(separators) else len(line)
    words = (line[begin:start] + " " + line[end:finish]).split()
    kept: list[str] = []
    target = False  # the word after a redirection's operator is its file
    for word in words:
        if not target and not word.startswith((">", "<")):
            kept.append(word)
        target = word in (">", ">>", "<")
    return kept


def _program(word: str) -> str:
    """A program's name as a list of words names it: without its folder and `.exe`, in lower case."""
    return posixpath.basename(word.replace("\\", "/")).lower().removesuffix(".exe")


def _script_of(words: list[tuple[str, list[Place], bool]]) -> tuple[bool, tuple[str, list[Place]]] | None:
    """The script an exec form's shell runs (`["bash", "-c", "..."]`, `["pwsh", "-Command", "..."]`), whether
    PowerShell runs it, with each character's place; None for any other program."""
    program = _program(words[0][0])
    if len(words) < 3:
        return None
    option = words[1][0]
    if program in SHELLS and option.startswith("-") and not option.startswith("--") and option.endswith("c"):
        return False, (words[2][0], words[2][1])
    if program in POWERSHELLS and option.lower() in _POWERSHELL_COMMAND:
        rest = words[2:]
        text, places = "", list[Place]()
        for index, (written, at, _) in enumerate(rest):  # PowerShell joins its words after -Command
            if index:
                text, places = text + " ", [*places, at[0] if at else places[-1]]
            text, places = text + written, places + at
        return True, (text, places)
    return None


def _word(path: str, written: str, places: list[Place]) -> Word:
    at = places[0] if places else (1, 1)
    exact = len(places) == len(written) and all(
        later == (earlier[0], earlier[1] + 1) for earlier, later in itertools.pairwise(places)
    )
    return Word(written, Mark(path, at[0], column=at[1]), exact)


def _past_options(text: str, places: list[Place]) -> tuple[str, list[Place]]:
    """A `RUN` line's command, past the options that are Docker's (`--mount=type=cache,target=/x`)."""
    at = 0
    while text.startswith("--", at):
        end = at
        while end < len(text) and text[end] not in " \t":
            end += 1
        while end < len(text) and text[end] in " \t":
            end += 1
        at = end
    return text[at:], places[at:]


def _exec_words(text: str, places: list[Place]) -> list[tuple[str, list[Place], bool]] | None:
    """The words of an exec form (`["bash", "-c", "..."]`), a JSON list of strings, each with the place of
    each of its characters and whether it is written with no escape; None where the text is no such list
    (Docker then runs it in the shell)."""
    at = _blank_past(text, 0)
    if not text.startswith("[", at):
        return None
    words: list[tuple[str, list[Place], bool]] = []
    at = _blank_past(text, at + 1)
    if text.startswith("]", at):
        return words if not text[at + 1 :].strip() else None
    while at < len(text) and text[at] == '"':
        found = _json_string(text, places, at)
        if found is None:
            return None
        written, at_places, plain, at = found
        words.append((written, at_places, plain))
        at = _blank_past(text, at)
        if text.startswith(",", at):
            at = _blank_past(text, at + 1)
            continue
        if text.startswith("]", at) and not text[at + 1 :].strip():
            return words
        return None
    return None


def _blank_past(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _json_string(text: str, places: list[Place], opened: int) -> tuple[str, list[Place], bool, int] | None:
    """The JSON string whose `"` is at `opened`: its text, the place of each character (an escape's at its
    `\\`), whether it holds no escape, and where it ends (past its closing quote); None where it is no JSON
    string."""
    characters: list[str] = []
    at_places: list[Place] = []
    plain = True
    at = opened + 1
    while at < len(text):
        character = text[at]
        if character == '"':
            return "".join(characters), at_places, plain, at + 1
        if character == "\\":
            plain = False
            escaped = text[at + 1 : at + 2]
            if escaped == "u" and len(text[at + 2 : at + 6]) == 4:
                try:
                    characters.append(chr(int(text[at + 2 : at + 6], 16)))
                except ValueError:
                    return None
                at_places.append(places[at])
                at += 6
                continue
            if escaped not in _JSON_ESCAPES:
                return None
            characters.append(_JSON_ESCAPES[escaped])
            at_places.append(places[at])
            at += 2
            continue
        characters.append(character)
        at_places.append(places[at])
        at += 1
    return None


def _assignment_words(text: str) -> list[tuple[int, int]]:
    """Where each word of an `ENV` or `ARG` line (`NAME=value`, `NAME="a b"`) starts and ends: split at blanks
    outside quotes."""
    words: list[tuple[int, int]] = []
    start = 0
    blanks = (at for at in unquoted(text) if text[at] in " \t")
    for at in itertools.chain(blanks, [len(text)]):
        if at > start:
            words.append((start, at))
        start = at + 1
    return words
