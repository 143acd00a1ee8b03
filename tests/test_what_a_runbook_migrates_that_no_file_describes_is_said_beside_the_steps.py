"""A runbook that migrates by name resources no file checked describes is told to have them exported, even
when other files give the plan steps. The case found (JackStromberg/Azure-ASMARM): MigrateClassicToARM.ps1
moves cloud service 'myCloudService' and storage account 'myStorageAccount'; checked on its own, the plan's
closing line named them and asked for an inventory export, but beside ACLs-to-NSG.ps1, which gives the plan
a step, it said nothing of them. The plan now says it as a note outside the steps, in every format, of only
what no file describes: a network the runbook moves that a network configuration defines has its step."""

from __future__ import annotations

import html
import json

import pytest
from lint_support import APP_VNET_NETCFG
from lint_support import run_cli as run

# Runbooks that move `app-vnet` (which the network configuration defines) and `old-vnet` and storage
# account `oldlogs` (which no file describes), in each script format that migrates.
RUNBOOKS = {
    "migrate.ps1": (
        "Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'\n"
        "Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'old-vnet'\n"
        "Move-AzureStorageAccount -Validate -StorageAccountName 'oldlogs'\n"
    ),
    "migrate.sh": (
        "azure network vnet validate-migration app-vnet\n"
        "azure network vnet validate-migration old-vnet\n"
        "azure storage account prepare-migration oldlogs\n"
    ),
    "migrate.py": (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.perform_post('/sub/services/networking/virtualnetwork/app-vnet/migration?comp=Validate', '')\n"
        "sms.perform_post('/sub/services/networking/virtualnetwork/old-vnet/migration?comp=Validate', '')\n"
        "sms.perform_post('/sub/services/storageservices/oldlogs/migration?comp=Validate', '')\n"
    ),
}

# Of a storage account, what no file shows is what it holds (disks, images): what its step needs.
NOTE = (
    "The scripts checked migrate virtual network 'old-vnet' and storage account 'oldlogs', but no file "
    "checked describes virtual network 'old-vnet', or shows what storage account 'oldlogs' holds: add an "
    "inventory export of the subscription"
)


def _plan(tmp_path, monkeypatch, capsys, runbook: str, fmt: str = "text") -> str:
    (tmp_path / "network.netcfg").write_text(APP_VNET_NETCFG, encoding="utf-8")
    (tmp_path / runbook).write_text(RUNBOOKS[runbook], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run(capsys, "plan", ".", "--format", fmt)[1]


@pytest.mark.parametrize("runbook", sorted(RUNBOOKS))
def test_a_plan_with_steps_names_what_its_runbook_migrates_undescribed(
    tmp_path, monkeypatch, capsys, runbook
):
    out = _plan(tmp_path, monkeypatch, capsys, runbook)
    assert "Virtual network: app-vnet" in out
    notes = out.split("Notes outside the steps (warnings")[1]
    assert f"   note: {NOTE}" in notes
    assert "'app-vnet'" not in notes.split("\n")[1]


@pytest.mark.parametrize("runbook", sorted(RUNBOOKS))
def test_the_json_plan_lists_them_as_data(tmp_path, monkeypatch, capsys, runbook):
    [subscription] = json.loads(_plan(tmp_path, monkeypatch, capsys, runbook, "json"))["subscriptions"]
    assert subscription["undescribed"] == ["virtual network 'old-vnet'", "storage account 'oldlogs'"]


def test_markdown_and_html_say_it_among_the_notes(tmp_path, monkeypatch, capsys):
    markdown = _plan(tmp_path, monkeypatch, capsys, "migrate.ps1", "markdown")
    assert f"- **Note** {NOTE}" in markdown.split("### Notes outside the steps (warnings")[1]
    page = _plan(tmp_path, monkeypatch, capsys, "migrate.ps1", "html")
    assert f"<li>{html.escape(NOTE)}" in page.split("Notes outside the steps (warnings")[1]


def test_a_runbook_that_moves_only_what_the_files_describe_gets_no_such_note(tmp_path, monkeypatch, capsys):
    (tmp_path / "network.netcfg").write_text(APP_VNET_NETCFG, encoding="utf-8")
    (tmp_path / "migrate.ps1").write_text(
        "Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'APP-VNET'\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "plan", ".")[1]
    data = json.loads(run(capsys, "plan", ".", "--format", "json")[1])
    assert "no file checked describes" not in out
    assert "undescribed" not in data["subscriptions"][0]
