"""Settings shared by every test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _plain_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests compare printed text: a developer's FORCE_COLOR must not colour it."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)
