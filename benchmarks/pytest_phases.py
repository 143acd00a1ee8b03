"""Where the instructions of one ``pytest --migcheck`` run go, phase by phase, under callgrind: a pytest
plugin that marks the phases' boundaries with a call of `os.getloadavg`, as ``phases.py`` marks a check's.

Usage (in the estate)::

    PYTHONPATH=BENCHMARKS valgrind --tool=callgrind --dump-before=getloadavg \\
        python -m pytest --migcheck -q -p no:cacheprovider -p pytest_phases

Each dump is then one phase, in this order (``callgrind.out.PID.1`` to ``.6``, then ``callgrind.out.PID``):

1. ``start``: the interpreter, pytest's imports and plugins, the command line and `pytest_configure`;
2. ``lint``: `pytest_sessionstart`, where the plugin loads the rules and settings and runs the lint;
3. ``collect``: pytest's collection, the items' constructors among it;
4. ``between``: from collection to the run;
5. ``run``: the items' run and reports (`pytest_runtestloop`);
6. ``finish``: `pytest_sessionfinish` but the terminal reporter's, which wraps it;
7. ``summary``: the terminal summary (the failures' text, the short summary) and the end of the process.

``grep -m1 '^summary:' callgrind.out.PID*`` gives each phase's total. Other installed plugins (pytest-xdist,
hypothesis) may be turned off with ``-p no:NAME``, as ``run.py`` does. An instrument for finding where to
look: instruction counts do not change with the machine's load, wall times do.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator

import pytest


def _mark() -> None:
    os.getloadavg()  # a callgrind dump point (see the module's docstring)


@pytest.hookimpl(wrapper=True)
def pytest_sessionstart(session: pytest.Session) -> Generator[None, None, None]:
    _mark()
    try:
        return (yield)
    finally:
        _mark()


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Generator[None, object, object]:
    try:
        return (yield)
    finally:
        _mark()


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session: pytest.Session) -> Generator[None, object, object]:
    _mark()
    try:
        return (yield)
    finally:
        _mark()


@pytest.hookimpl(wrapper=True)
def pytest_sessionfinish(session: pytest.Session) -> Generator[None, None, None]:
    try:
        return (yield)
    finally:
        _mark()


if __name__ == "__main__":  # a pytest plugin, not a script: say how to use it
    print(
        "usage (in the estate): PYTHONPATH=BENCHMARKS valgrind --tool=callgrind --dump-before=getloadavg "
        "python -m pytest --migcheck -q -p no:cacheprovider -p pytest_phases\n\n" + __doc__.strip()
    )
    sys.exit(0 if {"-h", "--help"} & set(sys.argv[1:]) else 2)
