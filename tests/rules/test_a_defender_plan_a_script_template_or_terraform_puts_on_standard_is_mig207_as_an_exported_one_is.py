"""The overview: Defender for Cloud installs its monitoring extension on the VMs by itself while its policy is on
the subscription, and a VM with it does not migrate. A plan for VMs on the Standard tier was found in an export of
the subscription's pricings alone; the file that puts it there (`Set-AzSecurityPricing`, `az security pricing
create`, a template's or Bicep file's `Microsoft.Security/pricings`, Terraform's
`azurerm_security_center_subscription_pricing`, azure-mgmt-security's `pricings.update`) said nothing, even beside an export of the classic VMs it reaches,
and a walk passed such a file over. It states no subscription: the plan is in the one it runs in or is deployed
to, which may hold any classic VM of the files."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files, where

SUBSCRIPTION = "00000000-0000-0000-0000-000000000001"
CLASSIC = {"classic.json": graph_page(graph_vm(SUBSCRIPTION, "shop", "web01"))}
TEMPLATE_SCHEMA = (
    "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"
)


def _template(tier: str, name: str) -> str:
    resource = {
        "type": "Microsoft.Security/pricings",
        "apiVersion": "2018-06-01",
        "name": name,
        "properties": {"pricingTier": tier},
    }
    return json.dumps(
        {"$schema": TEMPLATE_SCHEMA, "contentVersion": "1.0.0.0", "resources": [resource]}, indent=2
    )


def _files(tier: str, name: str) -> list:
    """Each file that puts plan `name` on `tier`, and where MIG207 is reported in it."""
    files = [
        ("defender.ps1", f"Set-AzSecurityPricing -Name {name} -PricingTier {tier}\n", "1:1"),
        ("defender.sh", f"az security pricing create -n {name} --tier {tier}\n", "1:1"),
        (
            ".github/workflows/defender.yml",
            f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - run: az security pricing create -n {name} --tier {tier}\n",
            "6:14",
        ),
        ("azuredeploy.json", _template(tier, name), "5:5"),
        # as PHP's json_encode and other writers give it, every slash escaped
        ("escaped.json", _template(tier, name).replace("/", "\\/"), "5:5"),
        (
            "playbook.yml",
            f"- hosts: windows\n  tasks:\n    - name: Defender plan\n"
            f"      win_shell: Set-AzSecurityPricing -Name {name} -PricingTier {tier}\n",
            "4:18",
        ),
        (
            "main.bicep",
            f"targetScope = 'subscription'\nresource vms 'Microsoft.Security/pricings@2018-06-01' = {{\n"
            f"  name: '{name}'\n  properties: {{ pricingTier: '{tier}' }}\n}}\n",
            "2:1",
        ),
        (
            "security.tf",
            f'resource "azurerm_security_center_subscription_pricing" "vms" {{\n  tier = "{tier}"\n'
            f'  resource_type = "{name}"\n}}\n',
            "1:1",
        ),
        (
            "security.tf.json",
            json.dumps(
                {
                    "resource": {
                        "azurerm_security_center_subscription_pricing": {
                            "vms": {"tier": tier, "resource_type": name}
                        }
                    }
                },
                indent=2,
            ),
            "4:7",
        ),
    ]
    for form, call in _PYTHON_CALLS.items():
        files.append((f"defender_{form}.py", _PYTHON.format(call.format(name=name, tier=tier)), "4:1"))
    return [pytest.param(*file, id=file[0]) for file in files]


# azure-mgmt-security's client putting the plan on a tier: `pricings.update(pricing_name, pricing)` from 0.2.0,
# `update(scope_id, pricing_name, pricing)` from 7.0.0, `update_subscription_pricing` before 0.2.0.
_PYTHON = """\
from azure.mgmt.security import SecurityCenter
from azure.mgmt.security.models import Pricing
client = SecurityCenter(credential, "sub", "")
{}
"""
_PYTHON_CALLS = {
    "update": 'client.pricings.update("{name}", Pricing(pricing_tier="{tier}"))',
    "update_of_a_scope": 'client.pricings.update("subscriptions/sub", "{name}", Pricing(pricing_tier="{tier}"))',
    "update_by_keywords": (
        'client.pricings.update(scope_id="subscriptions/sub", pricing_name="{name}",'
        ' pricing={{"pricing_tier": "{tier}"}})'
    ),
    "update_of_a_model_by_keyword": 'client.pricings.update("{name}", pricing=Pricing(pricing_tier="{tier}"))',
    "update_subscription_pricing": (
        'client.pricings.update_subscription_pricing("{name}", Pricing(pricing_tier="{tier}"))'
    ),
}


@pytest.mark.parametrize(("path", "text", "at"), _files("Standard", "VirtualMachines"))
def test_a_plan_for_vms_on_standard_beside_the_classic_vms_is_mig207(tmp_path, monkeypatch, path, text, at):
    [finding] = lint_files(tmp_path, monkeypatch, {**CLASSIC, path: text}, "MIG207", dedent=False).findings
    assert where([finding]) == [f"MIG207 {path}:{at}"]
    assert finding.message == (
        "Defender for Cloud plan 'VirtualMachines' is on the Standard tier: it installs its monitoring extension on "
        "the subscription's VMs by itself, the classic ones too (1 classic VM among the files checked: 'web01'), "
        "with which the platform does not migrate them"
    )
    assert "Set-AzSecurityPricing -Name VirtualMachines -PricingTier Free" in (finding.fix or "")


def test_terraform_s_plan_of_no_resource_type_is_the_provider_s_default_for_vms(tmp_path, monkeypatch):
    text = 'resource "azurerm_security_center_subscription_pricing" "vms" {\n  tier = "Standard"\n}\n'
    findings = lint_files(tmp_path, monkeypatch, {**CLASSIC, "security.tf": text}, "MIG207").findings
    assert where(findings) == ["MIG207 security.tf:1:1"]


@pytest.mark.parametrize(
    ("path", "text", "at"),
    [*_files("Free", "VirtualMachines"), *_files("Standard", "StorageAccounts")],
)
def test_the_free_tier_or_another_plan_installs_nothing(tmp_path, monkeypatch, path, text, at):
    assert lint_files(tmp_path, monkeypatch, {**CLASSIC, path: text}, "MIG207", dedent=False).findings == []


RUNBOOK = """\
Set-AzSecurityPricing -Name VirtualMachines -PricingTier Free
Move-AzureService -Validate -ServiceName shop -DeploymentName shop -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName shop -DeploymentName shop -CreateNewVirtualNetwork
Move-AzureService -Commit -ServiceName shop -DeploymentName shop
Set-AzSecurityPricing -Name VirtualMachines -PricingTier Standard
"""


@pytest.mark.parametrize(
    "runbook", [RUNBOOK, RUNBOOK.split("\n", 1)[1]], ids=["turned-off-first", "left-as-is"]
)
def test_a_plan_a_runbook_puts_back_on_standard_after_its_commit_is_not_the_one_its_migration_meets(
    tmp_path, monkeypatch, runbook
):
    """The planning guide: enable the policy again once the VMs are in Resource Manager."""
    files = {**CLASSIC, "migrate.ps1": runbook}
    assert lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False).findings == []


@pytest.mark.parametrize(
    ("first", "last", "found"), [("Standard", "Free", []), ("Free", "Standard", ["2:1"])]
)
def test_a_script_that_sets_the_plan_twice_leaves_the_later_tier(tmp_path, monkeypatch, first, last, found):
    script = "".join(
        f"az security pricing create -n VirtualMachines --tier {tier}\n" for tier in (first, last)
    )
    findings = lint_files(tmp_path, monkeypatch, {**CLASSIC, "defender.sh": script}, "MIG207").findings
    assert where(findings) == [f"MIG207 defender.sh:{at}" for at in found]


CLASSIC_VM_TYPE = "Microsoft.ClassicCompute/virtualMachines"


@pytest.mark.parametrize(
    "files",
    [
        {
            "main.bicep": "".join(
                f"resource {vm} '{CLASSIC_VM_TYPE}@2017-04-01' = {{\n  name: '{vm}'\n  location: 'westus'\n"
                "  properties: {}\n}\n"
                for vm in ("web01", "web02")
            )
            + "resource plan 'Microsoft.Security/pricings@2023-01-01' = {\n  name: 'VirtualMachines'\n"
            "  properties: { pricingTier: 'Standard' }\n}\n"
        },
        {
            "azuredeploy.json": json.dumps(
                {
                    "$schema": TEMPLATE_SCHEMA,
                    "contentVersion": "1.0.0.0",
                    "resources": [
                        *(
                            {
                                "type": CLASSIC_VM_TYPE,
                                "apiVersion": "2017-04-01",
                                "name": vm,
                                "properties": {},
                            }
                            for vm in ("web01", "web02")
                        ),
                        {
                            "type": "Microsoft.Security/pricings",
                            "apiVersion": "2018-06-01",
                            "name": "VirtualMachines",
                            "properties": {"pricingTier": "Standard"},
                        },
                    ],
                },
                indent=2,
            )
        },
    ],
    ids=["bicep", "template"],
)
def test_a_template_s_classic_vm_is_named_once_though_it_is_a_row_and_a_role(tmp_path, monkeypatch, files):
    """A template's VM is both a row of the template and a role of the cloud service the link gives it."""
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False).findings
    assert "(2 classic VMs among the files checked: 'web01', 'web02')" in finding.message
