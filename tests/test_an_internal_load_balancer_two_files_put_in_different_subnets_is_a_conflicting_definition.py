"""Two scripts that each create VMs of one deployment with its internal load balancer of one name, in different
subnets, describe it differently: MIG004 says where and which subnets, whichever file comes first. Only the
first file's subnet was kept and nothing was said, so a subnet the network does not have in the second file
went unchecked. A script that moves the balancer of a deployment another file describes to another subnet
(`Set-AzureInternalLoadBalancer -SubnetName`) changes it, and is no conflict."""

from __future__ import annotations

import pytest
from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="appnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
      <Subnets>
        <Subnet name="web"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet>
        <Subnet name="data"><AddressPrefix>10.20.2.0/24</AddressPrefix></Subnet>
      </Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CREATE = """\
$ilb = New-AzureInternalLoadBalancerConfig -InternalLoadBalancerName "ilb" -SubnetName "{subnet}"
New-AzureVMConfig -Name "{vm}" -InstanceSize Small -ImageName "img" |
  Set-AzureSubnet -SubnetNames web |
  New-AzureVM -ServiceName "svc" -VNetName "appnet" -InternalLoadBalancerConfig $ilb
"""
MOVE = 'Set-AzureInternalLoadBalancer -ServiceName "svc" -InternalLoadBalancerName "ilb" -SubnetName "data"\n'


def _conflicts(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"net.netcfg": NETCFG, **files}, "MIG004", dedent=False)
    return [f"{f.mark.path}: {f.message}" for f in result.findings if f.code == "MIG004"]


@pytest.mark.parametrize(("first", "second"), [("web", "data"), ("data", "web")])
def test_the_second_description_is_a_conflict(tmp_path, monkeypatch, first, second):
    files = {
        "a.ps1": CREATE.format(subnet=first, vm="web01"),
        "b.ps1": CREATE.format(subnet=second, vm="web02"),
    }
    [said] = _conflicts(tmp_path, monkeypatch, files)
    assert said.startswith(
        "b.ps1: internal load balancer 'ilb' of cloud service 'svc' is described differently here than at a.ps1:1"
    )
    assert f"subnet '{second}' / '{first}'" in said


def test_the_same_subnet_twice_is_none(tmp_path, monkeypatch):
    files = {
        "a.ps1": CREATE.format(subnet="web", vm="web01"),
        "b.ps1": CREATE.format(subnet="web", vm="web02"),
    }
    assert _conflicts(tmp_path, monkeypatch, files) == []


def test_a_script_that_moves_it_is_no_conflict(tmp_path, monkeypatch):
    files = {"a.ps1": CREATE.format(subnet="web", vm="web01"), "b.ps1": MOVE}
    assert _conflicts(tmp_path, monkeypatch, files) == []


@pytest.mark.parametrize(("first", "second"), [("web", "backend"), ("backend", "web")])
def test_the_rules_check_it_in_each_subnet_either_file_gives(tmp_path, monkeypatch, first, second):
    """Either description may be what is deployed: after MIG004, the rules see the balancer in both
    subnets, so a subnet the network lacks is reported (MIG003) at the file that names it, whichever file
    comes first; the kept one was the only one checked, and the other's missing subnet went unsaid."""
    files = {
        "net.netcfg": NETCFG,
        "a.ps1": CREATE.format(subnet=first, vm="web01"),
        "b.ps1": CREATE.format(subnet=second, vm="web02"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG004", dedent=False)
    said = [(f.code, f.mark.path, f.message) for f in result.findings]
    missing = "b.ps1" if second == "backend" else "a.ps1"
    assert (
        "MIG003",
        missing,
        "internal load balancer 'ilb' is in subnet 'backend', which is not a subnet of virtual network 'appnet'",
    ) in said
    assert [code for code, _, _ in said].count("MIG004") == 1
