"""A VM's subnet list a Python script builds of an option the caller may leave out, in a function of its own
from its parameter (`def subnets(s): return [s] if s else []`) or by the conditional written with `and` and
`or` before Python had `a if b else c` (`args.subnet and [args.subnet] or []`), is left to the caller: with the
option given, the VM is in that subnet; without it, the list is empty and the SDK sends no subnet name, so
MIG203 warns that the VM has no subnet unless the caller gives `--subnet`. Before, the `and`/`or` list was a
value not stated, and nothing was said. A default keeps the subnet set; an `and`/`or` whose middle operand
may be false is not such a conditional, and stays a value not stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

SCRIPT = """\
import argparse
from azure.servicemanagement import (
    ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService,
)
parser = argparse.ArgumentParser()
parser.add_argument('--subnet'{default})
args = parser.parse_args()
sms = ServiceManagementService('sub', 'c.pem')
system = LinuxConfigurationSet('h', 'core', None, True)
disk = OSVirtualHardDisk(media_link='https://acct.blob.core.windows.net/vhds/x.vhd', source_image_name='img')
def subnets(s):
    return [s] if s else []
network = ConfigurationSet()
network.subnet_names = {subnets}
sms.create_virtual_machine_deployment('shop', 'dep', 'production', 'vm0', 'vm0', system, disk,
    network_config=network, role_size='Small', virtual_network_name='prodnet')
"""
BUILT = {
    "helper": ("subnets(args.subnet)", 12),
    "and-or": ("args.subnet and [args.subnet] or []", 14),
    "and-or of a name": ("args.subnet and [args.subnet] or list()", 14),
}


def _mig203(tmp_path, monkeypatch, subnets: str, default: str = ""):
    script = SCRIPT.format(subnets=subnets, default=default)
    return lint_files(tmp_path, monkeypatch, {"create.py": script}, "MIG203", dedent=False).findings


@pytest.mark.parametrize(("subnets", "built_at"), list(BUILT.values()), ids=list(BUILT))
def test_the_vm_has_no_subnet_unless_the_caller_gives_it(tmp_path, monkeypatch, subnets, built_at) -> None:
    (finding,) = _mig203(tmp_path, monkeypatch, subnets)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "VM 'vm0' of cloud service 'shop' is in virtual network 'prodnet' and has no subnet unless the caller"
        f" gives `--subnet` (line {built_at})"
    )
    assert where([finding]) == ["MIG203 create.py:15:5"]


@pytest.mark.parametrize("subnets", [built for built, _ in BUILT.values()], ids=list(BUILT))
def test_an_option_with_a_default_keeps_the_subnet_set(tmp_path, monkeypatch, subnets) -> None:
    assert _mig203(tmp_path, monkeypatch, subnets, default=", default='web'") == []


def test_an_and_or_whose_middle_may_be_false_is_not_read_as_a_conditional(tmp_path, monkeypatch) -> None:
    # `args.subnet and [] or ['web']` is ['web'] whether the option is given or not: surely in a subnet.
    assert _mig203(tmp_path, monkeypatch, "args.subnet and [] or ['web']") == []
