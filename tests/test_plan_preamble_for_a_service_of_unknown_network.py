"""A subscription whose only step is a cloud service of unknown network still gets step 0 (select the
subscription, register the migration provider, check quotas): its commands follow once a REST body says
which they are, and they need the provider as much as any other step's."""

from __future__ import annotations

from migcheck.plan import StepKind

ADD_OR_CREATE = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
if len(sys.argv) > 1:
    sms.add_role("svc", "dep", "vm2", None, None, role_size="Small")
else:
    sms.create_virtual_machine_deployment("svc", "dep", "production", "dep", "vm2", None, None)
"""


def test_a_service_of_unknown_network_alone_gets_the_steps_preamble(plan_of):
    plan = plan_of({"deploy.py": ADD_OR_CREATE})
    (subscription,) = plan.subscriptions
    assert [step.kind for step in subscription.steps] == [StepKind.UNKNOWN_NETWORK]
    assert subscription.preamble is not None


def test_web_worker_roles_alone_still_get_none(plan_of):
    cscfg = (
        '<ServiceConfiguration serviceName="shop" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
        '  <Role name="Web"><Instances count="2" /></Role>\n</ServiceConfiguration>\n'
    )
    plan = plan_of({"ServiceConfiguration.Cloud.cscfg": cscfg})
    (subscription,) = plan.subscriptions
    assert {step.kind for step in subscription.steps} == {StepKind.WEB_WORKER}
    assert subscription.preamble is None
