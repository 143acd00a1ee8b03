"""An attribute a Python class's `__init__` sets from a parameter's default (`def __init__(self, sms,
name="MyVPN")`, `self.name = name`) is what the instance holds where a method of another class reads it
(`virtual_network_name=self.vn.name` of `self.vn = VirtualNetwork(self.sms)`), as a cluster builder of 2014
puts its VMs in the network its own network configuration defines. Before, a second class of the script that
sets an attribute of the same name on its own instances (`AGroup`'s `self.name = name`) made the read a value
not stated, and the VM was in a stand-in network. Each instance holds what its own call of the class gives
(`VirtualNetwork(sms)` the default, `VirtualNetwork(sms, name="Other")` its own); an instance of a class
deriving from both, which the reader does not follow, stays a value not stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SCRIPT = """\
from azure.servicemanagement import *


class VirtualNetwork:
    def __init__(self, sms, name="MyVPN"):
        self.sms = sms
        self.name = name


class AGroup:
    def __init__(self, sms, name="Wonderland", location="China East"):
        self.name = name
        self.sms = sms

    def create(self):
        self.sms.create_affinity_group(self.name, self.name, 'China East')
{more}

class Builder:
    def __init__(self):
        self.sms = ServiceManagementService('sub', 'cert.pem')

    def prepare(self):
        self.ag = AGroup(self.sms)
        self.ag.create()
        self.vn = {network}

    def build(self, service):
        system = LinuxConfigurationSet('host', 'user', None, True)
        network = ConfigurationSet()
        network.subnet_names.append('Subnet-1')
        disk = OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/' + service + '.vhd')
        self.sms.create_virtual_machine_deployment(
            service_name=service, deployment_name=service, deployment_slot='production', label=service,
            role_name=service + '1', system_config=system, os_virtual_hard_disk=disk,
            network_config=network, role_size='Medium', virtual_network_name=self.vn.name)


b = Builder()
b.prepare()
b.build('shop')
"""


def _networks(tmp_path, monkeypatch, network: str, more: str = "") -> list[str]:
    script = SCRIPT.format(network=network, more=more)
    result = lint_files(tmp_path, monkeypatch, {"toolkit.py": script})
    (estate,) = result.estates
    return [
        p.virtual_network.name if p.virtual_network else ""
        for s in estate.cloud_services
        for p in s.placements
    ]


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        ("VirtualNetwork(self.sms)", "MyVPN"),
        ("VirtualNetwork(self.sms, name='Other')", "Other"),
        ("VirtualNetwork(sms=self.sms, name=self.ag.name)", "Wonderland"),
    ],
    ids=["default", "given", "another-instance-s"],
)
def test_the_network_is_the_one_the_instance_holds(tmp_path, monkeypatch, network, expected):
    assert _networks(tmp_path, monkeypatch, network) == [expected]


def test_a_class_deriving_from_both_is_not_followed(tmp_path, monkeypatch):
    more = "\n\nclass Both(VirtualNetwork, AGroup):\n    pass\n"
    (network,) = _networks(tmp_path, monkeypatch, "Both(self.sms)", more=more)
    assert network.startswith("<virtual network name, toolkit.py:")
