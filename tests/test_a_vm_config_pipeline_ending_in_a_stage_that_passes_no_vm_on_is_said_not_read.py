"""`$vm = New-AzureVMConfig … | Add-AzureEndpoint … | Set-AzureAclConfig …`: Set-AzureAclConfig changes the
ACL it is given and outputs nothing, so `$vm` holds no VM and the New-AzureVM given it fails. The VM the
pipeline describes was dropped without a word (no MIG203 for it, nothing unread); the stage is now said as a
part not read, with what it is. A stage the reader does not know (a function of another file) may pass the
VM on: that VM is kept, as one it cannot see."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import VM_NOT_PASSED_ON, Deployment, Script
from migcheck.report.unread import why, why_named

PIPELINE = """\
$acl = New-AzureAclConfig
$vm = New-AzureVMConfig -Name "dc01" -InstanceSize Small -ImageName "img" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "a" -Password "p" |
    Add-AzureEndpoint -Name RDP -Protocol tcp -LocalPort 3389 -PublicPort 3389 |
    {last}
New-AzureVM -ServiceName "labsvc01" -VMs $vm -VNetName "LabVNet" -Location "West US"
"""
ACL_STAGE = 'Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "10.0.0.0/8" -Order 1'


def said_and_roles(text: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    resources = script_resources(text, "deploy.ps1")
    said = [(m.line, m.column, m.tag) for r in resources if isinstance(r, Script) for m in r.unread]
    roles = [role.name for r in resources if isinstance(r, Deployment) for role in r.roles]
    return said, roles


@pytest.mark.parametrize("last", [ACL_STAGE, "Get-AzureEndpoint -Name RDP", "Get-AzureSubnet", "Out-Null"])
def test_a_last_stage_that_passes_no_vm_on_is_said_where_it_is(last):
    said, roles = said_and_roles(PIPELINE.format(last=last))
    assert said == [(5, 5, VM_NOT_PASSED_ON)]
    assert roles == []


def test_the_report_says_what_it_is_and_what_to_do():
    said = [
        m
        for r in script_resources(PIPELINE.format(last=ACL_STAGE), "deploy.ps1")
        for m in getattr(r, "unread", ())
    ]
    assert why_named(said[0]) == "vm-not-passed-on"
    text = why(said[0])
    assert text.startswith("this line ends a VM configuration pipeline")
    assert "New-AzureVM fails and creates none" in text


def test_a_pipeline_given_straight_to_new_azurevm_is_said_too():
    text = (
        'New-AzureVMConfig -Name "dc01" -InstanceSize Small -ImageName "img" |\n'
        f"    {ACL_STAGE.replace('$acl', '(New-AzureAclConfig)')} |\n"
        '    New-AzureVM -ServiceName "labsvc01" -VNetName "LabVNet" -Location "West US"\n'
    )
    said, roles = said_and_roles(text)
    assert said == [(2, 5, VM_NOT_PASSED_ON)]
    assert roles == []


def test_in_a_workflow_inline_script_it_is_said_too():
    text = (
        'workflow New-LabVMs {\n    param([string]$ServiceName = "labsvc01")\n    InlineScript {\n'
        + PIPELINE.format(last=ACL_STAGE).replace('"labsvc01"', "$Using:ServiceName")
        + "    }\n}\n"
    )
    said, _ = said_and_roles(text)
    assert [(line, tag) for line, _, tag in said] == [(8, VM_NOT_PASSED_ON)]


def test_an_unknown_last_stage_keeps_the_vm():
    said, roles = said_and_roles(PIPELINE.format(last="Add-TeamDefaults -Owner ops"))
    assert said == []
    assert len(roles) == 1


def test_a_pipeline_run_for_its_acl_alone_says_nothing():
    """The ACL set on its own line, its output given to nothing: the VM is read, and MIG203 names it."""
    text = (
        PIPELINE.replace("    {last}\n", "")
        .replace("-PublicPort 3389 |", "-PublicPort 3389 -ACL $acl")
        .replace("$acl = New-AzureAclConfig\n", f"$acl = New-AzureAclConfig\n{ACL_STAGE}\n")
    )
    said, roles = said_and_roles(text)
    assert said == []
    assert roles == ["dc01"]
