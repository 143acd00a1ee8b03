"""A command the platform refuses says so in one form, whatever it names that is not there: MIG003 at the
name says the command fails and what it does not do. An ACL rule a script sets on an endpoint the VM it
creates whole does not have (`azure vm endpoint acl-rule create`, `Set-AzureEndpoint -ACL`) is one: it sets
no ACL, as a vm create naming what the script deleted creates no VM."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

CLI = """\
azure config mode asm
azure vm create dev-app1 ubuntu-image ops Passw0rd! -l "West Europe" -e 22
azure vm endpoint acl-rule create dev-app1 {} 20 deny 0.0.0.0/0
"""
POWERSHELL = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 20 -Action Deny -RemoteSubnet "0.0.0.0/0"
$vm = New-AzureVMConfig -Name ps1 -InstanceSize Small -ImageName img
$vm = $vm | Add-AzureProvisioningConfig -Linux -LinuxUser ops -Password $pw -NoSSHEndpoint
$vm = $vm | Add-AzureEndpoint -Name ssh -Protocol tcp -LocalPort 22 -PublicPort 22
$vm = $vm | Set-AzureEndpoint -Name {} -ACL $acl
New-AzureVM -ServiceName pssvc -Location "West Europe" -VMs $vm
"""
CASES = {
    "classic CLI": ("acl.sh", CLI, "acl.sh:3:44", "VM 'dev-app1' the file creates at line 2"),
    "PowerShell": ("acl.ps1", POWERSHELL, "acl.ps1:6:13", "VM 'ps1' the file creates at line 3"),
}


@pytest.mark.parametrize("language", CASES)
def test_an_acl_on_an_endpoint_the_vm_lacks_is_said_to_fail_and_set_no_acl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    name, script, at, created = CASES[language]
    result = lint_files(tmp_path, monkeypatch, {name: script.format("rdp")})
    refused = [f for f in result.findings if f.code == "MIG003"]
    assert where(refused) == [f"MIG003 {at}"]
    assert f"names endpoint 'rdp', which {created} does not have then" in refused[0].message
    assert refused[0].message.endswith("the platform refuses the command, which fails and sets no ACL")
    assert (
        refused[0].fix
        == "Name an endpoint that exists when the command runs, or create it before the command."
    )
    assert not any(f.code == "MIG201" for f in result.findings)


@pytest.mark.parametrize("language", CASES)
def test_an_acl_on_an_endpoint_the_vm_has_is_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    name, script, _, _ = CASES[language]
    result = lint_files(tmp_path, monkeypatch, {name: script.format("ssh")})
    assert not any(f.code == "MIG003" for f in result.findings)
    assert any(f.code == "MIG201" for f in result.findings)


def test_a_vm_create_naming_what_the_script_deleted_is_said_to_fail_in_the_same_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        'azure config mode asm\nazure network reserved-ip create rip "West Europe"\n'
        "azure network reserved-ip delete rip -q\n"
        "azure vm create shvm img ops 'Pw!12345' -l \"West Europe\" -R rip -e 22\n"
    )
    refused = [
        f for f in lint_files(tmp_path, monkeypatch, {"rip.sh": script}).findings if f.code == "MIG003"
    ]
    assert len(refused) == 1
    assert refused[0].message.endswith("the platform refuses the command, which fails and creates no VM")
    assert refused[0].fix == (
        "Name a reserved IP that exists when the command runs, or run the command before the deletion."
    )
