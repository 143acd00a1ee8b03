"""The programs a script of one language runs that run other commands or another language's code (a
shell, PowerShell, Python, a prefix such as `sudo`), by name: what each language's reader asks before it
reads such a command, kept apart from the readers themselves so that reading a script of one language
imports no other language's reader until the script runs a command of it; the words of such a command as
one reader hands them to another (`Word`: the classic CLI's reader, `xplat`, reads them too, and is
imported only where a script runs that program); and the call a script's finding is shown at, which they
choose alike."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field, replace

from migcheck.model import ClassicCall, Mark, record


@record
class Prefix:
    """A command that runs the command its arguments name (`sudo azure ...`, `timeout 30 azure ...`)."""

    takes_value: frozenset[str] = frozenset()  # its options that take the next word as their value
    operands: int = 0  # the words it takes after its options, before the command (`timeout`'s duration)
    # It runs the command with more words it reads (`xargs`), as many times as it reads lines: it may not
    # run, and what it adds is not stated.
    feeds: bool = False


PREFIXES: dict[str, Prefix] = {
    "sudo": Prefix(frozenset({"-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T"})),
    "time": Prefix(frozenset({"-f", "-o"})),
    "command": Prefix(),
    "exec": Prefix(frozenset({"-a"})),
    "nohup": Prefix(),
    "env": Prefix(),  # its options and operands: see `_env_operands`
    "timeout": Prefix(frozenset({"-s", "--signal", "-k", "--kill-after"}), operands=1),
    "nice": Prefix(frozenset({"-n", "--adjustment"})),
    "ionice": Prefix(frozenset({"-c", "-n", "--class", "--classdata"})),
    "stdbuf": Prefix(frozenset({"-i", "-o", "-e", "--input", "--output", "--error"})),
    "setsid": Prefix(),
    # cmd's `call`: a cmd script (a CI step's `cmd`, the AzureCLI task's `batch`) runs the classic CLI,
    # `azure.cmd` on Windows, with `call`, as cmd returns from another batch file only when it calls it.
    "call": Prefix(),  # in any case, after an `@` too (see `_prefix_named`)
    "xargs": Prefix(
        frozenset(
            {"-n", "-L", "-P", "-I", "-d", "-E", "-s", "-a", "--max-args", "--max-lines", "--max-procs"}
        )
        | frozenset({"--delimiter", "--eof", "--max-chars", "--arg-file"}),
        feeds=True,
    ),
}

# Shells, which run the command line `-c` gives them, or the script a here-document feeds them.
# (as another language's script names them too: `bash ./migrate.sh` in PowerShell)
SHELLS = frozenset({"sh", "bash", "dash", "ksh", "zsh"})
# The programs that run Python code they are given inline (`-c`, their standard input), and their options that
# take the next word as their value.
PYTHONS = frozenset({"python", "python2", "python3", "py"})
# PowerShell's command-line programs, which run a script file given `-File` (`pwsh` a first operand too).
POWERSHELLS = frozenset({"pwsh", "powershell", "pwsh.exe", "powershell.exe"})
# Their options that take the next word as their value (lower case, as PowerShell matches them).
POWERSHELL_VALUES = frozenset(
    {
        "-executionpolicy",
        "-ep",
        "-ex",
        "-workingdirectory",
        "-wd",
        "-configurationname",
        "-config",
        "-outputformat",
        "-of",
        "-o",
        "-inputformat",
        "-if",
        "-inp",
        "-windowstyle",
        "-w",
        "-version",
        "-v",
        "-settingsfile",
        "-psconsolefile",
        "-custompipename",
    }
)

# The commands that run a command line as another user, in that user's shell (`su -c`, `runuser -c`).
SWITCH_USER = frozenset({"su", "runuser"})
# The container engines whose `run` and `exec` start a command in a container.
CONTAINERS = frozenset({"docker", "podman"})

# The programs whose words name another command they run, which the walk follows into it (`_run_command`):
# a shell or ssh given a command line, a prefix (`sudo`, `env`), `su`/`runuser`, a container engine, an
# interpreter given code inline; as another language's script names them when it runs one
# (`subprocess.run(["bash", "-c", "azure vm shutdown web1"])`).
# `command_line_run` reads the command of those that run no other language's code.
RUNS_SHELL_COMMANDS = frozenset(
    {*SHELLS, *SWITCH_USER, *CONTAINERS, "ssh", "parallel"} | (PREFIXES.keys() - {"call"})
)
RUNS_COMMANDS = RUNS_SHELL_COMMANDS | PYTHONS | POWERSHELLS

# The line that starts each of the PowerShell processes a script runs (`pwsh -Command`) where their commands
# are joined into one script (`_joined_powershell`): a comment, from which the PowerShell reader starts with
# no variable set, as a new process does (see `powershell.Interpreter._sequence`).
PROCESS_START = "<# a new PowerShell process #>"


def first_classic_call(calls: Sequence[ClassicCall], own: int | None, path: str = "") -> ClassicCall:
    """The call a script's MIG601 is shown at, of `calls` in the order the reader met them: the first that
    runs, in the script's own file `path` where it makes one there (a script that runs another file,
    `bash create.sh web1`, before its own `azure vm shutdown`, is told so at its own line, not in the file it
    runs). Where the script's own code makes none (`own` 0: a library or module of functions, read each
    where no call runs it), any function may be the one called first: the first call written in the file,
    as for a Python module of functions, not the first its reader happened to read."""
    if own != 0:
        return next((call for call in calls if call.mark.path == path), calls[0])
    written = [call for call in calls if call.mark.path == calls[0].mark.path]
    return min(written, key=lambda call: (call.mark.line, call.mark.column))


# What stands for each value the script does not state in a word's `shape`: one word, which no script
# writes, that a shell grammar reads as a word wherever it stands.
HOLE = "migcheck-unstated-value"


@record
class Word:
    """One word of a command: its value as the script states it (None when it does not: a parameter of the
    script, a `read`, a command's output), and where it is written. `exact` says that the value is the
    text written from `mark` on, character for character (a literal with no escapes), so that a part of
    it (a subnet of `-b a,b`) can be placed at its own column."""

    text: str | None
    mark: Mark
    exact: bool = False
    # Of a value the script does not state: what holds it (`$svc`, the variable a `read` fills), so that
    # two commands given one such value name one resource; None where nothing tells.
    holder: str | None = None
    # Of a value built from parts some of which the script does not state: its text with a stand-in for
    # each of those, for a reader that runs the word as a command line (`bash -c "azure ... $NET"`).
    shape: str | None = None
    holes: tuple[str | None, ...] = ()  # what holds each value in `shape` the script does not state
    # Of a value the script does not state that may be empty (`${VNET:-}`): an option given it may be given
    # nothing, which the CLI reads as not given (a VM in no virtual network).
    maybe_empty: bool = False
    # Of a value read from a variable the script assigns nowhere (nothing it sources, nor the file that runs
    # its lines, sets it): the variable as written (`$VNET`), `maybe_empty` too. Run in a session of its own
    # it is empty; run from one that set it, that value: a finding that turns on it says which it assumes
    # (`model.session_sets`).
    unset: str = field(default="", compare=False)
    # Of a value the script does not state: any number of words, none or several, options among them (a
    # list it does not state: `"${opts[@]}"`, a list a Python function returns), not one word.
    spread: bool = False
    # Of a value the script does not state, written unquoted (`$OPTS`): bash splits it on blanks, so it is
    # one word where the command's words fit so (`azure vm create $SVC img ...`), any number where they do
    # not (`Parsed.positionals`).
    splits: bool = False
    # Of a positional parameter the script does not state, with a default it states (`"${1:-Contoso
    # Prod}"`): that default, what a run as written uses. Only a subscription's selection reads it
    # (`Reading._account_set`), as the PowerShell reader selects a parameter's default.
    default: str | None = None
    # Of a stated word that may hold a REST body (`-d "<Deployment ...>"`) whose characters are not each at
    # the column after the one before (escapes the shell drops, lines after the first, `--data='...'`):
    # where the character at each offset of its text is written. None where `mark` and `exact` say it.
    placed: Callable[[int], Mark] | None = field(default=None, compare=False)
    # Of a value the script does not state: the variables it was last assigned to, one for each such value in
    # it (`$MGMT_URL` of `MGMT_URL=$2`), where `holder` is what gave it (`$2`). Only what a variable's name
    # tells counts on it (a URL held by a name of the API); two values are one by their holder, not by it.
    names: tuple[str, ...] = field(default=(), compare=False)
    # Of a word after the first of those bash splits a stated value into (`<your image>` of an unquoted
    # `$IMAGE`): the script meant the value as one word, so the surplus it makes is not one of a value
    # not stated being several (`_unbound_after_split`).
    split_on: bool = field(default=False, compare=False)
    # Of a value the file does not state that other files name too (a Terraform module's value, written
    # alike in each of its files): where its stand-in says it is written, the same from each file, so that
    # the files name one resource (`estate.join_key`). None: where the word is (`mark`).
    named_at: Mark | None = field(default=None, compare=False)
    # Of a word in quotes (`"app-vnet"`, `'app-vnet'`): where its text starts, inside them; `mark` is its
    # opening quote, where a finding on the word starts, as one on a quoted value does in every format.
    # None: the text starts at `mark`.
    text_at: Mark | None = field(default=None, compare=False)

    @property
    def text_mark(self) -> Mark:
        """Where the first character of its text is written: where a reader that reads the text again (the
        command line `ssh` or `bash -c` is given) places it, and the start of `at`'s offsets."""
        return self.text_at or self.mark

    @property
    def stand_in_mark(self) -> Mark:
        """Where the stand-in of the value, when the file does not state it, says it is written."""
        return self.named_at or self.mark

    @property
    def identity(self) -> str | None:
        """What tells the value apart from others the script does not state: what holds it, else, for a
        word built around such values (`"${PREFIX}vnet"`), its shape with what holds each of them, so
        that two commands given the same expression of the same values name one resource, as two given
        `$svc` do. None where nothing tells (a part whose holder is not known)."""
        if self.holder is not None:
            return self.holder
        if self.shape is None or not self.holes or None in self.holes:
            return None
        return "\0".join((self.shape, *(hole or "" for hole in self.holes)))

    def at(self, offset: int) -> Mark:
        """Where the character at `offset` of the value is written, when the word says; else the word."""
        if not (offset or self.text_at):
            return self.mark
        if self.placed is not None:
            return self.placed(offset)
        if not self.exact:
            return self.mark
        start = self.text_mark
        return replace(start, column=start.column + offset)

    def part(self, start: int, text: str) -> Word:
        """The part of its value at `start`, placed there where the word says; the word itself where the
        part is the whole value (`-b "default"`, shown with its quotes)."""
        if start == 0 and text == self.text:
            return self
        placed = self.placed
        if placed is None:
            return Word(text, self.at(start), self.exact)
        return Word(text, placed(start), self.exact, placed=lambda offset: placed(start + offset))
