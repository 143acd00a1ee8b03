"""Settings shared by every test."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from migcheck.engine import LintResult

# The real classic files beside the repository (../shared/corpus), which some tests check whole.
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

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


@pytest.fixture(scope="session")
def corpus_lint() -> LintResult:
    """The `LintResult` of a check of ../shared/corpus with every built-in rule, run from the corpus folder
    (`lint(["."], Config(), rules)`), once for the whole test session: a check of the corpus costs seconds,
    and the tests that only read what the same check gives share one. A test that uses it changes nothing in
    it (its lazily computed parts are worked out the same for every reader). Skips where the corpus is
    absent."""
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(CORPUS)
        return lint(["."], Config(), load_rules(entry_points=False))
