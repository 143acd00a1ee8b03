"""A command's argument that ends with a method call (`$label.Trim()`) is one argument, as PowerShell
reads it, and the arguments after it bind as the script writes them.

tree-sitter-powershell reads such an argument as the member called (`$label.Trim`) and the call's
parentheses as an element of its own. Bound as written, the parentheses were one more argument by position:
`New-AzureService -Label $label.Trim() svc1 'West Europe'` named the service `()` and placed it in a region
called 'svc1'. An argument that goes on past the call (`$cfg.Get().Label`) where there is no room to
parenthesize it is read so too (see `test_powershell_arguments_past_a_call_hide_no_statement`)."""

from __future__ import annotations

import pytest

from migcheck.model import ServiceRegion
from migcheck.readers import read_document


def _regions(script: str) -> list[tuple[str, str, int, int]]:
    document = read_document("deploy.ps1", script.encode(), explicit=True)
    assert document is not None
    return [
        (r.service, r.location, r.mark.line, r.mark.column)
        for r in document.resources
        if isinstance(r, ServiceRegion)
    ]


@pytest.mark.parametrize(
    "label",
    [
        "$label.Trim()",
        '$label.Replace("-", " ")',
        "$labels.Item(0).ToUpper()",  # a call after a call
        "$cfg.Get().Label",  # a member after a call
        '$names.Split(",")[0]',  # an index after a call
        "$first.Trim(), $second.Trim()",  # a list of them
    ],
)
def test_the_arguments_after_it_bind_by_position_as_written(label):
    script = f"New-AzureService -Label {label} svc1 'West Europe'\n"
    assert _regions(script) == [("svc1", "West Europe", 1, 1)]


def test_it_is_the_first_argument_by_position():
    script = "$location = 'West Europe'\nNew-AzureService $name.Trim() $location\n"
    assert [(location, line) for _, location, line, _ in _regions(script)] == [("West Europe", 2)]
