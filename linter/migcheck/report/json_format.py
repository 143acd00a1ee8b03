"""`--format json`: one JSON array of findings, sorted by path, line, column and code (DESIGN.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from migcheck.model import Finding, Severity
from migcheck.report import blocks_migration
from migcheck.report.stream import Stream, json_string, rendered

if TYPE_CHECKING:
    from migcheck.engine import LintResult

# The step of the platform's migration that finds a finding (`readiness.checked_at`).
Steps = Callable[[Finding], "str | None"]


# Each severity as reports write it (`str` of an enum member goes through its `name` property each time).
_SEVERITY_TEXT = {severity: str(severity) for severity in Severity}


def finding_dict(finding: Finding, steps: Steps | None = None) -> dict[str, object]:
    """The finding as `--format json` gives it; `checked_at` only where `steps` says which step finds it
    (a plan's blocker and note leave it out)."""
    loc = finding.location
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": _SEVERITY_TEXT.get(finding.severity) or str(finding.severity),
        "message": finding.message,
        "path": loc.path if loc else finding.mark.path,
        "line": loc.line if loc else finding.mark.line,
        "column": loc.column if loc else 1,
        # Where the element's start tag (a call, a value) ends: just past its last character.
        "end_line": loc.end_line or loc.line if loc else finding.mark.line,
        "end_column": loc.end_column or loc.column if loc else 1,
        "resource": {"type": finding.resource_type, "name": finding.resource_name},
        "fix": finding.fix,
        "autofix": _autofix(finding),
        # Whatever its severity: a warning of a state Validate refuses (MIG208) blocks it too.
        "blocks_migration": blocks_migration(finding),
        **({"checked_at": steps(finding)} if steps is not None else {}),
    }


def _autofix(finding: Finding) -> dict[str, object] | None:
    """The mechanical fix `migcheck check --fix` would apply, when there is one."""
    fix = finding.autofix
    if fix is None or not fix.resolved:
        return None
    return {"description": fix.description, "safe": fix.safe}


def finding_json(finding: Finding, steps: Steps | None = None) -> str:
    """`json_text(finding_dict(finding, steps))`, written directly: no dict is built for the encoder to
    go through, and the texts findings share (a rule's code, name and fix, a file's path, the end of a
    message) are encoded once. Half the instructions of writing a 4,000-file estate's findings."""
    loc = finding.location
    path, line = (loc.path, loc.line) if loc else (finding.mark.path, finding.mark.line)
    column = loc.column if loc else 1
    end_line = (loc.end_line or loc.line) if loc else line
    end_column = (loc.end_column or loc.column) if loc else 1
    fix = finding.autofix
    autofix = (
        f'{{"description": {_recent(fix.description)}, "safe": {_LITERALS[fix.safe]}}}'
        if fix is not None and fix.resolved
        else "null"
    )
    checked_at = "" if steps is None else f', "checked_at": {_value(steps(finding))}'
    blocks = _BLOCKS.get((finding.code, finding.severity, finding.rule_severity))
    if blocks is None:
        blocks = _blocks(finding)
    return (
        f'{{"code": {_shared(finding.code)}, "name": {_shared(finding.name)}, '
        f'"severity": {_shared(_SEVERITY_TEXT.get(finding.severity) or str(finding.severity))}, '
        f'"message": {_message_json(finding)}, "path": {_recent(path)}, "line": {line}, '
        f'"column": {column}, "end_line": {end_line}, "end_column": {end_column}, '
        f'"resource": {{"type": {_shared(finding.resource_type)}, "name": {_recent(finding.resource_name)}}}, '
        f'"fix": {_value(finding.fix)}, "autofix": {autofix}, '
        f'"blocks_migration": {blocks}{checked_at}}}'
    )


# JSON's words for the values a finding's line holds that are not text or numbers.
_LITERALS = {True: "true", False: "false", None: "null"}


# The texts many findings share, encoded once for all of them (a rule's fix is the same text in each of its
# findings); bounded, as a message or a name may be a finding's own.
class _Encoded(dict[str, str]):
    """Texts as JSON strings, each encoded once: a lookup, where the `lru_cache` this replaces cost a call
    that made a tuple of its argument and reordered its list. Bounded: past `_ENCODED_AT_MOST` texts, a
    new one is encoded each time it is written (the few a run repeats most come first)."""

    def __missing__(self, text: str) -> str:
        encoded = json_string(text)
        if len(self) < _ENCODED_AT_MOST:
            self[text] = encoded
        return encoded


# The texts of a rule (its code and name), a severity and a resource's type, which many findings share:
# a few hundred in all, so the bound is never reached but by a plugin's rules making texts of their own.
_ENCODED_AT_MOST = 1024
_shared = _Encoded().__getitem__
# A file's path, a resource's name and a fix, which the findings next to each other in the report share
# (they are sorted by path), and a rule's fix, which may be worded for each finding: the last ones written.
_recent = functools.lru_cache(maxsize=1024)(json_string)


def _message_json(finding: Finding) -> str:
    """`json_string(finding.message)`, with the end many findings share (`Finding.message_end`, MIG101's
    quarter of a kilobyte on every web and worker role) encoded once for all of them: encoding the whole
    text of each message was a quarter of the instructions of writing a 4,000-file estate's findings. A
    JSON string's characters are escaped one by one, so the two parts joined are the whole text encoded,
    unless a `##[` or `##vso[` that `json_string` escapes runs across the join (a `#` in the last five
    characters of the first part): that message is encoded whole."""
    message, end = finding.message, finding.message_end
    if not end:
        return json_string(message)
    start = message[: len(message) - len(end)]
    if "#" in start[-5:]:
        return json_string(message)
    return json_string(start)[:-1] + _end_json(end)


@functools.lru_cache(maxsize=64)  # a few rules end their messages alike; bounded all the same
def _end_json(end: str) -> str:
    """A message's shared end as JSON, without its opening quote: what follows the start's encoding."""
    return json_string(end)[1:]


# Whether findings block the migration, as JSON, by what `readiness.refused` and `blocks_migration` read of
# a finding (its rule, its severity and the rule's own where the config changed it): asked once for each
# rule and severity, where three calls for each finding cost a tenth of writing it.
_BLOCKS: dict[tuple[str, Severity, Severity | None], str] = {}


def _blocks(finding: Finding) -> str:
    """`blocks_migration(finding)` as JSON, kept in `_BLOCKS` (bounded: a few hundred rules, three severities)."""
    blocks = _LITERALS[blocks_migration(finding)]
    if len(_BLOCKS) < _ENCODED_AT_MOST:
        _BLOCKS[finding.code, finding.severity, finding.rule_severity] = blocks
    return blocks


def _value(value: str | None) -> str:
    return "null" if value is None else _recent(value)


def render(result: LintResult) -> str:
    return rendered(lambda stream: write(result, stream))


def write(result: LintResult, stream: Stream) -> None:
    """The report, one finding at a time. One finding per line: readable, diff-friendly, and far faster
    than indent=2 on large estates."""
    if not result.findings:
        stream.write("[]\n")
        return
    from migcheck.report.readiness import checked_at

    steps = checked_at(result)
    for n, finding in enumerate(result.findings):
        stream.write(("[\n" if n == 0 else ",\n") + finding_json(finding, steps))
    stream.write("\n]\n")
