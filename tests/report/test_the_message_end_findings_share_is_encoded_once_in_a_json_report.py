"""`--format json` encodes the end many findings' messages share (`Finding.message_end`, MIG101's quarter of a
kilobyte on every web and worker role) once for all of them, and joins it to each message's own start: the
line is still the text the encoder writes of the finding's fields, whatever runs across the join."""

from __future__ import annotations

import pytest

from migcheck.model import Finding, Mark, Severity
from migcheck.report import stream
from migcheck.report.json_format import finding_dict, finding_json
from migcheck.report.stream import json_text

END = ": the VM migration does not move web/worker roles; " * 5


def made(message: str, end: str) -> Finding:
    return Finding(
        "MIG101",
        "web-worker-role",
        Severity.ERROR,
        message,
        "Rebuild it.",
        Mark("a.cscfg", 7),
        "Role",
        "web",
        message_end=end,
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("cloud service 'a' has a web role 'web'", END),
        ("a ##", "[error] what a CI log would run"),  # `##[` across the join
        ("a #", "#[error] what a CI log would run"),
        ("a ##v", "so[task.complete] what a CI log would run"),
        ("a ##vso", "[task.complete] what a CI log would run"),
        ("#####", "[error]"),
        ('quote " and tab \t', "backslash \\ and line\n"),
        ("é \u200b", "\x7f \udcff \U0001f600 ##[error]"),
        ("", END),
    ],
)
def test_a_message_with_a_shared_end_is_written_as_its_dict_is_encoded(start: str, end: str) -> None:
    finding = made(start + end, end)
    assert finding.message_end == end
    assert finding_json(finding) == json_text(finding_dict(finding))


def test_the_shared_end_is_encoded_once_for_many_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    encoded: list[int] = []
    encode = stream._encode_string

    def counted(text: str) -> str:
        encoded.append(len(text))
        return encode(text)

    monkeypatch.setattr(stream, "_encode_string", counted)
    end = END + "and this run's own words"  # not encoded by a test before this one
    findings = [made(f"role 'web{n}'" + end, end) for n in range(200)]
    lines = [finding_json(finding) for finding in findings]
    assert lines[7] == json_text(finding_dict(findings[7]))
    assert sum(encoded) < 2 * len(end) + 200 * 100  # each message's start, and the end once (or twice)
