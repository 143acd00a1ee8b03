"""A VM a script creates without naming its disk's blob has its OS disk in the account the platform picks:
PowerShell's current storage account of the subscription, the account `azure vm create` picks in the
location. Two scripts that leave it to pick share that account only where they work in one subscription:
one that selects a subscription it states and one that selects none (or one by a value it does not state)
may work in two, each with its own account, so their VMs are in two accounts the plan moves apart, where
they were in one. Subscriptions are compared as the files are split into subscriptions (`selected_where`:
by the selection in force at the line, names whatever their case)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

VM_PS = """\
$vm = New-AzureVMConfig -Name "{vm}" -InstanceSize Small -ImageName "img"
New-AzureVM -ServiceName "{vm}svc" -VMs $vm -Location "West Europe"
"""
VM_CLI = 'azure vm create {vm}svc img user pass --vm-name {vm} --location "West Europe"\n'
SELECT = {"ps1": 'Select-AzureSubscription -SubscriptionName "{name}"\n', "sh": "azure account set {name}\n"}


def _script(ext: str, vm: str, subscription: str | None) -> str:
    head = "#!/bin/bash\n" if ext == "sh" else ""
    select = SELECT[ext].format(name=subscription) if subscription is not None else ""
    return head + select + (VM_PS if ext == "ps1" else VM_CLI).format(vm=vm)


def _accounts(tmp_path, monkeypatch, ext: str, first: str | None, second: str | None) -> list[str]:
    """The moves of the storage accounts the platform picks, in the plan of two scripts."""
    files = {f"a.{ext}": _script(ext, "web1", first), f"b.{ext}": _script(ext, "web2", second)}
    plan = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))
    moves = [m for s in plan.subscriptions for step in s.steps for m in step.moves]
    return [
        m for m in moves if m.startswith(("storage account <current", "storage account <storage account"))
    ]


@pytest.mark.parametrize("ext", ["ps1", "sh"])
def test_a_script_that_selects_a_subscription_and_one_that_selects_none_pick_two_accounts(
    tmp_path, monkeypatch, ext
):
    accounts = _accounts(tmp_path, monkeypatch, ext, "Prod", None)
    assert len(accounts) == 2, accounts
    assert "'web1'" in accounts[0] and "'web2'" in accounts[1]


@pytest.mark.parametrize("ext", ["ps1", "sh"])
@pytest.mark.parametrize(("first", "second"), [("Prod", "prod"), (None, None)])
def test_scripts_of_one_subscription_share_the_account(tmp_path, monkeypatch, ext, first, second):
    accounts = _accounts(tmp_path, monkeypatch, ext, first, second)
    assert len(accounts) == 1, accounts
    assert "'web1', 'web2'" in accounts[0]
