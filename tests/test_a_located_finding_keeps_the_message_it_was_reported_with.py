"""Locating a finding gives it its position and placed fix and nothing else: its message, held as its own
text and the end it shares with many findings (`message_end`), is the one the rule reported, not joined and
cut again."""

from __future__ import annotations

from migcheck.model import _MESSAGE_SLOT, Finding, Location, Mark, Severity, placed

END = " and what every such finding ends with, shared by all of them."


def _finding() -> Finding:
    return Finding(
        "MIG101",
        "name",
        Severity.ERROR,
        "role 'web'" + END,
        "fix it",
        Mark("a.cscfg", 3, "Role"),
        "role",
        "web",
        message_end=END,
    )


def test_a_located_finding_is_the_reported_one_at_its_position():
    reported = _finding()
    where = Location("a.cscfg", 3, 5, 3, 20)
    located = placed(reported, where, None)
    assert located == Finding(**{**{n: getattr(reported, n) for n in Finding.__slots__}, "location": where})
    assert (located.message, located.message_end, located.location) == (reported.message, END, where)


def test_a_located_finding_holds_the_very_text_of_its_message():
    reported = _finding()
    located = placed(reported, Location("a.cscfg", 3, 5, 3, 20), None)
    assert _MESSAGE_SLOT.__get__(located) is _MESSAGE_SLOT.__get__(reported)
    assert located.message_end is reported.message_end
