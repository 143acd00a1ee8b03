"""MIG210's other cause: a network security group on a running VM's subnet or on the VM that denies outbound
Internet access, read from PowerShell (`Set-AzureNetworkSecurityRule`), Python (`perform_put` of a
`<Rule>`) and REST bodies of a group with its rules; and the readers' records of those rules."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import SecurityRule
from migcheck.plugins import load_rules
from migcheck.readers import deployment, powershell, python_script
from migcheck.readers.xml import Marker, parse

RULES = load_rules(entry_points=False)

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
VM = """
$vm = New-AzureVMConfig -Name "web01" -InstanceSize "Medium" -ImageName $image |
    Set-AzureSubnet -SubnetNames "web" |
    Set-AzureVMExtension -ExtensionName "CustomScriptExtension" -Publisher "Microsoft.Compute" -Version "1.*"
New-AzureVM -ServiceName "web" -VMs $vm -VNetName "app-vnet" -Location "West Europe"
"""
GROUP = """
New-AzureNetworkSecurityGroup -Name "web-nsg" -Location "West Europe"
$nsg = Get-AzureNetworkSecurityGroup -Name "web-nsg"
{rules}
$nsg | Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "app-vnet" -SubnetName "web"
"""
DENY = (
    'Set-AzureNetworkSecurityRule -NetworkSecurityGroup $nsg -Name "no-internet" -Type Outbound '
    '-Priority {priority} -Action Deny -SourceAddressPrefix "*" -SourcePortRange "*" '
    '-DestinationAddressPrefix "INTERNET" -DestinationPortRange "443" -Protocol "TCP"'
)


def _check(tmp_path: Path, monkeypatch, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG210",)), RULES)
    return [f"{f.location.path}:{f.location.line}: {f.message}" for f in result.findings]


def _scripts(rules: str) -> dict[str, str]:
    return {"NetworkConfig.netcfg": NETCFG, "nsg.ps1": GROUP.format(rules=rules), "web.ps1": VM}


def test_a_subnet_group_that_denies_https_to_the_internet_is_reported_at_the_extension(tmp_path, monkeypatch):
    [found] = _check(tmp_path, monkeypatch, _scripts(DENY.format(priority="200")))
    assert found.startswith(
        "web.ps1:3: VM 'web01' has the extension CustomScriptExtension 1.* (Microsoft.Compute)"
    )
    assert "network security group 'web-nsg' of its subnet 'web' denies outbound Internet access" in found
    assert "(rule 'no-internet' at nsg.ps1:3)" in found
    assert "allow outbound Internet access, at least to Azure storage, in 'web-nsg'" in found


def test_a_priority_the_script_does_not_state_may_deny(tmp_path, monkeypatch):
    [found] = _check(tmp_path, monkeypatch, _scripts(DENY.format(priority="$priority")))
    assert "'web-nsg' of its subnet 'web' may deny outbound Internet access" in found


def test_an_allow_before_the_deny_lets_the_extensions_through(tmp_path, monkeypatch):
    allow = DENY.format(priority="100").replace("no-internet", "https-out").replace("Deny", "Allow")
    assert _check(tmp_path, monkeypatch, _scripts(f"{DENY.format(priority='200')}\n{allow}")) == []


def test_a_removed_deny_denies_nothing(tmp_path, monkeypatch):
    removal = 'Remove-AzureNetworkSecurityRule -NetworkSecurityGroup $nsg -Name "no-internet" -Force'
    assert _check(tmp_path, monkeypatch, _scripts(f"{DENY.format(priority='200')}\n{removal}")) == []


def test_a_group_without_a_deny_and_a_vm_without_extensions_are_not_reported(tmp_path, monkeypatch):
    assert _check(tmp_path, monkeypatch, _scripts("")) == []
    files = _scripts(DENY.format(priority="200"))
    files["web.ps1"] = VM.replace(
        ' |\n    Set-AzureVMExtension -ExtensionName "CustomScriptExtension"', ""
    ).replace(' -Publisher "Microsoft.Compute" -Version "1.*"', "")
    assert _check(tmp_path, monkeypatch, files) == []


def test_a_group_set_on_the_vm_counts(tmp_path, monkeypatch):
    files = _scripts(DENY.format(priority="200"))
    files["nsg.ps1"] = files["nsg.ps1"].replace("$nsg | Set-AzureNetworkSecurityGroupToSubnet", "# ")
    files["web.ps1"] = VM.replace(
        'Set-AzureSubnet -SubnetNames "web" |',
        'Set-AzureSubnet -SubnetNames "web" |\n    Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName "web-nsg" |',
    )
    [found] = _check(tmp_path, monkeypatch, files)
    assert "the network security group 'web-nsg' set on the VM denies" in found


PYTHON_RULE = '''
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
body = """<Rule xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>deny-out</Name><Type>Outbound</Type><Priority>100</Priority><Action>Deny</Action>
  <SourceAddressPrefix>*</SourceAddressPrefix><SourcePortRange>*</SourcePortRange>
  <DestinationAddressPrefix>*</DestinationAddressPrefix><DestinationPortRange>*</DestinationPortRange>
  <Protocol>*</Protocol>
</Rule>"""
sms.perform_put("/subscription-id/services/networking/networksecuritygroups/web-nsg/rules/deny-out", body)
'''


def test_python_perform_put_of_a_rule_is_read(tmp_path, monkeypatch):
    files = {**_scripts(""), "nsg_rules.py": PYTHON_RULE}
    [found] = _check(tmp_path, monkeypatch, files)
    assert (
        "'web-nsg' of its subnet 'web' denies outbound Internet access (rule 'deny-out' at nsg_rules.py:10)"
        in found
    )


def test_python_reader_records_the_rule_of_the_path() -> None:
    doc = python_script.read("nsg_rules.py", PYTHON_RULE.encode())
    [rule] = [r for r in doc.resources if isinstance(r, SecurityRule)]
    assert (rule.group, rule.name, rule.direction, rule.action, rule.destination) == (
        "web-nsg",
        "deny-out",
        "Outbound",
        "Deny",
        "*",
    )


def test_powershell_reader_records_stated_and_unstated_values() -> None:
    script = GROUP.format(rules=DENY.format(priority="$p"))
    doc = powershell.read("nsg.ps1", script.encode())
    [rule] = [r for r in doc.resources if isinstance(r, SecurityRule)]
    assert (rule.group, rule.name, rule.priority, rule.destination_ports) == (
        "web-nsg",
        "no-internet",
        None,
        "443",
    )


GROUP_BODY = """<NetworkSecurityGroup xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jclouds-NSG</Name>
  <Rules>
    <Rule>
      <Name>DENY ALL OUTBOUND</Name><Type>Outbound</Type><Priority>65500</Priority><Action>Deny</Action>
      <SourceAddressPrefix>*</SourceAddressPrefix><SourcePortRange>*</SourcePortRange>
      <DestinationAddressPrefix>*</DestinationAddressPrefix><DestinationPortRange>*</DestinationPortRange>
      <Protocol>*</Protocol><IsDefault>true</IsDefault>
    </Rule>
  </Rules>
</NetworkSecurityGroup>
"""


def test_rest_reader_records_a_groups_rules() -> None:
    root = parse(GROUP_BODY.encode(), GROUP_BODY)
    found = list(deployment.read(root, Marker("nsg.xml", GROUP_BODY)))
    [rule] = [r for r in found if isinstance(r, SecurityRule)]
    assert (rule.group, rule.name, rule.priority, rule.mark.line) == (
        "jclouds-NSG",
        "DENY ALL OUTBOUND",
        "65500",
        4,
    )


def test_a_groups_default_deny_all_does_not_deny_the_internet(tmp_path, monkeypatch):
    files = _scripts("")
    files["nsg.xml"] = GROUP_BODY.replace("jclouds-NSG", "web-nsg")
    assert _check(tmp_path, monkeypatch, files) == []
