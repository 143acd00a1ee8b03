"""An item of a bare-word list in a command's arguments that starts with a word PowerShell keeps for a
keyword and a dash (`-SubnetNames Front, Data-2`, `Do-It`, `Class-A`) is one bare word, as `Back-End` is:
PowerShell reads a keyword only as a whole word, and only where a command's name goes, never after a comma.
It was taken for a command's name, and the command was a part not read."""

from __future__ import annotations

from lint_support import script_resources, unread_marks

from migcheck.model import Deployment

VM = (
    "New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img"
    " | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password p"
    " | Set-AzureSubnet -SubnetNames {subnets}"
    " | New-AzureVM -ServiceName svc -VNetName appnet\n"
)


def _subnets(subnets: str) -> tuple[list[str], list[tuple[int, int]]]:
    resources = script_resources(VM.format(subnets=subnets), "deploy.ps1")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    (role,) = deployment.roles
    return [subnet.name for subnet in role.subnets], unread_marks(resources)


def test_an_item_named_data_and_a_number_is_a_subnet() -> None:
    assert _subnets("Front, Data-2") == (["Front", "Data-2"], [])


def test_items_named_after_other_keywords_are_subnets_too() -> None:
    assert _subnets("Front, Do-It, Class-A") == (["Front", "Do-It", "Class-A"], [])


def test_such_an_item_first_in_the_list_is_read_as_before() -> None:
    assert _subnets("Data-2, Front") == (["Data-2", "Front"], [])
