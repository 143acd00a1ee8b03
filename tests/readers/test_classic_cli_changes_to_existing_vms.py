"""A classic CLI command that changes a VM of a deployment the script did not create (`-d <service>`)
says nothing of that deployment's network or VIP: those are what the platform holds, and another file may
state them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.plan import StepKind
from tests.lint_support import lint_files, where

CHANGES = (
    "azure vm static-ip set -d app app01 10.0.1.5",
    "azure vm endpoint create -d app app01 8080 80",
    "azure vm endpoint acl-rule create -d app app01 http 100 permit 10.0.0.0/8",
    "azure vm extension set -d app app01 CustomScriptExtension Microsoft.Compute 1.*",
)

# A Resource Graph row of the same VM, in a virtual network.
INVENTORY = {
    "count": 1,
    "data": [
        {
            "id": "/subscriptions/0000/resourceGroups/app/providers/Microsoft.ClassicCompute/virtualMachines/app01",
            "name": "app01",
            "type": "microsoft.classiccompute/virtualmachines",
            "location": "westeurope",
            "subscriptionId": "0000",
            "properties": {
                "domainName": {"name": "app", "type": "Microsoft.ClassicCompute/domainNames"},
                "hardwareProfile": {"size": "Small", "deploymentName": "app"},
                "networkProfile": {
                    "inputEndpoints": [],
                    "virtualNetwork": {"name": "prod-vnet", "subnetNames": ["front"]},
                },
                "instanceView": {"status": "ReadyRole", "powerState": "Started"},
                "provisioningState": "Succeeded",
            },
        }
    ],
}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("script", ("a.sh", "a.ps1"))
def test_a_change_to_an_existing_vm_does_not_say_it_is_in_no_network(tmp_path, monkeypatch, change, script):
    found = lint_files(tmp_path, monkeypatch, {script: change + "\n"}, "MIG105", "MIG106").findings
    assert where(found) == []


@pytest.mark.parametrize("change", CHANGES)
def test_the_network_another_file_states_is_kept(plan_of, change):
    plan = plan_of({"a.sh": change + "\n", "classic.json": json.dumps(INVENTORY)})
    steps = [step.id for step in plan.steps]
    assert "network:prod-vnet" in steps, steps
    assert not any(step.kind is StepKind.SERVICE for step in plan.steps), steps


def test_a_deployment_the_script_creates_is_still_in_none_without_w(tmp_path: Path, monkeypatch):
    script = "azure vm create app img user pass -l 'West Europe' -e 22\nazure vm static-ip set -d app app 10.0.1.5\n"
    found = lint_files(tmp_path, monkeypatch, {"a.sh": script}, "MIG105").findings
    assert where(found) == ["MIG105 a.sh:1:1"]
