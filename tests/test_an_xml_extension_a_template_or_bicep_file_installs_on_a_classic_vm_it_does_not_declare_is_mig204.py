"""A template or Bicep file that installs an extension on a classic VM it does not declare (an ARM resource of
type `Microsoft.ClassicCompute/virtualMachines/extensions` named `web01/BGInfo`, a Bicep extension whose
`parent:` is, or that is nested in, a VM marked `existing`) said nothing of it: the extension was dropped
with the VM the file does not describe. Now the extension is on the VM of that name, a change to a VM that
exists already, so an XML extension is MIG204 where the extension is written; nothing else is said of a VM
the file does not describe (no MIG105 about its network, no MIG203 about its endpoints)."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"


def _extension(name: str, publisher: str, extension: str) -> dict:
    return {
        "type": "Microsoft.ClassicCompute/virtualMachines/extensions",
        "apiVersion": "2016-04-01",
        "name": name,
        "location": "westeurope",
        "properties": {"publisher": publisher, "extension": extension, "version": "1.*", "state": "Enable"},
    }


TEMPLATE = json.dumps(
    {
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "resources": [
            _extension("web01/BGInfo", "Microsoft.Compute", "BGInfo"),
            _extension(
                "web01/WebDeploy", "Microsoft.VisualStudio.WindowsAzure.DevTest", "WebDeployForVSDevTest"
            ),
        ],
    },
    indent=2,
)

BICEP = """\
resource web01 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' existing = {
  name: 'web01'
}

resource bginfo 'Microsoft.ClassicCompute/virtualMachines/extensions@2016-04-01' = {
  parent: web01
  name: 'BGInfo'
  properties: {
    publisher: 'Microsoft.Compute'
    extension: 'BGInfo'
    version: '1.*'
    state: 'Enable'
  }
}

resource web02 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' existing = {
  name: 'web02'
  resource debugger 'extensions' = {
    name: 'VS2015Debugger'
    properties: {
      publisher: 'Microsoft.VisualStudio.WindowsAzure.RemoteDebug'
      extension: 'VS2015Debugger'
      version: '1.*'
      state: 'Enable'
    }
  }
}
"""


def _lines(text: str, written: str) -> list[int]:
    lines = text.splitlines()
    return [number for number, line in enumerate(lines, 1) if written in line]


def test_a_template_s_extensions_of_a_vm_it_does_not_declare_are_mig204_where_each_is_written(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": TEMPLATE}, dedent=False)
    first, second = (line - 1 for line in _lines(TEMPLATE, '"type": "Microsoft.ClassicCompute'))
    assert where(f for f in result.findings if f.code != "MIG601") == [
        f"MIG204 azuredeploy.json:{first}:5",
        f"MIG204 azuredeploy.json:{second}:5",
    ]
    assert all("VM 'web01'" in f.message for f in result.findings if f.code == "MIG204")


def test_a_bicep_extension_of_an_existing_vm_by_parent_or_nested_is_mig204(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": BICEP}, dedent=False)
    (parented,) = _lines(BICEP, "resource bginfo")
    (nested,) = _lines(BICEP, "resource debugger")
    assert where(f for f in result.findings if f.code != "MIG601") == [
        f"MIG204 main.bicep:{parented}:1",
        f"MIG204 main.bicep:{nested}:3",
    ]
    messages = [f.message for f in result.findings if f.code == "MIG204"]
    assert "VM 'web01' has the XML extension BGInfo 1.*" in messages[0]
    assert "VM 'web02' has the XML extension VS2015Debugger 1.*" in messages[1]


def test_an_extension_of_a_vm_the_file_declares_is_still_that_vm_s(tmp_path, monkeypatch):
    template = json.loads(TEMPLATE)
    template["resources"].insert(
        0,
        {
            "type": "Microsoft.ClassicCompute/virtualMachines",
            "apiVersion": "2016-04-01",
            "name": "web01",
            "location": "westeurope",
            "properties": {"domainName": {"name": "shop"}, "hardwareProfile": {"size": "Small"}},
        },
    )
    result = lint_files(
        tmp_path, monkeypatch, {"azuredeploy.json": json.dumps(template, indent=2)}, dedent=False
    )
    codes = sorted(f.code for f in result.findings)
    assert codes.count("MIG204") == 2 and "MIG105" in codes  # the VM it describes is told of its network


def test_an_extension_whose_vm_the_file_names_by_a_value_not_stated_makes_no_other_vm(tmp_path, monkeypatch):
    template = {
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "parameters": {"vmName": {"type": "string"}},
        "resources": [
            {
                "type": "Microsoft.ClassicCompute/virtualMachines",
                "apiVersion": "2016-04-01",
                "name": "[parameters('vmName')]",
                "location": "westeurope",
                "properties": {"domainName": {"name": "shop"}, "hardwareProfile": {"size": "Small"}},
            },
            _extension("[concat(parameters('vmName'), '/BGInfo')]", "Microsoft.Compute", "BGInfo"),
        ],
    }
    result = lint_files(
        tmp_path, monkeypatch, {"azuredeploy.json": json.dumps(template, indent=2)}, dedent=False
    )
    from migcheck.inventory_model import ClassicVm

    vms = [r for d in result.documents for r in d.resources if isinstance(r, ClassicVm)]
    assert len(vms) == 1 and vms[0].service == "shop"
