"""An attribute a Python script sets on an object of one of its classes outside the class (`cfg = Config()`,
then `cfg.vnet = 'prodnet'`) is, where the script reads it on that object after the store (`cfg.vnet`), what
the store set, whatever it sets an attribute of that name to on an object of another class (`other =
Other()`, `other.vnet = 'othernet'`) or on another object of the same class. Before, every store of the name
on an object other than a method's `self` was taken as one that may set it on any object, so the network was a
value not stated. A store the script makes after the read, or on a name it does not show to hold that object
(a parameter), still leaves the value not stated."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
from azure.servicemanagement import (
    ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService,
)


class Config:
    pass


class Other:
    pass


{stores}
sms = ServiceManagementService('sub', 'c.pem')
system = LinuxConfigurationSet('h', 'core', None, True)
disk = OSVirtualHardDisk(media_link='https://acct.blob.core.windows.net/vhds/x.vhd', source_image_name='img')
network = ConfigurationSet()
network.subnet_names = ['web']
sms.create_virtual_machine_deployment('shop', 'dep', 'production', 'vm0', 'vm0', system, disk,
    network_config=network, role_size='Small', virtual_network_name={read})
{after}
"""
TWO_CLASSES = "cfg = Config()\ncfg.vnet = 'prodnet'\nother = Other()\nother.vnet = 'othernet'"
ONE_CLASS = "cfg = Config()\ncfg.vnet = 'prodnet'\nother = Config()\nother.vnet = 'othernet'"


def _network(stores: str, read: str, after: str = "") -> str | None:
    text = SCRIPT.format(stores=stores, read=read, after=after)
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    network = deployment.virtual_network
    return network.name if network is not None else None


@pytest.mark.parametrize(
    ("stores", "read", "network"),
    [
        (TWO_CLASSES, "cfg.vnet", "prodnet"),
        (TWO_CLASSES, "other.vnet", "othernet"),
        (ONE_CLASS, "cfg.vnet", "prodnet"),
        (ONE_CLASS, "other.vnet", "othernet"),
    ],
    ids=["first-class", "second-class", "first-object", "second-object"],
)
def test_the_read_gives_what_was_set_on_that_object(stores, read, network) -> None:
    assert _network(stores, read) == network


def test_a_store_after_the_read_is_not_what_it_reads(tmp_path) -> None:
    stores = "cfg = Config()\ncfg.vnet = 'prodnet'"
    assert _network(stores, "cfg.vnet", after="cfg.vnet = 'othernet'") != "prodnet"


def test_a_store_on_an_object_the_script_does_not_show_keeps_the_value_unstated(tmp_path) -> None:
    stores = "cfg = Config()\ncfg.vnet = 'prodnet'\ndef tune(c):\n    c.vnet = 'othernet'"
    assert _network(stores, "cfg.vnet") != "prodnet"
