"""A VM the legacy SDK creates in a counted loop, named by the turn's number padded with zeros
(`f"vm-{i:02d}"`, `"vm-{:02d}".format(i)`), was a stand-in for a name the script does not state (`<VM name,
deploy.py:7, turn 1>`), where `"vm-%02d" % i` and the same f-string running the classic CLI gave `vm-00`,
`vm-01`: each turn's VM is now named as Python formats it. A string given a number's format is still a name
the reader cannot tell (Python refuses it)."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

SCRIPT = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
for i in {turns}:
    name = {name}
    disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/" + name + ".vhd")
    sms.add_role("shop", "shop", name, LinuxConfigurationSet(name, "ops", "pw"), disk)
"""


def _vm_names(name: str, turns: str = "range(2)") -> list[str]:
    resources = script_resources(SCRIPT.format(turns=turns, name=name), "deploy.py")
    return sorted(role.name for d in resources if isinstance(d, Deployment) for role in d.roles)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('f"vm-{i:02d}"', ["vm-00", "vm-01"]),
        ('f"vm-{i:3d}"', ["vm-  0", "vm-  1"]),
        ('"vm-{:02d}".format(i)', ["vm-00", "vm-01"]),
        ('"vm-{0:03d}-{1}".format(i, "web")', ["vm-000-web", "vm-001-web"]),
        ('"vm-%03d" % i', ["vm-000", "vm-001"]),
    ],
)
def test_each_turn_creates_the_vm_its_padded_number_names(name: str, expected: list[str]) -> None:
    assert _vm_names(name) == expected


@pytest.mark.parametrize("name", ['f"vm-{i:02d}"', '"vm-{:02d}".format(i)'])
def test_a_string_given_a_numbers_format_is_not_a_name_the_reader_tells(name: str) -> None:
    assert all(vm.startswith("<VM name") for vm in _vm_names(name, turns='["a", "b"]'))
