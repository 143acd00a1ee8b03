"""MIG501, MIG502 and MIG503 ask for a role assignment, an alert or an autoscale setting on a classic resource to be
recorded before it migrates. The finding may come from a shell script running `az`, a PowerShell script running
the Az cmdlets, a Terraform configuration or an export: the fix reads the setting back with the Azure CLI and with
PowerShell alike (an `az` user may have no cmdlets, a PowerShell user no `az`), and keeps the file that states it
(where it said "the export it came from" of a script or a configuration, which came from none). The alert is
recreated with `Add-AzMetricAlertRuleV2`, the cmdlet that exists, or `az monitor metrics alert create`; an activity
log alert, which watches operations and has no metric, threshold or window, is recorded with its conditions and
made again as an activity log alert, where it was told to become a metric alert. A classic-only role a script
assigns on a resource group is given again in both command lines too, to the principal as the script names it
(`-SignInName`, `--assignee`), where it was `New-AzRoleAssignment -ObjectId <principal>` alone. A VM an alert names
in its scopes and again in a condition is said once. The commands name the resource group the file creates the
alert or setting in, where it states it."""

from __future__ import annotations

import json

from lint_support import lint_files

SUB = "00000000-0000-0000-0000-000000000000"
VM = f"/subscriptions/{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
ROLE = f"/subscriptions/{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"

SHELL = f"""\
    #!/bin/bash
    az role assignment create --assignee ops@contoso.com --role "Virtual Machine Contributor" --scope {VM}
    """

POWERSHELL = f"""\
    $criteria = New-AzMetricAlertRuleV2Criteria -MetricName "Percentage CPU" -TimeAggregation Average -Operator GreaterThan -Threshold 80
    Add-AzMetricAlertRuleV2 -Name "web01-cpu" -ResourceGroupName "ops-rg" -WindowSize 00:05:00 -Frequency 00:01:00 -TargetResourceId "{VM}" -Condition $criteria -Severity 3
    """

TERRAFORM = f"""\
    resource "azurerm_monitor_autoscale_setting" "web" {{
      name                = "web-scale"
      resource_group_name = "ops-rg"
      location            = "West Europe"
      target_resource_id  = "{ROLE}"

      profile {{
        name = "default"
        capacity {{
          default = 2
          minimum = 2
          maximum = 6
        }}
      }}
    }}
    """


def _fix(tmp_path, monkeypatch, files: dict[str, str], code: str) -> str:
    [finding] = lint_files(tmp_path, monkeypatch, files, code).findings
    assert finding.fix is not None
    return finding.fix


def test_an_assignment_a_shell_script_makes_is_recorded_with_az_too(tmp_path, monkeypatch):
    fix = _fix(tmp_path, monkeypatch, {"ra.sh": SHELL}, "MIG501")
    assert fix.startswith(
        f"Before migrating, record this assignment (`Get-AzRoleAssignment -Scope {VM}` or "
        f"`az role assignment list --scope {VM}`, or keep this file, which states it); after migration"
    )


def test_an_alert_a_powershell_script_adds_is_recorded_with_its_cmdlet_too(tmp_path, monkeypatch):
    fix = _fix(tmp_path, monkeypatch, {"alert.ps1": POWERSHELL}, "MIG502")
    assert fix.startswith(
        "Before migrating, record metric alert 'web01-cpu' with its metric, threshold, window and actions "
        "(`az monitor metrics alert show -n 'web01-cpu' -g 'ops-rg'` or `Get-AzMetricAlertRuleV2 "
        "-Name 'web01-cpu' -ResourceGroupName 'ops-rg'`, or keep this file, which states it); then "
        "recreate it as a metric alert on the migrated resource after migration (`Add-AzMetricAlertRuleV2`, "
        "`az monitor metrics alert create` or the portal)"
    )
    assert "New-AzMetricAlertRuleV2" not in fix and "export" not in fix


def test_an_autoscale_setting_a_terraform_configuration_declares_is_recorded_from_the_file(
    tmp_path, monkeypatch
):
    fix = _fix(tmp_path, monkeypatch, {"main.tf": TERRAFORM}, "MIG503")
    assert fix.startswith(
        "Before migrating, record autoscale setting 'web-scale' with its profiles and rules (`az monitor "
        "autoscale show -n 'web-scale' -g 'ops-rg'` or `Get-AzAutoscaleSetting -Name 'web-scale' "
        "-ResourceGroupName 'ops-rg'`, or keep this file, which states it); then recreate the scaling"
    )
    assert "export" not in fix


ACTIVITY_LOG = f"""\
    #!/bin/bash
    az monitor activity-log alert create -n web01-restarts -g ops-rg --scope {VM} --condition category=Administrative
    """


def test_an_activity_log_alert_is_made_again_as_one(tmp_path, monkeypatch):
    fix = _fix(tmp_path, monkeypatch, {"alert.sh": ACTIVITY_LOG}, "MIG502")
    assert fix.startswith(
        "Before migrating, record activity log alert 'web01-restarts' with its conditions and actions "
        "(`az monitor activity-log alert show -n 'web01-restarts' -g 'ops-rg'` or "
        "`Get-AzActivityLogAlert -Name 'web01-restarts' -ResourceGroupName 'ops-rg'`, or keep this file, "
        "which states it); then recreate it as an activity log alert on the migrated resource after migration "
        "(`New-AzActivityLogAlert`, `az monitor activity-log alert create` or the portal)"
    )
    assert "metric" not in fix


CLASSIC_ROLE_ON_GROUP = f"""\
    #!/bin/bash
    azure config mode asm
    azure vm create shop b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-16_04-LTS ops "$PASSWORD" --vm-name web01 -l "West Europe"
    az role assignment create --assignee ops@contoso.com --role "Classic Virtual Machine Contributor" --scope /subscriptions/{SUB}/resourceGroups/shop
    """


def test_a_classic_role_a_script_assigns_on_a_group_is_assigned_again_to_the_principal_it_names(
    tmp_path, monkeypatch
):
    fix = _fix(tmp_path, monkeypatch, {"ra.sh": CLASSIC_ROLE_ON_GROUP}, "MIG501")
    group = f"/subscriptions/{SUB}/resourceGroups/shop-Migrated"
    assert (
        f"(`New-AzRoleAssignment -SignInName 'ops@contoso.com' -RoleDefinitionName 'Virtual Machine Contributor' "
        f"-Scope {group}` or `az role assignment create --assignee 'ops@contoso.com' --role 'Virtual Machine "
        f"Contributor' --scope {group}`)"
    ) in fix
    assert "<principal>" not in fix


def test_a_vm_an_alert_names_in_its_scopes_and_in_its_condition_is_said_once(tmp_path, monkeypatch):
    alert = {
        "type": "Microsoft.Insights/activityLogAlerts",
        "apiVersion": "2020-10-01",
        "name": "web01-restarts",
        "location": "global",
        "properties": {
            "scopes": [VM],
            "condition": {
                "allOf": [
                    {"field": "category", "equals": "Administrative"},
                    {"field": "resourceId", "equals": VM},
                ]
            },
            "actions": {"actionGroups": []},
        },
    }
    template = json.dumps(
        {
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "resources": [alert],
        },
        indent=2,
    )
    files = {"azuredeploy.json": template}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG502", dedent=False).findings
    assert finding.message == (
        "activity log alert 'web01-restarts' watches classic VM 'web01': the migration drops it"
    )
