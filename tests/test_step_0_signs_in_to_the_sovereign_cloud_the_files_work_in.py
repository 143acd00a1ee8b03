"""Step 0 of the plan signs in to the cloud the files work in, where it is Azure operated by 21Vianet (Azure
China) or Azure Government: run as written in Azure's global cloud, its commands find no subscription there.
A file says its cloud by a sign-in to it (PowerShell's `Add-AzureAccount -Environment AzureChinaCloud`,
the classic CLI's `azure login -e AzureChinaCloud`), by the host of its API a script sends to
(`ServiceManagementService(sub, cert, 'management.core.chinacloudapi.cn')`, a REST URL on it), or by a disk's
blob address (an inventory export's, a script's). Each part of a script split by the subscriptions it selects
signs in to its own cloud; files that work in two clouds leave the choice to whoever signs in. The retirement
dates the plan gives are the global cloud's, which it says in a sovereign cloud's subscription."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files

from migcheck.model import storage_account
from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

ID = "1b9dc417-cb58-4baa-b7d0-43d874612b78"
OTHER = "22222222-2222-4222-8222-222222222222"

QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "svc1" -Name "vm1" -Location "China North" -ImageName img '
    "-Password p -AdminUsername u\n"
)
PY_CLIENT = (
    "from azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService('{id}', 'cert.pem', '{host}')\n"
    "sms.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'vm1', None, os)\n"
)
QUICK_VM_PY = "import subprocess\nsubprocess.run(['azure', 'vm', 'create', 'svc1', 'img', 'user', 'pass', '-l', 'China North'])\n"
IN_CHINA = {
    "powershell sign-in": {"deploy.ps1": f"Add-AzureAccount -Environment AzureChinaCloud\n{QUICK_VM}"},
    "az module sign-in": {"deploy.ps1": f"Connect-AzAccount -Environment 'AzureChinaCloud'\n{QUICK_VM}"},
    "powershell rest request": {
        "deploy.ps1": (
            f"{QUICK_VM}"
            f'Invoke-RestMethod -Method Get -Uri "https://management.core.chinacloudapi.cn/{ID}/services/hostedservices"'
            " -Certificate $cert\n"
        )
    },
    "classic cli sign-in": {
        "deploy.sh": "#!/bin/bash\nazure login -e AzureChinaCloud\nazure vm create svc1 img user pass -l 'China North'\n"
    },
    "classic cli long option": {
        "deploy.sh": (
            "#!/bin/bash\nazure login --environment AzureChinaCloud -u me\n"
            "azure vm create svc1 img user pass -l 'China North'\n"
        )
    },
    "publish settings of the cloud": {
        "deploy.ps1": f"Import-AzurePublishSettingsFile -PublishSettingsFile .\\china.publishsettings -Environment AzureChinaCloud\n{QUICK_VM}"
    },
    "python rest request": {
        "deploy.py": (
            "import requests\n"
            f"requests.get('https://management.core.chinacloudapi.cn/{ID}/services/hostedservices', cert=cert)\n"
            f"{QUICK_VM_PY}"
        )
    },
    "python client host": {"deploy.py": PY_CLIENT.format(id=ID, host="management.core.chinacloudapi.cn")},
    "disk blob address": {
        "deploy.ps1": (
            "$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img "
            "-MediaLocation 'https://zym.blob.core.chinacloudapi.cn/vhds/vm1.vhd'\n"
            "New-AzureVM -ServiceName svc1 -Location 'China North' -VMs $vm\n"
        )
    },
}


def graph_vm_in_china() -> dict:
    row = graph_vm(ID, "svc1", "vm1")
    vhd = {"vhdUri": "https://zym.blob.core.chinacloudapi.cn/vhds/vm1.vhd", "diskName": "vm1-os"}
    row["properties"]["storageProfile"] = {"operatingSystemDisk": vhd}
    return row


IN_CHINA["inventory export's disk"] = {"classic-vms.json": graph_page(graph_vm_in_china())}


def plan_of(tmp_path, monkeypatch, files: dict[str, str], form: str = "text") -> str:
    return render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), form)


@pytest.mark.parametrize("case", IN_CHINA)
def test_step_0_signs_in_to_azure_china(tmp_path, monkeypatch, case):
    text = plan_of(tmp_path, monkeypatch, IN_CHINA[case])
    assert "Sign in to Azure operated by 21Vianet (AzureChinaCloud), where the files work." in text
    for command in (
        "Connect-AzAccount -Environment 'AzureChinaCloud'",
        "Add-AzureAccount -Environment 'AzureChinaCloud'",
        "azure login -e 'AzureChinaCloud'",
        "az cloud set -n 'AzureChinaCloud'; az login",
    ):
        assert command in text
    assert "The retirement dates this plan gives are those of Azure's global cloud" in text


def test_azure_government_is_signed_in_to_by_its_name(tmp_path, monkeypatch):
    files = {"deploy.py": PY_CLIENT.format(id=ID, host="management.core.usgovcloudapi.net")}
    plan = json.loads(plan_of(tmp_path, monkeypatch, files, "json"))
    (subscription,) = plan["subscriptions"]
    assert subscription["before"]["cloud"] == "AzureUSGovernment"
    assert "Connect-AzAccount -Environment 'AzureUSGovernment'" in subscription["before"]["powershell"]


def test_the_global_cloud_is_signed_in_to_as_before(tmp_path, monkeypatch):
    files = {"deploy.py": PY_CLIENT.format(id=ID, host="management.core.windows.net")}
    text = plan_of(tmp_path, monkeypatch, files)
    assert "Sign in" not in text
    assert "-Environment" not in text
    assert "retirement dates this plan gives" not in text


def test_each_subscription_a_script_selects_signs_in_to_its_own_cloud(tmp_path, monkeypatch):
    script = (
        "from azure.servicemanagement import ServiceManagementService\n"
        f"china = ServiceManagementService('{ID}', 'cert.pem', 'management.core.chinacloudapi.cn')\n"
        "china.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'vm1', None, os)\n"
        f"world = ServiceManagementService('{OTHER}', 'cert.pem')\n"
        "world.create_virtual_machine_deployment('svc2', 'svc2', 'production', 'svc2', 'vm2', None, os)\n"
    )
    plan = json.loads(plan_of(tmp_path, monkeypatch, {"deploy.py": script}, "json"))
    clouds = {s["before"]["subscription_id"]: s["before"]["cloud"] for s in plan["subscriptions"]}
    assert clouds == {ID: "AzureChinaCloud", OTHER: ""}


def test_files_of_two_clouds_leave_the_cloud_to_choose(tmp_path, monkeypatch):
    files = {
        "china.ps1": f"Add-AzureAccount -Environment AzureChinaCloud\n{QUICK_VM}",
        "gov.sh": "#!/bin/bash\nazure login -e AzureUSGovernment\nazure vm create svc2 img user pass -l 'US Gov Iowa'\n",
    }
    text = plan_of(tmp_path, monkeypatch, files)
    assert "the files work in several: AzureChinaCloud (china.ps1:1), AzureUSGovernment (gov.sh:2)" in text
    assert "Connect-AzAccount -Environment '<AzureChinaCloud or AzureUSGovernment>'" in text
    assert "retirement dates this plan gives" not in text


@pytest.mark.parametrize(
    "url",
    [
        "https://zym.blob.core.chinacloudapi.cn/vhds/a.vhd",
        "https://zym.blob.core.usgovcloudapi.net/vhds/a.vhd",
        "http://ZYM.blob.core.chinacloudapi.cn:443/vhds/a.vhd",
    ],
)
def test_a_disk_in_a_sovereign_cloud_s_storage_is_in_its_account(url):
    assert storage_account(url) == "zym"
