"""The readiness summary's verdict column is measured in a terminal's cells, by the rules of wcwidth-style
libraries: an emoji presentation selector (U+FE0F) widens to two cells only a character Unicode gives an
emoji presentation, and a Hangul vowel or final consonant jamo takes no cell, so a syllable written in
conjoining jamo, or a precomposed syllable with a final jamo after it, is one wide character."""

from __future__ import annotations

from migcheck.report.readiness_text import display_width


def test_a_warning_sign_with_the_emoji_selector_takes_two_cells():
    assert display_width("\u26a0") == 1
    assert display_width("\u26a0\ufe0f") == 2
    assert display_width("\u26a0\ufe0f svc") == 6
    assert display_width("1\ufe0f\u20e3") == 2  # a keycap


def test_the_selector_after_a_wide_character_adds_nothing():
    assert display_width("\u4e2d\ufe0f") == 2
    assert display_width("\ufe0f") == 0
    assert display_width("\u26a0\ufe0f\ufe0f") == 2


def test_the_selector_after_a_character_with_no_emoji_presentation_adds_nothing():
    assert display_width("a\ufe0f") == 1
    assert display_width("a\ufe0fb") == 2
    assert display_width("\u00e9\ufe0f") == 1


def test_a_syllable_of_conjoining_jamo_takes_two_cells():
    assert display_width("\u1100\u1161\u11a8") == 2  # ㄱ + ㅏ + ㄱ, drawn as 각
    assert display_width("\uac01") == 2  # the precomposed syllable alike
    assert display_width("\u1100\u1161\u1100\u1161x") == 5


def test_a_final_jamo_after_a_precomposed_syllable_takes_no_cell():
    assert display_width("\uac00\u11a8") == 2  # 가 + ㄱ, drawn as 각
    assert display_width("\uac00\u11a8x") == 3
    assert display_width("\u1100\u1161\u11a8\u11a8") == 2


def test_a_vowel_or_final_jamo_after_a_letter_takes_no_cell_as_in_wcwidth():
    assert display_width("x\u1160") == 1
    assert display_width("a\u1161") == 1
    assert display_width("\u1161") == 0
    assert display_width("x\ud7b0") == 1
