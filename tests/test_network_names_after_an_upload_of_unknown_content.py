"""A network configuration upload replaces every network of the subscription. When a script uploads one
whose content the files do not show (Set-AzureVNetConfig of a file given by a parameter or edited through an
`[xml]` object, the classic CLI's `azure network import`, a PUT to `.../services/networking/media` of a body
read from a file, by the SDK's perform_put or a request of the script's own), the network configurations
checked here no longer hold every network of the subscription: a network or subnet name they do not define
may be one of those uploaded, and MIG003 says nothing of it, as when no file defines networks. Where the
script writes what it uploads, its networks are known and a name outside them is still MIG003."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

TEMPLATE = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="TemplateVNet" Location="East US">
      <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.4.2.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

UPLOADED = TEMPLATE.replace("TemplateVNet", "OtherVNet").replace("10.4.", "10.5.")

VM_IN_PRODVNET = """\
$vm = New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName "img" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |
    Set-AzureSubnet -SubnetNames "Apps"
New-AzureVM -ServiceName "app-svc" -Location "East US" -VNetName "ProdVNet" -VMs $vm
"""

PY_VM_IN_PRODVNET = """\
sms.create_virtual_machine_deployment(
    "app-svc", "app-svc", "production", "app-svc", "app01", None, None,
    role_size="Small", virtual_network_name="ProdVNet",
)
"""

UNKNOWN_UPLOADS = {
    "parameter": "param($ConfigPath)\nSet-AzureVNetConfig -ConfigurationPath $ConfigPath\n"
    'New-AzureVNetGateway -VNetName "ProdVNet"\n',
    "xml-object": "$xml = [xml](Get-Content (Join-Path $PSScriptRoot 'template.netcfg'))\n"
    "$site = $xml.NetworkConfiguration.VirtualNetworkConfiguration.VirtualNetworkSites.VirtualNetworkSite\n"
    '$site.SetAttribute("name", "ProdVNet")\n'
    "$xml.Save((Join-Path $PSScriptRoot 'out.netcfg'))\n"
    "Set-AzureVNetConfig -ConfigurationPath (Join-Path $PSScriptRoot 'out.netcfg')\n"
    'New-AzureVNetGateway -VNetName "ProdVNet"\n',
    "placement": "param($ConfigPath)\nSet-AzureVNetConfig -ConfigurationPath $ConfigPath\n" + VM_IN_PRODVNET,
    "classic-cli": "param($ConfigPath)\nazure network import $ConfigPath\n"
    'azure network vnet validate-migration "ProdVNet"\n',
    "rest-request": "param($ConfigPath, $Sub)\n$body = Get-Content $ConfigPath -Raw\n"
    'Invoke-RestMethod -Method Put -Uri "https://management.core.windows.net/$Sub/services/networking/media" '
    "-Body $body\n"
    'New-AzureVNetGateway -VNetName "ProdVNet"\n',
}


@pytest.mark.parametrize("script", UNKNOWN_UPLOADS.values(), ids=UNKNOWN_UPLOADS.keys())
def test_a_powershell_upload_of_unknown_content_leaves_names_unchecked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    files = {"template.netcfg": TEMPLATE, "deploy.ps1": script}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings) == []


def test_an_upload_in_another_script_leaves_the_names_of_every_script_unchecked(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "template.netcfg": TEMPLATE,
        "network.ps1": "param($ConfigPath)\nSet-AzureVNetConfig -ConfigurationPath $ConfigPath\n",
        "vm.ps1": VM_IN_PRODVNET,
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings) == []


PY_UPLOADS = {
    "perform_put": "import sys\nfrom azure.servicemanagement import ServiceManagementService\n\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    'sms.perform_put("/sub/services/networking/media", open(sys.argv[1]).read())\n' + PY_VM_IN_PRODVNET,
    "requests": "import sys\nimport requests\nfrom azure.servicemanagement import ServiceManagementService\n\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    'requests.put("https://management.core.windows.net/sub/services/networking/media",\n'
    '             data=open(sys.argv[1]).read(), cert="c.pem")\n' + PY_VM_IN_PRODVNET,
}


@pytest.mark.parametrize("script", PY_UPLOADS.values(), ids=PY_UPLOADS.keys())
def test_a_python_upload_of_unknown_content_leaves_names_unchecked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    files = {"template.netcfg": TEMPLATE, "deploy.py": script}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings) == []


def test_without_an_upload_the_name_is_still_reported(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"template.netcfg": TEMPLATE, "deploy.ps1": VM_IN_PRODVNET}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert found == ["MIG003 deploy.ps1:4:66"]


KNOWN = f'$cfg = @"\n{UPLOADED}"@\n$path = "$env:TEMP\\net.xml"\nSet-Content -Path $path -Value $cfg\n'


@pytest.mark.parametrize(
    "upload",
    ["Set-AzureVNetConfig -ConfigurationPath $path\n", "azure network import $path\n"],
    ids=["Set-AzureVNetConfig", "classic-cli"],
)
def test_a_name_outside_an_upload_the_script_writes_is_still_reported(
    tmp_path, monkeypatch: pytest.MonkeyPatch, upload: str
) -> None:
    script = KNOWN + upload + 'New-AzureVNetGateway -VNetName "ProdVNet"\n'
    files = {"template.netcfg": TEMPLATE, "deploy.ps1": script}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.ps1"]


def test_a_python_name_outside_a_body_the_script_writes_is_still_reported(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        f'from azure.servicemanagement import ServiceManagementService\n\nBODY = """{UPLOADED}"""\n'
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        'sms.perform_put("/sub/services/networking/media", BODY)\n' + PY_VM_IN_PRODVNET
    )
    files = {"template.netcfg": TEMPLATE, "deploy.py": script}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.py"]
