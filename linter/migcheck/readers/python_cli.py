"""Python scripts that run the classic cross-platform CLI: `subprocess.call(["azure", "vm", "create", ...])`
(`check_call`, `check_output`, `run`, `Popen`, under any name the script imports them by or binds them to,
`run = subprocess.check_call`), a command line
run by a shell (`subprocess.check_output("azure vm create ...", shell=True)`, `os.system(...)`,
`os.popen(...)`, Fabric's `fabric.api.local(...)`, the `c.run(...)` of an Invoke task's context), a program
`os` runs in the script's place (`os.execv(path, argv)`, `os.execl(path, arg0, ...)`, after which nothing of
the script runs) or beside it (`os.spawnv(os.P_WAIT, path, argv)`, `os.posix_spawn(path, argv, env)`), with
the words past its argv[0]. Each command is what the same command in a shell script is: `xplat` gives it its meaning,
through the shell reader, which is handed the script's commands written as the shell script that runs
them as the Python script does (`shell.read_commands`), never run. So is a list whose program runs the
command its other words name (`["bash", "-c", "azure vm shutdown web1"]`, `["ssh", "jump", "azure ..."]`,
`["sudo", "azure", ...]`): the shell reader follows it into that command, as it does in a shell script.

The words of a list are the words the script states: a string literal is its word, a variable assigned a
string literal is that string, an f-string its text with a value of its own for each field, as is a template filled in by `str.format` or `%`
(`"azure vm create %s %s" % (svc, img)`), a string joined from words it states (`",".join(["web", "data"])`,
`"contoso-" + name`, a command line `" ".join(words)`); anything else is a
value the script does not state (a stand-in, as elsewhere), one value for one variable. A list may be built
(`["azure"] + list(args)`, `["azure", *words]`, `"azure vm create ...".split()`), and a function's `*args` are
the words its call gives past its named parameters, as a shell function's `"$@"` are. A command line given as
a string is split as bash splits it, its pieces the script does not state words of their own; one bash cannot
parse (a quote left open) the shell refuses and runs none of, so it is left out, and said as a part of the
script not read (`UNPARSED_COMMAND_LINE`), the script's other commands read as ever. A list or string the
script assigns to a variable and then runs is read where it runs, grown as the script grows it before
(`cmd.extend([...])`, `cmd += [...]`, `cmd.append(word)`, `cmd.insert(1, word)`; grown in a loop, by words
it does not state). The script's structure is kept: the body of
an `if`, an `except` or a `while` may run (an `if` tested by a literal, `if False:` or `if 0:`, never runs its
body, whose calls create nothing, and `if True:` runs it surely), at most one case of a `match` runs (as one
branch of `if ... elif`), a `for` over items the script writes out runs once for each (over tuples,
`for name, ip in [("db1", "10.0.0.4"), ...]`, the body is written once for each, its names that tuple's), as
does one over `range()` with bounds written as numbers and a `while` counting a number the script sets up to a
bound written as one (`i += 1`, no `break`), one over items it does not runs one or more turns, a function of
the script runs at each of its calls (with its parameters the values it is given; one that runs a parameter
as a command, `def run(cmd): subprocess.check_call(cmd)`, runs the words or the line each call gives it), and
one no call runs is read once with values it does not know."""

from __future__ import annotations

import ast
import builtins
import collections
import copy
import posixpath
import shlex
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import NamedTuple

from migcheck import automation
from migcheck.model import (
    PYTHON_COMMANDS_CUT,
    UNPARSED_COMMAND_LINE,
    UNSTATED_COMMAND_LINE,
    Deployment,
    Mark,
    MigrationStep,
    Script,
)
from migcheck.readers import programs
from migcheck.readers.python_flow import (
    EXIT_CALLS,
    OS_EXECS,
    beside_main_guard,
    dotted,
    exit_aliases,
    exit_name,
    f_string_padding,
    fits_any_value,
    literal_truth,
    template_parts,
    while_turns,
    whole_number,
)

# The `os` functions that start a program beside the script, which goes on (`os.spawnv(os.P_WAIT, path,
# argv)`, `os.posix_spawn(path, argv, env)`).
OS_SPAWNS = frozenset(
    {"spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe"}
    | {"posix_spawn", "posix_spawnp"}
)
# The calls that run a command: by module, the functions that take its words or its command line first.
_RUNNERS = {
    "subprocess": frozenset(
        {"call", "check_call", "check_output", "run", "Popen", "getoutput", "getstatusoutput"}
    ),
    "os": frozenset({"system", "popen", *OS_EXECS, *OS_SPAWNS}),
    "commands": frozenset({"getoutput", "getstatusoutput"}),  # Python 2's
    # Fabric 1's: a command line run by a shell on this machine.
    "fabric.api": frozenset({"local"}),
    "fabric.operations": frozenset({"local"}),
}
# Invoke's tasks (`@task def deploy(c):`): `c.run(line)` runs a command line by a shell on this machine.
_TASK_MODULES = frozenset({"invoke"})
_CLI = frozenset({"azure", "azure.cmd"})
# Words one of `_RUNNERS` is named by (`os.execv`, `from os import execlp`, `os.posix_spawn`).
_RUNNER_WORDS = (
    *("subprocess", "os.system", "os.popen", "fabric", "invoke"),
    *(
        "execv",
        "execl",
        "spawnv",
        "spawnl",
        "posix_spawn",
    ),  # not "spawn" alone: multiprocessing's start method
)
# What `sys.executable` is written as in the shell script the commands are handed on in: a Python.
_PYTHON = "python3"
# The programs that send HTTP requests: one sent to the Service Management API is read as the shell reader
# reads it (`shell_requests`), so their commands are handed to it as the CLI's are.
_REQUESTERS = frozenset({"curl", "wget"})
_DEPTH = 40  # the most statements within statements translated; deeper ones are left out
# The most items a list the script builds is read as (`a + a`, then `b + b`...); past it, one not stated.
_MOST_ITEMS = 1_000
# The most turns a loop counted in numbers written out is run for, one each (as a shell script's `seq 1 4`).
_LOOP_TURNS = 32
# The most syntax nodes a loop over tuples is written out as, its body once for each turn; past it, the loop
# runs once with values the script does not state.
_UNROLLED_NODES = 4_000
# The most syntax nodes a command a function builds around its parameter (`["azure"] + args`) is followed
# with, built up through the functions that hand it on: each call copies it.
_COMMAND_NODES = 4_000
# How deep a list built of lists (`cmd = base + args`, `base = [...]`) is followed.
_LIST_DEPTH = 8


def sniff(data: bytes) -> bool:
    """Whether a file may run the classic CLI, or send a request to the Service Management API with curl or
    wget, or run a script file that may: it names a module that runs commands (`runs_commands`) and a
    command of the CLI or the API (`may_name_a_command`) or a script file (`may_run_a_script_file`)."""
    # plain searches first: most files run none
    return runs_commands(data) and (may_name_a_command(data) or may_run_a_script_file(data))


def runs_commands(data: bytes) -> bool:
    """Whether a file names a module that runs commands."""
    text = data.decode("latin-1")  # words looked for in text, as `powershell.sniff` says why
    return any(runner in text for runner in _RUNNER_WORDS)


def may_name_a_command(data: bytes) -> bool:
    """Whether a file may name a command of the classic CLI, or one that sends a request to the Service
    Management API: it names `azure` or the API's host, or may send one to a URL it does not state (as
    `shell.sniff` finds such a request)."""
    from migcheck.readers import shell  # only for a file that may run a command

    return (
        b"azure" in data
        or automation.may_name_management_host(data)
        or shell.may_send_to_the_api(data)
        or shell.may_run_classic_powershell(data)  # `["pwsh", "-Command", "Stop-AzureVM ..."]`
    )


def read(
    path: str, tree: ast.Module, mark: Callable[[ast.AST], Mark], names_the_api: bool
) -> tuple[tuple[object, ...], tuple[tuple[str, str], ...]]:
    """The calls, steps and resources of the classic CLI's commands the script runs (see the module), and of
    the script files they run (`./tools/create websvc`, `[sys.executable, "tools/create.py"]`), said to be
    run by this script; and those files, whose own read is then not said again (`Document.functions_run`).
    `names_the_api`: the script names Azure or the API (`automation.names_the_api`)."""
    runners = _runner_names(tree)
    if not runners.modules and not runners.functions and not runners.contexts:
        return (), ()
    script = _Script(path, tree, mark, runners)
    script.statements(tree.body, 0)
    if not script.ran and not script.unparsed:
        return (), ()
    from migcheck.readers import shell  # only for a script that runs a command it reads

    read, files_run = shell.read_commands(
        path,
        script.source(),
        tuple(script.marks),
        tuple(script.holes),
        frozenset(script.empty_holes),
        names_the_api,
        called=f"Python script '{posixpath.basename(path)}'",
    )
    written = (_as_written(resource, script) for resource in read)
    return _with_unparsed(tuple(r for r in written if r is not None), script, path), files_run


def _bash_parses(line: str) -> bool:
    """Whether bash parses a command line the script runs through a shell (`shell.parses`)."""
    from migcheck.readers import shell

    return shell.parses(line)


def _runs_read_command(first: str | None) -> bool:
    """Whether a command's first word names the classic CLI or curl or wget (by a path too: `/usr/bin/curl`),
    or a program that runs the command its other words name, which the shell reader follows as it does in a
    shell script (`bash -c "azure ..."`, `ssh jump "azure ..."`, `sudo azure ...`, `python3 tools/create.py`:
    `shell.RUNS_COMMANDS`), or a script file by its path (`./tools/create websvc`), which the shell reader
    follows into a file the run checks as the program its `#!` line names runs it."""
    program = posixpath.basename(first or "")
    return (
        first in _CLI
        or program in _REQUESTERS
        or program in programs.RUNS_COMMANDS
        or _names_a_script_file(first or "")
    )


def _names_a_script_file(word: str) -> bool:
    """Whether a command's first word runs a file by a path from the folder the script runs in
    (`./tools/create`, `tools/create.py`): a word with a `/` that is not one of the machine's own paths. A
    word with none names a program the system looks up on the PATH."""
    return "/" in word and not word.startswith(("/", "~"))


def _may_be_read(line: str) -> bool:
    """Whether a command line may run the classic CLI, or curl or wget (whose request the shell reader reads
    where its URL, maybe a variable's value, is the API's), or a script file that may (a Python's run of
    one, one run by its path: `_runs_read_command`)."""
    lowered = line.lower()
    first = line.split(maxsplit=1)[0] if line.strip() else ""  # the shell reader parses it; this only sifts
    return (
        "azure" in lowered  # the classic CLI, or a classic cmdlet PowerShell is given (`Stop-AzureVM`)
        or any(program in line for program in _REQUESTERS)
        or posixpath.basename(first) in programs.PYTHONS
        or _names_a_script_file(first)
    )


def may_run_a_script_file(data: bytes) -> bool:
    """Whether a file that runs commands may run a script file the run checks (`_runs_read_command`): it
    names a Python file (`tools/create.py`), a path from its folder (`./tools/create`) or the interpreter
    that runs it (`sys.executable`)."""
    return b".py" in data or b"./" in data or b"sys.executable" in data


def _with_unparsed(read: tuple[object, ...], script: _Script, path: str) -> tuple[object, ...]:
    """What the commands describe, their script holding the command lines bash cannot parse as parts not
    read; a script of no call when no other command is read, so that they are still said."""
    if not script.unparsed:
        return read
    unparsed = tuple(script.unparsed)
    if not any(isinstance(resource, Script) for resource in read):
        empty = Script(
            posixpath.basename(path), "Shell", (), (), replace(unparsed[0], tag=""), written_in="Python"
        )
        read = (empty, *read)
    return tuple(
        replace(r, unread=tuple(sorted((*r.unread, *unparsed), key=_position)))
        if isinstance(r, Script)
        else r
        for r in read
    )


def _position(mark: Mark) -> tuple[int, int]:
    return mark.line, mark.column


def _as_written(resource: object, script: _Script) -> object | None:
    """A resource the shell reader describes, told as the Python script writes it: its script's language,
    the loops its VMs are created in as the Python script writes them (`while i < n`), the steps that
    never run, as Python stops before them (see `_Script.unbound`), and the function a deployment is read
    once in by its Python name. A call written in a module whose function the script runs (see
    `python_library`) is that module's check's to report, as the SDK's are: the script's Script keeps its
    own calls, and is none where it has none and no step."""
    loops = script.loops
    if isinstance(resource, Script) and resource.called:  # a script file's, as it runs (`read`)
        return resource
    if isinstance(resource, Script):
        steps = tuple(
            _named_as_python(_failing(step, script.failing.get(step.mark))) for step in resource.migration
        )
        own = tuple(call for call in resource.calls if call.mark.path == script.path)
        if not own and not steps and resource.calls:
            return None
        return replace(resource, written_in="Python", migration=steps, calls=own)
    if isinstance(resource, Deployment) and resource.read_once_in.startswith(_OWN):
        resource = replace(resource, read_once_in=resource.read_once_in.removeprefix(_OWN))
    if isinstance(resource, Deployment):
        roles = tuple(
            replace(role, looped_over=loops.get(role.looped_over, role.looped_over))
            for role in resource.roles
        )
        looped = loops.get(resource.service_looped_over, resource.service_looped_over)
        return replace(resource, roles=roles, service_looped_over=looped)
    return resource


def _named_as_python(step: MigrationStep) -> MigrationStep:
    """A step named by a variable's value the script does not state, the variable as Python names it
    (`vnet`, not the shell's `$py_vnet`)."""
    if not step.unstated_shown.startswith("$" + _OWN):
        return step
    return replace(step, unstated_shown=step.unstated_shown.removeprefix("$" + _OWN))


def _failing(step: MigrationStep, unbound: str | None) -> MigrationStep:
    """A step whose command names a variable nothing in the script assigns: Python raises a NameError
    there, and the command never runs."""
    if unbound is None:
        return step
    return replace(
        step,
        fails=(
            f"it is given {unbound}, which nothing in the script assigns: Python stops there with a NameError"
            " (\"name '" + unbound + "' is not defined\"), and the command never runs"
        ),
        fails_fix=(
            f"Give this {step.step.capitalize()} the variable that holds the name of what the script migrates,"
            f" as its other steps are given it, or assign {unbound} before it. `migcheck plan` prints each"
            " step's commands."
        ),
    )


class _Script:
    """The shell script that runs the Python script's commands as it does, written as it is read."""

    def __init__(
        self, path: str, tree: ast.Module, mark: Callable[[ast.AST], Mark], runners: _Runners
    ) -> None:
        self.path = path
        self.mark = mark
        self.runners = runners
        # The names the script imports `os` and `sys` or their exits under (`o` of `import os as o`).
        self.exit_aliases = exit_aliases(tree)
        self.functions = _function_names(tree)
        # By function name, the parameter whose value the function runs as a command (`def run(cmd):
        # subprocess.check_call(cmd)`): its position among the words a call gives, and its name.
        self.command_parameters = _command_parameters(tree, self)
        self.option_lists = _option_lists(tree)
        self.parts: list[bytes] = []
        self.size = 0
        self.marks: list[tuple[int, Mark]] = []
        self.holes: list[tuple[str | None, Mark | None]] = []
        self.empty_holes: set[int] = set()  # those of `holes` that may be empty (see `option_list`)
        # The words an option list gives a value it does not state, which may be empty: by `id`, the node.
        self.maybe_empty: set[int] = set()
        self.values: dict[str, ast.expr] = {}  # the list or string last assigned to a name, in order
        self.ran = False  # whether any command runs `azure`
        # The command lines not read: those bash cannot parse (`UNPARSED_COMMAND_LINE`) and those filled
        # in from a template by values the reader cannot see (`UNSTATED_COMMAND_LINE`).
        self.unparsed: list[Mark] = []
        self.tables = _tables_kept(tree)  # the names of dicts, lists and tuples the script never changes
        # Of those, and of the names imported from a module, the ones every function reads one object of.
        self.module_tables = _module_tables(tree, self.tables)
        # The names the script reads but binds nowhere (see `_never_bound`), and, by the mark of a command
        # given one of them, the first such name: the command never runs.
        self.unbound = _never_bound(tree)
        self.str_kept = _str_kept(tree)  # whether `str(x)` is Python's, the text `f"{x}"` makes too
        self.failing: dict[Mark, str] = {}
        self.at: Mark | None = None  # the mark of the command being written
        # What the shell reader says a loop is (`Role.looped_over`), by the loop as the script writes it.
        self.loops: dict[str, str] = {}
        self.varargs: str | None = None  # the `*args` of the function being written: its `"$@"`
        self.looping = 0  # how many loops the statement being written is in
        self.unrolling = False  # whether it is in a loop written once for each of its items
        self.assigned_in: dict[str, int] = {}  # by name, how many loops its last assignment was in

    def source(self) -> bytes:
        return b"".join(self.parts)

    def write(self, text: str, at: ast.AST | None = None) -> None:
        if at is not None:
            self.marks.append((self.size, self.mark(at)))
        data = text.encode("utf-8")
        self.parts.append(data)
        self.size += len(data)

    def hole(self, node: ast.AST, holder: str | None = None) -> str:
        """A word the script does not state, held by `holder` (one value for one variable, or for one of
        the script's arguments or environment variables, wherever read: see `_input_read`, or for an item
        of a table the module loads once: see `kept_item`)."""
        from migcheck.readers import xplat  # the shell reader's, which reads the command

        self.holes.append((holder or _input_read(node) or self.kept_item(node), self.mark(node)))
        return f"{xplat.HOLE}-{len(self.holes) - 1}-"

    # --- statements ------------------------------------------------------------------------------

    def statements(self, body: list[ast.stmt], depth: int) -> None:
        if depth > _DEPTH:
            if body:
                self.cut(body[0])
            return
        for statement in body:
            self.statement(statement, depth)

    def statement(self, node: ast.stmt, depth: int) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.function(node, depth)
        elif isinstance(node, ast.ClassDef):
            self.statements(node.body, depth + 1)
        elif isinstance(node, ast.If):
            self.commands_in(node.test)
            self.branch(node.test, node.body, node.orelse, depth)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self.loop(node, depth)
        elif isinstance(node, ast.While) and self.counted_while(node, depth):
            pass
        elif isinstance(node, ast.While):
            self.commands_in(node.test)
            # A loop tested by a false literal (`while False:`, `while 0:`) never runs its body, as bash's
            # `while false` does not.
            test = "false" if _condition(node.test) == "false" else f"[ -n {self.hole(node.test)} ]"
            self.loops[f"the turns of `while {test}`"] = f"the turns of `while {_python(node.test)}`"
            self.write(f"while {test}; do :\n", node)
            self.turns(node.body, depth + 1)
            self.write("done\n")
            self.statements(node.orelse, depth + 1)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                self.commands_in(item.context_expr)
            self.statements(node.body, depth + 1)
        elif isinstance(node, ast.Match):
            self.commands_in(node.subject)
            self.cases(node.cases, depth)
        elif isinstance(node, ast.Try):
            self.statements(node.body, depth + 1)
            for handler in node.handlers:  # runs where the body failed: may run
                self.branch(handler, handler.body, [], depth)
            self.statements(node.orelse, depth + 1)
            self.statements(node.finalbody, depth + 1)
        else:
            self.commands_in(node)
            if _ends_the_script(node, self.exit_aliases):
                self.write("exit\n", node)  # `sys.exit(0)`: the shell's `exit`, what follows may not run
            elif isinstance(node, ast.Assign):
                self.assign(node)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                if not (isinstance(node.op, ast.Add) and self.grown(node.target.id, node.value, "extend")):
                    self.changed(node.target.id, node)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                self.grown_by(node.value)

    def turns(self, body: list[ast.stmt], depth: int) -> None:
        """A loop's body, run for each turn, where a list assigned before the loop grows each turn."""
        self.looping += 1
        self.statements(body, depth)
        self.looping -= 1

    def branch(self, test: ast.AST, body: list[ast.stmt], orelse: list[ast.stmt], depth: int) -> None:
        guarded, rest = beside_main_guard(test) if isinstance(test, ast.expr) else (False, test)
        shown = "true" if rest is None else _condition(rest) or f"[ -n {self.hole(rest)} ]"
        self.write(f"if {shown}; then :\n", test)
        self.statements(body, depth + 1)
        if orelse and guarded:  # what a module runs when imported (`else:` of its main guard) may run too
            self.write("fi\n")
            self.write(f"if [ -n {self.hole(test)} ]; then :\n", test)
            self.statements(orelse, depth + 1)
        elif orelse:
            self.write("else :\n")
            self.statements(orelse, depth + 1)
        self.write("fi\n")

    def cases(self, cases: list[ast.match_case], depth: int) -> None:
        """A `match`: the first case whose pattern (and guard) fits runs, one of them at most, as one branch
        of an `if ... elif` chain, whose tests the reader does not decide; a last case that fits any value
        (`case _:`) is its `else`, and one that is first runs whatever the subject is."""
        if cases and fits_any_value(cases[0]):
            self.statements(cases[0].body, depth)
            return
        for index, case in enumerate(cases):
            if index == len(cases) - 1 and index and fits_any_value(case):
                self.write("else :\n")
            else:
                self.write(
                    f"{'el' if index else ''}if [ -n {self.hole(case.pattern)} ]; then :\n", case.pattern
                )
            if case.guard is not None:
                self.commands_in(case.guard)
            self.statements(case.body, depth + 1)
        if cases:
            self.write("fi\n")

    def loop(self, node: ast.For | ast.AsyncFor, depth: int) -> None:
        """A `for` over items the script writes out runs once for each; over others, one or more turns."""
        self.commands_in(node.iter)
        name = node.target.id if isinstance(node.target, ast.Name) and _shell_name(node.target.id) else "_"
        items = node.iter.elts if isinstance(node.iter, (ast.List, ast.Tuple)) else None
        turns = _range_of(node.iter)
        rows = _rows(node.target, items)
        if rows is not None and not self.unrolling and _unrolls(node.body, rows):
            self.unrolled(node, rows, depth)
            return
        enumerated = None if "enumerate" in self.functions else _enumerated(node.target, node.iter)
        if enumerated is not None and not self.unrolling and _unrolls(node.body, enumerated):
            self.unrolled(node, enumerated, depth)
            return
        if rows is not None or (turns is not None and len(turns) > _LOOP_TURNS):
            self.cut(node.iter)  # its turns are read as one of values not stated
        if items is not None and all(_string(item) is not None for item in items):
            self.write(f"for {_own(name)} in", node)
            for item in items:  # each shown where it is written, as a shell loop's items are
                self.write(" ")
                self.write(shlex.quote(_string(item) or ""), item)
            self.write("; do :\n")
        elif turns is not None and len(turns) > _LOOP_TURNS:  # `range(40)`: as the shell counts it, which
            # reads it once, as a loop that surely runs
            counted = f"$(seq {turns.start} {turns.step} {turns[-1]})"
            self.loops[counted] = _python(node.iter)
            self.write(f"for {_own(name)} in {counted}; do :\n", node)
        elif turns:  # `range(1, 4)`: once for each number
            self.write(f"for {_own(name)} in {' '.join(map(str, turns))}; do :\n", node)
        else:  # an unquoted variable nothing sets: a list of words the script does not state
            self.loops[f"${_unstated_list(node)}"] = _python(node.iter)
            self.write(f"for {_own(name)} in ${_unstated_list(node)}; do :\n", node)
        self.turns(node.body, depth + 1)
        self.write("done\n")

    def unrolled(
        self, node: ast.For | ast.AsyncFor, rows: list[list[tuple[str, ast.expr]]], depth: int
    ) -> None:
        """`for name, ip in [("db1", "10.0.0.4"), ...]`: the body once for each item written out, its names
        given that item's values (a shell loop binds one name: the turns are written one after another). A
        loop in such a body is not unrolled again, so the script written stays linear in the script's size."""
        self.unrolling = True
        for row in rows:
            for name, value in row:
                self.write(f"{_own(name)}=", node)
                self.write(self.word(value), value)
                self.write("\n")
            self.turns(node.body, depth + 1)
        self.unrolling = False
        self.statements(node.orelse, depth + 1)

    def counted_while(self, node: ast.While, depth: int) -> bool:
        """`i = 0` then `while i < 2: ...; i += 1`: once for each value of its counter, where its start, bound
        and step are written as numbers and the body changes the counter only by that step, never breaking
        out; False for any other `while`."""
        turns = while_turns(node, self.values.get, _LOOP_TURNS)
        if turns is None:
            return False
        name, values = turns
        self.write(f"for {_own(name)} in {' '.join(map(str, values))}; do :\n", node)
        self.turns(node.body, depth + 1)
        self.write("done\n")
        self.statements(node.orelse, depth + 1)
        return True

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, depth: int) -> None:
        """A function of the script, run at each call: its parameters the words the call gives."""
        if not _shell_name(node.name):
            return
        self.write(f"{_own(node.name)}() {{ :\n", node)
        parameters = [
            a.arg for a in (*node.args.posonlyargs, *node.args.args) if a.arg not in ("self", "cls")
        ]
        for number, parameter in enumerate(parameters, start=1):
            if _shell_name(parameter):
                self.write(f'local {_own(parameter)}="${{{number}}}"\n')
        varargs = node.args.vararg.arg if node.args.vararg is not None else None
        if varargs is not None and parameters:
            self.write(f"shift {len(parameters)}\n")  # `"$@"`: the words past the named parameters
        saved, saved_varargs = dict(self.values), self.varargs
        self.varargs = varargs
        self.statements(node.body, depth + 1)
        self.values, self.varargs = saved, saved_varargs
        self.write("}\n")

    def assign(self, node: ast.Assign) -> None:
        """`name = "text"`: the name's value; `name = [...]` or a string built: kept to be read where it
        runs; anything else: a value the script does not state, one for the name."""
        for target in node.targets:
            if not isinstance(target, ast.Name) or not _shell_name(target.id):
                continue
            name = target.id
            self.values[name] = self.joined_list(node.value)
            self.assigned_in[name] = self.looping
            text = _string(node.value)
            if text is not None:
                self.write(f"{_own(name)}={shlex.quote(text)}\n", node)
            elif self.one_word(node.value) and self.listed(node.value, 0) is None:
                self.write(f"{_own(name)}=", node)
                self.write(self.word(node.value), node.value)
                self.write("\n")
            else:
                self.write(f"{_own(name)}={self.hole(node.value, f'{name}@{node.lineno}')}\n", node)

    def one_word(self, value: ast.expr) -> bool:
        """Whether an assignment's value is a word written from others the script may state: joined
        (`"contoso-" + name`, `",".join([...])`), formatted (`"app%s" % size`, `"{}-web".format(svc)`,
        `f"app{size}"`), or another name's (`name = size`), as `word` writes each."""
        return (
            _built_word(value)
            or isinstance(value, ast.JoinedStr)
            or (isinstance(value, ast.Name) and _shell_name(value.id))
            or self.template_parts(value) is not None
        )

    def joined_list(self, value: ast.expr) -> ast.expr:
        """`cmd = cmd + ["-b", "web"]` (lists joined by `+`): the list of the items as they are now, so that
        a list grown from its own value is read as grown; any other value as written."""
        if not (isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add)):
            return value
        items = self.listed(value, 0)
        return value if items is None else ast.copy_location(ast.List(items, ast.Load()), value)

    def grown_by(self, call: ast.Call) -> None:
        """`cmd.extend([...])`, `cmd.append(word)`, `cmd.insert(0, word)` on a list the script assigned: the
        list it runs from here on."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)) or call.keywords:
            return
        if func.attr in ("extend", "append") and len(call.args) == 1:
            self.grown(func.value.id, call.args[0], func.attr)
        elif func.attr == "insert" and len(call.args) == 2:
            self.grown(func.value.id, call.args[1], "insert", whole_number(call.args[0]))

    def grown(self, name: str, added: ast.expr, how: str, index: int | None = None) -> bool:
        """Whether `name` holds a list the script states, now grown by `added` (its items for `extend`, one
        item for `append` or `insert` at `index`); a list grown at an index the script does not state is one
        whose items it does not state."""
        value = self.values.get(name)
        items = self.listed(value, 1) if value is not None else None
        if value is None or items is None:
            return False
        if self.looping > self.assigned_in.get(name, 0):  # grown once a turn: by words not stated
            items = [*items, _unstated(added)]
        elif how == "extend":
            items = items + (self.listed(added, 1) or [_starred(added)])
        elif how == "append":
            items = [*items, added]
        elif index is not None:
            items.insert(index, added)
        else:
            items = [_unstated(value)]
        grown: list[ast.expr] = items if len(items) <= _MOST_ITEMS else [_starred(value)]
        if len(items) > _MOST_ITEMS:
            self.cut(value)
        self.values[name] = ast.copy_location(ast.List(grown, ast.Load()), value)
        return True

    def changed(self, name: str, node: ast.stmt) -> None:
        """`i += 1`: a value the script does not state from here on (in a loop, each turn's own)."""
        if _shell_name(name):
            self.values.pop(name, None)
            self.write(f"{_own(name)}={self.hole(node, f'{name}@{node.lineno}')}\n", node)

    # --- commands --------------------------------------------------------------------------------

    def commands_in(self, node: ast.AST) -> None:
        """The commands the calls in `node` run, and the calls of the script's functions, in the order
        written (functions and lambdas defined in it aside)."""
        calls = [c for c in _calls(node) if self.runs(c) or self.own_function(c)]
        for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
            if self.runs(call):
                self.command(call)
                continue
            given = self.command_given(call)
            if given is not None:  # the function runs this value as its command, where it is called
                self.run_given(given)
            self.call_function(call)

    def command_given(self, call: ast.Call) -> ast.expr | None:
        """What a call of a function of the script gives the parameter the function runs as a command,
        by position or by name; None for a function that runs none of its parameters."""
        parameter = self.command_parameters.get(self.own_function(call) or "")
        if parameter is None:
            return None
        index, name = parameter.position, parameter.name
        by_name = next((k.value for k in call.keywords if k.arg == name), None)
        if by_name is not None:
            return parameter.given(by_name)
        given = call.args[index] if index < len(call.args) else None
        if given is None or any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
            return None
        return parameter.given(given)

    def runs(self, call: ast.Call) -> bool:
        return _is_runner(call.func, self.runners)

    def own_function(self, call: ast.Call) -> str | None:
        func = call.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return name if name in self.functions else None

    def call_function(self, call: ast.Call) -> None:
        """A call of a function of the script, given its positional words (`*words` spread as the list it
        names)."""
        self.write(_own(self.own_function(call) or ""), call)
        self.words(self.spread(call.args, 0) or [], first=False)

    def command(self, call: ast.Call) -> None:
        self.run_given(_command_of(call, self.runners))

    def run_given(self, given: ast.expr | None) -> None:
        """The command a list of words or a command line runs, where it is the classic CLI's."""
        given = self.assigned(given)
        if isinstance(given, ast.Call) and _named(given.func, "split"):
            given = self.assigned(_split_line(given))
        words = self.listed(given, 0)
        if words is not None:
            if not words or not _runs_read_command(_stated_word(words[0])):
                return
            self.ran = True
            self.at = self.mark(words[0])
            self.words(words)
        elif given is not None:
            self.at = self.mark(given)
            line = self.line(given)
            if line is not None and _may_be_read(line) and not _bash_parses(line):
                if "azure" in line or automation.mentions_management_host(line):
                    self.unparsed.append(replace(self.mark(given), tag=UNPARSED_COMMAND_LINE))
            elif line is not None and _may_be_read(line):
                self.ran = True
                self.write(line + "\n", given)
        self.at = None

    def template_parts(self, node: ast.expr) -> list[ast.expr] | None:
        """The parts of a string a template builds (`python_flow.template_parts`), filled from a dict,
        list or tuple the script writes out and assigns to a name it never changes (`"%(svc)s" % opts`,
        `"{svc}".format(**opts)`)."""
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            node = ast.copy_location(ast.BinOp(node.left, node.op, self.table(node.right)), node)
        elif isinstance(node, ast.Call) and _named(node.func, "format"):
            args = [
                ast.Starred(self.table(a.value), a.ctx) if isinstance(a, ast.Starred) else a
                for a in node.args
            ]
            keywords = [
                k if k.arg is not None else ast.keyword(None, self.table(k.value)) for k in node.keywords
            ]
            node = ast.copy_location(ast.Call(node.func, args, keywords), node)
        return template_parts(node)

    def table(self, node: ast.expr) -> ast.expr:
        """The dict, list or tuple literal a name holds, where the script assigns it once and never changes
        it (see `_tables_kept`); else the expression itself."""
        value = self.values.get(node.id) if isinstance(node, ast.Name) and node.id in self.tables else None
        return value if isinstance(value, (ast.Dict, ast.List, ast.Tuple)) else node

    def kept_item(self, node: ast.AST) -> str | None:
        """What holds an item, by a key the script writes out, or an attribute, of a table or config object
        the module's level assigns once and nothing changes (`configdict['vmname']` of `configdict =
        json.load(...)`, `cfg.vmname` of `cfg = load_config()`), or one a class's `__init__` sets once
        (`self.config.vmname`): one value wherever read, so that a task creating a VM by it and another
        changing it name one VM. None for any other."""
        holder = _holder(node.value) if isinstance(node, (ast.Subscript, ast.Attribute)) else None
        if holder is None or holder not in self.module_tables:
            return None
        if isinstance(node, ast.Attribute):
            return f"{holder}.{node.attr}"
        key = (
            node.slice.value
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
            else None
        )
        return f"{holder}[{key!r}]" if type(key) in (str, int) else None

    def unread(self, mark: Mark) -> None:
        if mark not in self.unparsed:
            self.unparsed.append(mark)

    def cut(self, node: ast.AST) -> None:
        """Past a bound on what is read of the commands (`_DEPTH`, `_MOST_ITEMS`, `_LIST_DEPTH`, `_LOOP_TURNS`,
        `_UNROLLED_NODES`) at `node`: said as a part not read (`PYTHON_COMMANDS_CUT`), once for the file."""
        if not any(mark.tag == PYTHON_COMMANDS_CUT for mark in self.unparsed):
            self.unread(replace(self.mark(node), tag=PYTHON_COMMANDS_CUT))

    def assigned(self, node: ast.expr | None) -> ast.expr | None:
        """A variable's list or string the script last assigned, else the expression itself."""
        if isinstance(node, ast.Name) and node.id in self.values:
            return self.values[node.id]
        return node

    def listed(self, node: ast.expr | None, depth: int) -> list[ast.expr] | None:
        """The items of a list the script builds (`[...]`, `(...)`, lists joined by `+`, `list(x)`, a
        variable assigned one, the function's `*args`), each a word; a part whose items it does not state
        is one `*part` item (see `word`). None for what is no list."""
        if node is None:
            return None
        if depth > _LIST_DEPTH:
            if isinstance(self.assigned(node), (ast.List, ast.Tuple)):
                self.cut(node)
            return None
        node = self.assigned(node) if depth else node
        if isinstance(node, (ast.List, ast.Tuple)):
            return self.spread(node.elts, depth)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.listed(node.left, depth + 1), self.listed(node.right, depth + 1)
            if left is None and right is None:
                return None
            # Added to a list, a list too: one whose items the script does not state (`opts(net)`).
            left = [_starred(node.left)] if left is None else left
            right = [_starred(node.right)] if right is None else right
            if len(left) + len(right) > _MOST_ITEMS:
                self.cut(node)
                return [_starred(node)]
            return left + right
        if isinstance(node, ast.Call) and _copies_a_list(node):
            return self.listed(node.args[0], depth + 1) or [_starred(node.args[0])]
        if isinstance(node, ast.Call) and (options := self.option_list(node)) is not None:
            return options
        if isinstance(node, ast.IfExp) and (options := self.chosen_options(node)) is not None:
            return options
        if isinstance(node, ast.Name) and node.id == self.varargs:
            return [_starred(node)]
        if isinstance(node, ast.Subscript) and (bounds := _slice_of(node.slice)) is not None:
            return self.sliced(node, bounds, depth)
        return None

    def sliced(self, node: ast.Subscript, bounds: slice, depth: int) -> list[ast.expr] | None:
        """The items `items[1:]` takes of a list the script states; one part not stated where an item
        before the slice's end is itself such a part, whose length it does not know."""
        items = self.listed(node.value, depth + 1)
        if items is None:
            return None
        counted = items[: max(bounds.start or 0, bounds.stop or 0)]
        if any(isinstance(item, ast.Starred) for item in counted):
            return [_starred(node)]
        return items[bounds]

    def option_list(self, call: ast.Call) -> list[ast.expr] | None:
        """The words a call of one of the script's option lists gives (see `_option_lists`), where the
        value it tests is a string the script states (`"prodnet"`, a variable assigned one): the option
        and its value, or none for an empty one; the function's strings shown at the call. None where the
        call passes what the function does not take. A value the script does not state (`sys.argv[1]`)
        gives the option and that value, which may be empty: the option then given nothing, as bash's
        `-w "${VNET:-}"` is."""
        if not isinstance(call.func, ast.Name) or call.keywords:
            return None
        found = self.option_lists.get(call.func.id)
        if found is None or len(call.args) != len(found.parameters):
            return None
        given = dict(zip(found.parameters, call.args, strict=True))
        words = [
            given[item.id]
            if isinstance(item, ast.Name)
            else ast.copy_location(ast.Constant(_string(item)), call)
            for item in found.words
        ]
        return self.options_given(given[found.tested], words)

    def chosen_options(self, choice: ast.IfExp) -> list[ast.expr] | None:
        """The words `["-w", net] if net else []` gives, as a call of an option list gives them (see
        `option_list`): the option and its value, or none; None for any other choice."""
        test, given, empty = choice.test, choice.body, choice.orelse
        if not (isinstance(test, ast.Name) and isinstance(given, ast.List) and isinstance(empty, ast.List)):
            return None
        stated = all(isinstance(w, ast.Name) or isinstance(_string(w), str) for w in given.elts)
        if empty.elts or not stated or not any(_named(w, test.id) for w in given.elts):
            return None
        return self.options_given(test, list(given.elts))

    def options_given(self, tested: ast.expr, words: list[ast.expr]) -> list[ast.expr]:
        """`words`, an option and the value `tested` gives it, where that value is a string the script
        states and not empty; none where it is empty. A value it does not state may be empty: the words
        are given, that value among them one that may be empty (`maybe_empty`)."""
        value = _string(self.values.get(tested.id, tested) if isinstance(tested, ast.Name) else tested)
        if value is None:
            named = tested.id if isinstance(tested, ast.Name) else None
            self.maybe_empty.update(id(w) for w in words if w is tested or (named and _named(w, named)))
            return words
        return words if value else []

    def spread(self, items: list[ast.expr], depth: int) -> list[ast.expr] | None:
        """Items, each `*part` replaced by the items of the list it names where the script states them."""
        spread: list[ast.expr] = []
        for item in items:
            inner = self.listed(item.value, depth + 1) if isinstance(item, ast.Starred) else None
            spread.extend(inner if inner is not None else [item])
            if len(spread) > _MOST_ITEMS:
                self.cut(item)
                return None
        return spread

    def words(self, words: list[ast.expr], first: bool = True) -> None:
        """A command's words, each shown where the script writes it."""
        for index, word in enumerate(words):
            self.write(" " if index or not first else "")
            self.write(self.word(word), word)
        self.write("\n")

    def named(self, name: str) -> str:
        """A variable a word reads, as bash reads it; one the script never binds fails the command."""
        if self.at is not None and name in self.unbound:
            self.failing.setdefault(self.at, name)
        return f'"${{{_own(name)}}}"'

    def word(self, node: ast.expr) -> str:
        """One word of a list, written where the script writes it."""
        text = _stated_word(node)
        if text is not None:
            quoted = shlex.quote(text)
        elif id(node) in self.maybe_empty:  # one hole, held as the name's assignment holds it
            self.empty_holes.add(len(self.holes))
            assigned = self.values.get(node.id) if isinstance(node, ast.Name) else None
            holder = f"{node.id}@{assigned.lineno}" if isinstance(node, ast.Name) and assigned else None
            quoted = self.hole(node, holder)
        elif isinstance(node, ast.Starred) and _named(node.value, self.varargs or ""):
            quoted = '"$@"'  # the function's `*args`: the words its call gives past the named parameters
        elif isinstance(node, ast.Starred):  # a part whose items it does not state: none, one or several
            self.hole(node.value)  # shown where the part is written
            quoted = f'"${{{_unstated_list(node)}[@]}}"'
        elif isinstance(node, ast.Name) and _shell_name(node.id):
            quoted = self.named(node.id)
        elif isinstance(node, ast.JoinedStr):
            quoted = "".join(self.field(value, quote=True) for value in node.values)
        elif (parts := self.template_parts(node)) is not None:  # `"{}-web".format(svc)`, `"%s-web" % svc`
            quoted = "".join(self.field(part, quote=True) for part in parts)
        elif (shown := self.shown(node)) is not None:  # `str(i)`
            quoted = self.field(shown, quote=True)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # `"contoso-" + name`
            quoted = self.word(node.left) + self.word(node.right)
        elif (joined := self.joined(node)) is not None:
            quoted = joined
        else:
            quoted = self.hole(node)
        return quoted

    def joined(self, node: ast.expr) -> str | None:
        """`",".join(["web", "data"])` (or of a list a variable holds) as one word: its items' words with
        the separator between them; None for any other expression, or a list whose items the script does
        not state."""
        words = self.join_of(node)
        if words is None:
            return None
        separator, items = words
        return shlex.quote(separator).join(self.word(item) for item in items) or "''"

    def join_of(self, node: ast.expr) -> tuple[str, list[ast.expr]] | None:
        """The separator and the items of `sep.join(items)`, where the script states both."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and len(node.args) == 1):
            return None
        separator = _string(node.func.value)
        if node.func.attr != "join" or separator is None or node.keywords:
            return None
        items = self.listed(node.args[0], 1)
        if items is None or any(isinstance(item, ast.Starred) for item in items):
            return None
        return separator, items

    def shown(self, node: ast.expr) -> ast.expr | None:
        """What `str(x)` shows, `x`, whose text it is as `f"{x}"` shows it; None for any other expression,
        and where the script binds `str` to something else."""
        if (
            self.str_kept
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "str"
            and len(node.args) == 1
            and not isinstance(node.args[0], ast.Starred)
            and not node.keywords
        ):
            return node.args[0]
        return None

    def field(self, value: ast.expr, quote: bool) -> str:
        """A part of an f-string or of a template: its text, or a variable it names, or a string built
        within it (`"app%s" % size` of `"--vm-name %s" % ("app%s" % size)`, `"vm" + str(i)`), or a value
        the script does not state."""
        text = _string(value)
        if text is not None:
            return shlex.quote(text) if quote else text
        inner = value.value if isinstance(value, ast.FormattedValue) else value
        styled = isinstance(value, ast.FormattedValue) and (value.conversion != -1 or value.format_spec)
        if not styled:
            inner = self.shown(inner) or inner
        if not styled and _builds_text(inner, self.values):
            built = self.word(inner) if quote else self.line(inner)
            return built if built is not None else self.hole(inner)
        if not (isinstance(inner, ast.Name) and _shell_name(inner.id)):
            return self.hole(inner)
        if not styled:
            return self.named(inner.id)
        # A whole number padded (`f"vm-{i:03d}"`) is what bash's printf makes of it; any other
        # conversion or format makes another text than the value's, which the reader does not follow.
        padding = f_string_padding(value) if isinstance(value, ast.FormattedValue) else None
        if padding is None:
            return self.hole(inner)
        return f'"$(printf %{padding}d {self.named(inner.id)})"'

    def line(self, node: ast.expr) -> str | None:
        """A command line given as a string: its text, each value the script does not state a word of its
        own (a variable the script names, a hole)."""
        text = _string(node)
        if text is not None:
            return text
        if isinstance(node, ast.JoinedStr):
            return "".join(self.field(value, quote=False) for value in node.values)
        parts = self.template_parts(node)  # `"azure vm create {} {}".format(...)`, `"... %s %s" % (...)`
        if parts is not None:
            return "".join(self.field(part, quote=False) for part in parts)
        if (shown := self.shown(node)) is not None:  # `str(i)`
            return self.field(shown, quote=False)
        if "azure" in (_template_text(node) or ""):  # a command whose words the reader cannot fill in
            self.unread(replace(self.mark(node), tag=UNSTATED_COMMAND_LINE))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.line(node.left), self.line(node.right)
            return left + right if left is not None and right is not None else None
        if (words := self.join_of(node)) is not None:  # `" ".join(["azure", "vm", ...])`
            separator, items = words
            lines = [self.line(item) for item in items]
            if all(line is not None for line in lines):
                return separator.join(line or "" for line in lines)
        if isinstance(node, ast.Name) and _shell_name(node.id):
            return self.named(node.id)
        return self.hole(node)


class _Runners:
    def __init__(self) -> None:
        self.modules: dict[str, str] = {}  # the names the modules that run commands are imported by
        self.functions: set[str] = set()  # the names their functions are imported by
        # Of those, the function each stands for where the script names it otherwise (`run` of `from os
        # import execv as run`, `run = os.execv`): "execv".
        self.originals: dict[str, str] = {}
        self.task_decorators: set[str] = set()  # the names Invoke's `task` is imported by (`invoke.task`)
        self.contexts: set[str] = set()  # the names Invoke hands its tasks their context by (`c`)


def runner_names(tree: ast.Module) -> set[str]:
    """The names a module runs commands by, as the functions it imports or binds (see `_runner_names`)."""
    return _runner_names(tree).functions


def classes_running_commands(tree: ast.Module) -> frozenset[str]:
    """The classes a module defines at its top level whose methods run commands themselves
    (`def run(self, cmd): subprocess.check_call(cmd)`)."""
    runners = _runner_names(tree)
    return frozenset(
        statement.name
        for statement in tree.body
        if isinstance(statement, ast.ClassDef)
        and any(isinstance(node, ast.Call) and _is_runner(node.func, runners) for node in ast.walk(statement))
    )


def _runner_names(tree: ast.Module) -> _Runners:
    """The names the script runs commands by: imported (`import subprocess as sp`, `from subprocess import
    call`), then bound to one of them (`run = subprocess.check_call`, `sh = os.system`, `run = call`)."""
    found = _Runners()
    bound: list[ast.Assign] = []
    tasks: list[ast.FunctionDef] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in _RUNNERS:
                    found.modules[alias.asname or alias.name] = alias.name
                elif alias.name in _TASK_MODULES:
                    found.task_decorators.add(f"{alias.asname or alias.name}.task")
        elif isinstance(node, ast.ImportFrom) and node.module in _RUNNERS:
            runs = _RUNNERS[node.module]
            found.functions.update(a.asname or a.name for a in node.names if a.name in runs)
            found.originals.update((a.asname, a.name) for a in node.names if a.name in runs and a.asname)
        elif isinstance(node, ast.ImportFrom) and node.module in _TASK_MODULES:
            found.task_decorators.update(a.asname or a.name for a in node.names if a.name == "task")
        elif isinstance(node, ast.Assign):
            bound.append(node)
        elif isinstance(node, ast.FunctionDef):
            tasks.append(node)
    for assign in bound:
        if _is_runner(assign.value, found):
            names = [t.id for t in assign.targets if isinstance(t, ast.Name)]
            found.functions.update(names)
            original = _called_name(assign.value)
            found.originals.update((name, found.originals.get(original, original)) for name in names)
    found.contexts.update(_context_name(task) for task in tasks if _is_task(task, found))
    found.contexts.discard("")
    return found


def _is_task(function: ast.FunctionDef, found: _Runners) -> bool:
    """Whether Invoke runs a function as a task: decorated with its `task` (`@task`, `@task(help=...)`)."""
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if dotted(target) in found.task_decorators:
            return True
    return False


def _context_name(task: ast.FunctionDef) -> str:
    """The parameter Invoke hands a task its context by: its first."""
    parameters = [*task.args.posonlyargs, *task.args.args]
    return parameters[0].arg if parameters else ""


def _is_runner(value: ast.expr, found: _Runners) -> bool:
    """`subprocess.check_call` (`fabric.api.local`) under a module name the script imports, a runner's
    imported name, or `c.run` of an Invoke task's context."""
    if isinstance(value, ast.Attribute):
        module = found.modules.get(dotted(value.value) or "")
        if module is not None:
            return value.attr in _RUNNERS[module]
        return isinstance(value.value, ast.Name) and value.value.id in found.contexts and value.attr == "run"
    return isinstance(value, ast.Name) and value.id in found.functions


def _command_of(call: ast.Call, runners: _Runners) -> ast.expr | None:
    """The words or the command line a call that runs a command is given, by the function it calls under
    whatever name the script gives it (`run` of `from os import execv as run` is `execv`)."""
    called = _called_name(call.func)
    called = runners.originals.get(called, called) if isinstance(call.func, ast.Name) else called
    if called in OS_EXECS | OS_SPAWNS:
        return _program_run(call, called)
    return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "args"), None)


def _program_run(call: ast.Call, name: str) -> ast.expr | None:
    """The words of the command an `os` exec or spawn runs: the program it names, then the arguments it
    gives past the program's own name (argv[0]), a list (`os.execv(path, argv)`, as `argv[1:]`) or the
    call's own words (`os.execl(path, arg0, arg1)`), the environment the `e` forms end in aside. A spawn's
    mode (`os.P_WAIT`) comes first."""
    given = call.args[1:] if name.startswith("spawn") else call.args
    if len(given) < 2 or any(isinstance(arg, ast.Starred) for arg in given[:2]):
        return None
    program, rest = given[0], given[1:]
    if "v" in name or name.startswith("posix_spawn"):
        past_argv0 = ast.Subscript(rest[0], ast.Slice(ast.Constant(1)), ast.Load())
        words = [program, ast.copy_location(ast.Starred(past_argv0, ast.Load()), rest[0])]
    else:
        words = [program, *(rest[1:-1] if name.endswith("e") else rest[1:])]
    return ast.copy_location(ast.List(words, ast.Load()), call)


class _Handed(NamedTuple):
    """The parameter a function runs as a command (see `_command_parameters`): its position among the words a
    call gives, its name, and the command it runs with it (`cmd`, `["azure"] + args`), the parameter in it."""

    position: int
    name: str
    command: ast.expr
    size: int = 1  # the syntax nodes of `command`

    def given(self, value: ast.expr) -> ast.expr:
        """The command the function runs where a call gives the parameter `value`."""
        if isinstance(self.command, ast.Name):
            return value
        return _Substituted(self.name, value).visit(copy.deepcopy(self.command))


class _Substituted(ast.NodeTransformer):
    """An expression with a name read in it replaced by what a call gives it."""

    def __init__(self, name: str, value: ast.expr) -> None:
        self.name, self.value = name, value

    def visit_Name(self, node: ast.Name) -> ast.expr:
        return self.value if node.id == self.name else node


def _command_parameters(tree: ast.Module, script: _Script) -> dict[str, _Handed]:
    """By function of the script, the parameter it runs as a command, itself (`subprocess.check_call(cmd)`,
    `subprocess.Popen(" ".join(cmd), shell=True)`, `os.system(line)`) or by handing it to another such
    function (`def run(cmd): return _run(cmd)`), however many functions deep and in whatever order they are
    defined: its position among the words a call gives (`self` aside), and its name. Each function is read
    once for what it runs and what it hands on, and each hand-over is followed back once from the function
    it reaches, so that a cycle ends and the cost is linear in the script."""
    found: dict[str, _Handed] = {}
    # By function called, the functions handing it one of their parameters: where the call gives it (a
    # position or a keyword), the caller, and its parameter in what the call gives.
    handed_to: dict[str, list[tuple[int | str, str, _Handed]]] = collections.defaultdict(list)
    reached: list[str] = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not _shell_name(
            function.name
        ):
            continue
        parameters = [
            a.arg for a in (*function.args.posonlyargs, *function.args.args) if a.arg not in ("self", "cls")
        ]
        for call in _calls(ast.Module(function.body, [])):
            if script.runs(call):
                parameter = _parameter_given(_command_of(call, script.runners), parameters)
                if parameter is not None and function.name not in found:
                    found[function.name] = parameter
                    reached.append(function.name)
                continue
            given: list[tuple[int | str, ast.expr]] = [*enumerate(call.args)]
            given += [(k.arg, k.value) for k in call.keywords if k.arg is not None]
            for where, value in given:
                parameter = _parameter_given(value, parameters)
                if parameter is not None:
                    handed_to[_called_name(call.func)].append((where, function.name, parameter))
    while reached:  # a function found runs the command its callers hand it where it takes its own
        name = reached.pop()
        callee = found[name]
        for where, caller, parameter in handed_to.pop(name, ()):
            size = callee.size + parameter.size
            if where in (callee.position, callee.name) and caller not in found and size <= _COMMAND_NODES:
                # the caller runs the callee's command with what it gives the callee's parameter (a command
                # built of more words than a script writes out is not followed: each call copies it)
                found[caller] = parameter._replace(command=callee.given(parameter.command), size=size)
                reached.append(caller)
    return found


def _parameter_given(given: ast.expr | None, parameters: list[str]) -> _Handed | None:
    """The parameter of a function that `given`, what one of its calls gives, is or builds a command of: the
    parameter itself, its words joined as one line (`" ".join(cmd)`), or a list of words with it and no other
    name (`["azure"] + args`, `["azure", *args]`); with its position among the parameters."""
    if isinstance(given, ast.Call) and _named(given.func, "join") and len(given.args) == 1:
        given = given.args[0]
    if isinstance(given, ast.Name) and given.id in parameters:
        return _Handed(parameters.index(given.id), given.id, given)
    if not isinstance(given, (ast.List, ast.Tuple, ast.BinOp)):
        return None
    nodes = list(ast.walk(given))
    named = {node.id for node in nodes if isinstance(node, ast.Name)}
    if len(named) != 1 or not named <= set(parameters):
        return None  # other names (`*args`, a local) hold what only the function's own read knows
    (name,) = named
    return _Handed(parameters.index(name), name, given, len(nodes))


def _called_name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


class _OptionList(NamedTuple):
    parameters: tuple[str, ...]
    tested: str
    words: tuple[ast.expr, ...]


def _option_lists(tree: ast.Module) -> dict[str, _OptionList]:
    """The script's functions that give an option with a value, or nothing where the value is empty:
    `return [flag, value] if value else []`, or `if value: return [flag, value]` then `return []`, the
    words strings or parameters, the value tested one of them. By name, for those defined once, at the
    script's top level."""
    found: dict[str, _OptionList] = {}
    defined: collections.Counter[str] = collections.Counter()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defined[node.name] += 1
            shape = _option_list(node) if isinstance(node, ast.FunctionDef) else None
            if shape is not None:
                found[node.name] = shape
    return {name: shape for name, shape in found.items() if defined[name] == 1}


def _option_list(function: ast.FunctionDef) -> _OptionList | None:
    """A function as `_option_lists` reads it, or None for any other."""
    args = function.args
    if args.vararg or args.kwarg or args.kwonlyargs or args.defaults or args.posonlyargs:
        return None
    parameters = tuple(a.arg for a in args.args)
    body = [s for s in function.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    chosen: tuple[ast.expr, ast.expr, ast.expr] | None = None
    if len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.IfExp):
        choice = body[0].value
        chosen = (choice.test, choice.body, choice.orelse)
    elif (
        len(body) == 2
        and isinstance(body[0], ast.If)
        and not body[0].orelse
        and len(body[0].body) == 1
        and isinstance(body[0].body[0], ast.Return)
        and body[0].body[0].value is not None
        and isinstance(body[1], ast.Return)
        and body[1].value is not None
    ):
        chosen = (body[0].test, body[0].body[0].value, body[1].value)
    if chosen is None:
        return None
    test, given, empty = chosen
    if not (isinstance(given, ast.List) and isinstance(empty, ast.List) and not empty.elts):
        return None
    words = tuple(given.elts)
    stated = all(
        (isinstance(w, ast.Name) and w.id in parameters) or isinstance(_string(w), str) for w in words
    )
    tested = test.id if isinstance(test, ast.Name) else ""
    if not stated or tested not in parameters or not any(_named(w, tested) for w in words):
        return None
    return _OptionList(parameters, tested, words)


def _function_names(tree: ast.Module) -> set[str]:
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _shell_name(node.name)
    }


def _calls(node: ast.AST) -> Iterator[ast.Call]:
    """The calls in `node`, not those of a function, lambda or class defined in it."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Call):
            yield current
        stack.extend(
            child
            for child in ast.iter_child_nodes(current)
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef))
        )


def _condition(test: ast.AST) -> str | None:
    """The shell's `true` or `false` for a test written as a literal (`if False:`, `if 0:`, `if True:`),
    which decides the `if` whatever the script is run with; None for any other."""
    holds = literal_truth(test)
    return None if holds is None else "true" if holds else "false"


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _builds_text(node: ast.expr, values: Mapping[str, ast.expr]) -> bool:
    """Whether an expression builds a string of parts the reader may know: a template filled in (`"app%s"
    % size`, `"app{}".format(size)`), an f-string, or parts joined with `+` one of which is a string (`"vm"
    + str(i)`, `PREFIX + "-" + size`, or `PREFIX + size` where `PREFIX` was last assigned one: `values`),
    so that `+` joins strings rather than adding numbers (`i + 1`)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        operands = [node.right]
        left = node.left
        while isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add):
            operands.append(left.right)
            left = left.left
        return any(
            _is_text(values.get(operand.id, operand) if isinstance(operand, ast.Name) else operand)
            for operand in (left, *operands)
        )
    return _is_text(node) and not isinstance(node, ast.Constant)


def _is_text(node: ast.expr) -> bool:
    """Whether an expression surely makes a string: one written out, an f-string, a template filled in,
    or `str(...)`."""
    return (
        (isinstance(node, ast.Constant) and isinstance(node.value, str))
        or isinstance(node, ast.JoinedStr)
        or (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)
        )
        or (isinstance(node, ast.Call) and _named(node.func, "format"))
        or (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str")
    )


def _stated_word(node: ast.AST) -> str | None:
    """The word a list's item states: a string's text, or, for `sys.executable` (the interpreter that runs
    the script, `[sys.executable, "tools/create.py"]`), a Python's name; None for any other."""
    return _PYTHON if dotted(node) == "sys.executable" else _string(node)


def _ends_the_script(node: ast.stmt, aliases: Mapping[str, str]) -> bool:
    """Whether a statement is a call that ends the script (`sys.exit(0)`, `exit()`, `os._exit(1)`, an exec),
    also under a name the script imports it by (`run` of `from os import execv as run`)."""
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and exit_name(node.value.func, aliases) in EXIT_CALLS
    )


def _named(func: ast.expr, name: str) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == name) or (
        isinstance(func, ast.Name) and func.id == name
    )


def _input_read(node: ast.AST) -> str | None:
    """What holds a value the script is run with, one value wherever read: an argument it reads by a
    number it writes out (`sys.argv[1]`), an environment variable by a name it writes out
    (`os.environ["PREFIX"]`, `os.getenv("PREFIX")`); None for any other expression. Two calls of a
    function given `sys.argv[1]` and `sys.argv[2]` are given two values, as a shell function given "$1"
    and "$2" is."""
    key: object = None
    if isinstance(node, ast.Subscript) and dotted(node.value) in ("sys.argv", "os.environ"):
        key = node.slice.value if isinstance(node.slice, ast.Constant) else None
        if dotted(node.value) == "sys.argv":
            return f"sys.argv[{key}]" if isinstance(key, int) and not isinstance(key, bool) else None
    elif (
        isinstance(node, ast.Call)
        and dotted(node.func) in ("os.getenv", "os.environ.get")
        and len(node.args) == 1
    ):
        key = _string(node.args[0])
    return f"${key}" if isinstance(key, str) and _shell_name(key) else None  # as bash's `$PREFIX`


def _template_text(node: ast.expr) -> str | None:
    """The text of a template the script fills in (`"..." % values`, `"...".format(...)`), or None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        template = node.left
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        template = node.func.value
    else:
        return None
    return _string(template)


# The methods that change a dict or list in place.
_CHANGING_METHODS = frozenset(
    {"update", "setdefault", "pop", "popitem", "clear", "append", "extend", "insert", "remove", "sort"}
)


def _tables_kept(tree: ast.Module) -> set[str]:
    """The names the script assigns once, by a plain `name = ...`, and never changes an item of (`name[k] =
    v`, `del name[k]`, `name.update(...)`) nor passes on whole (a function may change it): the dict, list
    or tuple it holds is the one written where it is assigned."""
    assigned: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned[target.id] = assigned.get(target.id, 0) + 1
    changed = _changed_names(tree)
    return {name for name, count in assigned.items() if count == 1 and name not in changed}


def _holder(node: ast.AST) -> str | None:
    """The name of what may hold a table or config object: a plain name (`cfg`), or an attribute of the
    object a method runs on (`self.config`); None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return f"self.{node.attr}"
    return None


def _changed_names(tree: ast.Module) -> set[str]:
    """The names (and `self.` attributes, see `_holder`) whose object the script may change: assigned to
    again in place, an item or attribute set or deleted, a changing method called on it, passed on whole
    to a call (see `_tables_kept`)."""
    changed: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            changed.add(_holder(node.target) or "")
        elif isinstance(node, (ast.Subscript, ast.Attribute)) and _changes_its_object(node):
            changed.add(_holder(node.value) or "")
        elif isinstance(node, ast.Call):
            changed.update(_holder(a) or "" for a in node.args)
    return changed


def _changes_its_object(node: ast.Subscript | ast.Attribute) -> bool:
    """Whether an item or attribute expression changes the object it is taken of: set or deleted
    (`cfg['k'] = v`, `cfg.vmname = v`, `del cfg.k`), or a changing method (`cfg.update(...)`)."""
    if isinstance(node.ctx, (ast.Store, ast.Del)):
        return True
    return isinstance(node, ast.Attribute) and node.attr in _CHANGING_METHODS


def _module_tables(tree: ast.Module, tables: set[str]) -> set[str]:
    """Of the tables the script never changes (`_tables_kept`), those the module's level assigns (in a
    `with` block too: `with open(...) as f: cfg = json.load(f)`), the names it imports from another
    module (`from config import configdict`) that nothing binds again nor changes, and the attributes a
    class's `__init__` sets once (`self.config = load_config()`, see `_set_once_in_init`): one object for
    every function that reads it."""
    assigned: set[str] = set()
    imported: set[str] = set()
    for statement in _module_level(tree.body):
        if isinstance(statement, ast.Assign):
            assigned.update(t.id for t in statement.targets if isinstance(t, ast.Name) and t.id in tables)
        elif isinstance(statement, ast.ImportFrom):
            imported.update(alias.asname or alias.name for alias in statement.names if alias.name != "*")
    bound = {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del))
    }
    changed = _changed_names(tree)
    return assigned | (imported - bound - changed) | (_set_once_in_init(tree) - changed)


def _module_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements the module's level runs each time, those of its `with` blocks too."""
    statements: list[ast.stmt] = []
    for statement in body:
        statements.extend(statement.body if isinstance(statement, (ast.With, ast.AsyncWith)) else [statement])
    return statements


def _set_once_in_init(tree: ast.Module) -> set[str]:
    """The `self.` attributes (`self.config`) a class's `__init__` assigns by a statement of its own body
    and nothing else in the script assigns: one object for each method reading it."""
    stores: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
            holder = _holder(node) or ""
            stores[holder] = stores.get(holder, 0) + 1
    in_init: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "__init__":
            for statement in node.body:
                if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                    in_init.add(_holder(statement.targets[0]) or "")
    return {holder for holder in in_init if holder.startswith("self.") and stores.get(holder) == 1}


def _split_line(call: ast.Call) -> ast.expr | None:
    """The line a `split` call splits: `shlex.split(line)`'s argument, `line.split()`'s (or
    `line.split(" ")`'s) string."""
    func = call.func
    if isinstance(func, ast.Attribute) and not (
        isinstance(func.value, ast.Name) and func.value.id == "shlex"
    ):
        return func.value
    return call.args[0] if call.args else None


def _unrolls(body: list[ast.stmt], rows: list[list[tuple[str, ast.expr]]]) -> bool:
    """Whether a loop over tuples is written once for each (see `_Script.unrolled`): a few turns of a body
    small enough that the script written stays within a bounded multiple of the script."""
    if len(rows) > _LOOP_TURNS:
        return False
    size = sum(1 for statement in body for _ in ast.walk(statement))
    return size * len(rows) <= _UNROLLED_NODES


def _rows(target: ast.expr, items: list[ast.expr] | None) -> list[list[tuple[str, ast.expr]]] | None:
    """For a loop over tuples the script writes out into as many names (`for name, ip in [("a", "1"),
    ...]`), each turn's names and values; None for any other loop."""
    if not isinstance(target, (ast.Tuple, ast.List)) or items is None:
        return None
    names = [t.id for t in target.elts if isinstance(t, ast.Name) and _shell_name(t.id)]
    if len(names) != len(target.elts):
        return None
    rows = []
    for item in items:
        if not isinstance(item, (ast.Tuple, ast.List)) or len(item.elts) != len(names):
            return None
        if any(isinstance(value, ast.Starred) for value in item.elts):
            return None
        rows.append(list(zip(names, item.elts, strict=True)))
    return rows


def _enumerated(target: ast.expr, iterated: ast.expr) -> list[list[tuple[str, ast.expr]]] | None:
    """For a loop over `enumerate` of items the script writes out into a count and an item (`for i, size in
    enumerate(["Small", "Medium"], 1)`), each turn's count (shown where its item is written) and item, as
    `_rows` gives them; None for any other loop, and for a start the script does not write out."""
    if not (
        isinstance(iterated, ast.Call)
        and isinstance(iterated.func, ast.Name)
        and iterated.func.id == "enumerate"
        and isinstance(target, ast.Tuple)
        and len(target.elts) == 2
        and all(isinstance(t, ast.Name) and _shell_name(t.id) for t in target.elts)
    ):
        return None
    given = [*iterated.args, *(k.value for k in iterated.keywords if k.arg == "start")]
    if len(given) not in (1, 2) or len(given) != len(iterated.args) + len(iterated.keywords):
        return None
    items, start = given[0], given[1] if len(given) == 2 else ast.Constant(0)
    if not isinstance(items, (ast.List, ast.Tuple)) or not isinstance(start, ast.Constant):
        return None
    first = start.value
    if (
        isinstance(first, bool)
        or not isinstance(first, int)
        or any(isinstance(i, ast.Starred) for i in items.elts)
    ):
        return None
    count, item = (t.id for t in target.elts if isinstance(t, ast.Name))
    return [
        [(count, ast.copy_location(ast.Constant(str(first + index)), value)), (item, value)]
        for index, value in enumerate(items.elts)
    ]


def _built_word(node: ast.expr) -> bool:
    """A string joined from others the script may state (`",".join([...])`, `"contoso-" + name`)."""
    return (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)) or (
        isinstance(node, ast.Call) and _named(node.func, "join")
    )


def _unstated(node: ast.expr) -> ast.Starred:
    """Words the script does not state, shown at `node`."""
    return _starred(ast.copy_location(ast.Constant(None), node))


def _starred(node: ast.expr) -> ast.Starred:
    """`*node`, where `node` is written: a part of a list whose items the script does not state."""
    return ast.copy_location(ast.Starred(node, ast.Load()), node)


def _slice_of(node: ast.expr) -> slice | None:
    """A slice by whole numbers the script writes out, counted from the start (`[1:]`, `[:3]`)."""
    if not isinstance(node, ast.Slice) or node.step is not None:
        return None
    start = whole_number(node.lower) if node.lower is not None else 0
    stop = whole_number(node.upper) if node.upper is not None else None
    if start is None or start < 0 or (node.upper is not None and (stop is None or stop < 0)):
        return None
    return slice(start, stop)


def _range_of(node: ast.expr) -> range | None:
    """The numbers `range(...)` gives when its bounds are written as whole numbers, however many: None for
    anything else."""
    if not (isinstance(node, ast.Call) and _named(node.func, "range") and 1 <= len(node.args) <= 3):
        return None
    bounds = [whole_number(argument) for argument in node.args]
    numbers = [bound for bound in bounds if bound is not None]
    if len(numbers) != len(bounds) or (len(numbers) == 3 and numbers[2] == 0):
        return None
    return range(*numbers)


def _copies_a_list(call: ast.Call) -> bool:
    """`list(x)`, `tuple(x)`: the items of `x`."""
    return isinstance(call.func, ast.Name) and call.func.id in ("list", "tuple") and len(call.args) == 1


def _shell_name(name: str) -> bool:
    """Whether a Python name is a name bash takes for a variable or function (ASCII only)."""
    return name.isascii() and name.isidentifier()


def _own(name: str) -> str:
    """A Python name as the shell script names it: apart from bash's own (`IFS`, `PATH`, `read`, `eval`),
    which the shell reader gives meanings of their own."""
    return f"{_OWN}{name}"


_OWN = "py_"


def _unstated_list(node: ast.AST) -> str:
    return f"migcheck_items_{getattr(node, 'lineno', 0)}"


def _python(node: ast.AST) -> str:
    """An expression as Python writes it, shortened to what a line of a plan shows."""
    text = ast.unparse(node)
    return text if len(text) <= 60 else text[:57] + "..."


# What may bind names the reader does not see: a star import, or code that sets them by name.
_BINDS_UNSEEN = frozenset({"exec", "eval", "globals", "locals", "vars", "setattr", "__import__"})
_MODULE_NAMES = frozenset({"__file__", "__name__", "__doc__", "__spec__", "__loader__", "__package__"})


def _never_bound(tree: ast.Module) -> frozenset[str]:
    """The names the script reads that nothing in it binds, anywhere (an assignment, a parameter, an
    import, a `def`, a loop's target, ...), nor Python's builtins: each read raises a NameError. Empty
    where something may bind names unseen (`from x import *`, `exec`, `globals()`)."""
    names = _names(tree)
    if names is None:
        return frozenset()
    read, bound = names
    return frozenset(read - bound - set(dir(builtins)) - _MODULE_NAMES)


def _str_kept(tree: ast.Module) -> bool:
    """Whether `str` is Python's own wherever the script reads it: nothing in the script binds the name,
    and nothing may bind it unseen (see `_never_bound`)."""
    names = _names(tree)
    return names is not None and "str" not in names[1]


def _names(tree: ast.Module) -> tuple[set[str], set[str]] | None:
    """The names the script reads and those it binds, anywhere (an assignment, a parameter, an import, a
    `def`, a loop's target, ...); None where something may bind names unseen (`from x import *`, `exec`,
    `globals()`)."""
    bound: set[str] = set()
    read: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
            if node.id in _BINDS_UNSEEN:
                return None
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if any(alias.name == "*" for alias in node.names):
                return None
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bound.update(node.names)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
    return read, bound
