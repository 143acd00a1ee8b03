"""MIG502 and MIG503 tell how to record an alert or an autoscale setting before the migration drops it,
with commands that read it back by name and resource group. Where the script or configuration that creates
it states its group (`-g`, `-ResourceGroupName`, `resource_group_name`, the SDK's first argument), the
commands carry that group; `<resource group>` only where the file states none."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"

SHELL = f"""\
#!/bin/bash
az monitor activity-log alert create -n web01-restarts -g mon-rg --scope {VM} --condition category=Administrative
"""
POWERSHELL = f"""\
$profile = New-AzAutoscaleProfileObject -Name "default" -CapacityMinimum 2 -CapacityMaximum 5 -CapacityDefault 2 -Rule @()
New-AzAutoscaleSetting -Name "web-scale" -ResourceGroupName "mon-rg" -Location "westeurope" -TargetResourceUri "{ROLE}" -Profile $profile -Enabled
"""
PYTHON = f"""\
from azure.identity import DefaultAzureCredential
from azure.mgmt.monitor import MonitorManagementClient
from azure.mgmt.monitor.models import MetricAlertResource

monitor = MonitorManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
monitor.metric_alerts.create_or_update(
    "mon-rg", "web01-cpu", MetricAlertResource(location="global", scopes=["{VM}"], enabled=True)
)
"""
TERRAFORM = f"""\
resource "azurerm_monitor_autoscale_setting" "web" {{
  name                = "web-scale"
  resource_group_name = "mon-rg"
  location            = "West Europe"
  target_resource_id  = "{ROLE}"

  profile {{
    name = "default"
    capacity {{
      default = 2
      minimum = 1
      maximum = 5
    }}
  }}
}}
"""
CASES = {
    "shell": ("alert.sh", SHELL, "MIG502"),
    "powershell": ("scale.ps1", POWERSHELL, "MIG503"),
    "python": ("alerts.py", PYTHON, "MIG502"),
    "terraform": ("main.tf", TERRAFORM, "MIG503"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_record_commands_carry_the_group_the_file_creates_it_in(tmp_path, monkeypatch, case):
    path, text, code = CASES[case]
    [finding] = lint_files(tmp_path, monkeypatch, {path: text}, code).findings
    assert "-g 'mon-rg'" in finding.fix and "-ResourceGroupName 'mon-rg'" in finding.fix
    assert "<resource group>" not in finding.fix


def test_a_group_the_file_does_not_state_is_left_to_fill_in(tmp_path, monkeypatch):
    script = SHELL.replace(" -g mon-rg", "")
    [finding] = lint_files(tmp_path, monkeypatch, {"alert.sh": script}, "MIG502").findings
    assert "-g <resource group>" in finding.fix
