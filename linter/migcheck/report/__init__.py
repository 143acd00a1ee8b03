"""The report stage: formatters turn a `LintResult` into text. They never re-derive findings.

Each format is a module with `render(result: LintResult) -> str`; modules are imported only when used."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migcheck.engine import LintResult

FORMATS = {
    "text": "migcheck.report.text",
    "concise": "migcheck.report.concise",
    "json": "migcheck.report.json_format",
}


def render(result: LintResult, format_name: str) -> str:
    module = importlib.import_module(FORMATS[format_name])
    return module.render(result)
