"""Numbers written in a file's text, read without trusting their length."""

from __future__ import annotations


def whole_number(text: str) -> int | None:
    """A whole number written in ASCII digits (an index, a count, a version's part), at most 18 of them; None
    for any other text (`²` is a digit to `str.isdigit` and not to `int`, which refuses a number of more than
    4,300 digits)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
