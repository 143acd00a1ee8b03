"""An App Service Environment, a Domain Services managed domain or a RemoteApp collection in a classic network
is, in an export, a record most likely stale (MIG314, MIG317, MIG318 say to check and drop it). A file that
creates one there (a deployment template, Bicep, a Terraform `azurerm` resource, a script's call) holds no
record to drop: the service was retired in classic networks, so the creation fails today, and the finding
says so, with a fix that creates it in a Resource Manager network or removes it."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck import retirements
from migcheck.inventory_model import ServiceInVnet
from migcheck.model import Mark
from migcheck.readers.inventory_shapes import resource_records

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

# (type, name, properties, the message's start, the retirement date it gives)
SERVICES = {
    "MIG314": (
        "Microsoft.Web/hostingEnvironments",
        "shop-ase",
        {"virtualNetwork": {"id": VNET, "subnet": "ase"}},
        "App Service Environment 'shop-ase' is created in classic virtual network 'vnet1', subnet 'ase': ",
        retirements.APP_SERVICE_ENVIRONMENT_V1_V2,
    ),
    "MIG317": (
        "Microsoft.AAD/domainServices",
        "corp.example.com",
        {"domainName": "corp.example.com", "replicaSets": [{"subnetId": f"{VNET}/subnets/aadds"}]},
        "Microsoft Entra Domain Services managed domain 'corp.example.com' is created in classic virtual network "
        "'vnet1', subnet 'aadds': ",
        retirements.CLASSIC_DOMAIN_SERVICES,
    ),
    "MIG318": (
        "Microsoft.RemoteApp/collections",
        "shop-apps",
        {"vnetId": VNET},
        "RemoteApp collection 'shop-apps' is created in classic virtual network 'vnet1': ",
        retirements.REMOTEAPP,
    ),
}


def _template(code: str) -> str:
    type_, name, properties, _, _ = SERVICES[code]
    resource = {"type": type_, "apiVersion": "2021-05-01", "name": name, "properties": properties}
    return json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [resource]}, indent=2)


def _export(code: str) -> str:
    type_, name, properties, _, _ = SERVICES[code]
    provider, _, kind = type_.partition("/")
    row = {
        "id": f"{SUB}/resourceGroups/platform/providers/{provider}/{kind}/{name}",
        "name": name,
        "type": type_.lower(),
        "properties": properties,
    }
    return json.dumps([row], indent=2)


@pytest.mark.parametrize("code", sorted(SERVICES))
def test_a_template_that_creates_the_service_is_told_the_creation_fails_today(tmp_path, monkeypatch, code):
    [finding] = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": _template(code)}, code).findings
    _, _, _, start, retired = SERVICES[code]
    assert finding.message.startswith(start)
    assert finding.message.endswith("fails today") and f"retired on {retired}" in finding.message
    assert "record" not in finding.message and "record" not in finding.fix
    assert finding.fix.startswith("Create ") or finding.fix.startswith("Remove it")


@pytest.mark.parametrize("code", sorted(SERVICES))
def test_an_export_row_is_still_a_record_most_likely_stale(tmp_path, monkeypatch, code):
    [finding] = lint_files(tmp_path, monkeypatch, {"dependents.json": _export(code)}, code).findings
    assert " is recorded in classic virtual network 'vnet1'" in finding.message
    assert "most likely a stale record" in finding.message and "record" in finding.fix


def test_a_terraform_domain_service_says_to_create_it_in_a_resource_manager_subnet(tmp_path, monkeypatch):
    config = f"""\
    resource "azurerm_active_directory_domain_service" "aadds" {{
      name                = "contoso-aadds"
      location            = "West Europe"
      resource_group_name = "aadds-rg"
      domain_name         = "corp.example.com"
      sku                 = "Standard"

      initial_replica_set {{
        subnet_id = "{VNET}/subnets/aadds"
      }}
    }}
    """
    [finding] = lint_files(tmp_path, monkeypatch, {"main.tf": config}, "MIG317").findings
    assert "'contoso-aadds' is created in classic virtual network 'vnet1', subnet 'aadds'" in finding.message
    assert finding.fix.startswith(
        "Create the managed domain in a subnet of a Resource Manager network instead"
    )


def test_a_script_s_call_that_creates_the_service_makes_a_record_of_a_creation():
    # What a script's `New-AzResource`, `az resource create` or SDK call gives, as its reader builds it.
    _, name, properties, _, _ = SERVICES["MIG317"]
    at = Mark("aadds.ps1", 2)
    [record] = resource_records("microsoft.aad/domainservices", name, properties, at, {}, {})
    assert isinstance(record, ServiceInVnet) and record.created
