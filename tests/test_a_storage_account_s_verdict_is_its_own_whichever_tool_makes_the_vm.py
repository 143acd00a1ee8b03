"""A storage account's verdict is its own: it migrates after the VMs whose disks it holds, and its row says
so ("Validation passed; after app-vnet, which fails"), but what is found on those VMs (MIG203, a VM in a
network without a subnet; MIG105; MIG601 of the script) is theirs. A disk the classic CLI puts in a blob it
states (`azure vm create -u <url>`, also as Terraform and a CI step run it) is the blob's, at its URL, as
PowerShell's `-MediaLocation` and the Ansible module's disk are: the account's row and plan step no longer
take the findings of the command that makes the VM ("Validation failed: 1 error", "1 blocker")."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import readiness

_URL = "https://shopdisks.blob.core.windows.net/vhds/web1.vhd"

_VM_IN_A_NETWORK_WITHOUT_SUBNET = {
    "classic-cli": (
        "create.sh",
        f"azure config mode asm\nazure vm create shop img ops x --vm-name web1 --location 'North Europe' -w app-vnet -u {_URL}\n",
    ),
    "azure-pipelines-script": (
        "azure-pipelines.yml",
        "steps:\n  - script: |\n      azure config mode asm\n"
        f"      azure vm create shop img ops x --vm-name web1 --location 'North Europe' -w app-vnet -u {_URL}\n",
    ),
    "terraform": (
        "main.tf",
        'resource "azure_instance" "web" {\n  name = "web1"\n  hosted_service_name = "shop"\n'
        '  image = "img"\n  size = "Basic_A1"\n  location = "North Europe"\n  username = "ops"\n'
        '  password = "x"\n  storage_service_name = "shopdisks"\n  virtual_network = "app-vnet"\n}\n',
    ),
    "ansible-azure-module": (
        "site.yml",
        "- hosts: localhost\n  tasks:\n    - azure:\n        name: web1\n        image: img\n"
        "        location: North Europe\n        user: ops\n        password: x\n"
        "        storage_account: shopdisks\n        virtual_network_name: app-vnet\n",
    ),
    "powershell": (
        "create.ps1",
        "New-AzureQuickVM -Linux -ServiceName shop -Name web1 -ImageName img -LinuxUser ops -Password x"
        f' -Location "North Europe" -VNetName app-vnet -MediaLocation "{_URL}"\n',
    ),
}


def _account(result):
    items = [i for sub in readiness(result) for scope in sub.scopes for i in scope.items]
    [account] = [i for i in items if i.type == "StorageAccount" and i.name == "shopdisks"]
    [step] = [s for s in build_plan(result).steps if s.name == "shopdisks"]
    return account, step


@pytest.mark.parametrize("case", sorted(_VM_IN_A_NETWORK_WITHOUT_SUBNET))
def test_the_vm_s_blocker_is_not_its_disk_account_s(tmp_path, monkeypatch, case):
    path, text = _VM_IN_A_NETWORK_WITHOUT_SUBNET[case]
    result = lint_files(tmp_path, monkeypatch, {path: text, "NetworkConfig.netcfg": APP_VNET_NETCFG})
    assert "MIG203" in [f.code for f in result.findings]
    account, step = _account(result)
    assert (account.findings, step.blockers) == ((), ())
    assert step.after  # it waits on the step that moves the VM
