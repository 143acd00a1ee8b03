"""`Set-AzureSubscription -SubscriptionId $id -CurrentStorageAccountName mysa`, then `Select-AzureSubscription
-SubscriptionId $id`: the subscription selected is the one the account was set for, so a VM created after
without `-MediaLocation` has its OS disk in 'mysa', as where both name the subscription by
`-SubscriptionName`; selecting another id, or one named the other way, may leave another account current."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

QUICK_VM = (
    "New-AzureQuickVM -Windows -ServiceName svc1 -Name vm1 -ImageName img -AdminUsername ops -Password p"
    " -Location 'West Europe'\n"
)


def storage_steps(tmp_path, monkeypatch, script: str) -> list[tuple[str, bool]]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script + QUICK_VM}, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    steps = [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    return [(step["name"], bool(step.get("name_unstated"))) for step in steps]


@pytest.mark.parametrize(
    "subscription",
    ["$subscriptionID", '"0000-1111"', "11111111-2222-3333-4444-555555555555"],
    ids=["parameter", "stated", "guid"],
)
def test_the_account_set_for_an_id_is_current_after_selecting_that_id(tmp_path, monkeypatch, subscription):
    script = (
        "param($subscriptionID)\n"
        f"Set-AzureSubscription -SubscriptionId {subscription} -CurrentStorageAccountName mysa\n"
        f"Select-AzureSubscription -SubscriptionId {subscription}\n"
    )
    assert storage_steps(tmp_path, monkeypatch, script) == [("mysa", False)]


@pytest.mark.parametrize(
    "select",
    ["-SubscriptionId $otherID", '-SubscriptionName "Contoso Prod"'],
    ids=["another-id", "by-name"],
)
def test_selecting_another_subscription_leaves_the_account_not_stated(tmp_path, monkeypatch, select):
    script = (
        "param($subscriptionID, $otherID)\n"
        "Set-AzureSubscription -SubscriptionId $subscriptionID -CurrentStorageAccountName mysa\n"
        f"Select-AzureSubscription {select}\n"
    )
    assert [unstated for _, unstated in storage_steps(tmp_path, monkeypatch, script)] == [True]
