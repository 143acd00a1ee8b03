"""What runs on branches of choices (`Role.branches`, `MigrationStep.branches`): two pieces of code on
different branches of one choice never both run, and `Together` counts, without asking one by one, those
of some that can run with a given one."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from migcheck.model import Together, apart

IF = ("a.ps1#1", 0)
ELSE = ("a.ps1#1", 1)
INNER_IF = ("a.ps1#2", 0)
INNER_ELSE = ("a.ps1#2", 1)
OTHER = ("a.ps1#3", 0)


@dataclass(frozen=True)
class _On:
    branches: tuple[tuple[str, int], ...]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((IF,), (ELSE,), True),
        ((IF, INNER_IF), (IF, INNER_ELSE), True),
        ((IF, INNER_IF), (ELSE,), True),
        ((IF,), (IF, INNER_IF), False),
        ((), (ELSE,), False),
        ((IF,), (OTHER,), False),
        ((IF,), (IF,), False),
    ],
    ids=[
        "if-and-else",
        "inner-if-and-else",
        "within-and-else",
        "within-one-branch",
        "everywhere",
        "two-choices",
        "same",
    ],
)
def test_code_on_different_branches_of_one_choice_never_both_runs(a, b, expected) -> None:
    assert apart(a, b) is expected
    assert apart(b, a) is expected


def test_together_counts_those_not_apart() -> None:
    shapes = [(), (IF,), (ELSE,), (IF, INNER_IF), (IF, INNER_ELSE), (ELSE, OTHER), (IF, INNER_IF)]
    counted = [_On(branches) for branches in shapes]
    together = Together(counted)
    for one in (*counted, _On((IF, INNER_IF, OTHER))):
        assert together.with_(one) == sum(not apart(one.branches, other.branches) for other in counted)
    for first, second in itertools.product(counted, repeat=2):
        assert bool(Together([first]).with_(second)) is not apart(first.branches, second.branches)
