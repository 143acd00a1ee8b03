"""MIG601 of a Terraform configuration whose azapi resources declare classic types is said in a Terraform
user's words, as that of a configuration of the classic provider is: `terraform apply` can no longer create
what it declares, and the fix rewrites and applies the configuration; a template's says a deployment of it.
The code and name stay the rule's."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"

AZAPI = f"""\
resource "azapi_resource" "web01" {{
  type      = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"
  name      = "web01"
  parent_id = "{SUB}/resourceGroups/shop"
  body      = {{ properties = {{ hardwareProfile = {{ size = "Small" }} }} }}
}}
resource "azapi_resource" "slot" {{
  type      = "Microsoft.ClassicCompute/domainNames/slots@2016-11-01"
  name      = "Production"
  parent_id = "{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop"
  body      = {{ properties = {{ deploymentLabel = "v1" }} }}
}}
"""

TEMPLATE = """\
{
  "$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
  "resources": [
    {"type": "Microsoft.ClassicCompute/virtualMachines", "apiVersion": "2017-04-01", "name": "web01",
     "location": "westeurope", "properties": {"hardwareProfile": {"size": "Small"}}}
  ]
}
"""


def test_an_azapi_configuration_of_classic_types_is_said_in_terraform_s_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": AZAPI}, "MIG601")
    assert where(result.findings) == ["MIG601 main.tf:1:1"]
    finding = result.findings[0]
    assert "deployment of it" not in finding.message
    assert "`terraform apply` can no longer create its VMs" in finding.message
    assert "`terraform apply` tries to create them again as classic resources" in finding.message
    assert "deploys a package to the 'Production' slot of classic cloud service 'shop'" in finding.message
    assert "`terraform apply` of it fails today" in finding.message
    assert finding.fix is not None
    assert finding.fix.startswith("Rewrite the configuration's azapi resources with Resource Manager's types")
    assert "Apply the rewritten configuration only after the migration's Commit" in finding.fix
    assert "template" not in finding.fix


def test_a_template_of_classic_types_is_still_said_by_its_deployment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": TEMPLATE}, "MIG601")
    assert where(result.findings) == ["MIG601 azuredeploy.json:4:5"]
    assert "a deployment of it can no longer create its VMs" in result.findings[0].message
    assert (result.findings[0].fix or "").startswith("Rewrite the template with Resource Manager's types")
