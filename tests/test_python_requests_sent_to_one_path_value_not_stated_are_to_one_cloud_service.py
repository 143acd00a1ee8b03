"""A Python script that sends two requests to one path it builds once from a value it does not state
(`path = '.../hostedservices/%s/...' % self.service`, then `perform_put(path=path, ...)` on both branches of
`if self.wait:`) sends both to one cloud service: the plan has one step for it, named by the stand-in of the
first request, as two calls passing one variable bound once name one service elsewhere. A path built again
between the requests may name another service, and each keeps its own."""

from __future__ import annotations

SCRIPT = '''\
from azure.servicemanagement import ServiceManagementService

BODY = """<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>web01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <RoleSize>Small</RoleSize>
</PersistentVMRole>"""


class Vm:
    def __init__(self, service, other, wait):
        self.sms = ServiceManagementService("sub", "cert.pem")
        self.service = service
        self.other = other
        self.wait = wait

    def update(self):
        path = "/sub/services/hostedservices/%s/deployments/%s/roles/web01" % (self.service, self.service)
        if self.wait:
            return self.sms.perform_put(path=path, body=BODY)
        else:{again}
            return self.sms.perform_put(path=path, body=BODY)
'''
AGAIN = '\n            path = "/sub/services/hostedservices/%s/deployments/%s/roles/web01" % (self.other, self.other)'


def _services(plan) -> list[tuple[str, str]]:
    return [(step.name, " ".join(step.moves)) for step in plan.steps if step.id.startswith("service:")]


def test_both_requests_change_the_vm_of_one_cloud_service(plan_of) -> None:
    plan = plan_of({"put.py": SCRIPT.format(again="")})
    assert _services(plan) == [
        ("<cloud service name, put.py:20>", "cloud service '<cloud service name, put.py:20>': VMs web01")
    ]


def test_a_path_built_again_between_the_requests_names_a_service_of_its_own(plan_of) -> None:
    plan = plan_of({"put.py": SCRIPT.format(again=AGAIN)})
    assert [name for name, _ in _services(plan)] == [
        "<cloud service name, put.py:20>",
        "<cloud service name, put.py:23>",
    ]
