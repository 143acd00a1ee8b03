"""An item with a mark other than `migcheck` goes through pytest's protocol, which evaluates it: the marks
of the collectors above an item (its file, its folders) count too. They are looked at once per collector
as the run asks, not by walking up from every item again."""

from __future__ import annotations

import pytest
from plugin_support import QUIET, SELECTED

from pytest_migcheck.items import MigcheckItem

pytest_plugins = ["pytester"]


def test_no_item_walks_up_its_collectors_for_their_marks(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    walked: list[str] = []
    listchain = MigcheckItem.listchain

    def counted(item: MigcheckItem) -> list[pytest.Item | pytest.Collector]:
        walked.append(item.nodeid)
        return listchain(item)

    monkeypatch.setattr(MigcheckItem, "listchain", counted)
    # Only the checks: pytest's teardown of a Python test walks up from the item that runs next.
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    assert walked == []  # before pytester's own look at the outcomes, which walks up from a report's item
    reprec.assertoutcome(passed=3, failed=2)
