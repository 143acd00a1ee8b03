"""A worker sends its results a part at a time as it goes, and this process takes them in between the steps
of its own share: a worker that sent them only once it had them all waited, its pipe full, for this process
to end its share, and then pickled them all while this process waited for them."""

from __future__ import annotations

import os
import select

import pytest

from migcheck import workers

needs_fork = pytest.mark.skipif(not workers.can_fork(), reason="workers are forked on Linux only")
WAIT = 30  # seconds: only how long a broken exchange takes to fail, never reached when it works


@needs_fork
def test_a_worker_s_first_part_is_taken_in_before_it_reads_on(monkeypatch):
    parent = os.getpid()
    released, release = os.pipe()
    members: list[workers._Member] = []
    taken: list[int] = []  # the worker's results this process holds after each step of its own share
    real_fork, real_take_in = workers._fork, workers._Member.take_in

    def fork(*args):
        members.append(real_fork(*args))
        return members[-1]

    def take_in(member, pickle, wait=False):
        real_take_in(member, pickle, wait)
        if not wait:
            taken.append(len(member.share or ()))
            if taken[-1] and len(taken) == 1:
                os.write(release, b"x")  # the worker may read on

    first: list[int] = []

    def task(start, end):
        if os.getpid() == parent:
            if start == 0:  # this process's first step: the worker's first part comes meanwhile
                select.select([members[0].answers], [], [], WAIT)
            return list(range(start, end))
        first[:] = first or [start]
        for item in range(start, end):
            if item == first[0] + workers._PART:  # its first part is done: read on once it is taken in
                select.select([released], [], [], WAIT)
        return list(range(start, end))

    monkeypatch.setattr(workers, "_fork", fork)
    monkeypatch.setattr(workers._Member, "take_in", take_in)
    count = 6 * workers._PART
    done = workers.in_workers(task, [1.0] * count, 2, 0.0, unpickling=0.0)
    os.close(released)
    os.close(release)
    assert done is not None and done[0] == list(range(count))
    assert taken[0] == workers._PART
