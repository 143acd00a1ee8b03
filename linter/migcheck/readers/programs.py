"""The programs a script of one language runs that run other commands or another language's code (a
shell, PowerShell, Python, a prefix such as `sudo`), by name: what each language's reader asks before it
reads such a command, kept apart from the readers themselves so that reading a script of one language
imports no other language's reader until the script runs a command of it; and the call a script's
finding is shown at, which they choose alike."""

from __future__ import annotations

from collections.abc import Sequence

from migcheck.model import ClassicCall, record


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
