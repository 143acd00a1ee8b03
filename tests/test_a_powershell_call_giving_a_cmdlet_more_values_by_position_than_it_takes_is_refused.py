"""A PowerShell call that gives a classic cmdlet more values by position than it takes (`Set-AzureSubscription
"a" "b" -CurrentStorageAccountName x`, which takes only -SubscriptionName so) is refused by PowerShell as it
binds the arguments ("A positional parameter cannot be found that accepts argument 'b'"): the call does
nothing. It was read as if the extra value were not there: the subscription's current storage account was
set, an account created, a migration step taken. Now the call is refused as PowerShell refuses it, and each
report says so where it is written. A position a parameter named in the call takes is no longer free
(`Move-AzureService -Prepare -VirtualNetworkName v s d rg x`). A list (`FrontEnd, BackEnd`) is one value;
where the cmdlet's positions are not all known (a position that depends on a parameter set the call does
not choose) or a variable is splatted, nothing is refused."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli, script_resources, unread_marks

from migcheck.model import Deployment, Script, StorageAccountType

VM = 'New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName svc1 -Location "West US"\n'
SUBSCRIPTION = 'Set-AzureSubscription "a" "b" -CurrentStorageAccountName shopdisks\n' + VM
SAID = (
    "Set-AzureSubscription takes 1 value by position (-SubscriptionName) here, and the call gives it more: "
    "PowerShell refuses it (\"A positional parameter cannot be found that accepts argument 'b'\"), so the call "
    "does nothing; name the parameter each value is for"
)


def _disk_accounts(text: str) -> list[str]:
    resources = script_resources(text, "deploy.ps1")
    return [disk.account for r in resources if isinstance(r, Deployment) for disk in r.roles[0].disks]


def test_a_refused_set_azure_subscription_sets_no_current_storage_account() -> None:
    assert "shopdisks" not in _disk_accounts(SUBSCRIPTION)
    assert unread_marks(script_resources(SUBSCRIPTION, "deploy.ps1")) == [(1, 27)]
    assert _disk_accounts(SUBSCRIPTION.replace(' "b"', "")) == ["shopdisks"]


def test_a_refused_new_azure_storage_account_creates_no_account() -> None:
    text = 'New-AzureStorageAccount shopdisks extra -Location "West US"\n'
    resources = script_resources(text, "deploy.ps1")
    assert [r for r in resources if isinstance(r, StorageAccountType)] == []
    assert unread_marks(resources) == [(1, 35)]
    written = script_resources(text.replace(" extra", ""), "deploy.ps1")
    assert [r.name for r in written if isinstance(r, StorageAccountType)] == ["shopdisks"]


@pytest.mark.parametrize(
    "text",
    [
        "Move-AzureVirtualNetwork -Prepare appnet othernet\n",
        "Move-AzureService -Prepare -VirtualNetworkName v svc1 dep1 rg extra -UseExistingVirtualNetwork -SubnetName s\n",
    ],
    ids=["one position", "a position named"],
)
def test_a_refused_migration_step_is_not_taken(text: str) -> None:
    (script,) = [r for r in script_resources(text, "migrate.ps1") if isinstance(r, Script)]
    assert script.migration == ()
    assert len(script.unread) == 1
    (fewer,) = [
        r
        for r in script_resources(text.replace(" othernet", "").replace(" extra", ""), "m.ps1")
        if isinstance(r, Script)
    ]
    assert [step.step for step in fewer.migration] == ["prepare"]


@pytest.mark.parametrize(
    "text",
    [
        "Set-AzureSubnet FrontEnd, BackEnd -VM $vm\n",
        "Enable-AzRecoveryServicesBackupProtection $policy vm1 svc1\n",
        "New-AzureService @positions extra\n",
        "function Set-AzureSubscription { }\nSet-AzureSubscription a b\n",
    ],
    ids=["a list", "positions not all known", "splatted", "the script's own function"],
)
def test_a_call_powershell_may_bind_is_not_refused(text: str) -> None:
    assert unread_marks(script_resources(text, "deploy.ps1")) == []


def test_each_report_says_the_refused_call(capsys, tmp_path, monkeypatch) -> None:
    (tmp_path / "deploy.ps1").write_text(SUBSCRIPTION, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.ps1")
    assert f"Not read as written: deploy.ps1:1:27: {SAID}.\n" in out
    _, out, _ = run_cli(capsys, "check", "deploy.ps1", "--format", "report-json")
    assert json.loads(out)["unread_parts"] == [
        {"path": "deploy.ps1", "line": 1, "column": 27, "why": "extra-positional"}
    ]
