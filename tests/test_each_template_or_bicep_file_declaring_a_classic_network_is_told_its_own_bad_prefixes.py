"""Two templates or Bicep files that declare one classic network are two files the user edits, as two
network configurations are: each prefix that is not a strict CIDR range is told (MIG304) where each file
writes it, and fixed there, where the second file's were taken for an export's (a snapshot that editing
does not change) and dropped as the first's. The two still differ (MIG004), told once."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _template(subnet: str) -> str:
    return (
        "{\n"
        f'  "$schema": "{SCHEMA}",\n'
        '  "contentVersion": "1.0.0.0",\n'
        '  "resources": [\n'
        '    {"type": "Microsoft.ClassicNetwork/virtualNetworks", "apiVersion": "2016-11-01", "name": "app-vnet",\n'
        '     "properties": {"addressSpace": {"addressPrefixes": ["10.20.0.1/16"]},\n'
        f'       "subnets": [{{"name": "web", "addressPrefix": "{subnet}"}}]}}}}\n'
        "  ]\n"
        "}\n"
    )


BICEP = """\
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'app-vnet'
  properties: {
    addressSpace: {
      addressPrefixes: [ '10.20.0.1/16' ]
    }
    subnets: [
      {
        name: 'web'
        addressPrefix: '10.20.04.0/24'
      }
    ]
  }
}
"""


MODULE_CALL = "module n 'net.bicep' = {\n  name: 'n'\n}\n"


@pytest.mark.parametrize(
    ("second", "text", "told"),
    [
        (
            "b.json",
            _template("10.20.03.0/24"),
            ["MIG004 b.json:5:5", "MIG304 b.json:6:58", "MIG304 b.json:7:53"],
        ),
        ("c.bicep", BICEP, ["MIG004 c.bicep:1:1", "MIG304 c.bicep:5:26", "MIG304 c.bicep:10:24"]),
        ("net.bicep", BICEP, ["MIG004 net.bicep:1:1", "MIG304 net.bicep:5:26", "MIG304 net.bicep:10:24"]),
    ],
    ids=["template", "bicep", "bicep module"],
)
def test_each_file_s_bad_prefixes_are_told_where_it_writes_them(tmp_path, monkeypatch, second, text, told):
    files = {"a.json": _template("10.20.02.0/24"), second: text}
    if second == "net.bicep":  # used as a module by another Bicep file
        files["main.bicep"] = MODULE_CALL
    result = lint_files(tmp_path, monkeypatch, files, "MIG304", "MIG004", dedent=False)
    assert sorted(where(result.findings)) == sorted(["MIG304 a.json:6:58", "MIG304 a.json:7:53", *told])
    space = next(
        f for f in result.findings if f.code == "MIG304" and f.location and f.location.path == second
    )
    assert space.message.startswith("'10.20.0.1/16', an address space prefix of virtual network 'app-vnet'")
