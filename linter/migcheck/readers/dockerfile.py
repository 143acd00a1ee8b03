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
- `SHELL ["pwsh", "-Command"]` (`powershell`) makes the shell-form `RUN` lines after it PowerShell's, until
  a `SHELL` names another.
- `ARG NAME=value` and `ENV NAME=value` (`ENV NAME value`) are variables in the environment of the `RUN`
  lines after them, their values as Docker reads them (quotes, `$OTHER`); an `ARG` with no value (one given
  by `--build-arg`) is a value not stated. A `RUN` line runs from the Dockerfile's folder, the build's
  context, where the files `COPY` puts in the image come from: a script it runs by a path (`./deploy.sh`)
  is read as the repository's.

`# migcheck: ignore[MIG201] reason` comments suppress findings: on a line of their own, those of the
instruction after them; at the end of a `RUN` line (a comment of its shell), that line's."""

from __future__ import annotations

import functools
import itertools
import posixpath

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

    def _trailing_comment(self, instruction: _Instruction) -> None:
        """A `RUN` line's shell comment after its command: a suppression of that line."""
        if instruction.keyword != "RUN" or "migcheck" not in instruction.text.lower():
            return
        trailing = trailing_comment(instruction.text, instruction.places)
        if trailing is not None:
            self.comments.append(trailing)

    # --- the program ----------------------------------------------------------------------------------

    def program(self, lines: shell.CommandLines) -> None:
        lines.runs_in("")  # the build's context: the Dockerfile's folder
        powershell = False
        for instruction in self.instructions:
            if instruction.keyword in ("ENV", "ARG"):
                self._variables(lines, instruction)
            elif instruction.keyword == "SHELL":
                words = _exec_words(instruction.text, instruction.places)
                if words:  # the shell the shell form's lines run in from here on
                    powershell = _program(words[0][0]) in POWERSHELLS
            elif instruction.keyword == "RUN":
                lines.in_own_process(functools.partial(self._run, lines, instruction, powershell))

    def _variables(self, lines: shell.CommandLines, instruction: _Instruction) -> None:
        """`ENV` and `ARG`: each `NAME=value` set as the shell sets it (Docker reads quotes and `$OTHER` in a
        value alike), and in the environment of the `RUN` lines after; `ENV NAME value` the rest of its line.
        An `ARG NAME` with no value is one `--build-arg` gives: not stated, as a variable the file never sets."""
        text, places = instruction.text, instruction.places
        words = _assignment_words(text)
        if instruction.keyword == "ENV" and words and "=" not in text[words[0][0] : words[0][1]]:
            self._older_env(lines, text, places, words[0][1])
            return
        for start, end in words:
            name, equals, _ = text[start:end].partition("=")
            if equals and name.isidentifier():
                written = text[start:end]
                lines.run_line(
                    written, HeldText.anchored(self.path, written, places[start:end]), stating=True
                )
                lines.export(name)

    def _older_env(self, lines: shell.CommandLines, text: str, places: list[Place], name_end: int) -> None:
        """`ENV NAME value`: the value is the rest of the line, set as one word (in double quotes, as Docker
        reads its `$OTHER`)."""
        name = text[:name_end]
        value_at = _blank_past(text, name_end)
        end = len(text.rstrip())
        if not name.isidentifier() or value_at >= end:
            return
        held = HeldText(self.path)
        held.add(f'{name}="', [*places[:name_end], places[value_at], places[value_at]])
        held.add(text[value_at:end], places[value_at:end])
        held.add('"', [places[end - 1]])
        lines.run_line(held.text(), held.anchors, stating=True)
        lines.export(name)

    def _run(self, lines: shell.CommandLines, instruction: _Instruction, powershell: bool) -> None:
        text, places = _past_options(instruction.text, instruction.places)
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
