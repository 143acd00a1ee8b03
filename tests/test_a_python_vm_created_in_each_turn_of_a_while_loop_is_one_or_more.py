"""A VM a Python script creates with the legacy SDK in each turn of a `while` loop, named by what the loop
changes from turn to turn (`while i < n: ... f"web{i}" ...; i += 1`), stands for one VM per turn: the
readiness summary said "shop (1 VM)"; it now says "1 or more VMs", as of a PowerShell or shell `while`. A VM
named by a value from outside the loop is one VM."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

SCRIPT = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
n = int(sys.argv[1])
fixed = sys.argv[2]
i = 0
while i < n:
    disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/x.vhd")
    sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", {name}, LinuxConfigurationSet("h", "ops", "pw"), disk)
    i += 1
"""


@pytest.mark.parametrize(
    ("name", "looped"),
    [
        ('f"web{i}"', "the turns of `while i < n`"),
        ('"web" + str(i)', "the turns of `while i < n`"),
        ("fixed", ""),
    ],
)
def test_a_vm_named_by_the_loop_s_counter_is_one_per_turn(name: str, looped: str) -> None:
    resources = script_resources(SCRIPT.replace("{name}", name), "deploy.py")
    roles = [r for d in resources if isinstance(d, Deployment) for r in d.roles]
    assert [r.looped_over for r in roles] == [looped]
