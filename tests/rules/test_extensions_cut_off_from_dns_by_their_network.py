"""MIG210: a running VM's extensions in a network that migration cuts off from on-premises (a transit VPN,
or ExpressRoute with an on-premises DNS server), in every format that states a VM's extensions and its
network; VMs stopped (deallocated), BGInfo 1.* and the extensions other rules report are left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], *codes: str):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=codes), RULES).findings


# One network, vnet1, connected to ExpressRoute through a site holding on-premises 172.16/16, whose DNS
# server dc01 is there.
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="172.16.0.10"/></DnsServers></Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="dc-er"><AddressSpace><AddressPrefix>172.16.0.0/16</AddressPrefix></AddressSpace></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="dc-er"><Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
# The same network with its DNS server inside it: ExpressRoute's migration cuts nothing the VMs need.
NETCFG_AZURE_DNS = NETCFG.replace("172.16.0.10", "10.0.1.4")

CUSTOM_SCRIPT = (
    "<ResourceExtensionReference><ReferenceName>CustomScriptForLinux</ReferenceName>"
    "<Publisher>Microsoft.OSTCExtensions</Publisher><Name>CustomScriptForLinux</Name>"
    "<Version>1.*</Version><State>Enable</State></ResourceExtensionReference>"
)


def _reference(publisher: str, name: str, version: str = "1.*", state: str = "Enable") -> str:
    return (
        f"<ResourceExtensionReference><Publisher>{publisher}</Publisher><Name>{name}</Name>"
        f"<Version>{version}</Version><State>{state}</State></ResourceExtensionReference>"
    )


def _deployment(extensions: str, status: str = "") -> str:
    """A REST deployment of vm1 in vnet1's FrontEnd; with `status`, a GET response stating its state."""
    instances = (
        "  <RoleInstanceList><RoleInstance><RoleName>vm1</RoleName><InstanceName>vm1</InstanceName>"
        f"<InstanceStatus>{status}</InstanceStatus></RoleInstance></RoleInstanceList>\n"
        if status
        else ""
    )
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>svc1</Name>\n"
        f"{instances}"
        "  <RoleList>\n"
        "    <Role>\n"
        "      <RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>\n"
        "      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration"
        "</ConfigurationSetType><SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>"
        "</ConfigurationSet></ConfigurationSets>\n"
        f"      <ResourceExtensionReferences>{extensions}</ResourceExtensionReferences>\n"
        "    </Role>\n"
        "  </RoleList>\n"
        "  <VirtualNetworkName>vnet1</VirtualNetworkName>\n"
        "</Deployment>\n"
    )


EXPORT_AZURE_VM = """\
<PersistentVM xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>vm1</RoleName>
  <ConfigurationSets>
    <ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames></ConfigurationSet>
  </ConfigurationSets>
  <ResourceExtensionReferences>
    <ResourceExtensionReference>
      <ReferenceName>CustomScriptForLinux</ReferenceName>
      <Publisher>Microsoft.OSTCExtensions</Publisher>
      <Name>CustomScriptForLinux</Name>
      <Version>1.*</Version>
    </ResourceExtensionReference>
  </ResourceExtensionReferences>
</PersistentVM>
"""

POWERSHELL = """\
$vm = New-AzureVMConfig -Name "vm1" -InstanceSize "Standard_DS2_v2" -ImageName $image |
    Add-AzureProvisioningConfig -Linux -LinuxUser "ops" -Password $password |
    Set-AzureSubnet -SubnetNames "FrontEnd" |
    Set-AzureVMExtension -ExtensionName "CustomScriptForLinux" -Publisher "Microsoft.OSTCExtensions" -Version "1.*"
New-AzureVM -ServiceName "svc1" -VMs $vm -VNetName "vnet1" -Location "West Europe"
"""

PYTHON = """\
from azure.servicemanagement import ConfigurationSet, ResourceExtensionReference, ServiceManagementService

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
network = ConfigurationSet()
network.configuration_set_type = "NetworkConfiguration"
network.subnet_names.append("FrontEnd")
extensions = [ResourceExtensionReference("CustomScriptForLinux", "Microsoft.OSTCExtensions", "CustomScriptForLinux", "1.*")]
sms.create_virtual_machine_deployment(
    service_name="svc1", deployment_name="svc1", deployment_slot="production", label="svc1", role_name="vm1",
    system_config=None, os_virtual_hard_disk=None, network_config=network, virtual_network_name="vnet1",
    resource_extension_references=extensions,
)
"""

SUBSCRIPTION = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"


def _graph_row(status: str = "ReadyRole", power: str = "Started") -> str:
    """A Resource Graph export of classic VM vm1 of svc1 in vnet1's FrontEnd, with the Custom Script
    extension and the state given."""
    group = f"/subscriptions/{SUBSCRIPTION}/resourceGroups"
    row = {
        "id": f"{group}/svc1/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.classiccompute/virtualmachines",
        "location": "westeurope",
        "subscriptionId": SUBSCRIPTION,
        "properties": {
            "domainName": {"name": "svc1", "type": "Microsoft.ClassicCompute/domainNames"},
            "hardwareProfile": {
                "size": "Standard_DS2_v2",
                "platformGuestAgent": True,
                "deploymentName": "svc1",
            },
            "networkProfile": {
                "virtualNetwork": {
                    "id": f"{group}/net/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1",
                    "name": "vnet1",
                    "type": "Microsoft.ClassicNetwork/virtualNetworks",
                    "subnetNames": ["FrontEnd"],
                }
            },
            "instanceView": {"status": status, "powerState": power, "guestAgentStatus": {"status": "Ready"}},
            "extensions": [
                {
                    "publisher": "Microsoft.OSTCExtensions",
                    "extension": "CustomScriptForLinux",
                    "version": "1.*",
                    "state": "Enable",
                }
            ],
        },
    }
    return json.dumps({"data": [row]}, indent=2)


def _get_azure_vm(status: str = "ReadyRole") -> str:
    """`Get-AzureVM | ConvertTo-Json` of vm1, with the Custom Script extension, in the state given."""
    context = {
        "ServiceName": "svc1",
        "DeploymentName": "svc1",
        "Name": "vm1",
        "InstanceStatus": status,
        "VirtualNetworkName": "vnet1",
        "GuestAgentStatus": {"Status": "Ready"},
        "ResourceExtensionStatusList": [
            {"HandlerName": "Microsoft.OSTCExtensions.CustomScriptForLinux", "Status": "Ready"}
        ],
        "VM": {
            "RoleName": "vm1",
            "RoleType": "PersistentVMRole",
            "ConfigurationSets": [
                {"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": ["FrontEnd"]}
            ],
            "ResourceExtensionReferences": [
                {
                    "ReferenceName": "CustomScriptForLinux",
                    "Publisher": "Microsoft.OSTCExtensions",
                    "Name": "CustomScriptForLinux",
                    "Version": "1.*",
                    "State": "Enable",
                }
            ],
        },
    }
    return json.dumps([context], indent=2)


FORMATS = {
    "rest": {"rest/svc1.deployment.xml": _deployment(CUSTOM_SCRIPT)},
    "export-azurevm": {"vms/vm1.xml": EXPORT_AZURE_VM},
    "powershell": {"deploy.ps1": POWERSHELL},
    "python": {"deploy.py": PYTHON},
    "resource-graph": {"inventory/classic.json": _graph_row()},
    "get-azurevm-json": {"vms.json": _get_azure_vm()},
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_that_states_extensions_and_the_network_reports_the_vm(tmp_path, monkeypatch, fmt):
    files = {"NetworkConfig.netcfg": NETCFG, **FORMATS[fmt]}
    [finding] = _lint(tmp_path, monkeypatch, files, "MIG210")
    assert (finding.code, str(finding.severity)) == ("MIG210", "warning")
    assert finding.location.path == next(iter(FORMATS[fmt]))
    # An Export-AzureVM file does not name the VM's network: it is the one that defines its subnet.
    inferred = " (as inferred from its subnet 'FrontEnd')" if fmt == "export-azurevm" else ""
    assert finding.message.startswith(
        "VM 'vm1' has the extension CustomScriptForLinux 1.* (Microsoft.OSTCExtensions) and its virtual "
        f"network 'vnet1'{inferred} has an ExpressRoute gateway and uses on-premises DNS server 'dc01' "
        "(172.16.0.10)"
    )
    assert "uninstall it before Prepare and add it back after Commit, or stop (deallocate) the VM" in (
        finding.message
    )
    assert "Remove-AzureVMExtension" in finding.fix and "-Uninstall" in finding.fix
    assert "Get-AzureVM -ServiceName '<cloud service>' -Name '<VM>'" in finding.fix
    assert "New-AzureReservedIP" in finding.fix


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_dns_server_inside_the_network_is_not_cut_off(tmp_path, monkeypatch, fmt):
    files = {"NetworkConfig.netcfg": NETCFG_AZURE_DNS, **FORMATS[fmt]}
    assert _lint(tmp_path, monkeypatch, files, "MIG210") == []


@pytest.mark.parametrize(
    "files",
    [
        {"rest/svc1.deployment.xml": _deployment(CUSTOM_SCRIPT, status="StoppedDeallocated")},
        {"inventory/classic.json": _graph_row(status="StoppedDeallocated", power="Stopped")},
        {"vms.json": _get_azure_vm(status="StoppedDeallocated")},
    ],
    ids=["rest", "resource-graph", "get-azurevm-json"],
)
def test_a_vm_stopped_deallocated_keeps_its_extensions(tmp_path, monkeypatch, files):
    assert _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, **files}, "MIG210") == []


def test_a_vm_stopped_but_still_allocated_is_reported(tmp_path, monkeypatch):
    """The planning guide spares only VMs stopped (deallocated)."""
    files = {"NetworkConfig.netcfg": NETCFG, "rest/svc1.xml": _deployment(CUSTOM_SCRIPT, status="StoppedVM")}
    assert [f.code for f in _lint(tmp_path, monkeypatch, files, "MIG210")] == ["MIG210"]


def test_bginfo_1_backup_and_defender_extensions_are_each_reported_once_by_their_own_rule(
    tmp_path, monkeypatch
):
    """BGInfo 1.* need not be removed; the backup and Defender extensions are MIG206's and MIG207's. The
    Custom Script extension beside them is MIG210's, named alone."""
    extensions = "".join(
        (
            _reference("Microsoft.Compute", "BGInfo"),
            _reference("Microsoft.Azure.RecoveryServices", "VMSnapshotLinux", "1.0"),
            _reference("Microsoft.Azure.Security.Monitoring", "AzureSecurityLinuxAgent", "2.*"),
            CUSTOM_SCRIPT,
        )
    )
    files = {"NetworkConfig.netcfg": NETCFG, "rest/svc1.xml": _deployment(extensions)}
    findings = _lint(tmp_path, monkeypatch, files, "MIG204", "MIG206", "MIG207", "MIG210")
    assert sorted(f.code for f in findings) == ["MIG204", "MIG206", "MIG207", "MIG210"]
    [cut_off] = [f for f in findings if f.code == "MIG210"]
    assert "the extension CustomScriptForLinux 1.* (Microsoft.OSTCExtensions) and" in cut_off.message
    for other in ("BGInfo", "VMSnapshotLinux", "AzureSecurityLinuxAgent"):
        assert other not in cut_off.message


def test_only_extensions_other_rules_report_is_no_finding(tmp_path, monkeypatch):
    extensions = _reference("Microsoft.Compute", "BGInfo") + _reference(
        "Microsoft.Azure.Security.Monitoring", "AzureSecurityLinuxAgent"
    )
    files = {"NetworkConfig.netcfg": NETCFG, "rest/svc1.xml": _deployment(extensions)}
    assert _lint(tmp_path, monkeypatch, files, "MIG210") == []


def test_several_extensions_are_one_finding_at_the_first(tmp_path, monkeypatch):
    extensions = (
        _reference("Microsoft.Compute", "BGInfo", "2.*")
        + CUSTOM_SCRIPT
        + _reference("Microsoft.Compute", "BGInfo", "2.*", state="Uninstall")
        + _reference("Microsoft.Azure.RecoveryServices.SiteRecovery", "Linux", "1.0")
    )
    files = {"NetworkConfig.netcfg": NETCFG, "rest/svc1.xml": _deployment(extensions)}
    [finding] = _lint(tmp_path, monkeypatch, files, "MIG210")
    assert "has the extensions BGInfo 2.* (Microsoft.Compute), CustomScriptForLinux 1.* " in finding.message
    assert "Linux 1.0 (Microsoft.Azure.RecoveryServices.SiteRecovery) and its" in finding.message
    assert finding.message.count("BGInfo") == 1
    assert "uninstall them before Prepare and add them back after Commit" in finding.message
    assert (finding.location.line, finding.location.column) == (7, 36)  # BGInfo 2.*, the first


def test_an_extension_being_uninstalled_is_not_reported(tmp_path, monkeypatch):
    extensions = _reference("Microsoft.OSTCExtensions", "CustomScriptForLinux", state="Uninstall")
    files = {"NetworkConfig.netcfg": NETCFG, "rest/svc1.xml": _deployment(extensions)}
    assert _lint(tmp_path, monkeypatch, files, "MIG210") == []


TRANSIT = """\
<NetworkConfiguration>
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-and-office">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>198.51.100.20</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="hub-and-office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def test_a_network_in_transit_through_another_cuts_its_vms_off(tmp_path, monkeypatch):
    """The gateway migration guide: transit scenarios with extensions connected to on-premises servers."""
    files = {"NetworkConfig.netcfg": TRANSIT, "rest/svc1.xml": _deployment(CUSTOM_SCRIPT)}
    [finding] = _lint(tmp_path, monkeypatch, files, "MIG210")
    transit = "virtual network 'vnet1' has a VPN gateway in transit connectivity through local network site "
    assert f"{transit}'hub-and-office', which migration cuts off" in finding.message


def test_a_vm_in_no_cut_off_network_is_not_reported(tmp_path, monkeypatch):
    direct = TRANSIT.replace('name="hub-and-office"/></Conn', 'name="office"/></Conn')
    files = {"NetworkConfig.netcfg": direct, "rest/svc1.xml": _deployment(CUSTOM_SCRIPT)}
    assert _lint(tmp_path, monkeypatch, files, "MIG210") == []
