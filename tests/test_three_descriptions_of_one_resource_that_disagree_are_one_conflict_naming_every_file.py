"""Three descriptions of one resource, two of which disagree with the one migcheck checks (the first read),
are one MIG004, at the first that disagrees, naming every file that does and what each states, where there
were two findings, each naming one file: a network's address prefix in three REST bodies, a VM's size in
three scripts, a DNS server's address in three network configurations. Two descriptions are one finding as
before."""

from __future__ import annotations

from lint_support import lint_files, where

SITES = """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>prod</Name>
    <AddressSpace><AddressPrefixes><AddressPrefix>{prefix}</AddressPrefix></AddressPrefixes></AddressSpace>
    <Location>West Europe</Location>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""
VM = """\
$vm = New-AzureVMConfig -Name "web01" -InstanceSize {size} -ImageName "img" -MediaLocation "https://acct.blob.core.windows.net/vhds/web01.vhd"
New-AzureVM -ServiceName "web" -VMs $vm -Location "West Europe"
"""
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dns1" IPAddress="{address}" /></DnsServers></Dns>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def test_three_network_descriptions_are_one_finding(tmp_path, monkeypatch):
    files = {f"sites-{n}.xml": SITES.format(prefix=f"10.{n}.0.0/16") for n in range(3)}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert where([finding]) == ["MIG004 sites-1.xml:2:3"]
    assert finding.message == (
        "virtual network 'prod' is described differently here and at sites-2.xml:2 than at sites-0.xml:2: "
        "here: address space '10.1.0.0/16' / '10.0.0.0/16'; at sites-2.xml:2: address space '10.2.0.0/16' / "
        "'10.0.0.0/16' (each one's / that at sites-0.xml:2)"
    )


def test_three_scripts_creating_one_vm_are_one_finding(tmp_path, monkeypatch):
    files = {f"create{n}.ps1": VM.format(size=size) for n, size in enumerate(("Small", "Medium", "Large"))}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert "and at create2.ps1:1 than at create0.ps1:1" in finding.message
    assert "here: size Medium / Small; at create2.ps1:1: size Large / Small" in finding.message


def test_three_dns_server_descriptions_are_one_finding(tmp_path, monkeypatch):
    files = {f"net{n}.netcfg": NETCFG.format(address=f"10.0.0.{n + 4}") for n in range(3)}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert "DNS server 'dns1' is described differently here and at net2.netcfg:3 than at net0.netcfg:3" in (
        finding.message
    )


def test_two_descriptions_are_one_finding_as_before(tmp_path, monkeypatch):
    files = {f"sites-{n}.xml": SITES.format(prefix=f"10.{n}.0.0/16") for n in range(2)}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert finding.message == (
        "virtual network 'prod' is described differently here than at sites-0.xml:2: address space "
        "'10.1.0.0/16' / '10.0.0.0/16' (here / there)"
    )
