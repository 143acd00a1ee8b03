"""What MIG501 and MIG503 tell about role assignments and autoscale settings on classic resources: roles by
name, web/worker roles as never migrated, and settings that only read a classic resource's metrics."""

from __future__ import annotations

import json

from lint_support import lint_files

SUB = "aaaaaaaa-0000-0000-0000-00000000000a"
CLASSIC = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"
ROLE_OF_SERVICE = (
    f"/subscriptions/{SUB}/resourceGroups/contoso-web/providers/Microsoft.ClassicCompute/domainNames/contoso-web"
    "/slots/Production/roles/WebFront"
)


def _assignment(scope: str, definition: str) -> dict:
    return {
        "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-4000-8000-000000000001",
        "name": "00000000-0000-4000-8000-000000000001",
        "type": "microsoft.authorization/roleassignments",
        "subscriptionId": SUB,
        "properties": {
            "scope": scope,
            "roleDefinitionId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/{definition}",
            "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "principalType": "ServicePrincipal",
        },
    }


def _mig501(tmp_path, monkeypatch, *rows: dict):
    files = {"rbac.json": json.dumps({"count": len(rows), "data": list(rows)})}
    return lint_files(tmp_path, monkeypatch, files, "MIG501").findings


def test_built_in_roles_assigned_on_classic_resources_are_named(tmp_path, monkeypatch):
    [finding] = _mig501(tmp_path, monkeypatch, _assignment(CLASSIC, "4d97b98b-1d4f-4787-a291-c67834d212e7"))
    assert finding.message.startswith("role 'Network Contributor' is assigned to ServicePrincipal")
    assert (
        "assign ServicePrincipal 7c9e6679-7425-40de-944b-e07fc1f90ae7 the role 'Network Contributor' on "
        in (finding.fix)
    )


def test_a_role_no_name_is_known_for_is_said_by_its_definition_id(tmp_path, monkeypatch):
    custom = "0b9a8c7d-0000-4000-8000-00000000abcd"
    [finding] = _mig501(tmp_path, monkeypatch, _assignment(CLASSIC, custom))
    assert finding.message.startswith(f"the role of definition id '{custom}' is assigned to")
    assert f"the role of definition id '{custom}' on /subscriptions/" in finding.fix


CSDEF = """\
<ServiceDefinition name="contoso-web" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebFront" vmsize="Small" />
</ServiceDefinition>
"""
CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c"


def test_an_assignment_on_a_web_or_worker_role_is_told_the_role_is_not_migrated(tmp_path, monkeypatch):
    rows = json.dumps({"count": 1, "data": [_assignment(ROLE_OF_SERVICE, CONTRIBUTOR)]})
    files = {"rbac.json": rows, "contoso-web/ServiceDefinition.csdef": CSDEF}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG501").findings
    assert finding.message.endswith(
        "on classic role 'WebFront' of cloud service 'contoso-web', which the migration does not move "
        "(web/worker roles are not migrated, MIG101)"
    )
    assert "migrated resource" not in finding.fix and "rebuilt on its new service" in finding.fix


def test_a_role_id_the_files_do_not_show_to_be_a_web_or_worker_role_is_not_said_to_stay(
    tmp_path, monkeypatch
):
    """A VM's id has the same shape (`.../roles/<name>`), and the VM migrates: nothing tells here."""
    [finding] = _mig501(tmp_path, monkeypatch, _assignment(ROLE_OF_SERVICE, CONTRIBUTOR))
    assert finding.message.endswith("its Resource Manager id is known only after migration")
    assert "not migrated" not in finding.message


def _autoscale(target: str, metric: str) -> dict:
    rule = {"metricTrigger": {"metricName": "ApproximateMessageCount", "metricResourceUri": metric}}
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/mon/providers/microsoft.insights/autoscalesettings/queue-scale",
        "name": "queue-scale",
        "type": "microsoft.insights/autoscalesettings",
        "subscriptionId": SUB,
        "properties": {
            "enabled": True,
            "targetResourceUri": target,
            "profiles": [{"name": "default", "rules": [rule]}],
        },
    }


QUEUE = (
    f"/subscriptions/{SUB}/resourceGroups/Default-Storage-WestEurope/providers/Microsoft.ClassicStorage"
    "/storageAccounts/contosoq/services/queue/queues/orders"
)
SCALE_SET = (
    f"/subscriptions/{SUB}/resourceGroups/app/providers/Microsoft.Compute/virtualMachineScaleSets/workers"
)


def test_a_setting_that_only_reads_classic_metrics_is_kept_and_repointed(tmp_path, monkeypatch):
    files = {"monitor.json": json.dumps([_autoscale(SCALE_SET, QUEUE)])}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG503").findings
    assert "reads the metrics of classic storage account 'contosoq': the setting stays" in finding.message
    assert "drops" not in finding.message and "recreate" not in finding.fix
    assert finding.fix.endswith("change their metric source to the migrated resource's id.")


def test_a_setting_that_scales_a_classic_role_is_still_dropped(tmp_path, monkeypatch):
    files = {"monitor.json": json.dumps([_autoscale(ROLE_OF_SERVICE, QUEUE)])}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG503").findings
    assert "the migration drops it" in finding.message
