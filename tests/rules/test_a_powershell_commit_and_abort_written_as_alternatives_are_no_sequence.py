"""MIG602 of a Commit after an Abort judges steps one run of the script takes together: a Commit and an Abort
the script writes as alternatives (the branches of an if and its else, the clauses of a `switch` on a
parameter, declared with a type or not, the steps written in them or in functions they call) never run in
one invocation, so neither is out of order; one written after the other still is."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PREPARE = "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'net'\n"
ABORT = "Move-AzureVirtualNetwork -Abort -VirtualNetworkName 'net'"
COMMIT = "Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'net'"
FUNCTIONS = f"function Undo {{ {ABORT} }}\nfunction Done {{ {COMMIT} }}\n"

ALTERNATIVES = {
    "if and else": f"param($Undo)\n{PREPARE}if ($Undo) {{\n  {ABORT}\n}} else {{\n  {COMMIT}\n}}\n",
    "a switch on an untyped parameter": (
        f"param($Step)\n{PREPARE}switch ($Step) {{\n  'Abort' {{\n    {ABORT}\n  }}\n"
        f"  'Commit' {{\n    {COMMIT}\n  }}\n}}\n"
    ),
    "a switch on one line": f"param($Step)\n{PREPARE}switch ($Step) {{ 'Abort' {{ {ABORT} }} 'Commit' {{ {COMMIT} }} }}\n",
    "a switch on a string parameter": (
        f"param([string]$Step)\n{PREPARE}switch ($Step) {{\n  'Abort' {{ {ABORT} }}\n  'Commit' {{ {COMMIT} }}\n}}\n"
    ),
    "a switch calling functions": (
        f"param($Step)\n{FUNCTIONS}{PREPARE}switch ($Step) {{ 'Abort' {{ Undo }} 'Commit' {{ Done }} }}\n"
    ),
}


@pytest.mark.parametrize("script", ALTERNATIVES.values(), ids=ALTERNATIVES)
def test_alternatives_are_not_out_of_order(tmp_path, monkeypatch, script) -> None:
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, "MIG602", dedent=False)
    assert result.findings == []


def test_a_commit_written_after_the_abort_is_out_of_order(tmp_path, monkeypatch) -> None:
    script = f"param($Step)\n{PREPARE}{ABORT}\n{COMMIT}\n"
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, "MIG602", dedent=False)
    assert [f.code for f in result.findings] == ["MIG602"]
    assert "comes after Move-AzureVirtualNetwork -Abort" in result.findings[0].message
