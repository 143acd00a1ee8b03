"""A Python script that creates a VM deployment in a cloud service and a deployment whose names it does not
state (`create_virtual_machine_deployment(deployment_name=dep, ..., service_name=svc)`) has the service
shown by a stand-in at the line that passes `service_name`, as the manual says of stand-ins (where the script
passes the value), not at the line that passes `deployment_name`."""

from __future__ import annotations

import pytest

from migcheck.plan import StepKind

HEAD = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService(sub, cert)
def deploy(svc, dep):
    sms.create_virtual_machine_deployment(
"""
TAIL = """\
        system_config=cfg, os_virtual_hard_disk=hd, role_size='Small')
"""
SERVICE_LAST = "        deployment_name=dep, deployment_slot='production',\n        label='x', role_name='vm1',\n\n        service_name=svc,\n"
SERVICE_FIRST = "        service_name=svc,\n        deployment_name=dep, deployment_slot='production',\n        label='x', role_name='vm1',\n"


@pytest.mark.parametrize(("arguments", "line"), [(SERVICE_LAST, 8), (SERVICE_FIRST, 5)])
def test_the_service_stand_in_is_at_the_service_name_argument(plan_of, arguments, line):
    plan = plan_of({"deploy.py": HEAD + arguments + TAIL})
    (step,) = [s for s in plan.steps if s.kind is StepKind.SERVICE]
    assert step.name == f"<cloud service name, deploy.py:{line}>"
