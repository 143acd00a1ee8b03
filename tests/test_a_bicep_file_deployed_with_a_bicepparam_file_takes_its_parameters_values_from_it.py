"""A `.bicepparam` file (`using './main.bicep'` and `param name = value`) gives values to the parameters of the
Bicep file its `using` names, as an ARM template's `.parameters.json` does: the Bicep file is read with them
(strings, numbers, arrays, objects, `readEnvironmentVariable('X', 'default')` as its default), where it was
read with its parameters' defaults and each `param` line said not read. tree-sitter-bicep (1.1.0) parses the
`using` line but not `param name = value`: the `param` keywords the grammar finds are read as `var` of the
same width, which it parses, and a declaration that still does not parse is said not read where written
(`bicepparam-not-read`). A finding about a string the file writes points there, and `check --fix` of MIG304
rewrites the prefix in the `.bicepparam` file. A `.bicepparam` file is never read on its own."""

from __future__ import annotations

from lint_support import RULES, lint_files, run_cli

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import BICEPPARAM_NOT_READ
from migcheck.readers import bicep
from migcheck.readers.grammars import parser
from migcheck.report.unread import in_documents

MAIN = """\
param vmName string
param size string = 'Small'
param spaces array = [ '10.0.0.0/16' ]
param network object = { name: 'default-net' }

resource vm 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: vmName
  location: 'westeurope'
  properties: {
    domainName: {
      name: '${vmName}-svc'
    }
    hardwareProfile: {
      size: size
    }
  }
}

resource net 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: network.name
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: spaces
    }
  }
}
"""

PARAMETERS = """\
using './main.bicep'

param vmName = 'shop-web'
param size = readEnvironmentVariable('VM_SIZE', 'Large')
param spaces = [
  '10.20.0.1/16'
]
param network = {
  name: 'shop-net'
}
"""


def _unread(result) -> list[tuple[str, int, int, str]]:
    return [(p.path, m.line, m.column, m.tag) for p in in_documents(result.documents) for m in p.marks]


def _messages(result) -> str:
    return "\n".join(
        f"{f.code} {f.mark.path}:{f.mark.line}:{f.mark.column} {f.message}" for f in result.findings
    )


def test_the_grammar_still_does_not_parse_a_parameter_s_value():
    root = parser("tree_sitter_bicep").parse(PARAMETERS.encode()).root_node
    assert root.named_children[0].type == "using_statement"
    assert root.has_error  # once it parses, read its declarations as they are


def test_the_bicep_file_is_read_with_the_values_the_parameters_file_gives(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": MAIN, "main.bicepparam": PARAMETERS})
    said = _messages(result)
    assert "'shop-web'" in said and "'shop-web-svc'" in said and "vmName" not in said
    assert "virtual network 'shop-net'" in said and "default-net" not in said
    assert "MIG304 main.bicepparam:6:3 '10.20.0.1/16'" in said and "10.0.0.0/16" not in said
    assert _unread(result) == []


def test_a_value_of_an_environment_variable_without_a_default_is_a_stand_in_of_the_parameter(
    tmp_path, monkeypatch
):
    given = "using './main.bicep'\nparam vmName = readEnvironmentVariable('VM_NAME')\n"
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": MAIN, "main.bicepparam": given})
    assert "<value of parameter 'vmName', main.bicepparam:2:7>" in _messages(result)


def test_fix_rewrites_the_prefix_where_the_parameters_file_writes_it(tmp_path, capsys):
    (tmp_path / "main.bicep").write_text(MAIN)
    (tmp_path / "main.bicepparam").write_text(PARAMETERS)
    run_cli(capsys, "check", str(tmp_path), "--select", "MIG304", "--fix")
    assert (tmp_path / "main.bicepparam").read_text() == PARAMETERS.replace("10.20.0.1/16", "10.20.0.0/16")
    assert (tmp_path / "main.bicep").read_text() == MAIN


def test_a_declaration_the_grammar_cannot_parse_is_said_not_read_where_written(tmp_path, monkeypatch):
    given = "using './main.bicep'\nparam vmName = 'shop-web'\nparam size = 'Large' 'Small'\n"
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": MAIN, "main.bicepparam": given})
    assert "'shop-web'" in _messages(result)
    assert [(path, line, tag) for path, line, _, tag in _unread(result)] == [
        ("main.bicepparam", 3, BICEPPARAM_NOT_READ)
    ]


def test_a_parameters_file_of_a_bicep_file_of_nothing_classic_is_not_said(tmp_path, monkeypatch):
    plain = "param vmName string\noutput name string = vmName\n"
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": plain, "main.bicepparam": PARAMETERS})
    assert _unread(result) == [] and result.findings == []


def test_a_parameters_file_named_on_its_own_holds_nothing_and_is_no_unread_format(tmp_path, monkeypatch):
    (tmp_path / "main.bicepparam").write_text(PARAMETERS)
    monkeypatch.chdir(tmp_path)
    result = lint(["main.bicepparam"], Config(), RULES)
    assert result.findings == []
    assert bicep.read("main.bicepparam", PARAMETERS.encode()).resources == ()
    assert not bicep.sniff_file("main.bicepparam", PARAMETERS.encode() + b"Microsoft.ClassicCompute")
