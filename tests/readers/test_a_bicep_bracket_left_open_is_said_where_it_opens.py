"""A Bicep file that leaves a bracket open (a resource's `{` never closed, an array's `[`, a call's `(`) is
MIG001 at that bracket, saying which one is left open and what is missing, as the Terraform, PowerShell
and Python readers say of the same fault; it said "what is written at line 1, column 1 cannot be read". A
fault of another kind still says where the grammar stops."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

RESOURCE = "resource vm 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' = {\n"

CASES = {
    "resource": (
        f"{RESOURCE}  name: 'web01'\n",
        "1:69",
        "the block or object opened here is not closed (`}` missing)",
    ),
    "inner closed, outer open": (
        f"{RESOURCE}  name: 'web01'\n  properties: {{\n    size: 'Small'\n  }}\n// the end\n",
        "1:69",
        "the block or object opened here is not closed (`}` missing)",
    ),
    "array": (
        f"{RESOURCE}  name: 'web01'\n}}\nvar names = [\n  'web01'\n",
        "4:13",
        "the array opened here is not closed (`]` missing)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_bracket_left_open_is_named_where_it_opens(tmp_path, monkeypatch, case):
    text, at, said = CASES[case]
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": text}, dedent=False).findings
    assert where([finding]) == [f"MIG001 main.bicep:{at}"]
    assert finding.message == f"not valid Bicep: {said}"


def test_a_closing_brace_too_many_still_says_where_the_grammar_stops(tmp_path, monkeypatch):
    text = f"{RESOURCE}  name: 'web01'\n}}\n}}\n"
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": text}, dedent=False).findings
    assert finding.message == "not valid Bicep: what is written at line 4, column 1 cannot be read"
