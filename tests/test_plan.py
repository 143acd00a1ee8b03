"""`migcheck plan`: the steps in the platform's order, with downtime, blockers and commands."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import Plan, StepKind, build_plan
from migcheck.plugins import load_rules

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def netcfg(*networks: str, circuit_users: tuple[str, ...] = ()) -> str:
    """A network configuration; the networks in `circuit_users` connect to ExpressRoute circuit `dc`."""
    sites = []
    for name in networks:
        gateway = (
            '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="dc">'
            '<Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>'
            if name in circuit_users
            else ""
        )
        sites.append(
            f'<VirtualNetworkSite name="{name}" Location="West Europe">'
            "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>"
            f'<Subnets><Subnet name="A"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>{gateway}'
            "</VirtualNetworkSite>"
        )
    local = (
        '<LocalNetworkSites><LocalNetworkSite name="dc"><AddressSpace><AddressPrefix>192.168.0.0/16'
        "</AddressPrefix></AddressSpace></LocalNetworkSite></LocalNetworkSites>"
    )
    return (
        f"<NetworkConfiguration><VirtualNetworkConfiguration>{local}"
        f"<VirtualNetworkSites>{''.join(sites)}</VirtualNetworkSites></VirtualNetworkConfiguration>"
        "</NetworkConfiguration>\n"
    )


def deployment(service: str, vm: str, vnet: str = "", accounts: tuple[str, ...] = ("shared",)) -> str:
    disks = "".join(
        f"<DataVirtualHardDisk><DiskName>{vm}-{n}</DiskName>"
        f"<MediaLink>https://{account}.blob.core.windows.net/vhds/{vm}-{n}.vhd</MediaLink></DataVirtualHardDisk>"
        for n, account in enumerate(accounts)
    )
    subnet = (
        "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<SubnetNames><SubnetName>A</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>"
    )
    return textwrap.dedent(
        f"""\
        <HostedService {REST}>
          <ServiceName>{service}</ServiceName>
          <Deployments><Deployment>
            <Name>{service}-prod</Name>
            <RoleList><Role>
              <RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>
              {subnet if vnet else ""}
              <DataVirtualHardDisks>{disks}</DataVirtualHardDisks>
            </Role></RoleList>
            {f"<VirtualNetworkName>{vnet}</VirtualNetworkName>" if vnet else ""}
          </Deployment></Deployments>
        </HostedService>
        """
    )


def steps_by_id(plan: Plan) -> dict:
    return {step.id: step for step in plan.steps}


def test_a_storage_account_shared_by_two_networks_comes_after_both(plan_of):
    plan = plan_of(
        {
            "net/NetworkConfig.netcfg": netcfg("red", "blue"),
            "a.xml": deployment("alpha", "a01", "red"),
            "b.xml": deployment("beta", "b01", "blue"),
        }
    )
    steps = steps_by_id(plan)
    assert steps["storage:shared"].after == ("network:blue", "network:red")
    assert steps["storage:shared"].wave > max(steps["network:red"].wave, steps["network:blue"].wave)
    assert steps["network:red"].after == () and steps["network:blue"].after == ()  # parallel


def test_a_circuit_used_by_two_networks_comes_before_both(plan_of):
    plan = plan_of({"net/NetworkConfig.netcfg": netcfg("red", "blue", circuit_users=("red", "blue"))})
    steps = steps_by_id(plan)
    assert steps["circuit:dc"].kind is StepKind.CIRCUIT and steps["circuit:dc"].wave == 1
    assert steps["network:red"].after == ("circuit:dc",) == steps["network:blue"].after
    assert steps["network:red"].wave == 2


def test_network_downtime_names_the_gateway_and_the_circuit_only_when_there_are_any(plan_of):
    plan = plan_of({"net/NetworkConfig.netcfg": netcfg("red", "plain", circuit_users=("red",))})
    steps = steps_by_id(plan)
    red, plain = steps["network:red"].downtime, steps["network:plain"].downtime
    assert "gateway moves with the network" in red and "ExpressRoute circuit" in red
    assert "gateway" not in plain and "ExpressRoute" not in plain
    assert "None for the VMs" in plain and "must be recreated" in plain


def test_a_security_group_and_route_table_of_a_subnet_move_with_its_network_not_on_their_own(plan_of):
    rest = "http://schemas.microsoft.com/windowsazure"
    plan = plan_of(
        {
            "VirtualNetworks.xml": f"""<VirtualNetworkSites xmlns="{rest}"><VirtualNetworkSite>
  <Name>red</Name><Location>West Europe</Location>
  <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
  <Subnets><Subnet><Name>front</Name><AddressPrefix>10.0.0.0/24</AddressPrefix>
    <NetworkSecurityGroup>web-nsg</NetworkSecurityGroup><RouteTableName>web-routes</RouteTableName>
  </Subnet></Subnets>
</VirtualNetworkSite></VirtualNetworkSites>""",
            "nsg.xml": f'<NetworkSecurityGroup xmlns="{rest}"><Name>web-nsg</Name></NetworkSecurityGroup>',
            "other.xml": f'<NetworkSecurityGroup xmlns="{rest}"><Name>spare-nsg</Name></NetworkSecurityGroup>',
            "rt.xml": f'<RouteTable xmlns="{rest}"><Name>web-routes</Name></RouteTable>',
        }
    )
    steps = steps_by_id(plan)
    assert [s for s in steps if s.startswith("unattached:")] == ["unattached:NetworkSecurityGroup:spare-nsg"]
    cloned = ", cloned: the classic one stays, to delete once nothing classic uses it"
    assert f"network security group 'web-nsg' of subnet 'front'{cloned}" in steps["network:red"].moves
    assert f"route table 'web-routes' of subnet 'front'{cloned}" in steps["network:red"].moves


def test_a_deployment_whose_service_is_not_named_is_named_once(plan_of):
    alone = deployment("alpha", "a01").replace("<HostedService", "<Wrapper").replace("</HostedService>", "")
    alone = alone[alone.index("<Deployment>") :].replace("</Deployment></Deployments>", "</Deployment>")
    alone = alone.replace("<Deployment>", f"<Deployment {REST}>", 1)
    (step,) = [s for s in plan_of({"a.xml": alone}).steps if s.kind is StepKind.SERVICE]
    assert step.name == "<cloud service of deployment alpha-prod, a.xml>"
    assert step.moves == ("deployment 'alpha-prod': VMs a01",)
    assert (
        "-ServiceName '<cloud service of deployment alpha-prod, a.xml>' -DeploymentName 'alpha-prod'"
        in step.powershell.prepare[0]
    )


def test_a_network_created_in_the_portal_gets_no_invented_resource_group(plan_of):
    plan = plan_of({"net/NetworkConfig.netcfg": netcfg("Group shop-rg red")})
    step = steps_by_id(plan)["network:Group shop-rg red"]
    assert not any("-Migrated" in line for line in step.becomes)
    assert any("created in the Azure portal" in note for note in step.notes)
    assert "-Migrated" not in " ".join(step.powershell.check)


def test_a_vm_with_disks_in_two_accounts_comes_before_both(plan_of):
    plan = plan_of({"a.xml": deployment("alpha", "a01", accounts=("one", "two"))})
    steps = steps_by_id(plan)
    service = steps["service:alpha/alpha-prod"]
    assert service.kind is StepKind.SERVICE
    assert steps["storage:one"].after == (service.id,) == steps["storage:two"].after
    assert service.powershell is not None and service.powershell.validate[0] == (
        "(Move-AzureService -Validate -ServiceName 'alpha' -DeploymentName 'alpha-prod' "
        "-CreateNewVirtualNetwork).ValidationMessages"
    )
    assert "stopped, deallocated and started again" in service.downtime


def test_blockers_mark_a_step_not_ready_and_say_where(plan_of):
    plan = plan_of({"a.xml": deployment("alpha", "a01").replace("vhds/a01-0.vhd", "vhds/old/a01-0.vhd")})
    storage = steps_by_id(plan)["storage:shared"]
    assert not storage.ready
    [blocker] = storage.blockers
    assert (blocker.code, blocker.location and blocker.location.path) == ("MIG401", "a.xml")


@pytest.mark.parametrize(
    "script",
    [
        'New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "hub"\n'
        'Set-AzureVNetGateway -Connect -VNetName "hub" -LocalNetworkSiteName "branch"\n',
        'New-AzureApplicationGateway -Name "gw" -VnetName "hub" -Subnets "appgw"\n',
    ],
    ids=["gateway", "application-gateway"],
)
def test_a_network_only_a_script_names_is_migrated_too(plan_of, script):
    # A network no file defines, known by a call on its gateway or on what sits in it, is a classic
    # network to migrate all the same, and what the script says blocks it.
    step = steps_by_id(plan_of({"hub.ps1": script}))["network:hub"]
    assert step.kind is StepKind.NETWORK and not step.ready
    assert [b.code for b in step.blockers] in (["MIG301"], ["MIG312"])


def test_a_network_an_export_places_in_another_subscription_is_not_planned_here(plan_of):
    # A Resource Manager network of subscription 2222 peered with classic 'partner-vnet' of 2222, while the
    # classic resources exported are of 1111: partner-vnet is not a network of 1111 to migrate.
    peering = {
        "id": "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-b",
        "name": "hub-b",
        "type": "microsoft.network/virtualnetworks",
        "subscriptionId": "22222222-2222-2222-2222-222222222222",
        "properties": {
            "virtualNetworkPeerings": [
                {
                    "name": "hub-b-to-partner",
                    "properties": {
                        "peeringState": "Connected",
                        "remoteVirtualNetwork": {
                            "id": "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/Default-Networking/providers/"
                            "Microsoft.ClassicNetwork/virtualNetworks/partner-vnet"
                        },
                    },
                }
            ]
        },
    }
    vnet = {
        "id": "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/vnet-a",
        "name": "vnet-a",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "subscriptionId": "11111111-1111-1111-1111-111111111111",
        "properties": {"subnets": [{"name": "FrontEnd", "addressPrefix": "10.0.0.0/24"}]},
    }
    plan = plan_of({"classic.json": json.dumps([vnet]), "dependents.json": json.dumps([peering])})
    assert "network:partner-vnet" not in [step.id for step in plan.steps]


def test_nothing_to_migrate(plan_of, capsys):
    plan = plan_of({"README.md": "no classic files here\n"})
    assert list(plan.steps) == []
    assert main(["plan", "."]) == 0
    out = capsys.readouterr().out
    assert out == "Migration plan\n\nNothing to migrate: no classic resource in the files checked.\n"


def test_the_example_plan_in_every_format(capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    assert main(["plan", "examples/contoso", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [subscription] = data["subscriptions"]
    ids = [step["id"] for step in subscription["steps"]]
    assert ids[0] == "circuit:contoso-dc-frankfurt"
    er = next(s for s in subscription["steps"] if s["id"] == "network:contoso-er-vnet")
    assert er["after"] == ["circuit:contoso-dc-frankfurt"] and not er["ready"]
    assert main(["plan", "examples/contoso", "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.count("```mermaid") == 1 and "flowchart LR" in markdown


@pytest.mark.parametrize("folder", ["examples", "../shared/corpus"])
def test_every_step_comes_after_steps_that_exist(folder: str, monkeypatch, request):
    root = Path(__file__).resolve().parents[1] / folder
    if not root.is_dir():
        pytest.skip(f"{folder} is not here")
    monkeypatch.chdir(root)
    # The corpus's check is the session's (`corpus_lint`): the same check, run once for every test of it.
    corpus = folder == "../shared/corpus"
    result = (
        request.getfixturevalue("corpus_lint")
        if corpus
        else lint(["."], Config(), load_rules(entry_points=False))
    )
    plan = build_plan(result)
    for subscription in plan.subscriptions:
        ids = {step.id for step in subscription.steps}
        dangling = [
            (step.id, after) for step in subscription.steps for after in step.after if after not in ids
        ]
        assert not dangling
        # In the order they run, for every format alike (JSON lists them as text numbers them): each after
        # the steps it waits for, wave by wave, the steps in no wave after the last wave.
        place = {step.id: n for n, step in enumerate(subscription.steps)}
        assert all(place[after] < place[step.id] for step in subscription.steps for after in step.after)
        waves = [step.wave for step in subscription.steps if step.migrated]
        first_after = next((n for n, s in enumerate(subscription.steps) if not s.migrated), len(place))
        assert waves[:first_after] == sorted(waves[:first_after])
        assert all(not s.migrated or s.after for s in subscription.steps[first_after:])


def test_a_storage_account_of_a_service_that_cannot_move_comes_after_that_service(plan_of):
    body = deployment("alpha", "a01").replace(
        "</Role></RoleList>",
        "</Role><Role><RoleName>Web</RoleName><RoleType>WebRole</RoleType></Role></RoleList>",
    )
    steps = steps_by_id(plan_of({"a.xml": body}))
    assert steps["storage:shared"].after == ("web-worker:alpha",)


def test_a_warning_note_gives_its_advice_once_as_the_fix_says_it(plan_of):
    affinity = netcfg("red").replace('Location="West Europe"', 'AffinityGroup="ag"')
    (note,) = [
        n
        for n in steps_by_id(plan_of({"NetworkConfig.netcfg": affinity}))["network:red"].notes
        if "MIG303" in n
    ]
    assert note == (
        "MIG303 (warning): virtual network 'red' is bound to affinity group 'ag', not to a region: Resource "
        "Manager knows regions only. Make the virtual network "
        "regional (a Location instead of an AffinityGroup), then update each deployment in it (add an "
        "endpoint or a data disk) so that it moves to the regional scope too, and migrate."
    )
