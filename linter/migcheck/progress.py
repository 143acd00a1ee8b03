"""What a long `migcheck check` tells standard error while it reads: one updating progress line on a
terminal, or with `--verbose` one line per file with the time it took. Both are fed by the engine's
`progress(done, total, path)` callback, called after each file is read."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Mapping
from typing import TextIO

from migcheck.visible import visible

INTERVAL = 0.1  # seconds between redraws: often enough to look alive, rarely enough to cost nothing
CLEAR_LINE = "\r\x1b[K"  # back to the start of the line, then erase it


def wanted(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a progress line belongs on `stream`: a terminal, outside CI (whose logs keep every
    carriage-return redraw as a line of its own) and not a terminal that cannot erase a line."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False
    in_ci = environ.get("CI", "").strip().lower() not in ("", "0", "false")
    return terminal and not in_ci and environ.get("TERM") != "dumb"


class ProgressLine:
    """One line, `checked 1,200 of 4,001 files`, redrawn in place at most every `INTERVAL` seconds.
    Nothing is drawn before the first interval has passed, so a short run leaves the terminal untouched;
    `clear` erases the line before the report is printed."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._last = clock()
        self._shown = False

    def __call__(self, done: int, total: int, path: str) -> None:
        now = self._clock()
        if now - self._last < INTERVAL:
            return
        self._last = now
        self._write(CLEAR_LINE + self._fitted(f"checked {done:,} of {total:,} files"))
        self._shown = True

    def _fitted(self, text: str) -> str:
        """`text` cut to the terminal's width, less the last column: a line that wraps is erased only in
        its last row, so every redraw left a row behind on a narrow terminal. Asked at each redraw, as a
        terminal can be resized; `text` whole where the width cannot be known."""
        try:
            columns = os.get_terminal_size(self._stream.fileno()).columns
        except (AttributeError, ValueError, OSError):  # a replaced stream, or no terminal behind it
            return text
        return text[: columns - 1] if columns > 1 else text

    def clear(self) -> None:
        if self._shown:
            self._write(CLEAR_LINE)
            self._shown = False

    def _write(self, text: str) -> None:
        # A terminal that went away: progress is a courtesy, never a reason to fail the run.
        with contextlib.suppress(OSError, ValueError):
            self._stream.write(text)
            self._stream.flush()


class FileTimes:
    """`--verbose`: one line per file read, with the time since the previous one (the first also counts
    the folder walk), then a total. Paths are escaped like every report."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.perf_counter) -> None:
        self._stream = stream
        self._clock = clock
        self._start = self._last = clock()
        self._files = 0

    def __call__(self, done: int, total: int, path: str) -> None:
        now = self._clock()
        self._write(f"migcheck: [{done}/{total}] {visible(path)} ({(now - self._last) * 1000:.1f} ms)")
        self._last = now
        self._files = done

    def finish(self) -> None:
        """The time to read the files, and the time after them: linking, rules, filter, positions."""
        now = self._clock()
        self._write(
            f"migcheck: read {self._files:,} file{'' if self._files == 1 else 's'} in {self._last - self._start:.2f} s; "
            f"linked, checked and located the findings in {now - self._last:.2f} s"
        )

    def _write(self, line: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            print(line, file=self._stream, flush=True)
