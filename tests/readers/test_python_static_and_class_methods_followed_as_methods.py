"""A method of a script's class decorated `@staticmethod` or `@classmethod` is followed as a plain method is,
called on the class (`Deployer.create(...)`), on `cls` in a class method, on `self`, or on an instance: its
parameters are bound to what each call passes (a class method's `cls` is the class, whose attributes it
reads), and what it returns is what the call gives. A plain method called on the class, the instance passed
as its first argument (`Deployer.create(d, ...)`), is not followed."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

HEAD = """\
import threading
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "c.pem")
"""
STATIC = """\
class Deployer:
    @staticmethod
    def create(name, net="n1"):
        sms.create_virtual_machine_deployment(name, name, "production", name, name, None, None,
                                              virtual_network_name=net)
"""
CLASS = """\
class Deployer:
    NET = "n1"
    @classmethod
    def create(cls, name):
        sms.create_virtual_machine_deployment(name, name, "production", name, name, None, None,
                                              virtual_network_name=cls.NET)
"""


def _deployments(script: str) -> list[tuple[str, str]]:
    """Each deployment the script describes, by its name, with its network's name ("?" when unstated)."""
    document = read_document("deploy.py", (HEAD + textwrap.dedent(script)).encode(), explicit=True)
    assert document is not None and document.problem is None
    found = []
    for deployment in document.resources:
        if isinstance(deployment, Deployment):
            network = deployment.virtual_network.name if deployment.virtual_network is not None else ""
            found.append(tuple("?" if text.startswith("<") else text for text in (deployment.name, network)))
    return sorted(found)


TWO = [("svc1", "n1"), ("svc2", "n1")]
CALLS = {
    "static-on-the-class": STATIC + 'Deployer.create("svc1")\nDeployer.create("svc2")',
    "static-on-an-instance": STATIC + 'd = Deployer()\nd.create("svc1")\nd.create("svc2")',
    "static-on-self": STATIC
    + '    def run(self):\n        self.create("svc1")\n        self.create("svc2")\nDeployer().run()',
    "static-on-cls": STATIC
    + '    @classmethod\n    def run(cls):\n        cls.create("svc1")\n        cls.create("svc2")\nDeployer.run()',
    "class-on-the-class": CLASS + 'Deployer.create("svc1")\nDeployer.create("svc2")',
    "class-on-self": CLASS
    + '    def run(self):\n        self.create("svc1")\n        self.create("svc2")\nDeployer().run()',
    "class-on-cls": CLASS
    + '    @classmethod\n    def run(cls):\n        cls.create("svc1")\n        cls.create("svc2")\nDeployer.run()',
    "static-as-a-thread-s-target": STATIC
    + 'for name in ("svc1", "svc2"):\n    threading.Thread(target=Deployer.create, args=(name,)).start()',
}


@pytest.mark.parametrize("script", CALLS.values(), ids=CALLS.keys())
def test_a_static_or_class_method_is_called_with_what_each_call_passes(script: str) -> None:
    assert _deployments(script) == TWO


def test_what_a_static_method_called_on_the_class_returns_is_followed() -> None:
    script = (
        "class Names:\n    @staticmethod\n    def network(tier):\n        return tier + '-vnet'\n"
        'sms.create_virtual_machine_deployment("svc1", "svc1", "production", "l", "vm1", None, None,\n'
        '                                      virtual_network_name=Names.network("front"))\n'
    )
    assert _deployments(script) == [("svc1", "front-vnet")]


def test_a_plain_method_called_on_the_class_with_the_instance_is_not_followed() -> None:
    script = (
        "class Deployer:\n    def create(self, name):\n"
        '        sms.create_virtual_machine_deployment(name, name, "production", name, name, None, None,\n'
        '                                              virtual_network_name="n1")\n'
        'd = Deployer()\nDeployer.create(d, "svc1")\nDeployer.create(d, "svc2")\n'
    )
    assert _deployments(script) == [("?", "n1")]
