"""Ansible playbooks and task files (`.yml`, `.yaml`) that run the classic cross-platform CLI (`command: azure
vm create ...`) or use Ansible's classic `azure` module (up to Ansible 2.x), read into the resources a shell
script running the same commands describes: each command line goes through the shell reader
(`shell.CommandLines`), each word shown where the playbook writes it.

The file is composed with PyYAML's safe loader into nodes with their positions, never into Python objects
(no tag is followed), and an alias is never walked twice (a billion laughs costs what its text does). A play's
`pre_tasks`, `tasks`, `post_tasks` and (as tasks that may run) `handlers` are read in that order, as is a task
file's list; a `block`'s tasks, its `rescue` as tasks that may run, its `always`. A task runs the CLI by
`command:`, `shell:` or `raw:` (free form, or `cmd:`/`argv:` in the module's arguments or `args:`), by
`local_action:` or `action:` naming one of those modules, with `when:` as a condition the reader cannot decide
(but a literal: `when: false`, `"False"` or `no` never runs the task, its calls creating nothing, as code
under PowerShell's `if ($false)`; `when: true` runs it surely), in the folder its `chdir:` names (as after
a `cd`), and with `loop:`/`with_items:` once per item of a list written out (an item written as a mapping
gives `item.<key>`, also read as `item['key']`; once, standing for one or more, over a list it does not
write out); `with_dict:` once per entry of a mapping written
out (`item.key`, `item.value`), `with_nested:` once per combination of lists written out (`item[0]`,
`item.1`), and the other `with_<lookup>:` loops (`with_subelements:`...) over items the file does not write
out. A Jinja expression (`{{ dnsname }}`) is the literal string the play's `vars:` (over them, the task's own
`vars:`) give it (or builds of others: `svc: "{{ prefix }}-svc"`, built again of a task's `vars:` while it
runs, as Ansible renders it where it is used; a `set_fact:` once), else a value the file does not state, as a
shell script's `$VAR` is (one with an empty default, `{{ vnet | default('') }}`, or `default(omit)` of a
module's option, may be empty, as `${VNET:-}` is; through `upper`, `lower`, `trim`, `replace('a', 'b')` or
`default('x')` it is the text they give, through any other filter one not stated); a task's registered
result (`register: out`, `{{ out.stdout }}`, also one an included file registers) is one not stated, said
as an unread part where a classic command reads it (`REGISTERED_OUTPUT`). A finding about a value a loop's item gives is shown at the item where a word starts
with it, as a shell loop's is.

A task that includes a task file (`include_tasks:`, `import_tasks:`, the old `include:`; from the folder of the
file that includes it, a role's `tasks/`, or the playbook's) or a role (`roles:`, `include_role:`,
`import_role:`: `roles/<name>/` beside the playbook, its `tasks/main.yml`) runs those tasks there, with the
play's values and the task's `vars:`; the play's values are its `vars:`, its `vars_files:`, `include_vars:`
(of a file, or of each file of a folder, `dir:`), a role's `defaults/main.yml` (below every other) and
`vars/main.yml`, and `set_fact:` (a value built of others is one not stated from there). A file is included as a settings file is loaded (`readers.beside`: a checked
file, inside the root, reached through no symbolic link), never within itself, at most `_INCLUDE_DEPTH`
files deep. A task file is also checked on its own, with values it does not know: its classic calls are
reported there, once, and what that read creates is left out where a checked playbook includes the file
(`Document.functions_run`, `TASK_FILE`), as a sourced shell file's function run at a call is.

The classic `azure` module describes the VM it creates (`name`, also its cloud service's and deployment's,
`virtual_network_name` (no subnet: the module gives none), `role_size`,
`endpoints`: 22 unless given, whatever `os_type`), read as `azure vm create` with those values, its OS disk
in `storage_account` (`vhds/<name>-<name>-<the day it runs>.vhd`, a blob name the file does not state all
of); `state: absent` deletes it. `# migcheck: ignore[MIG601] reason` on the line before a task
(or at the end of a line) suppresses findings as in scripts; one inside a task, above a key of it (its
`shell:` after its `name:`), covers that task too."""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from migcheck import automation
from migcheck.automation import ANSIBLE_VM, ANSIBLE_VM_ABSENT
from migcheck.model import (
    REFUSED_MODULE_OPTION,
    REGISTERED_OUTPUT,
    DirectiveComment,
    Document,
    FileKind,
    FileProblem,
    Mark,
    Script,
    Suppression,
)
from migcheck.readers import beside, shell
from migcheck.readers.suppressions import directive, line_comment_text, starts_like_directive
from migcheck.readers.xplat import HOLE, Word

# A node PyYAML composes (`yaml.nodes.Node`: `id`, `value`, `tag`, `style`, `start_mark`, `end_mark`).
Node = Any

# The modules that run a command line, by every name a task may give them.
_COMMAND_MODULES = frozenset(
    f"{prefix}{module}"
    for prefix in ("", "ansible.builtin.", "ansible.legacy.")
    for module in ("command", "shell", "raw")
)
_ACTIONS = frozenset({"local_action", "action"})
# The Windows modules that run a PowerShell script on the host (`win_shell:`, whose default executable is
# PowerShell; `win_powershell:`'s `script:`), and the one that runs a program with its arguments and no
# shell (`win_command:`), read as `command:` is (`powershell.exe -Command "..."`, `pwsh -File x.ps1 ...`).
_WINDOWS_MODULES = frozenset(
    f"{prefix}{module}"
    for prefix in ("", "ansible.windows.", "ansible.builtin.", "ansible.legacy.")
    for module in ("win_shell", "win_command", "win_powershell")
)
# The module that sends an HTTP request (`uri:`): one to the Service Management API is read as curl sending it.
_URI_MODULES = frozenset(f"{prefix}uri" for prefix in ("", "ansible.builtin.", "ansible.legacy."))
_CLASSIC_MODULE = "azure"
_TASK_LISTS = ("pre_tasks", "tasks", "post_tasks")
_LOOPS = ("loop", "with_items", "with_list")
# The lookups a task loops over by `with_<lookup>:`, beside `_LOOPS`: each item of a dict written out, of the
# product of lists written out (`item[0]`, `item[1]`); otherwise over items the file does not write out.
_LOOKUP_LOOPS = (
    *("with_dict", "with_nested", "with_cartesian", "with_subelements", "with_together", "with_flattened"),
    *("with_indexed_items", "with_sequence", "with_fileglob", "with_lines"),
)
# At most this many runs of a task over a product of lists written out; more runs it once, for all.
_MOST_RUNS = 1_000
# What a file met in a walk must hold to be read: a key that runs a command line, then `azure` and a blank,
# within a few lines (`shell: |` on the line before); or a task of the classic module, whose key is `azure:`
# alone on its line (its options below it: `azure_rm_*` and `azure.azcollection.*` are Resource Manager's), or
# `module: azure`.
_CLI_KEYS = (b"command", b"shell:", b"raw:", b"local_action:", b"action:", b"cmd:", b"argv:")
_LOOK_BACK = 200
# What a command line that runs a script file of the repository holds: its extension, or `-m` of a module.
_SCRIPT_FILE_HINTS = (b".sh", b".ps1", b".py", b"-m ")
# The keys a request to the API follows: a command line's, or the `uri` module's `url:`.
_REQUEST_KEYS = (*_CLI_KEYS, b"url:")
# What makes a `uri` task's request to a URL the play does not state one that may go to the API.
_URI_API_HINTS = (b"client_cert:", b"src:", b"mgmt", b"management")
_AFTER_AZURE = frozenset(b" \t\r\n,]'\"")
_MODULE_KEY = b"azure:"
_MODULE_ARGUMENT = b"module: azure"
# What may follow the module's key on its line: its options on the lines below, or a flow mapping.
_KEY_ENDS = frozenset(b"\r\n#{")
# What a playbook that runs the tasks of other files holds (those files may run the classic CLI).
# What a Go template (a Helm chart's) calls, which Jinja has no function of (`{{ include "x" . }}`),
# and the fields it reads (`{{ .Values.x }}`), which no Jinja expression starts with.
_GO_TEMPLATE_CALLS = (
    *(b"{{ include ", b"{{- include ", b"{{ template ", b"{{- template "),
    *(b"{{ .", b"{{- .", b"{{.", b"{{-."),
)
_INCLUDE_HINTS = (
    b"include:",
    b"include_tasks",
    b"import_tasks",
    b"include_role",
    b"import_role",
    b"roles:",
)
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
# A condition written as a literal, as Ansible's Jinja takes it (`when: "False"`, `when: 0`): whether it holds.
_LITERAL_CONDITIONS = {"True": True, "true": True, "1": True, "False": False, "false": False, "0": False}
# The tasks that run the tasks of another file here, and those that run a role's (`roles/<name>/tasks/main.yml`).
_INCLUDES = frozenset(
    f"{prefix}{module}"
    for prefix in ("", "ansible.builtin.", "ansible.legacy.")
    for module in ("include", "include_tasks", "import_tasks")
)
_ROLE_INCLUDES = frozenset(
    f"{prefix}{module}"
    for prefix in ("", "ansible.builtin.", "ansible.legacy.")
    for module in ("include_role", "import_role")
)
_SET_FACT = frozenset({"set_fact", "ansible.builtin.set_fact", "ansible.legacy.set_fact"})
_INCLUDE_VARS = frozenset({"include_vars", "ansible.builtin.include_vars", "ansible.legacy.include_vars"})
# At most this many characters in a value built of others (`{{ a }}{{ a }}` nested): past it, not stated.
_MOST_BUILT = 10_000
# A task file's own read marks what it creates as read once in this name: a playbook that includes the file
# runs its tasks with the play's values, and what the read with values it does not know made is left out.
TASK_FILE = "tasks"
# How deep included files are followed (a task file including another, a role's tasks including theirs).
_INCLUDE_DEPTH = 4


class _TooMuch(Exception):
    """The playbook needs more work than its size warrants (aliases of lists given again and again)."""


def sniff(data: bytes) -> bool:
    """Whether a `.yml` file met in a walk may be a playbook that runs the classic CLI or module."""
    if b"\x00" in data:
        return False
    return (
        _mentions_classic(data) or any(hint in data for hint in _INCLUDE_HINTS) or _runs_a_script_file(data)
    )


def _runs_a_script_file(data: bytes) -> bool:
    """Whether a task may run a script file of the repository (`shell: bash scripts/migrate.sh hub-vnet`,
    `python3 tools/create.py websvc`), which is read where it runs with the words given it."""
    return any(key in data for key in _CLI_KEYS) and any(kind in data for kind in _SCRIPT_FILE_HINTS)


def _mentions_classic(data: bytes) -> bool:
    """Whether the file itself may run the classic CLI or module (not only include files that do), or an
    `az` command the shell reader reads (`az cloud-service create`, as a CI pipeline's step is read for),
    or a Windows module's PowerShell what the PowerShell reader reads (`win_shell: New-AzureService ...`,
    `win_shell: Set-AzSecurityPricing ...`)."""
    return (
        _names_the_module(data)
        or (b"win_" in data and _may_run_powershell_read(data))
        or _runs_the_cli(data)
        or _requests_the_api(data)
        or (any(key in data for key in _CLI_KEYS) and shell.may_run_an_az_command_read(data))
    )


def _may_run_powershell_read(data: bytes) -> bool:
    """Whether a Windows module's PowerShell may be what the PowerShell reader reads: the file names the API or
    a classic tool (`automation.names_the_api`), or what a `.ps1` file met in a walk is read for (`powershell.sniff`:
    a cloud service of extended support created, the Defender plan set)."""
    from migcheck.readers import powershell

    return automation.names_the_api(data) or powershell.sniff(data)


def _runs_the_cli(data: bytes) -> bool:
    """Whether `azure` and a blank follow a key that runs a command line within a few lines."""
    start = 0
    while (at := data.find(b"azure", start)) != -1:
        start = at + 5
        if data[start : start + 1] and data[start] in _AFTER_AZURE:
            head = data[max(0, at - _LOOK_BACK) : at]
            if any(key in head for key in _CLI_KEYS):
                return True
    return False


def _requests_the_api(data: bytes) -> bool:
    """Whether the Service Management API's host follows a key that runs a command line within a few lines
    (`shell: curl -X POST ... https://management.core.windows.net/...`: a request, see `shell_requests`),
    or the file names it anywhere and has a `uri` task (its `url:` may be built of a variable set above)."""
    lowered = data.lower()
    if b"management.core." in lowered and b"uri:" in lowered:
        return True
    if _may_request_the_api(data, lowered):
        return True
    start = 0
    while (at := lowered.find(b"management.core.", start)) != -1:
        start = at + 1
        if any(key in lowered[max(0, at - _LOOK_BACK) : at] for key in _REQUEST_KEYS):
            return True
    return False


def _may_request_the_api(data: bytes, lowered: bytes) -> bool:
    """Whether a task may send a request to the API at a URL the play does not state, as the shell reader
    finds one in a script (`shell.may_send_to_the_api`): curl or wget run by a command, or a `uri` task with
    a client certificate (`client_cert:`), a body file (`src:`), or a URL held by a name of the API
    (`{{ mgmt_url }}`)."""
    if shell.may_send_to_the_api(data):
        return True
    return b"uri:" in lowered and any(hint in lowered for hint in _URI_API_HINTS)


def _names_the_module(data: bytes) -> bool:
    """Whether a line holds the classic module's key (`azure:`, `- azure:`, then its options or `{`) or
    `module: azure` (`local_action:`'s). Each byte is looked at a bounded number of times."""
    start = 0
    while (at := data.find(_MODULE_KEY, start)) != -1:
        start = at + len(_MODULE_KEY)
        if _starts_a_key(data, at) and _ends_the_key(data, start):
            return True
    start = 0
    while (at := data.find(_MODULE_ARGUMENT, start)) != -1:
        start = at + len(_MODULE_ARGUMENT)
        if _ends_the_key(data, start):
            return True
    return False


def _starts_a_key(data: bytes, at: int) -> bool:
    """Whether only blanks and a list item's dash stand before `at` on its line."""
    before = at - 1
    while before >= 0 and data[before] in b" \t":
        before -= 1
    if before >= 0 and data[before] == ord("-"):
        before -= 1
        while before >= 0 and data[before] in b" \t":
            before -= 1
    return before < 0 or data[before] in b"\r\n"


def _ends_the_key(data: bytes, at: int) -> bool:
    """Whether the text from `at` is blanks, then the line's end, a comment or a flow mapping."""
    while at < len(data) and data[at] in b" \t":
        at += 1
    return at == len(data) or data[at] in _KEY_ENDS


def ci_pipeline_file(path: str, data: bytes) -> bool:
    """Whether the file is read as a CI pipeline's (`pipeline`), not as a playbook: by its name
    (`discover.ci_pipeline`), or an Azure Pipelines file by its keys, whatever its name."""
    from migcheck.discover import ci_pipeline
    from migcheck.readers import pipeline

    return ci_pipeline(path) or pipeline.azure_pipelines_content(data)


def sniff_file(path: str, data: bytes) -> bool:
    """`sniff`, or for a CI pipeline's file (`ci_pipeline_file`), whether its steps may use the classic
    tools (`pipeline.sniff`)."""
    from migcheck.readers import pipeline

    if ci_pipeline_file(path, data):
        return pipeline.sniff(data)
    return sniff(data)


def too_large(path: str, data: bytes) -> tuple[str, str]:
    """What a file past the size limit is called in its finding, and what of it goes unread, a CI
    pipeline's (by its name or keys) apart from a playbook's."""
    if ci_pipeline_file(path, data[: 64 * 1024]):
        return "CI pipelines", "none of its jobs' steps is read"
    return "Ansible playbooks and task files", "none of its tasks is read"


def read(path: str, data: bytes) -> Document:
    """The file as a playbook or task file, or, a CI pipeline's (by its name, or an Azure Pipelines file by
    its keys), as the scripts of its steps (`pipeline`)."""
    from migcheck.readers import pipeline

    if ci_pipeline_file(path, data):
        return pipeline.read(path, data)
    return read_playbook(path, data)


def read_playbook(path: str, data: bytes) -> Document:
    return _read(path, data)[0]


def task_spans(path: str, data: bytes) -> list[tuple[int, int]]:
    """The first and last line (from 1) of each task of the playbook or task file that runs a classic
    command: a suppression comment on a line of its own covers the one that starts on the next line."""
    return _read(path, data)[1]


def _read(path: str, data: bytes) -> tuple[Document, list[tuple[int, int]]]:
    import yaml  # type: ignore[import-untyped]

    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    try:
        roots = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError) as error:
        if not _runs_the_cli(data) and any(call in data for call in _GO_TEMPLATE_CALLS):
            # A Helm chart's template (`{{ include "name" . }}`, `{{ .Values.azure }}`), met for the word
            # `include:` or a key `azure:` in it, is no YAML until rendered, and no playbook: nothing to report.
            return Document(path, None, "", text=text), []
        refuser = _refuser(path, data)
        if isinstance(error, yaml.MarkedYAMLError):
            problem = _syntax(path, error, refuser)
        elif isinstance(error, RecursionError):
            problem = _too_deep(path, text)
        else:
            problem = _problem(str(error), Mark(path, 1, column=1), refuser)
        return Document(path, FileKind.SHELL, "", problem=problem, text=text), []
    spans: list[tuple[int, int]] = []
    ran: list[shell.CommandLines] = []

    def program(lines: shell.CommandLines) -> None:
        ran.append(lines)
        _Playbook(path, len(data), lines, spans).read(roots)

    resources = _called(path, roots, shell.run_commands(path, data, program))
    others = ran[-1].functions_run() if ran else ()
    refused = ran[-1].refused if ran else None
    suppressions, marked = _suppressions(path, text, spans)
    if not resources and refused is None:
        return Document(path, None, "", (), suppressions, marked, text=text), spans
    document = Document(
        path, FileKind.SHELL, "", resources, suppressions, marked, refused, text=text, functions_run=others
    )
    return document, spans


def _called(path: str, roots: list[Node], resources: tuple[object, ...]) -> tuple[object, ...]:
    """`resources` with the file's script called what it is: a playbook, or a task file (a role's, by its
    role: `roles/<role>/tasks/<file>`)."""
    name = posixpath.basename(path)
    if _plays_in(roots):
        called = f"Ansible playbook '{name}'"
    else:
        parts = posixpath.normpath(path).split("/")
        role = parts[-3] if len(parts) >= 4 and parts[-4] == "roles" and parts[-2] == "tasks" else ""
        called = f"Ansible task file '{name}'" + (f" of role '{role}'" if role else "")
    return tuple(replace(r, called=called) if isinstance(r, Script) else r for r in resources)


def _refuser(path: str, data: bytes) -> str:
    """Who refuses the file whose YAML breaks: the CI service, for a pipeline's (read here when its own
    reader cannot compose it), else Ansible."""
    if ci_pipeline_file(path, data[: 64 * 1024]):
        return "the CI service refuses the pipeline as it is and runs none of its jobs"
    return "Ansible refuses the file as it is"


def _syntax(path: str, error: Any, refuser: str) -> FileProblem:
    mark = error.problem_mark
    at = Mark(path, mark.line + 1, column=mark.column + 1) if mark is not None else Mark(path, 1, column=1)
    return _problem(str(error.problem or error.context or "cannot be read"), at, refuser)


def _problem(what: str, at: Mark, refuser: str) -> FileProblem:
    return FileProblem(
        "syntax",
        f"the YAML file cannot be read here: {what}",
        at,
        "Fix the YAML where it breaks (an indentation, a quote or a bracket left open, a `: ` inside a plain "
        f"value): {refuser}.",
    )


# How deep a file's lists and mappings nest where its MIG001 says they go deeper than migcheck follows
# (`_too_deep`): the composer's recursion stops some 300 levels down; the place is looked for no deeper,
# since PyYAML's scanner spends time on each token for each flow level open (5,000 `[` nested: 60 s).
_SHOWN_DEPTH = 100


def _too_deep(path: str, text: str) -> FileProblem:
    """A file whose lists and mappings nest deeper than the composer's recursion follows: valid YAML, so said
    where they first nest past `_SHOWN_DEPTH`, not as YAML that breaks."""
    return FileProblem(
        "syntax",
        f"the YAML file nests lists and mappings more than {_SHOWN_DEPTH} levels deep from here, deeper than "
        "migcheck follows, so it is not read",
        _nested_past(path, text, _SHOWN_DEPTH),
        "Write the value that nests so deep flatter (a few levels of lists or mappings, the rest in a variable "
        "or a file of its own), so that the file is read.",
    )


def _nested_past(path: str, text: str, limit: int) -> Mark:
    """Where the first list or mapping more than `limit` levels deep starts (else the file's start). PyYAML's
    parser is a state machine, not a recursion, so its events are walked at any depth; a syntax error before
    that depth ends the walk."""
    import yaml

    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    return Mark(path, event.start_mark.line + 1, column=event.start_mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return Mark(path, 1, column=1)


class _Playbook:
    """Walks a playbook's plays and tasks in the order Ansible runs them, handing each command to `lines`."""

    def __init__(self, path: str, size: int, lines: shell.CommandLines, spans: list[tuple[int, int]]) -> None:
        self.path = path  # the file walked now: the playbook's, or one it includes
        self.playbook = path
        self.lines = lines
        self.seen: set[int] = set()  # the nodes walked: an alias of one is not walked again
        self.stated: dict[str, tuple[str, Mark]] = {}  # the play's `vars:` that are literal strings
        # The variables built of others that Ansible renders where they are used (`vars:`, not
        # `set_fact:`), by name, and for each name the variables built of it: a task's `vars:` that give
        # one of those names give them another text while it runs.
        self.templates: dict[str, Node] = {}
        self.built_of: dict[str, set[str]] = {}
        # The results tasks register (`register: out`), by name: what a command printed, known only on a run.
        self.registered: dict[str, Mark] = {}
        self.said: set[Mark] = set()  # the uses of a registered result said as unread parts, once each
        self.looped: set[str] = set()  # the names a loop states now (`item`, `item.n`): shown at the item
        self.spans = spans  # the lines of each task that runs a command, for its suppression comments
        self.spans.clear()
        # The nodes the walk may look at, in proportion to the file's size: aliases may give one list to
        # many tasks, each looking at it whole.
        self.budget = 8 * size + 10_000
        self.folder = ""  # the folder of the file walked now, from the playbook's
        # A `shell:` task's command is read now: the shell refuses one bash cannot parse (`_line`).
        self.in_shell = False
        self.role_tasks = (
            ""  # the `tasks/` folder of the role whose tasks are walked now, from the playbook's
        )
        self.walking: list[str] = []  # the files included now, outermost first: none is included again
        self.budgeted: set[str] = set()  # the files included so far, each adding its size to the budget

    def read(self, roots: list[Node]) -> None:
        """Every play and task of the file; what is past the work its size warrants is not read."""
        try:
            self._read(roots)
        except _TooMuch:
            return

    def spend(self, steps: int = 1) -> None:
        self.budget -= steps
        if self.budget < 0:
            raise _TooMuch

    def _read(self, roots: list[Node]) -> None:
        if not _plays_in(roots):  # a task file, which a playbook may include: see `TASK_FILE`
            self.lines.read_once(TASK_FILE)
        self._walk(roots)

    def _walk(self, roots: list[Node]) -> None:
        """The plays and tasks of the file read."""
        for root in roots:
            for item in self._items(root):
                entries = self._entries(item)
                if entries is None:
                    continue
                if "hosts" in entries or any(key in entries for key in (*_TASK_LISTS, "roles")):
                    self._play(entries)
                else:
                    self._task(item, entries)

    def _play(self, entries: dict[str, Node]) -> None:
        self.stated, self.templates, self.built_of = {}, {}, {}
        self._state(entries.get("vars"))
        if "vars_files" in entries:
            for item in self._items(entries["vars_files"]):
                self._vars_file(item)
        self.lines.in_own_process(functools.partial(self._play_tasks, entries))

    def _play_tasks(self, entries: dict[str, Node]) -> None:
        """A play's tasks, its roles' and its handlers, each with the play's `environment:`."""
        self._environment(entries.get("environment"))
        for key in _TASK_LISTS:
            if key == "tasks" and "roles" in entries:  # a play's roles run after its pre_tasks
                for item in self._items(entries["roles"]):
                    self._play_role(item)
            if key in entries:
                self._tasks(entries[key])
        if "handlers" in entries:
            handlers = entries["handlers"]
            self.lines.may_run(lambda: self._tasks(handlers))

    def _state(self, node: Node | None, only_new: bool = False, prefix: str = "", lazy: bool = True) -> None:
        """The literal strings a mapping of variables gives (a play's `vars:`, a vars file, `set_fact:`,
        `include_vars:`, each name after `prefix`): a value built of others (`{{ prefix }}-svc`) is the text
        they give it, where each is a variable stated or built so (`_Resolution`), else one not stated.
        `only_new`: a role's defaults, which give way to every value already stated. `lazy`: Ansible
        renders the values built of others where they are used (`vars:`), not once (`set_fact:`)."""
        before = dict(self.stated)
        self.spend(len(before))
        templates: dict[str, Node] = {}
        for name, value in (self._entries(node) or {} if node is not None else {}).items():
            name = prefix + name
            if only_new and name in before:
                continue
            self.registered.pop(name, None)
            self.stated.pop(name, None)
            self.templates.pop(name, None)
            if _is_scalar(value) and value.tag != _NULL:
                if "{{" in value.value:
                    templates[name] = value
                else:
                    self.stated[name] = (value.value, self._mark(value))
        _Resolution(self, templates, before).resolve()
        if lazy:
            for name, value in templates.items():
                self.templates[name] = value
                for opened, closed in _expressions(value.value):
                    self.built_of.setdefault(_root_name(value.value[opened + 2 : closed].strip()), set()).add(
                        name
                    )

    def _rendered_anew(self, given: set[str]) -> dict[str, Node]:
        """The variables built, at any remove, of one of `given` (`svc: "{{ tier }}-svc"` of `tier`), which
        a task's `vars:` giving those names render anew while it runs; none of `given` itself."""
        found: dict[str, Node] = {}
        waiting = list(given)
        while waiting:
            for name in self.built_of.get(waiting.pop(), ()):
                node = self.templates.get(name)
                if node is not None and name not in found and name not in given:
                    self.spend()
                    found[name] = node
                    waiting.append(name)
        return found

    def _state_all(self, roots: list[Node], prefix: str = "") -> None:
        for root in roots:
            self._state(root, prefix=prefix)

    def _include_vars(self, value: Node) -> None:
        """`include_vars: file.yml` (`file:`, and `name:` for the variable that holds them all): the file's
        variables, as a vars file's; in a role's tasks, from the role's `vars/` first."""
        given = self._entries(value) or {}
        name = given.get("name")
        prefix = (
            f"{name.value}." if name is not None and _is_scalar(name) and name.value.isidentifier() else ""
        )
        if "dir" in given:
            self._include_vars_dir(given, prefix)
            return
        stated = value if _is_scalar(value) else given.get("file") or given.get("_raw_params")
        if stated is None or not _is_scalar(stated) or not stated.value.strip():
            return
        walk = functools.partial(self._state_all, prefix=prefix)
        self._in_file(stated.value.strip(), walk, role_folder="vars")  # a role's from its `vars/`

    def _include_vars_dir(self, given: dict[str, Node], prefix: str) -> None:
        """`include_vars: {dir: vars/}`: the variables of each YAML or JSON file the run checks inside the
        folder (a role's from its `vars/`, its own `main.yml` left out; else from the folder of the file
        walked now), at most `depth:` folders deep (0: all), loaded as Ansible loads them: folder by
        folder in order of their paths, each one's files by name, a later one's value over an earlier's.
        Where `files_matching:`, `ignore_files:`, `extensions:` or `depth:` is one migcheck does not read
        (a pattern past plain text, `.*`, `^` and `$`), any file may be loaded or not: the variables each
        gives are values not stated."""
        folder = given["dir"]
        if not _is_scalar(folder) or not folder.value.strip() or "{{" in folder.value:
            return
        choice = _DirChoice.of(given, in_role=bool(self.role_tasks))
        base, listed = self._listed_dir(folder.value.strip().rstrip("/") or "/")
        state = self._state_all if choice.known else self._unstate_all
        walk = functools.partial(state, prefix=prefix)
        for path in sorted(listed, key=posixpath.split):
            if choice.loads(posixpath.relpath(path, base)):
                self._in_file(path, walk, top=True)

    def _listed_dir(self, stated: str) -> tuple[str, list[str]]:
        """The folder `include_vars: dir:` names (from the playbook's folder) and the files the run checks
        in it: a role's `vars/<dir>` (or `<dir>` in the role, when it starts with `vars/` and has files);
        else the one beside the file walked now."""
        if self.role_tasks:
            role = posixpath.dirname(self.role_tasks)
            bases = [posixpath.join(role, "vars", stated)]
            if stated == "vars" or stated.startswith("vars/"):
                bases.insert(0, posixpath.join(role, stated))
        else:
            bases = [posixpath.join(self.folder, stated)]
        for base in bases:
            base = posixpath.normpath(base)
            listed = beside.files_under(base)
            if listed:
                self.spend(len(listed) + 1)
                return base, listed
        return "", []

    def _unstate_all(self, roots: list[Node], prefix: str = "") -> None:
        """The variables a file that may or may not be loaded gives: from here each is a value not stated."""
        for root in roots:
            for name in self._entries(root) or {}:
                self.stated.pop(prefix + name, None)
                self.registered.pop(prefix + name, None)

    def _defaults(self, roots: list[Node]) -> None:
        for root in roots:
            self._state(root, only_new=True)

    def _vars_file(self, node: Node) -> None:
        """A `vars_files:` entry: the file, beside the playbook, whose variables the play states."""
        if _is_scalar(node):
            self._in_file(node.value, self._state_all)

    def _play_role(self, node: Node) -> None:
        """A play's `roles:` entry: the role's name, or a mapping with `role:` (or `name:`) and its `vars:`."""
        if _is_scalar(node):
            self._role(node.value, None)
            return
        entries = self._entries(node) or {}
        name = entries.get("role") or entries.get("name")
        if name is not None and _is_scalar(name):
            self._role(name.value, entries.get("vars"))

    def _role(self, name: str, given: Node | None) -> None:
        """The role `name` beside the playbook (`roles/<name>/`): its defaults, its variables, the variables
        the play gives it, then its tasks (`tasks/main.yml`), which include others from that folder."""
        if not name or "{{" in name or "/" in name or "\\" in name:
            return
        folder = f"roles/{name}"
        self._in_file(
            f"{folder}/defaults/main.yml",
            self._defaults,
            top=True,
        )
        self._in_file(f"{folder}/vars/main.yml", self._state_all, top=True)
        was, self.role_tasks = self.role_tasks, f"{folder}/tasks"
        try:
            with self._given(given):
                self._in_file(f"{folder}/tasks/main.yml", self._included_tasks, top=True)
        finally:
            self.role_tasks = was

    def _include(self, key: str, value: Node, entries: dict[str, Node]) -> None:
        """`include_tasks: tasks/create.yml` (`import_tasks:`, `include:` with words after the path, `file:`
        in a mapping), or `include_role:` with `name:`: its tasks run here, with the task's `vars:`."""
        given = self._entries(value) or {}
        if key in _ROLE_INCLUDES:
            name = given.get("name")
            if name is not None and _is_scalar(name):
                self._role(name.value, entries.get("vars"))
            return
        stated = value if _is_scalar(value) else given.get("file") or given.get("_raw_params")
        if stated is None or not _is_scalar(stated) or not stated.value.split():
            return
        with self._given(entries.get("vars")):
            self._in_file(stated.value.split()[0], self._included_tasks)

    @contextlib.contextmanager
    def _given(self, node: Node | None) -> Iterator[None]:
        """While an included file's tasks run: the variables the task gives them (`vars:`) stated, as a
        task's own are (`_own_vars`): what the file registers or sets (`register:`, `set_fact:`) stays."""
        with self._own_vars(node):
            yield

    def _included_tasks(self, roots: list[Node]) -> None:
        """An included file's tasks; a playbook (the old `include:` of one) is read on its own, not here."""
        if _plays_in(roots):
            return
        for root in roots:
            self._tasks(root)

    def _in_file(
        self, stated: str, walk: Callable[[list[Node]], None], top: bool = False, role_folder: str = "tasks"
    ) -> None:
        """`walk` over the YAML of the file at `stated` (from the folder of the file walked now, a role's
        `tasks/` (`role_folder`), or the playbook's; `top`: only the playbook's), when it is one to read
        (`beside`), is not being walked already, and files are not included deeper than `_INCLUDE_DEPTH`:
        the marks of its values point there, its classic calls are its own check's to report."""
        if "{{" in stated or len(self.walking) >= _INCLUDE_DEPTH:
            return
        role = posixpath.join(posixpath.dirname(self.role_tasks), role_folder) if self.role_tasks else ""
        folders = [""] if top else list(dict.fromkeys([role or self.folder, self.folder, ""]))
        for folder in folders:
            settings = beside.settings_file(posixpath.join(folder, stated))
            if settings is not None:
                break
        else:
            return
        if settings.path in self.walking or settings.path == self.playbook:
            return
        roots = beside.values_of(settings, _composed)
        if roots is None:
            return
        if settings.path not in self.budgeted:
            self.budgeted.add(settings.path)
            self.budget += 8 * len(settings.data) + 10_000
        self.spend(len(settings.data) + 1)
        with self._walking(settings.path):
            walk(roots)

    @contextlib.contextmanager
    def _walking(self, path: str) -> Iterator[None]:
        """While the file `path` is walked: marks point there, its nodes are walked afresh (another include
        of it runs its tasks again), and its tasks' lines are none of the playbook's."""
        saved = self.path, self.folder, self.seen
        self.path, self.seen = path, set()
        self.folder = posixpath.relpath(
            posixpath.dirname(path) or ".", posixpath.dirname(self.playbook) or "."
        )
        self.walking.append(path)
        try:
            with self.lines.in_file(path, TASK_FILE):
                yield
        finally:
            self.walking.pop()
            self.path, self.folder, self.seen = saved

    def _tasks(self, node: Node) -> None:
        for item in self._items(node):
            entries = self._entries(item)
            if entries is not None:
                self._task(item, entries)

    def _task(self, node: Node, entries: dict[str, Node]) -> None:
        if not self._first_visit(node):
            return

        def body() -> None:
            self._environment(entries.get("environment"))
            self._task_body(node, entries)

        def once() -> None:
            with self._own_vars(entries.get("vars")):
                # each task's command runs in a process of its own: what one sets, the next does not see
                self.lines.in_own_process(body)
            self._register(entries)

        def conditional() -> None:
            holds = self._holds(entries["when"]) if "when" in entries else True
            if holds is None:
                self.lines.may_run(once)
            elif holds:
                once()
            else:  # `when: false`: Ansible skips the task on every run
                self.lines.never_runs(once)

        key = next((key for key in (*_LOOPS, *_LOOKUP_LOOPS) if key in entries), None)
        if key is None:
            conditional()
            return
        loop, name = entries[key], self._loop_variable(entries)
        runs = self._runs(key, loop, name)
        if runs is None:
            self.lines.each_unlisted(name, _written(loop), self._bound({name: None}, conditional))
            return
        for first, parts in runs:
            self.lines.each(name, [first], self._bound(parts, conditional))

    def _environment(self, given: Node | None) -> None:
        """The environment variables a play's or task's `environment:` gives the commands of its tasks
        (`SVC: "{{ svc }}"`: `$SVC` in a `shell:` line, `$env:SVC` in a PowerShell script it runs)."""
        for name, value in (self._entries(given) or {}).items() if given is not None else ():
            if _is_scalar(value) and name.isidentifier():
                word = self._word(value)
                self.lines.state(name, word.text, word.mark, word.holder)
                self.lines.export(name)

    def _holds(self, when: Node) -> bool | None:
        """Whether a task's `when:` holds whatever the play is run with: each of its conditions (one, or a
        list, all of which must hold) a literal (YAML's `false` or `no`, Jinja's `False` or `0`); None where
        one is any other."""
        conditions = list(when.value) if when.id == "sequence" else [when]
        self.spend(len(conditions) + 1)
        known = [_literal_condition(condition) for condition in conditions]
        if False in known:
            return False
        return True if known and all(known) else None

    @contextlib.contextmanager
    def _own_vars(self, node: Node | None) -> Iterator[None]:
        """While a task runs: the variables its own `vars:` give, over the play's; after it, each of those
        names is what it was before, unless the task (or a file it includes) registered or set it anew:
        Ansible keeps a registered result and a `set_fact:` for the rest of the play."""
        given = self._entries(node) if node is not None else None
        if not given:
            yield
            return
        anew = self._rendered_anew(set(given))
        names = [*given, *anew]
        saved = {name: (self.stated.get(name), self.registered.get(name)) for name in names}
        templates = {name: self.templates.get(name) for name in given}
        self._state(node)
        for name in anew:  # each built again of the task's values: Ansible renders it where it is used
            self.stated.pop(name, None)
        _Resolution(self, anew, dict(self.stated)).resolve()
        gave = {name: (self.stated.get(name), self.registered.get(name)) for name in names}
        try:
            yield
        finally:
            for name, (stated, registered) in saved.items():
                if not _unchanged((self.stated.get(name), self.registered.get(name)), gave[name]):
                    continue  # registered or set while the task ran: it stays
                self.stated.pop(name, None)
                self.registered.pop(name, None)
                if stated is not None:
                    self.stated[name] = stated
                if registered is not None:
                    self.registered[name] = registered
                if name in templates:
                    self.templates.pop(name, None)
                    if templates[name] is not None:
                        self.templates[name] = templates[name]

    def _register(self, entries: dict[str, Node]) -> None:
        """`register: out`: from here `out` is the task's result (`out.stdout`), a value the file does not
        state, whatever the play's variables give that name."""
        named = entries.get("register")
        if named is not None and _is_scalar(named) and named.value.strip().isidentifier():
            name = named.value.strip()
            self.stated.pop(name, None)
            self.registered[name] = self._mark(named)

    def _registered(self, expression: str, at: Mark) -> bool:
        """Whether `expression` reads a task's registered result (`out.stdout`, `out.stdout_lines[0]`): its use
        written at `at` is said as an unread part, once, where the playbook writes it."""
        root = _root_name(expression)
        if root not in self.registered:
            return False
        if not self.walking and at not in self.said:  # an included file's uses are its own check's to say
            self.said.add(at)
            self.lines.unread(replace(at, tag=REGISTERED_OUTPUT))
        return True

    def _runs(self, key: str, loop: Node, name: str) -> list[tuple[Word, dict[str, Word | None]]] | None:
        """Each run of a looping task: the item's word, and what the run states (`item`, `item.key` and
        `item.value`, `item[0]`...); None for a loop over items the file does not write out."""
        if key in _LOOPS:
            return self._item_runs(loop, name)
        if key == "with_dict":
            return self._dict_runs(loop, name)
        if key in ("with_nested", "with_cartesian"):
            return self._product_runs(loop, name)
        return None

    def _item_runs(self, loop: Node, name: str) -> list[tuple[Word, dict[str, Word | None]]] | None:
        """`loop:`/`with_items:` over a list written out: a run per item, `item` its word, or, for an item
        written as a mapping (`{n: fe1, set: as-a}`), each of its fields (`item.n`, also read as
        `item['n']`) its word; None for a list not written out, or an item of lists."""
        if loop.id != "sequence":
            return None
        self.spend(len(loop.value) + 1)
        runs: list[tuple[Word, dict[str, Word | None]]] = []
        for item in loop.value:
            if _is_scalar(item):
                word = self._item_word(item)
                runs.append((word, {name: word}))
                continue
            fields = self._entries(item)
            if fields is None:
                return None
            parts: dict[str, Word | None] = {name: None}
            for key, value in fields.items():
                parts[f"{name}.{key}"] = self._item_word(value) if _is_scalar(value) else None
            runs.append((Word(None, self._mark(item), holder=f"${name}"), parts))
        return runs

    def _dict_runs(self, loop: Node, name: str) -> list[tuple[Word, dict[str, Word | None]]] | None:
        """`with_dict:` over a mapping written out: a run per entry, `item.key` its key, `item.value` its
        value where that is a word."""
        if loop.id != "mapping":
            return None
        self.spend(len(loop.value) + 1)
        runs: list[tuple[Word, dict[str, Word | None]]] = []
        for key, value in loop.value:
            if not _is_scalar(key):
                return None
            word = self._word(key)
            runs.append(
                (
                    word,
                    {f"{name}.key": word, f"{name}.value": self._word(value) if _is_scalar(value) else None},
                )
            )
        return runs

    def _product_runs(self, loop: Node, name: str) -> list[tuple[Word, dict[str, Word | None]]] | None:
        """`with_nested:` over lists written out: a run per combination, `item[0]` (or `item.0`) its first."""
        if loop.id != "sequence":
            return None
        lists = [self._listed(each) for each in loop.value]
        if not lists or any(items is None for items in lists):
            return None
        count = 1
        for items in lists:
            count *= len(items or ())
            if count > _MOST_RUNS:
                return None
        runs: list[tuple[Word, dict[str, Word | None]]] = []
        for combination in itertools.product(*(items or () for items in lists)):
            parts: dict[str, Word | None] = {}
            for index, word in enumerate(combination):
                parts[f"{name}[{index}]"] = parts[f"{name}.{index}"] = word
            runs.append((combination[0], parts))
        self.spend(len(runs) * len(lists))
        return runs

    def _bound(self, parts: dict[str, Word | None], run: Callable[[], None]) -> Callable[[], None]:
        """`run` with each of the loop's `parts` (`item`, `item.key`) stated as its word's text (a word the
        file does not state, or None: not stated)."""

        def bound() -> None:
            saved = {name: self.stated.pop(name, None) for name in parts}
            looped = self.looped
            self.looped = looped | parts.keys()
            for name, item in parts.items():
                if item is not None and item.text is not None:
                    self.stated[name] = (item.text, item.mark)
            try:
                with self._rendered_with({_root_name(name) for name in parts}):
                    run()
            finally:
                self.looped = looped
                for name, was in saved.items():
                    self.stated.pop(name, None)
                    if was is not None:
                        self.stated[name] = was

        return bound

    @contextlib.contextmanager
    def _rendered_with(self, given: set[str]) -> Iterator[None]:
        """While a loop's turn runs: the variables built of its item (a play's `svc: "contoso-{{ item }}"`),
        rendered with the turn's values, as Ansible renders them where they are used; after it, each is
        what it was before, unless the turn registered or set it anew."""
        anew = self._rendered_anew(given)
        if not anew:
            yield
            return
        saved = {name: self.stated.pop(name, None) for name in anew}
        _Resolution(self, anew, dict(self.stated)).resolve()
        gave = {name: self.stated.get(name) for name in anew}
        try:
            yield
        finally:
            for name, was in saved.items():
                if self.stated.get(name) is not gave[name] or name in self.registered:
                    continue  # registered or set while the turn ran: it stays
                self.stated.pop(name, None)
                if was is not None:
                    self.stated[name] = was

    def _loop_variable(self, entries: dict[str, Node]) -> str:
        control = self._entries(entries["loop_control"]) if "loop_control" in entries else None
        named = (control or {}).get("loop_var")
        return (
            named.value if named is not None and _is_scalar(named) and named.value.isidentifier() else "item"
        )

    def _listed(self, loop: Node) -> list[Word] | None:
        """The items a loop's list writes out, each a word (a Jinja one as a value not stated); None when
        the list is not written out (`"{{ nodes }}"`) or holds more than words."""
        if loop.id != "sequence":
            return None
        self.spend(len(loop.value) + 1)
        if not all(_is_scalar(item) for item in loop.value):
            return None
        return [self._item_word(item) for item in loop.value]

    def _item_word(self, node: Node) -> Word:
        """A loop's item (or a field of one) as a word: its text, or a Jinja one as a value not stated."""
        text = node.value if "{{" not in node.value else None
        return Word(text, self._mark(node), exact=node.style is None, holder=_holder(node.value))

    def _task_body(self, node: Node, entries: dict[str, Node]) -> None:
        if "block" in entries:
            self._tasks(entries["block"])
            if "rescue" in entries:
                rescue = entries["rescue"]
                self.lines.may_run(lambda: self._tasks(rescue))
            if "always" in entries:
                self._tasks(entries["always"])
            return
        args = self._entries(entries["args"]) if "args" in entries else None
        for key, value in entries.items():
            if key in _INCLUDES or key in _ROLE_INCLUDES:
                self._include(key, value, entries)
                return
            if key in _SET_FACT:
                self._state(value, lazy=False)
                return
            if key in _INCLUDE_VARS:
                self._include_vars(value)
                return
        for key, value in entries.items():
            ran = False
            if key in _COMMAND_MODULES:
                self.in_shell = key.rpartition(".")[2] == "shell"
                ran = self._command(value, args or {})
                self.in_shell = False
            elif key in _ACTIONS:
                ran = self._action(value, args or {})
            elif key in _WINDOWS_MODULES:
                ran = self._windows_command(key, value, args or {})
            elif key in _URI_MODULES:
                ran = self._uri(value, args or {}, self._mark(_key_node(node, key)))
            elif key == _CLASSIC_MODULE:  # shown at its key, `azure:`, not at the task's first line
                ran = self._classic_module(value, self._mark(_key_node(node, key)))
            if ran and not self.walking:  # an included file's lines are its own
                # A block mapping ends where the next token starts: at the start of a line after its own.
                last = node.end_mark.line + (1 if node.end_mark.column else 0)
                self.spans.append((node.start_mark.line + 1, max(last, node.start_mark.line + 1)))

    def _command(self, value: Node, args: dict[str, Node], skip: int = 0) -> bool:
        """A command module's arguments: its free form (`command: azure ...`), or `cmd:`/`argv:` in them or
        in the task's `args:`; run in the folder `chdir:` names (see `_folder`)."""
        given = {**args, **(self._entries(value) or {})} if not _is_scalar(value) else args
        chdir = given.get("chdir")
        if chdir is None:
            return self._command_in_folder(value, given, skip)
        with self.lines.in_folder(self._folder(chdir)):
            return self._command_in_folder(value, given, skip)

    def _folder(self, chdir: Node) -> str | None:
        """The folder a task's `chdir:` runs its command in, from the file's: one stated relative to it,
        or to the playbook's (`{{ playbook_dir }}/../shared`, in the playbook itself); None for an absolute
        path (the machine's, not one of the files checked) or one the file does not state."""
        if not _is_scalar(chdir):
            return None
        text: str = chdir.value.strip()
        opened = next(iter(_expressions(text)), None)
        if opened is not None and opened[0] == 0 and text[2 : opened[1]].strip() == "playbook_dir":
            text = "." + text[opened[1] + 2 :] if not self.walking else ""
        if not text or "{{" in text or text.startswith(("/", "~")):
            return None
        folder = posixpath.normpath(text)
        return "" if folder == "." else folder

    def _command_in_folder(self, value: Node, given: dict[str, Node], skip: int) -> bool:
        if _is_scalar(value) and value.value.strip():
            return self._line(value, skip)
        argv = given.get("argv")
        if argv is not None and argv.id == "sequence":
            self.spend(len(argv.value) + 1)
            words = [self._word(item) for item in argv.value if _is_scalar(item)]
            if words:
                self.lines.run_words(words)
                return True
        for key in ("cmd", "_raw_params", "free_form"):
            if key in given and _is_scalar(given[key]):
                return self._line(given[key])
        return False

    def _windows_command(self, module: str, value: Node, args: dict[str, Node]) -> bool:
        """A Windows module's script, read as PowerShell (`run_powershell`): `win_shell:`'s free form or
        `cmd:` (not with `executable:` another shell, `cmd`), `win_powershell:`'s `script:`; and
        `win_command:`'s command line, a program and its arguments run with no shell, as `command:`'s is
        (`powershell.exe -Command "..."`, `pwsh -File x.ps1`)."""
        given = {**args, **(self._entries(value) or {})} if not _is_scalar(value) else args
        executable = given.get("executable")
        if executable is not None and not (
            _is_scalar(executable) and executable.value.strip().casefold() in shell.POWERSHELLS
        ):
            return False
        if module.endswith("win_command"):  # a program and its arguments, no shell: as `command:` runs one
            return self._command(value, given)
        if module.endswith("win_powershell"):
            script = given.get("script")
        else:
            script = value if _is_scalar(value) else given.get("cmd") or given.get("_raw_params")
        if script is None or not _is_scalar(script) or not script.value.strip():
            return False
        chdir = given.get("chdir")  # the folder the script runs in, as for `command:` (see `_folder`)
        if chdir is None:
            self._powershell(script)
            return True
        with self.lines.in_folder(self._folder(chdir)):
            self._powershell(script)
        return True

    def _powershell(self, node: Node) -> None:
        """A PowerShell script written in a scalar: its Jinja expressions filled in as Ansible renders them
        before the host runs it (a literal the play states, else a variable no line assigns, a value not
        stated), each character shown where the file writes it."""
        value: str = node.value
        self.spend(len(value) + 1)
        places = _places(node, value)
        text, at_places, filled = "", list[tuple[int, int]](), list[tuple[int, int]]()
        start = 0
        for opened, closed in _expressions(value):
            text += value[start:opened]
            at_places += places[start:opened]
            at = places[opened] if opened < len(places) else (at_places[-1] if at_places else (1, 1))
            line, _, holes, _ = self._filled(value[opened : closed + 2], [at] * (closed + 2 - opened))
            if holes:  # not stated: a variable no line assigns, named after what the expression reads
                line = _unassigned(value[opened + 2 : closed])
                filled.append((len(text), len(text) + len(line)))
            text += line
            at_places += [at] * len(line)
            start = closed + 2
        text += value[start:]
        at_places += places[start:]
        self.lines.run_powershell(text, at_places, filled)

    def _action(self, value: Node, args: dict[str, Node]) -> bool:
        """`local_action: command azure ...` (the module's name, then its free form), or `local_action:` with
        `module: command` and its arguments."""
        if _is_scalar(value):
            module, _, rest = value.value.lstrip().partition(" ")
            if module not in _COMMAND_MODULES:
                return False
            return self._command(value, args, skip=len(value.value) - len(rest))
        entries = self._entries(value) or {}
        module = entries.get("module")
        if module is None or not _is_scalar(module):
            return False
        if module.value == _CLASSIC_MODULE:
            return self._classic_module(value, self._mark(module))
        if module.value in _URI_MODULES:
            return self._uri(value, args, self._mark(module))
        if module.value not in _COMMAND_MODULES:
            return False
        return self._command(value, args)

    # --- requests the `uri` module sends -------------------------------------------------------------

    def _uri(self, value: Node, args: dict[str, Node], at: Mark) -> bool:
        """A `uri:` task (`url:`, `method:`, a body from `src:` or written in `body:`), read as the request
        `curl -X <method> -T <src> --data-raw <body> <url>` sends (`shell_requests`): one to the Service
        Management API is a classic call, a migration step, a change, as in a shell script. Its method is
        GET where the task states none, as the module's is."""
        given = {**args, **(self._entries(value) or {})}
        url = given.get("url")
        if url is None or not _is_scalar(url):
            return False
        method = given.get("method")
        words = [
            _text("curl", at),
            *_option("-X", self._word(method) if _is_scalar(method) else _text("GET", at)),
        ]
        certificate = given.get("client_cert")
        if certificate is not None and _is_scalar(certificate):  # a management certificate, as curl's --cert
            words += _option("--cert", self._word(certificate))
        src = given.get("src")
        if src is not None and _is_scalar(src):
            words += _option("-T", self._word(src))
        body = given.get("body")
        if body is not None and _is_scalar(body) and src is None:
            words += _option("--data-raw", self._body_word(body))
        self.lines.run_words([*words, self._built_word(url)])
        return True

    def _body_word(self, node: Node) -> Word:
        """A `uri` task's `body:` as one word, each character shown where the file writes it (a REST body's
        elements at their own lines and columns, past a block's indentation and a quoted string's
        escapes), where the play writes its text whole."""
        word = self._word(node)
        if word.text is None or word.text != node.value or "<" not in word.text:
            return word
        places = _places(node, word.text)
        path = self.path

        def placed(offset: int) -> Mark:
            line, column = (
                places[min(offset, len(places) - 1)] if places else (word.mark.line, word.mark.column)
            )
            return Mark(path, line, column=column)

        return replace(word, exact=False, placed=placed)

    def _built_word(self, node: Node) -> Word:
        """A scalar as one word, as `_word` gives it, or, built of text and Jinja expressions the play
        states each of (`"{{ api }}/services/hostedservices"`), the text they build."""
        word = self._word(node)
        if word.text is not None or not _is_scalar(node):
            return word
        value: str = node.value
        built, _, holes, _ = self._filled(value, _places(node, value))
        if not holes:
            return Word(built, word.mark)
        # The text it builds, each value the play does not state a hole (`Word.shape`): what of a URL's path
        # it states tells whether it may be the Service Management API's (`automation.may_be_api_path`).
        return replace(word, shape=_holes_as_shape(built))

    # --- the classic `azure` module ------------------------------------------------------------------

    def _classic_module(self, value: Node, at: Mark) -> bool:
        """The classic module's VM: created as `azure vm create` with its values (`state: absent`: deleted as
        `azure vm delete`), its calls named as the module's."""
        given = self._entries(value)
        if given is None:
            return False
        undeclared = next((key for key in given if key not in _MODULE_OPTIONS), None)
        if undeclared is not None:
            # Ansible refuses the whole task: said where the option is written, and nothing is created.
            if not self.walking:  # an included file's task is said by that file's own check
                self.lines.unread(
                    replace(self._mark(_key_node(value, undeclared)), tag=REFUSED_MODULE_OPTION + undeclared)
                )
            return True
        state = given.get("state")
        words = {key: self._word(node) for key, node in given.items() if _is_scalar(node)}
        subscription = words.get("subscription_id")
        if subscription is not None:  # the module works in it, as `azure account set <id>` makes the CLI
            self.lines.azure([_text("account", at), _text("set", at), subscription], at)
        name = words.get("name") or Word(None, at, holder="name")
        # The module names the cloud service, its deployment and the VM alike, `name`.
        service = name
        if state is not None and _is_scalar(state) and state.value == "absent":
            self._module_call(
                ANSIBLE_VM_ABSENT, [_text("vm", at), _text("delete", at), name, *_option("-d", service)], at
            )
            return True
        command = [_text("vm", at), _text("create", at), service]
        for key in ("image", "user", "password"):
            command.append(words.get(key) or Word(None, at, holder=key))
        command += _option("-n", name)
        for key, option in _VM_OPTIONS:
            if key in words:
                command += _option(option, words[key])
        account = words.get("storage_account")
        if account is not None:
            command += _option("-u", _os_disk_blob(account, name))
        self._module_call(ANSIBLE_VM, command, at)
        endpoints = words.get("endpoints")
        for port in _ports(endpoints) if endpoints is not None else [Word("22", at)]:
            endpoint = [_text("vm", at), _text("endpoint", at), _text("create", at), name, port, port]
            self._module_call(ANSIBLE_VM, [*endpoint, *_option("-d", service)], at)
        return True

    def _module_call(self, name: str, words: list[Word], at: Mark) -> None:
        if self.lines.azure(words, at) is not None:
            self.lines.rename_last_call(name)

    # --- command lines -------------------------------------------------------------------------------

    def _line(self, node: Node, skip: int = 0) -> bool:
        """A command line written in a scalar, from its `skip`th character: its Jinja expressions filled in
        (a literal the play states, else a value not stated), run as bash runs it."""
        value: str = node.value
        self.spend(len(value) + 1)
        places = _places(node, value)[skip:]
        value = value[skip:]
        if (
            "azure" not in value
            # nor PowerShell given a classic cmdlet inline (`powershell.exe -Command "New-AzureVM ..."`)
            and not automation.names_the_api(value.encode("utf-8"))
            # nor a script file it may run (`bash scripts/migrate.sh`, `python3 tools/create.py`)
            and not any(kind.decode() in value for kind in _SCRIPT_FILE_HINTS)
            and not automation.mentions_management_host(value)
            and not shell.may_send_to_the_api(value.encode("utf-8"))
            and not shell.may_run_an_az_command_read(value.encode("utf-8"))
        ):  # nor curl to the API, at a URL stated or one that may be its, nor an `az` command read
            return False
        line, anchors, holes, empty = self._filled(value, places)
        refused = self.lines.run_line(line, anchors, holes, empty)
        if refused is not None and self.in_shell and not self.walking and self.lines.refused is None:
            self.lines.refused = refused  # MIG001 there, as for a script file of the same text
        return True

    def _filled(
        self, value: str, places: list[tuple[int, int]]
    ) -> tuple[str, list[tuple[int, Mark]], list[tuple[str | None, Mark | None]], frozenset[int]]:
        """`value` with each `{{ ... }}` replaced by the literal the play states for it, else by a hole, and
        where the file writes each part of the result (`shell.CommandLines.run_line`)."""
        line = _HeldLine(self.path)
        holes: list[tuple[str | None, Mark | None]] = []
        empty: set[int] = set()
        start = 0
        for opened, closed in _expressions(value):
            line.add(value[start:opened], places[start:opened])
            at = places[opened] if opened < len(places) else (1, 1)
            expression = value[opened + 2 : closed].strip()
            mark = Mark(self.path, at[0], column=at[1])
            defaulted = _empty_default(expression, omit=False)
            key = _dotted(defaulted or expression)
            registered = self._registered(expression, mark)
            stated = None if registered else self.stated.get(key)
            filtered = None if registered or defaulted is not None else self._filtered(expression)
            if stated is not None:  # through the filters after a `default('')`, if any
                filled = (self._filtered(expression) if defaulted else None) or stated[0]
                if key in self.looped and stated[1].path == self.path:  # shown at the item that gives it
                    at = (stated[1].line, stated[1].column)
            elif filtered is not None:
                filled = filtered
            else:
                filled = f"{HOLE}-{len(holes)}-"
                if defaulted is not None:  # `{{ vnet | default('') }}`: the play's, or nothing
                    empty.add(len(holes))
                holes.append((f"${key}" if defaulted else _holder(value[opened : closed + 2]), mark))
            line.add(filled, [at] * len(filled))
            start = closed + 2
        line.add(value[start:], places[start:])
        return "".join(line.pieces), line.anchors, holes, frozenset(empty)

    def _word(self, node: Node) -> Word:
        """A scalar as one word: its text, or, with a Jinja expression in it, what the play states for one
        that is the whole value, else a value the file does not state."""
        value: str = node.value
        mark = self._mark(node)
        if "{{" not in value:
            return Word(value, mark, exact=node.style is None)
        bare = value.strip()
        expressions = list(_expressions(bare))
        if any(
            self._registered(value[opened + 2 : closed].strip(), mark)
            for opened, closed in _expressions(value)
        ):
            return Word(None, mark, holder=_holder(value))
        if len(expressions) == 1 and expressions[0] == (0, len(bare) - 2):
            defaulted = _empty_default(bare[2:-2], omit=True)
            key = _dotted(defaulted or bare[2:-2].strip())
            stated = self.stated.get(key)
            if stated is not None:  # through the filters after a `default('')`, if any
                at_item = key in self.looped and stated[1].path == self.path
                text = (self._filtered(bare[2:-2]) if defaulted else None) or stated[0]
                return Word(text, stated[1] if at_item else mark)
            if defaulted is not None:  # `{{ vnet | default(omit) }}`: the play's, or none
                return Word(None, mark, holder=f"${key}", maybe_empty=True)
            filtered = self._filtered(bare[2:-2])
            if filtered is not None:
                return Word(filtered, mark)
        return Word(None, mark, holder=_holder(value))

    def _filtered(self, expression: str) -> str | None:
        """The text of a variable through the Jinja filters `_filter` applies (`{{ name | upper }}`,
        `{{ vnet | default('app-vnet') }}`) where the play states it (or a `default` gives one); None for an
        expression of no filter, of another, or of a variable not stated."""
        return _through_filters(expression, self._stated_text, self.spend)

    def _stated_text(self, name: str) -> str | None:
        if _root_name(name) in self.registered:
            return None
        stated = self.stated.get(name)
        return stated[0] if stated is not None else None

    # --- nodes ---------------------------------------------------------------------------------------

    def _first_visit(self, node: Node) -> bool:
        if id(node) in self.seen:
            return False
        self.seen.add(id(node))
        return True

    def _items(self, node: Node) -> list[Node]:
        return list(node.value) if node.id == "sequence" and self._first_visit(node) else []

    def _entries(self, node: Node) -> dict[str, Node] | None:
        """A mapping's values by their keys (scalar keys only); None for any other node, or one walked."""
        if node.id != "mapping":
            return None
        self.spend(len(node.value) + 1)
        return {key.value: value for key, value in node.value if _is_scalar(key)}

    def _mark(self, node: Node) -> Mark:
        quoted = 1 if node.id == "scalar" and node.style in ("'", '"') else 0
        return Mark(self.path, node.start_mark.line + 1, column=node.start_mark.column + 1 + quoted)


# The options the classic module's argument_spec declares (lib/ansible/modules/cloud/azure/azure.py, Ansible
# 1.7 to 2.8), and `module` of `local_action:`: a task giving any other (`subnet_name`, `hosted_service_name`)
# is refused by Ansible ("Unsupported parameters") and runs nothing.
_MODULE_OPTIONS = frozenset(
    {
        *("name", "hostname", "image", "os_type", "location", "role_size", "storage_account"),
        *("virtual_network_name", "endpoints", "user", "password", "ssh_cert_path", "state"),
        *("subscription_id", "management_cert_path", "wait", "wait_timeout", "wait_timeout_redirects"),
        *("auto_updates", "enable_winrm", "module"),
    }
)
# The classic module's values that `azure vm create` takes as options. Its argument_spec declares no subnet
# (it sends no subnet names) and no cloud service (`name` is the service's too).
_VM_OPTIONS = (
    ("location", "-l"),
    ("role_size", "-z"),
    ("virtual_network_name", "-w"),
    ("ssh_cert_path", "-t"),
)


def _os_disk_blob(account: Word, name: Word) -> Word:
    """The blob the module puts the VM's OS disk in: `http://<storage_account>.blob.core.windows.net/vhds/
    <name>-<name>-<the day it runs, YYYY-MM-DD>.vhd`, a name the file does not state all of; its account
    a stand-in where the file does not state it either."""
    holes: list[str | None] = []

    def part(word: Word) -> str:
        if word.text is not None:
            return word.text
        holes.append(word.holder)
        return f"{HOLE}-{len(holes) - 1}-"

    host = part(account)
    vm = part(name)
    disk = f"{vm}-{vm}-{part(Word(None, account.mark, holder='the day the module runs'))}"
    shape = f"http://{host}.blob.core.windows.net/vhds/{disk}.vhd"
    return Word(None, account.mark, holder=account.holder, shape=shape, holes=tuple(holes))


def _text(text: str, at: Mark) -> Word:
    return Word(text, at)


def _option(option: str, value: Word) -> list[Word]:
    return [Word(option, value.mark), value]


def _ports(endpoints: Word) -> list[Word]:
    """The classic module's `endpoints` (`'22,80'`): each port, at its own column where the text is exact."""
    if endpoints.text is None:
        return [endpoints]
    ports, column = [], endpoints.mark.column
    for port in endpoints.text.split(","):
        at = (
            Mark(endpoints.mark.path, endpoints.mark.line, column=column)
            if endpoints.exact
            else endpoints.mark
        )
        if port.strip():
            ports.append(Word(port.strip(), at))
        column += len(port) + 1
    return ports


def _composed(settings: beside.Settings) -> list[Node] | None:
    """The YAML documents of a file a playbook includes, composed into nodes; None for one YAML refuses."""
    import yaml

    text = settings.data.decode("utf-8", "replace").removeprefix("\ufeff")
    try:
        return list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return None


def _plays_in(roots: list[Node]) -> bool:
    """Whether the file holds a play (a mapping with `hosts:`, task lists or roles): else it is a task file."""
    keys = {"hosts", "roles", *_TASK_LISTS}
    for root in roots:
        for item in root.value if root.id == "sequence" else ():
            if item.id == "mapping" and any(_is_scalar(k) and k.value in keys for k, _ in item.value):
                return True
    return False


# The extensions of the files `include_vars: dir:` loads unless `extensions:` says others.
_VARS_EXTENSIONS = ("json", "yaml", "yml")
# The characters a file name pattern of `include_vars:` (`files_matching:`, `ignore_files:`) is read with:
# past them (and `\\.`, `.*`, a leading `^`, a closing `$`), the pattern is not read.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


class _DirChoice:
    """Which files of its folder `include_vars: dir:` loads: `known` False where a pattern, the depth or
    the extensions are not read, and every file may then be loaded or not."""

    def __init__(self, in_role: bool) -> None:
        self.in_role = in_role
        self.known = True
        self.depth = 0
        self.extensions: tuple[str, ...] = _VARS_EXTENSIONS
        self.matching: Callable[[str], bool] = lambda name: True
        self.ignored: list[Callable[[str], bool]] = []

    @classmethod
    def of(cls, given: dict[str, Node], in_role: bool) -> _DirChoice:
        choice = cls(in_role)
        depth = given.get("depth")
        if depth is not None:
            text = str(depth.value).strip() if _is_scalar(depth) else ""
            choice.known = text.isdigit() and len(text) < 6
            choice.depth = int(text) if choice.known else 0
        matching = given.get("files_matching")
        patterns: list[tuple[str | None, bool]] = []
        if matching is not None and matching.tag != _NULL:
            patterns.append((matching.value if _is_scalar(matching) else None, False))
        ignored = given.get("ignore_files")
        if ignored is not None and ignored.tag != _NULL:
            words = _words_of(ignored)
            patterns += [(word, True) for word in words] if words is not None else [(None, True)]
        for written, ignore in patterns:
            pattern = _name_pattern(written, end=ignore)
            choice.known = choice.known and pattern is not None
            if pattern is not None and ignore:
                choice.ignored.append(pattern)
            elif pattern is not None:
                choice.matching = pattern
        extensions = given.get("extensions")
        if extensions is not None and extensions.tag != _NULL:
            words = _words_of(extensions)
            choice.known = choice.known and words is not None
            choice.extensions = tuple(word.lstrip(".") for word in words or _VARS_EXTENSIONS)
        return choice

    def loads(self, within: str) -> bool:
        """Whether the file at `within` (its path inside the folder) is one the task loads."""
        parts = within.split("/")
        name = parts[-1]
        if self.depth and len(parts) > self.depth:
            return False
        if name.rpartition(".")[2] not in self.extensions or (self.in_role and name == "main.yml"):
            return False
        return self.matching(name) and not any(ignored(name) for ignored in self.ignored)


def _words_of(node: Node) -> list[str] | None:
    """A list of words written out (`[a.yml, b.yml]`, or one string of them split at blanks); None else."""
    if _is_scalar(node):
        return None if "{{" in node.value else node.value.split()
    if node.id != "sequence" or not all(_is_scalar(item) for item in node.value):
        return None
    return [item.value for item in node.value]


# A character of a file name pattern that stands for any one character (an unescaped `.`).
_ANY = None
# A piece of a pattern: each character it matches, `_ANY` for any.
Piece = tuple[str | None, ...]


def _name_pattern(text: str | None, end: bool) -> Callable[[str], bool] | None:
    """A Python regular expression a file name is searched with (`^web.*\\.yml$`, `main.yml`; also
    `$`-ended when `end`) as a test, where it is plain text with `.`, `\\.`, `.*`, a leading `^` and a
    closing `$` only; else None. Each piece between the `.*` is found after the one before: a name of
    `n` characters costs at most `n` times the pattern's length."""
    if text is None:
        return None
    closed = text.endswith("$") and not text.endswith("\\$")
    at_start, at_end = text.startswith("^"), end or closed
    body = text[1 if at_start else 0 : len(text) - 1 if closed else len(text)]
    pieces = [_plain(piece) for piece in body.split(".*")]
    if any(piece is None for piece in pieces):
        return None
    return functools.partial(_found_in_order, [piece or () for piece in pieces], at_start, at_end)


def _plain(piece: str) -> Piece | None:
    """A piece of a pattern as the characters it matches: plain ones, `\\.` a dot, `.` any; None for any
    other."""
    matched: list[str | None] = []
    at = 0
    while at < len(piece):
        if piece.startswith("\\.", at):
            matched.append(".")
            at += 2
        elif piece[at] == ".":
            matched.append(_ANY)
            at += 1
        elif piece[at] in _PLAIN:
            matched.append(piece[at])
            at += 1
        else:
            return None
    return tuple(matched)


def _fits(name: str, piece: Piece, at: int) -> bool:
    return at + len(piece) <= len(name) and all(
        wanted is _ANY or wanted == name[at + index] for index, wanted in enumerate(piece)
    )


def _found_in_order(pieces: list[Piece], at_start: bool, at_end: bool, name: str) -> bool:
    """Whether `name` holds each piece in turn (anything between them), the first at its start when
    `at_start`, the last at its end when `at_end`."""
    low, high = 0, len(name)
    rest = list(pieces)
    if at_start:
        first = rest.pop(0)
        if not _fits(name, first, 0):
            return False
        low = len(first)
        if not rest:
            return not at_end or low == high
    if at_end:
        last = rest.pop()
        if high - len(last) < low or not _fits(name, last, high - len(last)):
            return False
        high -= len(last)
    for piece in rest:
        found = next((at for at in range(low, high - len(piece) + 1) if _fits(name[:high], piece, at)), None)
        if found is None:
            return False
        low = found + len(piece)
    return True


def _unchanged(now: tuple[object, object], gave: tuple[object, object]) -> bool:
    """Whether a variable's value and registered result are still the very ones a task's `vars:` gave."""
    return now[0] is gave[0] and now[1] is gave[1]


def _root_name(expression: str) -> str:
    """The variable an expression starts from (`out` of `out.stdout | trim`)."""
    end = 0
    while end < len(expression) and (expression[end].isalnum() or expression[end] == "_"):
        end += 1
    return expression[:end]


class _Resolution:
    """The values of the variables one mapping builds of others (`svc: "{{ prefix }}-svc"`), each the text of
    its template with every `{{ name }}` filled in: by a variable stated before the mapping or built here
    (each once, a cycle going back to the value before), else not stated. Each is stated where it is a
    text of at most `_MOST_BUILT` characters."""

    def __init__(self, playbook: _Playbook, templates: dict[str, Node], before: dict[str, tuple[str, Mark]]):
        self.playbook = playbook
        self.templates = templates
        self.before = before
        self.built: dict[str, str | None] = {}
        self.building: set[str] = set()

    def resolve(self) -> None:
        for name, node in self.templates.items():
            text = self.value(name)
            if text is not None:
                self.playbook.stated[name] = (text, self.playbook._mark(node))

    def value(self, name: str) -> str | None:
        if name in self.built:
            return self.built[name]
        if name not in self.templates or name in self.building:
            # A literal of this mapping or one stated before it; a cycle goes back to the value before.
            outer = self.before.get(name) if name in self.building else self.playbook.stated.get(name)
            return outer[0] if outer is not None else None
        self.building.add(name)
        text = self.filled(self.templates[name].value)
        self.building.discard(name)
        self.built[name] = text
        return text

    def filterable(self, name: str) -> str | None:
        """A variable's text a filter is applied to: none for a task's registered result."""
        return None if _root_name(name) in self.playbook.registered else self.value(name)

    def filled(self, template: str) -> str | None:
        """`template` with each `{{ name }}` its value; None where one is an expression of more than a name,
        a result a task registers, a value not stated, or the text grows past `_MOST_BUILT`."""
        self.playbook.spend(len(template) + 1)
        pieces, start, length = [], 0, 0
        for opened, closed in _expressions(template):
            name = template[opened + 2 : closed].strip()
            if name.isidentifier():
                text = None if name in self.playbook.registered else self.value(name)
            else:
                text = _through_filters(name, self.filterable, self.playbook.spend)
            if text is None:
                return None
            pieces += [template[start:opened], text]
            length += opened - start + len(text)
            if length > _MOST_BUILT:
                return None
            start = closed + 2
        pieces.append(template[start:])
        self.playbook.spend(length)
        return "".join(pieces)


# The Jinja filters whose result is read (each a string method): past them, the value is not stated.
_TEXT_FILTERS: dict[str, Callable[[str], str]] = {"upper": str.upper, "lower": str.lower, "trim": str.strip}
# The words a Jinja argument of `default(value, true)` may be to replace an empty value too.
_TRUE = frozenset({"true", "True"})


def _through_filters(
    expression: str, stated: Callable[[str], str | None], spend: Callable[[int], None]
) -> str | None:
    """The text `{{ name | f | g(...) }}` gives, each filter one of `upper`, `lower`, `trim`,
    `replace('a', 'b')` or `default('x')` (`d`; `default('x', true)` also over an empty value), applied
    to the text `stated` gives the variable (none: only a `default` gives one); None for an expression of
    no filter, of any other, or of arguments not written as literals. Never more than `_MOST_BUILT`
    characters, each filter costing what its text does."""
    chain = _filter_chain(expression)
    if chain is None:
        return None
    name, filters = chain
    text = stated(name)
    for filter_name, arguments in filters:
        spend(len(text or "") + 1)
        if filter_name in ("default", "d"):
            if not 1 <= len(arguments) <= 2 or arguments[0] in _TRUE or arguments[1:] not in ([], ["true"]):
                return None
            if text is None or (arguments[1:] and not text):
                text = arguments[0]
            continue
        if text is None:
            return None
        if filter_name in _TEXT_FILTERS and not arguments:
            text = _TEXT_FILTERS[filter_name](text)
        elif filter_name == "replace" and len(arguments) == 2 and not set(arguments) & _TRUE:
            text = text.replace(arguments[0], arguments[1]) if arguments[0] else None
        else:
            return None
        if text is None or len(text) > _MOST_BUILT:
            return None
    return text


def _filter_chain(expression: str) -> tuple[str, list[tuple[str, list[str]]]] | None:
    """`name | upper | replace('a', 'b')` as the variable (a dotted name, `item['n']` as `item.n`) and
    each filter with its arguments, each a string written in quotes (no backslash in it) or `true`; None
    for any other expression, or one of no filter. One pass over the text."""
    pieces = _outside_quotes(expression, "|")
    if pieces is None or len(pieces) < 2:
        return None
    name = _dotted(pieces[0].strip())
    if not name or not all(part.isidentifier() for part in name.split(".")):
        return None
    filters = []
    for piece in pieces[1:]:
        called, opened, rest = piece.strip().partition("(")
        if not called.strip().isidentifier():
            return None
        arguments: list[str] = []
        if opened:
            if not rest.rstrip().endswith(")"):
                return None
            arguments_of = _arguments(rest.rstrip()[:-1])
            if arguments_of is None:
                return None
            arguments = arguments_of
        filters.append((called.strip(), arguments))
    return name, filters


def _arguments(written: str) -> list[str] | None:
    """A filter's arguments written between its parentheses: each a quoted string's text, or `true`."""
    if not written.strip():
        return []
    pieces = _outside_quotes(written, ",")
    if pieces is None:
        return None
    arguments = []
    for piece in pieces:
        piece = piece.strip()
        if piece in _TRUE:
            arguments.append("true")
        elif len(piece) >= 2 and piece[0] in "'\"" and piece[-1] == piece[0]:
            inner = piece[1:-1]
            if piece[0] in inner or "\\" in inner:
                return None
            arguments.append(inner)
        else:
            return None
    return arguments


def _outside_quotes(text: str, separator: str) -> list[str] | None:
    """`text` split at each `separator` outside a quoted string; None where a quote is left open."""
    pieces, start, quote = [], 0, ""
    for at, character in enumerate(text):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character == separator:
            pieces.append(text[start:at])
            start = at + 1
    if quote:
        return None
    pieces.append(text[start:])
    return pieces


def _empty_default(expression: str, omit: bool) -> str | None:
    """The variable of `name | default('')` (`default("")`, `d('')`, with `true` after it too; and, with
    `omit`, `default(omit)`, which leaves a module's option out): a value the play may not give, else none.
    Filters after it that keep an empty text empty (`| upper`, `lower`, `trim`) leave it so. None for any
    other expression."""
    pieces = _outside_quotes(expression, "|")
    if pieces is None or len(pieces) < 2 or any(p.strip() not in _TEXT_FILTERS for p in pieces[2:]):
        return None
    name, applied = pieces[0], pieces[1]
    called, opened, rest = applied.strip().partition("(")
    if not opened or not rest.endswith(")") or called.strip() not in ("default", "d"):
        return None
    given = [argument.strip() for argument in rest[:-1].split(",")]
    empty = ("''", '""', *(("omit",) if omit else ()))
    if not given or given[0] not in empty or len(given) > 2 or given[1:] not in ([], ["true"], ["True"]):
        return None
    return name.strip() or None


def _unassigned(expression: str) -> str:
    """The PowerShell variable no line assigns that stands for a Jinja expression's value the play does not
    state (`{{ vnet_name }}` as `${ansible_vnet_name}`), named after the variable it reads."""
    name = "".join(c if c.isalnum() or c == "_" else "_" for c in _root_name(expression.strip())[:64])
    return "${ansible_" + (name or "value") + "}"


def _dotted(expression: str) -> str:
    """A field read by its key in brackets (`item['n']`, `item["n"]`) as the dotted name it is stated by
    (`item.n`); any other expression as it is."""
    base, bracket, rest = expression.partition("[")
    rest = rest.strip()
    if not bracket or len(rest) < 3 or rest[0] not in "'\"" or not rest.endswith(f"{rest[0]}]"):
        return expression
    key = rest[1:-2]
    if rest[0] in key or "]" in key:
        return expression
    return f"{base.strip()}.{key}"


def _literal_condition(node: Node) -> bool | None:
    """Whether a condition written as a literal holds (YAML's `false`, `no`, `off`; Jinja's `False`, `0`,
    also templated, `"{{ false }}"`, or negated, `not true`); None for any other."""
    if not _is_scalar(node):
        return None
    text = str(node.value).strip()
    if node.tag == _BOOL:
        return text.casefold() in ("true", "yes", "on")
    return _jinja_literal(_untemplated(text))


def _untemplated(text: str) -> str:
    """A condition written as one template, `{{ false }}`, as the expression it holds: Ansible renders
    it, and reads the text it gives as a condition."""
    inner = text.removeprefix("{{").removesuffix("}}")
    if len(inner) + 4 != len(text) or "{{" in inner or "}}" in inner:
        return text
    return inner.strip()


def _jinja_literal(text: str) -> bool | None:
    """Whether a Jinja expression of a literal, negated (`not`) or in parentheses any number of times,
    holds; None for any other expression. Linear: each turn takes at least one character off."""
    negated = False
    while True:
        text = text.strip()
        if text.startswith("(") and text.endswith(")") and "(" not in text[1:-1] and ")" not in text[1:-1]:
            text = text[1:-1]
        elif text.startswith("not") and text[3:4] in (" ", "\t", "("):
            text, negated = text[3:], not negated
        else:
            break
    known = _LITERAL_CONDITIONS.get(text)
    return None if known is None else known != negated


def _is_scalar(node: Node | None) -> bool:
    """Whether `node` is a scalar: an entry the task does not write (None) is none."""
    return node is not None and node.id == "scalar"


def _holder(written: str) -> str:
    """What holds a value a Jinja expression gives: `$name` for a variable (as a shell script's `$name`),
    else the expression as written."""
    inner = written.strip().removeprefix("{{").removesuffix("}}").strip()
    return f"${inner}" if inner.isidentifier() else written.strip()


def _written(node: Node) -> str:
    """A loop's list as the plan quotes it."""
    return str(node.value) if _is_scalar(node) else "the loop's items"


def _holes_as_shape(built: str) -> str:
    """The text `_filled` builds with each hole (`HOLE-0-`) written as `HOLE` alone, as a `Word.shape`."""
    pieces: list[str] = []
    start = 0
    while (at := built.find(HOLE + "-", start)) != -1:
        end = built.find("-", at + len(HOLE) + 1)
        if end == -1:
            break
        pieces += [built[start:at], HOLE]
        start = end + 1
    return "".join([*pieces, built[start:]])


def _expressions(value: str) -> Iterator[tuple[int, int]]:
    """Where each `{{ ... }}` opens and where its `}}` starts."""
    start = 0
    while (opened := value.find("{{", start)) != -1:
        closed = value.find("}}", opened + 2)
        if closed == -1:
            return
        yield opened, closed
        start = closed + 2


class _HeldLine:
    """A command line built from a scalar's text, with where the file writes each part of it: the byte
    offset of each character the file writes at another place than the one before, with that place."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.pieces: list[str] = []
        self.anchors: list[tuple[int, Mark]] = []
        self.size = 0  # bytes so far, in UTF-8
        self.place = (0, 0)  # the place of the last character added

    def add(self, text: str, places: list[tuple[int, int]]) -> None:
        """`text`, each character at its place in `places` (past their end, at the last)."""
        self.pieces.append(text)
        last = places[-1] if places else (1, 1)
        for index, character in enumerate(text):
            place = places[index] if index < len(places) else last
            if place != self.place:
                self.anchors.append((self.size, Mark(self.path, place[0], column=place[1])))
                self.place = place
            self.size += len(character.encode("utf-8"))


def _places(node: Node, value: str) -> list[tuple[int, int]]:
    """The line and column (1-based) where each character of a scalar's value is written, found by walking
    the value and its source together: a character the source writes otherwise (an escape, a fold, a
    block's indentation) is passed over in the source. Linear in the source's length."""
    source: str = (
        node.start_mark.buffer[node.start_mark.pointer : node.end_mark.pointer]
        if node.start_mark.buffer
        else ""
    )
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    places: list[tuple[int, int]] = []
    at = 0
    double = node.style == '"'
    for character in value:
        while at < len(source) and source[at] != character:
            if double and source[at] == "\\" and at + 1 < len(source) and source[at + 1] != "\n":
                break  # an escape writes this character
            line, column = (line + 1, 1) if source[at] == "\n" else (line, column + 1)
            at += 1
        places.append((line, column))
        if at < len(source):
            step = _escape_length(source, at) if double and source[at] == "\\" else 1
            for _ in range(step):
                line, column = (line + 1, 1) if source[at] == "\n" else (line, column + 1)
                at += 1
                if at >= len(source):
                    break
    return places


def _escape_length(source: str, at: int) -> int:
    kind = source[at + 1 : at + 2]
    return {"x": 4, "u": 6, "U": 10}.get(kind, 2)


def _suppressions(
    path: str, text: str, spans: list[tuple[int, int]]
) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """`# migcheck: ...` comments: on a line of their own, they cover the task that the next line that is not
    blank or a comment starts or is in (a comment above a task's module key, after its `name:`), or, in a
    task's script (`shell: |`), the command that line starts; at the end of a line, that line's task; `ignore-file`, the file."""
    if "migcheck" not in text.lower():
        return (), ()
    lines = text.splitlines()
    covering = _task_at(spans)
    found, marked = [], []
    content_ends, scripts = _content_ends(text)
    for number, written in enumerate(lines, 1):
        end = content_ends.get(number, 0)
        hash_at = written.find("#", end) if end != _INSIDE else -1
        if hash_at == -1 or "migcheck" not in written[hash_at:].lower():
            continue
        body = line_comment_text(written[hash_at:])
        if not starts_like_directive(body):
            continue
        mark = Mark(path, number, column=hash_at + 1)
        marked.append(DirectiveComment(body, mark))
        parsed = directive(body)
        if parsed is None:
            continue
        kind, codes, reason = parsed
        if kind == "ignore-file":
            found.append(Suppression(codes, reason, 0, 0, mark))
            continue
        if written[:hash_at].strip():  # at the end of a line: that line
            found.append(Suppression(codes, reason, number, number, mark))
            continue
        first = _next_statement(lines, number)
        task = covering(first)
        if task is not None and number in scripts:  # a script's own comment: its next command
            found.append(Suppression(codes, reason, first, _continued(lines, first, task[1]), mark))
        elif task is not None:
            found.append(Suppression(codes, reason, *task, mark))
        else:  # no task that runs a command follows: kept, so that the filter reports it
            found.append(Suppression.nowhere(codes, reason, mark))
    return tuple(found), tuple(marked)


def _task_at(spans: list[tuple[int, int]]) -> Callable[[int], tuple[int, int] | None]:
    """The task (its first and last line) that line `first` is in, the one that starts there or, for a
    comment inside a task's mapping before one of its keys, the one that holds it; None outside every task.
    Tasks do not nest (a `block:` runs no command itself), so the last one starting at or before the line
    is the only one that may hold it."""
    ordered = sorted(set(spans))
    starts = [start for start, _ in ordered]

    def covering(first: int) -> tuple[int, int] | None:
        at = bisect.bisect_right(starts, first) - 1
        if first < 1 or at < 0 or first > ordered[at][1]:
            return None
        return ordered[at]

    return covering


# A line inside a value written over several lines (a block scalar, a quoted string): no comment there.
_INSIDE = -1


def _content_ends(text: str) -> tuple[dict[int, int], set[int]]:
    """Where the YAML on each line ends (a 0-based column, by line number), after which a `#` starts a
    comment: a quoted value may hold one (`cmd: "echo '#1'"  # migcheck: ...`). `_INSIDE` for a line
    within a quoted or plain value that spans lines; a block scalar's lines (`shell: |`) are a script's,
    whose comments are read as before, and are the second set. From the scanner's tokens, which hold no
    comment; linear."""
    import yaml

    ends: dict[int, int] = {}
    scripts: set[int] = set()
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start, end = token.start_mark, token.end_mark
            if getattr(token, "style", None) in ("|", ">"):
                scripts.update(range(start.line + 2, end.line + 1))  # a script's lines: its comments too
                continue
            for inside in range(start.line + 2, end.line + 1):
                ends[inside] = _INSIDE
            if ends.get(end.line + 1) != _INSIDE:
                ends[end.line + 1] = max(ends.get(end.line + 1, 0), end.column)
    except yaml.YAMLError:
        pass  # the file was composed: not reached
    return ends, scripts


def _continued(lines: list[str], first: int, last: int) -> int:
    """The last line of the command a script's line `first` starts: the lines it continues, within the task
    (its last line `last`), with a backslash at the end (the shell's), a backtick (PowerShell's), or a
    pipe or `&&` that the next line's command completes (either's pipeline, as a `.ps1` statement that
    runs on over its `|` lines)."""
    end = first
    while end < last and lines[end - 1].rstrip().endswith(_CONTINUING):
        end += 1
    return end


# How a script's line ends when its command goes on in the next line (see `_continued`).
_CONTINUING = ("\\", "`", "|", "&&")


def _next_statement(lines: list[str], number: int) -> int:
    """The number of the first line after line `number` that is neither blank nor a comment."""
    for following in range(number, len(lines)):
        stripped = lines[following].strip()
        if stripped and not stripped.startswith("#"):
            return following + 1
    return 0


def _key_node(mapping: Node, key: str) -> Node:
    """The node of `key` in `mapping` (a task), where it is written; the mapping itself if none is."""
    return next((k for k, _ in mapping.value if _is_scalar(k) and k.value == key), mapping)


# Shared with the CI pipeline reader (`readers.pipeline`): one mapper of a scalar's characters to where the
# file writes them, one held command line, one reader of suppression comments in YAML.
places = _places
HeldLine = _HeldLine
suppressions = _suppressions
