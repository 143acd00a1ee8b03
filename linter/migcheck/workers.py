"""Reading the files of a large check in worker processes.

Reading is most of a check (parsing, then the readers making records of what they parsed) and goes file by
file, so it divides among processes; linking, the rules and the report need every file at once and stay in
this one. The workers are forked: they start with what this process imported and with the list of files,
so nothing is sent to them, and they send back only the documents, without the texts this process would
drop anyway (`migcheck.texts`), which keeps what crosses between processes small. This process reads a
share too. Measured in `benchmarks/README.md`.

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

from migcheck.discover import STDIN, Candidate
from migcheck.model import Document

__all__ = ["MIN_FILES", "auto_jobs", "read_in_workers"]

# Below this many files, starting the workers costs more than they save (measured on 2 cores: even at
# 1,000 files, 10% faster at 2,000).
MIN_FILES = 2000
# More workers than this gain little: linking and the rules, after the read, are one process's work.
MAX_AUTO_JOBS = 4

# What pickling and unpickling a document costs, next to reading it (measured on the benchmark estate).
_PICKLING = 0.12

# What a worker reads and is told in `_read_span`: the candidates of the read under way, set before the
# workers are forked so that each inherits it.
_found: Sequence[Candidate] = ()

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
    """Each file of `found` read by `jobs` processes, this one and `jobs - 1` forked workers, in order;
    None when the workers could not read their share, for the caller to read them all itself. This
    process reads the first share while the workers read the rest: what it reads needs no pickling, and
    it would otherwise wait. `progress(done, total, path)` is called for each file as the share holding
    it comes in. A buffer (`-`) is not for workers: it is the caller's.

    A worker is a bare `os.fork` that writes its share, pickled, to a pipe: a process pool imports and
    starts more (multiprocessing, its threads and queues: 20 ms a run) than the whole exchange costs."""
    global _found
    if jobs < 2 or not can_fork() or any(c.fs_path == STDIN for c in found):
        return None
    bounds = _bounds(len(found), jobs)
    running: dict[int, int] = {}  # pid -> the read end of the pipe its share comes through
    read: list[Read] = []
    _found = found
    try:
        for start, end in itertools.pairwise(bounds[1:]):
            if end > start:
                pid, pipe = _fork(start, end)
                running[pid] = pipe
        read += _read_span(0, bounds[1])
        _progress(progress, found, 0, len(read))
        for pid in list(running):
            share = _collect(pid, running.pop(pid))
            if share is None:
                return None
            read += share
            _progress(progress, found, len(read) - len(share), len(read))
    except Exception:  # a refused fork or pipe, a worker that failed: this process reads it all
        return None
    finally:
        _found = ()
        for pid, pipe in running.items():  # left by an early return or an interrupt
            _stop(pid, pipe)
    return read


def _bounds(files: int, jobs: int) -> list[int]:
    """Where the shares of `files` files start, and where the last ends: this process's first, then each
    worker's. A worker also pickles what it read, so this process takes that much more of the reading,
    and the two finish together."""
    weight = [1 + _PICKLING] + [1.0] * (jobs - 1)
    total = sum(weight)
    starts = [round(files * sum(weight[:share]) / total) for share in range(jobs)]
    return [*starts, files]


def _fork(start: int, end: int) -> tuple[int, int]:
    """A worker reading `_found[start:end]`: (its pid, the read end of the pipe its share comes through).
    The worker leaves by `os._exit`, so nothing of this process's (buffered output, exit handlers) runs
    twice."""
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
        import pickle

        os.close(reading)
        data = pickle.dumps(_read_span(start, end), pickle.HIGHEST_PROTOCOL)
        with open(writing, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)


def _collect(pid: int, pipe: int) -> list[Read] | None:
    """What worker `pid` read, from its pipe; None when it failed (an exception, a kill, a share cut
    short)."""
    import pickle

    with open(pipe, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    share: list[Read] = pickle.loads(data)
    return share


def _stop(pid: int, pipe: int) -> None:
    """End worker `pid`, not collected: no worker outlives the read."""
    os.close(pipe)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _progress(
    progress: Callable[[int, int, str], None] | None, found: Sequence[Candidate], start: int, end: int
) -> None:
    """`progress` for the files `found[start:end]`, which have just come in."""
    if progress is not None:
        for done in range(start, end):
            progress(done + 1, len(found), found[done].path)


def _read_span(start: int, end: int) -> list[Read]:
    """The files `_found[start:end]`, each read as the engine reads it, its text dropped when the run
    would drop it (`migcheck.texts.shed_check`)."""
    from migcheck.engine import _read_bytes
    from migcheck.texts import shed_check

    out: list[Read] = []
    for candidate in _found[start:end]:
        document, data = _read_bytes(candidate, None)
        check = shed_check(document, data) if document is not None else None
        if document is not None and check is not None:
            document = document.without_text()
        out.append((document, check))
    return out
