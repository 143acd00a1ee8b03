"""The records of an inventory export that two subscriptions hold under one name (a peering 'p1' of the hub of
each, peered with the classic 'prod-vnet' of its own subscription; an App Service Environment, an alert rule
or an autoscale setting of the same name in each) are two resources: each is reported, naming its
subscription, where the second subscription's was taken for another export of the first's and dropped."""

from __future__ import annotations

import pytest
from lint_support import RULES, graph_network, graph_page, hub_peered_with_classic, lint_files

from migcheck.rules.extensions import EXAMPLE_SUBSCRIPTION

FIRST = "11111111-1111-1111-1111-111111111111"
SECOND = "22222222-2222-2222-2222-222222222222"


def test_each_subscription_s_peering_of_one_name_is_reported(tmp_path, monkeypatch) -> None:
    rows = [graph_network(s, "prod-vnet", "web") for s in (FIRST, SECOND)] + [
        hub_peered_with_classic(FIRST),
        hub_peered_with_classic(SECOND),
    ]
    result = lint_files(tmp_path, monkeypatch, {"classic.json": graph_page(*rows, indent=2)}, "MIG313")
    said = sorted(f.message.split(" is peered")[0] for f in result.findings)
    assert said == [
        f"classic virtual network 'prod-vnet' (subscription {FIRST})",
        f"classic virtual network 'prod-vnet' (subscription {SECOND})",
    ]


def _exported_examples() -> list[object]:
    """The examples of the rules of what only the exports show (MIG31x, MIG5xx) whose files are exports of
    the rules' example subscription."""
    found = []
    for rule in RULES:
        if rule.code[:5] not in ("MIG31", "MIG50"):
            continue
        for example in rule.invalid:
            files = example.files
            if all(EXAMPLE_SUBSCRIPTION in text and name.endswith(".json") for name, text in files.items()):
                found.append(pytest.param(rule.code, files, id=f"{rule.code}-{len(found)}"))
    return found


@pytest.mark.parametrize(("code", "files"), _exported_examples())
def test_an_example_exported_by_two_subscriptions_is_reported_in_each(
    tmp_path, monkeypatch, code: str, files: dict[str, str]
) -> None:
    """The exports of the example, made once by each of two subscriptions (each its own folder), report
    twice what one subscription's report."""
    one = lint_files(tmp_path / "one", monkeypatch, _of(files, FIRST, ""), code, dedent=False)
    both = {**_of(files, FIRST, "first/"), **_of(files, SECOND, "second/")}
    two = lint_files(tmp_path / "two", monkeypatch, both, code, dedent=False)
    assert one.findings
    assert sorted(f.location.path.split("/")[0] for f in two.findings if f.location) == sorted(
        ["first"] * len(one.findings) + ["second"] * len(one.findings)
    )


def _of(files: dict[str, str], subscription: str, folder: str) -> dict[str, str]:
    return {folder + name: text.replace(EXAMPLE_SUBSCRIPTION, subscription) for name, text in files.items()}
