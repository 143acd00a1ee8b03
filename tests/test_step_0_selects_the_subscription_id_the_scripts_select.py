"""Step 0 of the plan selects the subscription by the id the scripts select, where no inventory export
states one: PowerShell's `Select-AzureSubscription -SubscriptionId`, the classic CLI's `azure account set <id>` (also run from PowerShell or Python), and the
id a Python script makes its classic client for (`ServiceManagementService('<id>', 'cert.pem')`). Only a
well-formed GUID is an id; scripts that select different ids are two subscriptions, each selected by its
id, unless the settings put them in one, whose step 0 lists them, not picked from; an export's id wins
over a script's."""

from __future__ import annotations

import json

import pytest
from lint_support import RULES, graph_page, graph_vm, lint_files

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

ID = "1b9dc417-cb58-4baa-b7d0-43d874612b78"
OTHER = "22222222-2222-4222-8222-222222222222"
EXPORTED = "11111111-1111-4111-8111-111111111111"

QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "svc1" -Name "vm1" -Location "West US" -ImageName img '
    "-Password p -AdminUsername u\n"
)
NETCFG = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="net" Location="West US"><AddressSpace>'
    "<AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>"
    "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
)
SELECTING = {
    "select": {"deploy.ps1": f'Select-AzureSubscription -SubscriptionId "{ID}"\n{QUICK_VM}'},
    "set from a variable": {
        "deploy.ps1": f'$sub = "{ID.upper()}"\nSelect-AzureSubscription -Id $sub\n{QUICK_VM}'
    },
    "python client": {
        "deploy.py": (
            "from azure.servicemanagement import ServiceManagementService\n"
            f"SUBSCRIPTION = '{ID}'\n"
            "def client(subscription=SUBSCRIPTION):\n"
            "    return ServiceManagementService(subscription, 'cert.pem')\n"
            "client().create_hosted_service(service_name='svc1', label='svc1', location='West US')\n"
        ),
        # A network to migrate: the service the script creates has no deployment, so no step of its own.
        "NetworkConfig.netcfg": NETCFG,
    },
    "classic cli": {
        "deploy.sh": f"#!/bin/bash\nazure account set {ID}\nazure vm create svc1 img user pass -l 'West US'\n"
    },
    "classic cli from powershell": {"deploy.ps1": f"azure account set {ID}\n{QUICK_VM}"},
    "ansible classic module": {
        "provision.yml": (
            "- hosts: localhost\n  tasks:\n    - azure:\n        name: web1\n        image: img\n"
            "        location: East US\n        user: admin\n        password: secret\n"
            f"        storage_account: shopdisks\n        subscription_id: {ID}\n"
        )
    },
    "ansible shell task": {
        "provision.yml": (
            "- hosts: localhost\n  tasks:\n"
            f"    - shell: azure account set {ID}\n"
            "    - shell: azure vm create svc1 img user pass -l 'West US'\n"
        )
    },
}


def plan_of(tmp_path, monkeypatch, files: dict[str, str], form: str = "text") -> str:
    return render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), form)


@pytest.mark.parametrize("case", SELECTING)
def test_step_0_selects_the_id_a_script_selects(tmp_path, monkeypatch, case):
    text = plan_of(tmp_path, monkeypatch, SELECTING[case])
    assert f"Select subscription {ID} and register" in text
    assert f"Select-AzSubscription -SubscriptionId '{ID}'" in text
    assert f"azure account set '{ID}'" in text
    assert "<subscription id>" not in text


def test_the_json_plan_states_the_id(tmp_path, monkeypatch):
    data = json.loads(plan_of(tmp_path, monkeypatch, SELECTING["classic cli"], "json"))
    [subscription] = data["subscriptions"]
    assert subscription["before"]["subscription_id"] == ID


@pytest.mark.parametrize("chosen", ['-SubscriptionId "not-a-guid"', '-SubscriptionId "$env:SUB"'])
def test_a_name_or_a_text_that_is_no_id_is_still_filled_in(tmp_path, monkeypatch, chosen):
    text = plan_of(tmp_path, monkeypatch, {"deploy.ps1": f"Select-AzureSubscription {chosen}\n{QUICK_VM}"})
    assert "the files do not state its id: fill it in" in text
    assert "Select-AzSubscription -SubscriptionId '<subscription id>'" in text


def test_scripts_that_select_different_ids_are_two_subscriptions_each_selected_by_its_id(
    tmp_path, monkeypatch
):
    files = {
        "a.ps1": f'Select-AzureSubscription -SubscriptionId "{ID}"\n{QUICK_VM}',
        "b.sh": f"azure account set {OTHER}\nazure vm create svc2 img user pass -l 'West US'\n",
    }
    text = plan_of(tmp_path, monkeypatch, files)
    assert f"Select subscription {ID} and register" in text
    assert f"Select subscription {OTHER} and register" in text
    assert "<subscription id>" not in text


def test_scripts_the_settings_put_in_one_subscription_that_select_different_ids_are_listed(
    tmp_path, monkeypatch
):
    files = {
        "a.ps1": f'Select-AzureSubscription -SubscriptionId "{ID}"\n{QUICK_VM}',
        "b.sh": f"azure account set {OTHER}\nazure vm create svc2 img user pass -l 'West US'\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    config = Config(subscriptions={"prod": ("*.ps1", "*.sh")})
    text = render_plan(build_plan(lint(["."], config, RULES)), "text")
    assert (
        f"Select this subscription (the scripts select different ids: {ID} (a.ps1:1), {OTHER} (b.sh:1); "
        "fill in the one to migrate)"
    ) in text
    assert "Select-AzSubscription -SubscriptionId '<subscription id of prod>'" in text


def test_an_inventory_export_s_id_wins_over_a_script_s(tmp_path, monkeypatch):
    files = {
        "classic.json": graph_page(graph_vm(EXPORTED, "svca", "vma01"), indent=2),
        "deploy.ps1": f'Select-AzureSubscription -SubscriptionId "{ID}"\n{QUICK_VM}',
    }
    text = plan_of(tmp_path, monkeypatch, files)
    assert f"Select subscription {EXPORTED} and register" in text
    assert ID not in text


@pytest.mark.parametrize(
    "files",
    [
        {"deploy.ps1": f'Select-AzureSubscription -SubscriptionName "Production"\n{QUICK_VM}'},
        {
            "deploy.sh": 'azure login\nazure account set Production\nazure vm create web1 img u p -l "West US"\n'
        },
    ],
)
def test_a_subscription_the_scripts_select_by_one_name_is_selected_by_that_name(tmp_path, monkeypatch, files):
    text = plan_of(tmp_path, monkeypatch, files)
    assert (
        "Select subscription 'Production' (the scripts select it by this name; no file states its id)" in text
    )
    assert "Select-AzSubscription -Subscription 'Production'" in text
    assert "Select-AzureSubscription -SubscriptionName 'Production'" in text
    assert "azure account set 'Production'" in text
    assert "<subscription id>" not in text
    data = json.loads(plan_of(tmp_path, monkeypatch, files, "json"))
    [subscription] = data["subscriptions"]
    assert (subscription["before"]["subscription_id"], subscription["before"]["subscription_name"]) == (
        "",
        "Production",
    )


def test_scripts_that_select_two_names_plan_each_subscription_selected_by_its_name(tmp_path, monkeypatch):
    files = {
        "a.ps1": f'Select-AzureSubscription -SubscriptionName "Production"\n{QUICK_VM}',
        "b.ps1": f'Select-AzureSubscription -SubscriptionName "Staging"\n{QUICK_VM.replace("vm1", "vm2")}',
    }
    text = plan_of(tmp_path, monkeypatch, files)
    assert "Select-AzSubscription -Subscription 'Production'" in text
    assert "Select-AzSubscription -Subscription 'Staging'" in text
    assert "<subscription id" not in text
