"""Python's cyclic garbage collector, paused while migcheck builds what it keeps: a lint's model, a script's
words, pytest's items. Each holds many objects that all stay alive and no cycles to collect, so every pass
of the collector over them is wasted, and the passes grow with what was built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, and on again after it if it was on before (a caller's pause
    holds)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
