"""What a settings or baseline error tells the user to do, in the words of the front end that shows it.

That advice names options, and `migcheck check` and `pytest --migcheck` have different ones: pytest has
neither --config nor --write-baseline. The errors are raised deep in the settings and baseline code, which
does not know who called it, so the front end says whose words to use (`worded_for`) around the calls that
can fail, and the errors ask for their advice here. The words of every front end live in this module only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Words:
    """One front end's words for what to do. `{path}` is the baseline file, as the run looked for it."""

    other_settings: str  # follows "fix it": how to use another settings file instead ("" when there is none)
    record_baseline: str  # a baseline that is not there yet
    rewrite_baseline: str  # a baseline that cannot be used
    baseline_elsewhere: (
        str  # follows "put the baseline in that folder or below it" (a setting naming one outside)
    )


COMMAND_LINE = Words(
    other_settings=", or name another settings file with --config",
    record_baseline="record the current findings in it with --write-baseline {path}",
    rewrite_baseline="write a new one with --write-baseline",
    baseline_elsewhere=", or give the file with --baseline (the setting is then passed over)",
)
# pytest --migcheck reads the settings file nearest its rootdir, and only that one: there is no other to
# name. A baseline is written by the command line, run where the plugin lints: in the rootdir.
PYTEST = Words(
    other_settings="",
    record_baseline="record the current findings in it: run `migcheck check --write-baseline {path}` "
    "in pytest's rootdir",
    rewrite_baseline="write a new one: run `migcheck check --write-baseline {path}` in pytest's rootdir",
    baseline_elsewhere=", or remove the setting",
)

# The language server reads the settings file nearest each document, as `check` would from there; it has
# no options of its own. A baseline is written by the command line, run in the workspace folder.
EDITOR = Words(
    other_settings="",
    record_baseline="record the current findings in it: run `migcheck check --write-baseline {path}` "
    "in the workspace folder",
    rewrite_baseline="write a new one: run `migcheck check --write-baseline {path}` in the workspace folder",
    baseline_elsewhere=", or remove the setting",
)

_current: ContextVar[Words] = ContextVar("migcheck_advice", default=COMMAND_LINE)


@contextmanager
def worded_for(words: Words) -> Iterator[None]:
    """The errors raised inside advise in `words`."""
    token = _current.set(words)
    try:
        yield
    finally:
        _current.reset(token)


def other_settings() -> str:
    return _current.get().other_settings


def record_baseline(path: str) -> str:
    return _current.get().record_baseline.format(path=path)


def rewrite_baseline(path: str) -> str:
    return _current.get().rewrite_baseline.format(path=path)


def baseline_elsewhere() -> str:
    return _current.get().baseline_elsewhere
