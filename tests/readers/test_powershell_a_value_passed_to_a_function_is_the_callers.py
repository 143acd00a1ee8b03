"""A value a PowerShell script passes to one of its functions is, in the function, the caller's value, whatever
it is: one the script does not state keeps its identity (one variable, one parameter), so that the file a
function writes to the path it is given is the one its caller uploads from the same variable
(`Set-AzureVNetConfig`), a connection a function disconnects is the one its caller connects again, and a
reserved IP a function creates under the caller's name is the one the caller's deployment is given."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import ConnectionState, Deployment, NetworkConfiguration

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="site1">
        <AddressSpace><AddressPrefix>10.9.0.00/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>52.1.1.1</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnetA" Location="East US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.0.15.0/29</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="site1"><Connection type="IPsec" /></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
HERE_STRING = f'$NetCfg = @"\n{NETCFG}"@\n'  # the invalid prefix is on the here-string's line 6, column 23
WRITER = (
    "function Write-Cfg {\n    Param([String]$Path)\n"
    + HERE_STRING
    + "    Set-Content -Value $NetCfg -Path $Path\n}\n"
)
UPLOAD = 'Set-AzureVNetConfig -ConfigurationPath $NetCfgFile\nNew-AzureVNetGateway -VNetName "vnetA" -GatewayType DynamicRouting\n'
FIRST_LINE = 3  # the here-string's first line in the function


@pytest.mark.parametrize(
    "path",
    [
        '"$env:TEMP\\vnet.netcfg"',
        '"$((Get-Location).Path)\\$($ServicePrefix)_vNet.netcfg"',
        "Join-Path $env:TEMP 'vnet.netcfg'",
        "$args[0]",
    ],
    ids=["environment", "built", "join-path", "script-argument"],
)
def test_a_network_configuration_a_function_writes_to_its_callers_path_is_the_one_uploaded(
    tmp_path, monkeypatch, path
):
    """The invalid prefix is found inside the here-string the function writes (MIG304), and the gateway is
    the one the configuration connects by IPsec (no MIG302)."""
    script = WRITER + f"$NetCfgFile = {path}\nWrite-Cfg -Path $NetCfgFile\n" + UPLOAD
    result = lint_files(tmp_path, monkeypatch, {"vnet.ps1": script}, "MIG302", "MIG304", dedent=False)
    assert where(result.findings) == [f"MIG304 vnet.ps1:{FIRST_LINE + 5}:23"]


def test_a_path_passed_on_through_two_functions_is_the_callers(tmp_path, monkeypatch):
    script = (
        "param([string]$Dir)\n"
        + WRITER
        + "function Prepare($Target) { Write-Cfg -Path $Target }\n"
        + '$NetCfgFile = "$Dir\\vnet.netcfg"\nPrepare $NetCfgFile\n'
        + UPLOAD
    )
    result = lint_files(tmp_path, monkeypatch, {"vnet.ps1": script}, "MIG302", "MIG304", dedent=False)
    assert where(result.findings) == [f"MIG304 vnet.ps1:{FIRST_LINE + 6}:23"]


def test_a_function_uploads_the_file_its_caller_wrote(read):
    doc = read(
        "vnet.ps1",
        HERE_STRING
        + "function Publish([string]$Path) { Set-AzureVNetConfig -ConfigurationPath $Path }\n"
        + '$file = "$env:TEMP\\vnet.netcfg"\n$NetCfg | Out-File -FilePath $file\nPublish -Path $file\n',
    )
    [configuration] = [r for r in doc.resources if isinstance(r, NetworkConfiguration)]
    assert [n.name for n in configuration.virtual_networks] == ["vnetA"]


def test_a_path_an_expression_gives_is_no_file_the_caller_names(read):
    """A value without an identity (what a command outputs, passed as it is) is the parameter's own: the
    caller's later `Get-Path` may give another file, so nothing is read from it."""
    doc = read(
        "vnet.ps1",
        WRITER + "Write-Cfg -Path (Get-Path)\nSet-AzureVNetConfig -ConfigurationPath (Get-Path)\n",
    )
    assert not [r for r in doc.resources if isinstance(r, NetworkConfiguration)]


def test_a_connection_a_function_disconnects_is_the_one_its_caller_connects_again(read):
    doc = read(
        "gw.ps1",
        """
        param([string]$VNetName)
        function Disconnect-Site($Network) {
            Set-AzureVNetGateway -Disconnect -VNetName $Network -LocalNetworkSiteName "site1"
        }
        Disconnect-Site $VNetName
        Set-AzureVNetGateway -Connect -VNetName $VNetName -LocalNetworkSiteName "site1"
        """,
    )
    assert not [r for r in doc.resources if isinstance(r, ConnectionState)]


def test_a_reserved_ip_a_function_creates_under_the_callers_name_is_the_deployments_vip(read):
    doc = read(
        "rip.ps1",
        """
        param([string]$Rip)
        function Reserve($Name) { New-AzureReservedIP -ReservedIPName $Name -Location "West US" }
        Reserve $Rip
        New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |
            Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |
            New-AzureVM -ServiceName "svc1" -Location "West US" -ReservedIPName $Rip
        """,
    )
    [deployment] = [r for r in doc.resources if isinstance(r, Deployment)]
    assert deployment.reserved_ip is not None
    assert deployment.reserved_ip.name == "<reserved IP name, rip.ps1:6>"
