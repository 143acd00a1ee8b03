"""`migcheck plan`: a step in no wave (web/worker roles, which this process never migrates) comes after the
steps of the last wave, as the HTML picture draws it in a last column, in every format alike; a step that
waits for one (a storage account holding a disk of a VM in a service of web/worker roles) comes after it."""

from __future__ import annotations

import json
import re

import lxml.html

from migcheck.report.plan_format import render_plan

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
NETCFG = """\
    <NetworkConfiguration><VirtualNetworkConfiguration><VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="front"><AddressPrefix>10.1.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>
    """
CSDEF = """\
    <ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
      <WorkerRole name="Jobs" vmsize="Small" />
    </ServiceDefinition>
    """


def service(name: str, vm: str, vnet: str = "", roles: str = "") -> str:
    """A cloud service with one VM, its disk in storage account `stdacct`, and `roles` beside it."""
    subnet = (
        "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<SubnetNames><SubnetName>front</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>"
    )
    return f"""\
        <HostedService {REST}>
          <ServiceName>{name}</ServiceName>
          <Deployments><Deployment>
            <Name>{name}-prod</Name>
            <RoleList><Role>
              <RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>
              {subnet if vnet else ""}
              <OSVirtualHardDisk><MediaLink>https://stdacct.blob.core.windows.net/vhds/{vm}.vhd</MediaLink>
              </OSVirtualHardDisk>
            </Role>{roles}</RoleList>
            {f"<VirtualNetworkName>{vnet}</VirtualNetworkName>" if vnet else ""}
          </Deployment></Deployments>
        </HostedService>
        """


# A network with a service in it, a service of worker roles, a service in no network (wave 1 for both
# services of VMs), and the storage account of their disks (wave 2): built in that order.
ESTATE = {
    "NetworkConfig.netcfg": NETCFG,
    "in.xml": service("in-svc", "in01", vnet="app-vnet"),
    "jobs/ServiceDefinition.csdef": CSDEF.format(name="jobs"),
    "out.xml": service("out-svc", "out01"),
}
IN_ORDER = ["network:app-vnet", "service:out-svc/out-svc-prod", "storage:stdacct", "web-worker:jobs"]


def test_a_step_in_no_wave_comes_after_the_last_wave(plan_of):
    plan = plan_of(ESTATE)
    assert [step.id for step in plan.steps] == IN_ORDER
    text = render_plan(plan, "text")
    numbered = re.findall(r"^(\d+)\. .*?\[(.*?)\]", text, re.M)
    assert numbered == [
        ("1", "wave 1"),
        ("2", "wave 1"),
        ("3", "wave 2; after step 1, step 2"),
        ("4", "no wave: not migrated"),
    ]


def test_every_format_numbers_the_steps_alike(plan_of):
    plan = plan_of(ESTATE)
    data = json.loads(render_plan(plan, "json"))
    assert [step["id"] for step in data["subscriptions"][0]["steps"]] == IN_ORDER
    assert [step["wave"] for step in data["subscriptions"][0]["steps"]] == [1, 1, 2, None]
    kinds = [
        "Virtual network",
        "Cloud service (VMs not in",
        "Storage account",
        "Cloud service with web/worker",
    ]
    numbered = [f"{n}. {kind}" for n, kind in enumerate(kinds, 1)]
    headings = re.findall(r"^### ([1-9].*)$", render_plan(plan, "markdown"), re.M)
    assert [h[: len(start)] for h, start in zip(headings, numbered, strict=True)] == numbered
    page = lxml.html.fromstring(render_plan(plan, "html"))
    headings = [h.text_content() for h in page.iter("h3") if h.text_content()[:1] in "123456789"]
    assert [h[: len(start)] for h, start in zip(headings, numbered, strict=True)] == numbered


def test_a_step_that_waits_for_one_in_no_wave_comes_after_it(plan_of):
    # A VM beside web roles: its service is not migrated, and the storage account of its disk waits for it.
    web = "<Role><RoleName>Web</RoleName><RoleType>WebRole</RoleType></Role>"
    plan = plan_of({"a.xml": service("alpha", "a01", roles=web), "b.xml": service("beta", "b01")})
    steps = list(plan.steps)
    assert [step.id for step in steps] == ["service:beta/beta-prod", "web-worker:alpha", "storage:stdacct"]
    assert steps[2].after == ("service:beta/beta-prod", "web-worker:alpha")
