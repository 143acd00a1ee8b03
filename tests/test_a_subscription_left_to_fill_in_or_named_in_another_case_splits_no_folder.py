"""A script that selects a subscription by a name left to fill in (`Select-AzureSubscription -SubscriptionName
"your subscription name"`, `"<your subscription name>"`, `azure account set "YOUR_SUBSCRIPTION_NAME"`)
selects none: its folder stays one subscription; so does one that selects the empty GUID
(`00000000-0000-0000-0000-000000000000`) or the documentation's sample name "My Azure Subscription", in every
script language. And a subscription is matched by its name whatever its case: scripts that select 'Contoso
Prod' and 'contoso prod' select one subscription. A name a script's parameter gives as its default
(`param($SubscriptionName = "Contoso Prod")`) is the one it selects, where it selected none."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.model import is_placeholder_subscription

EMPTY_GUID = "00000000-0000-0000-0000-000000000000"


def ps_vm(selection: str, service: str) -> str:
    return (
        f"{selection}\n"
        f"New-AzureQuickVM -Windows -ServiceName '{service}' -Name '{service}vm' -ImageName 'img' "
        "-AdminUsername u -Password p -Location 'West US'\n"
    )


def sh_vm(name: str, service: str) -> str:
    return f"#!/bin/bash\nazure account set {name}\nazure vm create {service} img u p --location 'West US'\n"


def subscriptions(result) -> dict[str, list[str]]:
    return {
        e.subscription: sorted(s.name for s in e.cloud_services) for e in result.estates if e.cloud_services
    }


@pytest.mark.parametrize(
    "blank",
    [
        "Select-AzureSubscription -SubscriptionName 'your subscription name'",
        "Select-AzureSubscription -SubscriptionName '<your subscription name>'",
        "Select-AzureSubscription -SubscriptionName 'Subscription Name'",
        "Select-AzureSubscription -SubscriptionName 'My Azure Subscription'",
        f"Select-AzureSubscription -SubscriptionId {EMPTY_GUID}",
    ],
)
def test_a_subscription_name_left_to_fill_in_selects_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    files = {
        "a.ps1": ps_vm(blank, "svc-a"),
        "b.ps1": ps_vm("Select-AzureSubscription -SubscriptionName 'Contoso Prod'", "svc-b"),
        "d.sh": sh_vm('"YOUR_SUBSCRIPTION_NAME"', "svc-d"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert subscriptions(result) == {"default": ["svc-a", "svc-b", "svc-d"]}


PY_VM = """\
from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService
sms = ServiceManagementService("{subscription}", "cert.pem")
disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd")
sms.create_virtual_machine_deployment("svc-e", "d", "production", "d", "vm1", None, disk)
"""


@pytest.mark.parametrize("blank", [EMPTY_GUID, "My Azure Subscription"])
def test_the_empty_guid_or_the_sample_name_selects_none_in_any_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    files = {
        "b.ps1": ps_vm("Select-AzureSubscription -SubscriptionName 'Contoso Prod'", "svc-b"),
        "d.sh": sh_vm(f"'{blank}'", "svc-d"),
        "e.py": PY_VM.format(subscription=blank),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert subscriptions(result) == {"default": ["svc-b", "svc-d", "svc-e"]}
    # Near miss: a subscription's own id is selected.
    files["e.py"] = PY_VM.format(subscription="1b9dc417-cb58-4baa-b7d0-43d874612b78")
    result = lint_files(tmp_path / "real", monkeypatch, files, dedent=False)
    assert subscriptions(result)["1b9dc417-cb58-4baa-b7d0-43d874612b78"] == ["svc-e"]


@pytest.mark.parametrize("selection", ["-SubscriptionName $SubscriptionName", "$SubscriptionName"])
def test_a_subscription_name_a_parameter_defaults_to_is_selected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, selection: str
) -> None:
    selecting = f"param($SubscriptionName = 'Contoso Prod')\nSelect-AzureSubscription {selection}"
    files = {
        "a.ps1": ps_vm(selecting, "svc-a"),
        "b.ps1": ps_vm("Select-AzureSubscription -SubscriptionName 'Contoso Dev'", "svc-b"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert subscriptions(result) == {"Contoso Prod": ["svc-a"], "Contoso Dev": ["svc-b"]}


def test_subscription_names_that_differ_in_case_are_one_subscription(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "b.ps1": ps_vm("Select-AzureSubscription -SubscriptionName 'Contoso Prod'", "svc-b"),
        "c.ps1": ps_vm("Select-AzureSubscription -SubscriptionName 'contoso prod'", "svc-c"),
        "d.ps1": ps_vm("Select-AzureSubscription -SubscriptionName 'Contoso Dev'", "svc-d"),
        "e.sh": sh_vm("'CONTOSO DEV'", "svc-e"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert subscriptions(result) == {"Contoso Prod": ["svc-b", "svc-c"], "Contoso Dev": ["svc-d", "svc-e"]}


@pytest.mark.parametrize(
    ("written", "blank"),
    [
        ("XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX", True),
        ("00000000-0000-0000-0000-000000000000", True),
        ("My Azure Subscription", True),
        ("1b9dc417-cb58-4baa-b7d0-43d874612b78", False),
        ("[SUBSCRIPTION]", True),
        ("YourSubscriptionName", True),
        ("Contoso Prod", False),
        ("Pay-As-You-Go", False),
        ("Visual Studio Enterprise", False),
    ],
)
def test_a_subscription_written_as_a_blank_is_told_from_a_real_one(written: str, blank: bool) -> None:
    assert is_placeholder_subscription(written) is blank


def test_set_azure_subscription_sets_a_subscription_s_properties_and_selects_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setting = (
        "Set-AzureSubscription -SubscriptionId 1b9dc417-cb58-4baa-b7d0-43d874612b78 "
        "-CurrentStorageAccountName 'store1'"
    )
    files = {
        "a.ps1": ps_vm(setting, "svc-a"),
        "b.ps1": ps_vm("Select-AzureSubscription -SubscriptionName 'Contoso Prod'", "svc-b"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert subscriptions(result) == {"default": ["svc-a", "svc-b"]}
