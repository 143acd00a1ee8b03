"""In argument mode PowerShell reads characters run straight onto a quoted string's opening quote and the
string as one argument (about_Parsing: `TestExe e" "f` passes `e f`); a string that starts an argument
ends it, the characters after its closing quote being the next argument (`'a'b` passes `a` and `b`).
`Read-Host "Please update the file "+ $path +", then press ENTER"` passes four arguments. The grammar read
the `+` as an operator and wrapped the command in an error, so the line was a part not read. In an
expression (`$name = "web"+ "-prod"`) the `+` stays an operator."""

from __future__ import annotations

import pytest
from lint_support import script_resources, unread_marks

from migcheck.model import ServiceRegion, StorageAccountType

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


@pytest.mark.parametrize("argument", ["'acct'x", '"accttwo"+'])
def test_a_string_that_starts_the_argument_ends_it(argument: str) -> None:
    # PowerShell passes `'acct'x` as two arguments, `acct` and `x` (PowerShell issues 6467, 15888): the
    # account's name is not `acctx`; the command is still read.
    script = f'New-AzureStorageAccount -StorageAccountName {argument} -Location "West US"\n' + SERVICE
    resources = script_resources(script, "migrate.ps1")
    names = [r.name for r in resources if isinstance(r, StorageAccountType)]
    assert unread_marks(resources) == []
    assert names == ["<storage account name, migrate.ps1:1:45>"]
    assert _regions(resources) == [("web-prod", "West US")]


@pytest.mark.parametrize(
    ("argument", "name"),
    [
        ('acct"two"', "accttwo"),
        ("acct'two'", "accttwo"),
        ("acct'$x'", "acct$x"),
        ('acct"$suffix"', "acctprod"),
        ("acct\"tw\"\"o\"'x''y'", "accttw\"ox'y"),
    ],
)
def test_a_word_goes_on_through_the_quoted_parts_after_it(argument: str, name: str) -> None:
    # A word that starts unquoted goes on through the quoted parts run onto it, their quotes taken off
    # (about_Parsing: `TestExe e" "f` passes `e f`; PowerShell issue 15889: `"a"b"c"` passes `a` and `bc`),
    # the single-quoted ones read as written.
    script = f'$suffix = "prod"\nNew-AzureStorageAccount -StorageAccountName {argument} -Location "West US"\n'
    resources = script_resources(script + SERVICE, "migrate.ps1")
    assert unread_marks(resources) == []
    assert [r.name for r in resources if isinstance(r, StorageAccountType)] == [name]


def test_a_variable_in_a_quoted_part_with_characters_after_it_is_not_stated() -> None:
    # `acct"$n"x` is `acct` + $n + `x`, which the reader does not join: the name is a stand-in, never the
    # value of a variable `$nx`.
    script = (
        '$n = "one"\n$nx = "two"\nNew-AzureStorageAccount -StorageAccountName acct"$n"x -Location "West US"\n'
    )
    resources = script_resources(script, "migrate.ps1")
    assert [r.name for r in resources if isinstance(r, StorageAccountType)] == [
        "<storage account name, migrate.ps1:3:45>"
    ]
