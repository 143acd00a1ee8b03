"""Where one script selects a subscription by its id and others select one they do not state (a placeholder,
`<subscription-id>`, the all-zero id, a variable never set), step 0 does not select the one id for them all:
it lists the id with where it is selected, and the first selection the files leave unstated, and leaves the
id to fill in. It selected the one id, as if the other scripts' resources were surely in that subscription.
Neither are they split into another subscription on that evidence alone: the files stay one plan."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
STATED = (
    f'Select-AzureSubscription -SubscriptionId "{ID}"\n'
    'New-AzureQuickVM -Windows -ServiceName "svca" -Name "vm1" -Location "West US" -ImageName img '
    "-Password p -AdminUsername u\n"
)
QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "svcb" -Name "vm2" -Location "West US" -ImageName img '
    "-Password p -AdminUsername u\n"
)
PLACEHOLDERS = {
    "placeholder": {"b.ps1": f'Select-AzureSubscription -SubscriptionId "<subscription-id>"\n{QUICK_VM}'},
    "all-zero id": {
        "b.ps1": f'Select-AzureSubscription -SubscriptionId "00000000-0000-0000-0000-000000000000"\n{QUICK_VM}'
    },
    "variable never set": {"b.ps1": f"Select-AzureSubscription -SubscriptionId $subscriptionId\n{QUICK_VM}"},
    "classic cli placeholder": {
        "b.sh": "azure account set '<your subscription id>'\nazure vm create svcb img user pass -l 'West US'\n"
    },
}


def _plan(tmp_path, monkeypatch, files: dict[str, str], form: str) -> str:
    return render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), form)


@pytest.mark.parametrize("case", PLACEHOLDERS)
def test_step_0_lists_the_id_and_the_unstated_selection(tmp_path, monkeypatch, case):
    text = _plan(tmp_path, monkeypatch, {"a.ps1": STATED, **PLACEHOLDERS[case]}, "text")
    assert f"Select subscription {ID}" not in text
    assert f"Select-AzSubscription -SubscriptionId '{ID}'" not in text
    assert "Select-AzSubscription -SubscriptionId '<subscription id>'" in text
    [path] = PLACEHOLDERS[case]
    assert f"{ID} (a.ps1:1), one they do not state ({path}:1); fill in the one to migrate" in text


@pytest.mark.parametrize("case", PLACEHOLDERS)
def test_the_json_plan_is_one_subscription_whose_id_is_not_stated(tmp_path, monkeypatch, case):
    data = json.loads(_plan(tmp_path, monkeypatch, {"a.ps1": STATED, **PLACEHOLDERS[case]}, "json"))
    [subscription] = data["subscriptions"]
    assert subscription["before"]["subscription_id"] == ""
    [path] = PLACEHOLDERS[case]
    assert subscription["before"]["selected_apart"] == [
        f"{ID} (a.ps1:1)",
        f"one they do not state ({path}:1)",
    ]


def test_a_script_that_selects_nothing_leaves_the_one_id(tmp_path, monkeypatch):
    files = {"a.ps1": STATED, "b.ps1": QUICK_VM}
    assert f"Select subscription {ID} and register" in _plan(tmp_path, monkeypatch, files, "text")
