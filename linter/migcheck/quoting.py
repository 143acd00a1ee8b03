"""Names read from the files, quoted for the shell a command of the advice runs in.

A fix or a plan step gives commands a user pastes: `Move-AzureService -ServiceName 'svc'`, `az monitor
autoscale show -n 'scale' -g 'group'`. The names in them come from files anyone can commit, so a name
holding a quote must not end the quoted word early: `x'; Remove-AzureService 'prod` would paste as two
commands. Each shell's single quotes expand nothing (`$(...)`, backticks and `$name` stay text), and each
has one way to put a quote inside them. A line break stays in the word (it is part of the name); the report
layer shows it escaped (`migcheck.visible`), never raw."""

from __future__ import annotations

import re

# PowerShell reads the typographic single quotes as quotes too, so each is doubled like `'`.
_PS_SINGLE_QUOTES = frozenset("'\u2018\u2019\u201a\u201b")
# What PowerShell takes as one bare word: a name of only these is left as it is (not `-` first, which
# would make it a parameter; not `@`, `,`, `$`, which PowerShell reads otherwise).
_PS_BARE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
# What a POSIX shell takes as one bare word (`shlex.quote`'s safe characters).
_SH_BARE = re.compile(r"[\w@%+=:,./-]+", re.ASCII)


def ps_quoted(value: str) -> str:
    """A PowerShell single-quoted string: nothing in it is expanded (`$(...)` in a name copied into a
    double-quoted string would run when the runbook is pasted), and each quote in it is doubled."""
    if _PS_SINGLE_QUOTES.isdisjoint(value):  # nearly every name: not rebuilt character by character
        return f"'{value}'"
    return "'" + "".join(c * 2 if c in _PS_SINGLE_QUOTES else c for c in value) + "'"


def sh_quoted(value: str) -> str:
    """A POSIX shell single-quoted string (bash, sh; the classic `azure` and `az` CLIs run from them): a
    quote in it ends the string, is given escaped, and the string goes on."""
    return "'" + value.replace("'", "'\\''") + "'"


def ps_word(value: str) -> str:
    """A PowerShell argument: the name bare where it is one plain word, else single-quoted."""
    return value if _PS_BARE.fullmatch(value) else ps_quoted(value)


def sh_word(value: str) -> str:
    """A shell argument: the name bare where it is one plain word, else single-quoted."""
    return value if _SH_BARE.fullmatch(value) else sh_quoted(value)
