"""A value a dot-sourced PowerShell file assigns at its top level (`$ServiceName = "websvc"` in common.ps1)
is the loading script's, in the script's scope, so the functions that file defines see it when the script
calls them, as they see a variable the script assigns once: the VM `New-WebVm -Name web1` creates is in
cloud service websvc on network prodnet, in every script that loads common.ps1, where it was a stand-in
named where the function passes it, one per script, so that another script's change of it was made to
another VM."""

from __future__ import annotations

from lint_support import lint_files

COMMON = (
    '$ServiceName = "websvc"\n'
    '$VNet = "prodnet"\n'
    "function New-WebVm([string]$Name) {\n"
    '  $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img" -MediaLocation '
    '"https://acct1.blob.core.windows.net/vhds/$Name.vhd"\n'
    "  $vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p\n"
    '  $vm = Set-AzureSubnet -VM $vm -SubnetNames "Subnet-1","Subnet-2"\n'
    '  New-AzureVM -ServiceName $ServiceName -VMs $vm -VNetName $VNet -Location "West Europe"\n'
    "}\n"
    "function Set-OneSubnet([string]$Name) {\n"
    '  Get-AzureVM -ServiceName $ServiceName -Name $Name | Set-AzureSubnet -SubnetNames "Subnet-1" |'
    " Update-AzureVM\n"
    "}\n"
)
CREATE = '. ./common.ps1\nSelect-AzureSubscription -SubscriptionName "Prod"\nNew-WebVm -Name "web1"\n'
CONFIGURE = '. ./common.ps1\nSelect-AzureSubscription -SubscriptionName "Prod"\nSet-OneSubnet -Name "web1"\n'


def test_the_vm_a_loaded_function_creates_is_in_the_service_the_loaded_file_names(
    tmp_path, monkeypatch
) -> None:
    files = {"common.ps1": COMMON, "create-vms.ps1": CREATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    (blocker,) = result.findings
    assert blocker.message == "VM 'web1' of cloud service 'websvc' is in 2 subnets (Subnet-1, Subnet-2)"
    (estate,) = result.estates
    assert [s.name for s in estate.cloud_services] == ["websvc"]
    (placement,) = estate.cloud_services[0].placements
    assert placement.virtual_network is not None and placement.virtual_network.name == "prodnet"


def test_another_script_s_change_through_the_file_is_made_to_that_vm(tmp_path, monkeypatch) -> None:
    files = {"common.ps1": COMMON, "create-vms.ps1": CREATE, "configure-vms.ps1": CONFIGURE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    assert result.findings == []
    (estate,) = result.estates
    assert [s.name for s in estate.cloud_services] == ["websvc"]


def test_a_value_the_script_assigns_again_itself_is_not_taken(tmp_path, monkeypatch) -> None:
    create = CREATE.replace("New-WebVm", '$ServiceName = "a"\n$ServiceName = "b"\nNew-WebVm')
    found = lint_files(
        tmp_path, monkeypatch, {"common.ps1": COMMON, "create-vms.ps1": create}, "MIG202"
    ).findings
    (blocker,) = found
    assert "'websvc'" not in blocker.message and "'<cloud service name, common.ps1:7>'" in blocker.message


def test_a_file_dot_sourced_in_a_function_gives_its_values_to_that_function_alone(
    tmp_path, monkeypatch
) -> None:
    create = 'function Load { . ./common.ps1 }\nLoad\nNew-WebVm -Name "web1"\n'
    found = lint_files(
        tmp_path, monkeypatch, {"common.ps1": COMMON, "create-vms.ps1": create}, "MIG202"
    ).findings
    assert all("VM 'web1' of cloud service 'websvc'" not in f.message for f in found)
