"""A class attribute a subclass overrides (`class Prod(Base): VNET = 'prod-vnet'`) is the subclass's in the
methods of the base class called on an instance of the subclass, however the method reads it: on the
instance (`self.VNET`), or on its class (`type(self).VNET`, `self.__class__.VNET`); on an instance of the
base class, or of a subclass that does not override it, it is the base class's."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

HEAD = """\
from azure.servicemanagement import ConfigurationSet, ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")
net = ConfigurationSet()
net.subnet_names.append("front")

class Base:
    VNET = "base-vnet"
    def deploy(self, svc):
        sms.create_virtual_machine_deployment(svc, svc, "production", "l", "vm1", None, None,
                                              network_config=net, virtual_network_name={read})

class Prod(Base):
    VNET = "prod-vnet"

class Test(Base):
    VNET = "test-vnet"

class ProdEU(Prod):
    pass

"""


def _networks(read: str, calls: str) -> dict[str, str | None]:
    """The network of each deployment the script describes, by the deployment's name."""
    document = read_document("deploy.py", (HEAD.format(read=read) + calls).encode(), explicit=True)
    assert document is not None and document.problem is None
    return {
        d.name: d.virtual_network.name if d.virtual_network else None
        for d in document.resources
        if isinstance(d, Deployment)
    }


READS = ["self.VNET", "type(self).VNET", "self.__class__.VNET"]


@pytest.mark.parametrize("read", READS, ids=["on-the-instance", "type-of-the-instance", "dunder-class"])
def test_each_instance_reads_its_own_class_s_value(read: str) -> None:
    calls = 'Prod().deploy("svc1")\nTest().deploy("svc2")\nBase().deploy("svc3")\np = ProdEU()\np.deploy("svc4")\n'
    assert _networks(read, calls) == {
        "svc1": "prod-vnet",
        "svc2": "test-vnet",
        "svc3": "base-vnet",
        "svc4": "prod-vnet",
    }


@pytest.mark.parametrize("read", READS[1:], ids=["type-of-the-instance", "dunder-class"])
def test_in_a_method_of_the_subclass_and_through_main(read: str) -> None:
    calls = (
        "class Staging(Base):\n"
        '    VNET = "staging-vnet"\n'
        "    def run(self):\n"
        '        self.deploy("svc1")\n'
        "def main():\n"
        "    Staging().run()\n"
        'if __name__ == "__main__":\n'
        "    main()\n"
    )
    assert _networks(read, calls) == {"svc1": "staging-vnet"}


def test_a_type_the_script_defines_is_not_python_s() -> None:
    calls = 'def type(x):\n    return Test\nProd().deploy("svc1")\n'
    [network] = _networks("type(self).VNET", calls).values()
    assert network is not None and network.startswith("<virtual network name")


def test_a_class_attribute_the_script_sets_elsewhere_is_unknown() -> None:
    calls = 'Prod.VNET = input()\nProd().deploy("svc1")\n'
    [network] = _networks("type(self).VNET", calls).values()
    assert network is not None and network.startswith("<virtual network name")
