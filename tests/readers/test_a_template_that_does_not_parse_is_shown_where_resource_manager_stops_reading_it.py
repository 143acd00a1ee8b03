"""An ARM template of classic resources that is not valid JSON is MIG001 where Resource Manager, which reads
comments in a template, stops reading it, with advice for a template: a comment before the error was taken for
the error ("Expecting value" at the `//`), and the fix told to export the file again, as for an inventory export."""

from __future__ import annotations

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"
TEMPLATE = f"""\
{{
  "$schema": "{SCHEMA}",
  // the shop's jump box, kept classic until its network moves
  "contentVersion": "1.0.0.0",
  "resources": [
    {{
      "type": "Microsoft.ClassicCompute/virtualMachines",
      "apiVersion": "2016-04-01",
      "name": "web01" /* a comma is missing after this value */
      "location": "westeurope"
    }}
  ]
}}
"""


def test_the_error_after_a_comment_is_shown_where_it_is(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"infra/azuredeploy.json": TEMPLATE}, "MIG001").findings
    assert where([finding]) == ["MIG001 infra/azuredeploy.json:10:7"]
    assert finding.message == "not valid JSON: Expecting ',' delimiter"


def test_the_fix_is_a_template_s_not_an_export_s(tmp_path, monkeypatch):
    without_comments = TEMPLATE.replace(
        "  // the shop's jump box, kept classic until its network moves\n", ""
    )
    [finding] = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": without_comments}, "MIG001").findings
    assert where([finding]) == ["MIG001 azuredeploy.json:9:7"]
    assert finding.fix is not None and finding.fix.startswith(
        "Fix the JSON of the template at the position shown: Resource Manager refuses to deploy it"
    )
    assert "export it again" not in finding.fix


def test_an_export_that_does_not_parse_keeps_the_advice_to_export_it_again(tmp_path, monkeypatch):
    broken = '[{"id": "/subscriptions/3f2c1a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b/resourceGroups/shop/providers/'
    broken += 'Microsoft.ClassicCompute/virtualMachines/web01", "type": "microsoft.classiccompute/virtualmachines",\n'
    [finding] = lint_files(tmp_path, monkeypatch, {"vms.json": broken}, "MIG001", dedent=False).findings
    assert finding.fix is not None and "export it again" in finding.fix
