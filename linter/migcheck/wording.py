"""A finding's fix in the words of the tool that wrote what it is about.

A rule writes its fix once, in the classic PowerShell module's words (`Remove-AzureAclConfig`, then
`Update-AzureVM`), which also fit the XML, REST and inventory files a team changes by hand or with any
tool. A finding at a line of a script, CI pipeline or playbook that runs the classic CLI is better told in
the CLI's words: that user has neither the cmdlets nor, often, Windows, and the command that made the
problem is in the file and makes it again on its next run. A rule states its fixes in other tools' words
(`Rule.fix_in`); which tool wrote a finding's line is known from the file's classic calls, where only the
readers know what each line runs (a pipeline's steps, a Python script running the CLI). The rules do not
know the files (a rule reads the linked estate), so the choice is made once the findings are made."""

from __future__ import annotations

import bisect
import enum
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace

from migcheck.automation import ANSIBLE_VM, ANSIBLE_VM_ABSENT, PATH_REQUEST
from migcheck.model import ClassicCall, Document, Finding, Script, is_stand_in
from migcheck.quoting import sh_word


class Tool(str, enum.Enum):
    """A tool a file uses to manage classic resources, where advice has its own words for it."""

    CLASSIC_CLI = "classic CLI"  # `azure` in ASM mode: shell, CI steps, Python or Ansible running it
    # The classic `azure` module of Ansible, read as the `azure vm create` each task amounts to: its user
    # writes a task's options, not the CLI's commands, and has none of the CLI's for what the module lacks.
    ANSIBLE_MODULE = "classic Ansible module"
    PYTHON_SDK = "Python SDK"  # the legacy azure-servicemanagement-legacy package
    # Requests a script sends the Service Management API itself (Invoke-RestMethod, requests, urllib, the
    # SDK's perform_put): the operation to send is told, where the cmdlet's twin has no other.
    REST_API = "Service Management REST API"
    # A resource a Terraform configuration of the classic provider declares: no command line makes it, and
    # the fix is what the configuration can (and cannot) say; its provisioners' command lines are their
    # own tools'.
    TERRAFORM = "Terraform"

    def __str__(self) -> str:
        return self.value


def command_word(name: str, placeholder: str) -> str:
    """A name as a shell command line of a fix gives it, or `placeholder` (`<vm>`) where the files do not
    state it (a stand-in), so that the command names what it can and shows what to fill in."""
    return sh_word(name) if name and not is_stand_in(name) else placeholder


# How a script's request to the API is listed among its classic calls (`automation.request_name`).
_REQUESTS = (
    *(f"{verb} " for verb in ("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "MERGE")),
    PATH_REQUEST,
)

# The language a Terraform configuration's `Script.written_in` names: the reader states its resources as
# the CLI commands that would make them, and a Terraform user has no such command to remove; only the calls
# of its provisioners' command lines (`Script.provisioner_calls`) are the CLI's own.
_NOT_ITS_CALLS = frozenset({"Terraform"})


def tool_of_call(name: str, language: str) -> Tool | None:
    """The tool a classic call (`ClassicCall.name`) of a script in `language` is made with; None for the
    PowerShell module's cmdlets, which the rules' own words fit."""
    if name in (ANSIBLE_VM, ANSIBLE_VM_ABSENT):  # named after the module, not a command of the CLI
        return Tool.ANSIBLE_MODULE
    if name == "azure" or name.startswith("azure "):
        return Tool.CLASSIC_CLI
    if name.startswith(_REQUESTS):  # `automation.request_name`: a request's method, or that it is not known
        return Tool.REST_API
    if language == "Python" and name.isidentifier():
        return Tool.PYTHON_SDK
    return None


class _CallsByLine:
    """Each file's classic calls by where they start, with the tool each is made with: a finding's tool is
    that of the last call that starts on or before it (a multi-line command is reported on a later line;
    a line of PowerShell may run a cmdlet and then the CLI), else the file's first call."""

    def __init__(self, calls: list[tuple[tuple[int, int], Tool | None]]) -> None:
        calls = sorted(calls, key=lambda call: call[0])  # never by tool: None and a tool do not compare
        self.starts = [start for start, _ in calls]
        self.tools = [tool for _, tool in calls]

    def tool_at(self, line: int, column: int) -> Tool | None:
        """The tool of the call at `line` and `column`; a column not known (0) is anywhere on the line."""
        if not self.starts:
            return None
        at = (line, column or sys.maxsize)
        return self.tools[max(bisect.bisect_right(self.starts, at) - 1, 0)]


def _scripts(document: Document) -> Iterator[Script]:
    for resource in document.resources:
        if isinstance(resource, Script):
            yield resource


def _calls_by_path(documents: Mapping[str, Document]) -> dict[str, _CallsByLine]:
    """Every file's classic calls, by the file each is marked in: a call one file's reading makes may be
    marked in another (the command line of a provisioner in a module a Terraform configuration calls is read
    with the configuration, and marked in the module's file)."""
    calls: dict[str, list[tuple[tuple[int, int], Tool | None]]] = {}
    for document in documents.values():
        for script in _scripts(document):
            for call in script.calls:
                start = (call.mark.line, call.mark.column)
                calls.setdefault(call.mark.path, []).append((start, _tool(script, call)))
    return {path: _CallsByLine(made) for path, made in calls.items()}


def _tool(script: Script, call: ClassicCall) -> Tool | None:
    """The tool a script's call is made with; Terraform for a call a Terraform configuration's resource
    makes, which no line of the CLI writes."""
    if script.written_in in _NOT_ITS_CALLS and call.mark not in script.provisioner_calls:
        return Tool.TERRAFORM
    return tool_of_call(call.name, script.language)


def in_source_words(
    findings: Iterable[Finding],
    documents: Mapping[str, Document],
    fixes_of: Callable[[str], Mapping[str, Mapping[Tool, str]]],
) -> Iterator[Finding]:
    """`findings`, each whose fix its rule states in the words of the tool its line is written with
    (the finding's own `fix_in`, else `fixes_of(code)`, the rule's `fix_in`) given those words. The calls
    are indexed once, and only for a run holding such a finding."""
    indexed: dict[str, _CallsByLine] | None = None
    for finding in findings:
        other_words = dict(finding.fix_in) or _by_name(fixes_of(finding.code).get(finding.fix))
        if other_words is None:
            yield finding
            continue
        if indexed is None:  # once, and only for a run with such a finding
            indexed = _calls_by_path(documents)
        calls = indexed.get(finding.mark.path)
        tool = calls.tool_at(finding.mark.line, finding.mark.column) if calls is not None else None
        worded = other_words.get(tool.value) if tool is not None else None
        yield replace(finding, fix=worded) if worded else finding


def _by_name(words: Mapping[Tool, str] | None) -> dict[str, str] | None:
    """A rule's words by the name of their tool, as a finding holds its own (`Finding.fix_in`)."""
    return {tool.value: text for tool, text in words.items()} if words else None
