"""One resource however many places of a script touch it: a VM a script gets once with Get-AzureVM, by a
service and name it does not state, and updates on several branches is one VM of one cloud service; so is
a deployment a Python class creates and adds roles to through one attribute that names its service."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import read_document

UPDATES = """\
foreach ($vm1 in Get-AzureVM) {
    $vm2 = Get-AzureVM -ServiceName $vm1.ServiceName -Name $vm1.Name
    if ($vm1.Name -eq "a") {
        $vm2 | Set-AzureVMCustomScriptExtension -Uninstall | Update-AzureVM
    } elseif ($vm1.Name -eq "b") {
        $vm2 | Set-AzureVMBGInfoExtension -Version 1.0 | Update-AzureVM
    } else {
        Set-AzureVMExtension -Publisher p -Version 1.0 -ExtensionName e -Uninstall -VM $vm2 | Update-AzureVM
    }
}
"""


def _deployments(path: str, text: str) -> list[Deployment]:
    document = read_document(path, text.encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


def test_a_vm_got_once_and_updated_on_several_branches_is_one_vm():
    (deployment,) = _deployments("ext.ps1", UPDATES)
    (vm,) = deployment.roles
    assert vm.name == "<VM name, ext.ps1:2>"
    assert "BGInfo" in [e.name for e in vm.extensions]  # what one branch sets is kept


def test_vms_got_by_two_calls_stay_two():
    # Near miss: two Get-AzureVM calls of services the script does not state may be of two services.
    again = "    $vm3 = Get-AzureVM -ServiceName $x -Name $y\n    $vm3 | Set-AzureVMBGInfoExtension"
    two = UPDATES.replace("    $vm2 | Set-AzureVMBGInfoExtension", again)
    assert len(_deployments("ext.ps1", two)) == 2


DEPLOYER = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk, LinuxConfigurationSet
class Deployer(object):
    def __init__(self, name):
        self.svc = name
        self.vms = []
    def create(self, vm):
        sms = ServiceManagementService("sub", "cert.pem")
        cfg = LinuxConfigurationSet(vm, "u", "p", False)
        disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/%s.vhd" % vm)
        if len(self.vms) == 0:
            sms.create_virtual_machine_deployment(service_name=self.svc, deployment_name=self.svc, deployment_slot="production", label=vm, role_name=vm, system_config=cfg, os_virtual_hard_disk=disk, network_config=ConfigurationSet())
        else:
            sms.add_role(service_name=self.svc, deployment_name=self.svc, role_name=vm, system_config=cfg, os_virtual_hard_disk=disk, network_config=ConfigurationSet())
{more}"""


def test_a_service_named_by_an_attribute_set_once_in_init_is_one_deployment():
    (deployment,) = _deployments("deployer.py", DEPLOYER.format(more=""))
    assert [vm.name for vm in deployment.roles] == ["<VM name, deployer.py:11>", "<VM name, deployer.py:13>"]


def test_an_attribute_set_again_elsewhere_may_name_another_service():
    # Near miss: a method that sets the attribute again may run between the two calls.
    again = "    def rename(self, name):\n        self.svc = name\n"
    assert len(_deployments("deployer.py", DEPLOYER.format(more=again))) == 2
