"""`& { … }` and `. { … }` run the block once, there (about_Operators: the call operator `&` runs a script
block, in a child scope; the dot sourcing operator `.` runs it in the current scope, about_Scopes), as a call
of a function does. So an `if` and `else` in it are one choice whose branches are alternatives, as in the
script's own code: a create on both branches fails today whichever runs (MIG601), where the block was read as
code that may run any number of times, whose creates run "only on some paths". A variable the dot-sourced
block sets is the script's after it."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import ServiceRegion

CHOICE = """\
param([string]$Size)
if ($Size -eq "big") {
    New-AzureService -ServiceName "contoso-big" -Location "West Europe"
} else {
    New-AzureService -ServiceName "contoso-small" -Location "West Europe"
}
"""


@pytest.mark.parametrize("operator", ["&", "."])
def test_a_create_on_both_branches_of_an_if_in_the_block_fails_today(tmp_path, monkeypatch, operator):
    body = CHOICE.split("\n", 1)[1]
    script = CHOICE.split("\n", 1)[0] + f"\n{operator} {{\n{body}}}\n"
    result = lint_files(tmp_path, monkeypatch, {"new-service.ps1": script}, "MIG601")
    (finding,) = result.findings
    assert ") fail today, since" in finding.message
    assert "whenever" not in finding.message


def test_a_variable_a_dot_sourced_block_sets_is_the_scripts() -> None:
    script = '. { $name = "contoso-web" }\nNew-AzureService -ServiceName $name -Location "West Europe"\n'
    resources = script_resources(script, "new-service.ps1")
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == ["contoso-web"]


def test_a_variable_a_block_run_with_the_call_operator_sets_is_its_own() -> None:
    script = '$name = "contoso-web"\n& { $name = "contoso-api" }\n'
    script += 'New-AzureService -ServiceName $name -Location "West Europe"\n'
    resources = script_resources(script, "new-service.ps1")
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == ["contoso-web"]
