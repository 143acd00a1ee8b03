"""What the plan, the readiness summary and the badge say of a few inputs a new user meets first: every
finding counts, those past the cap of one rule per file too; retirement notices only about what the files
hold; words for files migcheck could not read in a plan without steps; web/worker roles grey in the Mermaid
picture; and the VMs of Export-AzureVM files placed in the network their subnets say, or left to the steps
of the networks they may be in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.plan import RETIREMENTS, StepKind

NETCFG = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"


def netcfg(*networks: tuple[str, tuple[str, ...]], bad_prefixes: int = 0) -> str:
    """Networks of the given subnets (10.n.k.0/24), and `bad_prefixes` subnets of one more network whose
    prefixes have host bits set (one MIG304 error each)."""
    sites = []
    for n, (name, subnets) in enumerate(networks, 1):
        listed = "".join(
            f'<Subnet name="{s}"><AddressPrefix>10.{n}.{k}.0/24</AddressPrefix></Subnet>'
            for k, s in enumerate(subnets)
        )
        sites.append(
            f'<VirtualNetworkSite name="{name}" Location="West Europe"><AddressSpace><AddressPrefix>'
            f"10.{n}.0.0/16</AddressPrefix></AddressSpace><Subnets>{listed}</Subnets></VirtualNetworkSite>\n"
        )
    if bad_prefixes:
        bad = "".join(
            f'<Subnet name="s{i}"><AddressPrefix>10.200.{i % 250}.1/24</AddressPrefix></Subnet>\n'
            for i in range(bad_prefixes)
        )
        sites.append(
            '<VirtualNetworkSite name="v1" Location="West Europe"><AddressSpace><AddressPrefix>10.200.0.0/16'
            f"</AddressPrefix></AddressSpace><Subnets>\n{bad}</Subnets></VirtualNetworkSite>\n"
        )
    return (
        f'<NetworkConfiguration xmlns="{NETCFG}"><VirtualNetworkConfiguration><VirtualNetworkSites>\n'
        f"{''.join(sites)}</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


def exported_vm(name: str, *subnets: str) -> str:
    """An Export-AzureVM file: a VM with a disk, in `subnets` (none: the file names no subnet)."""
    named = "".join(f"<string>{s}</string>" for s in subnets)
    return (
        '<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><ConfigurationSets>'
        '<ConfigurationSet xsi:type="NetworkConfigurationSet"><ConfigurationSetType>NetworkConfiguration'
        "</ConfigurationSetType><InputEndpoints /><SubnetNames>"
        f"{named}</SubnetNames></ConfigurationSet></ConfigurationSets><DataVirtualHardDisks />"
        f"<OSVirtualHardDisk><DiskName>{name}-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>"
        f"<RoleName>{name}</RoleName><RoleSize>Small</RoleSize><RoleType>PersistentVMRole</RoleType>"
        "</PersistentVM>\n"
    )


# A script on the classic API that PowerShell refuses to run (no comma between two parameters): MIG001.
REFUSED_SCRIPT = """\
param(
    [string] $ServiceName
    [string] $VNetName = "vnet1"
)
Import-Module Azure
New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName svc1 -VNetName $VNetName
"""
WEB_ROLE = {
    "ServiceDefinition.csdef": '<ServiceDefinition name="websvc10" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"><WebRole name="Web" '
    'vmsize="Small"><Endpoints><InputEndpoint name="http" protocol="http" port="80" /></Endpoints></WebRole>'
    "</ServiceDefinition>\n",
    "ServiceConfiguration.Cloud.cscfg": '<ServiceConfiguration serviceName="websvc10" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"><Role name="Web">'
    '<Instances count="2" /></Role></ServiceConfiguration>\n',
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(list(args))
    return capsys.readouterr().out


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- findings past the cap of one rule per file ---------------------------------------------------------


def test_findings_past_the_cap_count_in_the_summary_the_plan_and_the_badge(folder, capsys):
    (folder / "n.netcfg").write_text(netcfg(bad_prefixes=250))
    check = run(capsys, "check", ".")
    assert "v1 (250 subnets)  Validation failed: 250 errors\n" in check
    assert "250 errors (150 of them not shown" in check
    plan = run(capsys, "plan", ".")
    assert "1. Virtual network: v1 [wave 1] — NOT READY (250 blockers)\n" in plan
    # The first 100 are listed, then one line for the rest, which says how many.
    assert plan.count("   blocker: n.netcfg:") == 101
    assert (
        "MIG304 150 more MIG304 blockers in this file are not listed: the plan lists at most 100 of one rule "
        "per file. Fix those listed and run migcheck again.\n"
    ) in plan
    assert "⛔ not ready (250 blockers)" in run(capsys, "plan", ".", "--format", "markdown")
    assert "not ready: 250 blockers" in run(capsys, "plan", ".", "--format", "html")
    [step] = json.loads(run(capsys, "plan", ".", "--format", "json"))["subscriptions"][0]["steps"]
    assert len(step["blockers"]) == 101 and step["blockers"][-1]["message"].startswith("150 more MIG304")
    badge = json.loads(run(capsys, "badge", "--format", "shields", "."))
    assert badge["message"] == "250 blockers"
    report = json.loads(run(capsys, "check", "--format", "report-json", "."))
    [item] = [
        i for scope in report["subscriptions"][0]["scopes"] for i in scope["items"] if i["name"] == "v1"
    ]
    assert item["errors"] == 250


# --- retirement notices ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "files",
    [
        {"n.netcfg": netcfg(("v1", ("a",)))},  # a network, no VM
        {"runbook.ps1": "Move-AzureVirtualNetwork -Validate -VirtualNetworkName v1\n"},  # a runbook only
        {"broken.ps1": REFUSED_SCRIPT},  # a script PowerShell refuses
    ],
    ids=["network", "runbook", "unparsable-script"],
)
def test_no_retirement_notice_about_what_the_files_do_not_hold(folder, capsys, files):
    for path, text in files.items():
        (folder / path).write_text(text)
    for fmt in ("text", "markdown", "html"):
        out = run(capsys, "plan", ".", "--format", fmt)
        assert not any(notice.split(":")[0] in out for notice in RETIREMENTS), fmt
        assert 'class="retirements"' not in out and "\n> \n" not in out
    assert json.loads(run(capsys, "plan", ".", "--format", "json"))["retirements"] == []


def test_a_vm_brings_back_its_notices(folder, capsys):
    (folder / "n.netcfg").write_text(netcfg(("v1", ("a",))))
    (folder / "svc").mkdir()
    (folder / "svc" / "vm1.xml").write_text(exported_vm("vm1", "a"))
    # Its VIP is not migrated, without an input endpoint on it: no Basic SKU public IP, no notice of one.
    assert json.loads(run(capsys, "plan", ".", "--format", "json"))["retirements"] == [RETIREMENTS[0]]


# --- a plan of files migcheck could not read ---------------------------------------------------------------


def test_a_plan_of_only_an_unreadable_script_says_what_is_there(folder, capsys):
    (folder / "broken.ps1").write_text(REFUSED_SCRIPT)
    out = run(capsys, "plan", ".")
    assert "in no step above" not in out and "blockers above" not in out
    assert (
        "Files migcheck could not read (no step can be planned for what they describe until they are read: "
        "fix each as its fix says, then plan again):\n   unread: broken.ps1:"
    ) in out
    assert out.endswith(
        "No step to plan: no file migcheck read describes a classic resource to move; those it could not "
        "read may describe some: fix them and plan again.\n"
    )


# --- web/worker roles in the Mermaid picture ---------------------------------------------------------------


def test_web_worker_steps_are_grey_and_not_migrated_in_the_mermaid_picture(folder, capsys):
    for path, text in WEB_ROLE.items():
        (folder / path).write_text(text)
    out = run(capsys, "plan", ".", "--format", "markdown")
    mermaid = out[out.index("```mermaid") : out.index("```", out.index("```mermaid") + 3)]
    assert mermaid.splitlines()[2] == '  s1["web worker: websvc10 (not migrated)"]:::unmigrated'
    assert "  classDef unmigrated fill:#e2e3e5,stroke:#6c757d" in mermaid
    assert ":::blocked" not in mermaid
    # As the HTML picture draws it.
    assert 'class="step unmigrated"' in run(capsys, "plan", ".", "--format", "html")


# --- VMs of Export-AzureVM files, whose network no file states ---------------------------------------------


def test_a_vm_in_a_subnet_only_one_network_defines_is_in_that_network(folder, capsys):
    (folder / "net.netcfg").write_text(netcfg(("vnet18", ("AppSubnet18",))))
    (folder / "app18").mkdir()
    (folder / "app18" / "app18vm.xml").write_text(exported_vm("app18vm", "AppSubnet18"))
    data = json.loads(run(capsys, "plan", ".", "--format", "json"))
    [step] = data["subscriptions"][0]["steps"][:1]
    assert step["id"] == "network:vnet18" and step["ready"]
    assert "cloud service 'app18' (named after its folder): VMs app18vm" in step["moves"]
    assert "the files place none in it" not in step["downtime"]
    assert step["notes"][0].startswith(
        "Cloud service 'app18' (named after its folder) is in this network as inferred from the subnet of its "
        "VMs, 'AppSubnet18', which no other network of the files defines"
    )
    assert not [
        s for s in data["subscriptions"][0]["steps"] if s["kind"] == StepKind.UNKNOWN_NETWORK.name.lower()
    ]
    assert "vnet18 (1 subnet; cloud services: app18 (1 VM))" in run(capsys, "check", ".")


def test_a_vm_in_a_subnet_no_network_of_the_files_defines_is_in_one_they_do_not_name(folder, capsys):
    (folder / "app18").mkdir()
    (folder / "app18" / "app18vm.xml").write_text(exported_vm("app18vm", "AppSubnet18"))
    steps = json.loads(run(capsys, "plan", ".", "--format", "json"))["subscriptions"][0]["steps"]
    # The file names the VM's OS disk without its blob: that disk's storage account has a step of its own.
    [step] = [s for s in steps if s["kind"] != "storage"]
    assert step["kind"] == "unknown_network"
    assert "In none" not in step["downtime"]
    assert "in a virtual network the files do not name" in step["notes"][0]
    commands = step["commands"]["powershell"]
    assert commands["prepare"] == ["Move-AzureVirtualNetwork -Prepare -VirtualNetworkName '<network>'"]
    assert commands["commit"] == ["Move-AzureVirtualNetwork -Commit -VirtualNetworkName '<network>'"]
    assert step["commands"]["cli"]["commit"] == ["azure network vnet commit-migration '<network>'"]


def test_a_vm_in_a_subnet_several_networks_define_is_left_to_their_own_steps(folder, capsys):
    (folder / "net.netcfg").write_text(netcfg(("vnet18", ("AppSubnet18",)), ("vnet19", ("AppSubnet18",))))
    (folder / "app18").mkdir()
    (folder / "app18" / "app18vm.xml").write_text(exported_vm("app18vm", "AppSubnet18"))
    steps = json.loads(run(capsys, "plan", ".", "--format", "json"))["subscriptions"][0]["steps"]
    [step] = [s for s in steps if s["kind"] == "unknown_network"]
    assert "'vnet18', 'vnet19' each define it" in step["notes"][0]
    assert "its own step, whose commands are not repeated here" in step["notes"][0]
    assert step["commands"] == {}
    assert step["ready"] is False and step["network_unknown"] is True
    assert {s["name"] for s in steps if s["kind"] == "network"} == {"vnet18", "vnet19"}


def test_a_vm_in_no_subnet_has_the_commands_of_a_network_and_of_none(folder, capsys):
    (folder / "app18").mkdir()
    (folder / "app18" / "app18vm.xml").write_text(exported_vm("app18vm"))
    steps = json.loads(run(capsys, "plan", ".", "--format", "json"))["subscriptions"][0]["steps"]
    # The file names the VM's OS disk without its blob: that disk's storage account has a step of its own.
    [step] = [s for s in steps if s["kind"] != "storage"]
    assert step["kind"] == "unknown_network"
    assert step["downtime"].startswith("In a virtual network: none")
    commit = step["commands"]["powershell"]["commit"]
    assert commit == [
        "# if it is in virtual network '<network>' (its migration moves the service):",
        "Move-AzureVirtualNetwork -Commit -VirtualNetworkName '<network>'",
        "# if it is in no virtual network:",
        "Move-AzureService -Commit -ServiceName 'app18' -DeploymentName '<deployment name>'",
    ]
    validate = step["commands"]["powershell"]["validate"]
    assert validate[-1] == "# go on to Prepare only if no message's Category is Error"
    assert validate.count("# go on to Prepare only if no message's Category is Error") == 1
