"""A deployment template (ARM or Bicep) that declares only a child of a classic resource it does not declare
itself (an extension of a VM it names, or declares `existing`) was said to be unable to "create its VMs",
and to create them again as classic resources: it creates none. Its MIG601 now says what it changes (it
installs extension 'BGInfo' on classic VM 'web01') and what the child's type is in Resource Manager once its
parent is migrated; a cloud service's slot, a network's subnet and any other child are said likewise, and
a template that declares the parent as well is said as ever."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

HEAD = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}
EXTENSION = {
    "type": "Microsoft.ClassicCompute/virtualMachines/extensions",
    "apiVersion": "2016-04-01",
    "name": "web01/BGInfo",
    "properties": {
        "extension": "BGInfo",
        "publisher": "Microsoft.Compute",
        "version": "2.*",
        "state": "Enable",
    },
}
VM = {"type": "Microsoft.ClassicCompute/virtualMachines", "apiVersion": "2016-04-01", "name": "web01"}
BICEP = """
resource web01 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' existing = {
  name: 'web01'
}

resource bg 'Microsoft.ClassicCompute/virtualMachines/extensions@2016-04-01' = {
  parent: web01
  name: 'BGInfo'
  properties: {
    extension: 'BGInfo'
    publisher: 'Microsoft.Compute'
    version: '2.*'
  }
}
"""


def _template(*resources: dict) -> str:
    return json.dumps({**HEAD, "contentVersion": "1.0.0.0", "resources": list(resources)}, indent=2)


def _mig601(tmp_path, monkeypatch, name: str, text: str):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601")
    [finding] = [f for f in result.findings if f.code == "MIG601"]
    return finding


@pytest.mark.parametrize(
    ("name", "text"),
    [("azuredeploy.json", _template(EXTENSION)), ("main.bicep", BICEP)],
    ids=["arm", "bicep"],
)
def test_an_extension_on_a_vm_the_template_does_not_declare_is_said_installed_on_it(
    tmp_path, monkeypatch, name, text
):
    finding = _mig601(tmp_path, monkeypatch, name, text)
    assert "installs extension 'BGInfo' on classic VM 'web01', which it does not declare" in finding.message
    assert "creates none" in finding.message
    assert "Microsoft.Compute/virtualMachines/extensions" in finding.message
    assert "create its VMs" not in finding.message
    assert (
        "Microsoft.ClassicCompute/virtualMachines/extensions → Microsoft.Compute/virtualMachines/extensions"
        in (finding.fix or "")
    )


def test_a_slot_of_a_cloud_service_it_does_not_declare_is_said_to_fail_today(tmp_path, monkeypatch):
    slot = {
        "type": "Microsoft.ClassicCompute/domainNames/slots",
        "apiVersion": "2016-04-01",
        "name": "shop/production",
        "properties": {},
    }
    finding = _mig601(tmp_path, monkeypatch, "azuredeploy.json", _template(slot))
    assert "deploys a package to the 'production' slot of classic cloud service 'shop'" in finding.message
    assert "fails today, since Cloud Services (classic) was retired on 2024-08-31" in finding.message


@pytest.mark.parametrize(
    ("child", "said"),
    [
        (
            {"type": "Microsoft.ClassicNetwork/virtualNetworks/subnets", "name": "vnet1/web"},
            "adds subnet 'web' to classic virtual network 'vnet1'",
        ),
        (
            {"type": "Microsoft.ClassicStorage/storageAccounts/services", "name": "store1/blob"},
            "declares 'blob' (Microsoft.ClassicStorage/storageAccounts/services) of classic storage account 'store1'",
        ),
    ],
    ids=["subnet", "other-child"],
)
def test_other_children_are_said_by_what_they_change(tmp_path, monkeypatch, child, said):
    finding = _mig601(tmp_path, monkeypatch, "azuredeploy.json", _template({**child, "properties": {}}))
    assert said in finding.message
    assert "which it does not declare" in finding.message


def test_an_extension_of_a_vm_the_template_declares_is_part_of_that_vm(tmp_path, monkeypatch):
    finding = _mig601(tmp_path, monkeypatch, "azuredeploy.json", _template(VM, EXTENSION))
    assert "declares classic resources (Microsoft.ClassicCompute/virtualMachines)" in finding.message
    assert "can no longer create its VMs" in finding.message
    assert "does not declare" not in finding.message
