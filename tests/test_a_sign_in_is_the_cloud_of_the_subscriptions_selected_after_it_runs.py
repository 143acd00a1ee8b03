"""A sign-in is the account's: the subscriptions a script selects after it signs in to Azure operated by
21Vianet (`Add-AzureAccount -Environment AzureChinaCloud`, `azure login -e AzureChinaCloud`) are of that
cloud, and the one it selected before is not, wherever the sign-in is written: between two selections, or
in a function written above them and called just before the second."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

GLOBAL = "11111111-2222-4333-8444-555555555555"
CHINA = "22222222-3333-4444-8555-666666666666"

POWERSHELL_VM = (
    "New-AzureQuickVM -Windows -ServiceName {service} -Name vm1 -ImageName img -Location '{region}' "
    "-Password p -AdminUsername a\n"
)
SCRIPTS = {
    "powershell, between the selections": (
        "deploy.ps1",
        f"Select-AzureSubscription -SubscriptionId {GLOBAL}\n"
        + POWERSHELL_VM.format(service="gl-web", region="West Europe")
        + "Add-AzureAccount -Environment AzureChinaCloud\n"
        + f"Select-AzureSubscription -SubscriptionId {CHINA}\n"
        + POWERSHELL_VM.format(service="cn-web", region="China North"),
    ),
    "powershell, in a function called before the second": (
        "deploy.ps1",
        "function Connect-China { Add-AzureAccount -Environment AzureChinaCloud }\n"
        f"Select-AzureSubscription -SubscriptionId {GLOBAL}\n"
        + POWERSHELL_VM.format(service="gl-web", region="West Europe")
        + "Connect-China\n"
        + f"Select-AzureSubscription -SubscriptionId {CHINA}\n"
        + POWERSHELL_VM.format(service="cn-web", region="China North"),
    ),
    "classic cli, between the selections": (
        "deploy.sh",
        "#!/bin/bash\n"
        f"azure account set {GLOBAL}\n"
        "azure vm create gl-web img user pass -l 'West Europe'\n"
        "azure login -e AzureChinaCloud\n"
        f"azure account set {CHINA}\n"
        "azure vm create cn-web img user pass -l 'China North'\n",
    ),
    "classic cli, in a function called before the second": (
        "deploy.sh",
        "#!/bin/bash\n"
        "connect_china() {\n  azure login -e AzureChinaCloud\n}\n"
        f"azure account set {GLOBAL}\n"
        "azure vm create gl-web img user pass -l 'West Europe'\n"
        "connect_china\n"
        f"azure account set {CHINA}\n"
        "azure vm create cn-web img user pass -l 'China North'\n",
    ),
}


def clouds_of(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, str]:
    plan = json.loads(render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), "json"))
    return {s["subscription"]: (s["before"] or {}).get("cloud", "") for s in plan["subscriptions"]}


@pytest.mark.parametrize("case", SCRIPTS)
def test_only_the_subscription_selected_after_the_sign_in_is_of_its_cloud(tmp_path, monkeypatch, case):
    path, script = SCRIPTS[case]
    clouds = clouds_of(tmp_path, monkeypatch, {path: script})
    assert clouds == {GLOBAL: "", CHINA: "AzureChinaCloud"}


def test_a_sign_in_above_both_selections_is_the_cloud_of_both(tmp_path, monkeypatch):
    path, script = SCRIPTS["powershell, in a function called before the second"]
    script = script.replace("Connect-China\n", "").replace(
        f"Select-AzureSubscription -SubscriptionId {GLOBAL}\n",
        f"Connect-China\nSelect-AzureSubscription -SubscriptionId {GLOBAL}\n",
    )
    clouds = clouds_of(tmp_path, monkeypatch, {path: script})
    assert clouds == {GLOBAL: "AzureChinaCloud", CHINA: "AzureChinaCloud"}
