"""A classic virtual network that a template declares with its address space and no subnets (a template
deploys a network with none), or with its subnets and no address space (its address space not known), or
that an export's row describes by its subnets alone, has each prefix it writes checked: MIG304 where a
prefix is not a strict CIDR range, where such a network was read as one that only exists."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
SPACE = {"addressSpace": {"addressPrefixes": ["10.0.0.1/16"]}}
SUBNETS = {"subnets": [{"name": "web", "addressPrefix": "10.0.1.00/24"}]}


def _template(props: dict) -> str:
    vnet = {
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "apiVersion": "2016-11-01",
        "name": "app-vnet",
        "location": "westeurope",
        "properties": props,
    }
    return json.dumps({"$schema": SCHEMA, "resources": [vnet]}, indent=2)


def _bicep(props: str) -> str:
    return f"""\
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {{
  name: 'app-vnet'
  location: 'westeurope'
  properties: {{
{props}
  }}
}}
"""


BICEP_SPACE = """\
    addressSpace: {
      addressPrefixes: ['10.0.0.1/16']
    }"""
BICEP_SUBNETS = """\
    subnets: [
      {
        name: 'web'
        addressPrefix: '10.0.1.00/24'
      }
    ]"""


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("name", "text", "prefix"),
    [
        ("vnet.json", _template(SPACE), "10.0.0.1/16"),
        ("vnet.json", _template(SUBNETS), "10.0.1.00/24"),
        ("vnet.bicep", _bicep(BICEP_SPACE), "10.0.0.1/16"),
        ("vnet.bicep", _bicep(BICEP_SUBNETS), "10.0.1.00/24"),
    ],
    ids=["arm-space", "arm-subnets", "bicep-space", "bicep-subnets"],
)
def test_a_template_s_network_with_one_list_has_its_prefix_checked(tmp_path, monkeypatch, name, text, prefix):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG304", dedent=False)
    assert [w.split(":")[1] for w in where(result.findings)] == [str(_line(text, prefix))]
    assert f"'{prefix}'" in result.findings[0].message


def test_an_export_s_network_row_with_its_subnets_alone_has_their_prefixes_checked(tmp_path, monkeypatch):
    row = {
        "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/Default-Networking/"
        "providers/Microsoft.ClassicNetwork/virtualNetworks/app-vnet",
        "name": "app-vnet",
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "location": "westeurope",
        "properties": SUBNETS,
    }
    text = json.dumps([row], indent=2)
    result = lint_files(tmp_path, monkeypatch, {"export.json": text}, "MIG304", dedent=False)
    assert where(result.findings) == [f"MIG304 export.json:{_line(text, '10.0.1.00/24')}:28"]


def test_a_template_s_network_with_no_address_space_is_not_said_to_leave_its_subnet_outside_it(
    tmp_path, monkeypatch
):
    # Only that the template manages a classic network: its address space is not known, not empty.
    text = _template({"subnets": [{"name": "web", "addressPrefix": "10.0.1.0/24"}]})
    result = lint_files(tmp_path, monkeypatch, {"vnet.json": text}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG601"]
