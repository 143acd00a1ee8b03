"""A function that creates a cloud service named from its parameter (`New-AzureVM -ServiceName
"$Prefix-svc"`, `["azure", "vm", "create", prefix + "-svc", ...]`), called with two values the script does
not state (`New-Tier $WebPrefix` then `New-Tier $DbPrefix`; `tier(sys.argv[1])` then `tier(sys.argv[2])`),
made one service of both calls: the second VM was lost (Python) or added to the first call's deployment, and
the reserved IP the second call creates it with was said not to be applied. Values of two variables (two
arguments, two environment variables) are two values, so the calls create two services, each with its own
VM and reserved IP, as a shell function given "$WEB_PREFIX" and "$DB_PREFIX" does; calls given one value
still create one."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, Script

PS_TIER = """\
param([string]$WebPrefix, [string]$DbPrefix)
function New-Tier([string]$Prefix, [string]$Subnet) {
    $vm = New-AzureVMConfig -Name "$Prefix-vm1" -InstanceSize Small -ImageName 'img' | Add-AzureProvisioningConfig -Windows -AdminUsername 'u' -Password 'p' | Set-AzureSubnet -SubnetNames $Subnet
    New-AzureVM -ServiceName "$Prefix-svc" -VNetName 'appvnet' -Location 'West Europe' -ReservedIPName "$Prefix-ip" -VMs $vm
}
New-Tier -Prefix {first} -Subnet 'web'
New-Tier -Prefix {second} -Subnet 'data'
"""

PY_TIER = """\
import os
import subprocess
import sys


def tier(prefix, subnet):
    subprocess.check_call(["azure", "vm", "create", prefix + "-svc", "img", "user", "P@ss1234", "--vm-name",
                           prefix + "-vm1", "--virtual-network-name", "appvnet", "--subnet-names", subnet,
                           "--location", "West Europe", "--reserved-ip", prefix + "-ip"])


tier({first}, "web")
tier({second}, "data")
"""


def _services(template: str, path: str, first: str, second: str) -> tuple[list[tuple[str, int]], list[str]]:
    """The deployments the script describes, with how many VMs each, and the tags of the parts not read."""
    resources = script_resources(template.replace("{first}", first).replace("{second}", second), path)
    deployments = [(r.name, len(r.roles)) for r in resources if isinstance(r, Deployment)]
    unread = [m.tag for r in resources if isinstance(r, Script) for m in r.unread]
    return deployments, unread


@pytest.mark.parametrize(
    ("template", "path", "first", "second"),
    [
        (PS_TIER, "t.ps1", "$WebPrefix", "$DbPrefix"),
        (PY_TIER, "t.py", "sys.argv[1]", "sys.argv[2]"),
        (PY_TIER, "t.py", 'os.environ["WEB"]', 'os.getenv("DB")'),
    ],
)
def test_two_values_are_two_services_each_with_its_reserved_ip(template, path, first, second):
    deployments, unread = _services(template, path, first, second)
    assert [vms for _, vms in deployments] == [1, 1]
    assert len({name for name, _ in deployments}) == 2
    assert unread == []


@pytest.mark.parametrize(
    ("template", "path", "value"),
    [(PS_TIER, "t.ps1", "$WebPrefix"), (PY_TIER, "t.py", "sys.argv[1]")],
)
def test_one_value_passed_twice_is_one_service_of_two_vms(template, path, value):
    deployments, _ = _services(template, path, value, value)
    assert len(deployments) == 1
