"""`azure vm create -w net1 -S 10.0.200.5` where net1 is a network another file defines (a netcfg) and no
subnet of that definition holds the address: the platform refuses the static address outside the VM's
subnets, and the command creates no VM. MIG003 says so at the address, naming the definition's subnets, as
for a network the script makes itself; before, the VM's subnet was only left not stated."""

from __future__ import annotations

from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="net1" Location="West US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _mig003(tmp_path, monkeypatch, address: str) -> list[tuple[int, int, str]]:
    script = f"azure config mode asm\nazure vm create svc1 img user pass -l 'West US' -n vm1 -w net1 -S {address}\n"
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    found = lint_files(tmp_path, monkeypatch, files, "MIG003").findings
    return [(f.location.line, f.location.column, f.message) for f in found if f.location]


def test_an_address_no_subnet_of_the_definition_holds_is_refused(tmp_path, monkeypatch):
    ((line, column, message),) = _mig003(tmp_path, monkeypatch, "10.0.200.5")
    assert (line, column) == (2, 67)
    assert "whose subnets (web 10.0.1.0/24) do not hold 10.0.200.5" in message
    assert "the platform refuses the command, which fails and creates no VM" in message


def test_an_address_a_subnet_holds_is_not(tmp_path, monkeypatch):
    assert _mig003(tmp_path, monkeypatch, "10.0.1.5") == []


def _vms(tmp_path, monkeypatch, script: str) -> list[tuple[str, str]]:
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003")
    return [(s.name, vm.name) for e in result.estates for s in e.cloud_services for vm in s.vms]


def test_the_refused_vm_is_not_in_the_estate_as_where_the_script_makes_the_network(tmp_path, monkeypatch):
    script = "azure vm create svc1 img user pass -l 'West US' -n vm1 -w net1 -S 10.0.200.5\n"
    assert _vms(tmp_path, monkeypatch, script) == []


def test_only_the_refused_vm_of_a_service_is_left_out(tmp_path, monkeypatch):
    script = (
        "azure vm create svc1 img user pass -l 'West US' -n vm1 -w net1 -S 10.0.1.5\n"
        "azure vm create svc1 img user pass -l 'West US' -n vm2 -w net1 -S 10.0.200.5 --connect\n"
    )
    assert _vms(tmp_path, monkeypatch, script) == [("svc1", "vm1")]
