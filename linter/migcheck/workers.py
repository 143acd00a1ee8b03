"""Reading the files of a large check in worker processes.

Reading is most of a check (parsing, then the readers making records of what they parsed) and goes file by
file, so it divides among processes; linking, the rules and the report need every file at once and stay in
this one. The workers are forked: they start with what this process imported and with the list of files,
so nothing is sent to them, and they send back only the documents, without the texts this process would
drop anyway (`migcheck.texts`), which keeps what crosses between processes small. This process reads a
share too. Measured in `benchmarks/README.md`.

The workers are kept (`Crew`) to locate, once the rules have run, the findings in the files they read,
while this process locates the others': reading a file again and scanning it goes file by file too. A
worker forked only then would count, in its peak memory, all the run holds by then (161 MB at 40,000 files,
past the 150 MB the check is held to); these were forked when the run held little more than the list of
files.

Only where forking is safe and cheap (Linux, a process with one thread), only for enough files that
starting the workers pays, and by default only on cores nothing else keeps busy (`auto_jobs`).
If the workers cannot do it (the system refuses to fork, a worker dies), the caller reads in this process:
the result is the same, only slower."""

from __future__ import annotations

import bisect
import contextlib
import itertools
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from migcheck.discover import STDIN, Candidate
from migcheck.model import Document

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["MIN_FILES", "Crew", "auto_jobs", "in_workers", "read_in_workers"]

T = TypeVar("T")

# Below this many files, starting the workers costs more than they save (measured on 2 cores with bare
# forks: even at 250 files, 6% faster at 500, 10% at 1,000).
MIN_FILES = 500
# More workers than this gain little: linking and the rules, after the read, are one process's work.
MAX_AUTO_JOBS = 4

# How many times `auto_jobs` counts the threads running (`_busy`): 2 ms, where other threads run.
SAMPLES = 3

# How many results a worker pickles at a time, sending each part as it has it (see `_fork`): its last part
# is pickled and taken in after this process has read its own share, so a small part keeps that wait short.
_PART = 100
# How many of its own files this process reads between looks at what the workers have sent
# (`_own_share`): a worker whose pipe is full waits for it to be emptied.
_STEP = 25
# What pickling a document costs a worker, next to reading it: 19 instructions a byte against 160 (measured
# on the benchmark estate, where reading costs the same per byte in every kind of file, to within 2%: its
# 3,997 documents pickle in 250 million instructions, as `benchmarks/shares.py` sends them).
READ_PICKLING = 0.12
# What unpickling a worker's document costs this process, next to reading it: 65 million instructions for
# a worker's 1,857 documents of the benchmark estate, whose reading costs about 1,090 million (its bytes
# at the rate above).
READ_UNPICKLING = 0.06
# What reading a file costs beyond its bytes (opening it, the checks of its text, its document), in bytes
# of reading: about 38,000 instructions.
FILE_BYTES = 240

Read = tuple[Document | None, int | None]  # a document (None: not a classic file) and its `shed_check`


def auto_jobs(files: int) -> int:
    """How many processes read `files` files when the user does not say: one for a small check or where
    workers cannot be forked, else one per available core that nothing else runs on (`_idle_cores`), up
    to `MAX_AUTO_JOBS`."""
    if files < MIN_FILES or not can_fork():
        return 1
    return max(1, min(_idle_cores(), MAX_AUTO_JOBS))


def _idle_cores() -> int:
    """The cores this process may run on (`_cores`), less those other processes keep busy right now.

    A worker pays only on a core of its own. Where Linux groups a session's processes to share the CPU
    as one (its "autogroup", on by default), a worker on a busy machine takes its share of time from
    this process, not from the others: the check does the work of two processes on one process's share
    (8% more instructions on the benchmark estate: pickling the documents and reading them back) and
    waits on the slower. Measured on 2 cores with other sessions running: 0.63 s against `--jobs 1`'s
    0.54 s, best of nine.

    The processes running at this moment, not the load average: that one counts this user's own runs of
    the last minute, and a check run again and again would read its own earlier workers as the load that
    keeps it from starting any. Counted against the machine's cores, not this process's: in a container
    limited to a few of a large machine's cores, the whole machine's processes are not on those few."""
    cores = _cores()
    others = _busy() - 1  # this process is running as it asks
    return max(1, min(cores, (os.cpu_count() or cores) - others))


def _busy() -> int:
    """The threads running now, as few as `SAMPLES` counts a millisecond apart find: a thread that runs for
    an instant (a terminal's, the system's) leaves its core idle for the check, one that keeps a core
    busy is in every count."""
    fewest = _running()
    for _ in range(SAMPLES - 1):
        if fewest == 1:  # this one alone: no count finds fewer
            break
        time.sleep(0.001)
        fewest = min(fewest, _running())
    return fewest


def _running(counts_file: str = "/proc/loadavg") -> int:
    """How many threads are running or ready to, on every core, as Linux counts them (`/proc/loadavg`'s
    fourth field, "running/existing"); 1 (this one) where it cannot be read."""
    try:
        with open(counts_file, "rb") as counts:
            return max(1, int(counts.read().split()[3].split(b"/")[0]))
    except (OSError, ValueError, IndexError):
        return 1


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
    found: Sequence[Candidate],
    jobs: int,
    progress: Callable[[int, int, str], None] | None = None,
    then: Then | None = None,
    held: dict[str, Any] | None = None,
) -> tuple[list[Read], Crew | None] | None:
    """Each file of `found` read by `jobs` processes (`in_workers`), in order, and the workers kept for
    `then`; None when the workers could not read their share, for the caller to read them all itself.
    `progress(done, total, path)` is called for each file this process reads as it reads it, and for each
    file of a worker's share as the share comes in. A buffer (`-`)
    is not for workers: it is the caller's. With `held`, each process puts there, by path, the texts of its
    share that the documents it returns go without (`migcheck.texts.Texts`): this process's own in
    `held`, a worker's in its copy."""
    if jobs < 2 or not can_fork() or any(c.fs_path == STDIN for c in found):
        return None

    here = os.getpid()

    def arrived(start: int, end: int) -> None:
        if progress is not None:
            for done in range(start, end):
                progress(done + 1, len(found), found[done].path)

    def task(start: int, end: int) -> list[Read]:
        # This process's share tells of each file as it is read: a progress line waiting for the whole
        # share stood still for its first half (4 s at 40,000 files). A worker's tells nothing: the
        # terminal is this process's.
        return _read_span(found, start, end, held, progress if os.getpid() == here else None)

    return in_workers(task, _costs(found), jobs, READ_PICKLING, arrived, then)


def _costs(found: Sequence[Candidate]) -> list[float]:
    """What reading each file of `found` costs, in bytes (`FILE_BYTES`): shares of as many files are far
    apart where one holds the large ones (the exported VMs, the network configuration). A file whose size
    the walk did not meet (named, a link) counts as the mean of those it met."""
    known = [c.size for c in found if c.size >= 0]
    mean = sum(known) / len(known) if known else 0
    return [(c.size if c.size >= 0 else mean) + FILE_BYTES for c in found]


# What a worker does after its task, if kept: `then(start, end, results)` gives what answers each request
# the worker is sent (`Crew.ask`).
Then = Callable[[int, int, list[Any]], Callable[[Any], Any]]


def in_workers(
    task: Callable[[int, int], list[T]],
    costs: Sequence[float],
    jobs: int,
    pickling: float,
    arrived: Callable[[int, int], None] | None = None,
    then: Then | None = None,
    unpickling: float = READ_UNPICKLING,
) -> tuple[list[T], Crew | None] | None:
    """`task(start, end)` over the items `[0, len(costs))`, shared among `jobs` processes: this one and
    `jobs - 1` forked workers, each returning a list of one result per item; the results in order, or None
    when a worker failed (the system refused a fork, a worker raised or was killed), for the caller to do
    it all itself. The shares are of equal cost (`costs`: what each item costs), but for this process's,
    the first, which needs no pickling, larger by `pickling` (what pickling a result costs a worker next
    to computing it) and smaller by `unpickling` for each worker (what unpickling it costs this process),
    so that all finish together. `arrived(start, end)` is called as each worker's share comes in (the task
    tells of this process's own as it goes). With `then`, the workers are kept, as a `Crew`, for more work
    on their share (the caller closes it).

    A worker is a bare `os.fork` that writes its results, pickled, to a pipe: a process pool imports and
    starts more (multiprocessing, its threads and queues: 20 ms a run) than the whole exchange costs. It
    sends them a part at a time as it goes, and this process takes them in between steps of its own share
    (`_own_share`): a worker that sent its results only once it had them all waited, its pipe full, for
    this process to end its share, then pickled them all while this process waited for them (a tenth of
    the read's time on the benchmark estate)."""
    import pickle  # here, not in each worker after it is forked

    count = len(costs)
    bounds = _bounds(costs, jobs, pickling, unpickling)
    members: list[_Member] = []
    results: list[T] = []
    try:
        for start, end in itertools.pairwise(bounds[1:]):
            if end > start:
                members.append(_fork(task, start, end, then, members))
        results += _own_share(task, bounds[1], members, pickle)
        for member in members:
            share: list[T] | None = member.collect(pickle)
            if share is None:
                return None
            results += share
            if arrived is not None:
                arrived(len(results) - len(share), len(results))
    except Exception:  # a refused fork or pipe, a worker that failed: this process does it all
        return None
    finally:
        if then is None or len(results) < count:  # done with, or failed
            for member in members:
                member.stop()
    return results, Crew(members) if then is not None and members else None


def _bounds(costs: Sequence[float], jobs: int, pickling: float, unpickling: float = 0.0) -> list[int]:
    """Where the shares of the items start, and where the last ends: this process's first, larger by
    `pickling` and smaller by `unpickling` for each worker (see `in_workers`), then each worker's. A share
    ends at the item whose middle its cost reaches."""
    weight = [1 + pickling - unpickling * (jobs - 1)] + [1.0] * (jobs - 1)
    middles = [done - cost / 2 for done, cost in zip(itertools.accumulate(costs), costs, strict=True)]
    total = sum(costs)
    starts = [bisect.bisect_left(middles, total * sum(weight[:share]) / sum(weight)) for share in range(jobs)]
    return [*starts, len(costs)]


def _own_share(
    task: Callable[[int, int], list[T]], end: int, members: list[_Member], pickle: ModuleType
) -> list[T]:
    """`task(0, end)`, this process's share, in steps of `_STEP` items, taking in after each what the
    workers have sent so far (`_Member.take_in`)."""
    results: list[T] = []
    for start in range(0, end, _STEP):
        results += task(start, min(start + _STEP, end))
        for member in members:
            member.take_in(pickle)
    return results


class _Member:
    """A forked worker: its pid, the share of items it has, and its pipes (results come through `answers`,
    more work goes through `requests`)."""

    def __init__(self, pid: int, start: int, end: int, answers: BinaryIO, requests: BinaryIO | None) -> None:
        self.pid = pid
        self.start = start
        self.end = end
        self.answers = answers
        self.requests = requests
        self.running = True
        self.share: list[Any] | None = []  # the results taken in so far; None once it failed
        self.whole = False  # whether they have all come

    def take_in(self, pickle: ModuleType, wait: bool = False) -> None:
        """Unpickle the parts of its results waiting in the pipe; with `wait`, every part, as it comes. A
        part is written whole once pickled (`_send_part`): one begun is not waited for long."""
        while self.share is not None and not self.whole and (wait or _waiting(self.answers)):
            try:
                part = pickle.load(self.answers)
            except Exception:  # the worker failed or was killed before it had written them all
                self.share = None
                return
            if part is None:
                self.whole = True
            else:
                self.share += part

    def collect(self, pickle: ModuleType) -> list[Any] | None:
        """The results of its task; None when it failed (an exception, a kill, results cut short)."""
        self.take_in(pickle, wait=True)
        share, self.share = self.share, []
        return share

    def stop(self) -> None:
        """End it, whatever it is doing: no worker outlives what it was started for."""
        if self.running:
            self.running = False
            self._close()
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)

    def leave(self) -> None:
        """Tell it there is no more work, and wait for it to end."""
        if self.running:
            self.running = False
            self._close()
            os.waitpid(self.pid, 0)

    def forget(self) -> None:
        """In another worker, forked after this one: close what it inherited of this one's pipes."""
        for pipe in (self.requests, self.answers):
            if pipe is not None:
                os.close(pipe.fileno())

    def _close(self) -> None:
        for pipe in (self.requests, self.answers):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


class Crew:
    """Workers kept after their task, each for more work on its share of the items (`then`)."""

    def __init__(self, members: list[_Member]) -> None:
        self._members = members

    @property
    def shares(self) -> list[tuple[int, int]]:
        """The (start, end) of the items each worker has, in the order `ask` and `answer` take them."""
        return [(m.start, m.end) for m in self._members]

    def ask(self, worker: int, request: list[Any]) -> None:
        """Send `request` to the `worker`-th worker, which answers it (`answer`) while this process goes
        on. In parts, as results come back (see `_fork`): pickling it whole would hold a table of every
        object in it."""
        import pickle

        member = self._members[worker]
        assert member.requests is not None
        _send(request, member.requests, pickle)
        member.requests.flush()

    def answer(self, worker: int) -> Any:
        """The answer of the `worker`-th worker to what it was asked; raises when it failed."""
        import pickle

        member = self._members[worker]
        try:
            return pickle.load(member.answers)
        except Exception:
            member.stop()
            raise

    def close(self) -> None:
        """Send every worker away."""
        for member in self._members:
            member.leave()

    def stop(self) -> None:
        """End every worker now (this process stops early)."""
        for member in self._members:
            member.stop()


def _fork(
    task: Callable[[int, int], list[T]], start: int, end: int, then: Then | None, others: list[_Member]
) -> _Member:
    """A worker doing `task(start, end)`, then answering requests with `then`. It closes what it inherited
    of the `others`' pipes (a worker holding another's requests open would keep it waiting for more), and
    leaves by `os._exit`, so nothing of this process's (buffered output, exit handlers) runs twice."""
    import pickle

    answers_read, answers_write = os.pipe()
    requests_read, requests_write = os.pipe() if then is not None else (-1, -1)
    try:
        pid = os.fork()
    except OSError:
        for fd in (answers_read, answers_write, requests_read, requests_write):
            if fd >= 0:
                os.close(fd)
        raise
    if pid:
        os.close(answers_write)
        requests = None
        if then is not None:
            os.close(requests_read)
            requests = open(requests_write, "wb")  # noqa: SIM115  (the member closes it)
        return _Member(pid, start, end, open(answers_read, "rb"), requests)
    status = 1
    try:
        for other in others:
            other.forget()
        os.close(answers_read)
        if then is not None:
            os.close(requests_write)
        with open(answers_write, "wb") as answers:
            results: list[T] = []
            for at in range(start, end, _PART):
                part = task(at, min(at + _PART, end))
                _send_part(part, answers, pickle)
                results += part
            _send_part(None, answers, pickle)
            if then is not None:
                respond = then(start, end, results)
                del results
                with open(requests_read, "rb") as asked:
                    while asked.peek(1):
                        pickle.dump(respond(_received(asked, pickle)), answers, pickle.HIGHEST_PROTOCOL)
                        answers.flush()
        status = 0
    finally:
        os._exit(status)


def _send(items: list[Any], pipe: BinaryIO, pickle: ModuleType) -> None:
    """`items` into `pipe` in parts (`_send_part`), then None: neither end ever holds all the bytes, nor
    the table of every object sent that pickling keeps until a pickle's end."""
    for at in range(0, len(items), _PART):
        _send_part(items[at : at + _PART], pipe, pickle)
    _send_part(None, pipe, pickle)


def _send_part(part: list[Any] | None, pipe: BinaryIO, pickle: ModuleType) -> None:
    """`part` pickled, then written into `pipe` at once: the other end, which unpickles it as it comes,
    does not wait on the pickling."""
    pipe.write(pickle.dumps(part, pickle.HIGHEST_PROTOCOL))
    pipe.flush()


def _waiting(pipe: BinaryIO) -> bool:
    """Whether something has come through `pipe` that has not been read."""
    import select

    return bool(select.select([pipe], [], [], 0)[0])


def _received(pipe: BinaryIO, pickle: ModuleType) -> list[Any]:
    """What `_send` sent through `pipe`."""
    items: list[Any] = []
    while (part := pickle.load(pipe)) is not None:
        items += part
    return items


def _read_span(
    found: Sequence[Candidate],
    start: int,
    end: int,
    held: dict[str, Any] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[Read]:
    """The files `found[start:end]`, each read as the engine reads it, its text dropped when the run would
    drop it (`migcheck.texts.shed_check`), or put in `held` when the run holds such texts; `progress` told
    of each as it is read."""
    from migcheck.engine import _read_bytes
    from migcheck.texts import shed_check

    out: list[Read] = []
    for candidate in found[start:end]:
        document, data = _read_bytes(candidate, None)
        check = shed_check(document, data) if document is not None else None
        if document is not None and check is not None:
            if held is not None and document.text:
                held[document.path] = document.text
            document = document.without_text()
        out.append((document, check))
        if progress is not None:
            progress(start + len(out), len(found), candidate.path)
    return out
