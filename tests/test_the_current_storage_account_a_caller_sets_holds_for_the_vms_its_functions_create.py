"""The current storage account is the session's: one a script sets before it calls a function, of its own or
of a helper file it dot-sources, holds for the VMs that function creates without -MediaLocation. A
`Set-AzureSubscription - SubscriptionId …` (a blank after the `-`) passes "-" and "SubscriptionId" as values
of their own, which no parameter takes by position: PowerShell refuses the call, so it sets no account."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

HELPER = """\
Function New-Web($Name) {
    $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName img |
        Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p
    New-AzureVM -ServiceName $Name -Location 'West US' -VMs $vm
}
"""
SET = "Set-AzureSubscription -SubscriptionName prod -CurrentStorageAccountName webdisks\n"


def _storage_steps(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, list[str]]]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    steps = [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    return [(step["name"], step["moves"]) for step in steps]


@pytest.mark.parametrize(
    "files",
    [
        {"deploy.ps1": HELPER + SET + "New-Web web01\n"},
        {
            "lib/Shared.ps1": HELPER,
            "app/deploy.ps1": '. "$PSScriptRoot\\..\\lib\\Shared.ps1"\n' + SET + "New-Web web01\n",
        },
    ],
    ids=["own-function", "dot-sourced-helper"],
)
def test_the_account_set_before_the_call_holds_for_the_vm_the_function_creates(tmp_path, monkeypatch, files):
    assert _storage_steps(tmp_path, monkeypatch, files) == [
        ("webdisks", ["storage account 'webdisks' (1 disk)"])
    ]


def test_a_set_azuresubscription_with_a_lone_dash_sets_no_account(tmp_path, monkeypatch):
    script = (
        'Set-Azuresubscription - SubscriptionId "xxxxxx" -currentstorageaccountname webdisks\n'
        "New-AzureQuickVM -Windows -ServiceName svc1 -Name vm1 -ImageName img -AdminUsername u -Password p\n"
    )
    ((name, _),) = _storage_steps(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert name.startswith("<current storage account of the subscription, deploy.ps1:")
