"""A script that recreates a VM from its Export-AzureVM file (`Import-AzureVM -Path <file> | New-AzureVM
-ServiceName s -VNetName n`, the file named literally, through a variable, by position or `Join-Path`, or
each file of a listing of the script's folder, `Get-ChildItem "$PSScriptRoot\\*.xml" | ForEach-Object {
Import-AzureVM -Path $_.FullName }`; the service given directly or splatted) creates the VM that file describes, in the script's cloud service and
network: one VM, not a stand-in in `s` beside the file's VM in a service named after its folder. So its
placement is the script's (MIG203 for an exported VM with no subnet), its service is `s` (MIG103 names
it), and the plan lists it once."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan

NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Shared-VNet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Web"><AddressPrefix>10.5.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _export(name: str, subnet: str = "", avset: str = "") -> str:
    subnets = f"<SubnetNames><string>{subnet}</string></SubnetNames>" if subnet else "<SubnetNames />"
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <AvailabilitySetName>{avset}</AvailabilitySetName>
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints />
      {subnets}
    </ConfigurationSet>
  </ConfigurationSets>
  <DataVirtualHardDisks />
  <OSVirtualHardDisk><DiskName>{name}-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>
  <RoleName>{name}</RoleName>
  <RoleSize>Standard_D2_v2</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


PIPED = 'Import-AzureVM -Path "$PSScriptRoot\\app01.xml" | New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet"\n'
FORMS = {
    "piped": PIPED,
    "variable": (
        '$vm = Import-AzureVM -Path "$PSScriptRoot\\app01.xml"\n'
        'New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet" -VMs $vm\n'
    ),
    "joined path": (
        "Import-AzureVM -Path (Join-Path $PSScriptRoot 'app01.xml') | "
        'New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet"\n'
    ),
    "path in a variable": (
        '$path = "$PSScriptRoot\\app01.xml"\n'
        'Import-AzureVM -Path $path | New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet"\n'
    ),
    "positional": 'Import-AzureVM ".\\app01.xml" | New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet"\n',
    "each file of a listing": (
        'Get-ChildItem "$PSScriptRoot\\*.xml" | ForEach-Object {\n    Import-AzureVM -Path $_.FullName\n'
        '} | New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet"\n'
    ),
    "each file of a filtered listing, in a foreach": (
        "$vms = @()\n"
        "foreach ($file in Get-ChildItem $PSScriptRoot -Filter *.xml) {\n"
        "    $vms += Import-AzureVM -Path $file.FullName\n}\n"
        'New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet" -VMs $vms\n'
    ),
    "splatted": (
        '$p = @{ ServiceName = "app-svc"; VNetName = "Shared-VNet" }\n'
        'Import-AzureVM -Path "$PSScriptRoot\\app01.xml" | New-AzureVM @p\n'
    ),
}


@pytest.mark.parametrize("form", FORMS)
def test_an_imported_vm_without_a_subnet_placed_in_a_network_is_mig203(tmp_path, monkeypatch, form):
    files = {
        "NetworkConfig.netcfg": NETWORK,
        "app/app01.xml": _export("app01"),
        "app/Restore.ps1": FORMS[form],
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    assert where(result.findings) == ["MIG203 app/app01.xml:2:1"]
    assert "cloud service 'app-svc'" in result.findings[0].message


def test_the_imported_vm_is_one_vm_of_the_script_s_service(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETWORK,
        "app/app01.xml": _export("app01", "Web"),
        "app/Restore.ps1": PIPED,
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = {s.label: [vm.name for vm in s.vms] for s in result.estate.cloud_services}
    assert services == {"cloud service 'app-svc'": ["app01"]}
    (plan,) = build_plan(result).subscriptions
    moved = [step for step in plan.steps if "app-svc" in step.id or "app01" in str(step)]
    assert moved and all("named after its folder" not in str(step) for step in plan.steps)


def test_imported_vms_in_and_out_of_an_availability_set_are_mig103_of_the_script_s_service(
    tmp_path, monkeypatch
):
    script = (
        '$vms = @(\n    Import-AzureVM -Path "$PSScriptRoot\\app01.xml"\n'
        '    Import-AzureVM -Path "$PSScriptRoot\\app02.xml"\n)\n'
        'New-AzureVM -ServiceName "app-svc" -VNetName "Shared-VNet" -VMs $vms\n'
    )
    files = {
        "NetworkConfig.netcfg": NETWORK,
        "app/app01.xml": _export("app01", "Web", "app-as"),
        "app/app02.xml": _export("app02", "Web"),
        "app/Restore.ps1": script,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG103", dedent=False)
    assert where(result.findings) == ["MIG103 app/app02.xml:3:3"]  # at its empty AvailabilitySetName
    assert "cloud service 'app-svc'" in result.findings[0].message


def test_an_export_file_the_script_does_not_name_stays_in_its_folder_s_service(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETWORK,
        "app/app01.xml": _export("app01"),
        "app/Restore.ps1": PIPED.replace("app01.xml", "other.xml"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    assert result.findings == []


def test_each_file_of_a_listing_is_a_vm_of_the_script_s_service(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETWORK,
        "app/app01.xml": _export("app01", "Web"),
        "app/app02.xml": _export("app02", "Web"),
        "app/Restore.ps1": FORMS["each file of a listing"],
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = {s.label: sorted(vm.name for vm in s.vms) for s in result.estate.cloud_services}
    assert services == {"cloud service 'app-svc'": ["app01", "app02"]}
