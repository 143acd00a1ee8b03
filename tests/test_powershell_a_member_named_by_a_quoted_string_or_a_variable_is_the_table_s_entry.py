"""A member of a hashtable the script writes out, named not as a plain word but by a quoted string or a
variable in its place (`$t."$k"`, `$t.'web'`, `$t.$k`, `$t.$($k)`), is the entry of that key, as
PowerShell reads it: the cloud service `New-AzureVM -ServiceName $Services."$role"` names is the one the
table holds. The reader took the name as written, quotes and all, and the service was one the script does
not name (""). A key the reader does not know still leaves the member unknown."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

SCRIPT = """\
param([string]$Other)
$Services = @{ web = "shop-web"; api = "shop-api" }
$role = "web"
$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img
New-AzureVM -ServiceName {member} -Location "West US" -VMs $vm
"""


def _services(member: str) -> list[str]:
    text = SCRIPT.replace("{member}", member)
    return [d.service_name for d in script_resources(text, "deploy.ps1") if isinstance(d, Deployment)]


@pytest.mark.parametrize(
    ("member", "service"),
    [
        ('$Services."$role"', "shop-web"),
        ("$Services.'api'", "shop-api"),
        ("$Services.$role", "shop-web"),
        ("$Services.$($role)", "shop-web"),
        ('($Services."api")', "shop-api"),
        ("$Services.web", "shop-web"),
    ],
)
def test_the_member_is_the_entry_of_the_key_it_names(member: str, service: str) -> None:
    assert _services(member) == [service]


def test_a_member_named_by_a_value_the_script_does_not_state_is_not_known() -> None:
    assert _services('$Services."$Other"') == [""]
