"""The growth helper measures a work that looks worse than linear again at 2n and 4n, and reuses the work it
made at 2n for that: each size's input is made once. Made again, an input written to a folder named by its
size failed (the folder was there), and a large estate was written and read twice for nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from growth import assert_linear


def _quadratic(size: int) -> Callable[[], object]:
    """A work whose CPU time grows with `size` squared."""
    return lambda: sum(range(size * size))


def test_a_quadratic_work_is_measured_again_with_each_size_made_once(tmp_path: Path) -> None:
    made: list[int] = []

    def make(size: int) -> Callable[[], object]:
        (tmp_path / f"n{size}").mkdir()  # as the tests that write an estate per size do
        made.append(size)
        return _quadratic(size)

    with pytest.raises(AssertionError, match="cost grew"):
        assert_linear(make, 300)
    assert made == [300, 600, 1200]
