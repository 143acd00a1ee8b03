"""The classic module's aliases (`AzureAliases.psm1`, "Compute aliases": `Set-AzureBootDiagnostics` for
Set-AzureVMBootDiagnostics, `New-AzureDnsConfig` for New-AzureDns) are read as the cmdlets they stand for,
by every rule and the plan: Microsoft's migration lab enables boot diagnostics by the alias."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Script
from migcheck.readers import read_document

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="appvnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

DEPLOY = """\
New-AzureStorageAccount -StorageAccountName 'premacct' -Location 'West Europe' -Type 'Premium_LRS'
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Standard_DS2 -ImageName 'img' -MediaLocation 'https://premacct.blob.core.windows.net/vhds/vm1-os.vhd' |
    Add-AzureProvisioningConfig -Linux -LinuxUser 'azureuser' -Password 'P@ssw0rd1234' |
    Set-AzureSubnet -SubnetNames 'app'
{boot} -VM $vm
New-AzureVM -ServiceName 'svc5' -Location 'West Europe' -VNetName 'appvnet' -VMs $vm
"""


def _boot_diagnostics(tmp_path, monkeypatch, boot: str) -> list[str]:
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.ps1": DEPLOY.replace("{boot}", boot)}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG205").findings)


def test_boot_diagnostics_enabled_by_the_alias(tmp_path, monkeypatch):
    assert _boot_diagnostics(tmp_path, monkeypatch, "Set-AzureBootDiagnostics -Enable") == [
        "MIG205 deploy.ps1:5:1"
    ]


def test_boot_diagnostics_disabled_by_the_alias(tmp_path, monkeypatch):
    text = "Set-AzureVMBootDiagnostics -Enable -VM $vm\nSet-AzureBootDiagnostics -Disable"
    assert _boot_diagnostics(tmp_path, monkeypatch, text) == []


def test_dns_settings_made_by_the_alias_are_a_call_of_new_azuredns():
    text = "$dns = New-AzureDnsConfig -Name 'dns1' -IPAddress '10.0.0.4'\n"
    doc = read_document("deploy.ps1", text.encode(), explicit=True)
    assert doc is not None
    (script,) = [r for r in doc.resources if isinstance(r, Script)]
    assert [call.name for call in script.calls] == ["New-AzureDns"]
