"""An internal load balancer has its frontend in a subnet of its deployment's virtual network
(`Add-AzureInternalLoadBalancer -SubnetName Subnet-2 -StaticVNetIPAddress 10.0.2.252`): a script that adds
one so to a cloud service it does not create places that service in a virtual network, with that subnet.
The plan says so, and where the network is one of the files' (the only one defining the subnet), moves the
service with it; it never says the service may be in no network."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

ADD_ILB = (
    'Add-AzureInternalLoadBalancer -ServiceName "sql-ms" -InternalLoadBalancerName "sql-ilb" '
    "{subnet}-StaticVNetIPAddress 10.0.2.252\n"
    'Get-AzureVM -ServiceName "sql-ms" -Name "sql-1" | Add-AzureEndpoint -Name sql -Protocol tcp '
    "-LocalPort 1433 -PublicPort 1433 -LBSetName sql -InternalLoadBalancerName sql-ilb -DefaultProbe | "
    "Update-AzureVM\n"
)

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="sql-net" Location="West US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Subnet-2"><AddressPrefix>10.0.2.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def service_notes(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    plan = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))
    return [note for step in plan.steps if step.kind == StepKind.UNKNOWN_NETWORK for note in step.notes]


def test_a_service_given_an_internal_load_balancer_in_a_subnet_is_said_to_be_in_a_virtual_network(
    tmp_path, monkeypatch
):
    notes = service_notes(tmp_path, monkeypatch, {"ilb.ps1": ADD_ILB.format(subnet="-SubnetName Subnet-2 ")})
    assert any(
        note.startswith("Its internal load balancer is in subnet 'Subnet-2', so in a virtual network")
        for note in notes
    )
    assert not any("or in none" in note for note in notes)


def test_the_one_network_of_the_files_with_that_subnet_moves_the_service(tmp_path, monkeypatch):
    files = {"ilb.ps1": ADD_ILB.format(subnet="-SubnetName Subnet-2 "), "net.netcfg": NETCFG}
    plan = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))
    (network,) = [step for step in plan.steps if step.name == "sql-net"]
    assert [member.label for member in network.members] == ["cloud service 'sql-ms'"]


def test_one_added_with_no_subnet_says_nothing_of_the_network(tmp_path, monkeypatch):
    notes = service_notes(tmp_path, monkeypatch, {"ilb.ps1": ADD_ILB.format(subnet="")})
    assert any("it may be in any network, or in none" in note for note in notes)
