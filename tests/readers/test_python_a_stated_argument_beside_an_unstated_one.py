"""A value a Python script states (a literal, a module constant, an f-string of literals) that a call of one
of its functions passes beside one it does not state keeps its value in the function: `add(sys.argv[1],
'vm2')` adds VM 'vm2' (not a stand-in) to the deployment `deploy(sys.argv[1])` creates, whether the stated
value is passed by position or keyword, into `*args` or `**kwargs`, or to a method. Two calls that pass
different cloud services each describe their own VM in their own deployment."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
NAME = "vm2"

def deploy(svc):
    sms.create_virtual_machine_deployment(svc, svc, "production", "vm1", "vm1", None, None,
                                          availability_set_name="as1")
"""


def _vms(script: str) -> list[tuple[str, list[str]]]:
    """Each deployment the script describes, by name, with the names of its VMs."""
    text = HEAD + textwrap.dedent(script).lstrip("\n")
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    deployments = [r for r in document.resources if isinstance(r, Deployment)]
    return [(d.name, sorted(role.name for role in d.roles)) for d in deployments]


STATED_BESIDE_UNSTATED = {
    "by position": """
        def add(svc, name):
            sms.add_role(svc, svc, name, None, None)
        deploy(sys.argv[1])
        add(sys.argv[1], 'vm2')
        """,
    "by keyword": """
        def add(svc, name):
            sms.add_role(svc, svc, name, None, None)
        deploy(sys.argv[1])
        add(name='vm2', svc=sys.argv[1])
        """,
    "a module constant": """
        def add(svc, name):
            sms.add_role(svc, svc, name, None, None)
        deploy(sys.argv[1])
        add(sys.argv[1], NAME)
        """,
    "an f-string of literals": """
        def add(svc, name):
            sms.add_role(svc, svc, name, None, None)
        deploy(sys.argv[1])
        add(sys.argv[1], f'vm{2}')
        """,
    "into *args": """
        def add(svc, *names):
            sms.add_role(svc, svc, names[0], None, None)
        deploy(sys.argv[1])
        add(sys.argv[1], 'vm2')
        """,
    "into **kwargs": """
        def add(svc, **kw):
            sms.add_role(svc, svc, kw['name'], None, None)
        deploy(sys.argv[1])
        add(sys.argv[1], name='vm2')
        """,
    "to a method": """
        class Adder:
            def add(self, svc, name):
                sms.add_role(svc, svc, name, None, None)
        deploy(sys.argv[1])
        Adder().add(sys.argv[1], 'vm2')
        """,
}


@pytest.mark.parametrize("script", STATED_BESIDE_UNSTATED.values(), ids=STATED_BESIDE_UNSTATED.keys())
def test_a_stated_vm_name_passed_beside_an_unstated_service_is_that_name(script: str) -> None:
    [(_, vms)] = _vms(script)
    assert vms == ["vm1", "vm2"]


def test_two_calls_passing_different_services_describe_a_deployment_each() -> None:
    found = _vms(
        """
        def add(svc, name):
            sms.add_role(svc, svc, name, None, None)
        add(sys.argv[1], 'vm2')
        add('lit', 'vm3')
        """
    )
    assert sorted(vms for _, vms in found if vms != ["vm1"]) == [["vm2"], ["vm3"]]  # `deploy` is not called
    assert "lit" in [name for name, _ in found]


def test_an_unstated_value_of_no_identity_still_reads_the_call_as_written() -> None:
    found = _vms(
        """
        def add(svc, name):
            sms.add_role(svc, svc, name, None, None)
        deploy(input())
        add(input(), 'vm2')
        """
    )
    assert ["vm1"] in [vms for _, vms in found] and len(found) == 2


def test_each_call_passing_its_own_unstated_service_creates_its_own_deployment() -> None:
    found = _vms(
        """
        deploy(sys.argv[1])
        deploy(sys.argv[2])
        sms.add_role(sys.argv[1], sys.argv[1], 'vm2', None, None)
        """
    )
    assert sorted(vms for _, vms in found) == [["vm1"], ["vm1", "vm2"]]
