"""A Python script that changes a VM it names by values it does not state, `update_role(svc, svc, vm, ...)`
then `add_data_disk(svc, svc, vm, ...)` with `svc = sys.argv[1]` and `vm = sys.argv[2]`, changes one VM of one
cloud service, shown by stand-ins, as PowerShell's `Get-AzureVM -ServiceName $svc -Name $vm` changes one and
the classic CLI's `azure vm ... "$1"` does: the plan has one step for it, which moves one VM."""

from __future__ import annotations

SCRIPT = """\
import sys
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, ConfigurationSetInputEndpoint

sms = ServiceManagementService("sub", "cert.pem")
svc = sys.argv[1]
vm = sys.argv[2]
network = ConfigurationSet()
network.configuration_set_type = "NetworkConfiguration"
network.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint("SSH", "tcp", "22", "22"))
sms.update_role(svc, svc, vm, network_config=network)
sms.add_data_disk(svc, svc, vm, 1, media_link="https://acct.blob.core.windows.net/vhds/d.vhd")
"""


def test_the_plan_has_one_cloud_service_of_one_vm(plan_of) -> None:
    plan = plan_of({"change.py": SCRIPT})
    services = [step for step in plan.steps if step.id.startswith("service:")]
    assert [step.id for step in services] == ["service:<cloud service name, change.py:10>"]
    assert "VMs <VM name, change.py:10>" in " ".join(services[0].moves)
    assert "<VM name, change.py:11>" not in " ".join(services[0].moves)
