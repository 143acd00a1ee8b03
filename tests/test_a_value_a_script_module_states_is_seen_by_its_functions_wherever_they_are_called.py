"""A script module's functions see the variables its own top level assigns, the module's scope, wherever
they are called from: `$ServiceName = "websvc"` in Contoso.Vm.psm1 is the service `New-WebVm -Name web1`
creates in each script that imports the module, and one cloud service, so another script's change of that
VM through the module is made to it. It was a stand-in named where the module passes it, one per call. A
value the module assigns again in one of its functions (`$script:ServiceName = …`) is not taken."""

from __future__ import annotations

from lint_support import lint_files

MODULE = (
    '$ServiceName = "websvc"\n'
    "function New-WebVm([string]$Name) {\n"
    '  $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img" -MediaLocation '
    '"https://acct1.blob.core.windows.net/vhds/$Name.vhd"\n'
    "  $vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p\n"
    '  $vm = Set-AzureSubnet -VM $vm -SubnetNames "Subnet-1","Subnet-2"\n'
    '  New-AzureVM -ServiceName $ServiceName -VMs $vm -VNetName "prodnet" -Location "West Europe"\n'
    "}\n"
    "function Set-OneSubnet([string]$Name) {\n"
    '  Get-AzureVM -ServiceName $ServiceName -Name $Name | Set-AzureSubnet -SubnetNames "Subnet-1" |'
    " Update-AzureVM\n"
    "}\n"
    "Export-ModuleMember -Function New-WebVm, Set-OneSubnet\n"
)
CREATE = 'Import-Module .\\Contoso.Vm.psm1\nNew-WebVm -Name "web1"\n'
CONFIGURE = 'Import-Module .\\Contoso.Vm.psm1\nSet-OneSubnet -Name "web1"\n'


def test_the_vm_is_in_the_service_the_module_names(tmp_path, monkeypatch) -> None:
    files = {"Contoso.Vm.psm1": MODULE, "create-vms.ps1": CREATE}
    (blocker,) = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False).findings
    assert blocker.message == "VM 'web1' of cloud service 'websvc' is in 2 subnets (Subnet-1, Subnet-2)"


def test_another_script_s_change_through_the_module_is_made_to_that_vm(tmp_path, monkeypatch) -> None:
    files = {"Contoso.Vm.psm1": MODULE, "create-vms.ps1": CREATE, "configure-vms.ps1": CONFIGURE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    assert result.findings == []
    (estate,) = result.estates
    assert [s.name for s in estate.cloud_services] == ["websvc"]


def test_a_value_a_function_of_the_module_assigns_again_is_not_taken(tmp_path, monkeypatch) -> None:
    module = MODULE.replace(
        "function Set-OneSubnet", "function Use-Other { $script:ServiceName = 'other' }\n$0"
    )
    module = module.replace("$0", "function Set-OneSubnet")
    files = {"Contoso.Vm.psm1": module, "create-vms.ps1": CREATE}
    (blocker,) = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False).findings
    assert "'websvc'" not in blocker.message
