"""MIG305 (transit VPN connectivity) where a script writes the networks, sites and connections: a network
configuration a PowerShell script holds in a here-string and uploads with Set-AzureVNetConfig, one a Python
script sends as the Set Network Configuration request's body, and the classic CLI's commands in a GitHub
Actions step and in an Ansible `shell:` task (the shell script's own cell is pinned with the CLI's tests).
Each is reported at the spoke network's connection to the site that aggregates the hub and on-premises."""

from __future__ import annotations

import textwrap

from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="onprem">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-and-onprem">
        <AddressSpace>
          <AddressPrefix>10.1.0.0/16</AddressPrefix>
          <AddressPrefix>192.168.0.0/16</AddressPrefix>
        </AddressSpace>
        <VPNGatewayAddress>198.51.100.20</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="spoke">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>198.51.100.30</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.1.255.0/27</AddressPrefix></Subnet></Subnets>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="onprem"><Connection type="IPsec" /></LocalNetworkSiteRef>
            <LocalNetworkSiteRef name="spoke"><Connection type="IPsec" /></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.2.255.0/27</AddressPrefix></Subnet></Subnets>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="hub-and-onprem"><Connection type="IPsec" /></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
SPOKE_SITE = '<LocalNetworkSiteRef name="hub-and-onprem">'  # the finding is at its <Connection>, right after

CLI = """\
azure config mode asm
azure network vnet create hub-vnet -e 10.1.0.0 -i 16 -n app -p 10.1.1.0 -r 24 -l "West Europe"
azure network vnet create spoke-vnet -e 10.2.0.0 -i 16 -n web -p 10.2.1.0 -r 24 -l "West Europe"
azure network local-network create onprem -a 192.168.0.0/16 -w 203.0.113.10
azure network local-network create spoke -a 10.2.0.0/16 -w 198.51.100.30
azure network local-network create hub-and-onprem -a 10.1.0.0/16,192.168.0.0/16 -w 198.51.100.20
azure network vnet local-network add hub-vnet onprem
azure network vnet local-network add hub-vnet spoke
azure network vnet local-network add spoke-vnet hub-and-onprem
azure network vpn-gateway create hub-vnet -t DynamicRouting
azure network vpn-gateway create spoke-vnet -t DynamicRouting
"""
SPOKE_ADD = "azure network vnet local-network add spoke-vnet hub-and-onprem"

MESSAGE = (
    "virtual network 'spoke-vnet' reaches on-premises through another virtual network's gateway (local network "
    "site 'hub-and-onprem' holds that network's range and on-premises addresses)"
)


def _at(text: str, needle: str, offset: int = 0) -> str:
    """`line:column` of `needle` in `text` (1-based), `offset` characters into it."""
    line = next(i for i, written in enumerate(text.splitlines(), 1) if needle in written)
    return f"{line}:{text.splitlines()[line - 1].index(needle) + offset + 1}"


def _found(tmp_path, monkeypatch, name: str, text: str) -> str:
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, "MIG305", dedent=False).findings
    assert finding.message.startswith(MESSAGE)
    [place] = where([finding])
    return place


def test_a_configuration_a_powershell_here_string_uploads(tmp_path, monkeypatch):
    script = (
        '$config = @"\n' + NETCFG + '"@\n$path = Join-Path $env:TEMP "NetworkConfig.xml"\n'
        "Set-Content -Path $path -Value $config\nSet-AzureVNetConfig -ConfigurationPath $path\n"
    )
    place = _found(tmp_path, monkeypatch, "network.ps1", script)
    assert place == f"MIG305 network.ps1:{_at(script, SPOKE_SITE, len(SPOKE_SITE))}"


def test_a_configuration_a_python_script_sends_as_the_request_s_body(tmp_path, monkeypatch):
    script = (
        "from azure.servicemanagement import ServiceManagementService\n\n"
        'NETWORK_CONFIGURATION = """\n' + NETCFG + '"""\n\n'
        'sms = ServiceManagementService("3f2c1a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b", "management.pem")\n'
        'sms.perform_put("/" + sms.subscription_id + "/services/networking/media", NETWORK_CONFIGURATION)\n'
    )
    place = _found(tmp_path, monkeypatch, "network.py", script)
    assert place == f"MIG305 network.py:{_at(script, SPOKE_SITE, len(SPOKE_SITE))}"


def test_the_classic_cli_s_commands_in_a_github_actions_step(tmp_path, monkeypatch):
    workflow = (
        "name: network\non: workflow_dispatch\njobs:\n  net:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - name: classic network\n        run: |\n" + textwrap.indent(CLI, " " * 10)
    )
    place = _found(tmp_path, monkeypatch, ".github/workflows/network.yml", workflow)
    # at the site the spoke network is connected to
    assert place == f"MIG305 .github/workflows/network.yml:{_at(workflow, SPOKE_ADD, len(SPOKE_ADD) - 14)}"


def test_the_classic_cli_s_commands_in_an_ansible_shell_task(tmp_path, monkeypatch):
    playbook = (
        "- hosts: localhost\n  connection: local\n  tasks:\n    - name: classic network\n      shell: |\n"
        + textwrap.indent(CLI, " " * 8)
    )
    place = _found(tmp_path, monkeypatch, "site.yml", playbook)
    assert place == f"MIG305 site.yml:{_at(playbook, SPOKE_ADD, len(SPOKE_ADD) - 14)}"
