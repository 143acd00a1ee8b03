"""How deep a reader's walk may go: a fixed number of Python frames below wherever it is called from.

Python refuses a call past its recursion limit, counted from the bottom of the stack, so a walk that needs a
given depth was read from the command line and refused under pytest, in a worker process or in the editor
server, whose stacks are deeper when the walk starts. A reader that needs more depth than Python's default
leaves (a Terraform chain of locals each built of the one before) sets it above its own caller, for the
time of the walk; what needs more still is refused as before (`RecursionError`), never read past the C
stack."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import TypeVar

__all__ = ["with_frames_to_spare"]

T = TypeVar("T")


def with_frames_to_spare(frames: int, walk: Callable[[], T]) -> T:
    """`walk()`, with the recursion limit set `frames` above the caller's depth for the time of it."""
    depth = 0
    frame: FrameType | None = sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + frames)
    try:
        return walk()
    finally:
        sys.setrecursionlimit(limit)
