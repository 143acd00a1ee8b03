"""A VM outside any virtual network (MIG105, a warning about its deployment) has its OS disk in a storage
account the files create. The statement that creates the VM creates its disk too, so the warning was counted
on the account's row as well as the cloud service's ("disksstd (1 disk)  Validation passed with warnings: 1
warning"), listed in the account's report-json `findings`, and repeated as a note on the account's plan
step. The platform's Validate of a storage account does not report a VM's network: the warning is counted
once, on the cloud service, in every language that creates such a VM."""

from __future__ import annotations

import json

import pytest
from lint_support import TERRAFORM_VM_IN_DISKSSTD
from lint_support import run_cli as run

BLOB = "https://disksstd.blob.core.windows.net/vhds/db01.vhd"

VM_OUTSIDE_A_NETWORK = {
    "a.sh": f"""\
azure config mode asm
azure storage account create disksstd --location "West US"
azure vm create db01 img u p --location "West US" -u "{BLOB}"
""",
    "main.tf": TERRAFORM_VM_IN_DISKSSTD,
    "vm.ps1": f"""\
New-AzureStorageAccount -StorageAccountName disksstd -Location "West US"
$vm = New-AzureVMConfig -Name db01 -InstanceSize Small -ImageName img -MediaLocation "{BLOB}"
$vm = Add-AzureProvisioningConfig -VM $vm -Linux -LinuxUser u -Password p
New-AzureVM -ServiceName db01 -Location "West US" -VMs $vm
""",
}


def _items(report: dict) -> dict[str, dict]:
    return {i["name"]: i for s in report["subscriptions"] for sc in s["scopes"] for i in sc["items"]}


@pytest.mark.parametrize("name", sorted(VM_OUTSIDE_A_NETWORK))
def test_the_warning_is_the_cloud_service_s_alone(name, tmp_path, monkeypatch, capsys):
    (tmp_path / name).write_text(VM_OUTSIDE_A_NETWORK[name], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(run(capsys, "check", ".", "--format", "report-json")[1])
    [warning] = [i for i, f in enumerate(report["findings"]) if f["code"] == "MIG105"]
    items = _items(report)
    assert items["db01"]["findings"] == [warning]
    assert items["disksstd"]["findings"] == []
    assert (items["disksstd"]["warnings"], items["disksstd"]["verdict"]) == (0, "Validation passed")
    text = run(capsys, "check", ".")[1]
    [row] = [line for line in text.splitlines() if line.lstrip().startswith("disksstd (")]
    assert row.endswith("Validation passed")
    plan = json.loads(run(capsys, "plan", ".", "--format", "json")[1])
    [account] = [s for sub in plan["subscriptions"] for s in sub["steps"] if s["name"] == "disksstd"]
    assert account["note_findings"] == []
    assert "MIG105" not in run(capsys, "plan", ".")[1].split("Storage account: disksstd")[1]
