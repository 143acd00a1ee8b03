"""A storage account a script migrates, of which the files show what it holds: the image a script registers
from a blob of it (Add-AzureVMImage -MediaLocation, azure vm image create --blob-url, add_os_image) and no VM
disk. Such an account "does not have any associated disks or Virtual Machines data" and migrates "as a
standalone migration without dependencies" (overview): its Prepare before a network's is no MIG602, as the
plan puts it first, where every VM the files describe has its disks in accounts they name. The plan's note
of one whose image the script removes says what no file shows of it (what it holds), not that no file
describes it, where the script names its blob."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, rest_vm_deployment

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'

OS_DISK = (
    "<OSVirtualHardDisk><DiskName>app1-os</DiskName>"
    "<MediaLink>https://appvmacct.blob.core.windows.net/vhds/app1.vhd</MediaLink><OS>Windows</OS>"
    "</OSVirtualHardDisk>"
)
# Deployment app-prod: VM app1 in subnet web of app-vnet, its OS disk in account appvmacct.
APP_PROD = (
    rest_vm_deployment("app-prod", "Production", "app1", "", "app-vnet")
    .replace("<Deployment>", f"<Deployment {NS}>", 1)
    .replace("</ConfigurationSets>", f"</ConfigurationSets>{OS_DISK}", 1)
)
# The same VM with no OS disk stated: it may be in any account, imgonlyacct too.
APP_PROD_DISKS_UNSTATED = rest_vm_deployment("app-prod", "Production", "app1", "", "app-vnet").replace(
    "<Deployment>", f"<Deployment {NS}>", 1
)

IMAGE = "Add-AzureVMImage -ImageName 'golden' -MediaLocation 'https://imgonlyacct.blob.core.windows.net/images/golden.vhd' -OS Windows\n"
MOVE_ACCOUNT = """\
Move-AzureStorageAccount -Validate -StorageAccountName 'imgonlyacct'
Move-AzureStorageAccount -Prepare -StorageAccountName 'imgonlyacct'
Move-AzureStorageAccount -Commit -StorageAccountName 'imgonlyacct'
"""
MOVE_NETWORK = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet'
"""


# The image registered from a blob of imgonlyacct, then the account migrated before app-vnet, in each
# script format that does both.
IMAGE_FIRST = {
    "migrate.ps1": IMAGE + MOVE_ACCOUNT + MOVE_NETWORK,
    "migrate.sh": (
        "azure vm image create golden --blob-url https://imgonlyacct.blob.core.windows.net/images/golden.vhd"
        " --os Windows\n"
        "azure storage account prepare-migration imgonlyacct\n"
        "azure storage account commit-migration imgonlyacct\n"
        "azure network vnet validate-migration app-vnet\n"
        "azure network vnet prepare-migration app-vnet\n"
        "azure network vnet commit-migration app-vnet\n"
    ),
    "migrate.py": (
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.add_os_image('golden', 'https://imgonlyacct.blob.core.windows.net/images/golden.vhd', 'golden', "
        "'Windows')\n"
        + "".join(
            f"sms.perform_post('/sub/services/storageservices/imgonlyacct/migration?comp={step}', '')\n"
            for step in ("Validate", "Prepare", "Commit")
        )
        + "".join(
            f"sms.perform_post('/sub/services/networking/virtualnetwork/app-vnet/migration?comp={step}', '')\n"
            for step in ("Validate", "Prepare", "Commit")
        )
    ),
}


def plan_text(tmp_path, monkeypatch, script: str) -> str:
    files = {"app-prod.xml": APP_PROD, "network.netcfg": APP_VNET_NETCFG, "migrate.ps1": script}
    return render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), "text")


def mig602(tmp_path, monkeypatch, script: str, text: str, deployment: str = APP_PROD) -> list[str]:
    files = {"app-prod.xml": deployment, "network.netcfg": APP_VNET_NETCFG, script: text}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [f.message for f in result.findings if f.code == "MIG602"]


@pytest.mark.parametrize("script", sorted(IMAGE_FIRST))
def test_an_account_holding_only_an_image_may_migrate_before_the_vms(tmp_path, monkeypatch, script):
    assert mig602(tmp_path, monkeypatch, script, IMAGE_FIRST[script]) == []


@pytest.mark.parametrize("script", sorted(IMAGE_FIRST))
def test_a_vm_whose_disks_the_files_do_not_place_keeps_the_warning(tmp_path, monkeypatch, script):
    [message] = mig602(tmp_path, monkeypatch, script, IMAGE_FIRST[script], APP_PROD_DISKS_UNSTATED)
    assert "if storage account 'imgonlyacct' holds disks of VMs that are still classic" in message


def test_a_deployment_a_script_only_changes_keeps_the_warning(tmp_path, monkeypatch):
    """A script that changes a VM of a deployment no file shows whole: its other VMs may have disks anywhere."""
    change = "Get-AzureVM -ServiceName 'other' -Name 'vm9' | Set-AzureVMSize -InstanceSize Large | Update-AzureVM\n"
    [message] = mig602(tmp_path, monkeypatch, "migrate.ps1", change + IMAGE_FIRST["migrate.ps1"])
    assert "if storage account 'imgonlyacct' holds disks" in message


def test_an_account_whose_image_the_script_removes_is_said_to_show_nothing_it_holds(tmp_path, monkeypatch):
    script = IMAGE + "Remove-AzureVMImage -ImageName 'golden'\n" + MOVE_ACCOUNT + MOVE_NETWORK
    text = plan_text(tmp_path, monkeypatch, script)
    assert (
        "note: The scripts checked migrate storage account 'imgonlyacct', but no file checked shows what it "
        "holds: add an inventory export"
    ) in text
    assert "describes it" not in text
