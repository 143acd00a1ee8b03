"""A subnet a Python script reads from an option its parser declares with no default (`subnet_names=
[args.subnet]`), or from an environment variable read with no default, is None when whoever runs the script
does not give it, and the SDK then sends no subnet name: the VM joins its network without a subnet unless the
caller gives `--subnet`, as MIG203 says in the caller's words, a warning, as it says of the network itself.
Given, the subnet is the caller's, which the script does not state. Before, such a subnet was a value not
stated, and nothing was said. A default or `required=True` keeps the subnet set, as ever."""

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
{option}
args = parser.parse_args()
sms = ServiceManagementService('sub', 'c.pem')
system = LinuxConfigurationSet('h', 'core', None, True)
disk = OSVirtualHardDisk(media_link='https://acct.blob.core.windows.net/vhds/x.vhd', source_image_name='img')
network = ConfigurationSet()
network.subnet_names = [{subnet}]
sms.create_virtual_machine_deployment('shop', 'dep', 'production', 'vm0', 'vm0', system, disk,
    network_config=network, role_size='Small', virtual_network_name='prodnet')
"""


def _mig203(tmp_path, monkeypatch, option: str, subnet: str):
    script = SCRIPT.format(option=option, subnet=subnet)
    return lint_files(tmp_path, monkeypatch, {"create.py": script}, "MIG203", dedent=False).findings


@pytest.mark.parametrize(
    ("option", "subnet", "given"),
    [
        ("parser.add_argument('--subnet')", "args.subnet", "the caller gives `--subnet`"),
        ("parser.add_argument('--subnet', default=None)", "args.subnet", "the caller gives `--subnet`"),
        ("", "os.environ.get('SUBNET')", "the environment that runs the script sets `SUBNET`"),
    ],
    ids=["no-default", "default-none", "environment"],
)
def test_a_subnet_left_to_the_caller_may_be_none(tmp_path, monkeypatch, option, subnet, given) -> None:
    (finding,) = _mig203(tmp_path, monkeypatch, option, subnet)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        f"VM 'vm0' of cloud service 'shop' is in virtual network 'prodnet' and has no subnet unless {given} (line 13)"
    )
    assert where([finding]) == ["MIG203 create.py:14:5"]


@pytest.mark.parametrize(
    "option",
    ["parser.add_argument('--subnet', default='web')", "parser.add_argument('--subnet', required=True)"],
)
def test_a_subnet_surely_set_says_nothing(tmp_path, monkeypatch, option) -> None:
    assert _mig203(tmp_path, monkeypatch, option, "args.subnet") == []
