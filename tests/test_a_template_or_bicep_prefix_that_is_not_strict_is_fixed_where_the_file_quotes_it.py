"""MIG304 in an ARM template or a Bicep file was told with the range to write, and `--fix` fixed nothing
("Would fix 0 findings"), where the same prefix in a network configuration or a Terraform file is fixed. A
prefix the file writes as a string is replaced between its quotes (JSON's `"`, Bicep's `'`), in the resource
or in the module call that passes it, and the rest of the file is kept byte for byte. A prefix an
expression or an interpolation builds is told, not rewritten; so is one an inventory export shows, a
snapshot of what is deployed that editing does not change."""

from __future__ import annotations

import json
from pathlib import Path

from growth import assert_linear
from lint_support import run_cli

from migcheck.readers import bicep, inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
TEMPLATE = (
    "{\r\n"
    f'  "$schema": "{SCHEMA}",\r\n'
    '  "contentVersion": "1.0.0.0",\r\n'
    '  "resources": [\r\n'
    '    {"type": "Microsoft.ClassicNetwork/virtualNetworks", "apiVersion": "2016-11-01", "name": "app-vnet",\r\n'
    '     "properties": {"addressSpace": {"addressPrefixes": ["10.20.0.1/16", "[concat(\'10.21.0.1\', \'/16\')]"]},\r\n'
    '       "subnets": [{"name": "web", "addressPrefix": "10.20.02.0/24"}]}}\r\n'
    "  ]\r\n"
    "}\r\n"
)
BICEP = """\
var second = '10.31'
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'bicep-vnet'
  properties: {
    addressSpace: {
      addressPrefixes: [ '10.30.0.1/16', '${second}.0.1/16' ]
    }
    subnets: [
      {
        name: 'web'
        addressPrefix: '10.30.02.0/24'
      }
    ]
  }
}
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    return tmp_path


def test_the_diff_shows_each_prefix_a_template_writes_rewritten_in_its_quotes(tmp_path, capsys):
    folder = _folder(tmp_path, {"azuredeploy.json": TEMPLATE, "main.bicep": BICEP})
    _, out, err = run_cli(capsys, "check", str(folder), "--select", "MIG304", "--diff")
    assert '["10.20.0.1/16", "[concat' in out and '["10.20.0.0/16", "[concat' in out
    assert '"addressPrefix": "10.20.2.0/24"' in out
    assert "-      addressPrefixes: [ '10.30.0.1/16', '${second}.0.1/16' ]\n" in out
    assert "+      addressPrefixes: [ '10.30.0.0/16', '${second}.0.1/16' ]\n" in out
    assert "-        addressPrefix: '10.30.02.0/24'\n+        addressPrefix: '10.30.2.0/24'\n" in out
    assert "Would fix 4 findings in 2 files." in err


def test_fix_writes_the_ranges_and_keeps_the_rest_of_each_file(tmp_path, capsys):
    folder = _folder(tmp_path, {"azuredeploy.json": TEMPLATE, "main.bicep": BICEP})
    run_cli(capsys, "check", str(folder), "--select", "MIG304", "--fix")
    fixed = TEMPLATE.replace("10.20.0.1/16", "10.20.0.0/16").replace("10.20.02.0/24", "10.20.2.0/24")
    assert (folder / "azuredeploy.json").read_bytes() == fixed.encode("utf-8")
    json.loads(fixed)  # still a template
    assert (folder / "main.bicep").read_text() == BICEP.replace("10.30.0.1/16", "10.30.0.0/16").replace(
        "10.30.02.0/24", "10.30.2.0/24"
    )
    _, out, _ = run_cli(capsys, "check", str(folder), "--select", "MIG304")
    # What an expression or an interpolation builds is still told, and only that.
    assert "'10.21.0.1/16'" in out and "'10.31.0.1/16'" in out and out.count("MIG304 [error]") == 2


def test_a_prefix_a_module_call_passes_is_fixed_where_the_call_writes_it(tmp_path, capsys):
    caller = "module net 'net.bicep' = {\n  name: 'net'\n  params: {\n    prefix: '10.40.0.1/16'\n  }\n}\n"
    module = (
        "param prefix string\n"
        "resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {\n"
        "  name: 'vnet3'\n  properties: {\n    addressSpace: {\n      addressPrefixes: [ prefix ]\n    }\n  }\n}\n"
    )
    folder = _folder(tmp_path, {"main.bicep": caller, "net.bicep": module})
    run_cli(capsys, "check", str(folder), "--select", "MIG304", "--fix")
    assert (folder / "main.bicep").read_text() == caller.replace("10.40.0.1/16", "10.40.0.0/16")
    assert (folder / "net.bicep").read_text() == module


def test_a_prefix_an_inventory_export_shows_is_told_not_rewritten(tmp_path, capsys):
    row = {
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "name": "exp-vnet",
        "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/exp-vnet",
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.5.0.1/16"]},
            "subnets": [{"name": "web", "addressPrefix": "10.5.1.0/24"}],
        },
    }
    folder = _folder(tmp_path, {"inventory.json": json.dumps([row], indent=2)})
    _, out, err = run_cli(capsys, "check", str(folder), "--select", "MIG304", "--diff")
    assert "Would fix 0 findings" in err
    _, out, _ = run_cli(capsys, "check", str(folder), "--select", "MIG304")
    assert "'10.5.0.1/16'" in out


def test_a_prefix_a_parameter_defaults_to_is_told_and_fixed_at_the_default(tmp_path, capsys):
    template = (
        "{\n"
        f'  "$schema": "{SCHEMA}",\n'
        '  "parameters": {"space": {"type": "string", "defaultValue": "10.50.0.1/16"}},\n'
        '  "resources": [\n'
        '    {"type": "Microsoft.ClassicNetwork/virtualNetworks", "apiVersion": "2016-11-01", "name": "app-vnet",\n'
        '     "properties": {"addressSpace": {"addressPrefixes": ["[parameters(\'space\')]"]}}}\n'
        "  ]\n"
        "}\n"
    )
    folder = _folder(tmp_path, {"azuredeploy.json": template})
    _, out, _ = run_cli(capsys, "check", str(folder), "--select", "MIG304", "--format", "concise")
    assert "azuredeploy.json:3:62: MIG304" in out
    run_cli(capsys, "check", str(folder), "--select", "MIG304", "--fix")
    assert (folder / "azuredeploy.json").read_text() == template.replace("10.50.0.1/16", "10.50.0.0/16")


def test_a_prefix_a_bicep_parameter_defaults_to_is_told_and_fixed_at_the_default(tmp_path, capsys):
    network = (
        "@description('The address space')\n"
        "param space string = '10.60.0.1/16'\n"
        "resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {\n"
        "  name: 'app-vnet'\n"
        "  properties: {\n    addressSpace: {\n      addressPrefixes: [ space ]\n    }\n  }\n}\n"
    )
    folder = _folder(tmp_path, {"main.bicep": network})
    _, out, _ = run_cli(capsys, "check", str(folder), "--select", "MIG304", "--format", "concise")
    assert "main.bicep:2:22: MIG304" in out
    run_cli(capsys, "check", str(folder), "--select", "MIG304", "--fix")
    assert (folder / "main.bicep").read_text() == network.replace("10.60.0.1/16", "10.60.0.0/16")


def _many_defaults(n: int) -> tuple[bytes, bytes]:
    """A JSON template and a Bicep file of `n` parameters, each a prefix's default, of one network."""
    parameters = {f"p{i}": {"type": "string", "defaultValue": f"10.{i % 250}.0.1/16"} for i in range(n)}
    network = {
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "name": "app-vnet",
        "properties": {"addressSpace": {"addressPrefixes": [f"[parameters('p{i}')]" for i in range(n)]}},
    }
    template = json.dumps({"$schema": SCHEMA, "parameters": parameters, "resources": [network]}).encode()
    declared = "".join(f"param p{i} string = '10.{i % 250}.0.1/16'\n" for i in range(n))
    used = " ".join(f"p{i}" for i in range(n))
    bicep_file = (
        f"{declared}resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {{\n  name: 'app-vnet'\n"
        f"  properties: {{\n    addressSpace: {{\n      addressPrefixes: [ {used} ]\n    }}\n  }}\n}}\n"
    ).encode()
    return template, bicep_file


def test_the_defaults_of_many_parameters_are_placed_in_linear_time():
    # Each value a default gives is not written in the resource: it was looked for to the resource's end,
    # once per value, before its default was taken.
    def make_json(n: int):
        template, _ = _many_defaults(n)
        return lambda: inventory.read("t.json", template).resources

    def make_bicep(n: int):
        _, bicep_file = _many_defaults(n)
        return lambda: bicep.read("t.bicep", bicep_file).resources

    assert_linear(make_json, 3000)
    assert_linear(make_bicep, 3000)


def test_a_prefix_the_parameters_file_beside_gives_is_told_and_fixed_in_that_file(tmp_path, capsys):
    template = (
        "{\n"
        f'  "$schema": "{SCHEMA}",\n'
        '  "parameters": {"space": {"type": "string", "defaultValue": "10.50.0.0/16"}},\n'
        '  "resources": [\n'
        '    {"type": "Microsoft.ClassicNetwork/virtualNetworks", "apiVersion": "2016-11-01", "name": "app-vnet",\n'
        '     "properties": {"addressSpace": {"addressPrefixes": ["[parameters(\'space\')]"]}}}\n'
        "  ]\n"
        "}\n"
    )
    parameters = (
        "{\n"
        '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n'
        '  "parameters": {"space": {"value": "10.70.0.1/16"}}\n'
        "}\n"
    )
    folder = _folder(tmp_path, {"azuredeploy.json": template, "azuredeploy.parameters.json": parameters})
    _, out, _ = run_cli(capsys, "check", str(folder), "--select", "MIG304", "--format", "concise")
    assert "azuredeploy.parameters.json:3:37: MIG304" in out and "10.50.0.0/16" not in out
    run_cli(capsys, "check", str(folder), "--select", "MIG304", "--fix")
    assert (folder / "azuredeploy.parameters.json").read_text() == parameters.replace(
        "10.70.0.1/16", "10.70.0.0/16"
    )
    assert (folder / "azuredeploy.json").read_text() == template
