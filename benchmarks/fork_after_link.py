"""What forking a child once the estate is linked would cost and give: the lever of running what follows
the link (the link itself, the rules, `checked_at`) in two processes, and of linking the packaged services
in the processes that read.

Usage::

    python benchmarks/fork_after_link.py FOLDER [--runs 3]

A check of FOLDER is run here as `migcheck check --format json --jobs 1` runs it, the collector paused, to
hold what a check holds once it has linked and checked. Then, each in CPU time (`time.process_time`, which
the other processes of a busy machine disturb far less than the wall clock):

- ``child``: `os.fork` itself, and each part done in a forked child with its results sent back through a
  pipe (one step per finding; the rules' findings as (code, mark, message), pickled), with and without
  `gc.freeze()` before the fork: what the fork takes in this process, this process's CPU time from the fork
  to the results taken in, and the child's CPU time, its minor page faults (the pages it copies as it
  writes to what it shares with this process, reference counts included: each a 4 KiB copy) and its peak
  RSS. Each child starts before this process ran the part, its caches as cold as a check's would be;
- ``rules shared``: the rules shared in two by their cost alone here (largest first, each to the lighter
  share): the shares' costs, and this process's CPU time running its share while a child runs the other;
- ``serial``: each part done here, its first run (caches cold) and the best of the rest;
- ``services sent``: what the packaged services of the estate (`Estate.cloud_services`) cost pickled and
  unpickled with the documents they are made of, against the documents alone: what linking them in the
  processes that read would add to what crosses to this one.

A child's peak RSS counts every page it has touched since the fork, shared or not (Linux reports the
resident set); `benchmarks/run.py` counts the largest of a check's processes (`os.wait4`), so a child
touching all its parent holds counts about as much as the parent.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import resource
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from migcheck import collector
from migcheck.config import load_config
from migcheck.engine import LintResult, _run_rules, lint
from migcheck.estate import Grouping, link
from migcheck.plugins import load_rules
from migcheck.report.readiness import checked_at
from migcheck.rule import RuleSet

Work = Callable[[], object]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--runs", type=int, default=3, help="runs of each part; the best counts")
    args = parser.parse_args(argv)
    with collector.paused():  # as in a check
        _measure(args.folder, args.runs)
    return 0


def _measure(folder: str, runs: int) -> None:
    config = load_config(None, start=folder)
    rules = load_rules()
    started = time.process_time()
    result = lint([folder], config, rules, jobs=1, show_lines=False)
    print(
        f"check (--jobs 1, no report): {time.process_time() - started:.3f} s CPU, "
        f"{len(result.findings):,} findings, peak RSS {_peak_mb():.0f} MB"
    )
    grouping = Grouping(config.cloud_services, config.local_configurations, config.subscriptions, config.root)
    parts = _parts(result, rules, grouping)
    # The children first: each starts from this process before it ran any part, caches cold.
    for freeze in (False, True):
        for name, work in {"nothing": lambda: None, **parts}.items():
            print(f"child, freeze={freeze}, {name}: {_in_child(work, freeze, runs)}")
    print(_rules_shared(result, rules, runs))
    for name, work in parts.items():
        first = _best(1, work)
        print(f"serial {name}: first {first * 1000:.1f} ms CPU, then {_best(runs, work) * 1000:.1f} ms")
    print(_services_sent(result, runs))


def _parts(result: LintResult, rules: RuleSet, grouping: Grouping) -> dict[str, Work]:
    """What follows the read, each part as a call returning what a child would send back."""

    def linked() -> int:
        return len(link(result.documents, grouping))

    def rules_run() -> list[Any]:
        return [(f.code, f.mark, f.message) for f in _run_rules(rules, result.enabled, result.estates)]

    def steps() -> list[str | None]:
        step = checked_at(result)
        return [step(f) for f in result.findings]

    return {"link": linked, "rules": rules_run, "checked_at": steps}


def _best(runs: int, work: Work) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _in_child(work: Work, freeze: bool, runs: int) -> str:
    """The best of `runs` forks doing `work` in the child: what each side spends."""
    best = min(_one_child(work, freeze) for _ in range(runs))
    fork, parent, child, faults, peak, sent = best
    return (
        f"fork {fork * 1000:.2f} ms, parent until taken in {parent * 1000:.1f} ms CPU, "
        f"child {child * 1000:.1f} ms CPU, {faults:,} minor faults ({faults * 4 / 1024:.1f} MB copied), "
        f"child peak RSS {peak:.0f} MB, {sent / 1024:.0f} KiB sent"
    )


def _one_child(work: Work, freeze: bool, meanwhile: Work | None = None) -> tuple[float, ...]:
    """(the fork's wall time, this process's CPU time until the child's results are in, the child's CPU
    time, its minor faults, its peak RSS in MB, the bytes it sent); `meanwhile` is run here as it works."""
    if freeze:
        gc.freeze()
    reading, writing = os.pipe()
    started = time.process_time()
    before = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(reading)
        own = time.process_time()
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        data = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        report = (time.process_time() - own, usage.ru_minflt - faults, usage.ru_maxrss / 1024, len(data))
        with open(writing, "wb") as out:
            out.write(pickle.dumps(report) + data)
        os._exit(0)
    forked = time.perf_counter() - before
    os.close(writing)
    if meanwhile is not None:
        meanwhile()
    with open(reading, "rb") as answers:
        child, faults, peak, sent = pickle.load(answers)
        pickle.load(answers)
    parent = time.process_time() - started
    os.waitpid(pid, 0)
    if freeze:
        gc.unfreeze()
    return forked, parent, child, faults, peak, sent


def _rules_shared(result: LintResult, rules: RuleSet, runs: int) -> str:
    """The rules in two shares balanced by what each costs alone here, one run in a child while this
    process runs the other."""
    cost = {code: _best(1, _rules_of(result, rules, frozenset({code}))) for code in sorted(result.enabled)}
    shares: tuple[set[str], set[str]] = (set(), set())
    for code in sorted(cost, key=cost.__getitem__, reverse=True):
        lighter = min(shares, key=lambda share: sum(cost[c] for c in share))
        lighter.add(code)
    here, there = (_rules_of(result, rules, frozenset(share)) for share in shares)
    costliest = max(cost, key=cost.__getitem__)
    best = min(_one_child(there, False, here) for _ in range(runs))
    return (
        f"rules shared: {sum(cost.values()) * 1000:.1f} ms CPU one at a time (the costliest, {costliest}, "
        f"{cost[costliest] * 1000:.1f} ms), shares of {sum(cost[c] for c in shares[0]) * 1000:.1f} and "
        f"{sum(cost[c] for c in shares[1]) * 1000:.1f} ms; this process with its share and the other's "
        f"findings taken in: {best[1] * 1000:.1f} ms CPU, the child {best[2] * 1000:.1f} ms CPU, "
        f"{best[3]:,} minor faults"
    )


def _rules_of(result: LintResult, rules: RuleSet, codes: frozenset[str]) -> Work:
    def run() -> list[Any]:
        return [(f.code, f.mark, f.message) for f in _run_rules(rules, codes, result.estates)]

    return run


def _services_sent(result: LintResult, runs: int) -> str:
    """What the packaged services add to their documents pickled and unpickled together."""
    services = [service for estate in result.estates for service in estate.cloud_services]
    paths = {mark.path for service in services for mark in _service_files(service)}
    # Without their texts, as the workers send them (`workers._read_span`).
    documents = [d.without_text() for d in result.documents if d.path in paths]
    alone = pickle.dumps(documents, pickle.HIGHEST_PROTOCOL)
    both = pickle.dumps((documents, services), pickle.HIGHEST_PROTOCOL)
    costs = [
        _best(runs, lambda: pickle.dumps(documents, pickle.HIGHEST_PROTOCOL)),
        _best(runs, lambda: pickle.loads(alone)),
        _best(runs, lambda: pickle.dumps((documents, services), pickle.HIGHEST_PROTOCOL)),
        _best(runs, lambda: pickle.loads(both)),
    ]
    return (
        f"services sent: {len(documents):,} documents alone {len(alone) / 1e6:.1f} MB, pickled in "
        f"{costs[0] * 1000:.1f} ms, unpickled in {costs[1] * 1000:.1f} ms; with their {len(services):,} "
        f"services {len(both) / 1e6:.1f} MB, {costs[2] * 1000:.1f} ms and {costs[3] * 1000:.1f} ms"
    )


def _service_files(service: Any) -> list[Any]:
    """The marks of a service's definition and configurations: the files it is made of."""
    made_of = [service.definition, *service.configurations] if service.definition else service.configurations
    return [part.mark for part in made_of]


if __name__ == "__main__":
    sys.exit(main())
