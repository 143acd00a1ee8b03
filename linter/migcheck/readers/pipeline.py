"""CI pipelines' YAML (`discover.ci_pipeline`: Azure Pipelines, GitHub Actions, GitLab CI, Travis CI, AppVeyor,
Bitbucket Pipelines, CircleCI), whose steps ran the classic CLI and the classic cmdlets: each step's inline
script is read as the script it is, with the shell reader (`shell.CommandLines`, as an Ansible `shell:` task
is) or the PowerShell reader (`powershell.read_held`), each of its words shown where the YAML writes it.

A step's script is read by the shell it runs in:

- GitHub Actions `run:` with its `shell:` (the job's `defaults: run: shell:`, else PowerShell on a
  `runs-on:` Windows runner, else bash); CircleCI `run:` (a command, or `command:` with its `shell:`);
- Azure Pipelines `script:` and `bash:` (shell), `powershell:` and `pwsh:`, and the `AzurePowerShell@N` and
  `PowerShell@N` tasks' inline script (`inputs: Inline:`);
- the `script:` lists of GitLab CI, Travis CI, Bitbucket Pipelines and AppVeyor (and their other lists of
  commands: `before_script:`, `install:`, `build_script:`...), AppVeyor's `ps:`/`pwsh:` items as PowerShell.

A `cmd` script is read as a shell script runs the same command lines. A step's `env:` (and its job's and
the workflow's) states the script's variables where its values are written whole; a value the CI service
fills in (`${{ secrets.NAME }}`, `$(Build.Number)`) is one the file does not state, as it is in the script.

`AzureCloudPowerShellDeployment@1` (the classic Cloud Services deployment task) is read as the
`New-AzureDeployment` it runs: its `CsPkg` and `CsCfg` deployed to its `ServiceName`, in its `Slot`
(Production unless given), labelled `DeploymentLabel`, shown at its inputs.

The steps of one file are read in the order it writes them: the shell ones as one script (so `azure config
mode asm` holds for the steps after it), the PowerShell ones as another. `# migcheck: ignore[...]` comments
work as in an Ansible playbook: on the line above a step, or at the end of a line."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from typing import Any

from migcheck.model import Document, FileKind, FileProblem, Mark, Script
from migcheck.readers import ansible, shell
from migcheck.readers.xplat import HOLE

Node = Any  # a node PyYAML composes (see `readers.ansible`)
Place = tuple[int, int]

# What `check --verbose` says is read of a CI pipeline's file.
CI_PIPELINES_READ = (
    "GitHub Actions and CircleCI `run:` (in its `shell:`), Azure Pipelines `script:`, `bash:`, `powershell:`, "
    "`pwsh:` and the AzurePowerShell, PowerShell and AzureCloudPowerShellDeployment tasks, the `script:` lists "
    "of GitLab CI, Travis CI, Bitbucket Pipelines and AppVeyor (and its `ps:`); other steps are not read"
)
# The keys whose value is a shell script, or a list of command lines, in some CI service's pipeline.
_SHELL_KEYS = frozenset(
    {
        "script",
        "bash",
        "sh",
        "cmd",
        "before_script",
        "after_script",
        "install",
        "before_install",
        "after_success",
        "after_failure",
        "init",
        "build_script",
        "test_script",
        "deploy_script",
        "before_build",
        "after_build",
        "before_test",
        "after_test",
        "before_deploy",
        "after_deploy",
        "on_success",
        "on_failure",
        "on_finish",
    }
)
# The keys whose value is a PowerShell script: Azure Pipelines' `powershell:`/`pwsh:`, AppVeyor's `ps:`.
_POWERSHELL_KEYS = frozenset({"powershell", "pwsh", "ps"})
_POWERSHELLS = frozenset({"pwsh", "powershell"})
# The tasks (by name before `@`) that run their `Inline` input as a PowerShell script.
_POWERSHELL_TASKS = frozenset({"azurepowershell", "powershell"})
_CLOUD_DEPLOYMENT_TASK = "azurecloudpowershelldeployment"
# The task's inputs (its task.json, version 1) and the `New-AzureDeployment` parameters they are given as.
_CLOUD_DEPLOYMENT_INPUTS = (
    ("servicename", "-ServiceName"),
    ("cspkg", "-Package"),
    ("cscfg", "-Configuration"),
    ("slot", "-Slot"),
    ("deploymentlabel", "-Label"),
)
# How deep the walk follows mappings and lists: far deeper than any pipeline nests its steps.
_MOST_DEPTH = 64


def sniff(data: bytes) -> bool:
    """Whether a pipeline may use the classic tools: it names Azure (the CLI, the cmdlets, the tasks) or
    the Service Management API's host."""
    lowered = data.lower()
    return b"\x00" not in data and (b"azure" in lowered or b"management.core." in lowered)


@dataclass
class _Held:
    """A script's text built of the file's characters and of a few the reader writes, with where each is
    shown (the line and column the file writes it at)."""

    text: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def add(self, text: str, places: list[Place] | Place) -> None:
        self.text.append(text)
        self.places += places if isinstance(places, list) else [places] * len(text)

    def joined(self) -> str:
        return "".join(self.text)


@dataclass
class _Step:
    """What one step runs: a script in the shell (`powershell` False) or in PowerShell."""

    node: Node
    powershell: bool
    env: dict[str, tuple[Node, Node]]
    lines: tuple[Node, ...] = ()  # a list of command lines, each a scalar
    script: _Held | None = None  # a script the reader writes (the cloud deployment task's call)


def read(path: str, data: bytes) -> Document:
    import yaml  # type: ignore[import-untyped]

    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    try:
        roots = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return ansible.read_playbook(path, data)  # says where the YAML breaks, as for any YAML file
    walk = _Walk(len(data))
    for root in roots:
        if root is not None:
            walk.node(root, _Context({}, None), 0)
    spans = [(step.node.start_mark.line + 1, step.node.end_mark.line + 1) for step in walk.steps]
    suppressions, marked = ansible.suppressions(path, text, spans)
    resources, problem, others = _read_steps(path, text, walk.steps, len(data))
    name = posixpath.basename(path)
    resources = tuple(
        replace(r, called=f"CI pipeline '{name}'") if isinstance(r, Script) else r for r in resources
    )
    if not resources and problem is None:
        return Document(path, None, "", (), suppressions, marked, text=text)
    kind = FileKind.POWERSHELL if all(step.powershell for step in walk.steps) else FileKind.SHELL
    return Document(path, kind, "", resources, suppressions, marked, problem, text=text, functions_run=others)


def _read_steps(
    path: str, text: str, steps: list[_Step], size: int
) -> tuple[tuple[object, ...], FileProblem | None, tuple[tuple[str, str], ...]]:
    """The resources the steps' scripts describe, the shell ones read as one script and the PowerShell ones
    as another; why PowerShell would refuse its script, if it would."""
    shell_steps = [step for step in steps if not step.powershell]
    resources: tuple[object, ...] = ()
    others: tuple[tuple[str, str], ...] = ()
    if shell_steps:
        resources = shell.run_commands(path, size, lambda lines: _run_shell(lines, path, shell_steps))
    held = _Held()
    for step in steps:
        if step.powershell:
            _add_powershell(held, step)
    if not held.text:
        return resources, None, others
    document = powershell_read(path, held, text.splitlines())
    return resources + document.resources, document.problem, document.functions_run


def powershell_read(path: str, held: _Held, file_lines: list[str]) -> Document:
    from migcheck.readers import powershell

    return powershell.read_held(path, held.joined(), held.places, file_lines)


# --- the walk --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What the mappings around a step give it: the variables their `env:` states, and the shell their
    `defaults:` or runner (`runs-on:`) runs `run:` steps in."""

    env: dict[str, tuple[Node, Node]]
    shell: str | None


class _Walk:
    """Every step of the file, in the order it writes them; each node looked at once (an alias is not
    walked again), and no more nodes than the file's size warrants."""

    def __init__(self, size: int) -> None:
        self.steps: list[_Step] = []
        self.seen: set[int] = set()
        self.budget = 4 * size + 1_000

    def node(self, node: Node, context: _Context, depth: int) -> None:
        if id(node) in self.seen or depth > _MOST_DEPTH or self.budget <= 0:
            return
        self.seen.add(id(node))
        self.budget -= 1
        if node.id == "sequence":
            for item in node.value:
                self.node(item, context, depth + 1)
        elif node.id == "mapping":
            self.mapping(node, context, depth)

    def mapping(self, node: Node, context: _Context, depth: int) -> None:
        entries = {key.value: value for key, value in node.value if _scalar(key)}
        self.budget -= len(entries)
        context = _within(entries, context)
        read = self.step(node, entries, context)
        for key, value in entries.items():
            if key not in read and key != "env":
                self.node(value, context, depth + 1)

    def step(self, node: Node, entries: dict[str, Node], context: _Context) -> set[str]:
        """The step a mapping is, if it is one (added to `steps`); the keys read as its scripts."""
        read = set()
        for key, value in entries.items():
            powershell = self.runs_powershell(key, entries, context)
            if powershell is None:
                continue
            if key == "run" and value.id == "mapping":  # CircleCI: `run: {command: ..., shell: ...}`
                given = {k.value: v for k, v in value.value if _scalar(k)}
                command = given.get("command")
                value = command if command is not None else value
                powershell = _shell_is_powershell(given.get("shell"), context)
            lines = _lines(value)
            if lines:
                self.steps.append(_Step(node, powershell, context.env, lines))
                read.add(key)
        task = entries.get("task")
        if (
            task is not None
            and _scalar(task)
            and self.task(node, task.value.partition("@")[0], entries, context)
        ):
            read.add("inputs")
        return read

    @staticmethod
    def runs_powershell(key: str, entries: dict[str, Node], context: _Context) -> bool | None:
        """Whether a key's script runs in PowerShell (False: in the shell); None for a key of no script."""
        if key == "run":
            return _shell_is_powershell(entries.get("shell"), context)
        if key in _POWERSHELL_KEYS:
            return True
        return False if key in _SHELL_KEYS else None

    def task(self, node: Node, name: str, entries: dict[str, Node], context: _Context) -> bool:
        """An Azure Pipelines task that runs PowerShell or deploys a classic cloud service, added to
        `steps`; whether its inputs were read so (those of another task are walked as any mapping, so a
        `Bash@3` task's `script:` is read as a shell script)."""
        name = name.strip().lower()
        inputs = entries.get("inputs")
        given = (
            {k.value.lower(): v for k, v in inputs.value if _scalar(k)}
            if inputs is not None and _mapping(inputs)
            else {}
        )
        if name in _POWERSHELL_TASKS:
            inline = given.get("inline") or given.get("script")
            if inline is not None and _scalar(inline):
                self.steps.append(_Step(node, True, context.env, (inline,)))
            return True
        if name == _CLOUD_DEPLOYMENT_TASK:
            self.steps.append(
                _Step(node, True, context.env, script=_cloud_deployment(entries["task"], given))
            )
            return True
        return False


def _within(entries: dict[str, Node], context: _Context) -> _Context:
    """The context of a mapping's values: with its `env:` entries, and the shell its `defaults:` or its
    Windows runner gives `run:` steps."""
    env = entries.get("env")
    if env is not None and _mapping(env):
        context = _Context(
            {**context.env, **{k.value: (k, v) for k, v in env.value if _scalar(k) and _scalar(v)}},
            context.shell,
        )
    defaults = entries.get("defaults")
    run = _entry(defaults, "run") if _mapping(defaults) else None
    stated = _entry(run, "shell") if _mapping(run) else None
    if stated is not None and _scalar(stated):
        return _Context(context.env, stated.value)
    runner = entries.get("runs-on")
    if runner is not None and _scalar(runner) and "windows" in runner.value.lower():
        return _Context(context.env, "pwsh")
    return context


def _entry(node: Node, name: str) -> Node | None:
    return next((v for k, v in node.value if _scalar(k) and k.value == name), None)


def _shell_is_powershell(stated: Node | None, context: _Context) -> bool:
    shell_name = stated.value if stated is not None and _scalar(stated) else context.shell
    return (shell_name or "bash").split(" ", 1)[0].lower() in _POWERSHELLS


def _lines(value: Node) -> tuple[Node, ...]:
    """A script written as one scalar, or a list of command lines, each a scalar."""
    if _scalar(value):
        return (value,) if value.value.strip() else ()
    if value.id == "sequence":
        return tuple(item for item in value.value if _scalar(item) and item.value.strip())
    return ()


def _cloud_deployment(task: Node, given: dict[str, Node]) -> _Held:
    """`New-AzureDeployment` of the task's package and configuration into its service, each value shown at
    its input, the call at the task's name."""
    held = _Held()
    at = _place(task)
    held.add("New-AzureDeployment", at)
    slot = given.get("slot")
    if slot is None:
        held.add(" -Slot 'Production'", at)
    for name, parameter in _CLOUD_DEPLOYMENT_INPUTS:
        value = given.get(name)
        if value is not None and _scalar(value):
            held.add(f" {parameter} ", _place(value))
            _add_quoted(held, value)
    held.add("\n", at)
    return held


# --- the shell's scripts ---------------------------------------------------------------------------------


def _run_shell(lines: shell.CommandLines, path: str, steps: list[_Step]) -> None:
    for step in steps:
        for name, (key, value) in step.env.items():
            if _stated(value.value) and name.isidentifier():
                held = _Held()
                held.add(f"{name}=", _place(key))
                _add_quoted(held, value, shell_quotes=True)
                _run(lines, path, held)
        for node in step.lines:
            held = _Held()
            held.add(node.value, ansible.places(node, node.value))
            _run(lines, path, held)


def _run(lines: shell.CommandLines, path: str, held: _Held) -> None:
    """A script, each expression the CI service fills in (`${{ ... }}`) a value the file does not state."""
    text = held.joined()
    line = ansible.HeldLine(path)
    holes: list[tuple[str | None, Any]] = []
    start = 0
    for opened, closed in _expressions(text):
        line.add(text[start:opened], held.places[start:opened])
        place = held.places[opened] if opened < len(held.places) else (1, 1)
        filled = f"{HOLE}-{len(holes)}-"
        holes.append((text[opened:closed], Mark(path, place[0], column=place[1])))
        line.add(filled, [place] * len(filled))
        start = closed
    line.add(text[start:], held.places[start:])
    lines.run_line("".join(line.pieces), line.anchors, holes)


def _expressions(text: str) -> list[tuple[int, int]]:
    """Where each `${{ ... }}` starts and ends (past its `}}`); one never closed runs to the end."""
    found, start = [], 0
    while (opened := text.find("${{", start)) != -1:
        closed = text.find("}}", opened + 3)
        end = len(text) if closed == -1 else closed + 2
        found.append((opened, end))
        start = end
    return found


# --- PowerShell's scripts --------------------------------------------------------------------------------


def _add_powershell(held: _Held, step: _Step) -> None:
    for name, (key, value) in step.env.items():
        if _stated(value.value) and name.isidentifier():
            held.add(f"$env:{name} = ", _place(key))
            _add_quoted(held, value)
            held.add("\n", _place(key))
    if step.script is not None:
        held.add(step.script.joined(), step.script.places)
    for node in step.lines:
        _add_expressions_as_variables(held, node.value, ansible.places(node, node.value))
        held.add("\n", _place(node))


def _add_expressions_as_variables(held: _Held, text: str, places: list[Place]) -> None:
    """The script's text, each `${{ ... }}` the CI service fills in written as a variable no line assigns
    (`${secrets.NAME}`), whose value the file does not state."""
    start = 0
    for opened, closed in _expressions(text):
        held.add(text[start:opened], places[start:opened])
        place = places[opened] if opened < len(places) else (1, 1)
        name = text[opened + 3 : closed - 2].strip().replace("}", "").replace("{", "") or "expression"
        held.add("${" + name + "}", place)
        start = closed
    held.add(text[start:], places[start:])


def _add_quoted(held: _Held, value: Node, shell_quotes: bool = False) -> None:
    """A value as one quoted word, each of its characters shown where the file writes it; one the CI
    service fills in (`$(Build.Number)`, `${{ ... }}`) as a value the file does not state."""
    text: str = value.value
    places = ansible.places(value, text)
    if not _stated(text):  # a variable no line assigns, named by what the service fills in
        name = "".join(c for c in text if c not in "${}()[] '\"") or "value"
        held.add("${" + name + "}", _place(value))
        return
    held.add("'", _place(value))
    for character, place in zip(text, places, strict=False):
        quoted = "'\\''" if shell_quotes else "''"
        held.add(quoted if character == "'" else character, place)
    held.add("'", places[-1] if places else _place(value))


def _stated(text: str) -> bool:
    """Whether a value is written whole: none of it is filled in by the CI service."""
    return "$(" not in text and "${{" not in text and "$[" not in text


def _place(node: Node) -> Place:
    quoted = 1 if node.id == "scalar" and node.style in ("'", '"') else 0
    return node.start_mark.line + 1, node.start_mark.column + 1 + quoted


def _scalar(node: Node | None) -> bool:
    return node is not None and node.id == "scalar"


def _mapping(node: Node | None) -> bool:
    return node is not None and node.id == "mapping"
