"""`migcheck plan`: the warnings about no step (a Defender plan, role assignments, alert rules, autoscale
settings, scripts on the classic API) are notes outside the steps, before the first step when their advice
is for before migrating and after the steps otherwise, folded per rule and fix, in every format."""

from __future__ import annotations

import difflib
import json
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from lint_support import run_cli as run

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Severity
from migcheck.plan import EACH_LISTED, Plan, build_plan
from migcheck.plugins import load_rules
from migcheck.report.plan_format import FIRST_NOTES, OTHER_NOTES, render_plan

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(entry_points=False)
SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def plan_of(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Plan:
    monkeypatch.chdir(folder)
    return build_plan(lint(["."], Config(), RULES))


def graph(*records: dict[str, object]) -> str:
    """A Resource Graph export of `records`."""
    return json.dumps({"count": len(records), "data": list(records), "skip_token": None}, indent=2)


def defender_case() -> dict[str, str]:
    """A classic VM in network 'prod', and the subscription's Defender plan for VMs on Standard."""
    vm_id = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-app/providers/Microsoft.ClassicCompute"
    vm = {
        "id": f"{vm_id}/virtualMachines/app01",
        "name": "app01",
        "type": "microsoft.classiccompute/virtualmachines",
        "location": "westeurope",
        "resourceGroup": "contoso-app",
        "subscriptionId": SUBSCRIPTION,
        "properties": {
            "domainName": {"id": f"{vm_id}/domainNames/contoso-app", "name": "contoso-app"},
            "hardwareProfile": {"size": "Medium", "deploymentName": "contoso-app"},
            "networkProfile": {
                "inputEndpoints": [{"endpointName": "RDP", "privatePort": 3389, "publicPort": 50100}],
                "virtualNetwork": {"name": "prod", "subnetNames": ["app"]},
            },
            "instanceView": {"status": "ReadyRole", "powerState": "Started"},
        },
    }
    pricing = {
        "id": f"/subscriptions/{SUBSCRIPTION}/providers/Microsoft.Security/pricings/VirtualMachines",
        "name": "VirtualMachines",
        "type": "microsoft.security/pricings",
        "subscriptionId": SUBSCRIPTION,
        "properties": {"pricingTier": "Standard"},
    }
    return {"classic.json": graph(vm), "defender.json": graph(pricing)}


def assignment(n: int, scope: str, role: str = CLASSIC_VM_CONTRIBUTOR) -> dict[str, object]:
    return {
        "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-4000-8000-{n:012d}",
        "name": f"00000000-0000-4000-8000-{n:012d}",
        "type": "microsoft.authorization/roleassignments",
        "subscriptionId": SUBSCRIPTION,
        "properties": {
            "scope": scope,
            "roleDefinitionId": f"/providers/Microsoft.Authorization/roleDefinitions/{role}",
            "principalId": f"7c9e6679-7425-40de-944b-{n:012d}",
            "principalType": "Group",
        },
    }


def on_vm(n: int) -> dict[str, object]:
    """An assignment on classic VM `vm<n>`: its fix names its own principal and VM."""
    scope = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/app/providers/Microsoft.ClassicCompute/virtualMachines/vm{n}"
    return assignment(n, scope)


def text_plan(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, _ = run(capsys, "plan", ".", *args)
    assert code == 0
    return out


# --- the Defender plan: before the first step ------------------------------------------------------------


def test_the_defender_plan_is_said_before_the_first_step(tmp_path, monkeypatch, capsys):
    write(tmp_path, defender_case())
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    (note,) = subscription.other_notes
    assert note.finding.code == "MIG207" and note.before_steps
    assert (note.finding.location.path, note.finding.location.line) == ("defender.json", 4)
    assert note.fix.startswith("Before migrating, set the plan to Free")

    out = text_plan(capsys)
    first, steps = out.split(f"{FIRST_NOTES}:\n")[1].split("\n1. ", 1)
    assert first.startswith("   note: defender.json:4:5: MIG207 Defender for Cloud plan 'VirtualMachines'")
    # The advice follows the message, as a step's note gives it.
    assert (
        "the platform does not migrate them. Before migrating, set the plan to Free" in first.splitlines()[0]
    )
    assert out.index("0. Before the first step") < out.index(FIRST_NOTES)  # after the preamble
    assert "MIG207" not in steps and OTHER_NOTES not in out


def test_the_defender_plan_in_json(tmp_path, monkeypatch, capsys):
    write(tmp_path, defender_case())
    monkeypatch.chdir(tmp_path)
    data = json.loads(text_plan(capsys, "--format", "json"))
    (subscription,) = data["subscriptions"]
    (note,) = subscription["other_notes"]
    assert (note["code"], note["path"], note["line"], note["column"]) == ("MIG207", "defender.json", 4, 5)
    assert note["severity"] == "warning" and note["before_steps"] is True
    assert note["fix"].startswith("Before migrating, set the plan to Free")
    assert (note["more"], note["files"], note["more_files"]) == (0, [], 0)
    assert not any("MIG207" in n for step in subscription["steps"] for n in step["notes"])


# --- folding: per rule and fix, and a rule of many fixes once ---------------------------------------------


def test_role_assignments_of_a_few_fixes_are_one_note_each(tmp_path, monkeypatch):
    write(tmp_path, {"rbac.json": graph(on_vm(1), on_vm(2))})
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    # The assignment is recorded before migrating (the migration drops it), and recreated after.
    assert [(n.finding.code, n.before_steps, n.more) for n in subscription.other_notes] == [
        ("MIG501", True, 0),
        ("MIG501", True, 0),
    ]
    for n, note in enumerate(subscription.other_notes, start=1):
        assert note.fix.startswith(
            "Before migrating, record this assignment (`Get-AzRoleAssignment -Scope "
            f"/subscriptions/{SUBSCRIPTION}/resourceGroups/app/providers/Microsoft.ClassicCompute/virtualMachines/vm{n}`"
        )
        assert f"; after migration, assign Group 7c9e6679-7425-40de-944b-{n:012d} the role" in note.fix


def test_role_assignments_of_many_fixes_are_one_note_with_the_rules_advice(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"rbac.json": graph(*(on_vm(n) for n in range(1, 41)))})
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    (note,) = subscription.other_notes
    assert note.finding.code == "MIG501" and note.more == 39 and note.files == ()
    assert note.fix == f"{RULES.get('MIG501').fix_hint} {EACH_LISTED.format(code='MIG501')}"
    assert note.before_steps  # the rule's advice starts with recording them before migrating
    out = text_plan(capsys)
    section = out.split(f"{FIRST_NOTES}:\n")[1]
    assert section.startswith("   note: rbac.json:10:18: MIG501 role 'Classic Virtual Machine Contributor'")
    assert f"(and 39 more like it). {note.fix}\n" in section
    assert section.count("note:") == 1


def test_a_classic_role_on_the_subscription_is_assigned_before_migrating(tmp_path, monkeypatch):
    subscription_wide = assignment(7, f"/subscriptions/{SUBSCRIPTION}")
    write(tmp_path, {"rbac.json": graph(subscription_wide, on_vm(1))})
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    first, last = subscription.other_notes
    assert first.before_steps and "before migrating" in first.fix
    assert f"on subscription {SUBSCRIPTION}" in first.message
    assert last.before_steps and last.fix.startswith("Before migrating, record this assignment")


def test_many_classic_roles_on_the_subscription_stay_before_migrating_with_their_own_advice(
    tmp_path, monkeypatch
):
    """Folded for having more fixes than a note shows, they keep advice for before migrating: the rule's
    own advice is for before migrating too (recording the assignments on classic resources, and assigning
    the counterparts of classic-only roles on a subscription), so both kinds fold into one note."""
    wide = [assignment(n, f"/subscriptions/{SUBSCRIPTION}") for n in range(1, 6)]
    write(tmp_path, {"rbac.json": graph(*wide, *(on_vm(n) for n in range(11, 16)))})
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    (note,) = subscription.other_notes
    assert (note.before_steps, note.more) == (True, 9)
    assert note.fix == f"{RULES.get('MIG501').fix_hint} {EACH_LISTED.format(code='MIG501')}"
    assert "on a subscription or management group: assign its Resource Manager counterpart" in note.fix


def scripts(count: int, cmdlets: tuple[str, ...]) -> dict[str, str]:
    """`count` PowerShell scripts on the classic module, each calling one of `cmdlets` in turn."""
    return {
        f"scripts/s{n:03d}.ps1": f"{cmdlets[n % len(cmdlets)]} -ServiceName 'app{n}'\n" for n in range(count)
    }


def test_scripts_with_the_same_fix_are_one_note_naming_the_first_files(tmp_path, monkeypatch, capsys):
    write(tmp_path, scripts(30, ("Get-AzureVM",)))
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    (note,) = subscription.other_notes
    assert note.finding.code == "MIG601" and note.more == 29
    # The files of the others: the first's position names its own.
    assert note.files == ("scripts/s001.ps1", "scripts/s002.ps1", "scripts/s003.ps1")
    assert note.more_files == 26
    assert "Get-AzureVM → " in note.fix  # the fix they share, with the replacement of the call
    out = text_plan(capsys)
    assert (
        "(and 29 more like it, in scripts/s001.ps1, scripts/s002.ps1, scripts/s003.ps1 and 26 more files)"
        in out
    )


@pytest.mark.parametrize("count", [8, 200])
def test_scripts_of_many_fixes_keep_the_plan_short(tmp_path, monkeypatch, capsys, count):
    cmdlets = ("Get-AzureVM", "Stop-AzureVM", "Start-AzureVM", "Restart-AzureVM", "Remove-AzureVM")
    write(tmp_path, scripts(count, cmdlets))
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    (note,) = subscription.other_notes
    assert note.more == count - 1
    assert note.fix == f"{RULES.get('MIG601').fix_hint} {EACH_LISTED.format(code='MIG601')}"
    section = text_plan(capsys).split(f"{OTHER_NOTES}:\n")[1].split("\n\n")[0]
    assert len(section.splitlines()) == 1  # one note, however many scripts


# --- every format, in the same places ----------------------------------------------------------------


@pytest.fixture
def examples_plan(monkeypatch) -> Plan:
    monkeypatch.chdir(ROOT)
    return build_plan(lint(["examples/contoso"], Config(), RULES))


def test_every_warning_check_reports_is_in_the_plan(examples_plan, monkeypatch):
    result = lint(["examples/contoso"], Config(), RULES)
    warnings = {(f.code, f.mark) for f in result.findings if f.severity is Severity.WARNING}
    (subscription,) = examples_plan.subscriptions
    outside = {(n.finding.code, n.finding.mark) for n in subscription.other_notes}
    assert {code for code, _ in outside} == {"MIG501", "MIG502", "MIG503", "MIG602"}
    # The others are notes of their steps (MIG302 is said by its network's commands and downtime), but
    # for a VM state Validate refuses while it lasts (MIG208): that one blocks its step.
    refused = {(f.code, f.mark) for step in examples_plan.steps for f in step.blockers if f.code == "MIG208"}
    assert refused and refused <= warnings
    on_steps = {(code, mark) for code, mark in warnings - outside - refused if code != "MIG302"}
    noted = " ".join(note for step in examples_plan.steps for note in step.notes)
    assert on_steps and all(code in noted for code, _ in on_steps) and "MIG208" not in noted
    sql = next(step for step in examples_plan.steps if step.name == "contoso-prod-vnet")  # sql-tier's network
    assert any(n.startswith("MIG204 (warning)") and "(and 2 more like it)" in n for n in sql.notes)


def test_the_notes_are_in_every_format_after_the_steps(examples_plan):
    (subscription,) = examples_plan.subscriptions
    # Alert rules, autoscale settings and role assignments are recorded before the first step; a classic
    # role on a storage account, which the account's migration keeps, is replaced after it.
    codes = [n.finding.code for n in subscription.other_notes if not n.before_steps]
    assert codes == ["MIG501", "MIG602"]
    text = render_plan(examples_plan, "text")
    markdown = render_plan(examples_plan, "markdown")
    page = render_plan(examples_plan, "html")
    data = json.loads(render_plan(examples_plan, "json"))
    for rendered, heading, last_step in (
        (text, f"\n{OTHER_NOTES}:\n", "\n8. "),
        (markdown, f"\n### {OTHER_NOTES}\n", "\n### 8. "),
        (page, f"<h3>{OTHER_NOTES}</h3>", ">8. "),
    ):
        after = rendered.split(heading)[1]
        assert rendered.index(last_step) < rendered.index(heading)
        assert rendered.index("Blockers outside the steps") < rendered.index(heading)
        assert [code for code in codes if code in after] == codes
        assert not any(code in after for code in ("MIG502", "MIG503"))
        assert FIRST_NOTES in rendered
    assert (
        "- **Note** `examples/contoso/inventory/alertrules.json:17:28:` MIG502: classic alert rule"
        in markdown
    )
    assert '<div class="preamble" id="s1-other-notes">' in page
    notes = data["subscriptions"][0]["other_notes"]
    assert [n["code"] for n in notes if not n["before_steps"]] == codes


def test_the_notes_before_the_first_step_in_every_format(tmp_path, monkeypatch):
    write(tmp_path, defender_case())
    plan = plan_of(tmp_path, monkeypatch)
    for fmt, heading, first_step in (
        ("text", f"\n{FIRST_NOTES}:\n", "\n1. "),
        ("markdown", f"\n### {FIRST_NOTES}\n", "\n### 1. "),
        ("html", f"<h3>{FIRST_NOTES}</h3>", ">1. "),
    ):
        rendered = render_plan(plan, fmt)
        assert rendered.index(BEFORE_FIRST_STEP_WORDS) < rendered.index(heading) < rendered.index(first_step)
        assert "MIG207" in rendered.split(heading)[1].split(first_step)[0]
        assert OTHER_NOTES not in rendered


BEFORE_FIRST_STEP_WORDS = "Before the first step (once in this subscription)"


def test_a_plan_without_such_warnings_is_unchanged(monkeypatch):
    """The notes only add their sections: without them, every format is what it was."""
    monkeypatch.chdir(ROOT)
    plan = build_plan(lint(["examples/contoso"], Config(), RULES))
    bare = replace(plan, subscriptions=tuple(replace(s, other_notes=()) for s in plan.subscriptions))
    for fmt in ("text", "markdown", "html"):
        with_notes, without = render_plan(plan, fmt).splitlines(), render_plan(bare, fmt).splitlines()
        changes = difflib.SequenceMatcher(None, without, with_notes, autojunk=False).get_opcodes()
        assert {tag for tag, *_ in changes} == {"equal", "insert"}  # lines added, none changed
    ready = build_plan(lint(["examples/ready"], Config(), RULES))
    assert all(not s.other_notes for s in ready.subscriptions)
    assert "Notes outside the steps" not in render_plan(ready, "text")
    assert all(s["other_notes"] == [] for s in json.loads(render_plan(ready, "json"))["subscriptions"])


# --- a subscription of warnings only ------------------------------------------------------------------


def test_warnings_alone_are_not_nothing_to_migrate(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"rbac.json": graph(on_vm(1))})
    monkeypatch.chdir(tmp_path)
    for fmt in ("text", "markdown", "html"):
        out = text_plan(capsys, "--format", fmt)
        assert "MIG501" in out and "Nothing to migrate" not in out
        assert "only what the notes above are about." in out
    data = json.loads(text_plan(capsys, "--format", "json"))
    assert data["subscriptions"][0]["steps"] == [] and len(data["subscriptions"][0]["other_notes"]) == 1


def test_blockers_and_warnings_alone_say_both(tmp_path, monkeypatch, capsys):
    write(
        tmp_path,
        {
            "rbac.json": graph(on_vm(1)),
            "m.ps1": """
                Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'prod'
                Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'prod'
                Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'prod'
            """,
        },
    )
    monkeypatch.chdir(tmp_path)
    out = text_plan(capsys)
    assert "MIG602" in out and "MIG501" in out
    assert out.rstrip().endswith("only what the blockers and notes above are about.")


# --- what each note says, and where -------------------------------------------------------------------

DEFENDER_MONITORING = (
    "<Publisher>Microsoft.Azure.Security.Monitoring</Publisher><Name>AzureSecurityWindowsAgent</Name>"
    "<Version>1.*</Version><State>Enable</State>"
)
SITE_RECOVERY = (
    "<Publisher>Microsoft.Azure.RecoveryServices.SiteRecovery</Publisher><Name>Windows</Name>"
    "<Version>1.0</Version><State>Enable</State>"
)


def rest_vm(name: str, extension: str = "", subnet: str = "App", account: str = "stdacct") -> str:
    """A VM of a REST deployment, with an OS disk in `account` and the extension `extension`, if any, in
    subnet `subnet` ("" for none: a VM of a deployment in no virtual network)."""
    subnets = f"<SubnetNames><SubnetName>{subnet}</SubnetName></SubnetNames>" if subnet else ""
    extensions = (
        f"<ResourceExtensionReferences><ResourceExtensionReference>{extension}"
        "</ResourceExtensionReference></ResourceExtensionReferences>"
        if extension
        else ""
    )
    return f"""
    <Role i:type="PersistentVMRole">
      <RoleName>{name}</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet i:type="NetworkConfigurationSet">
        <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
        <InputEndpoints></InputEndpoints>{subnets}
      </ConfigurationSet></ConfigurationSets>
      {extensions}
      <OSVirtualHardDisk><DiskName>{name}-os</DiskName>
        <MediaLink>https://{account}.blob.core.windows.net/vhds/{name}-os.vhd</MediaLink><OS>Windows</OS>
      </OSVirtualHardDisk>
      <RoleSize>Standard_D2_v2</RoleSize>
    </Role>"""


def hosted_service(name: str, vms: str, network: str = "", comment: str = "") -> str:
    """A REST hosted service body of one deployment of `vms`, in `network` when one is named."""
    in_network = f"<VirtualNetworkName>{network}</VirtualNetworkName>" if network else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
{comment}<HostedService xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <ServiceName>{name}</ServiceName>
  <HostedServiceProperties><Location>West Europe</Location></HostedServiceProperties>
  <Deployments><Deployment>
  <Name>{name}</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>{vms}
  </RoleList>
  {in_network}
  </Deployment></Deployments>
</HostedService>
"""


NETWORK_APP = """<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.190.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="App"><AddressPrefix>10.190.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def pricing(tier: str = "Standard") -> str:
    return graph(
        {
            "id": f"/subscriptions/{SUBSCRIPTION}/providers/Microsoft.Security/pricings/VirtualMachines",
            "name": "VirtualMachines",
            "type": "microsoft.security/pricings",
            "subscriptionId": SUBSCRIPTION,
            "properties": {"pricingTier": tier},
        }
    )


def monitored_estate(tier: str) -> dict[str, str]:
    """VMs with Defender's monitoring extension in a network and outside any, and a Defender plan for VMs."""
    vms = "".join(rest_vm(f"dp{n}", DEFENDER_MONITORING) for n in range(3))
    return {
        "network/NetworkConfig.netcfg": NETWORK_APP,
        "rest/dp.hostedservice.xml": hosted_service("dpsvc", vms, network="app-vnet"),
        "rest/dq.hostedservice.xml": hosted_service("dqsvc", rest_vm("dq1", DEFENDER_MONITORING, subnet="")),
        "inventory/defender.json": pricing(tier),
    }


def mig207_notes(plan: Plan) -> list[str]:
    return [note for step in plan.steps for note in step.notes if note.startswith("MIG207")]


def test_a_defender_plan_on_standard_says_the_advice_once_and_the_steps_name_their_vms(tmp_path, monkeypatch):
    write(tmp_path, monitored_estate("Standard"))
    plan = plan_of(tmp_path, monkeypatch)
    (subscription,) = plan.subscriptions
    (plan_note,) = [n for n in subscription.other_notes if n.finding.code == "MIG207"]
    assert plan_note.before_steps
    network, service = mig207_notes(plan)
    # Which VMs have the extension, and where the advice is: not the advice again.
    assert "VMs 'dp0', 'dp1', 'dp2' have" in network and "'dq1'" in service
    for note in (network, service):
        assert "the note on the Defender plan before the first step" in note
        assert "Disable Defender for Cloud's policy" not in note and "enable it again" not in note

    # On the Free tier, no note before the first step says it: each step gives the advice itself.
    write(tmp_path / "free", monitored_estate("Free"))
    notes = mig207_notes(plan_of(tmp_path / "free", monkeypatch))
    assert len(notes) == 2 and all("Disable Defender for Cloud's policy" in note for note in notes)
    assert not any("before the first step" in note for note in notes)


TRANSIT_NETWORKS = """<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="onprem"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.1</VPNGatewayAddress></LocalNetworkSite>
      <LocalNetworkSite name="spoke-site"><AddressSpace><AddressPrefix>10.61.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.2</VPNGatewayAddress></LocalNetworkSite>
      <LocalNetworkSite name="hub-plus-onprem"><AddressSpace><AddressPrefix>10.60.0.0/16</AddressPrefix>
        <AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.3</VPNGatewayAddress></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.60.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="App"><AddressPrefix>10.60.1.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.60.255.0/27</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="onprem"><Connection type="IPsec"/></LocalNetworkSiteRef>
          <LocalNetworkSiteRef name="spoke-site"><Connection type="IPsec"/></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.61.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="App"><AddressPrefix>10.61.1.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.61.255.0/27</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="hub-plus-onprem"><Connection type="IPsec"/></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def test_the_transit_loss_is_said_once_in_full(tmp_path, monkeypatch):
    write(tmp_path, {"network/NetworkConfig.netcfg": TRANSIT_NETWORKS})
    spoke = next(step for step in plan_of(tmp_path, monkeypatch).steps if step.name == "spoke")
    (note,) = [n for n in spoke.notes if n.startswith("MIG305")]
    assert "enable BGP" in note  # the finding, with its advice
    said = [*spoke.becomes, spoke.downtime, *spoke.notes]
    assert sum("BGP" in text for text in said) == 1
    assert (
        sum(
            "loses on-premises connectivity" in text or "with them this network's route" in text
            for text in said
        )
        == 1
    )
    assert "see the MIG305 note" in spoke.downtime

    # Without the note (the rule left out), the downtime says it all.
    plan = build_plan(lint(["."], Config(ignore=("MIG305",)), RULES))
    spoke = next(step for step in plan.steps if step.name == "spoke")
    assert not any(n.startswith("MIG305") for n in spoke.notes)
    assert "BGP" in spoke.downtime and "see the MIG305 note" not in spoke.downtime


def test_a_folded_note_names_the_files_of_the_other_findings(tmp_path, monkeypatch, capsys):
    write(tmp_path, scripts(6, ("Get-AzureVM",)))
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    (note,) = subscription.other_notes
    assert note.finding.location.path == "scripts/s000.ps1" and note.more == 5
    assert note.files == ("scripts/s001.ps1", "scripts/s002.ps1", "scripts/s003.ps1")
    assert note.more_files == 2
    out = text_plan(capsys)
    assert (
        "(and 5 more like it, in scripts/s001.ps1, scripts/s002.ps1, scripts/s003.ps1 and 2 more files)"
        in out
    )
    data = json.loads(text_plan(capsys, "--format", "json"))
    (note_data,) = data["subscriptions"][0]["other_notes"]
    assert (note_data["files"], note_data["more_files"]) == (list(note.files), 2)


def test_a_folded_note_with_others_in_the_first_file_too_names_it(tmp_path, monkeypatch):
    write(
        tmp_path,
        {
            "a.ps1": "Get-AzureVM -ServiceName 'x'\n\n\n\nGet-AzureVM -ServiceName 'y'\n",
            "b.ps1": "Get-AzureVM -ServiceName 'z'\n",
        },
    )
    (subscription,) = plan_of(tmp_path, monkeypatch).subscriptions
    notes = [n for n in subscription.other_notes if n.finding.code == "MIG601"]
    assert [(n.more, n.files, n.more_files) for n in notes] == [(1, ("b.ps1",), 0)]


def test_notes_about_migchecks_own_comments_are_not_in_the_plan(tmp_path, monkeypatch):
    comment = "<!-- migcheck: ignore[MIG999] typo -->\n<!-- migcheck: ignore[MIG201] stale -->\n"
    write(
        tmp_path,
        {
            "network/NetworkConfig.netcfg": NETWORK_APP,
            "rest/sp.hostedservice.xml": hosted_service("spsvc", rest_vm("sp1"), "app-vnet", comment),
        },
    )
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(), RULES)
    assert {"MIG005", "MIG006"} <= {f.code for f in result.findings}  # `check` reports them
    plan = build_plan(result)
    (subscription,) = plan.subscriptions
    assert not [n for n in subscription.other_notes if n.finding.code in ("MIG005", "MIG006")]
    assert not any("MIG005" in n or "MIG006" in n for step in plan.steps for n in step.notes)
    text = render_plan(plan, "text")
    assert "MIG005" not in text and "MIG006" not in text


def test_migchecks_own_comments_are_left_out_but_an_export_cut_short_is_kept(tmp_path, monkeypatch):
    """A file problem that hides resources matters to the plan: an export without properties."""
    bare = {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/a/providers/Microsoft.ClassicCompute/virtualMachines/v",
        "name": "v",
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": None,
    }
    write(
        tmp_path,
        {"inventory/list.json": graph(bare), "m.ps1": "# migcheck: ignore[MIG999] typo\nGet-AzureVM\n"},
    )
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(), RULES)
    found = {(f.code, f.severity) for f in result.findings}
    assert {("MIG001", Severity.WARNING), ("MIG005", Severity.WARNING)} <= found
    codes = [n.finding.code for s in build_plan(result).subscriptions for n in s.other_notes]
    assert "MIG001" in codes and "MIG005" not in codes


CONFLICT_EXPORT = """<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets><ConfigurationSet xsi:type="NetworkConfigurationSet"><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
    <InputEndpoints /><SubnetNames><string>App</string></SubnetNames><PublicIPs /><NetworkInterfaces /></ConfigurationSet></ConfigurationSets>
  <DataVirtualHardDisks />
  <OSVirtualHardDisk><HostCaching>ReadWrite</HostCaching><DiskName>cf1-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>
  <RoleName>cf1</RoleName><RoleSize>Standard_D4</RoleSize><RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


def test_a_step_note_that_says_here_names_its_position(tmp_path, monkeypatch):
    write(
        tmp_path,
        {
            "network/NetworkConfig.netcfg": NETWORK_APP,
            "rest/cf.hostedservice.xml": hosted_service("cfsvc", rest_vm("cf1"), "app-vnet"),
            "export/cfsvc/cf1.xml": CONFLICT_EXPORT,
        },
    )
    plan = plan_of(tmp_path, monkeypatch)
    (note,) = [n for step in plan.steps for n in step.notes if n.startswith("MIG004")]
    assert "described differently here than at rest/cf.hostedservice.xml:" in note
    assert note.startswith("MIG004 (warning) at export/cfsvc/cf1.xml:")


def test_site_recovery_is_said_on_the_storage_account_step_of_the_vms_disks(tmp_path, monkeypatch):
    write(
        tmp_path,
        {
            "network/NetworkConfig.netcfg": NETWORK_APP,
            "rest/st.hostedservice.xml": hosted_service(
                "stsvc", rest_vm("st1", SITE_RECOVERY) + rest_vm("st2"), "app-vnet"
            ),
        },
    )
    steps = {step.id: step for step in plan_of(tmp_path, monkeypatch).steps}
    assert not any("MIG209" in n for n in steps["network:app-vnet"].notes)
    (note,) = [n for n in steps["storage:stdacct"].notes if n.startswith("MIG209")]
    assert note.count("disable") + note.count("Disable") == 1  # the advice once


def test_site_recovery_without_a_storage_step_stays_on_the_vms_step(tmp_path, monkeypatch):
    vm = rest_vm("st1", SITE_RECOVERY).replace(
        "<MediaLink>https://stdacct.blob.core.windows.net/vhds/st1-os.vhd</MediaLink>", ""
    )
    write(
        tmp_path,
        {
            "network/NetworkConfig.netcfg": NETWORK_APP,
            "rest/st.hostedservice.xml": hosted_service("stsvc", vm, "app-vnet"),
        },
    )
    steps = {step.id: step for step in plan_of(tmp_path, monkeypatch).steps}
    assert "storage:stdacct" not in steps
    (note,) = [n for n in steps["network:app-vnet"].notes if n.startswith("MIG209")]
    assert note.count("disable") + note.count("Disable") == 1
