"""A storage account a script migrates, of which the files show what it holds: the image a script registers
from a blob of it (Add-AzureVMImage -MediaLocation) and no VM disk. The plan's note says what no file shows
of it (what it holds), not that no file describes it, where the script names its blob."""

from __future__ import annotations

from lint_support import APP_VNET_NETCFG, lint_files, rest_vm_deployment

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'

# Deployment app-prod: VM app1 in subnet web of app-vnet, its disks in an account no file names.
APP_PROD = rest_vm_deployment("app-prod", "Production", "app1", "", "app-vnet").replace(
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


def plan_text(tmp_path, monkeypatch, script: str) -> str:
    files = {"app-prod.xml": APP_PROD, "network.netcfg": APP_VNET_NETCFG, "migrate.ps1": script}
    return render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), "text")


def test_an_account_whose_image_the_script_removes_is_said_to_show_nothing_it_holds(tmp_path, monkeypatch):
    script = IMAGE + "Remove-AzureVMImage -ImageName 'golden'\n" + MOVE_ACCOUNT + MOVE_NETWORK
    text = plan_text(tmp_path, monkeypatch, script)
    assert (
        "note: The scripts checked migrate storage account 'imgonlyacct', but no file checked shows what it "
        "holds: add an inventory export"
    ) in text
    assert "describes it" not in text
