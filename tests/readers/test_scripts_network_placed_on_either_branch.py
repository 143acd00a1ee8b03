"""A deployment a script creates on either branch of a condition it cannot decide, in a virtual network on
one and outside any on the other: one of the two creates it, so it is joined as a VM built on two paths is.
The network one path names is kept with what a VM in it must have (MIG203), whichever branch comes first;
the path in no network is a MIG105 that says the VMs may be in none, at the call that creates them so."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CONFIG = '(New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img")'
IN_VNET = f'    New-AzureVM -VMs {CONFIG} -VNetName "prodnet" -ServiceName "svc1"\n'
OUTSIDE = f'    New-AzureVM -VMs {CONFIG} -Location "West US" -ServiceName "svc1"\n'


def _powershell(first: str, second: str) -> str:
    return f"$r = Get-Random\nif ($r -gt 5) {{\n{first}}} else {{\n{second}}}\n"


def _codes(tmp_path, monkeypatch, name, script):
    findings = lint_files(tmp_path, monkeypatch, {name: script}, "MIG105", "MIG203").findings
    return [w.split(" ")[0] for w in where(findings)]


@pytest.mark.parametrize("order", ["network-first", "network-second"])
def test_powershell_keeps_the_network_either_branch_names(tmp_path, monkeypatch, order):
    script = _powershell(IN_VNET, OUTSIDE) if order == "network-first" else _powershell(OUTSIDE, IN_VNET)
    assert sorted(_codes(tmp_path, monkeypatch, "deploy.ps1", script)) == ["MIG105", "MIG203"]


def test_powershell_branches_that_surely_both_run_are_not_joined(tmp_path, monkeypatch):
    # Near misses: the same placement on both branches; a decided condition; two services stay apart.
    assert _codes(tmp_path, monkeypatch, "deploy.ps1", _powershell(OUTSIDE, OUTSIDE)) == ["MIG105"]
    decided = _powershell(OUTSIDE, IN_VNET).replace("$r -gt 5", "$true")
    assert _codes(tmp_path, monkeypatch, "deploy.ps1", decided) == ["MIG105"]
    apart = _powershell(IN_VNET, OUTSIDE.replace('"svc1"', '"svc2"'))
    assert _codes(tmp_path, monkeypatch, "deploy.ps1", apart) == ["MIG203", "MIG105"]


@pytest.mark.parametrize("order", ["unstated-first", "unstated-second"])
@pytest.mark.parametrize("network", ["$Net", "$args[0]"])
def test_powershell_a_network_the_other_branch_does_not_state_may_be_none(
    tmp_path, monkeypatch, order, network
):
    # In no network on one path, in one the script does not state on the other: it may be in none, at the
    # call that creates it so (as the Python reader says).
    unstated = IN_VNET.replace('"prodnet"', network)
    branches = (unstated, OUTSIDE) if order == "unstated-first" else (OUTSIDE, unstated)
    script = "param($Net)\n" + _powershell(*branches)
    findings = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203").findings
    line = 6 if order == "unstated-first" else 4  # the call outside any network
    mig105 = [f for f in findings if f.code == "MIG105"]
    assert where(mig105) == [f"MIG105 deploy.ps1:{line}:5"]
    assert "on another it may be in a virtual network the script does not state" in mig105[0].message
    # Given no subnet, in the network of the other path it would have none: a warning that it may not.
    [mig203] = [f for f in findings if f.code == "MIG203"]
    assert (
        mig203.severity.name == "WARNING"
        and "has no subnet and may be in a virtual network" in mig203.message
    )


def test_powershell_a_network_not_stated_on_every_branch_is_never_none(tmp_path, monkeypatch):
    # Near miss: no path creates it outside a network the script may name, so no MIG105; each path puts
    # its VM, with no subnet, in a network, so MIG203 is sure.
    unstated = IN_VNET.replace('"prodnet"', "$Net")
    script = "param($Net)\n" + _powershell(unstated, unstated.replace("$Net", "$args[0]"))
    assert _codes(tmp_path, monkeypatch, "deploy.ps1", script) == ["MIG203"]


PYTHON = """\
import random
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk, LinuxConfigurationSet
sms = ServiceManagementService("sub", "cert.pem")
cfg = LinuxConfigurationSet("vm1", "u", "p", False)
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/vm1.vhd")
if random.random() > 0.5:
    sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "vm1", cfg, disk, network_config=ConfigurationSet(){first})
else:
    sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "vm1", cfg, disk, network_config=ConfigurationSet(){second})
"""
NETWORK = ', virtual_network_name="prodnet"'


@pytest.mark.parametrize("order", ["network-first", "network-second"])
def test_python_keeps_the_network_either_branch_names(tmp_path, monkeypatch, order):
    first, second = (NETWORK, "") if order == "network-first" else ("", NETWORK)
    script = PYTHON.format(first=first, second=second)
    assert sorted(_codes(tmp_path, monkeypatch, "deploy.py", script)) == ["MIG105", "MIG203"]


def test_python_two_networks_leave_it_unknown_and_one_unstated_may_be_none(tmp_path, monkeypatch):
    other = PYTHON.format(first=NETWORK, second=NETWORK.replace("prodnet", "testnet"))
    unstated = PYTHON.format(first="", second=", virtual_network_name=random.choice('ab')")
    assert _codes(tmp_path, monkeypatch, "deploy.py", other) == []
    # In no network on one path, in one the script does not state on the other: it may be in none.
    assert sorted(_codes(tmp_path, monkeypatch, "deploy.py", unstated)) == ["MIG105", "MIG203"]
    # Near miss: outside any network on both paths.
    assert _codes(tmp_path, monkeypatch, "deploy.py", PYTHON.format(first="", second="")) == ["MIG105"]
