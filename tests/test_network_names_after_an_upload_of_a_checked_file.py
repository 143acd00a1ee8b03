"""A script that uploads a network configuration by a file name that one checked here has (the repository's
`NetworkConfig.netcfg`, uploaded by `Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg`, the
classic CLI's `azure network import`, or a PUT to `.../services/networking/media` of the file's content)
uploads that file: its networks are those checked, and a network name none of them defines is still MIG003.
An upload of a file whose name the script does not state, or that no checked file has, may upload any
network: the names are left unchecked, as for any upload whose content the files do not show."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="CoreVNet" Location="East US">
      <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.4.2.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

GATEWAY = 'New-AzureVNetGateway -VNetName "ProdVNet"\n'

PY_VM_IN_PRODVNET = """\
sms.create_virtual_machine_deployment(
    "app-svc", "app-svc", "production", "app-svc", "app01", None, None,
    role_size="Small", virtual_network_name="ProdVNet",
)
"""

PY_HEAD = "import requests\nfrom azure.servicemanagement import ServiceManagementService\n\n"
PY_HEAD += 'sms = ServiceManagementService("sub", "cert.pem")\n'
MEDIA = "https://management.core.windows.net/sub/services/networking/media"

CHECKED_FILE_UPLOADS = {
    "relative": "Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg\n" + GATEWAY,
    "script-root": 'Set-AzureVNetConfig -ConfigurationPath "$PSScriptRoot\\NetworkConfig.netcfg"\n' + GATEWAY,
    "join-path": "Set-AzureVNetConfig -ConfigurationPath (Join-Path $PSScriptRoot 'NetworkConfig.netcfg')\n"
    + GATEWAY,
    "join-child-path": "Set-AzureVNetConfig -ConfigurationPath "
    "(Join-Path -Path $PSScriptRoot -ChildPath NetworkConfig.netcfg)\n" + GATEWAY,
    "absolute": "Set-AzureVNetConfig -ConfigurationPath C:\\deploy\\networkconfig.NETCFG\n" + GATEWAY,
    "classic-cli": "azure network import NetworkConfig.netcfg\n"
    'azure network vnet validate-migration "ProdVNet"\n',
}

PY_CHECKED_FILE_UPLOADS = {
    "perform_put": PY_HEAD
    + "body = open('NetworkConfig.netcfg').read()\n"
    + 'sms.perform_put("/sub/services/networking/media", body)\n'
    + PY_VM_IN_PRODVNET,
    "requests": PY_HEAD
    + f'requests.put("{MEDIA}",\n'
    + '             data=open("config/NetworkConfig.netcfg"), cert="c.pem")\n'
    + PY_VM_IN_PRODVNET,
}


@pytest.mark.parametrize("script", CHECKED_FILE_UPLOADS.values(), ids=CHECKED_FILE_UPLOADS.keys())
def test_a_powershell_upload_of_a_checked_file_keeps_names_checked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.ps1": script}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.ps1"]


@pytest.mark.parametrize("script", PY_CHECKED_FILE_UPLOADS.values(), ids=PY_CHECKED_FILE_UPLOADS.keys())
def test_a_python_upload_of_a_checked_file_keeps_names_checked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    files = {"config/NetworkConfig.netcfg": NETCFG, "deploy.py": script}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.py"]


OTHER_UPLOADS = {
    "another-name": "Set-AzureVNetConfig -ConfigurationPath .\\Generated.netcfg\n" + GATEWAY,
    "parameter": "param($ConfigPath)\nSet-AzureVNetConfig -ConfigurationPath $ConfigPath\n" + GATEWAY,
    "name-from-a-parameter": 'param($Name)\nSet-AzureVNetConfig -ConfigurationPath ".\\$Name"\n' + GATEWAY,
    "join-another-name": "Set-AzureVNetConfig -ConfigurationPath (Join-Path $PSScriptRoot 'Generated.netcfg')\n"
    + GATEWAY,
    "join-more-children": "Set-AzureVNetConfig -ConfigurationPath "
    "(Join-Path $PSScriptRoot NetworkConfig.netcfg -AdditionalChildPath $Name)\n" + GATEWAY,
    "cli-another-name": "azure network import Generated.netcfg\n" + GATEWAY,
    "one-of-two": "param($ConfigPath)\nSet-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg\n"
    "Set-AzureVNetConfig -ConfigurationPath $ConfigPath\n" + GATEWAY,
    "edited-in-place": "$xml = [xml](Get-Content .\\NetworkConfig.netcfg)\n"
    "$xml.NetworkConfiguration.VirtualNetworkConfiguration.VirtualNetworkSites.VirtualNetworkSite."
    'SetAttribute("name", "ProdVNet")\n'
    "$xml.Save((Resolve-Path .\\NetworkConfig.netcfg))\n"
    "Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg\n" + GATEWAY,
    "copied-over": "param($Source)\nCopy-Item $Source .\\NetworkConfig.netcfg\n"
    "Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg\n" + GATEWAY,
    "rest-request": "param($Sub)\n$body = Get-Content .\\NetworkConfig.netcfg -Raw\n"
    'Invoke-RestMethod -Method Put -Uri "https://management.core.windows.net/$Sub/services/networking/media" '
    "-Body $body\nSet-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg\n" + GATEWAY,
    "python-written-over": "import sys\n"
    + PY_HEAD
    + "open('NetworkConfig.netcfg', 'w').write(sys.argv[1])\n"
    + 'sms.perform_put("/sub/services/networking/media", open("NetworkConfig.netcfg").read())\n'
    + PY_VM_IN_PRODVNET,
    "python-another-name": PY_HEAD
    + 'sms.perform_put("/sub/services/networking/media", open("generated.netcfg").read())\n'
    + PY_VM_IN_PRODVNET,
    "python-parameter": "import sys\n"
    + PY_HEAD
    + f'requests.put("{MEDIA}", data=open(sys.argv[1]).read(), cert="c.pem")\n'
    + PY_VM_IN_PRODVNET,
}


@pytest.mark.parametrize("script", OTHER_UPLOADS.values(), ids=OTHER_UPLOADS.keys())
def test_an_upload_of_a_file_no_checked_one_is_leaves_names_unchecked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    name = "deploy.py" if script.startswith(("import", PY_HEAD)) else "deploy.ps1"
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings) == []


def test_an_upload_of_a_checked_xml_file_keeps_names_checked(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "azure network import .\\network\\VNet.XML\n" + GATEWAY
    files = {"network/vnet.xml": NETCFG, "deploy.ps1": script}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.ps1"]
