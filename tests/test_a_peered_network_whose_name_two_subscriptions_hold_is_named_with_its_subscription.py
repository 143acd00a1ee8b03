"""MIG313 names the subscription of the peered classic network where the exports show a classic network of
that name in several subscriptions (a name is unique only within one), so that the team knows which of the
two to unpeer; a network of a name one subscription holds is said by its name alone, as before."""

from __future__ import annotations

import pytest
from lint_support import graph_network, graph_page, hub_peered_with_classic, lint_files

FIRST = "11111111-1111-1111-1111-111111111111"
SECOND = "22222222-2222-2222-2222-222222222222"


@pytest.mark.parametrize(
    ("networks", "said"),
    [
        ((FIRST, SECOND), f"classic virtual network 'prod-vnet' (subscription {FIRST}) is peered"),
        ((FIRST,), "classic virtual network 'prod-vnet' is peered"),
    ],
)
def test_the_peered_network_s_subscription_is_named_where_another_holds_its_name(
    tmp_path, monkeypatch, networks: tuple[str, ...], said: str
) -> None:
    rows = [*(graph_network(s, "prod-vnet", "web") for s in networks), hub_peered_with_classic(FIRST)]
    result = lint_files(tmp_path, monkeypatch, {"classic.json": graph_page(*rows, indent=2)}, "MIG313")
    [finding] = result.findings
    assert said in finding.message
