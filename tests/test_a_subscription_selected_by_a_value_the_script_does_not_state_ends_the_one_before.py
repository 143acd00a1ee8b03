"""A script that selects one subscription by the id it states, then another by a value it does not state
(`Select-AzureSubscription -SubscriptionId $TargetSubscriptionId`, a parameter's default an `if` may
reassign, `azure account set "$SUB"`, a Python client made for `sys.argv[1]`), works in some subscription
the files do not name from there on: what it creates after it is not the first subscription's, but in one
whose id the plan leaves to fill in, as for a script that selects none. A parameter's default no `if`
reassigns is still the subscription a run as written selects."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.plan import subscription_id

SOURCE = "22222222-2222-2222-2222-222222222222"
DEST = "9b3137f8-08c6-4647-8c5b-5161b763a705"


def ps_vm(service: str) -> str:
    return (
        f"New-AzureQuickVM -Windows -ServiceName '{service}' -Name '{service}vm' -ImageName 'img' "
        "-AdminUsername u -Password p -Location 'China North'\n"
    )


def ps_moves(params: str, between: str = "") -> str:
    """A script that creates a VM in the source subscription, then selects the destination."""
    return (
        f"{params}\n"
        f'Select-AzureSubscription -SubscriptionId "{SOURCE}"\n'
        f"{ps_vm('src')}"
        f"{between}"
        "Select-AzureSubscription -SubscriptionId $DestSubscriptionId\n"
        f"{ps_vm('dest')}"
    )


SH_MOVES = f"""\
#!/bin/bash
SUB=$1
azure account set {SOURCE}
azure vm create src img u p --location 'China North'
azure account set "$SUB"
azure vm create dest img u p --location 'China North'
"""

PY_MOVES = f"""\
import sys
from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService

source = ServiceManagementService('{SOURCE}', 'cert.pem')
disk = OSVirtualHardDisk('img', 'https://a.blob.core.chinacloudapi.cn/v/a.vhd')
source.create_virtual_machine_deployment('src', 'd', 'production', 'd', 'vm1', None, disk)
dest = ServiceManagementService(sys.argv[1], 'cert.pem')
dest.create_virtual_machine_deployment('dest', 'd', 'production', 'd', 'vm1', None, disk)
"""

# `$DestSubscriptionId` falls back to the source where both are the same or it is passed blank.
MAY_REASSIGN = (
    'if (($SourceSubscriptionId -eq $DestSubscriptionId) -or ($DestSubscriptionId -eq "")) {\n'
    "    $DestSubscriptionId = $SourceSubscriptionId\n"
    "}\n"
)

UNSTATED = {
    "a parameter with no default": {"move.ps1": ps_moves("param([string]$DestSubscriptionId)")},
    "a default an if may reassign": {
        "move.ps1": ps_moves(
            f'param([string]$SourceSubscriptionId = "{SOURCE}", [string]$DestSubscriptionId = "{DEST}")',
            MAY_REASSIGN,
        )
    },
    "a value an if may set to another id": {
        "move.ps1": ps_moves(
            f'param([switch]$UseOther)\n$DestSubscriptionId = "{DEST}"\n'
            f'if ($UseOther) {{ $DestSubscriptionId = "{SOURCE}" }}'
        )
    },
    "the classic CLI": {"move.sh": SH_MOVES},
    "a Python client": {"move.py": PY_MOVES},
}


def services_by_subscription(result) -> dict[str, list[str]]:
    return {
        e.subscription: sorted(s.name for s in e.cloud_services) for e in result.estates if e.cloud_services
    }


@pytest.mark.parametrize("files", UNSTATED.values(), ids=UNSTATED.keys())
def test_what_follows_a_selection_not_stated_is_not_the_earlier_subscription_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> None:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert services_by_subscription(result) == {SOURCE: ["src"], "default": ["dest"]}
    unnamed = next(e for e in result.estates if e.subscription == "default")
    assert subscription_id(unnamed) == ""  # step 0: fill it in


def test_a_parameter_s_default_no_if_reassigns_is_the_subscription_selected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"move.ps1": ps_moves(f'param([string]$DestSubscriptionId = "{DEST}")')}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert services_by_subscription(result) == {SOURCE: ["src"], DEST: ["dest"]}


def test_a_script_that_selects_only_a_value_it_does_not_state_stays_one_subscription(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "move.ps1": (
            "param([string]$DestSubscriptionId)\n"
            "Select-AzureSubscription -SubscriptionId $DestSubscriptionId\n"
            f"{ps_vm('dest')}"
        ),
        "other.ps1": ps_vm("other"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert services_by_subscription(result) == {"default": ["dest", "other"]}


def test_a_sign_in_before_a_selection_not_stated_gives_no_subscription_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cloud signed in to above the selections goes to each subscription selected; one selected by a
    value not stated is the group's, never a subscription of its own named by migcheck's inner marker."""
    script = (
        "param([string]$Sub)\nAdd-AzureAccount -Environment AzureChinaCloud\n"
        f'Select-AzureSubscription -SubscriptionId "{SOURCE}"\n{ps_vm("src")}'
        f"Select-AzureSubscription -SubscriptionId $Sub\n{ps_vm('dest')}"
    )
    result = lint_files(tmp_path, monkeypatch, {"move.ps1": script}, dedent=False)
    assert sorted(e.subscription for e in result.estates) == sorted([SOURCE, "default"])
