"""Settings shared by every test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


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
