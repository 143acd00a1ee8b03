"""Reading the files of a large check in worker processes.

Reading is most of a check (parsing, then the readers making records of what they parsed) and goes file by
file, so it divides among processes; linking, the rules and the report need every file at once and stay in
this one. The workers are forked: they start with what this process imported and with the list of files,
so nothing is sent to them, and they send back only the documents, without the texts this process would
drop anyway (`migcheck.texts`), which keeps what crosses between processes small. This process reads a
share too. Measured in `benchmarks/README.md`.

Locating the findings in workers too (the files with findings read again and scanned) took 20 ms off the
4k estate, but a worker forked at the end of a run counts, in its peak memory, all the run holds by then:
at 40,000 files that was 161 MB against 148 MB, past the 150 MB the check is held to.

Only where forking is safe and cheap (Linux, a process with one thread), and only for enough files that
starting the workers pays.
If the workers cannot do it (the system refuses to fork, a worker dies), the caller reads in this process:
the result is the same, only slower."""

from __future__ import annotations

import itertools
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from migcheck.discover import STDIN, Candidate
from migcheck.model import Document

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["MIN_FILES", "auto_jobs", "in_workers", "read_in_workers"]

T = TypeVar("T")

# Below this many files, starting the workers costs more than they save (measured on 2 cores: even at
# 1,000 files, 10% faster at 2,000).
MIN_FILES = 2000
# More workers than this gain little: linking and the rules, after the read, are one process's work.
MAX_AUTO_JOBS = 4

# How many results a worker pickles at a time (see `_fork`).
_PART = 500
# What pickling and unpickling a document costs, next to reading it (measured on the benchmark estate).
READ_PICKLING = 0.12

Read = tuple[Document | None, int | None]  # a document (None: not a classic file) and its `shed_check`


def auto_jobs(files: int) -> int:
    """How many processes read `files` files when the user does not say: one for a small check or where
    workers cannot be forked, else one per available core, up to `MAX_AUTO_JOBS`."""
    if files < MIN_FILES or not can_fork():
        return 1
    return max(1, min(_cores(), MAX_AUTO_JOBS))


def can_fork() -> bool:
    """Whether reading may fork workers (`why_not_fork`)."""
    return not why_not_fork()


def why_not_fork() -> str:
    """Why reading may not fork workers here, or "" when it may: on Linux, from a process running no
    other thread. macOS system libraries are not safe in a forked child, and Windows cannot fork;
    starting fresh interpreters there costs more than most checks take. A child forked while another
    thread holds a lock (a plugin's, the editor server's) would wait for it forever."""
    import threading

    if not sys.platform.startswith("linux"):
        return "workers are forked on Linux only"
    if threading.active_count() > 1:
        return "other threads run in this process"
    return ""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on, not the machine's
    except AttributeError:
        return os.cpu_count() or 1


def read_in_workers(
    found: Sequence[Candidate], jobs: int, progress: Callable[[int, int, str], None] | None = None
) -> list[Read] | None:
    """Each file of `found` read by `jobs` processes (`in_workers`), in order; None when the workers could
    not read their share, for the caller to read them all itself. `progress(done, total, path)` is called
    for each file as the share holding it comes in. A buffer (`-`) is not for workers: it is the
    caller's."""
    if jobs < 2 or not can_fork() or any(c.fs_path == STDIN for c in found):
        return None

    def arrived(start: int, end: int) -> None:
        if progress is not None:
            for done in range(start, end):
                progress(done + 1, len(found), found[done].path)

    return in_workers(
        lambda start, end: _read_span(found, start, end), len(found), jobs, READ_PICKLING, arrived
    )


def in_workers(
    task: Callable[[int, int], list[T]],
    count: int,
    jobs: int,
    pickling: float,
    arrived: Callable[[int, int], None] | None = None,
) -> list[T] | None:
    """`task(start, end)` over the items `[0, count)`, shared among `jobs` processes: this one and `jobs -
    1` forked workers, each returning a list of one result per item; the results in order, or None when a
    worker failed (the system refused a fork, a worker raised or was killed), for the caller to do it all
    itself. This process takes the first share, which needs no pickling, larger by `pickling`: what
    pickling a result costs next to computing it, so that all finish together. `arrived(start, end)` is
    called as each share comes in.

    A worker is a bare `os.fork` that writes its results, pickled, to a pipe: a process pool imports and
    starts more (multiprocessing, its threads and queues: 20 ms a run) than the whole exchange costs."""
    import pickle  # here, not in each worker after it is forked

    bounds = _bounds(count, jobs, pickling)
    running: dict[int, int] = {}  # pid -> the read end of the pipe its results come through
    results: list[T] = []
    try:
        for start, end in itertools.pairwise(bounds[1:]):
            if end > start:
                pid, pipe = _fork(task, start, end)
                running[pid] = pipe
        results += task(0, bounds[1])
        if arrived is not None:
            arrived(0, len(results))
        for pid in list(running):
            share: list[T] | None = _collect(pid, running.pop(pid), pickle)
            if share is None:
                return None
            results += share
            if arrived is not None:
                arrived(len(results) - len(share), len(results))
    except Exception:  # a refused fork or pipe, a worker that failed: this process does it all
        return None
    finally:
        for pid, pipe in running.items():  # left by an early return or an interrupt
            _stop(pid, pipe)
    return results


def _bounds(count: int, jobs: int, pickling: float) -> list[int]:
    """Where the shares of `count` items start, and where the last ends: this process's first, larger by
    `pickling`, then each worker's."""
    weight = [1 + pickling] + [1.0] * (jobs - 1)
    total = sum(weight)
    starts = [round(count * sum(weight[:share]) / total) for share in range(jobs)]
    return [*starts, count]


def _fork(task: Callable[[int, int], list[T]], start: int, end: int) -> tuple[int, int]:
    """A worker doing `task(start, end)`: (its pid, the read end of the pipe its results come through).
    The worker leaves by `os._exit`, so nothing of this process's (buffered output, exit handlers) runs
    twice."""
    import pickle

    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        raise
    if pid:
        os.close(writing)
        return pid, reading
    status = 1
    try:
        os.close(reading)
        results = task(start, end)
        with open(writing, "wb") as pipe:
            # In parts, each pickled as it is written: the receiving end never holds all the bytes, nor
            # the table of every object received that unpickling keeps until the end of a pickle.
            for at in range(0, len(results), _PART):
                pickle.dump(results[at : at + _PART], pipe, pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)


def _collect(pid: int, pipe: int, pickle: ModuleType) -> list[Any] | None:
    """The results of worker `pid`, from its pipe; None when it failed (an exception, a kill, results cut
    short)."""
    share: list[Any] | None = []
    with open(pipe, "rb") as stream:
        try:
            while stream.peek(1):
                share += pickle.load(stream)
        except Exception:  # the worker failed or was killed before it had written it all
            share = None
    _, status = os.waitpid(pid, 0)
    return share if status == 0 else None


def _stop(pid: int, pipe: int) -> None:
    """End worker `pid`, not collected: no worker outlives the read."""
    os.close(pipe)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _read_span(found: Sequence[Candidate], start: int, end: int) -> list[Read]:
    """The files `found[start:end]`, each read as the engine reads it, its text dropped when the run would
    drop it (`migcheck.texts.shed_check`)."""
    from migcheck.engine import _read_bytes
    from migcheck.texts import shed_check

    out: list[Read] = []
    for candidate in found[start:end]:
        document, data = _read_bytes(candidate, None)
        check = shed_check(document, data) if document is not None else None
        if document is not None and check is not None:
            document = document.without_text()
        out.append((document, check))
    return out
