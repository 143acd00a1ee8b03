"""An Azure Automation runbook declares what its workflow outputs by `[OutputType([String])]` on a line of its
own after the workflow's `param (…)`. It does nothing when the runbook runs: the statements after it are
read, where the rest of the body was one part the parser could not read."""

from __future__ import annotations

import pytest
from lint_support import script_resources, unread_marks

from migcheck.model import ServiceRegion

RUNBOOK = """\
workflow StartStopAzureClassicVms
{
    param (
        [Parameter(Mandatory=$false)]
        [String] $ServiceName
    )

    # Returns strings with status messages
    [OutputType([String])]

    New-AzureService -ServiceName svc1 -Location 'West US'
}
"""


def _services(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    resources = script_resources(text, "runbook.ps1")
    return [r.service for r in resources if isinstance(r, ServiceRegion)], unread_marks(resources)


@pytest.mark.parametrize(
    "declared",
    [
        "[OutputType([String])]",
        "[outputtype([string], [int])]  # what it returns",
        "[OutputType('System.String')]",
    ],
)
def test_the_body_after_the_output_type_is_read(declared):
    assert _services(RUNBOOK.replace("[OutputType([String])]", declared)) == (["svc1"], [])


def test_an_output_type_before_the_param_block_is_read_as_it_was():
    function = "function Deploy {\n    [OutputType([String])]\n    param($name)\n    New-AzureService -ServiceName svc1 -Location 'West US'\n}\nDeploy\n"
    assert _services(function) == (["svc1"], [])


def test_an_output_type_in_a_string_stays_in_the_string():
    script = (
        "$name = @'\n[OutputType([String])]\n'@\nNew-AzureService -ServiceName $name -Location 'West US'\n"
    )
    assert _services(script + RUNBOOK) == (["[OutputType([String])]", "svc1"], [])
