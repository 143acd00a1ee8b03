"""An ACL set on an endpoint a VM does not have names no endpoint: the classic CLI's `vm endpoint acl-rule
create` and PowerShell's Set-AzureEndpoint refuse it, so it adds none, and MIG201 reports no ACL there. So
where the files create the VM stating every endpoint it has (`azure vm create -e 22`, New-AzureVMConfig
with Add-AzureEndpoint), in the script that creates it or in another file; where the VM's endpoints are
not all known (an image's defaults), or a file adds the endpoint, the ACL is the endpoint's."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

CREATE = 'azure config mode asm\nazure vm create dev-app1 ubuntu-image ops Passw0rd! -l "West Europe" -e 22\n'
CLI_ACL = "azure vm endpoint acl-rule create dev-app1 {} 20 deny 0.0.0.0/0\n"
PS_ACL = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 20 -Action Deny -RemoteSubnet "0.0.0.0/0"
Get-AzureVM -ServiceName dev-app1 -Name dev-app1 | Set-AzureEndpoint -Name {} -ACL $acl | Update-AzureVM
"""
CHANGES = {"acl.sh": "azure config mode asm\n" + CLI_ACL, "acl.ps1": PS_ACL}

PS_NEW_VM = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 20 -Action Deny -RemoteSubnet "0.0.0.0/0"
$vm = New-AzureVMConfig -Name ps1 -InstanceSize Small -ImageName img
$vm = $vm | Add-AzureProvisioningConfig -Linux -LinuxUser ops -Password $pw -NoSSHEndpoint
$vm = $vm | Add-AzureEndpoint -Name ssh -Protocol tcp -LocalPort 22 -PublicPort 22
$vm = $vm | Set-AzureEndpoint -Name {} -ACL $acl
New-AzureVM -ServiceName pssvc -Location "West Europe" -VMs $vm
"""


def _acls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, "MIG201").findings)


@pytest.mark.parametrize("change", CHANGES)
def test_an_acl_on_an_endpoint_the_created_vm_lacks_is_no_endpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    files = {"dev-apps.sh": CREATE, change: CHANGES[change].format("rdp")}
    assert _acls(tmp_path, monkeypatch, files) == []


@pytest.mark.parametrize("change", CHANGES)
def test_an_acl_on_the_endpoint_the_vm_has_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    files = {"dev-apps.sh": CREATE, change: CHANGES[change].format("ssh")}
    assert len(_acls(tmp_path, monkeypatch, files)) == 1


def test_an_acl_on_a_vm_whose_endpoints_its_image_decides_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"dev-apps.sh": CREATE.replace(" -e 22", ""), "acl.sh": CHANGES["acl.sh"].format("rdp")}
    assert _acls(tmp_path, monkeypatch, files) == ["MIG201 acl.sh:2:44"]


def test_an_acl_on_an_endpoint_another_file_adds_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = "azure config mode asm\nazure vm endpoint create dev-app1 3389 -n rdp\n"
    files = {"dev-apps.sh": CREATE, "acl.sh": CHANGES["acl.sh"].format("rdp"), "zz-rdp.sh": added}
    assert len(_acls(tmp_path, monkeypatch, files)) == 1


@pytest.mark.parametrize("endpoint", ["rdp", "ssh"])
def test_an_acl_rule_in_the_script_that_creates_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, endpoint: str
) -> None:
    files = {"dev-apps.sh": CREATE + CLI_ACL.format(endpoint)}
    assert len(_acls(tmp_path, monkeypatch, files)) == (endpoint == "ssh")


@pytest.mark.parametrize("endpoint", ["rdp", "ssh"])
def test_set_azure_endpoint_on_a_vm_config_without_that_endpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, endpoint: str
) -> None:
    files = {"new.ps1": PS_NEW_VM.format(endpoint)}
    assert len(_acls(tmp_path, monkeypatch, files)) == (endpoint == "ssh")
