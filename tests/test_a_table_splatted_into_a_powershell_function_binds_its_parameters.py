"""A hashtable splatted into one of the script's own functions (`$params = @{ Service = 'svc3'; Name = 'vm3';
VNetName = 'appvnet' }; New-AppVM @params`) gives its parameters their values by name, as a splat into a
cmdlet does: the VM is 'vm3' of 'svc3' in 'appvnet', not a stand-in that may be in no virtual network."""

from __future__ import annotations

from lint_support import lint_files, script_resources

from migcheck.model import Deployment

SCRIPT = """\
function New-AppVM([string]$Service, [string]$Name, [string]$VNetName = $null, [string]$Subnet = 'web') {
    $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName 'img' |
        Add-AzureProvisioningConfig -Windows -AdminUsername 'u' -Password 'p' |
        Set-AzureSubnet -SubnetNames $Subnet
    if ($VNetName) {
        New-AzureVM -ServiceName $Service -VNetName $VNetName -Location 'West Europe' -VMs $vm
    } else {
        New-AzureVM -ServiceName $Service -Location 'West Europe' -VMs $vm
    }
}
$params = @{ Service = "svc3"; Name = "vm3"; VNetName = "appvnet" }
New-AppVM @params
"""


def _deployments(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [
        (
            r.service_name,
            r.virtual_network.name if r.virtual_network else None,
            [role.name for role in r.roles],
        )
        for r in script_resources(text, "vm.ps1")
        if isinstance(r, Deployment)
    ]


def test_the_splatted_values_name_the_service_the_vm_and_its_network(tmp_path, monkeypatch):
    assert _deployments(SCRIPT) == [("svc3", "appvnet", ["vm3"])]
    assert lint_files(tmp_path, monkeypatch, {"vm.ps1": SCRIPT}, "MIG105", dedent=False).findings == []


def test_a_splat_without_the_network_leaves_it_to_its_default(tmp_path, monkeypatch):
    script = SCRIPT.replace('; VNetName = "appvnet"', "")
    assert _deployments(script) == [("svc3", None, ["vm3"])]


def test_keys_that_abbreviate_parameters_bind_them_as_written_out(tmp_path, monkeypatch):
    # PowerShell binds a splatted key as it binds `-Key value`: by any unambiguous prefix of the name.
    script = SCRIPT.replace(
        '$params = @{ Service = "svc3"; Name = "vm3"; VNetName = "appvnet" }',
        ('$params = @{ serv = "svc3"; Na = "vm3"; VNet = "appvnet" }'),
    )
    assert _deployments(script) == [("svc3", "appvnet", ["vm3"])]


def test_keys_that_abbreviate_a_cmdlet_s_parameters_bind_them(tmp_path, monkeypatch):
    script = (
        "$vm = New-AzureVMConfig -Name 'vm4' -InstanceSize Small -ImageName 'img' | Set-AzureSubnet -SubnetNames 'web'\n"
        "$params = @{ ServiceN = 'svc4'; Loc = 'West Europe'; VNet = 'appvnet'; VMs = $vm }\n"
        "New-AzureVM @params\n"
    )
    assert _deployments(script) == [("svc4", "appvnet", ["vm4"])]
