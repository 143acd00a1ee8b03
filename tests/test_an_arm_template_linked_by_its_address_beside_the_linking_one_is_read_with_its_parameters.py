"""A deployment that links a template by its address from the linking template's own
(`[uri(deployment().properties.templateLink.uri, 'nested/vm.json')]`, or the quickstarts'
`_artifactsLocation` parameter of that default with its SAS token after the path) was not followed: the
linked template, beside the linking one in the repository, was read alone, of values not stated. It is now
read as one linked by its `relativePath` is: with the parameters each deployment passes, and not again
alone. An address of another host (`uri('https://...', ...)`) stays one the run cannot read."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.inventory_model import ClassicVm

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
OWN_ADDRESS = "deployment().properties.templateLink.uri"


def _deployment(name: str, uri: str, vm: str) -> dict:
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": name,
        "properties": {
            "mode": "Incremental",
            "templateLink": {"uri": uri},
            "parameters": {"vmName": {"value": vm}},
        },
    }


def _template(resources: list[dict], parameters: dict | None = None, variables: dict | None = None) -> str:
    template = {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "parameters": parameters or {}}
    return json.dumps({**template, "variables": variables or {}, "resources": resources}, indent=2) + "\n"


MAIN = _template(
    [
        _deployment("web", "[variables('vmTemplate')]", "web01"),
        _deployment("api", f"[uri({OWN_ADDRESS}, 'nested/vm.json')]", "api01"),
        _deployment("far", "[uri('https://example.com/templates/', 'nested/vm.json')]", "far01"),
    ],
    {
        "_artifactsLocation": {"type": "string", "defaultValue": f"[{OWN_ADDRESS}]"},
        "_artifactsLocationSasToken": {"type": "securestring", "defaultValue": ""},
    },
    {
        "vmTemplate": "[uri(parameters('_artifactsLocation'), "
        "concat('nested/vm.json', parameters('_artifactsLocationSasToken')))]"
    },
)
VM = _template(
    [
        {
            "type": "Microsoft.ClassicCompute/virtualMachines",
            "apiVersion": "2017-04-01",
            "name": "[parameters('vmName')]",
            "location": "westeurope",
            "properties": {"domainName": {"name": "[concat(parameters('vmName'), '-svc')]"}},
        }
    ],
    {"vmName": {"type": "string"}},
)


def _vms(result) -> list[tuple[str, str, int]]:
    found = [r for document in result.documents for r in document.resources if isinstance(r, ClassicVm)]
    return sorted((vm.service, vm.mark.path, vm.mark.line) for vm in found)


def test_each_deployment_reads_the_template_beside_it_with_the_values_it_passes(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": MAIN, "nested/vm.json": VM}, dedent=False)
    # Once per deployment that links it from beside the linking template, and never alone.
    assert _vms(result) == [("api01-svc", "nested/vm.json", 11), ("web01-svc", "nested/vm.json", 11)]


def test_a_template_linked_so_from_a_folder_reaches_one_of_another_folder(tmp_path, monkeypatch):
    main = _template([_deployment("api", f"[uri({OWN_ADDRESS}, '../shared/vm.json?sv=1')]", "api01")])
    files = {"infra/azuredeploy.json": main, "shared/vm.json": VM}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _vms(result) == [("api01-svc", "shared/vm.json", 11)]
