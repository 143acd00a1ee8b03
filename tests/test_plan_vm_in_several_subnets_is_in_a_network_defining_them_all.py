"""A deployment is in one virtual network (cscfg schema: "A cloud service can only be a member of one Virtual
Network"), which defines every subnet its VMs are in. A VM of an Export-AzureVM file in subnets Web and Data
is in a network defining both: when only one network of the files does, it is placed there, whatever other
networks define one of them; when several do, the plan offers those, and only those; when none does, it
says so and offers a network the files do not name."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

NETCFG = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"


def _netcfg(**networks: tuple[str, ...]) -> str:
    sites = "".join(
        f'<VirtualNetworkSite name="{name}" Location="West Europe"><AddressSpace><AddressPrefix>10.{n}.0.0/16'
        "</AddressPrefix></AddressSpace><Subnets>"
        + "".join(
            f'<Subnet name="{s}"><AddressPrefix>10.{n}.{k}.0/24</AddressPrefix></Subnet>'
            for k, s in enumerate(subnets)
        )
        + "</Subnets></VirtualNetworkSite>\n"
        for n, (name, subnets) in enumerate(networks.items(), 1)
    )
    return (
        f'<NetworkConfiguration xmlns="{NETCFG}"><VirtualNetworkConfiguration><VirtualNetworkSites>\n'
        f"{sites}</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


VM = (
    '<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><ConfigurationSets>'
    '<ConfigurationSet xsi:type="NetworkConfigurationSet"><ConfigurationSetType>NetworkConfiguration'
    "</ConfigurationSetType><InputEndpoints /><SubnetNames><string>Web</string><string>Data</string>"
    "</SubnetNames></ConfigurationSet></ConfigurationSets><DataVirtualHardDisks />"
    "<OSVirtualHardDisk><DiskName>app01-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>"
    "<RoleName>app01</RoleName><RoleSize>Small</RoleSize><RoleType>PersistentVMRole</RoleType>"
    "</PersistentVM>\n"
)


def _plan(tmp_path, monkeypatch, **networks: tuple[str, ...]):
    files = {"NetworkConfig.netcfg": _netcfg(**networks), "app/app01.xml": VM}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return result, {step.id: step for step in build_plan(result).steps}


def test_the_one_network_defining_both_subnets_holds_the_vm(tmp_path, monkeypatch):
    result, steps = _plan(tmp_path, monkeypatch, shared=("Web", "Data"), roles=("Web",))
    assert not [s for s in steps.values() if s.kind is StepKind.UNKNOWN_NETWORK]
    shared = steps["network:shared"]
    assert "cloud service 'app' (named after its folder): VMs app01" in shared.moves
    assert any(
        str(note).startswith(
            "Cloud service 'app' (named after its folder) is in this network as inferred from the subnets of "
            "its VMs, 'Web', 'Data', and no other network of the files defines them all: "
        )
        for note in shared.notes
    )
    assert "the files place none in it" in steps["network:roles"].downtime
    (network,) = [n for n in result.estate.virtual_networks if n.members]
    assert network.name == "shared"


def test_several_networks_defining_both_are_offered_and_no_other(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, a=("Web", "Data"), b=("Data", "Web"), c=("Web",))
    (step,) = [s for s in steps.values() if s.kind is StepKind.UNKNOWN_NETWORK]
    assert "in subnets 'Web', 'Data', so in a virtual network: 'a', 'b' each define them all, and " in str(
        step.notes[0]
    )
    assert "'c'" not in str(step.notes[0])
    assert step.powershell is None and step.cli is None  # the steps of 'a' and 'b' hold their commands


def test_no_network_defining_both_is_said_and_none_is_offered(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, front=("Web",), back=("Data",))
    (step,) = [s for s in steps.values() if s.kind is StepKind.UNKNOWN_NETWORK]
    assert "the files do not name: none of their networks defines them all." in str(step.notes[0])
    assert step.powershell.commit == ("Move-AzureVirtualNetwork -Commit -VirtualNetworkName '<network>'",)
