"""A Python script that creates an affinity group (or a cloud service) in a method of its own class, from the name and location
the instance is given (`AGroup('Wonderland', 'China East').make()` with `create_affinity_group(self.name, ...,
self.location)`), creates it in that region, read at each call of the method as `create_hosted_service` is:
a cloud service placed in the group is in its region, which step 0 checks the quotas of. So is one the method
makes only under an `if` the caller does not decide (the subscription lacks the group): if it runs, it is
there."""

from __future__ import annotations

from migcheck.model import AffinityGroupRegion
from migcheck.readers import read_document

SCRIPT = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("11111111-2222-3333-4444-555555555555", "cert.pem")


class AGroup:
    def __init__(self, name, location="China East"):
        self.name = name
        self.location = location

    def make(self):
        self.result = sms.create_affinity_group(self.name, "label", self.location)


ag = AGroup("Wonderland")
ag.make()
"""


def test_the_group_is_in_the_region_the_instance_holds():
    document = read_document("deploy.py", SCRIPT.encode(), explicit=True)
    assert document is not None
    regions = [r for r in document.resources if isinstance(r, AffinityGroupRegion)]
    assert [(r.name, r.location, r.mark.line) for r in regions] == [("Wonderland", "China East", 12)]


def test_step_0_checks_the_quotas_of_the_region_of_a_service_placed_in_the_group(plan_of):
    script = SCRIPT + (
        "from azure.servicemanagement import OSVirtualHardDisk, WindowsConfigurationSet\n"
        "sms.create_hosted_service('svc1', 'svc1', affinity_group=ag.name)\n"
        "sms.create_virtual_machine_deployment('svc1', 'dep1', 'production', 'dep1', 'vm1',\n"
        "    WindowsConfigurationSet('vm1', 'P@ss'),\n"
        "    OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/vm1.vhd'), role_size='Small')\n"
    )
    plan = plan_of({"deploy.py": script})
    [subscription] = plan.subscriptions
    assert [line for line in subscription.preamble.powershell if line.startswith("Get-AzVMUsage")] == [
        "Get-AzVMUsage -Location 'chinaeast'; Get-AzNetworkUsage -Location 'chinaeast'"
    ]


def test_a_group_made_only_where_the_subscription_lacks_it_is_still_in_that_region():
    guarded = SCRIPT.replace(
        '        self.result = sms.create_affinity_group(self.name, "label", self.location)\n',
        "        if self.name not in [g.name for g in sms.list_affinity_groups()]:\n"
        '            sms.create_affinity_group(self.name, "label", self.location)\n'
        "            sms.create_hosted_service(self.name, self.name, location=self.location)\n",
    )
    document = read_document("deploy.py", guarded.encode(), explicit=True)
    assert document is not None
    regions = [(type(r).__name__, r.location) for r in document.resources if "Region" in type(r).__name__]
    assert regions == [("AffinityGroupRegion", "China East"), ("ServiceRegion", "China East")]
