"""A VM a Python script creates with the legacy SDK in a `while` loop counted in numbers it writes out (`i =
0`, `while i < 3: ... f"web{i}" ...; i += 1`) was one VM standing for "1 or more", where the same loop
running the classic CLI, in PowerShell or in shell names web0, web1 and web2: it now creates one VM per
turn, each named by that turn's count. A loop whose count is not stated, or that may leave a turn early,
is still one VM for the turns of the `while`."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

SCRIPT = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
{loop}
    disk = OSVirtualHardDisk("img", f"https://acct.blob.core.windows.net/vhds/web{i}.vhd")
    sms.add_role("shop", "shop", f"web{i}", LinuxConfigurationSet("h", "ops", "pw"), disk)
{step}
"""


def _roles(loop: str, step: str = "    i += 1") -> list[tuple[str, str]]:
    resources = script_resources(SCRIPT.replace("{loop}", loop).replace("{step}", step), "deploy.py")
    return [(r.name, r.looped_over) for d in resources if isinstance(d, Deployment) for r in d.roles]


@pytest.mark.parametrize(
    ("loop", "step", "names"),
    [
        ("i = 0\nwhile i < 3:", "    i += 1", ["web0", "web1", "web2"]),
        ("i = 1\nwhile i <= 3:", "    i += 2", ["web1", "web3"]),
        ("i = 4\nwhile i > 2:", "    i -= 1", ["web3", "web4"]),
    ],
)
def test_a_while_counted_in_numbers_creates_one_vm_per_turn(loop: str, step: str, names: list[str]) -> None:
    assert sorted(_roles(loop, step)) == [(name, "") for name in names]


@pytest.mark.parametrize(
    ("loop", "step"),
    [
        ("i = int(sys.argv[1])\nwhile i < 3:", "    i += 1"),
        ("i = 0\nwhile i < 3:", "    if sys.argv[1:]:\n        break\n    i += 1"),
        ("i = 0\nwhile i < 3:", "    i += 1\n    print(i)"),
    ],
)
def test_a_while_whose_turns_are_not_stated_is_one_vm_for_its_turns(loop: str, step: str) -> None:
    ((_name, looped),) = _roles(loop, step)
    assert looped == "the turns of `while i < 3`"
