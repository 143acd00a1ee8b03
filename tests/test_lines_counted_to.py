"""The lines findings are located on are found by counting line endings from the line found before
(`migcheck.source._skip_lines`), not by finding where every line of the file starts: a 50 MB inventory
export has 1.4 million lines and 20,000 findings. Asked out of order, past a bound, every line's start is
found once, so that no order of asking costs more than a few passes over the text."""

from __future__ import annotations

import random

import pytest

from migcheck import source as source_module
from migcheck.model import Mark
from migcheck.source import SourceText


def _starts(text: str) -> list[int]:
    """Where each `\\n` line starts, and one past the end: what `_bounds` must agree with."""
    return [0, *(i + 1 for i, char in enumerate(text) if char == "\n"), len(text) + 1]


def _text(rng: random.Random) -> str:
    lengths = [0, 1, 2, 5, 40, 300, rng.randint(0, 2000)]
    body = "".join("x" * rng.choice(lengths) + "\n" for _ in range(rng.randint(0, 300)))
    return body + ("tail" if rng.random() < 0.5 else "")


@pytest.mark.parametrize("seed", range(40))
def test_a_line_skipped_to_is_the_line_whatever_the_lengths_of_those_skipped(seed):
    rng = random.Random(seed)
    text = _text(rng)
    starts = _starts(text)
    for _ in range(20):
        line = rng.randint(1, len(starts) - 1)
        count = rng.randint(0, len(starts) + 3 - line)
        expected = starts[min(line - 1 + count, len(starts) - 1)]
        length = rng.choice([1, 3, 48, 500])
        assert source_module._skip_lines(text, starts[line - 1], count, length) == expected


@pytest.mark.parametrize("seed", range(10))
def test_bounds_asked_in_any_order_are_those_of_every_line(seed):
    rng = random.Random(seed)
    text = _text(rng)
    starts = _starts(text)
    last = len(starts) - 1
    source = SourceText(text)
    order = list(range(-1, last + 4))
    rng.shuffle(order)
    for number in order:
        expected = (starts[max(0, min(number - 1, last))], starts[max(0, min(number, last))])
        assert source._bounds(number) == expected, number


def test_findings_on_a_few_lines_of_a_long_file_do_not_find_every_line():
    text = "".join(f'  "name{n}": "value {n}",\n' for n in range(100_000))
    source = SourceText(text)
    for line in range(5_000, 100_000, 5_000):
        location = source.locate(Mark("inventory.json", line, column=3))
        assert (location.line, location.column, location.end_column) == (
            line,
            3,
            3 + len(f'"name{line - 1}"'),
        )
    assert source._offsets is None  # the starts of the 100,000 lines were not all found


def test_lines_asked_last_first_find_every_line_once():
    text = "x\n" * 100_000
    source = SourceText(text)
    for line in range(100_000, 0, -1_000):
        assert source.line(line) == "x"
    assert source._offsets is not None  # counting again from the first line each time would be quadratic
    assert source._counted <= (source_module._SKIP_FOR + 1) * len(text)
