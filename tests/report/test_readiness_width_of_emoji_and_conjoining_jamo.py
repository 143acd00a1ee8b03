"""The readiness summary's verdict column is measured in a terminal's cells: an emoji presentation selector
(U+FE0F) widens the character before it to two cells, and a Hangul syllable written in conjoining jamo is
one wide character, however many jamo write it."""

from __future__ import annotations

from migcheck.report.readiness_text import display_width


def test_a_warning_sign_with_the_emoji_selector_takes_two_cells():
    assert display_width("\u26a0") == 1
    assert display_width("\u26a0\ufe0f") == 2
    assert display_width("\u26a0\ufe0f svc") == 6


def test_the_selector_after_a_wide_character_adds_nothing():
    assert display_width("\u4e2d\ufe0f") == 2
    assert display_width("\ufe0f") == 0


def test_a_syllable_of_conjoining_jamo_takes_two_cells():
    assert display_width("\u1100\u1161\u11a8") == 2  # ㄱ + ㅏ + ㄱ, drawn as 각
    assert display_width("\uac01") == 2  # the precomposed syllable alike
    assert display_width("\u1100\u1161\u1100\u1161x") == 5


def test_a_vowel_jamo_after_no_leading_consonant_takes_its_own_cell():
    assert display_width("\u1161") == 1
    assert display_width("a\u1161") == 2
