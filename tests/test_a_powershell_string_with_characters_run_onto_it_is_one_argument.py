"""In argument mode PowerShell reads a quoted string and the characters run straight onto it, after its
closing quote or before its opening one, as one argument (about_Parsing: `TestExe e" "f` passes `e f`):
`Read-Host "Please update the file "+ $path +", then press ENTER"` passes three arguments, the first
`Please update the file +`. The grammar read the `+` as an operator and wrapped the command in an error,
so the line was a part not read. In an expression (`$name = "web"+ "-prod"`) the `+` stays an operator."""

from __future__ import annotations

import pytest
from lint_support import script_resources, unread_marks

from migcheck.model import ServiceRegion

SERVICE = 'New-AzureService -ServiceName web-prod -Location "West US"\n'


def _regions(resources: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(r.service, r.location) for r in resources if isinstance(r, ServiceRegion)]


@pytest.mark.parametrize(
    "prompt",
    [
        # As a migration script asks for an edited configuration file.
        '$answer = Read-Host "`n`tPlease update the Diskname in the configuration file "+ $path +", just add '
        'your suffix $suffix to the filename! Then press ENTER to continue.."',
        "Read-Host 'a '+ $p +', b'",
    ],
    ids=["double quotes, as written in a migration script", "single quotes"],
)
def test_the_command_is_read_and_so_is_the_next(prompt: str) -> None:
    resources = script_resources(prompt + "\n" + SERVICE, "migrate.ps1")
    assert unread_marks(resources) == []
    assert _regions(resources) == [("web-prod", "West US")]


def test_in_an_expression_the_characters_are_an_operator() -> None:
    script = '$name = "web"+ "-prod"\nRead-Host "a "+ $p +", b"\n'
    script += 'New-AzureService -ServiceName $name -Location "West US"\n'
    resources = script_resources(script, "migrate.ps1")
    assert unread_marks(resources) == []
    assert _regions(resources) == [("web-prod", "West US")]
