"""A repository whose classic estate is a deployment template gets the findings its resources would get
from any other file (MIG202, MIG304, MIG401, MIG204, MIG206, MIG105, ...), and MIG601 at the template's
first classic resource, naming the Resource Manager type of each classic type it declares."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"


def _vm(name: str, **props: object) -> dict:
    return {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2016-04-01",
        "name": name,
        "location": "West Europe",
        "properties": {"domainName": {"name": "shop"}, "hardwareProfile": {"size": "Small"}, **props},
    }


TEMPLATE = {
    "$schema": SCHEMA,
    "contentVersion": "1.0.0.0",
    "resources": [
        {
            "type": "Microsoft.ClassicNetwork/virtualNetworks",
            "apiVersion": "2016-04-01",
            "name": "shop-vnet",
            "location": "West Europe",
            "properties": {
                "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
                "subnets": [
                    {"name": "web", "addressPrefix": "10.1.0.0/24"},
                    {"name": "data", "addressPrefix": "10.1.01.0/24"},
                ],
            },
        },
        _vm(
            "web",
            networkProfile={"virtualNetwork": {"name": "shop-vnet", "subnetNames": ["web", "data"]}},
            storageProfile={
                "operatingSystemDisk": {
                    "diskName": "web-os",
                    "vhdUri": "https://shopdisks.blob.core.windows.net/vhds/2016/web-os.vhd",
                }
            },
            extensions=[
                {"extension": "VMSnapshot", "publisher": "Microsoft.Azure.RecoveryServices", "version": "1.0"}
            ],
        )
        | {
            "resources": [
                {
                    "type": "extensions",
                    "apiVersion": "2016-04-01",
                    "name": "BGInfo",
                    "properties": {"extension": "BGInfo", "publisher": "Microsoft.Compute", "version": "1.*"},
                }
            ]
        },
    ],
}


def test_the_resources_of_a_template_get_their_findings(tmp_path, monkeypatch):
    text = json.dumps(TEMPLATE, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"infra/azuredeploy.json": text}, dedent=False)
    codes = sorted({f.code for f in result.findings})
    assert codes == ["MIG202", "MIG204", "MIG206", "MIG304", "MIG401", "MIG601"]
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines, 1) if "ClassicNetwork/virtualNetworks" in line) - 1
    (mig601,) = [f for f in result.findings if f.code == "MIG601"]
    assert where([mig601]) == [f"MIG601 infra/azuredeploy.json:{first}:5"]
    assert mig601.message.startswith(
        "ARM template 'azuredeploy.json' declares classic resources (Microsoft.ClassicNetwork/virtualNetworks, "
        "Microsoft.ClassicCompute/virtualMachines): a deployment of it can no longer create its VMs, since "
        "IaaS VMs (classic) were retired on 2023-09-06"
    )
    assert "Microsoft.ClassicCompute/virtualMachines → Microsoft.Compute/virtualMachines" in (
        mig601.fix or ""
    )
    # The BGInfo child resource is marked where it is written, not at its VM.
    (bginfo,) = [f for f in result.findings if f.code == "MIG204"]
    assert bginfo.location is not None and '"type": "extensions"' in lines[bginfo.location.line]


def test_a_vm_a_template_declares_without_a_network_is_in_none(tmp_path, monkeypatch):
    template = {"$schema": SCHEMA, "resources": [_vm("lonely")]}
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": json.dumps(template)}, "MIG105", "MIG203")
    assert [f.code for f in result.findings] == ["MIG105"]


def test_a_template_of_resource_manager_types_only_is_silent(tmp_path, monkeypatch):
    template = {
        "$schema": SCHEMA,
        "resources": [
            {
                "type": "Microsoft.Network/virtualNetworks",
                "name": "Microsoft.ClassicNetwork",
                "properties": {},
            }
        ],
    }
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": json.dumps(template)})
    assert result.findings == []


def test_the_parameters_file_beside_a_template_gives_its_parameters_their_values(tmp_path, monkeypatch):
    template = {
        "$schema": SCHEMA,
        "parameters": {"vnet": {"type": "string"}, "vm": {"type": "string", "defaultValue": "web"}},
        "resources": [
            _vm("[parameters('vm')]", networkProfile={"virtualNetwork": {"name": "[parameters('vnet')]"}}),
        ],
    }
    parameters = {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"vnet": {"value": "shop-vnet"}, "vm": {"value": "app01"}},
    }
    files = {"azuredeploy.json": json.dumps(template), "azuredeploy.parameters.json": json.dumps(parameters)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", "MIG002")
    # Only the template's finding: the parameters file is read for it, and is no export said not to be one.
    assert [f.message for f in result.findings] == [
        "VM 'app01' of cloud service 'shop' is in virtual network 'shop-vnet' but has no subnet"
    ]


def test_a_vm_declared_without_an_availability_set_or_properties_is_in_none(tmp_path, monkeypatch):
    template = {
        "$schema": SCHEMA,
        "resources": [
            {"type": "Microsoft.ClassicCompute/domainNames", "name": "shop"},
            _vm("a", hardwareProfile={"size": "Small", "availabilitySet": "front"}),
            _vm("b") | {"properties": {"domainName": {"name": "shop"}}},
        ],
    }
    text = json.dumps(template, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG103", "MIG601")
    assert [f.code for f in result.findings] == ["MIG601", "MIG103"]
    # A cloud service declared without properties is declared, not a resource an export leaves unchecked.
    assert "unchecked" not in " ".join(f.message for f in result.findings)


def test_a_template_of_classic_resources_that_does_not_parse_is_mig001(tmp_path, monkeypatch):
    text = json.dumps({"$schema": SCHEMA, "resources": [_vm("web")]}).replace('"web",', '"web",,')
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, dedent=False)
    assert [(f.code, f.message.startswith("not valid JSON")) for f in result.findings] == [("MIG001", True)]
