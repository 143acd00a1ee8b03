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
  to any other program is given to the shell with its line. `COPY <<EOF /x.sh` (`ADD`) writes the
  here-document's lines to that file of the image, and a `RUN` line of simple commands that runs it (`bash
  /x.sh`, `./x.sh` from the `WORKDIR`, the exec form's `["sh", "/x.sh"]`) runs them as its script
  (`_Scanner._runs_written`).
- `SHELL ["pwsh", "-Command"]` (`powershell`) makes the shell-form `RUN` lines after it PowerShell's, until
  a `SHELL` names another.
- `ARG NAME=value` and `ENV NAME=value` (`ENV NAME value`, the rest of the line one value) are variables in
  the environment of the `RUN` lines after them, their values as Docker reads them (quotes, `$OTHER`); an
  `ARG` with no value takes the default of an `ARG` before the first `FROM`, else is one `--build-arg`
  gives: a value not stated. Each `FROM` starts a stage with none of another's, but those of an earlier
  stage it is built from (`FROM build AS test`).
- A `RUN` line runs from its `WORKDIR`, in the build's context (the Dockerfile's folder) where a `COPY`
  (`ADD`, the JSON form `COPY ["deploy/", "/app/"]`) put that folder of the image (`COPY . /app`), else the
  image's root the context's (`COPY --parents`: the destination holds the context's root, each source
  below it by its path): a script it runs by a path (`./deploy.sh`) is read as the repository's. A
  `COPY --from=build` copies what that stage of the Dockerfile copied from the context; one from an image, a
  URL or an archive `ADD` unpacks fills a folder not stated. A `WORKDIR` or `COPY` path's `$VAR`, `${VAR}`,
  `${VAR:-default}` and `${VAR:+other}` are the values the stage's `ARG`s and `ENV`s state; any other (a
  `--build-arg`'s, the base image's environment's) leaves the folder not stated.

`# migcheck: ignore[MIG201] reason` comments suppress findings: on a line of their own, those of the
instruction after them; at the end of a `RUN` line (a comment of its shell), that line's."""

from __future__ import annotations

import bisect
import functools
import itertools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from migcheck.model import Document, Mark
from migcheck.readers import beside, shell
from migcheck.readers.makefile import (
    Comment,
    HeldText,
    Place,
    document_of,
    may_run_a_named_file,
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
    (`shell.sniff`), a script file of the build's context it may run by its name alone
    (`may_run_a_named_file`), or the CLI as an exec form's first word (`RUN ["azure", "vm", ...]`)."""
    return shell.sniff(data) or may_run_a_named_file(data) or (b'"azure"' in data and b"\x00" not in data)


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
        self.folders: dict[str, bool] = {}  # `_is_folder`'s answers

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
        if keyword.upper() in ("RUN", "COPY", "ADD"):  # `COPY <<EOF /x.sh` writes its lines to a file
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

    def _is_folder(self, path: str) -> bool:
        """Whether the build's context has a folder at `path` (of files the run checks), asked once per
        path however many `COPY` lines copy it."""
        found = self.folders.get(path)
        if found is None:
            found = self.folders[path] = bool(beside.files_under(path))
        return found

    def program(self, lines: shell.CommandLines) -> None:
        """Each stage (a `FROM` and the instructions up to the next) in a process of its own: it starts with
        none of another's `ARG`s and `ENV`s, but those of the earlier stage it is built from (`FROM build AS
        test`); an `ARG` before the first `FROM` only gives its default to a stage that declares it again."""
        lines.runs_in("")  # the build's context: the Dockerfile's folder
        starts = [index for index, one in enumerate(self.instructions) if one.keyword == "FROM"]
        global_args = _assignments(self.instructions[: starts[0]]) if starts else {}
        stages: dict[str, _Stage] = {}  # by name, and by number (`COPY --from=0`)
        for number, (start, end) in enumerate(itertools.pairwise([*(starts or [0]), len(self.instructions)])):
            instructions = self.instructions[start:end]
            base, name = _stage_names(instructions[0]) if starts else ("", "")
            stage = _Stage.from_base(stages.get(base), instructions)
            run = functools.partial(self._stage, lines, stage, global_args, stages)
            lines.in_own_process(run, stage.state)
            stages[str(number)] = stage  # a stage's name starts with a letter
            if name:
                stages[name] = stage

    def _stage(
        self,
        lines: shell.CommandLines,
        stage: _Stage,
        global_args: dict[str, tuple[str, list[Place]]],
        stages: dict[str, _Stage],
    ) -> None:
        for instruction in stage.instructions:
            if instruction.keyword in ("ENV", "ARG"):
                self._variables(lines, instruction, global_args)
                stage.declared.update(_declared(instruction.keyword, instruction.text))
            elif instruction.keyword == "SHELL":
                words = _exec_words(instruction.text, instruction.places)
                if words:  # the shell the shell form's lines run in from here on
                    stage.powershell = _program(words[0][0]) in POWERSHELLS
            elif instruction.keyword == "WORKDIR":
                folder = _substituted(instruction.text.strip(), functools.partial(_value, lines, stage))
                stage.workdir = _in_image(stage.workdir, folder) if folder is not None else "$"
            elif instruction.keyword in ("COPY", "ADD") and _heredocs(instruction.text):
                stage.copy_heredocs(instruction, functools.partial(_value, lines, stage))
            elif instruction.keyword in ("COPY", "ADD"):
                stage.copy(instruction, functools.partial(_value, lines, stage), stages, self._is_folder)
            elif instruction.keyword == "RUN":
                run = functools.partial(self._run, lines, instruction, stage)
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

    def _run(self, lines: shell.CommandLines, instruction: _Instruction, stage: _Stage) -> None:
        with lines.in_folder(stage.folder()):
            if not self._runs_written(lines, instruction, stage):
                self._run_in_folder(lines, instruction, stage.powershell)

    def _runs_written(self, lines: shell.CommandLines, instruction: _Instruction, stage: _Stage) -> bool:
        """A `RUN` line that runs a script a `COPY <<EOF` wrote to the image (`RUN bash /x.sh a`, `RUN
        /x.sh`, `RUN ["sh", "/x.sh"]`, among other commands: `RUN chmod +x x.sh && ./x.sh`): what it runs
        before that command, then the here-document's lines as that script in a shell of its own (the words
        after its path, its `$1`..., values not stated), then what it runs after. False for a line that runs
        none, or one whose commands are more than a list of simple ones (`if`, a loop, a subshell), read as
        it is."""
        if not stage.written or stage.powershell:
            return False
        text, places = _past_options(instruction.text, instruction.places)
        exec_words = _exec_words(text, places)
        found = (
            _written_run_of_words(exec_words, stage) if exec_words is not None else _written_run(text, stage)
        )
        if found is None:
            return False
        begin, end, script = found
        if exec_words is None:
            self._run_part(lines, text[:begin].rstrip(_SEPARATORS), places[:begin])
        held = HeldText(self.path)
        held.add(*script)
        lines.in_own_process(functools.partial(held.run, lines))
        if exec_words is None:
            rest = len(text[end:]) - len(text[end:].lstrip(_SEPARATORS))
            self._run_part(lines, text[end + rest :], places[end + rest :])
        return True

    def _run_part(self, lines: shell.CommandLines, text: str, places: list[Place]) -> None:
        """Commands of a `RUN` line around the one that runs a written script, as the shell runs them."""
        if text.strip():
            held = HeldText(self.path)
            held.add(text, places[: len(text)])
            held.run(lines)

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
    image (`WORKDIR`; `$` for one not stated), the image's folders a `COPY` (`ADD`) filled, each by the
    context's folder it holds (None: one not stated, as an image's or a URL's), the names its `ARG`s and
    `ENV`s declare, and the shell's state once it is built, which a stage built from it starts with."""

    instructions: list[_Instruction]
    powershell: bool = False
    workdir: str = "/"
    copies: dict[str, str | None] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)
    state: shell._ShellState | None = None
    # The files of the image a `COPY <<EOF /x.sh` wrote, by their path: the here-document's lines, each
    # character with its place.
    written: dict[str, tuple[str, list[Place]]] = field(default_factory=dict)

    @classmethod
    def from_base(cls, base: _Stage | None, instructions: list[_Instruction]) -> _Stage:
        if base is None:
            return cls(instructions)
        return cls(
            instructions,
            base.powershell,
            base.workdir,
            dict(base.copies),
            set(base.declared),
            base.state,
            dict(base.written),
        )

    def copy_heredocs(self, instruction: _Instruction, value: Callable[[str], str | None]) -> None:
        """`COPY <<EOF /x.sh` (BuildKit; `ADD` alike): the here-document's lines are the file at the
        destination; into a folder (`COPY <<x.sh /opt/`, several here-documents) each is the file its
        delimiter names there. A destination not stated writes no file known."""
        first = instruction.text.split("\n", 1)[0]
        heredocs = _heredocs(first)
        kept, at = [], 0
        for start, end, _, _ in heredocs:
            kept.append(first[at:start])
            at = end
        kept.append(first[at:])
        words = [word for word in " ".join(kept).split() if not word.startswith("--")]
        target = _substituted(words[-1], value) if words else None
        if target is None:
            return
        destination = _in_image(self.workdir, target)
        if destination == "$":
            return
        into_folder = len(heredocs) > 1 or target.endswith("/")
        for delimiter, body in _heredoc_bodies(instruction.text, instruction.places, heredocs):
            self.written[posixpath.join(destination, delimiter) if into_folder else destination] = body

    def copy(
        self,
        instruction: _Instruction,
        value: Callable[[str], str | None],
        stages: dict[str, _Stage],
        is_folder: Callable[[str], bool],
    ) -> None:
        """`COPY src... dest` (`ADD`, the JSON form `COPY ["src", "dest"]`), each path's `$VAR` Docker's: the
        folder of the image that receives a path holds the context's folder it is in, or, for a folder
        (`.`, `scripts/`, one of the repository's), that folder. From a stage of the Dockerfile
        (`--from=build`), the context's folder the stage copied there, if it did; from an image, a URL or an
        archive `ADD` unpacks, a folder not stated."""
        origin, written, parents = _copied(instruction.text, instruction.places)
        paths = [_substituted(path, value) for path in written]
        target, sources = paths[-1], paths[:-1]
        if not sources or target is None:
            return
        target_folder = _in_image(self.workdir, target)
        if target_folder == "$":  # a folder not stated: what it fills is not known
            return
        into_folder = len(sources) > 1 or target.endswith("/") or target in (".", "./")
        if parents:  # each source below the destination by its path from the context's root
            self.copies[target_folder] = "" if origin is None and None not in sources else None
            return
        for source in sources:
            filled = self._filled(source, origin, instruction.keyword, stages, is_folder)
            if filled is not None and filled[1]:  # a folder: its files, in the folder it names
                self.copies[target_folder] = filled[0]
            elif into_folder:
                self.copies[target_folder] = posixpath.dirname(filled[0]) if filled is not None else None
            else:
                parent = posixpath.dirname(filled[0]) if filled is not None else None
                self.copies[posixpath.dirname(target_folder)] = parent

    @staticmethod
    def _filled(
        source: str | None,
        origin: str | None,
        keyword: str,
        stages: dict[str, _Stage],
        is_folder: Callable[[str], bool],
    ) -> tuple[str, bool] | None:
        """The context's path a `COPY` source is, and whether it is a folder; None where it is not stated:
        a path of the context, or of a stage of the Dockerfile that copied it from there (`--from=build`)."""
        if source is None:
            return None
        if origin is None:
            archive = keyword == "ADD" and source.endswith((".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst"))
            if archive or "://" in source or source.startswith("git@"):
                return None
            path = _in_context(source)
            folder = source.rstrip("/") in ("", ".") or source.endswith("/")
        else:
            stage = stages.get(origin.lower())
            in_image = _in_image("/", source)
            held = stage.context_of(in_image, None) if stage is not None else None
            if stage is None or held is None:
                return None
            path, folder = held, source.endswith("/") or in_image in stage.copies
        return path, folder or is_folder(path)

    def context_of(self, path: str, root: str | None) -> str | None:
        """The context's path the image's `path` holds: below the nearest folder of the image a `COPY` filled,
        else below the image's root, `root` (None: not stated)."""
        holder, below = path, ""
        filled: str | None
        while holder not in self.copies:
            parent, name = posixpath.split(holder)
            if parent == holder:  # the image's root, which no COPY filled
                filled = root
                break
            holder, below = parent, posixpath.join(name, below)
        else:
            filled = self.copies[holder]
        return None if filled is None else _in_context(posixpath.join(filled, below))

    def folder(self) -> str | None:
        """The context's folder the working folder holds, where a `RUN` line's relative path is from: below
        the nearest folder of the image the context was copied to, the image's root the context's; None for
        a folder not stated."""
        return None if "$" in self.workdir else self.context_of(self.workdir, "")


def _in_context(path: str) -> str:
    """A path of the build's context, from its root ("" the root)."""
    return posixpath.normpath(path.removeprefix("./")).removeprefix(".").strip("/")


def _copied(text: str, places: list[Place]) -> tuple[str | None, list[str], bool]:
    """The stage or image a `COPY` copies from (`--from=build`; None: the build's context), the paths it
    names, the last its destination (the JSON form's strings, else its words), and whether it keeps each
    source's folders (`--parents`)."""
    rest, _ = _past_options(text, places)
    options = text[: len(text) - len(rest)].split()
    origin = next((option.partition("=")[2] for option in options if option.startswith("--from=")), None)
    parents = any(option in ("--parents", "--parents=true") for option in options)
    words = _exec_words(rest, places[len(text) - len(rest) :])
    return origin, [word for word, _, _ in words] if words is not None else rest.split(), parents


def _declared(keyword: str, text: str) -> list[str]:
    """The names an `ARG` or `ENV` line declares (`NAME=value`, `ARG NAME`, `ENV NAME value`)."""
    names = [text[start:end].partition("=")[0] for start, end in _assignment_words(text)]
    return names[:1] if keyword == "ENV" and names and "=" not in text.split()[0] else names


def _value(lines: shell.CommandLines, stage: _Stage, name: str) -> str | None:
    """The value Docker gives `$name` in an instruction of `stage`: one its `ARG`s and `ENV`s state; None for
    any other (a `--build-arg`'s, or the base image's environment's)."""
    return lines.stated(name) if name in stage.declared else None


def _substituted(text: str, value: Callable[[str], str | None]) -> str | None:
    """`text` with its `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+other}` replaced as Docker
    replaces them in a `WORKDIR` or `COPY` (`value` says a name's, None for one not stated); None where
    the text is not stated."""
    parts: list[str] = []
    at = 0
    while (dollar := text.find("$", at)) >= 0:
        parts.append(text[at:dollar])
        if text.startswith("{", dollar + 1):
            end = text.find("}", dollar)
            if end < 0:
                return None
            name, operator, word = _braced(text[dollar + 2 : end])
            at = end + 1
        else:
            end = dollar + 1
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            name, operator, word, at = text[dollar + 1 : end], "", "", end
        if not name.isidentifier():
            return None
        found = value(name)
        if found is None:
            return None
        if operator == ":-":
            found = found or word
        elif operator == ":+":
            found = word if found else ""
        parts.append(found)
    return "".join([*parts, text[at:]])


def _braced(inside: str) -> tuple[str, str, str]:
    """The name in `${...}`, its operator (`:-`, `:+`, "" for none) and its word."""
    for operator in (":-", ":+"):
        name, found, word = inside.partition(operator)
        if found:
            return name, operator, word
    return inside, "", ""


def _in_image(workdir: str, path: str) -> str:
    """A path of the image, `path` from `workdir` (`WORKDIR scripts` after `WORKDIR /app`); `$` for one
    from a working folder not stated."""
    if workdir == "$" and not path.startswith("/"):
        return "$"
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
    bodies = _heredoc_bodies(text, places, heredocs)
    for (start, end, _, _), (_, body) in zip(heredocs, bodies, strict=True):
        words = _command_around(first, separators, start, end)
        program = words[0] if len(words) == 1 else None
        if (not words and len(heredocs) == 1) or (program and _program(program) in SHELLS | POWERSHELLS):
            scripts.append((program or "", body))
    return scripts if scripts or len(heredocs) > 1 else None


def _heredoc_bodies(
    text: str, places: list[Place], heredocs: list[tuple[int, int, str, bool]]
) -> list[tuple[str, tuple[str, list[Place]]]]:
    """Each here-document's delimiter and lines (each character with its place), of an instruction whose
    first line opens them (`_heredocs`) and whose text holds their lines after it."""
    bodies: list[tuple[str, tuple[str, list[Place]]]] = []
    at = text.find("\n") + 1 if "\n" in text else len(text)
    for _, _, delimiter, tabs in heredocs:
        body_at, body_end = at, len(text)
        while at < len(text):
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            line, line_at, at = text[at:line_end], at, line_end + 1
            if (line.lstrip("\t") if tabs else line) == delimiter:
                body_end = max(line_at - 1, body_at)  # the line break before the delimiter's is the shell's
                break
        bodies.append((delimiter, (text[body_at:body_end], places[body_at:body_end])))
    return bodies


# What separates a shell's commands on a line (`;`, `&&`, `||`, `|`, a line break), and the blanks around it.
_SEPARATORS = " \t\n;&|"
# A command that makes a `RUN` line more than a list of simple commands: one the line is read whole for.
_COMPOUND = frozenset(
    {"if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac"}
)

# A script a `RUN` line runs (`_written_run`): where its command starts and ends in the line, and the
# script's lines with their places.
_WrittenRun = tuple[int, int, tuple[str, list[Place]]]


def _written_run(text: str, stage: _Stage) -> _WrittenRun | None:
    """The first command of a shell-form `RUN` line (a list of simple commands) that runs a script a
    `COPY <<EOF` wrote (`_script_run`); None where none does, or the line is more than such a list (quotes,
    `(`, `{`, `$`, a redirection, an `if` or a loop: read whole, as it is)."""
    if any(text[at] in "\"'(){}`$<>\\" for at in range(len(text))):
        return None
    separators = [at for at in range(len(text)) if text[at] in ";&|\n"]
    commands = [
        _simple_words(text, start + 1, end) for start, end in itertools.pairwise([-1, *separators, len(text)])
    ]
    if any(words and text[words[0][0] : words[0][1]] in _COMPOUND for words in commands):
        return None
    for words, end in zip(commands, [*separators, len(text)], strict=True):
        script = _script_run([text[a:b] for a, b in words], stage)
        if script is not None:
            return words[0][0], end, stage.written[script]
    return None


def _written_run_of_words(words: list[tuple[str, list[Place], bool]], stage: _Stage) -> _WrittenRun | None:
    """An exec form that runs a script a `COPY <<EOF` wrote (`RUN ["bash", "/x.sh", "a"]`, `RUN ["/x.sh"]`)."""
    script = _script_run([word for word, _, _ in words], stage)
    return (0, 0, stage.written[script]) if script is not None else None


def _simple_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where each blank-separated word of `text[start:end]` starts and ends."""
    words: list[tuple[int, int]] = []
    at = start
    while at < end:
        at = _blank_past(text, at)
        finish = at
        while finish < end and text[finish] not in " \t":
            finish += 1
        if finish > at:
            words.append((at, finish))
        at = finish
    return words


def _script_run(words: list[str], stage: _Stage) -> str | None:
    """The image's path of the script a command runs that a `COPY <<EOF` wrote (`bash -e /x.sh`, `sh x.sh`
    from the `WORKDIR`, `./x.sh`); None for any other (a bare name, which the shell looks for on the PATH;
    a shell's `-c` script)."""
    at = 0
    if words and _program(words[0]) in SHELLS:
        at = 1
        while at < len(words) and words[at].startswith("-"):
            if "c" in words[at]:
                return None
            at += 1
    if at >= len(words) or (at == 0 and "/" not in words[0]):
        return None
    path = _in_image(stage.workdir, words[at])
    return path if path in stage.written else None


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
