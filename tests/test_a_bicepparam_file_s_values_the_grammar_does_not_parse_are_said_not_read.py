"""A `.bicepparam` file (`using './main.bicep'` and `param name = value`) gives values to the parameters of the
Bicep file its `using` names. tree-sitter-bicep (1.1.0, its latest release) parses the `using` line but not
`param name = value`, and migcheck parses no language by patterns over its text: the Bicep file is read with its
parameters' defaults, and each `param` line of the `.bicepparam` file is said not read (`bicepparam-not-read`),
where it is written. A `.bicepparam` file is never read on its own: named, it holds nothing classic, and is no
file migcheck does not read (MIG002); a walk passes it over. One that gives values to a file of nothing classic
is not said."""

from __future__ import annotations

from lint_support import RULES, lint_files

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import BICEPPARAM_NOT_READ
from migcheck.readers import bicep
from migcheck.readers.grammars import parser
from migcheck.report.unread import in_documents

MAIN = """\
param vmName string
param size string = 'Small'

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
"""

PARAMETERS = """\
using './main.bicep'

param vmName = 'shop-web'
param size = 'Large'
"""


def _unread(result) -> list[tuple[str, int, int, str]]:
    return [(p.path, m.line, m.column, m.tag) for p in in_documents(result.documents) for m in p.marks]


def test_the_grammar_still_does_not_parse_a_parameter_s_value():
    root = parser("tree_sitter_bicep").parse(PARAMETERS.encode()).root_node
    assert root.named_children[0].type == "using_statement"
    assert root.has_error  # once it parses, read the values instead of saying them not read


def test_each_value_of_the_parameters_file_is_said_not_read_where_it_is_written(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": MAIN, "main.bicepparam": PARAMETERS})
    assert _unread(result) == [
        ("main.bicepparam", 3, 1, BICEPPARAM_NOT_READ),
        ("main.bicepparam", 4, 1, BICEPPARAM_NOT_READ),
    ]
    assert {f.mark.path for f in result.findings if f.mark} == {"main.bicep"}


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
