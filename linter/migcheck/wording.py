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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace

from migcheck.model import Document, Finding, Script


class Tool(str, enum.Enum):
    """A tool a file uses to manage classic resources, where advice has its own words for it."""

    CLASSIC_CLI = "classic CLI"  # `azure` in ASM mode: shell, CI steps, Python or Ansible running it
    PYTHON_SDK = "Python SDK"  # the legacy azure-servicemanagement-legacy package

    def __str__(self) -> str:
        return self.value


# The language a Terraform configuration's `Script.written_in` names: the reader states its resources as
# the CLI commands that would make them, and a Terraform user has no such command to remove.
_NOT_ITS_CALLS = frozenset({"Terraform"})


def tool_of_call(name: str, language: str) -> Tool | None:
    """The tool a classic call (`ClassicCall.name`) of a script in `language` is made with; None for the
    PowerShell module's cmdlets and for REST requests, which the rules' own words fit."""
    if name == "azure" or name.startswith("azure "):
        return Tool.CLASSIC_CLI
    if language == "Python" and name.isidentifier():
        return Tool.PYTHON_SDK
    return None


class _CallsByLine:
    """Each file's classic calls by line, with the tool each is made with: a finding's tool is that of
    the last call that starts on or before its line (a multi-line command is reported on a later line),
    else the file's first call."""

    def __init__(self, document: Document) -> None:
        calls = sorted(
            (call.mark.line, tool_of_call(call.name, script.language))
            for script in _scripts(document)
            for call in script.calls
            if call.mark.path == document.path
        )
        self.lines = [line for line, _ in calls]
        self.tools = [tool for _, tool in calls]

    def tool_at(self, line: int) -> Tool | None:
        if not self.lines:
            return None
        return self.tools[max(bisect.bisect_right(self.lines, line) - 1, 0)]


def _scripts(document: Document) -> Iterator[Script]:
    for resource in document.resources:
        if isinstance(resource, Script) and resource.written_in not in _NOT_ITS_CALLS:
            yield resource


def in_source_words(
    findings: Iterable[Finding],
    documents: Mapping[str, Document],
    fixes_of: Callable[[str], Mapping[str, Mapping[Tool, str]]],
) -> Iterator[Finding]:
    """`findings`, each whose fix its rule states in the words of the tool its line is written with
    (`fixes_of(code)`, the rule's `fix_in`) given those words. A file's calls are indexed once, and only
    for a file holding such a finding."""
    indexed: dict[str, _CallsByLine] = {}
    for finding in findings:
        other_words = fixes_of(finding.code).get(finding.fix)
        document = documents.get(finding.mark.path) if other_words else None
        if other_words is None or document is None:
            yield finding
            continue
        calls = indexed.get(document.path)
        if calls is None:
            calls = indexed[document.path] = _CallsByLine(document)
        tool = calls.tool_at(finding.mark.line)
        worded = other_words.get(tool) if tool is not None else None
        yield replace(finding, fix=worded) if worded else finding
