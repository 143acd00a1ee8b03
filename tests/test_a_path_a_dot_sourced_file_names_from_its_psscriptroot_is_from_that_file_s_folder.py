"""PowerShell sets `$PSScriptRoot` to the folder of the file being run, a dot-sourced one too: a variable a
dot-sourced file sets at its top level to a path from its own folder (`$cfg = Join-Path $PSScriptRoot
'net.netcfg'` in `lib\\lib.ps1`) names `lib\\net.netcfg` in the script that loads it, where the script took
no value from it at all. Join-Path itself outputs the path it joins, so a configuration a script uploads by a
variable Join-Path set is the file of that name, as one given `"$PSScriptRoot\\net.netcfg"` is."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan

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
CONFIGURATION_PATHS = {
    "join-path": "$cfg = Join-Path $PSScriptRoot 'net.netcfg'\n",
    "join-child-path": "$cfg = Join-Path -Path $PSScriptRoot -ChildPath net.netcfg\n",
    "string": '$cfg = "$PSScriptRoot\\net.netcfg"\n',
}
UPLOAD = 'Set-AzureVNetConfig -ConfigurationPath $cfg\nNew-AzureVNetGateway -VNetName "ProdVNet"\n'


@pytest.mark.parametrize("assigned", CONFIGURATION_PATHS.values(), ids=CONFIGURATION_PATHS.keys())
def test_a_configuration_a_dot_sourced_file_names_is_the_one_the_script_uploads(
    tmp_path, monkeypatch, assigned
):
    files = {
        "deploy/lib/net.netcfg": NETCFG,
        "deploy/lib/lib.ps1": assigned,
        "deploy/deploy.ps1": '. "$PSScriptRoot\\lib\\lib.ps1"\n' + UPLOAD,
    }
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy/deploy.ps1"]


def test_a_configuration_the_script_names_by_join_path_is_the_one_it_uploads(tmp_path, monkeypatch):
    files = {"lib/net.netcfg": NETCFG, "lib/lib.ps1": CONFIGURATION_PATHS["join-path"] + UPLOAD}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert [f.split(":")[0] for f in found] == ["MIG003 lib/lib.ps1"]


def test_a_variable_the_script_assigns_itself_is_not_taken_from_the_file(tmp_path, monkeypatch):
    files = {
        "deploy/lib/net.netcfg": NETCFG,
        "deploy/lib/lib.ps1": CONFIGURATION_PATHS["join-path"],
        "deploy/deploy.ps1": '. "$PSScriptRoot\\lib\\lib.ps1"\nif ($env:CFG) { $cfg = $env:CFG }\n' + UPLOAD,
    }
    assert not lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings


VM_LIBRARY = """\
function New-WPVM($Name) {
    New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName img |
        Set-AzureSubnet Front |
        New-AzureVM -ServiceName svc -VNetName WP
}
"""


@pytest.mark.parametrize(
    "assigned", ["$modules = Join-Path $PSScriptRoot 'modules'", '$modules = "$PSScriptRoot\\modules"']
)
def test_a_folder_a_dot_sourced_file_names_is_under_that_file_s_folder(tmp_path, monkeypatch, assigned):
    files = {
        "deploy/lib/lib.ps1": assigned + "\n",
        "deploy/lib/modules/vm.ps1": VM_LIBRARY,
        "deploy/deploy.ps1": '. "$PSScriptRoot\\lib\\lib.ps1"\n. "$modules\\vm.ps1"\nNew-WPVM web1\nNew-WPVM web2\n',
    }
    steps = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)).steps
    assert {step.name: [member.vms for member in step.members] for step in steps}["WP"] == [("web1", "web2")]
