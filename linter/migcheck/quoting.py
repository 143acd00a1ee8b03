"""Names from the files made into literal strings of the shells the advice's commands are pasted into.

A name copied into a double-quoted PowerShell string would run a `$(...)` it holds when the command is
pasted, so every name is single-quoted, which nothing expands in."""

from __future__ import annotations

# PowerShell takes the typographic single quotes for `'` too, so each is doubled as `'` is.
_PS_SINGLE_QUOTES = frozenset("'\u2018\u2019\u201a\u201b")


def ps_quoted(value: str) -> str:
    """A PowerShell single-quoted string of `value`."""
    return "'" + "".join(c * 2 if c in _PS_SINGLE_QUOTES else c for c in value) + "'"


def sh_quoted(value: str) -> str:
    """A POSIX shell single-quoted string of `value`."""
    return "'" + value.replace("'", "'\"'\"'") + "'"
