"""A check that does not say `--jobs` starts a worker only for a core nothing else runs on: on a machine
whose cores are busy, a worker would share this process's time, not add to it, and the check would be
slower than reading in one process."""

from __future__ import annotations

import pytest

from migcheck import workers

FILES = 10 * workers.MIN_FILES


@pytest.fixture
def machine(monkeypatch):
    """A Linux machine of `cores` cores, all this process may run on, with `running` threads running."""

    def make(cores: int, running: int) -> None:
        monkeypatch.setattr(workers, "can_fork", lambda: True)
        monkeypatch.setattr(workers, "_cores", lambda: cores)
        monkeypatch.setattr(workers.os, "cpu_count", lambda: cores)
        monkeypatch.setattr(workers, "_busy", lambda: running)

    return make


def test_an_idle_machine_reads_on_every_core(machine):
    machine(cores=2, running=1)  # this process alone
    assert workers.auto_jobs(FILES) == 2


def test_a_machine_whose_other_cores_are_busy_reads_in_one_process(machine):
    machine(cores=2, running=2)
    assert workers.auto_jobs(FILES) == 1
    machine(cores=2, running=9)
    assert workers.auto_jobs(FILES) == 1


def test_the_cores_left_idle_each_read(machine):
    machine(cores=4, running=2)
    assert workers.auto_jobs(FILES) == 3


def test_a_container_counts_the_machine_s_cores_against_the_machine_s_load(monkeypatch):
    """Two cores of a 64-core machine running 30 threads: the two are not the ones busy."""
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 64)
    monkeypatch.setattr(workers, "_busy", lambda: 30)
    assert workers.auto_jobs(FILES) == 2


def test_running_threads_are_read_from_linux_s_counts(tmp_path):
    counts = tmp_path / "loadavg"
    counts.write_text("3.72 4.40 3.62 7/135 18413\n")
    assert workers._running(str(counts)) == 7


@pytest.mark.parametrize("text", ["", "3.72 4.40 3.62", "3.72 4.40 3.62 many/135 1\n"])
def test_counts_that_cannot_be_read_count_this_process_alone(text, tmp_path):
    counts = tmp_path / "loadavg"
    counts.write_text(text)
    assert workers._running(str(counts)) == 1


def test_a_system_without_the_counts_counts_this_process_alone(tmp_path):
    assert workers._running(str(tmp_path / "loadavg")) == 1


def test_a_thread_that_runs_for_an_instant_leaves_its_core_idle(monkeypatch):
    counts = iter([2, 1, 3])  # another thread runs at the first count only, then a third at the last
    monkeypatch.setattr(workers, "_running", lambda: next(counts))
    monkeypatch.setattr(workers.time, "sleep", lambda seconds: None)
    assert workers._busy() == 1


def test_a_machine_found_idle_is_not_counted_again(monkeypatch):
    counts = iter([1])
    monkeypatch.setattr(workers, "_running", lambda: next(counts))
    monkeypatch.setattr(workers.time, "sleep", lambda seconds: pytest.fail("waited on an idle machine"))
    assert workers._busy() == 1
