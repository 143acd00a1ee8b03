"""The advice is true today: it says what the retirements already did (classic VMs stopped and deallocated,
legacy gateway SKUs and Basic SKU public IPs gone, Application Gateway v1, classic alerts, classic managed
domains), advises nothing that can no longer be done, and writes every date one way, from one place."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lint_support import RULES, lint_files

from migcheck import retirements
from migcheck.coverage import COVERAGE
from migcheck.plan import RETIREMENTS
from migcheck.report.readiness_text import readiness_summary

ROOT = Path(__file__).resolve().parents[1]
RULE = {rule.code: rule for rule in RULES}
SUB = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"

ENDPOINT = (
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<InputEndpoints><InputEndpoint><Name>RDP</Name><Port>3389</Port></InputEndpoint></InputEndpoints>"
    "</ConfigurationSet></ConfigurationSets>"
)


def _jump(*states: str) -> str:
    """A deployment of VMs in no virtual network, each with an input endpoint, in the states given."""
    roles = "".join(
        f"<Role><RoleName>jump0{n}</RoleName><RoleType>PersistentVMRole</RoleType>{ENDPOINT}</Role>"
        for n in range(len(states))
    )
    instances = "".join(
        f"<RoleInstance><RoleName>jump0{n}</RoleName><InstanceName>jump0{n}</InstanceName>"
        f"<InstanceStatus>{state}</InstanceStatus></RoleInstance>"
        for n, state in enumerate(states)
    )
    return (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">'
        "<ServiceName>jump</ServiceName><Deployments><Deployment><Name>jump</Name>"
        f"<RoleList>{roles}</RoleList><RoleInstanceList>{instances}</RoleInstanceList>"
        "</Deployment></Deployments></HostedService>\n"
    )


# --- classic VMs were stopped and deallocated at their retirement ---------------------------------------


def test_the_plan_says_the_vms_left_behind_were_deallocated():
    said = RETIREMENTS[0]
    assert "stopped and deallocated" in said and retirements.CLASSIC_VMS in said
    assert "unsupported" not in said and "Validate" in said


def test_a_deployment_whose_vms_are_all_deallocated_has_no_vip_left_to_reserve(tmp_path, monkeypatch):
    files = {"jump.xml": _jump("StoppedDeallocated", "StoppedDeallocated")}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).findings
    assert (
        "moves 'jump00', 'jump01', stopped (deallocated), into one and their internal IP" in finding.message
    )
    assert finding.message.endswith(
        "its VMs are all deallocated, so its VIP, not reserved, is released already"
    )
    assert "New-AzureReservedIP" not in finding.fix and "cannot be reserved any more" in finding.fix


def test_the_plan_step_of_deallocated_vms_neither_restarts_them_nor_reserves_their_vip(plan_of):
    plan = plan_of({"jump.xml": _jump("StoppedDeallocated")})
    [step] = [s for s in plan.steps if s.id.startswith("service:")]
    assert step.downtime.startswith("The VMs are stopped (deallocated) already and move so")
    assert "reserve it before Prepare" not in step.downtime and "released already" in step.downtime


def test_a_running_vm_still_gets_the_advice_to_reserve_the_vip_while_it_runs(tmp_path, monkeypatch, plan_of):
    files = {"jump.xml": _jump("ReadyRole", "StoppedDeallocated")}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).findings
    assert "stops, deallocates and restarts" in finding.message
    assert finding.message.endswith("its VIP is not reserved and will change")
    assert "still runs, reserve the VIP first" in finding.fix
    [step] = [s for s in plan_of(files).steps if s.id.startswith("service:")]
    assert "reserve it before Prepare while a VM of the deployment still runs" in step.downtime
    assert step.downtime.startswith(
        "'jump00' is stopped, deallocated and started again during Prepare; 'jump01', stopped (deallocated) "
        "already, moves so"
    )


def test_a_network_step_does_not_promise_that_every_vm_keeps_running(monkeypatch):
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plan import build_plan

    monkeypatch.chdir(ROOT)
    plan = build_plan(lint(["examples/ready"], Config(), RULES))
    network = next(s for s in plan.steps if s.id == "network:northwind-app-vnet")
    assert "they keep running" not in network.downtime
    assert "deallocated ones move deallocated" in network.downtime


# --- what a migrated gateway arrives as ----------------------------------------------------------------


def test_the_plan_says_a_migrated_vpn_gateway_keeps_a_retired_sku_and_basic_ip(monkeypatch):
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plan import build_plan

    monkeypatch.chdir(ROOT)
    plan = build_plan(lint(["examples/ready"], Config(), RULES))
    network = next(s for s in plan.steps if s.id == "network:northwind-app-vnet")
    assert any("the address as a Basic SKU public IP" in b for b in network.becomes)
    assert "move the gateway to VpnGw1AZ or higher with a Standard SKU public IP" in network.downtime


def test_gateway_advice_names_the_sku_that_is_not_retired():
    for code in ("MIG301", "MIG305"):
        rule = RULE[code]
        assert "VpnGw1AZ or higher" in rule.fix_hint and "VpnGw1AZ or higher" in rule.docs.fix
        assert "Standard SKU or higher" not in rule.fix_hint + rule.docs.fix
    assert retirements.NON_ZONAL_GATEWAY_SKUS in RULE["MIG301"].docs.fix


def test_a_disconnected_connection_can_be_dropped_and_made_again_in_resource_manager():
    rule = RULE["MIG307"]
    assert "connect it again in Resource Manager after Commit" in rule.fix_hint
    assert "the classic gateway will not connect any more" in rule.docs.fix


# --- disks ---------------------------------------------------------------------------------------------


def test_an_os_disk_is_not_fixed_by_recreating_a_classic_vm():
    rule = RULE["MIG401"]
    assert "recreate the VM" not in rule.fix_hint + rule.docs.fix
    assert "build a Resource Manager VM from the copy" in rule.fix_hint
    assert "delete the VM keeping its disks" in rule.docs.fix
    assert "`SourceMediaLink`" in rule.docs.what


def test_an_update_disk_body_is_not_among_the_disks_attached_to_none():
    assert "not an Update Disk request" in RULE["MIG402"].docs.what


# --- services past their retirement --------------------------------------------------------------------


def test_a_classic_application_gateway_is_said_to_be_retired():
    rule = RULE["MIG312"]
    assert retirements.APPLICATION_GATEWAY_V1 in rule.summary
    assert rule.fix_hint.startswith("Build its replacement first")
    assert "plan the window" not in rule.docs.fix


def test_a_classic_managed_domain_is_a_stale_record_not_a_migration_to_run():
    rule = RULE["MIG317"]
    assert "Migrate-Aadds" not in rule.docs.fix and "own migration" not in rule.fix_hint
    assert "stale" in rule.consequence and "cannot be migrated" not in rule.docs.why


def _alert_rules() -> str:
    vm = f"/subscriptions/{SUB}/resourceGroups/jump/providers/Microsoft.ClassicCompute/virtualMachines/jump01"
    condition = {
        "odata.type": "Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition",
        "dataSource": {"resourceUri": vm, "metricName": "Percentage CPU"},
    }
    rule = {
        "id": f"/subscriptions/{SUB}/resourceGroups/jump/providers/microsoft.insights/alertrules/cpu",
        "name": "cpu",
        "type": "Microsoft.Insights/alertRules",
        "properties": {"name": "cpu", "isEnabled": True, "condition": condition},
    }
    return json.dumps({"value": [rule]})


def test_a_classic_alert_rule_is_said_to_fire_no_more(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"alertrules.json": _alert_rules()}, "MIG502").findings
    assert (
        "classic alerts are retired (in the public cloud, after limited use, on 2021-05-31; in Azure Government and Azure operated by 21Vianet on 2024-02-29)"
        in finding.message
    )
    assert "the migration drops it" not in finding.message
    assert "without anyone being told" not in RULE["MIG502"].docs.why.split("A classic alert rule")[1]


def _assignment(role: str, scope: str) -> dict:
    return {
        "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/1",
        "name": "1",
        "type": "microsoft.authorization/roleassignments",
        "subscriptionId": SUB,
        "properties": {
            "scope": scope,
            "roleDefinitionId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/{role}",
            "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "principalType": "Group",
        },
    }


STORAGE = (
    f"/subscriptions/{SUB}/resourceGroups/st/providers/Microsoft.ClassicStorage/storageAccounts/contosost"
)
READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
CLASSIC_STORAGE_CONTRIBUTOR = "86e8f5dc-a6e9-4c67-9d15-de283e8eac25"


@pytest.mark.parametrize(
    ("role", "reported"), [(READER, False), (CLASSIC_STORAGE_CONTRIBUTOR, True)], ids=["reader", "classic"]
)
def test_an_assignment_on_a_classic_storage_account_is_kept_by_its_migration(
    tmp_path, monkeypatch, role, reported
):
    files = {"rbac.json": json.dumps([_assignment(role, STORAGE)])}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG501").findings
    assert bool(findings) is reported
    if reported:
        assert "the account's migration keeps the assignment" in findings[0].message
        assert findings[0].fix.startswith("After migration, assign")


# --- what the summary and the README say ---------------------------------------------------------------


def test_the_readiness_summary_says_which_scopes_are_past_retirement(monkeypatch):
    from migcheck.config import Config
    from migcheck.engine import lint

    monkeypatch.chdir(ROOT)
    summary = readiness_summary(lint(["examples/contoso"], Config(), RULES))
    storage = summary.split("  Storage accounts\n")[1].splitlines()[0]
    assert "retired on 2024-08-31" in storage and "since 2024-11-01" in storage


def test_the_readiness_summary_dates_the_end_of_cloud_services_classic(tmp_path, monkeypatch):
    csdef = '<ServiceDefinition name="shop"><WorkerRole name="Jobs" vmsize="Small"/></ServiceDefinition>\n'
    result = lint_files(tmp_path, monkeypatch, {"shop/ServiceDefinition.csdef": csdef})
    summary = readiness_summary(result)
    heading = summary.split("  Cloud services with web/worker roles\n")[1].splitlines()[0]
    assert "Cloud Services (classic), retired on 2024-08-31" in heading


def test_the_readme_states_what_the_retirements_did():
    intro = (ROOT / "README.md").read_text(encoding="utf-8").split("<!-- toc -->")[0]
    assert "2023-09-06" in intro and "stopped and deallocated" in intro
    assert "Basic SKU public IPs" in intro and "2025-09-30" in intro
    assert "Cloud Services (extended support)" in intro and "2027-03-31" in intro


# --- dates ---------------------------------------------------------------------------------------------

_SPELLED_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
)


def _rule_texts() -> list[str]:
    texts = []
    for rule in RULES:
        texts += [rule.summary, rule.fix_hint, rule.docs.what, rule.docs.why, rule.docs.fix]
    return texts


def test_every_date_the_advice_gives_is_written_the_iso_way():
    texts = [*_rule_texts(), *RETIREMENTS, *(c.note for c in COVERAGE)]
    assert not [t for t in texts if _SPELLED_DATE.search(t)]


def test_the_retirement_dates_are_written_once():
    dates = {
        v for k, v in vars(retirements).items() if k.isupper() and re.fullmatch(r"\d{4}-\d\d-\d\d", str(v))
    }
    sources = [
        ROOT / "linter/migcheck" / name
        for name in (
            "plan.py",
            "coverage.py",
            "report/text.py",
            "report/readiness_text.py",
            "report/readiness.py",
            "rules/cloud_services.py",
            "rules/inventory.py",
            "rules/networking.py",
            "rules/storage.py",
            "rules/virtual_machines.py",
        )
    ]
    written = {path.name: [d for d in dates if d in path.read_text(encoding="utf-8")] for path in sources}
    assert written == {path.name: [] for path in sources}
