"""Helpers shared by the CI format tests (imported by name; pytest puts this folder on sys.path)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

CSCFG = "examples/contoso/webshop/ServiceConfiguration.Cloud.cscfg"

Run = Callable[..., tuple[int, str, str]]


def findings(run: Run, *argv: str) -> list[dict]:
    """The findings as `--format json` reports them."""
    return json.loads(run("check", "--format", "json", *argv)[1])


def edit(path: Path | str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file at `path`."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")
