"""`--format json` says of each finding whether it blocks the migration, which follows from its rule, its
severity and the rule's own severity where the config changed it (`readiness.blocks_migration`): asked once
for each of those, not for each finding, and the same answer for every finding either way."""

from __future__ import annotations

import itertools

import pytest

from migcheck.model import Finding, Mark, Severity
from migcheck.report import json_format
from migcheck.report.json_format import finding_dict, finding_json
from migcheck.report.stream import json_text

SEVERITIES = (*Severity, None)


def made(code: str, severity: Severity, rule_severity: Severity | None, line: int = 1) -> Finding:
    return Finding(
        code,
        "a-rule",
        severity,
        "said",
        "fix it",
        Mark("a.cscfg", line),
        "Role",
        "web",
        rule_severity=rule_severity,
    )


@pytest.mark.parametrize("code", ["MIG101", "MIG208", "MIG001", "MIG006"])
def test_every_rule_and_severity_is_written_as_its_dict_says(code: str) -> None:
    for severity, rule_severity in itertools.product(Severity, SEVERITIES):
        finding = made(code, severity, rule_severity)
        assert finding_json(finding) == json_text(finding_dict(finding))


def test_it_is_asked_once_for_the_findings_of_one_rule_and_severity(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[Finding] = []
    blocks = json_format.blocks_migration

    def counted(finding: Finding) -> bool:
        asked.append(finding)
        return blocks(finding)

    monkeypatch.setattr(json_format, "blocks_migration", counted)
    monkeypatch.setattr(json_format, "_BLOCKS", {}, raising=False)  # asked afresh
    findings = [made("MIG101", Severity.ERROR, None, line) for line in range(1, 101)]
    findings += [made("MIG208", Severity.WARNING, None, line) for line in range(1, 101)]
    lines = [finding_json(finding) for finding in findings]
    assert len(asked) == 2
    assert '"blocks_migration": true' in lines[0] and '"blocks_migration": true' in lines[-1]
