"""A cloud service deployed in several virtual networks: each network's scope item, and its step of the
plan, hold the service's deployments in that network only. A finding about one configuration (one
deployment) belongs to the network that configuration names; one about the service as a whole (its
definition: MIG101) to every network it is placed in."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.plan import Note, build_plan
from migcheck.plugins import load_rules
from migcheck.report import render
from migcheck.report.readiness import ScopeItem, ScopeKind, readiness

RULES = load_rules(entry_points=False)
CSDEF = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"'
CSCFG = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"'
NETCFG = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"'
REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def network_config(**subnets: tuple[str, ...]) -> str:
    """A network configuration defining each network (keyword: name with `_` for `-`) with its subnets."""
    sites = ""
    for number, (name, names) in enumerate(subnets.items(), start=1):
        defined = "".join(
            f'<Subnet name="{s}"><AddressPrefix>10.{number}.{i}.0/24</AddressPrefix></Subnet>'
            for i, s in enumerate(names, start=1)
        )
        sites += (
            f'<VirtualNetworkSite name="{name.replace("_", "-")}" Location="West Europe"><AddressSpace>'
            f"<AddressPrefix>10.{number}.0.0/16</AddressPrefix></AddressSpace><Subnets>{defined}</Subnets>"
            "</VirtualNetworkSite>\n"
        )
    return (
        f"<NetworkConfiguration {NETCFG}><VirtualNetworkConfiguration><VirtualNetworkSites>\n{sites}"
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


def configuration(network: str, backend: str) -> str:
    """A configuration of 'webshop' in `network`, its worker role in two subnets (MIG202), the second
    named `backend`."""
    return f"""\
        <ServiceConfiguration serviceName="webshop" {CSCFG}>
          <Role name="Storefront"><Instances count="2" /></Role>
          <Role name="OrderProcessor"><Instances count="2" /></Role>
          <NetworkConfiguration>
            <VirtualNetworkSite name="{network}" />
            <AddressAssignments>
              <InstanceAddress roleName="Storefront"><Subnets><Subnet name="FrontEnd" /></Subnets></InstanceAddress>
              <InstanceAddress roleName="OrderProcessor">
                <Subnets><Subnet name="FrontEnd" /><Subnet name="{backend}" /></Subnets>
              </InstanceAddress>
            </AddressAssignments>
          </NetworkConfiguration>
        </ServiceConfiguration>
        """


# The case: 'webshop' deployed by one configuration in 'prod-vnet' and by another in 'staging-vnet', which
# has no subnet 'BackEnd' (MIG003 on the staging configuration); the local emulator's is never deployed.
WEBSHOP = {
    "network/NetworkConfig.xml": network_config(
        prod_vnet=("FrontEnd", "BackEnd"), staging_vnet=("FrontEnd",)
    ),
    "webshop/ServiceDefinition.csdef": f"""\
        <ServiceDefinition name="webshop" {CSDEF}>
          <WebRole name="Storefront" vmsize="Standard_D2_v2">
            <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80" /></Endpoints>
          </WebRole>
          <WorkerRole name="OrderProcessor" vmsize="Standard_D1_v2" />
        </ServiceDefinition>
        """,
    "webshop/ServiceConfiguration.Cloud.cscfg": configuration("prod-vnet", "Backend"),
    "webshop/ServiceConfiguration.Staging.cscfg": configuration("staging-vnet", "BackEnd"),
    "webshop/ServiceConfiguration.Local.cscfg": f"""\
        <ServiceConfiguration serviceName="webshop" {CSCFG}>
          <Role name="Storefront"><Instances count="1" /></Role>
          <Role name="OrderProcessor"><Instances count="1" /></Role>
        </ServiceConfiguration>
        """,
}


def vm_deployment(name: str, vm: str, network: str, account: str) -> str:
    disk = f"https://{account}.blob.core.windows.net/vhds/{vm}.vhd"
    return (
        f"<Deployment><Name>{name}</Name><RoleList><Role><RoleName>{vm}</RoleName>"
        "<RoleType>PersistentVMRole</RoleType><ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<SubnetNames><SubnetName>web</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>"
        f"<OSVirtualHardDisk><MediaLink>{disk}</MediaLink></OSVirtualHardDisk></Role></RoleList>"
        f"<VirtualNetworkName>{network}</VirtualNetworkName></Deployment>\n"
    )


# A hosted service of VMs with one deployment in 'net-a' (VM 'vm-a', its disk in 'storea') and one in
# 'net-b' ('vm-b', in 'storeb').
BLUE_GREEN = {
    "NetworkConfig.netcfg": network_config(net_a=("web",), net_b=("web",)),
    "svc.xml": f"<HostedService {REST}><ServiceName>svc</ServiceName><Deployments>\n"
    + vm_deployment("blue", "vm-a", "net-a", "storea")
    + vm_deployment("green", "vm-b", "net-b", "storeb")
    + "</Deployments></HostedService>\n",
}


@pytest.fixture
def estate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str]) -> LintResult:
        for path, text in files.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(textwrap.dedent(text), encoding="utf-8")
        return lint(["."], Config(), RULES)

    return run


def networks(result: LintResult) -> dict[str, ScopeItem]:
    (summary,) = readiness(result)
    (scope,) = [s for s in summary.scopes if s.scope is ScopeKind.IN_VNET]
    return {item.name: item for item in scope.items}


def held(item: ScopeItem) -> set[tuple[str, str]]:
    """Each finding of the item as (code, file name)."""
    return {(f.code, Path(f.mark.path).name) for f in item.every}


# --- the readiness summary ----------------------------------------------------------------------------


def test_each_configuration_counts_against_the_network_it_names(estate):
    items = networks(estate(WEBSHOP))
    definition = {("MIG101", "ServiceDefinition.csdef")}  # one per role, about the service as a whole
    assert held(items["prod-vnet"]) == definition | {("MIG202", "ServiceConfiguration.Cloud.cscfg")}
    assert held(items["staging-vnet"]) == definition | {
        ("MIG202", "ServiceConfiguration.Staging.cscfg"),
        ("MIG003", "ServiceConfiguration.Staging.cscfg"),
    }
    assert [f.message for f in items["staging-vnet"].every if f.code == "MIG003"] == [
        "subnet 'BackEnd' is not a subnet of virtual network 'staging-vnet'"
    ]


def test_the_text_and_report_json_count_each_configuration_once(estate):
    result = estate(WEBSHOP)
    lines = {
        line.split()[0]: line.split("  ")[-1].strip()
        for line in render(result, "text").splitlines()
        if line.lstrip().startswith(("prod-vnet (", "staging-vnet ("))
    }
    assert lines == {
        "prod-vnet": "Validation failed: 3 errors",
        "staging-vnet": "Validation failed: 3 errors, 1 warning",
    }
    report = json.loads(render(result, "report-json"))
    counts = {
        item["name"]: (item["errors"], item["warnings"])
        for subscription in report["subscriptions"]
        for scope in subscription["scopes"]
        for item in scope["items"]
        if item["type"] == "VirtualNetwork"
    }
    assert counts == {"prod-vnet": (3, 0), "staging-vnet": (3, 1)}


def test_a_configuration_never_deployed_stays_with_the_whole_service(estate):
    """The local emulator's configuration is no deployment: what is found in it is the service's, in
    every network the service is placed in, as its definition is."""
    files = dict(WEBSHOP)
    files["webshop/ServiceConfiguration.Local.cscfg"] = files[
        "webshop/ServiceConfiguration.Local.cscfg"
    ].replace('"OrderProcessor"', '"Ghost"')
    result = estate(files)
    local = [(f.code, Path(f.mark.path).name) for f in result.findings if f.mark.path.endswith("Local.cscfg")]
    assert local == [("MIG003", "ServiceConfiguration.Local.cscfg")]  # role 'Ghost' is not defined
    for item in networks(result).values():
        assert set(local) <= held(item)


# --- the plan -------------------------------------------------------------------------------------------


def steps(result: LintResult) -> dict[str, object]:
    (plan,) = build_plan(result).subscriptions
    return {step.id: step for step in plan.steps}


def test_each_network_step_blocks_on_its_own_configuration(estate):
    found = steps(estate(WEBSHOP))
    prod, staging = found["network:prod-vnet"], found["network:staging-vnet"]
    assert {(b.code, Path(b.mark.path).name) for b in prod.blockers} == {
        ("MIG101", "ServiceDefinition.csdef"),
        ("MIG202", "ServiceConfiguration.Cloud.cscfg"),
    }
    assert {(b.code, Path(b.mark.path).name) for b in staging.blockers} == {
        ("MIG101", "ServiceDefinition.csdef"),
        ("MIG202", "ServiceConfiguration.Staging.cscfg"),
    }
    assert [n.finding.code for n in prod.notes if isinstance(n, Note)] == []
    assert [n.finding.code for n in staging.notes if isinstance(n, Note)] == ["MIG003"]


def test_a_network_step_moves_the_vms_of_the_deployment_in_it(estate):
    found = steps(estate(BLUE_GREEN))
    assert "cloud service 'svc': VMs vm-a" in found["network:net-a"].moves
    assert "cloud service 'svc': VMs vm-b" in found["network:net-b"].moves
    assert [m.vms for m in found["network:net-a"].members] == [("vm-a",)]
    assert [m.vms for m in found["network:net-b"].members] == [("vm-b",)]
    # A storage account waits for the network of the VM its disk belongs to, not every network of its service.
    assert found["storage:storea"].after == ("network:net-a",)
    assert found["storage:storeb"].after == ("network:net-b",)
