"""The step of a cloud service no file names, whose deployment is named after it (`azure vm create "$SVC"`,
a Python script's `create_virtual_machine_deployment(name, name, ...)`), is identified as it is named, by the
service's stand-in once (`service:<DNS name, deploy.sh:2>`), where its id said it twice
(`service:<DNS name, deploy.sh:2>/<DNS name, deploy.sh:2>`); a step's `after` and the
overview's `start_with` name it by that id. A service with a deployment of its own name keeps both."""

from __future__ import annotations

SHELL = 'SVC=$1\nazure vm create "$SVC" img u p\n'
PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService("sub", "c.pem")
name = sys.argv[1]
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/v/a.vhd")
sms.create_virtual_machine_deployment(name, name, "production", "l", "vm1", LinuxConfigurationSet("h", "u", "p"), disk)
"""
NAMED = """\
$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img" -MediaLocation "https://acct.blob.core.windows.net/v/b.vhd"
New-AzureVM -ServiceName "shop" -VMs $vm -Location "West Europe"
"""


def _service_ids(plan_of) -> list[str]:
    (subscription,) = plan_of({"deploy.sh": SHELL, "make.py": PYTHON, "shop.ps1": NAMED}).subscriptions
    return sorted(step.id for step in subscription.steps if step.id.startswith("service:"))


def test_a_stand_in_service_s_step_id_says_it_once(plan_of):
    assert _service_ids(plan_of) == [
        "service:<DNS name, deploy.sh:2>",
        "service:<cloud service name, make.py:6>",
        "service:shop/shop",
    ]


def test_a_step_after_it_names_it_by_that_id(plan_of):
    (subscription,) = plan_of({"deploy.sh": SHELL, "make.py": PYTHON}).subscriptions
    ids = {step.id for step in subscription.steps}
    assert all(before in ids for step in subscription.steps for before in step.after)
