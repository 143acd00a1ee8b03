"""A deployment template (ARM JSON or Bicep) that declares a classic reserved IP or network security group is
read as an export's row is, and says no more than such a row of what uses it: the readiness summary lists it
as maybe attached and the plan's step says how to check. Both name the template as what leaves it open, not
"the export", which a user who wrote a template has none of. So does the plan's storage step of VMs a template
declares without `storageProfile`: it asks for their disks to be stated in the template, or looked up in an
export of the deployed VMs, not for rows that were never exported to be exported again."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import readiness
from migcheck.report.readiness_text import readiness_summary

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _resource(type_: str, name: str, properties: dict) -> dict:
    return {
        "type": type_,
        "apiVersion": "2016-11-01",
        "name": name,
        "location": "westeurope",
        "properties": properties,
    }


TEMPLATE = json.dumps(
    {
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "resources": [
            _resource("Microsoft.ClassicNetwork/reservedIps", "web-ip", {}),
            _resource("Microsoft.ClassicNetwork/networkSecurityGroups", "web-nsg", {"rules": []}),
        ],
    },
    indent=2,
)
BICEP = """\
resource ip 'Microsoft.ClassicNetwork/reservedIps@2016-04-01' = {
  name: 'web-ip'
  location: 'westeurope'
  properties: {}
}
resource nsg 'Microsoft.ClassicNetwork/networkSecurityGroups@2016-11-01' = {
  name: 'web-nsg'
  location: 'westeurope'
  properties: {}
}
"""
DECLARED = {
    "ARM template": ("azuredeploy.json", TEMPLATE, "ARM template 'azuredeploy.json'"),
    "Bicep file": ("main.bicep", BICEP, "Bicep file 'main.bicep'"),
}


@pytest.mark.parametrize(("path", "text", "by"), DECLARED.values(), ids=DECLARED.keys())
def test_the_summary_says_the_template_leaves_their_use_open(tmp_path, monkeypatch, path, text, by):
    result = lint_files(tmp_path, monkeypatch, {path: text})
    lines = readiness_summary(result).splitlines()
    section = lines[lines.index("  Unattached resources") + 1 :]
    rows = [line.strip() for line in section if line.startswith("    web-")]
    assert rows == [
        f"web-nsg (network security group; may be attached: {by} does not say whether anything uses it)",
        f"web-ip (reserved IP; may be attached: {by} does not say whether anything uses it)",
    ]
    [summary] = readiness(result)
    [scope] = [s for s in summary.scopes if s.scope == "Unattached resources"]
    assert {item.name: item.migrates.get("stated_by") for item in scope.items} == {
        "web-nsg": by,
        "web-ip": by,
    }


@pytest.mark.parametrize(("path", "text", "by"), DECLARED.values(), ids=DECLARED.keys())
def test_the_plan_s_steps_say_the_template_leaves_their_use_open(tmp_path, monkeypatch, path, text, by):
    steps = build_plan(lint_files(tmp_path, monkeypatch, {path: text})).steps
    notes = {step.name: " ".join(step.notes) for step in steps if step.name in ("web-ip", "web-nsg")}
    assert (
        f"Unattached if no cloud service uses it: {by} does not say whether it is attached."
        in notes["web-ip"]
    )
    assert f"for each VM: {by} does not say which use it." in notes["web-nsg"]
    assert "export" not in notes["web-ip"] + notes["web-nsg"]


def _vm(name: str) -> dict:
    domain = "[resourceId('Microsoft.ClassicCompute/domainNames', 'shop')]"
    return _resource(
        "Microsoft.ClassicCompute/virtualMachines",
        name,
        {"domainName": {"id": domain}, "hardwareProfile": {"size": "Small", "availabilitySet": "web"}},
    )


def test_the_storage_step_of_vms_declared_without_disks_asks_for_them_in_the_template(tmp_path, monkeypatch):
    template = json.dumps(
        {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [_vm("web1"), _vm("web2")]}
    )
    steps = build_plan(lint_files(tmp_path, monkeypatch, {"azuredeploy.json": template})).steps
    [storage] = [step for step in steps if step.kind.value == "Storage account"]
    [note] = [note for note in storage.notes if "storageProfile" in note]
    assert note.startswith(
        "ARM template 'azuredeploy.json' declares its VMs without properties.storageProfile (VMs 'web1' "
        "(azuredeploy.json:1), 'web2' (azuredeploy.json:1)): the storage accounts of their disks, one or more, "
        "are in no file"
    )
    assert "State their disks in it (the operatingSystemDisk's and dataDisks' storageAccount)" in note
    assert "Export the rows again" not in note


def test_the_storage_step_of_an_export_s_vm_rows_without_disks_still_asks_for_them_again(
    tmp_path, monkeypatch
):
    # An export is a snapshot to take again, with the column its query left out.
    sub = "11111111-2222-3333-4444-555555555555"
    service = f"/subscriptions/{sub}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop"
    rows = [
        {
            "id": f"/subscriptions/{sub}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/{vm}",
            "name": vm,
            "type": "microsoft.classiccompute/virtualmachines",
            "subscriptionId": sub,
            "properties": {
                "domainName": {"id": service, "name": "shop"},
                "hardwareProfile": {"size": "Small"},
            },
        }
        for vm in ("web1", "web2")
    ]
    export = json.dumps({"data": rows}, indent=2)
    steps = build_plan(lint_files(tmp_path, monkeypatch, {"classic.json": export})).steps
    [storage] = [step for step in steps if step.kind.value == "Storage account"]
    [note] = [note for note in storage.notes if "storageProfile" in note]
    assert note.startswith(
        "The export classic.json states no storageProfile for any of its VM rows (VMs 'web1'"
    )
    assert "Export the rows again with properties.storageProfile" in note
