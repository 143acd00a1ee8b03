"""MIG207's Defender plans judged against the classic VMs of their own subscription, whichever subscriptions
the plans' export covers; MIG501's advice for a classic-only role on a resource group, which the migration
empties into groups of its own making; MIG501 to MIG503 on what the migration drops, recorded before the first
step and recreated after (or, for a web/worker role, wherever the roles are rebuilt)."""

from __future__ import annotations

import json
from pathlib import Path

from lint_support import lint_files as _lint
from lint_support import where as _where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
PROD = "11111111-2222-3333-4444-555555555555"
DEV = "99999999-2222-3333-4444-555555555555"
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"


def _page(*rows: dict) -> str:
    """An `az graph query` page, one row per line so that each row's line is its index + 2 (column 3)."""
    body = ",\n".join("  " + json.dumps(row) for row in rows)
    return f'{{"count": {len(rows)}, "data": [\n{body}\n], "skip_token": null}}\n'


def _pricing(subscription: str, tier: str) -> dict:
    return {
        "id": f"/subscriptions/{subscription}/providers/Microsoft.Security/pricings/VirtualMachines",
        "name": "VirtualMachines",
        "type": "microsoft.security/pricings",
        "subscriptionId": subscription,
        "properties": {"pricingTier": tier},
    }


def _classic_vm(name: str, service: str, subscription: str) -> dict:
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/{service}/providers/Microsoft.ClassicCompute/"
        f"virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": subscription,
        "properties": {"domainName": {"name": service}, "hardwareProfile": {"deploymentName": service}},
    }


def _hosted_service(service: str, *vms: str) -> str:
    """A REST hosted service of VMs outside any network: no subscription is written in it."""
    roles = "".join(
        f"<Role><RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType></Role>" for vm in vms
    )
    return f"""
        <HostedService xmlns="http://schemas.microsoft.com/windowsazure">
          <ServiceName>{service}</ServiceName>
          <Deployments><Deployment><Name>{service}</Name><RoleList>{roles}</RoleList></Deployment></Deployments>
        </HostedService>
        """


# --- MIG207: each plan against the classic VMs of its own subscription -----------------------------------


def test_plans_of_two_subscriptions_name_the_files_vms_whose_subscription_is_not_known(tmp_path, monkeypatch):
    """The export covers two subscriptions and no file tells which one the files' VM is in: the plan on
    Standard is reported, saying so, and the Free one is not."""
    files = {
        "inventory/defender.json": _page(_pricing(PROD, "Standard"), _pricing(DEV, "Free")),
        "rest/m.hostedservice.xml": _hosted_service("msvc", "m1"),
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG207")
    assert _where(result.findings) == ["MIG207 inventory/defender.json:2:3"]
    (finding,) = result.findings
    assert finding.message.startswith(
        f"Defender for Cloud plan 'VirtualMachines' is on the Standard tier in subscription {PROD}: "
    )
    assert "the files checked hold 1 classic VM ('m1') whose subscription no file states" in finding.message
    assert f"the Defender plans checked are of subscriptions {PROD}, {DEV}: if they are in this one" in (
        finding.message
    )
    assert finding.fix.startswith("Tell which subscription the classic VMs are in")
    assert f"If they are in subscription {PROD}: Before migrating, set the plan to Free" in finding.fix


def test_a_plan_of_the_only_subscription_still_takes_the_files_vms(tmp_path, monkeypatch):
    files = {
        "inventory/defender.json": _page(_pricing(PROD, "Standard")),
        "rest/m.hostedservice.xml": _hosted_service("msvc", "m1"),
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG207")
    assert _where(result.findings) == ["MIG207 inventory/defender.json:2:3"]
    assert "(1 classic VM among the files checked: 'm1')" in result.findings[0].message


def test_a_cloud_service_an_export_places_is_of_that_subscription(tmp_path, monkeypatch):
    """Both plans are on Standard; the export of classic VMs places cloud service 'msvc' in DEV (cloud
    service names are unique in Azure), so its VM m2, which only the files describe, is DEV's too: only
    DEV's plan is reported, naming both."""
    files = {
        "inventory/defender.json": _page(_pricing(PROD, "Standard"), _pricing(DEV, "Standard")),
        "inventory/classic.json": _page(_classic_vm("m1", "msvc", DEV), _classic_vm("x1", "other", PROD)),
        "rest/m.hostedservice.xml": _hosted_service("msvc", "m1", "m2"),
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG207")
    assert _where(result.findings) == [
        "MIG207 inventory/defender.json:2:3",
        "MIG207 inventory/defender.json:3:3",
    ]
    prod, dev = (f.message for f in result.findings)
    assert f"in subscription {PROD}" in prod and "(1 classic VM among the files checked: 'x1')" in prod
    assert f"in subscription {DEV}" in dev and "(2 classic VMs among the files checked: 'm1', 'm2')" in dev


# --- MIG501: a classic-only role on a resource group -----------------------------------------------------


def _assignment(n: int, scope: str) -> dict:
    return {
        "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/rsub{n}",
        "name": f"rsub{n}",
        "type": "microsoft.authorization/roleassignments",
        "subscriptionId": PROD,
        "properties": {
            "scope": scope,
            "roleDefinitionId": f"/providers/Microsoft.Authorization/roleDefinitions/{CLASSIC_VM_CONTRIBUTOR}",
            "principalId": f"aaaaaaaa-0000-0000-0000-00000000000{n}",
            "principalType": "User",
        },
    }


def test_a_classic_role_on_a_resource_group_names_the_groups_the_migration_creates(tmp_path, monkeypatch):
    group = f"/subscriptions/{PROD}/resourceGroups/rs"
    files = {
        "inventory/rbac.json": _page(_assignment(1, f"/subscriptions/{PROD}"), _assignment(2, group)),
        "rest/r.hostedservice.xml": _hosted_service("rs", "r1"),
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG501")
    assert _where(result.findings) == [  # the classic roles
        "MIG501 inventory/rbac.json:2:346",
        "MIG501 inventory/rbac.json:3:382",
    ]
    subscription, on_group = result.findings
    # A subscription keeps its scope, as before: the role to assign is the help's to say.
    assert subscription.message.endswith("lets the principal manage none of the migrated resources")
    assert subscription.fix.startswith(
        "Assign User aaaaaaaa-0000-0000-0000-000000000001 the role 'Virtual Machine Contributor' on subscription"
    )
    assert on_group.message.endswith(
        "and the migration moves cloud service 'rs' out of the group, into resource group 'rs-Migrated', which "
        "it creates for it"
    )
    assert on_group.fix.startswith(
        "Assign User aaaaaaaa-0000-0000-0000-000000000002 the role 'Virtual Machine Contributor' on resource "
        "group 'rs-Migrated' (the migrated cloud service 'rs') once Prepare has created it (`New-AzRoleAssignment "
        "-ObjectId aaaaaaaa-0000-0000-0000-000000000002 -RoleDefinitionName 'Virtual Machine Contributor' "
        f"-Scope {group}-Migrated` or `az role assignment create --assignee aaaaaaaa-0000-0000-0000-000000000002 "
        f"--role 'Virtual Machine Contributor' --scope {group}-Migrated`), or on subscription {PROD}"
    )
    assert "before migrating" not in on_group.fix.lower()  # the group exists only once Prepare has run


def test_a_classic_role_on_a_resource_group_of_unknown_contents_says_where_migrated_resources_land(
    tmp_path, monkeypatch
):
    files = {
        "inventory/rbac.json": _page(_assignment(2, f"/subscriptions/{PROD}/resourceGroups/legacy")),
        "rest/r.hostedservice.xml": _hosted_service("rs", "r1"),
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG501")
    assert _where(result.findings) == ["MIG501 inventory/rbac.json:2:390"]  # the classic role
    (finding,) = result.findings
    assert "the migration moves the group's classic resources into new resource groups" in finding.message
    assert "(`<cloud service>-Migrated`, `<network>-Migrated`)" in finding.message
    assert f"--scope /subscriptions/{PROD}/resourceGroups/<name>-Migrated`), or on subscription {PROD}" in (
        finding.fix
    )


# --- MIG501 to MIG503: recorded before the first step --------------------------------------------------


def test_what_the_migration_drops_is_recorded_before_migrating(tmp_path, monkeypatch):
    vm = f"/subscriptions/{PROD}/resourceGroups/app/providers/Microsoft.ClassicCompute/virtualMachines/app01"
    alert = {
        "id": f"/subscriptions/{PROD}/resourceGroups/mon/providers/microsoft.insights/metricalerts/cpu",
        "name": "cpu",
        "type": "microsoft.insights/metricalerts",
        "properties": {"scopes": [vm], "enabled": True},
    }
    scale = {
        "id": f"/subscriptions/{PROD}/resourceGroups/mon/providers/microsoft.insights/autoscalesettings/s1",
        "name": "s1",
        "type": "microsoft.insights/autoscalesettings",
        "properties": {"targetResourceUri": vm.replace("virtualMachines/app01", "domainNames/app")},
    }
    files = {
        "inventory/dependents.json": _page(alert, scale),
        "inventory/rbac.json": _page(_assignment(3, vm)),
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG501", "MIG502", "MIG503")
    assert _where(result.findings) == [
        "MIG502 inventory/dependents.json:2:214",  # the classic ids they are about
        "MIG503 inventory/dependents.json:3:232",
        "MIG501 inventory/rbac.json:2:347",
    ]
    alert_fix, scale_fix, role_fix = (f.fix for f in result.findings)
    assert alert_fix.startswith(
        "Before migrating, record metric alert 'cpu' with its metric, threshold, window and actions (`az "
        "monitor metrics alert show -n 'cpu' -g 'mon'` or `Get-AzMetricAlertRuleV2 -Name 'cpu' "
        "-ResourceGroupName 'mon'`, or keep this file, which states it); then recreate it as a metric alert "
        "on the migrated resource after migration"
    )
    assert scale_fix.startswith(
        "Before migrating, record autoscale setting 's1' with its profiles and rules (`az monitor autoscale "
        "show -n 's1' -g 'mon'` or `Get-AzAutoscaleSetting -Name 's1' -ResourceGroupName 'mon'`, or keep "
        "this file, which states it); then "
        "recreate the scaling on the migrated resource after migration."
    )
    assert role_fix.startswith(
        f"Before migrating, record this assignment (`Get-AzRoleAssignment -Scope {vm}` or `az role "
        f"assignment list --scope {vm}`, or keep this file, which states it); after migration, assign User "
        "aaaaaaaa-0000-0000-0000-000000000003 the role 'Virtual Machine Contributor' on "
        f"/subscriptions/{PROD}/resourceGroups/app-Migrated/providers/Microsoft.Compute/virtualMachines/app01"
    )
    for finding in result.findings[:2]:
        assert finding.message.endswith("the migration drops it")


def test_the_examples_plan_records_them_before_the_first_step(monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    (subscription, *_) = build_plan(lint(["examples/contoso"], Config(), RULES)).subscriptions
    before = [n.finding.code for n in subscription.other_notes if n.before_steps]
    after = [n.finding.code for n in subscription.other_notes if not n.before_steps]
    # The classic role on a storage account stays with the account: it is replaced after migrating.
    assert before == ["MIG502", "MIG503", "MIG501"] and after == ["MIG501", "MIG602"]


def test_an_autoscale_setting_of_a_web_role_is_recreated_where_the_roles_are_rebuilt(tmp_path, monkeypatch):
    role = (
        f"/subscriptions/{PROD}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/"
        "Production/roles/Front"
    )
    scale = {
        "id": f"/subscriptions/{PROD}/resourceGroups/shop/providers/microsoft.insights/autoscalesettings/as",
        "name": "as-front",
        "type": "microsoft.insights/autoscalesettings",
        "properties": {"targetResourceUri": role},
    }
    files = {
        "paas/ServiceDefinition.csdef": """
            <ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
              <WebRole name="Front" vmsize="Small"/>
            </ServiceDefinition>
            """,
        "inventory/dependents.json": _page(scale),
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG503")
    assert _where(result.findings) == ["MIG503 inventory/dependents.json:2:239"]
    (finding,) = result.findings
    assert finding.message == (
        "autoscale setting 'as-front' scales classic role 'Front' of cloud service 'shop': the migration drops "
        "it"
    )
    assert "on the migrated resource" not in finding.fix
    assert finding.fix.endswith(
        "then recreate the scaling for the roles' new home once they are rebuilt (web/worker roles are not "
        "migrated, MIG101)."
    )
