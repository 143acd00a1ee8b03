"""A cloud service a class names by one attribute of its instances, set in one place: the methods of a
library class (azurectl's `Endpoint`, whose `create`, `update` and `delete` each call
`update_role(self.cloud_service_name, self.cloud_service_name, ...)`) change VMs of one service the script
does not name, not of one service each."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import read_document

ENDPOINTS = """\
from azure.servicemanagement import ServiceManagementService
class Endpoint(object):
    def __init__(self, account):
        self.service = ServiceManagementService("sub", account)
    def set_instance(self, cloud_service_name, instance_name):
        self.cloud_service_name = cloud_service_name
        self.instance_name = instance_name
    def create(self, config):
        role = self.service.get_role(self.cloud_service_name, self.cloud_service_name, self.instance_name)
        return self.service.update_role(
            self.cloud_service_name,
            self.cloud_service_name,
            role.role_name,
            network_config=config,
        )
    def delete(self, config):
        role = self.service.get_role(self.cloud_service_name, self.cloud_service_name, self.instance_name)
        return self.service.update_role(
            self.cloud_service_name,
            self.cloud_service_name,
            role.role_name,
            network_config=config,
        )
{more}"""


def _deployments(text: str) -> list[Deployment]:
    document = read_document("endpoint.py", text.encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


def test_methods_that_change_vms_of_the_service_an_attribute_names_change_one_service():
    (deployment,) = _deployments(ENDPOINTS.format(more=""))
    assert deployment.name == "<deployment name, endpoint.py:12>"
    # Each VM is named by a value of its own method: they may be one VM or two, and stay two.
    assert [vm.name for vm in deployment.roles] == ["<VM name, endpoint.py:13>", "<VM name, endpoint.py:21>"]


def test_an_attribute_set_in_two_places_may_name_two_services():
    # Near miss: a method that sets the attribute again may run between the two calls.
    again = "    def retarget(self, name):\n        self.cloud_service_name = name\n"
    assert len(_deployments(ENDPOINTS.format(more=again))) == 2


def test_reads_in_the_method_that_sets_the_attribute_stay_apart():
    # Near miss: the method that sets the attribute reads what it set in this run, which another run of
    # it may set otherwise before a second method reads it.
    setter = (
        "    def set_instance(self, cloud_service_name, instance_name):\n"
        "        self.cloud_service_name = cloud_service_name\n"
        "        self.service.update_role(self.cloud_service_name, self.cloud_service_name, instance_name)\n"
    )
    text = ENDPOINTS.format(more="").replace(
        "    def set_instance(self, cloud_service_name, instance_name):\n"
        "        self.cloud_service_name = cloud_service_name\n",
        setter,
    )
    assert len(_deployments(text)) == 2


def test_a_change_stays_apart_from_the_deployment_a_method_creates():
    # Near miss: the VM the change names may be the one created, which the reader cannot tell; joined, it
    # would count as a second VM of the deployment created.
    create = (
        "    def deploy(self, image, disk):\n"
        "        self.service.create_virtual_machine_deployment(self.cloud_service_name, "
        "self.cloud_service_name, 'production', 'l', self.instance_name, image, disk)\n"
    )
    found = _deployments(ENDPOINTS.format(more=create))
    assert sorted(len(d.roles) for d in found) == [1, 2]


def test_methods_the_file_calls_on_its_own_instances_stay_apart():
    # Near miss: two instances the file makes may name two services.
    calls = (
        "a = Endpoint('a.pem')\n"
        "a.set_instance(input(), 'x')\n"
        "a.create(None)\n"
        "b = Endpoint('b.pem')\n"
        "b.set_instance(input(), 'y')\n"
        "b.delete(None)\n"
    )
    assert len(_deployments(ENDPOINTS.format(more=calls))) == 2
