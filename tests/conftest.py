"""Settings shared by every test."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# A property test checks what holds of every input, not how fast one example runs: on a busy machine (CI's two
# cores shared by the test workers) an example past Hypothesis's 200 ms deadline failed a test whose property held.
settings.register_profile("migcheck", deadline=None)
settings.load_profile("migcheck")


@pytest.fixture(autouse=True)
def _plain_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests compare printed text: a developer's FORCE_COLOR must not colour it."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """What migcheck keeps between runs (the editor server's document store) goes to a folder of the
    test session's, never to the user's cache, for every process the tests start."""
    before = os.environ.get("MIGCHECK_CACHE_DIR")
    os.environ["MIGCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("MIGCHECK_CACHE_DIR", None)
    else:
        os.environ["MIGCHECK_CACHE_DIR"] = before


@pytest.fixture
def plan_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str]], object]:
    """`plan_of(files)`: the migration plan of `files` (path -> text, dedented), written under a temporary
    folder and linted from there with every built-in rule."""
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plan import build_plan
    from migcheck.plugins import load_rules

    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str]) -> object:
        for path, text in files.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(textwrap.dedent(text), encoding="utf-8")
        return build_plan(lint(["."], Config(), load_rules(entry_points=False)))

    return run
