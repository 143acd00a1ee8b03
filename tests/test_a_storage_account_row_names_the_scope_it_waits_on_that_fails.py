"""A storage account migrates after the VMs whose disks it holds. Its readiness row said "Validation passed"
(examples/contoso: contosojumpprem) while the plan's step waits on the failing network of those VMs; the
row now says what it waits on: "Validation passed; after contoso-prod-vnet, which fails". The JSON verdict
stays the account's own."""

from __future__ import annotations

import json

from lint_support import run_cli as run

# VM web1 of cloud service shop, in no network, with an endpoint ACL (MIG201: its service fails), its disk
# in storage account shopdisks.
ACL_VM = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet 10.0.0.0/8 -Order 1
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img -MediaLocation "https://shopdisks.blob.core.windows.net/vhds/web1.vhd"
$vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p
$vm = Add-AzureEndpoint -VM $vm -Name http -Protocol tcp -LocalPort 80 -PublicPort 80{acl}
New-AzureVM -ServiceName shop -Location "West Europe" -VMs $vm
"""


def _row(out: str, name: str) -> str:
    [row] = [line for line in out.splitlines() if line.lstrip().startswith(f"{name} (")]
    return row


def test_an_account_after_a_failing_network_says_so(capsys):
    out = run(capsys, "check", "examples/contoso")[1]
    assert _row(out, "contosojumpprem").endswith("Validation passed; after contoso-prod-vnet, which fails")
    assert _row(out, "contosojumpstd").endswith(
        "Validation failed: 1 error; after contoso-prod-vnet, which fails"
    )
    # The whole disk list (inventory/disks.json) places no disk in it: it waits on nothing.
    assert _row(out, "contosojumpdiag").endswith("Validation passed")


def test_an_account_after_a_network_that_passes_says_nothing_more(capsys):
    out = run(capsys, "check", "examples/ready")[1]
    assert _row(out, "northwindwebstd").endswith("Validation passed")


def test_an_account_after_a_failing_cloud_service_names_it(tmp_path, monkeypatch, capsys):
    (tmp_path / "vm.ps1").write_text(ACL_VM.format(acl=" -ACL $acl"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "check", ".")[1]
    assert _row(out, "shopdisks").endswith("Validation passed; after shop, which fails")
    report = json.loads(run(capsys, "check", ".", "--format", "report-json")[1])
    [account] = [
        i
        for s in report["subscriptions"]
        for sc in s["scopes"]
        for i in sc["items"]
        if i["name"] == "shopdisks"
    ]
    assert account["verdict"] == "Validation passed"


def test_its_twin_without_the_acl_passes_with_nothing_more(tmp_path, monkeypatch, capsys):
    (tmp_path / "vm.ps1").write_text(ACL_VM.format(acl=""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "check", ".")[1]
    assert _row(out, "shopdisks").endswith("Validation passed")
