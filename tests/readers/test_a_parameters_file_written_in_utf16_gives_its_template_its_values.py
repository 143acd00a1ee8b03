"""A template's parameters file written in UTF-16 with a BOM (what Windows PowerShell's Out-File and
Set-Content -Encoding Unicode write) gives its template its values, as one in UTF-8 does, and is no
inventory export (MIG002), where it was both."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

TEMPLATE = {
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "parameters": {"vnetName": {"type": "string"}},
    "resources": [
        {
            "type": "Microsoft.ClassicNetwork/virtualNetworks",
            "apiVersion": "2016-11-01",
            "name": "[parameters('vnetName')]",
            "properties": {
                "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                "subnets": [{"name": "a", "addressPrefix": "10.0.1.00/24"}],
            },
        }
    ],
}
PARAMETERS = {
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
    "contentVersion": "1.0.0.0",
    "parameters": {"vnetName": {"value": "legacy"}},
}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_a_parameters_file_in_utf16_gives_its_values(tmp_path, monkeypatch, encoding):
    data = json.dumps(PARAMETERS, indent=2).encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "azuredeploy.parameters.json").write_bytes(data)
    files = {"azuredeploy.json": json.dumps(TEMPLATE, indent=2)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG002", "MIG304", dedent=False)
    (finding,) = result.findings
    assert where([finding]) == ["MIG304 azuredeploy.json:22:30"]
    assert "virtual network 'legacy'" in finding.message
