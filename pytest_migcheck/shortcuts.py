"""Shortcuts through things pytest does for every item, each giving what pytest gives, put in place of
pytest's own for a `--migcheck` run (`in_place`) and taken out as it ends.

- `width`: how many columns a text takes on the terminal (`_pytest._io.wcwidth.wcswidth`). pytest's
  terminal measures its progress line after each item's letter, and each line of the short summary several
  times over as it trims the line to the terminal's width: character by character, through a cached call
  per character (about 1,000 instructions a character). pytest counts each printable ASCII character one
  column (the first test of its `wcwidth`), and Unicode's normal form NFC, which it measures, leaves ASCII
  text as it is: the width of such a text is its length. Any other text is measured by pytest.
- `reordered`: the items in the order pytest runs them (`_pytest.fixtures.reorder_items`), which groups the
  items of each parameter of a fixture wider than a test. pytest asks each item for its parameters four
  times (once per scope), then passes over every item once per scope again: about 58,000 instructions an
  item, 370 million on a 4,000-file estate, where no item has a parameter. With none, pytest's order is the
  items' own, each once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import pytest

try:  # pytest's own modules, not its API: where a release has moved them, pytest runs as it is
    from _pytest import fixtures, terminal
    from _pytest._io import terminalwriter
    from _pytest._io.wcwidth import wcswidth
    from _pytest.fixtures import reorder_items
except ImportError:  # pragma: no cover - every pytest from 7.4 to 9 has them
    _FOUND = False
else:
    _FOUND = True


def width(text: str) -> int:
    """`wcswidth(text)`: the columns `text` takes, or -1 when it holds a character that cannot be shown."""
    if text.isascii() and text.isprintable():
        return len(text)
    return wcswidth(text)


def reordered(items: Sequence[pytest.Item]) -> list[pytest.Item]:
    """`reorder_items(items)`: pytest's own where an item has parameters (a `callspec`, which only a
    parametrized test has), otherwise the items in their order, each once."""
    if any(hasattr(item, "callspec") for item in items):
        return reorder_items(items)
    return list(dict.fromkeys(items))


# (module, name, pytest's function of that name, the shortcut): the modules of pytest that call the function
# by that name.
_SHORTCUTS: tuple[tuple[ModuleType, str, Callable[..., Any], Callable[..., Any]], ...] = (
    (
        (terminal, "wcswidth", wcswidth, width),
        (terminalwriter, "wcswidth", wcswidth, width),
        (fixtures, "reorder_items", reorder_items, reordered),
    )
    if _FOUND
    else ()
)


def in_place() -> Callable[[], None]:
    """Put each shortcut in the place of pytest's function where pytest calls its own (not where a plugin
    has put another there, nor twice in a pytest run inside a pytest run); the function returned gives
    pytest its own back."""
    placed = [entry for entry in _SHORTCUTS if getattr(entry[0], entry[1], None) is entry[2]]
    for module, name, _, shortcut in placed:
        setattr(module, name, shortcut)

    def undo() -> None:
        for module, name, own, shortcut in placed:
            if getattr(module, name, None) is shortcut:
                setattr(module, name, own)

    return undo
