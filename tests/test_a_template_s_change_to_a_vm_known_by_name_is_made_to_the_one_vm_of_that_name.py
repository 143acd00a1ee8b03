"""A template that installs an extension on a classic VM it does not declare (`web01/BGInfo`, a Bicep
extension of an `existing` VM) changes that VM: where another file describes exactly one VM of that name
(a template declaring it in cloud service shop, a script creating it there), the change is made to that VM,
and the estate holds one cloud service with one VM, not a second service standing in for the template's.
Where several services hold a VM of that name, which one it changes is not known: it stays apart."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

SCHEMA = "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"


def _template(*resources: dict) -> str:
    return json.dumps(
        {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": list(resources)}, indent=2
    )


def _vm(name: str, service: str) -> dict:
    domain = f"[resourceId('Microsoft.ClassicCompute/domainNames', '{service}')]"
    return {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2016-04-01",
        "name": name,
        "location": "westeurope",
        "properties": {"domainName": {"id": domain}, "hardwareProfile": {"size": "Small"}},
    }


EXTENSION = _template(
    {
        "type": "Microsoft.ClassicCompute/virtualMachines/extensions",
        "apiVersion": "2016-04-01",
        "name": "web01/BGInfo",
        "properties": {"publisher": "Microsoft.Compute", "extension": "BGInfo", "version": "1.*"},
    }
)
BICEP = """\
resource vm 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' existing = {
  name: 'web01'
}

resource bginfo 'Microsoft.ClassicCompute/virtualMachines/extensions@2016-04-01' = {
  parent: vm
  name: 'BGInfo'
  properties: {
    publisher: 'Microsoft.Compute'
    extension: 'BGInfo'
    version: '1.*'
  }
}
"""
CHANGES = {"ext.json": EXTENSION, "ext.bicep": BICEP}
CREATIONS = {
    "vm.json": _template(_vm("web01", "shop")),
    "create.ps1": (
        "New-AzureVMConfig -Name 'web01' -InstanceSize Small -ImageName 'img' |\n"
        "  Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password 'p' |\n"
        "  New-AzureVM -ServiceName 'shop' -Location 'West Europe'\n"
    ),
}


def _services(result) -> dict[str, list[str]]:
    (estate,) = result.estates
    return {service.name: [vm.name for vm in service.vms] for service in estate.cloud_services}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("creation", CREATIONS)
def test_the_change_is_made_to_the_one_vm_of_that_name(tmp_path, monkeypatch, change, creation) -> None:
    files = {change: CHANGES[change], creation: CREATIONS[creation]}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == {"shop": ["web01"]}
    (vm,) = result.estates[0].cloud_services[0].vms
    assert [extension.name for extension in vm.extensions] == ["BGInfo"]
    assert [f.code for f in result.findings if f.code == "MIG204"] == ["MIG204"]


@pytest.mark.parametrize("change", CHANGES)
def test_beside_vms_of_that_name_in_two_services_the_change_stays_apart(
    tmp_path, monkeypatch, change
) -> None:
    files = {change: CHANGES[change], "vms.json": _template(_vm("web01", "shop"), _vm("web01", "shop-test"))}
    services = _services(lint_files(tmp_path, monkeypatch, files, dedent=False))
    assert len(services) == 3 and services["shop"] == services["shop-test"] == ["web01"], services
