"""The classic module's named extension wrappers (`Set-AzureVMCustomScriptExtension`, …) each install one
extension, its publisher and name fixed by the cmdlet: read as `Set-AzureVMExtension` with that publisher
and name, so every rule that reads a VM's extensions sees them; their `Remove-` twins remove it again."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Deployment, Document, Role
from migcheck.plugins import load_rules

PATH = "deploy/vm.ps1"
RULES = load_rules(entry_points=False)

# Each wrapper as a script calls it, and the extension it installs (the module's source).
WRAPPERS = [
    ("Set-AzureVMCustomScriptExtension -FileUri $uri -Run setup.ps1", "Microsoft.Compute", "CustomScriptExtension"),
    ("Set-AzureVMAccessExtension -UserName ops -Password $p", "Microsoft.Compute", "VMAccessAgent"),
    ("Set-AzureVMDiagnosticsExtension -DiagnosticsConfigurationPath wad.xml -StorageContext $ctx",
     "Microsoft.Azure.Diagnostics", "IaaSDiagnostics"),
    ("Set-AzureVMMicrosoftAntimalwareExtension -AntimalwareConfiguration '{}'",
     "Microsoft.Azure.Security", "IaaSAntimalware"),
    ("Set-AzureVMDscExtension -ConfigurationArchive web.ps1.zip", "Microsoft.Powershell", "DSC"),
    ("Set-AzureVMChefExtension -Windows -ValidationPem v.pem -ClientRb c.rb",
     "Chef.Bootstrap.WindowsAzure", "ChefClient"),
    ("Set-AzureVMChefExtension -Linux -ValidationPem v.pem -ClientRb c.rb",
     "Chef.Bootstrap.WindowsAzure", "LinuxChefClient"),
    ("Set-AzureVMPuppetExtension -PuppetMasterServer puppet.contoso.com", "PuppetLabs", "PuppetEnterpriseAgent"),
    ("Set-AzureVMSqlServerExtension -AutoPatchingSettings $patching",
     "Microsoft.SqlServer.Management", "SqlIaaSAgent"),
]  # fmt: skip


def _role(doc: Document, name: str) -> Role:
    (role,) = [r for d in doc.resources if isinstance(d, Deployment) for r in d.roles if r.name == name]
    return role


def _vm(call: str, then: str = "") -> str:
    return f"""
        $vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $i |
            {call}{then}
        New-AzureVM -ServiceName "shop" -Location "West Europe" -VMs $vm
        """


@pytest.mark.parametrize(("call", "publisher", "name"), WRAPPERS)
def test_a_wrapper_installs_its_extension(read, call, publisher, name):
    web01 = _role(read(PATH, _vm(call)), "web01")
    assert [(e.publisher, e.name, e.state) for e in web01.extensions] == [(publisher, name, "Enable")]
    assert web01.extensions[0].mark.line == 2
    assert "extensions" not in web01.unknown


@pytest.mark.parametrize(("call", "publisher", "name"), WRAPPERS)
def test_a_wrapper_s_removal_removes_its_extension(read, call, publisher, name):
    remove = call.split()[0].replace("Set-", "Remove-", 1)
    web01 = _role(read(PATH, _vm(call, f" | {remove}")), "web01")
    assert web01.extensions == () and "extensions" not in web01.unknown


@pytest.mark.parametrize(
    ("call", "state"),
    [
        ("Set-AzureVMCustomScriptExtension -Uninstall", "Uninstall"),
        ("Set-AzureVMAccessExtension -Disable", "Disable"),
        ("Set-AzureVMMicrosoftAntimalwareExtension -Uninstall", "Uninstall"),
        ("Set-AzureVMSqlServerExtension -Uninstall", "Uninstall"),
        ("Set-AzureVMPuppetExtension -PuppetMasterServer p -Disable", "Disable"),
    ],
)
def test_a_wrapper_s_uninstall_or_disable_is_the_extension_s_state(read, call, state):
    (extension,) = _role(read(PATH, _vm(call)), "web01").extensions
    assert extension.state == state


def test_the_version_and_reference_name_a_wrapper_is_given(read):
    call = "Set-AzureVMCustomScriptExtension custom 1.9 -FileUri $uri -Run setup.ps1"
    (extension,) = _role(read(PATH, _vm(call)), "web01").extensions
    assert (extension.name, extension.version) == ("CustomScriptExtension", "1.9")


def test_antimalware_monitoring_adds_the_diagnostics_extension(read):
    """`-Monitoring ON` sends the antimalware events to storage through the diagnostics extension;
    `-NoConfig` changes the monitoring only."""
    call = "Set-AzureVMMicrosoftAntimalwareExtension -AntimalwareConfiguration '{}' -Monitoring ON"
    names = [e.name for e in _role(read(PATH, _vm(call)), "web01").extensions]
    assert sorted(names) == ["IaaSAntimalware", "IaaSDiagnostics"]
    call = "Set-AzureVMMicrosoftAntimalwareExtension -Monitoring ON -NoConfig"
    assert [e.name for e in _role(read(PATH, _vm(call)), "web01").extensions] == ["IaaSDiagnostics"]


def test_chef_on_a_platform_the_script_does_not_state_is_an_unknown_extension(read):
    call = "Set-AzureVMChefExtension -Linux:$onLinux -ValidationPem v.pem -ClientRb c.rb"
    web01 = _role(read(PATH, _vm(call)), "web01")
    assert web01.extensions == () and "extensions" in web01.unknown


NETCFG = """
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.4.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
LOCKDOWN = """
New-AzureNetworkSecurityGroup -Name "lockdown" -Location "West Europe"
Get-AzureNetworkSecurityGroup -Name "lockdown" |
    Set-AzureNetworkSecurityRule -Name "no-internet" -Type Outbound -Priority 100 -Action Deny `
        -SourceAddressPrefix "*" -SourcePortRange "*" -DestinationAddressPrefix INTERNET `
        -DestinationPortRange "*" -Protocol "*"
Set-AzureNetworkSecurityGroupToSubnet -Name "lockdown" -VirtualNetworkName "app-vnet" -SubnetName "web"
$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image |
    Set-AzureSubnet -SubnetNames "web" |
    {call}
New-AzureVM -ServiceName "web" -VMs $vm -VNetName "app-vnet" -Location "West Europe"
"""


@pytest.mark.parametrize(("call", "publisher", "name"), WRAPPERS)
def test_mig210_an_extension_a_wrapper_adds_behind_a_group_denying_the_internet(
    tmp_path: Path, monkeypatch, call, publisher, name
):
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG, encoding="utf-8")
    (tmp_path / "lockdown.ps1").write_text(textwrap.dedent(LOCKDOWN.format(call=call)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = lint(["."], Config(select=("MIG210",)), RULES).findings
    assert [(f.location.path, f.location.line) for f in findings] == [("lockdown.ps1", 10)]
    assert f"the extension {name} ({publisher})" in findings[0].message
