"""A finding is hashed by a few of the fields it is compared by (`Finding.__hash__`): findings equal in
every compared field are one in a set, however their messages are held (whole, or with the end many
share, `message_end`), and findings that differ in any compared field are kept apart, at the same place."""

from __future__ import annotations

from dataclasses import replace

from migcheck.model import Finding, Location, Mark, Severity

END = ", which the platform does not migrate"


def _finding(**changed: object) -> Finding:
    finding = Finding(
        "MIG101",
        "web-role",
        Severity.ERROR,
        "role 'Web'" + END,
        "Move it.",
        Mark("a.csdef", 2),
        "CloudService",
        "shop",
    )
    return replace(finding, **changed) if changed else finding


def test_a_message_held_with_its_end_apart_is_the_same_finding():
    whole = _finding()
    ended = _finding(message_end=END)
    assert ended.message == whole.message and ended.message_end == END and whole.message_end == ""
    assert ended == whole and hash(ended) == hash(whole)
    assert len({whole, ended}) == 1


def test_findings_at_one_place_that_differ_in_any_compared_field_are_kept_apart():
    first = _finding()
    others = [
        _finding(code="MIG102"),
        _finding(name="worker-role"),
        _finding(severity=Severity.WARNING),
        _finding(message="role 'Jobs'" + END),
        _finding(fix="Move it now."),
        _finding(mark=Mark("a.csdef", 2, tag="WebRole")),
        _finding(resource_type="StorageAccount"),
        _finding(resource_name="shop2"),
        _finding(location=Location("a.csdef", 2, 3)),
    ]
    assert len({first, *others}) == 1 + len(others)


def test_fields_not_compared_do_not_tell_findings_apart():
    first = _finding()
    assert len({first, _finding(rule_severity=Severity.WARNING, subject=("subnet", "a"))}) == 1
