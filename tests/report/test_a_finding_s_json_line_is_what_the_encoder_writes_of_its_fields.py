"""`--format json` writes each finding's line directly (`json_format.finding_json`), not by encoding the
dict the plan's blockers and `report-json` give (`finding_dict`): the two must stay the same text for every
finding, whatever its texts hold and whichever parts of it are known."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Edit, Finding, Fix, Location, Mark, Part, Severity
from migcheck.plugins import load_rules
from migcheck.report.json_format import finding_dict, finding_json
from migcheck.report.stream import json_text

TEXTS = [
    "plain",
    "é and \u200b and \x7f and \udcff and \U0001f600",
    "a ##vso[task.complete] and ##[error]",
    'quote " backslash \\ tab \t line\n',
    "",
]
RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def made(text: str, *, location: Location | None, autofix: Fix | None) -> Finding:
    return Finding(
        "MIG201", text or "name", Severity.WARNING, text, text, Mark(text, 7), text, text, location, autofix
    )


@pytest.mark.parametrize("text", TEXTS)
def test_a_finding_of_any_text_is_written_as_its_dict_is_encoded(text: str) -> None:
    edit = Edit(Mark("a.cscfg", 3, "Role"), Part.TEXT, "x", start=1, end=2)
    resolved, unresolved = Fix(text, (edit,), safe=False), Fix(text, ())
    for location in (None, Location(text, 3, 4), Location(text, 3, 4, 5, 6)):
        for autofix in (None, resolved, unresolved):
            finding = made(text, location=location, autofix=autofix)
            for steps in (None, lambda _: None, lambda _: "prepare"):
                assert finding_json(finding, steps) == json_text(finding_dict(finding, steps))


def test_the_findings_of_the_examples_are_written_as_their_dicts_are_encoded() -> None:
    findings = lint([str(EXAMPLES)], Config(), RULES, jobs=1).findings
    assert len(findings) >= 20
    for finding in findings:
        assert finding_json(finding, lambda _: "validate") == json_text(
            finding_dict(finding, lambda _: "validate")
        )
