"""A VM's subnet list a Python script builds of one item the caller may leave out (an option its parser declares
with no default, an environment variable read with no default) is left to the caller: with the item given,
the VM is in that subnet; without it, the list is empty (`[args.subnet] if args.subnet else []`) or holds None,
and the SDK sends no subnet name, so MIG203 warns that the VM has no subnet unless the caller gives it. So
whether the list is built in place, kept in a name first (`subnet_names = subnets`), or built of a name the
option's value was given first (`sub = args.subnet`, `sub = os.environ.get('SUBNET')`). Before, a value kept in
a name lost what said it was the caller's: the subnet was a value not stated, and nothing was said."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

SCRIPT = """\
import argparse
import os
from azure.servicemanagement import (
    ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService,
)
parser = argparse.ArgumentParser()
parser.add_argument('--subnet'{default})
args = parser.parse_args()
sms = ServiceManagementService('sub', 'c.pem')
system = LinuxConfigurationSet('h', 'core', None, True)
disk = OSVirtualHardDisk(media_link='https://acct.blob.core.windows.net/vhds/x.vhd', source_image_name='img')
network = ConfigurationSet()
{subnets}
sms.create_virtual_machine_deployment('shop', 'dep', 'production', 'vm0', 'vm0', system, disk,
    network_config=network, role_size='Small', virtual_network_name='prodnet')
"""
OPTION = "the caller gives `--subnet`"
ENVIRONMENT = "the environment that runs the script sets `SUBNET`"
HELD = {
    "in place": ("network.subnet_names = [args.subnet] if args.subnet else []", OPTION),
    "kept in a name": (
        "subnets = [args.subnet] if args.subnet else []\nnetwork.subnet_names = subnets",
        OPTION,
    ),
    "option in a name": ("sub = args.subnet\nnetwork.subnet_names = [sub] if sub else []", OPTION),
    "option in a name, listed alone": ("sub = args.subnet\nnetwork.subnet_names = [sub]", OPTION),
    "environment in a name": ("sub = os.environ.get('SUBNET')\nnetwork.subnet_names = [sub]", ENVIRONMENT),
    "environment in a name, tested": (
        "sub = os.environ.get('SUBNET')\nnetwork.subnet_names = [sub] if sub else []",
        ENVIRONMENT,
    ),
}


def _mig203(tmp_path, monkeypatch, subnets: str, default: str = ""):
    script = SCRIPT.format(subnets=subnets, default=default)
    return lint_files(tmp_path, monkeypatch, {"create.py": script}, "MIG203", dedent=False).findings


@pytest.mark.parametrize(("subnets", "given"), list(HELD.values()), ids=list(HELD))
def test_the_vm_has_no_subnet_unless_the_caller_gives_it(tmp_path, monkeypatch, subnets, given) -> None:
    (finding,) = _mig203(tmp_path, monkeypatch, subnets)
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith(
        f"VM 'vm0' of cloud service 'shop' is in virtual network 'prodnet' and has no subnet unless {given} (line "
    )
    line = 14 + subnets.count("\n")
    assert where([finding]) == [f"MIG203 create.py:{line}:5"]


@pytest.mark.parametrize("subnets", [HELD["kept in a name"][0], HELD["option in a name"][0]])
def test_an_option_with_a_default_keeps_the_subnet_set(tmp_path, monkeypatch, subnets) -> None:
    assert _mig203(tmp_path, monkeypatch, subnets, default=", default='web'") == []
