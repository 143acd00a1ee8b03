"""Python scripts: a deployment's role names are unique, so two calls that create a VM in one deployment and
surely pass the same value for its name, which the script does not write out (`role_name=vm_name` on both
branches of `if service.deployments:`, add_role on one, create_virtual_machine_deployment on the other),
create one VM: Azure refuses the second. Values that may differ keep the VMs apart, and so does code that
may run more than once with other values (a function called from places the file does not show)."""

from __future__ import annotations

import textwrap

from migcheck.model import Deployment
from migcheck.readers import read_document

HEADER = """
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('sub', 'c.pem')
"""

BRANCHES = (
    HEADER
    + """
service = pick_service()
vm_name = make_name()
if sms.get_hosted_service_properties(service, True).deployments:
    sms.add_role(service_name=service, deployment_name=service, role_name=vm_name,
                 system_config=None, os_virtual_hard_disk=None, role_size='Small')
else:
    sms.create_virtual_machine_deployment(service_name=service, deployment_name=service,
                                          deployment_slot='production', label='l', role_name=OTHER,
                                          system_config=None, os_virtual_hard_disk=None, role_size='Small')
"""
)

# The shape of AzureSimulation.py, with the VM's name set once, in `__init__`.
ON_SELF = (
    HEADER
    + """
class Simulation:
    def __init__(self, vm_id):
        self.vm_id = vm_id

    def run(self, username):
        while True:
            service = sms.get_hosted_service_properties(username, True)
            if service.deployments:
                sms.add_role(service_name=username, deployment_name=username, role_name=self.vm_id,
                             system_config=None, os_virtual_hard_disk=None, role_size='Small')
                break
            elif not service.deployments:
                sms.create_virtual_machine_deployment(service_name=username, deployment_name=username,
                                                      deployment_slot='production', label=self.vm_id,
                                                      role_name=self.vm_id, system_config=None,
                                                      os_virtual_hard_disk=None, role_size='Small')
                break
"""
)
RUN_ONCE = "\n\nSimulation(make_id()).run(user)\n"


def vm_names(text: str) -> list[list[str]]:
    document = read_document("sim.py", textwrap.dedent(text).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return [[role.name for role in d.roles] for d in document.resources if isinstance(d, Deployment)]


def test_one_unwritten_name_on_both_branches_is_one_vm():
    assert vm_names(BRANCHES.replace("OTHER", "vm_name")) == [["<VM name, sim.py:7>"]]


def test_an_attribute_set_once_on_both_branches_of_a_method_run_once_is_one_vm():
    assert vm_names(ON_SELF + RUN_ONCE) == [["<VM name, sim.py:12>"]]


def test_a_method_called_from_places_the_file_does_not_show_keeps_both_vms():
    # Each run may be given another name: the two calls read as written stand for VMs that may differ.
    assert vm_names(ON_SELF) == [["<VM name, sim.py:12>", "<VM name, sim.py:18>"]]


def test_another_value_is_another_vm():
    assert vm_names(BRANCHES.replace("OTHER", "other_name")) == [
        ["<VM name, sim.py:7>", "<VM name, sim.py:11>"]
    ]


def test_a_name_bound_again_between_the_calls_is_another_vm():
    text = BRANCHES.replace("OTHER", "vm_name").replace("else:\n", "else:\n    vm_name = make_name()\n")
    assert vm_names(text) == [["<VM name, sim.py:7>", "<VM name, sim.py:12>"]]
