"""The overview's step to fix first is the one the most steps wait on, counting every step that waits on it
through others: the storage accounts of a network's VMs wait on the network, which waits on its ExpressRoute
circuit, so they wait on the circuit too. Where only the steps that name it among those they come after were
counted, and a network two accounts wait on came first, though fixing it leaves three steps waiting."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

NETWORKS = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="dc-er"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="North Europe">
        <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet>
          <Subnet name="data"><AddressPrefix>10.20.2.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="er-vnet" Location="North Europe">
        <AddressSpace><AddressPrefix>10.10.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>10.10.1.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.10.255.0/27</AddressPrefix></Subnet>
        </Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="dc-er"><Connection type="Dedicated" /></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
# app-vnet: a VM in two subnets (MIG202), two accounts wait on it. er-vnet waits on its circuit (no file states
# the circuit's service key), and two accounts on er-vnet.
DEPLOY = """\
azure vm create shop img ops 'P@ss' -n app1 -w app-vnet -b web,data -u https://appdisks1.blob.core.windows.net/vhds/app1.vhd -z Small
azure vm create shop img ops 'P@ss' -n app2 -w app-vnet -b web -u https://appdisks2.blob.core.windows.net/vhds/app2.vhd -z Small -c
azure vm create corp img ops 'P@ss' -n er1 -w er-vnet -b web -u https://erdisks1.blob.core.windows.net/vhds/er1.vhd -z Small
azure vm create corp img ops 'P@ss' -n er2 -w er-vnet -b web -u https://erdisks2.blob.core.windows.net/vhds/er2.vhd -z Small -c
"""


def test_the_circuit_three_steps_wait_on_comes_before_the_network_two_wait_on(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"net.netcfg": NETWORKS, "deploy.sh": DEPLOY}, dedent=False)
    out = run_cli(capsys, "plan", ".")[1]
    assert "3. Virtual network: er-vnet [wave 2; after step 1] — NOT READY (waits on step 1)" in out
    assert "6. Storage account: erdisks1 [wave 3; after step 3] — NOT READY (waits on step 3)" in out
    assert (
        "   Nothing is ready: start with step 1 (<circuit linked to er-vnet>, fill in the circuit's service key "
        "first): 3 steps wait on it."
    ) in out.splitlines()
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    overview = subscription["overview"]
    assert (overview["fix_first"], overview["waited_by"]) == (["circuit:dc-er"], 3)


def test_two_steps_each_waited_on_by_as_many_are_both_first(tmp_path, monkeypatch, capsys):
    # With er-vnet's second account gone, the circuit and app-vnet each have two steps waiting on them.
    deploy = "".join(line for line in DEPLOY.splitlines(keepends=True) if "erdisks2" not in line)
    lint_files(tmp_path, monkeypatch, {"net.netcfg": NETWORKS, "deploy.sh": deploy}, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    overview = subscription["overview"]
    assert (overview["fix_first"], overview["waited_by"]) == (["circuit:dc-er", "network:app-vnet"], 2)
