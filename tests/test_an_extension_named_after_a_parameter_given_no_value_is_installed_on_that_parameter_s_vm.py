"""A VM's extension named `[concat(parameters('vm'), '/BGInfo')]` (the way the platform's own samples name a
child resource), where the parameter is given no value (no default, no parameters file, no linking
deployment), was read as an extension of no name on a VM of no name, and its VM was dropped: the XML
extension BGInfo 1.* it installs was never said (MIG204). It is the extension BGInfo of the VM the parameter's
stand-in names, in the template and in Bicep (`'${vm}/BGInfo'`), and a child written inside a VM named by
such a parameter is that VM's; a name of a segment built of more than one value not known stays unknown."""

from __future__ import annotations

import json

from lint_support import lint_files, where

PROPERTIES = {"extension": "BGInfo", "publisher": "Microsoft.Compute", "version": "1.*", "state": "Enable"}
EXTENSION_TYPE = "Microsoft.ClassicCompute/virtualMachines/extensions"


def _template(resources: list[dict], parameters: tuple[str, ...] = ("vm",)) -> str:
    return json.dumps(
        {
            "$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "parameters": {name: {"type": "string"} for name in parameters},
            "resources": resources,
        },
        indent=2,
    )


def _extension(name: str) -> dict:
    return {"type": EXTENSION_TYPE, "apiVersion": "2017-04-01", "name": name, "properties": PROPERTIES}


def _messages(result, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


def test_a_template_s_extension_of_a_parameter_s_vm_is_bginfo_on_that_vm(tmp_path, monkeypatch):
    files = {"ext.json": _template([_extension("[concat(parameters('vm'), '/BGInfo')]")])}
    result = lint_files(tmp_path, monkeypatch, files)
    [xml] = _messages(result, "MIG204")
    assert xml.startswith("VM '<value of parameter 'vm', ext.json:") and "XML extension BGInfo 1.*" in xml
    [change] = _messages(result, "MIG601")
    assert "installs extension 'BGInfo' on classic VM '<value of parameter 'vm'" in change


def test_a_child_written_inside_a_vm_named_by_such_a_parameter_is_that_vm_s(tmp_path, monkeypatch):
    vm = {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2017-04-01",
        "name": "[parameters('vm')]",
        "properties": {"hardwareProfile": {"size": "Small", "deploymentName": "svc"}},
        "resources": [{**_extension("BGInfo"), "type": "extensions"}],
    }
    result = lint_files(tmp_path, monkeypatch, {"vm.json": _template([vm])})
    [xml] = _messages(result, "MIG204")
    assert xml.startswith("VM '<value of parameter 'vm', vm.json:")


def test_bicep_s_interpolated_name_reads_alike(tmp_path, monkeypatch):
    bicep = (
        "param vm string\n\n"
        f"resource bginfo '{EXTENSION_TYPE}@2017-04-01' = {{\n"
        "  name: '${vm}/BGInfo'\n"
        "  properties: {\n    extension: 'BGInfo'\n    publisher: 'Microsoft.Compute'\n    version: '1.*'\n  }\n"
        "}\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"ext.bicep": bicep})
    assert where(result.findings) == ["MIG204 ext.bicep:3:1", "MIG601 ext.bicep:3:1"]
    assert _messages(result, "MIG204")[0].startswith("VM '<value of parameter 'vm', ext.bicep:1:7>'")


def test_a_segment_of_two_values_not_known_names_no_vm(tmp_path, monkeypatch):
    name = "[concat(parameters('vm'), parameters('suffix'), '/BGInfo')]"
    files = {"ext.json": _template([_extension(name)], ("vm", "suffix"))}
    result = lint_files(tmp_path, monkeypatch, files)
    assert _messages(result, "MIG204") == []
    assert "installs extension (its name not stated)" in _messages(result, "MIG601")[0]
