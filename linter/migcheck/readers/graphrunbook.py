"""Graphical runbooks of Azure Automation (`*.graphrunbook`), which `Export-AzureAutomationRunbook` and the
portal write into repositories beside text runbooks: a JSON object whose `RunbookDefinition` is the
runbook's graph of activities, a .NET binary serialisation in base64:

    {"SchemaVersion": "1.10", "RunbookDefinition": "AAEAAAD/////AQAAAAAAAAAM..."}

That graph is never deserialised here (a binary format of .NET types, which no safe reader of ours
decodes): the cmdlets its activities run are not known. Most graphical runbooks run the Resource Manager
cmdlets, so the file is no finding; it is one script whose whole body is a part not read
(`GRAPHICAL_RUNBOOK`), so that the run says, under --verbose and in JSON's unread parts, which file it did
not read and how to have its activities checked. A `.graphrunbook` file without a `RunbookDefinition` is
not one, and is not read."""

from __future__ import annotations

import json
import posixpath

from migcheck.model import GRAPHICAL_RUNBOOK, Document, FileKind, Mark, Script

__all__ = ["read", "sniff"]

_DEFINITION = b'"RunbookDefinition"'


def sniff(data: bytes) -> bool:
    """Whether a file met in a folder walk holds a runbook's graph."""
    return _DEFINITION in data


def read(path: str, data: bytes) -> Document:
    """One script of the runbook, its body a part not read, where the file is a JSON object holding a
    `RunbookDefinition`; a document with nothing in it for any other. Never raises."""
    try:
        body = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        body = None
    if not isinstance(body, dict) or not isinstance(body.get("RunbookDefinition"), str):
        return Document(path, FileKind.POWERSHELL, "")
    mark = Mark(path, 1, column=1)
    script = Script(
        posixpath.basename(path),
        "PowerShell",
        (),
        (),
        mark,
        unread=(Mark(path, 1, GRAPHICAL_RUNBOOK, column=1),),
    )
    return Document(path, FileKind.POWERSHELL, "", (script,))
