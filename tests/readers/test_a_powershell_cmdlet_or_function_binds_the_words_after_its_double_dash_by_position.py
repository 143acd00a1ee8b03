"""PowerShell ends a cmdlet's or a function's parameters at its first `--` (the end-of-parameters token,
about_Parsing), which it takes away, and binds each word after it by position, one written as a parameter
too: `New-AzureService -Location "West US" -- web` creates cloud service `web`, not `--`."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import ServiceRegion


def _services(text: str) -> list[str]:
    return [r.service for r in script_resources(text, "make.ps1") if isinstance(r, ServiceRegion)]


@pytest.mark.parametrize(
    ("call", "service"),
    [
        ('New-AzureService -Location "West US" -- web', "web"),
        ('New-AzureService -Location "West US" -- -web', "-web"),
        (
            "function Make($Name) { New-AzureService -ServiceName $Name -Location 'West US' }\nMake -- web",
            "web",
        ),
        (
            "function Make($Name) { New-AzureService -ServiceName $Name -Location 'West US' }\nMake -- -web",
            "-web",
        ),
    ],
)
def test_the_words_after_double_dash_are_bound_by_position(call, service):
    assert _services(call + "\n") == [service]
