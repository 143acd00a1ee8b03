"""A Python script that creates a network security group by POSTing its body to the documented path (Create
Network Security Group, `.../services/networking/networksecuritygroups`) describes that group, as the body in
a file does: the plan moves it as an unattached resource. A route table PUT the same way is not read: the
Service Management reference documents no request path for creating one."""

from __future__ import annotations

import pytest

HEAD = """\
from azure.servicemanagement import ServiceManagementService

SUB = "00000000-0000-0000-0000-000000000000"
sms = ServiceManagementService(SUB, "mgmt.pem")
"""

GROUP = (
    "\"<NetworkSecurityGroup xmlns='http://schemas.microsoft.com/windowsazure'>\"\n"
    '    "<Name>spare-nsg</Name><Label>spare</Label><Location>West Europe</Location></NetworkSecurityGroup>"'
)
TABLE = (
    "\"<RouteTable xmlns='http://schemas.microsoft.com/windowsazure'>\"\n"
    '    "<Name>spare-rt</Name><Label>spare</Label><Location>West Europe</Location></RouteTable>"'
)


def step_names(plan) -> list[str]:
    return [step.name for s in plan.subscriptions for step in s.steps]


def test_a_group_posted_to_the_create_path_is_planned(plan_of) -> None:
    script = (
        HEAD + f'sms.perform_post("/" + SUB + "/services/networking/networksecuritygroups",\n    {GROUP})\n'
    )
    assert "spare-nsg" in step_names(plan_of({"net.py": script}))


@pytest.mark.parametrize(
    "call",
    [
        f'sms.perform_put("/" + SUB + "/services/networking/routetables/spare-rt",\n    {TABLE})\n',
        f'sms.perform_put("/" + SUB + "/services/networking/networksecuritygroups/spare-nsg",\n    {GROUP})\n',
    ],
)
def test_requests_the_reference_does_not_document_are_not_read(plan_of, call: str) -> None:
    names = step_names(plan_of({"net.py": HEAD + call}))
    assert "spare-nsg" not in names
    assert "spare-rt" not in names
