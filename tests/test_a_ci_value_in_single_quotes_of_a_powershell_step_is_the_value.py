"""A CI service fills in each `${{ ... }}` (and an Azure Pipelines `$(name)` macro) of a step's script before
PowerShell runs it, whatever quotes the script has around it: `'${{ secrets.IP }}'` was read as the literal
characters `${secrets.IP}`, a reserved IP of that name. The single-quoted string that holds such a part is
now read as the double-quoted one of the same characters, the part a value the file does not state, as a
Terraform provisioner's command's `${var.x}` is (see
test_a_terraform_value_in_single_quotes_of_a_powershell_command_is_the_value)."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, ReservedIp

RESERVE = "New-AzureReservedIP -ReservedIPName {name} -Location 'West US' -ServiceName shopsvc"


def _github(name: str) -> str:
    return (
        "on: push\njobs:\n  ip:\n    runs-on: windows-latest\n    steps:\n"
        f"      - shell: pwsh\n        run: {RESERVE.format(name=name)}\n"
    )


def _azure(name: str) -> str:
    return f"trigger: none\nsteps:\n- powershell: {RESERVE.format(name=name)}\n"


def _reserved(text: str, path: str) -> list[tuple[str, int, int]]:
    found = script_resources(text, path)
    named = [r.reserved_ip for r in found if isinstance(r, Deployment) and r.reserved_ip is not None]
    named += [r for r in found if isinstance(r, ReservedIp)]
    return [(reserved.name, reserved.mark.line, reserved.mark.column) for reserved in named]


@pytest.mark.parametrize(
    ("path", "text", "place"),
    [
        (".github/workflows/ip.yml", _github("'ip-${{ secrets.IP }}'"), (7, 50)),
        ("azure-pipelines.yml", _azure("'ip-$(IpName)'"), (3, 51)),
    ],
)
def test_a_part_the_service_fills_in_in_single_quotes_is_a_value_not_stated(path, text, place):
    ((name, line, column),) = _reserved(text, path)
    assert name.startswith("<reserved IP name") and (line, column) == place


def test_a_single_quoted_name_of_no_such_part_is_its_characters():
    assert _reserved(_github("'ip-$x'"), ".github/workflows/ip.yml") == [("ip-$x", 7, 50)]
