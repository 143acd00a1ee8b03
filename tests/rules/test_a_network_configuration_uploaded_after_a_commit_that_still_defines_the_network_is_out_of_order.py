"""A whole network configuration uploaded after the script's own Commit of a network (Set-AzureVNetConfig,
`azure network import`, a PUT to `.../services/networking/media`) is MIG602 at the upload when what it
uploads still defines that network: the Commit took the network out of the subscription's classic
configuration, and the upload, which replaces it whole, asks for a classic network of that name again. The
finding names the network and where the uploaded file (or the script that writes it) defines it. A file that
no longer defines it is what the platform holds after the Commit, and an Abort leaves the network classic:
neither is said. An upload while the network is prepared names it too, where it was said of the
subscription's configuration alone."""

from __future__ import annotations

import pytest
from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="{network}" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
PS = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet"
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"
Move-AzureVirtualNetwork -{end} -VirtualNetworkName "prod-vnet"
Set-AzureVNetConfig -ConfigurationPath ".\\NetworkConfig.netcfg"
"""
SH = """\
#!/bin/bash
azure network vnet validate-migration prod-vnet
azure network vnet prepare-migration prod-vnet
azure network vnet {end}-migration prod-vnet
azure network import NetworkConfig.netcfg
"""
REQUESTS = """\
import requests

BASE = "https://management.core.windows.net/00000000-0000-0000-0000-000000000000/services/networking"
requests.post(BASE + "/virtualnetwork/prod-vnet/migration?comp=Validate", cert="c.pem")
requests.post(BASE + "/virtualnetwork/prod-vnet/migration?comp=Prepare", cert="c.pem")
requests.post(BASE + "/virtualnetwork/prod-vnet/migration?comp={end}", cert="c.pem")
with open("NetworkConfig.netcfg") as f:
    requests.put(BASE + "/media", data=f.read(), cert="c.pem")
"""
SDK = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
base = "/sub/services/networking"
sms.perform_post(base + "/virtualnetwork/prod-vnet/migration?comp=validate", "")
sms.perform_post(base + "/virtualnetwork/prod-vnet/migration?comp=prepare", "")
sms.perform_post(base + "/virtualnetwork/prod-vnet/migration?comp={end}", "")
with open("NetworkConfig.netcfg") as f:
    sms.perform_put(base + "/media", f.read())
"""
# The script writes the configuration it uploads: the network is defined in the script.
WRITTEN = (
    '$config = @"\n'
    + NETCFG.format(network="prod-vnet")
    + '"@\n'
    + PS.replace(
        'Set-AzureVNetConfig -ConfigurationPath ".\\NetworkConfig.netcfg"',
        'Set-Content -Path "$env:TEMP\\net.netcfg" -Value $config\n'
        'Set-AzureVNetConfig -ConfigurationPath "$env:TEMP\\net.netcfg"',
    )
)

SCRIPTS = {
    "migrate.ps1": (PS, ("Commit", "Abort"), "migrate.ps1:4:1"),
    "migrate.sh": (SH, ("commit", "abort"), "migrate.sh:5:1"),
    "migrate.py": (REQUESTS, ("Commit", "Abort"), "migrate.py:8:14"),
    "sdk.py": (SDK, ("commit", "abort"), "sdk.py:8:9"),
}


def _uploads(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return [
        f"{f.location.path}:{f.location.line}:{f.location.column} {f.message}"
        for f in result.findings
        if f.location and "network configuration" in f.message
    ]


@pytest.mark.parametrize("script", SCRIPTS)
def test_an_upload_after_the_commit_of_a_network_the_file_still_defines_names_it_and_where(
    tmp_path, monkeypatch, script
):
    text, (commit, _), at = SCRIPTS[script]
    files = {script: text.format(end=commit), "NetworkConfig.netcfg": NETCFG.format(network="prod-vnet")}
    found = _uploads(tmp_path, monkeypatch, files)
    assert len(found) == 1, found
    assert found[0].startswith(f"{at} {script}: ")
    assert "uploads a network configuration that still defines virtual network 'prod-vnet' " in found[0]
    assert "(NetworkConfig.netcfg:4) after " in found[0]
    assert "a classic network of that name once more" in found[0]


def test_an_upload_of_a_configuration_the_script_writes_names_the_line_of_the_script_that_defines_it(
    tmp_path, monkeypatch
):
    found = _uploads(tmp_path, monkeypatch, {"migrate.ps1": WRITTEN.format(end="Commit")})
    assert len(found) == 1, found
    assert found[0].startswith("migrate.ps1:17:1 ")
    assert (
        "still defines virtual network 'prod-vnet' (migrate.ps1:5) after Move-AzureVirtualNetwork" in found[0]
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_an_upload_of_a_file_that_no_longer_defines_the_network_or_after_an_abort_is_not_said(
    tmp_path, monkeypatch, script
):
    text, (commit, abort), _ = SCRIPTS[script]
    other = {script: text.format(end=commit), "NetworkConfig.netcfg": NETCFG.format(network="other-vnet")}
    assert _uploads(tmp_path, monkeypatch, other) == []
    aborted = {script: text.format(end=abort), "NetworkConfig.netcfg": NETCFG.format(network="prod-vnet")}
    assert _uploads(tmp_path, monkeypatch, aborted) == []


def test_a_script_that_uploads_another_file_after_the_commit_is_judged_by_every_file_it_uploads(
    tmp_path, monkeypatch
):
    script = 'Set-AzureVNetConfig -ConfigurationPath ".\\Before.netcfg"\n' + PS.format(end="Commit").replace(
        "NetworkConfig.netcfg", "After.netcfg"
    )
    files = {
        "migrate.ps1": script,
        "Before.netcfg": NETCFG.format(network="prod-vnet"),
        "After.netcfg": NETCFG.format(network="other-vnet"),
    }
    assert _uploads(tmp_path, monkeypatch, files) == []


def test_an_upload_while_the_network_is_prepared_names_where_the_file_defines_it(tmp_path, monkeypatch):
    lines = PS.format(end="Commit").splitlines()
    script = "\n".join([lines[0], lines[1], lines[3], lines[2]]) + "\n"
    files = {"migrate.ps1": script, "NetworkConfig.netcfg": NETCFG.format(network="prod-vnet")}
    found = _uploads(tmp_path, monkeypatch, files)
    assert len(found) == 1, found
    assert found[0].startswith(
        "migrate.ps1:3:1 migrate.ps1: Set-AzureVNetConfig changes the network configuration of the "
        "subscription, which still defines virtual network 'prod-vnet' (NetworkConfig.netcfg:4), after "
        "Move-AzureVirtualNetwork -Prepare at line 2 and before its Commit or Abort"
    )
