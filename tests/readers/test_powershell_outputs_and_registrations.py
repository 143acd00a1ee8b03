"""What PowerShell scripts state that the reader missed: the output of a statement assigned to a
variable (`$configs = foreach (…) { … }`), reserved IPs named by variables, the guard a demo script opens
with, storage accounts created as Premium, disks and images registered in the repositories, and classic
Application Gateways and ExpressRoute link authorizations."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, Disk, Document, Image, StorageAccountType

PATH = "deploy/vm.ps1"
IMAGE = '-ImageName "img" -InstanceSize Small'
WINDOWS = "Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw"
BLOB = "https://contosovhds.blob.core.windows.net/vhds"
PREMIUM_BLOB = "https://contosoprem.blob.core.windows.net/vhds"


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes).findings


def _deployments(doc: Document) -> list[Deployment]:
    return [r for r in doc.resources if isinstance(r, Deployment)]


def _vm_names(doc: Document) -> list[str]:
    return [role.name for deployment in _deployments(doc) for role in deployment.roles]


# --- 1. a statement's output assigned to a variable -------------------------------------------------------


def test_the_vms_a_foreach_outputs_are_the_assigned_value(tmp_path, monkeypatch):
    script = """
        $vms = @(
            @{ Name = "sql01"; AvSet = "sql-as" },
            @{ Name = "web01"; AvSet = "web-as" }
        )
        $configs = foreach ($v in $vms) {
            New-AzureVMConfig -Name $v.Name -InstanceSize Medium -ImageName $image -AvailabilitySetName $v.AvSet |
                Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw
        }
        New-AzureVM -ServiceName "contoso-app" -VMs $configs -VNetName "prod-vnet" -Location "West Europe"
        """
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG102")
    assert where(findings) == ["MIG102 deploy.ps1:3:32"]  # where web-as is written
    assert "'sql-as', 'web-as'" in findings[0].message
    # Near miss: both in one availability set.
    one_set = script.replace('"web-as"', '"sql-as"')
    assert _findings(tmp_path, monkeypatch, {"deploy.ps1": one_set}, "MIG102") == []


@pytest.mark.parametrize(
    "assigned",
    [
        'if ($true) {{ {vm} }} else {{ New-AzureVMConfig -Name "other" {image} }}',
        'switch ("a") {{ "a" {{ {vm} }} }}',
        "try {{ {vm} }} catch {{ }}",
        "for ($i = 0; $i -lt 1; $i++) {{ {vm} }}",
        "while ($more) {{ {vm} }}",
        "do {{ {vm} }} while ($more)",
        '@(foreach ($n in @("web01")) {{ {vm} }})',
        '$(foreach ($n in @("web01")) {{ {vm} }})',
    ],
)
def test_every_statement_that_outputs_gives_its_output_when_assigned(read, assigned):
    vm = f'New-AzureVMConfig -Name "web01" {IMAGE} | {WINDOWS}'
    statement = assigned.format(vm=vm, image=IMAGE)
    doc = read(
        PATH,
        f"""
        $configs = {statement}
        New-AzureVM -ServiceName "svc" -VMs $configs -Location "West Europe"
        """,
    )
    assert _vm_names(doc) == ["web01"]


def test_a_branch_the_reader_cannot_decide_outputs_what_it_may(read):
    doc = read(
        PATH,
        f"""
        $configs = if ($linux) {{ New-AzureVMConfig -Name "lnx01" {IMAGE} }} else {{ New-AzureVMConfig -Name "win01" {IMAGE} }}
        New-AzureVM -ServiceName "svc" -VMs $configs -Location "West Europe"
        $nothing = foreach ($n in @("a")) {{ $vm = New-AzureVMConfig -Name "quiet" {IMAGE} }}
        New-AzureVM -ServiceName "other" -VMs $nothing -Location "West Europe"
        """,
    )
    # Exclusive branches give one configuration that is either, not two VMs.
    assert _vm_names(doc)[:1] == ["<VM lnx01 or win01, vm.ps1:2>"]
    # Near miss: a loop that outputs nothing (its configuration is assigned, not output) gives no VM
    # configuration: the VM is one the reader cannot see, not the one the loop builds.
    assert "quiet" not in _vm_names(doc)


# --- 2. reserved IPs named by variables -----------------------------------------------------------------

CREATE_VM = f'New-AzureVMConfig -Name "vm1" {IMAGE} | {WINDOWS} | New-AzureVM -ServiceName $svc -Location "l"'


@pytest.mark.parametrize(
    "reserve",
    [
        'New-AzureReservedIP -ReservedIPName $ip -ServiceName $svc -Location "l"',
        "Set-AzureReservedIPAssociation -ReservedIPName $ip -ServiceName $svc",
        "Set-AzureReservedIPAssociation $ip $svc",
    ],
)
def test_a_reservation_of_the_service_a_variable_names_is_the_deployments(tmp_path, monkeypatch, reserve):
    script = f"$svc = Get-Name\n$ip = Get-Name\n{CREATE_VM}\n{reserve}\n"
    (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105")
    assert where([finding]) == ["MIG105 deploy.ps1:3:142"]
    assert "its VIP is reserved IP '<reserved IP name, deploy.ps1:4>' and is kept" in finding.message
    # Near misses: another variable, or a value with no definition to match, names another service.
    for service in ("$other", "$config.Service"):
        other = f"$svc = Get-Name\n$ip = Get-Name\n{CREATE_VM}\n{reserve.replace('$svc', service)}\n"
        (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": other}, "MIG105")
        assert "its VIP is not reserved and will change" in finding.message, service


def test_a_vm_given_the_reserved_ip_the_script_creates_keeps_its_vip(tmp_path, monkeypatch):
    script = (
        "$ip = Get-Name\n"
        'New-AzureReservedIP -ReservedIPName $ip -Location "l"\n'
        'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |\n'
        "    Add-AzureProvisioningConfig -Linux -LinuxUser ops -Password $pw -NoSSHEndpoint |\n"
        '    New-AzureVM -ServiceName "svc" -Location "l" -ReservedIPName $ip\n'
    )
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG106")
    assert where(findings) == ["MIG105 deploy.ps1:5:5", "MIG106 deploy.ps1:5:66"]
    assert "its reserved IP '<reserved IP name, deploy.ps1:5>' cannot be migrated" in findings[0].message
    assert findings[1].message.startswith(
        "reserved IP '<reserved IP name, deploy.ps1:5>' of cloud service 'svc'"
    )
    # Near miss: a name the script passes but does not create a reserved IP under may be left out.
    passed = script.replace('$ip = Get-Name\nNew-AzureReservedIP -ReservedIPName $ip -Location "l"\n', "")
    (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": passed}, "MIG105", "MIG106")
    # With no input endpoint (-NoSSHEndpoint), the VIP is not migrated, reserved or not.
    assert finding.message.endswith(
        "it has no input endpoint, so its VIP is not migrated and it gets no public address"
    )


def test_a_reservation_removed_afterwards_leaves_the_vip_unreserved(tmp_path, monkeypatch):
    script = (
        '$ip = "vip1"\n'
        f"{CREATE_VM.replace('$svc', chr(34) + 'svc' + chr(34))} -ReservedIPName $ip\n"
        'Remove-AzureReservedIPAssociation -ReservedIPName $ip -ServiceName "svc" -Force\n'
    )
    (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105")
    assert where([finding]) == ["MIG105 deploy.ps1:2:142"]
    assert "its VIP is not reserved and will change" in finding.message
    # Near misses: a removal that may not run, or of another reserved IP, or of another virtual IP.
    maybe = script.replace("Remove-", "if ($cleanup) { Remove-").rstrip("\n") + " }\n"
    other = script.replace("-ReservedIPName $ip -ServiceName", '-ReservedIPName "vip2" -ServiceName')
    vip = script.replace("-Force", "-VirtualIPName second -Force")
    for changed, words in (
        (maybe, "unless it is a reserved IP"),
        (other, "reserved IP 'vip1' and is kept"),
        (vip, "reserved IP 'vip1' and is kept"),
    ):
        (finding,) = _findings(tmp_path, monkeypatch, {"deploy.ps1": changed}, "MIG105")
        assert words in finding.message, changed


# --- 3. the guard a demo script opens with ----------------------------------------------------------------

QUICK_VM = (
    'New-AzureQuickVM -Windows -ServiceName "demo" -Name "vm1" -ImageName $i -AdminUsername a -Password p '
    '-Location "West Europe"'
)


@pytest.mark.parametrize(
    "opening",
    [
        "break",
        "return",
        "exit",
        "exit 0",
        "# Run this a selection at a time.\nbreak",
        "#requires -Version 3\n<# .SYNOPSIS demo #>\nbreak",
        "[CmdletBinding()]\nparam($name)\nbreak",
        "using namespace System.IO\nparam($name)\nbreak",
        "using module Azure\n\nreturn",
        "exit 1",
        "return $null",
        "New-AzureService -ServiceName 'demo' -Location 'West Europe'\nbreak",
    ],
)
def test_a_script_that_opens_with_a_guard_is_read_past_it(tmp_path, monkeypatch, opening):
    script = f"{opening}\n{QUICK_VM}\n"
    line = script.count("\n")
    findings = _findings(tmp_path, monkeypatch, {"demo.ps1": script}, "MIG105")
    assert where(findings) == [f"MIG105 demo.ps1:{line}:1"]


@pytest.mark.parametrize(
    "opening",
    [
        "throw 'Run this a selection at a time'",
        "if ($true) { break }",
        "if ($true) { exit 0 }",
        "break outer",
    ],
)
def test_any_other_opening_ends_the_script_where_it_always_did(tmp_path, monkeypatch, opening):
    """Near misses of the guard: a word that is no guard, a guard in a block, a label the grammar cannot
    read."""
    script = f"{opening}\n{QUICK_VM}\n"
    assert _findings(tmp_path, monkeypatch, {"demo.ps1": script}, "MIG105") == []
    # Whereas the bare guard first is read past (this test fails where guards end the script).
    assert len(_findings(tmp_path, monkeypatch, {"demo.ps1": f"break\n{QUICK_VM}\n"}, "MIG105")) == 1


# --- 4. storage accounts created as Premium ----------------------------------------------------------------

PREMIUM_VM = f"""New-AzureStorageAccount -StorageAccountName "contosoprem" -Location "West Europe" -Type "Premium_LRS"
New-AzureVMConfig -Name "db01" -InstanceSize "Standard_DS3" -ImageName $image -MediaLocation "{PREMIUM_BLOB}/db01-os.vhd" |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw |
    Set-AzureSubnet -SubnetNames "data" |
    Set-AzureVMBootDiagnostics -Enable |
    New-AzureVM -ServiceName "contoso-db" -VNetName "prod-vnet" -Location "West Europe"
"""


def test_a_premium_account_the_script_creates_makes_its_disks_premium(tmp_path, monkeypatch, read):
    findings = _findings(tmp_path, monkeypatch, {"deploy.ps1": PREMIUM_VM}, "MIG205")
    assert where(findings) == ["MIG205 deploy.ps1:5:5"]
    doc = read(PATH, PREMIUM_VM)
    (account,) = [r for r in doc.resources if isinstance(r, StorageAccountType)]
    assert (account.name, account.account_type, account.premium, account.mark.line) == (
        "contosoprem",
        "Premium_LRS",
        True,
        1,
    )
    # Near misses: a Standard account (stated, or the cmdlet's default), a type the script does not state,
    # and a disk in another account.
    for changed in (
        PREMIUM_VM.replace('"Premium_LRS"', '"Standard_LRS"'),
        PREMIUM_VM.replace(' -Type "Premium_LRS"', ""),
        PREMIUM_VM.replace('"Premium_LRS"', "$type"),
        PREMIUM_VM.replace('-StorageAccountName "contosoprem"', '-StorageAccountName "contosoother"'),
    ):
        assert _findings(tmp_path, monkeypatch, {"deploy.ps1": changed}, "MIG205") == [], changed


def test_an_account_created_in_one_script_is_premium_for_the_vms_of_every_file(tmp_path, monkeypatch):
    create, vm = PREMIUM_VM.split("\n", 1)
    files = {"storage.ps1": create + "\n", "vm.ps1": vm}
    assert where(_findings(tmp_path, monkeypatch, files, "MIG205")) == ["MIG205 vm.ps1:4:5"]


# --- 5. registered disks and images ----------------------------------------------------------------------

ADD_DISK = (
    f'Add-AzureDisk -DiskName "archive-data" -MediaLocation "{BLOB}/archive-data.vhd" -Label "archive"\n'
)


def test_a_disk_the_script_registers_is_unattached_unless_a_vm_is_given_it(tmp_path, monkeypatch, read):
    findings = _findings(tmp_path, monkeypatch, {"disks.ps1": ADD_DISK}, "MIG402")
    assert where(findings) == ["MIG402 disks.ps1:1:1"]
    assert findings[0].message.startswith("disk 'archive-data' is attached to no VM")
    (disk,) = [r for r in read(PATH, ADD_DISK).resources if isinstance(r, Disk)]
    assert (disk.media_link, disk.attached_to, disk.media_link_mark.column) == (
        f"{BLOB}/archive-data.vhd",
        "",
        55,
    )
    # Near misses: a VM given the disk by name, in the script or in another file; a disk the script removes
    # again; a VM given a disk by a name the script does not state, which may be this one.
    uses = (
        'New-AzureVMConfig -Name "arch01" -InstanceSize Small -DiskName "archive-data" | New-AzureVM -ServiceName "a"\n',
        f'New-AzureVMConfig -Name "arch01" {IMAGE} | Add-AzureDataDisk -Import -DiskName "ARCHIVE-DATA" -LUN 0 |'
        ' New-AzureVM -ServiceName "a"\n',
        'Remove-AzureDisk -DiskName "archive-data"\n',
        'New-AzureVMConfig -Name "arch01" -InstanceSize Small -DiskName $disk | New-AzureVM -ServiceName "a"\n',
    )
    for use in uses:
        assert _findings(tmp_path, monkeypatch, {"disks.ps1": ADD_DISK + use}, "MIG402") == [], use
    files = {"disks.ps1": ADD_DISK, "vm.ps1": uses[0]}
    assert _findings(tmp_path, monkeypatch, files, "MIG402") == []


def test_a_vm_given_a_disk_by_name_lists_it_as_attached(read):
    doc = read(PATH, 'New-AzureVMConfig "arch01" Small -DiskName "arch-os" | New-AzureVM -ServiceName "a"\n')
    (disk,) = [r for r in doc.resources if isinstance(r, Disk)]
    assert (disk.name, disk.media_link, disk.attached_to) == ("arch-os", "", "arch01")
    assert all(
        not role.disks for d in _deployments(doc) for role in d.roles
    )  # the VM's own disks: blobs only


@pytest.mark.parametrize(
    ("script", "line"),
    [
        (f'Add-AzureVMImage -ImageName "web-golden" -MediaLocation "{BLOB}/golden.vhd" -OS Windows\n', 1),
        ('$set = New-AzureVMImageDiskConfigSet\nAdd-AzureVMImage "web-golden" -DiskConfig $set\n', 2),
        (
            'Save-AzureVMImage -ServiceName "web" -Name "web01" -NewImageName "web-golden" -OSState Generalized\n',
            1,
        ),
    ],
)
def test_an_image_the_script_registers_is_reported(tmp_path, monkeypatch, read, script, line):
    findings = _findings(tmp_path, monkeypatch, {"image.ps1": script}, "MIG402")
    assert where(findings) == [f"MIG402 image.ps1:{line}:1"]
    assert findings[0].message.startswith("image 'web-golden' is not migrated as an image")
    assert [r.name for r in read(PATH, script).resources if isinstance(r, Image)] == ["web-golden"]
    # Near miss: removed again.
    removed = script + 'Remove-AzureVMImage -ImageName "web-golden"\n'
    assert _findings(tmp_path, monkeypatch, {"image.ps1": removed}, "MIG402") == []


# --- 6. Application Gateways and ExpressRoute link authorizations -------------------------------------------

APP_GATEWAY = (
    'New-AzureApplicationGateway -Name "contoso-appgw" -VnetName "prod-vnet" -Subnets "appgw", "appgw2" '
    "-InstanceCount 2 -GatewaySize Medium\n"
    'Set-AzureApplicationGatewayConfig -Name "contoso-appgw" -ConfigFile ".\\appgw-config.xml"\n'
)


def test_an_application_gateway_the_script_creates_is_in_its_network(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, {"appgw.ps1": APP_GATEWAY}, "MIG312")
    assert where(findings) == ["MIG312 appgw.ps1:1:1"]
    assert findings[0].message == (
        "classic Application Gateway 'contoso-appgw' is in virtual network 'prod-vnet' (subnets appgw, appgw2): "
        "the network cannot be migrated while it holds it"
    )
    unstated = APP_GATEWAY.replace('"prod-vnet"', "$vnet")
    (finding,) = _findings(tmp_path, monkeypatch, {"appgw.ps1": unstated}, "MIG312")
    assert "in virtual network '<virtual network name, appgw.ps1:1>'" in finding.message
    # Near misses: removed again; created in Resource Manager mode; only read.
    for script in (
        APP_GATEWAY + 'Remove-AzureApplicationGateway -Name "contoso-appgw"\n',
        "Switch-AzureMode AzureResourceManager\n" + APP_GATEWAY,
        'Get-AzureApplicationGateway -Name "contoso-appgw"\n',
    ):
        assert _findings(tmp_path, monkeypatch, {"appgw.ps1": script}, "MIG312") == [], script


def test_a_link_authorization_the_script_creates_shares_the_circuit(tmp_path, monkeypatch):
    script = (
        "New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $serviceKey -Description "
        '"Dev-Test subscription" -Limit 2 -MicrosoftIds "devtest@contoso.com"\n'
    )
    findings = _findings(tmp_path, monkeypatch, {"share.ps1": script}, "MIG311")
    assert where(findings) == ["MIG311 share.ps1:1:1"]
    assert findings[0].message.startswith(
        "ExpressRoute circuit '<service key, share.ps1:1>' is reached through an authorization link"
    )
    stated = script.replace("$serviceKey", '"6ed7e310-1a02-4261-915f-6ccfedc416f1"')
    (finding,) = _findings(tmp_path, monkeypatch, {"share.ps1": stated}, "MIG311")
    assert "circuit '6ed7e310-1a02-4261-915f-6ccfedc416f1'" in finding.message
    # Near miss: reading the authorizations shares nothing.
    listed = "Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $serviceKey\n"
    assert _findings(tmp_path, monkeypatch, {"share.ps1": listed}, "MIG311") == []
