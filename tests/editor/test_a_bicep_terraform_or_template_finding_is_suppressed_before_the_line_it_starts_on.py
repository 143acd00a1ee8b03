"""The language server offers the suppression quick fix in Bicep files, Terraform files and JSON deployment
templates, as the CLI honours the comment there: `// migcheck: ignore[CODE] reason` (in Terraform
`# ...`) on a line of its own before the line the finding starts on, indented like it, which covers the
declaration, argument, property or item that line starts. Applied, it silences its finding and nothing
else. None is offered where the comment would not cover the finding: a line that starts inside a
multi-line string, or with a closing bracket."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.workspace import TextDocument
from test_suppression_edits import _suppressed_each_in_turn

from migcheck.server import _suppress_action, suppression_edit

BICEP = """\
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'legacy'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.00/16'
      ]
    }
    subnets: [
      {
        name: 'front'
        addressPrefix: '10.0.1.0/24'
      }
    ]
  }
}
"""
TERRAFORM = """\
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  address_space = ["10.20.0.0/16"]
  location      = "West Europe"

  subnet {
    name           = "backend"
    address_prefix = "10.20.02.0/24"
  }
}
"""
TEMPLATE = """\
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.ClassicNetwork/virtualNetworks",
      "apiVersion": "2016-11-01",
      "name": "legacy",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.00/16" ] },
        "subnets": [ { "name": "front", "addressPrefix": "10.0.1.0/24" } ]
      }
    }
  ]
}
"""


def test_each_finding_of_a_bicep_file_is_suppressed_before_its_line(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "net.bicep", BICEP)
    assert sorted(written) == [
        "        // migcheck: ignore[MIG304] reason\n",  # before the item
        "// migcheck: ignore[MIG601] reason\n",  # before the resource
    ]


def test_each_finding_of_a_terraform_file_is_suppressed_before_its_line(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "main.tf", TERRAFORM)
    assert "    # migcheck: ignore[MIG304] reason\n" in written


def test_each_finding_of_a_template_is_suppressed_before_its_line(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "azuredeploy.json", TEMPLATE)
    # The prefix is on the line of the property that holds it: the comment covers all that property.
    assert "        // migcheck: ignore[MIG304] reason\n" in written
    assert "    // migcheck: ignore[MIG601] reason\n" in written


def test_the_file_s_line_endings_are_kept(tmp_path):
    written = _suppressed_each_in_turn(tmp_path / "net.bicep", BICEP, crlf=True)
    assert all(line.endswith("\r\n") for line in written)


def _diagnostic(line: int, character: int) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(line, character), end=lsp.Position(line, character + 1)),
        message="m",
        code="MIG601",
    )


def test_the_action_says_it_covers_the_declaration():
    document = TextDocument("file:///project/net.bicep", BICEP)
    action = _suppress_action(document, _diagnostic(0, 0))
    assert action is not None and action.title == "Suppress MIG601 on this declaration"


def test_none_is_offered_on_a_line_inside_a_multi_line_string():
    text = BICEP.replace("  name: 'legacy'\n", "  name: 'legacy'\n  tags: {\n    note: '''\nkept\n'''\n  }\n")
    document = TextDocument("file:///project/net.bicep", text)
    assert suppression_edit(document, _diagnostic(4, 0)) is None  # `kept`
    assert suppression_edit(document, _diagnostic(2, 2)) is not None  # `tags: {`


def test_none_is_offered_on_a_line_that_closes_a_bracket():
    document = TextDocument("file:///project/net.bicep", BICEP)
    assert suppression_edit(document, _diagnostic(15, 0)) is None


def test_none_is_offered_in_json_that_is_no_template():
    document = TextDocument("file:///project/classic.json", '{"data": []}\n')
    assert suppression_edit(document, _diagnostic(0, 0)) is None
