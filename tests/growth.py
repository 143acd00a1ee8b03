"""How cost grows with the input, for tests that guard against super-linear paths. A test compares the
cost of the same work on an input and on one twice its size; it never compares a time with a threshold,
so a slow or busy machine does not fail it, while a quadratic path (4x per doubling) still does.

The works compared take turns, run after run, and each keeps its best: a neighbour (another test worker
on the other core) busy for a while then slows both sides alike, where measuring one side's runs and then
the other's let a neighbour starting in between make a linear path look 3x per doubling."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from pytest import MonkeyPatch

LINEAR = 3.0  # doubling the input may at most triple the cost: linear is 2x, quadratic 4x


def _timed(work: Callable[[], object]) -> float:
    """The CPU time of one run of `work`, with the garbage collector out of the way."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        work()
        return time.process_time() - started
    finally:
        gc.enable()


def costs(first: Callable[[], object], second: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """The best CPU time of each of two works over `repeat` runs, the two taking turns."""
    best_first = best_second = float("inf")
    for _ in range(repeat):
        best_first = min(best_first, _timed(first))
        best_second = min(best_second, _timed(second))
    return best_first, best_second


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    """`make(n)` prepares an input of size n and returns the work to measure on it. The work on 2n may cost
    at most LINEAR times the work on n (measured at 2n and 4n as well when the first pair is noisy)."""
    first, doubled = make(n), make(2 * n)
    small, large = costs(first, doubled)
    # One retry at twice the size, where noise weighs less, each size the best of more runs. The work at 2n
    # is the one already made: a work runs many times over the same input, making it again (writing and
    # reading the files of a whole estate) cost more than its runs, and a `make` that writes its input to
    # a folder named by its size cannot make the same size twice.
    if large > LINEAR * small:
        small, large = costs(doubled, make(4 * n), repeat=5)
        # Far cheaper at 4n than at 2n: the input was refused or cut short there (a size cap), which
        # says nothing of the growth; size the test below the caps.
        assert large >= small / 4, (
            f"the work at {4 * n} cost {small / max(large, 1e-9):.0f}x less than at {2 * n}"
        )
    assert large <= LINEAR * max(small, 1e-3), (
        f"cost grew {large / max(small, 1e-9):.1f}x when the input doubled"
    )


def parse_bound_scaled_to(monkeypatch: MonkeyPatch, reference: Callable[[], object], size: int) -> None:
    """Sets the CPU time a parse of `size` bytes may take (`grammars.parsed_in_time`) to twice what
    `reference` costs on this machine, for a test that compares a read cut short at the bound with
    `reference`: the bound the product ships (1 s and 10 µs a byte) is the same on every machine while
    `reference` is faster on a faster one, so comparing the two measured the machine's speed (9.8x on a
    busy one, where 8x was allowed)."""
    from migcheck.readers import grammars

    best = min(_timed(reference) for _ in range(3))
    monkeypatch.setattr(grammars, "PARSE_SECONDS", 0.01)  # what a file of a few lines is never refused for
    monkeypatch.setattr(grammars, "PARSE_SECONDS_PER_BYTE", 2 * best / size)


def assert_costs_at_most(work: Callable[[], object], factor: float, reference: Callable[[], object]) -> float:
    """`work` costs at most `factor` times what `reference` costs. Measured again, more times, when the
    first measure is over: a busy machine may slow one run of either, never every run of both. Returns
    the ratio measured."""
    measured, referred = costs(work, reference)
    if measured > factor * max(referred, 1e-3):
        measured, referred = costs(work, reference, repeat=7)
    ratio = measured / max(referred, 1e-3)
    assert ratio <= factor, f"cost {ratio:.1f}x that of the reference, more than {factor}x"
    return ratio
