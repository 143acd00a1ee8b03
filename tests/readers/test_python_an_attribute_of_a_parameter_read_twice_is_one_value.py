"""An attribute of a parameter the script reads twice in one run of a function, with nothing between that
may set it, is one value: `service_name=self.serv_name` given to create_virtual_machine_deployment and to
add_role names one cloud service, and blob addresses built from `self.storage_name` one storage account."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment

BUILD = """\
from azure.servicemanagement import *
class M:
    def suffix(self):
        return 'x'
    def build(self):
        sms = ServiceManagementService('sub', 'cert.pem')
        dep = 'dep' + self.suffix()
        net = ConfigurationSet()
        net.subnet_names.append('Subnet-1')
        sms.create_virtual_machine_deployment(service_name=self.serv_name, deployment_name=dep,
            deployment_slot='production', label='a', role_name='vm1', system_config=None,
            os_virtual_hard_disk=OSVirtualHardDisk('img', 'https://' + self.storage_name + '.blob.core.windows.net/vhds/vm1.vhd'),
            network_config=net, role_size='Small', virtual_network_name='vnet1')
{between}        sms.add_role(service_name=self.serv_name, deployment_name=dep, role_name='vm2', system_config=None,
            os_virtual_hard_disk=OSVirtualHardDisk('img', 'https://' + self.storage_name + '.blob.core.windows.net/vhds/vm2.vhd'),
            network_config=net, role_size='Small')
{more}"""


def _deployments(text: str) -> list[Deployment]:
    return [r for r in script_resources(text, "build.py") if isinstance(r, Deployment)]


def test_both_vms_are_in_one_service_and_their_disks_in_one_account():
    (deployment,) = _deployments(BUILD.format(between="", more=""))
    assert [vm.name for vm in deployment.roles] == ["vm1", "vm2"]
    assert {disk.account for vm in deployment.roles for disk in vm.disks} == {
        "<storage account name, build.py:12>"
    }


def test_a_method_that_sets_it_called_between_the_reads_keeps_them_apart():
    # Near miss: the method called between the two calls names another service.
    between = "        self.rename()\n"
    rename = "    def rename(self):\n        self.serv_name = 'other'\n        self.storage_name = 'other'\n"
    found = _deployments(BUILD.format(between=between, more=rename))
    assert len(found) == 2
    assert len({disk.account for d in found for vm in d.roles for disk in vm.disks}) == 2


def test_a_method_the_file_does_not_define_called_between_keeps_them_apart():
    # Near miss: a class deriving from this one elsewhere may define it, and set the attribute.
    assert len(_deployments(BUILD.format(between="        self.refresh()\n", more=""))) == 2


def test_a_property_of_that_name_is_read_anew_each_time():
    # Near miss: each read of a property runs it, and may give another name.
    more = "    @property\n    def serv_name(self):\n        return input()\n"
    assert len(_deployments(BUILD.format(between="", more=more))) == 2


def test_another_method_that_sets_it_keeps_apart_reads_on_two_branches():
    # Near miss: on two branches of an `if`, the reads are in two runs of the method, between which the
    # method that sets the attribute may run.
    text = """\
from azure.servicemanagement import *
class M:
    def pick(self, again):
        self.serv_name = input()
        if again:
            self.serv_name = input()
    def build(self, first):
        sms = ServiceManagementService('sub', 'cert.pem')
        if first:
            sms.create_virtual_machine_deployment(self.serv_name, 'dep', 'production', 'a', 'vm1', None, None)
        else:
            sms.add_role(self.serv_name, 'dep', 'vm2', None, None)
"""
    assert len(_deployments(text)) == 2
    one_run = (
        text.replace("        if first:\n", "")
        .replace("        else:\n", "")
        .replace("            sms", "        sms")
    )
    (deployment,) = _deployments(one_run)
    assert [vm.name for vm in deployment.roles] == ["vm1", "vm2"]


def test_an_attribute_of_an_argument_object_names_one_service():
    text = """\
from azure.servicemanagement import *
import argparse
def main(args):
    sms = ServiceManagementService('sub', 'cert.pem')
    sms.create_virtual_machine_deployment(args.service, 'dep', 'production', 'a', 'vm1', None, None)
    sms.add_role(args.service, 'dep', 'vm2', None, None)
main(argparse.ArgumentParser().parse_args())
"""
    (deployment,) = _deployments(text)
    assert [vm.name for vm in deployment.roles] == ["vm1", "vm2"]
    # Near miss: a function the reader does not follow, given the object between the calls, may set it.
    changed = text.replace("    sms.add_role", "    refresh(args)\n    sms.add_role")
    assert len(_deployments(changed)) == 2
