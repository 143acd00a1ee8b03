"""A fix that names PowerShell cmdlets is told in the words of the tool the finding's line is written with,
wherever that tool has them: an endpoint ACL the classic CLI adds is deleted by a command that names the VM,
the endpoint and the rule's order; a VM a script makes in a network without a subnet gets one with the
CLI's `-b` or the legacy SDK's `subnet_names`; an XML extension the SDK sets is uninstalled by the SDK;
extensions cut off by a network security group, a VPN gateway beside ExpressRoute, a gateway that may be
ExpressRoute and boot diagnostics on Premium storage get the CLI's commands, and an Application Gateway
the CLI creates (in a script, a CI step or a playbook) is deleted by the CLI's command naming it. A line of
PowerShell that runs a cmdlet and the CLI is told in the words of the call the finding is on. A script that sends the API's
requests itself (Invoke-RestMethod, requests) is told the request to send: a connection it disconnects is
connected again by an UpdateConnection, a circuit link it makes is deleted by a DELETE and the network
configuration changed by a GET and a PUT, a disk it registers deleted by a DELETE."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="contoso-vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="apps"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str) -> list[str]:
    found = lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings
    return [f.fix for f in found if f.code == code]


def test_acl_rules_on_a_vm_the_script_creates_are_deleted_by_name_and_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "azure config mode asm\n"
        "azure vm create shop img ops 'P@ss' -n web01 -l 'West Europe'\n"
        "azure vm endpoint create web01 443 443 -n HTTPS\n"
        "azure vm endpoint acl-rule create web01 HTTPS 100 permit 203.0.113.0/24 --dns-name shop\n"
        "azure vm endpoint acl-rule create web01 HTTPS 200 deny 0.0.0.0/0 --dns-name shop\n"
    )
    [fix] = _fixes(tmp_path, monkeypatch, {"acl.sh": script}, "MIG201")
    assert (
        "`azure vm endpoint acl-rule delete web01 HTTPS <order> --dns-name shop` for each rule (100, 200)"
        in fix
    )
    assert "any other rule" not in fix  # the script made the VM: these are all its rules


def test_an_acl_rule_on_a_vm_the_script_does_not_name_keeps_a_placeholder_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = 'azure config mode asm\nazure vm endpoint acl-rule create "$1" SSH 100 permit 203.0.113.0/24\n'
    [fix] = _fixes(tmp_path, monkeypatch, {"acl.sh": script}, "MIG201")
    assert "`azure vm endpoint acl-rule delete <vm> SSH 100`, and likewise for any other rule" in fix


def test_a_line_running_a_cmdlet_then_the_cli_is_told_in_the_words_of_the_call_the_finding_is_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "Get-AzureVM -ServiceName shop -Name db01; "
        "azure vm endpoint acl-rule create web01 HTTPS 100 permit 203.0.113.0/24 --dns-name shop\n"
    )
    [fix] = _fixes(tmp_path, monkeypatch, {"acl.ps1": script}, "MIG201")
    assert "`azure vm endpoint acl-rule delete web01 HTTPS 100 --dns-name shop`" in fix


def test_a_vm_the_cli_makes_in_a_network_without_a_subnet_gets_one_with_b(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "azure config mode asm\nazure vm create shop img ops 'P@ss' -n web01 -l 'West Europe' -w \"$1\"\n"
    )
    [fix] = _fixes(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG203")
    assert "Give the VM a subnet in the script (`-b <subnet>` (`--subnet-names`) on `azure vm create`" in fix


def test_a_vm_the_sdk_may_make_in_a_network_gets_its_subnet_in_subnet_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
import sys
sms = ServiceManagementService("sub", "cert.pem")
vnet = sys.argv[1] if len(sys.argv) > 1 else None
linux = LinuxConfigurationSet("web01", "ops", "P@ss", True)
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web01.vhd")
sms.create_virtual_machine_deployment(
    "shop", "shop", "production", "shop", "web01", linux, disk, virtual_network_name=vnet
)
"""
    [fix] = _fixes(tmp_path, monkeypatch, {"deploy.py": script}, "MIG203")
    assert "`network.subnet_names.append('<subnet>')`" in fix
    assert "Set-AzureSubnet" not in fix


def test_an_xml_extension_the_sdk_sets_is_uninstalled_by_the_sdk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
from azure.servicemanagement import ResourceExtensionReference, ServiceManagementService
sms = ServiceManagementService("subscription-id", "management.pem")
bginfo = ResourceExtensionReference("BGInfo", "Microsoft.Compute", "BGInfo", "1.*")
sms.update_role("jump", "jump", "jump01", resource_extension_references=[bginfo])
"""
    [fix] = _fixes(tmp_path, monkeypatch, {"ext.py": script}, "MIG204")
    assert "whose `state` is 'Uninstall', sent with `update_role(" in fix
    assert "Set-AzureVMBGInfoExtension" not in fix


def test_extensions_a_cli_group_cuts_off_are_uninstalled_with_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "azure network nsg create lockdown 'West Europe'\n"
        "azure network nsg rule create lockdown deny-out -r Outbound -y 100 -e INTERNET -u '*' -c Deny\n"
        "azure network nsg subnet add lockdown contoso-vnet apps\n"
        "azure vm create contoso-app img ops pass -l 'West Europe' -w contoso-vnet -b apps -n app01\n"
        "azure vm extension set app01 CustomScriptExtension Microsoft.Compute 1.*\n"
    )
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    [fix] = _fixes(tmp_path, monkeypatch, files, "MIG210")
    assert "`azure network nsg rule create '<group>' '<rule>' -r Outbound -c Allow -e INTERNET -u 443" in fix
    assert "-u -d '<cloud service>'" in fix
    assert "Remove-AzureVMExtension" not in fix and "Set-AzureNetworkSecurityRule" not in fix


def test_a_vpn_side_the_cli_sets_up_beside_a_circuit_link_is_deleted_with_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        'New-AzureDedicatedCircuitLink -ServiceKey "abc" -VNetName "VNetA"\n'
        "azure network vpn-gateway shared-key set VNetA abc -t SiteB\n"
    )
    [fix] = _fixes(tmp_path, monkeypatch, {"gw.ps1": script}, "MIG301")
    assert "then `azure network vpn-gateway delete <network>`" in fix
    assert "Remove-AzureVirtualNetworkGateway" not in fix


def test_a_gateway_the_cli_creates_is_looked_into_with_the_cli_s_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "gw.sh": "azure network vpn-gateway create contoso-vnet -t DynamicRouting\n",
    }
    [fix] = _fixes(tmp_path, monkeypatch, files, "MIG302")
    assert "export the network configuration (`azure network export <file>`)" in fix
    assert "Get-AzureVNetConfig" not in fix and "Set-AzureVNetConfig" not in fix


def test_an_application_gateway_the_cli_creates_is_removed_with_the_cli_by_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create = "azure network application-gateway create -n shop-agw -e vnet1 -t agw -c 2 -z Medium\n"
    workflow = (
        f"on: workflow_dispatch\njobs:\n  agw:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {create}"
    )
    playbook = f"- hosts: localhost\n  tasks:\n    - name: Create the gateway\n      shell: {create}"
    each = (
        {"agw.sh": "#!/bin/bash\n" + create},
        {".github/workflows/agw.yml": workflow},
        {"site.yml": playbook},
    )
    for files in each:
        [fix] = _fixes(tmp_path, monkeypatch, files, "MIG312")
        assert "(`azure network application-gateway delete shop-agw`)" in fix
        assert "Remove-AzureApplicationGateway" not in fix
        for name in files:
            (tmp_path / name).unlink()
    cmdlet = "New-AzureApplicationGateway -Name shop-agw -VnetName vnet1 -Subnets agw -GatewaySize Medium\n"
    [fix] = _fixes(tmp_path, monkeypatch, {"agw.ps1": cmdlet}, "MIG312")
    assert "(Remove-AzureApplicationGateway)" in fix  # the cmdlets' own words


def test_boot_diagnostics_the_cli_leaves_on_are_turned_off_with_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        'azure storage account create premacct --type PLRS -l "West Europe"\n'
        'azure vm create db img user pass -u https://premacct.blob.core.windows.net/vhds/db01.vhd -l "West Europe"\n'
    )
    [fix] = _fixes(tmp_path, monkeypatch, {"create.sh": script}, "MIG205")
    assert "(`azure vm show db`); if boot diagnostics is on" in fix
    assert "`azure vm set db --disable-boot-diagnostics`" in fix
    assert "Get-AzureVM" not in fix


# A script that sends the API's requests itself is told the request to send.
GATEWAY_URL = "https://management.core.windows.net/$sub/services/networking/net1/gateway/connection/site1"
DISCONNECT = (
    '<UpdateConnection xmlns="http://schemas.microsoft.com/windowsazure">'
    "<Operation>Disconnect</Operation></UpdateConnection>"
)


def test_a_connection_a_request_leaves_down_is_connected_again_by_a_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = f'$sub = "0000"\nInvoke-RestMethod -Method PUT -Uri "{GATEWAY_URL}" -Body \'{DISCONNECT}\' -Certificate $cert\n'
    [fix] = _fixes(tmp_path, monkeypatch, {"maintenance.ps1": script}, "MIG307")
    assert "(an `UpdateConnection` body whose `Operation` is `Connect`, PUT to" in fix
    assert "Set-AzureVNetGateway" not in fix


def test_a_circuit_link_a_request_makes_is_undone_by_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://management.core.windows.net/$sub/services/networking/dedicatedcircuits/0f3d/vnets/contoso-vnet"
    script = f'$sub = "0000"\nInvoke-RestMethod -Method Put -Uri "{url}" -Certificate $cert\n'
    [fix] = _fixes(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "Link.ps1": script}, "MIG302")
    assert "(a GET of `.../services/networking/media`, then a PUT of it changed)" in fix
    assert "(a DELETE of `.../services/networking/dedicatedcircuits/<service key>/vnets/<network>`)" in fix
    assert "Set-AzureVNetConfig" not in fix and "Remove-AzureDedicatedCircuitLink" not in fix


def test_a_disk_a_request_registers_is_deleted_by_a_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "import requests\n"
        'BODY = """<Disk xmlns="http://schemas.microsoft.com/windowsazure"><Label>data1</Label>'
        '<MediaLink>https://acct.blob.core.windows.net/vhds/d.vhd</MediaLink><Name>data1</Name></Disk>"""\n'
        'requests.post("https://management.core.windows.net/0000/services/disks", data=BODY, cert="c.pem")\n'
    )
    [fix] = _fixes(tmp_path, monkeypatch, {"disk.py": script}, "MIG402")
    assert (
        "(a DELETE of `.../services/disks/<name>`" in fix
        and "without `?comp=media` keeps the VHD blob" in fix
    )
    assert "Remove-AzureDisk" not in fix
