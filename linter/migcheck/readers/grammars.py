"""The tree-sitter grammars the script and declarations readers parse with, each loaded once, on first use:
importing tree-sitter and a grammar costs milliseconds a run that reads no such file need not pay."""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Language, Parser


@functools.cache
def language(package: str) -> Language:
    """The grammar of the package `package` (`tree_sitter_powershell`, `tree_sitter_bash`,
    `tree_sitter_toml`)."""
    import tree_sitter

    return tree_sitter.Language(importlib.import_module(package).language())


@functools.cache
def parser(package: str) -> Parser:
    """A parser of the grammar of `package`, one for the whole run: parsing is synchronous, and each
    reader parses one file at a time."""
    import tree_sitter

    return tree_sitter.Parser(language(package))
