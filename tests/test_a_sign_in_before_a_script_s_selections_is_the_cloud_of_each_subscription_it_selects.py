"""A sign-in is the account's: a script that signs in to Azure operated by 21Vianet
(`Add-AzureAccount -Environment AzureChinaCloud`, `azure login -e AzureChinaCloud`) and then selects a
subscription works in that cloud in it, however the files are split into subscriptions. Step 0 of that
subscription signs in to the cloud and checks the quotas of its regions there; the subscriptions of the
other files, which say no cloud, are signed in to as before; and `check` names the cloud the plan signs in
to."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report import text
from migcheck.report.plan_format import render_plan

CHINA = "11111111-2222-4333-8444-555555555555"
GLOBAL = "22222222-3333-4444-8555-666666666666"

SIGNED_IN_THEN_SELECTED = {
    "powershell": (
        "china/deploy.ps1",
        "Add-AzureAccount -Environment AzureChinaCloud\n"
        f"Select-AzureSubscription -SubscriptionId {CHINA}\n"
        "$vm = New-AzureVMConfig -Name cn-web01 -InstanceSize Small -ImageName img\n"
        'New-AzureVM -ServiceName cn-web -VMs $vm -Location "China North"\n',
    ),
    "classic cli": (
        "china/deploy.sh",
        "#!/bin/bash\nazure login -e AzureChinaCloud\n"
        f"azure account set {CHINA}\n"
        "azure vm create cn-web img user pass -l 'China North'\n",
    ),
}
OTHER_SELECTION = {
    "other/vm.ps1": (
        f"Select-AzureSubscription -SubscriptionId {GLOBAL}\n"
        "New-AzureQuickVM -Windows -ServiceName gl-vm -Name vm1 -ImageName img -Location 'West Europe' "
        "-Password p -AdminUsername a\n"
    )
}
SELECTS_NOTHING = {
    "web/vm.ps1": (
        "New-AzureQuickVM -Windows -ServiceName web -Name vm1 -ImageName img -Location 'West Europe' "
        "-Password p -AdminUsername a\n"
    ),
    "other/vm.ps1": OTHER_SELECTION["other/vm.ps1"],
}


def clouds_of(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, str]:
    plan = json.loads(render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), "json"))
    # A subscription with nothing to migrate has no step 0 ("before": null).
    return {s["subscription"]: (s["before"] or {}).get("cloud", "") for s in plan["subscriptions"]}


@pytest.mark.parametrize("language", SIGNED_IN_THEN_SELECTED)
@pytest.mark.parametrize(
    "beside", [OTHER_SELECTION, SELECTS_NOTHING], ids=["another selection", "no selection"]
)
def test_the_subscription_selected_after_the_sign_in_is_of_its_cloud(tmp_path, monkeypatch, language, beside):
    path, script = SIGNED_IN_THEN_SELECTED[language]
    clouds = clouds_of(tmp_path, monkeypatch, {path: script, **beside})
    assert clouds[CHINA] == "AzureChinaCloud"
    assert not any(cloud for name, cloud in clouds.items() if name != CHINA)


def test_its_step_0_signs_in_and_checks_the_quotas_of_its_region_there(tmp_path, monkeypatch):
    path, script = SIGNED_IN_THEN_SELECTED["powershell"]
    result = lint_files(tmp_path, monkeypatch, {path: script, **SELECTS_NOTHING}, dedent=False)
    plan = json.loads(render_plan(build_plan(result), "json"))
    before = {s["subscription"]: s["before"] or {} for s in plan["subscriptions"]}
    assert "Connect-AzAccount -Environment 'AzureChinaCloud'" in before[CHINA]["powershell"]
    assert (
        "Get-AzVMUsage -Location 'chinanorth'; Get-AzNetworkUsage -Location 'chinanorth'"
        in (before[CHINA]["powershell"])
    )
    for name, said in before.items():
        if name != CHINA:
            assert not any("-Environment" in line for line in said.get("powershell", ()))
    # Several subscriptions: the line names the one whose files work there.
    assert f"the files work in Azure operated by 21Vianet (subscription '{CHINA}': china/deploy.ps1:1)" in (
        text.render(result)
    )


def test_a_script_that_makes_something_before_it_selects_works_in_the_cloud_there_too(tmp_path, monkeypatch):
    script = (
        "Add-AzureAccount -Environment AzureChinaCloud\n"
        "New-AzureStorageAccount -StorageAccountName cnstore -Location 'China North'\n"
        f"Select-AzureSubscription -SubscriptionId {CHINA}\n"
        "New-AzureQuickVM -Windows -ServiceName cn-web -Name vm1 -ImageName img -Location 'China North' "
        "-Password p -AdminUsername a\n"
    )
    clouds = clouds_of(tmp_path, monkeypatch, {"china/deploy.ps1": script, **OTHER_SELECTION})
    assert clouds[CHINA] == "AzureChinaCloud"
    assert clouds["default"] == "AzureChinaCloud"
    assert clouds[GLOBAL] == ""


def test_a_python_client_made_with_its_own_host_keeps_its_cloud(tmp_path, monkeypatch):
    script = (
        "import requests\n"
        "from azure.servicemanagement import ServiceManagementService\n"
        f"requests.get('https://management.core.chinacloudapi.cn/{CHINA}/services/hostedservices', cert=c)\n"
        f"china = ServiceManagementService('{CHINA}', 'cert.pem', 'management.core.chinacloudapi.cn')\n"
        "china.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'vm1', None, os)\n"
        f"world = ServiceManagementService('{GLOBAL}', 'cert.pem', 'management.core.windows.net')\n"
        "world.create_virtual_machine_deployment('svc2', 'svc2', 'production', 'svc2', 'vm2', None, os)\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, dedent=False)
    plan = json.loads(render_plan(build_plan(result), "json"))
    before = {s["subscription"]: s["before"] for s in plan["subscriptions"]}
    assert before[CHINA]["cloud"] == "AzureChinaCloud"
    assert (before[GLOBAL]["cloud"], before[GLOBAL]["clouds_apart"]) == ("", [])
