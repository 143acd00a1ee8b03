"""A Python script that creates a cloud service with the SDK states its region as a Create Cloud Service
body does: `create_hosted_service(service_name, label, description=None, location=None, affinity_group=None,
...)`, its location passed by position or keyword (`ServiceRegion`). Only a location the script states on
every path to the call is one, not one it binds differently on two branches; one it does not state, passed in
no affinity group, is a stand-in named by the option or environment variable that gives it where there is one;
a service placed in an affinity group is in the group's region (the record names the group, no location), and a storage account's location is no cloud
service's. The plan names the region in step 0's quotas and in the command that reserves the service's
VIP; step 0 names a stand-in region too, for the user to fill in."""

from __future__ import annotations

import textwrap

from migcheck.model import ServiceRegion
from migcheck.readers import read_document

HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('11111111-2222-3333-4444-555555555555', 'cert.pem')
"""


def _regions(body: str) -> list[tuple[str, str, int]]:
    text = HEAD + textwrap.dedent(body)
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None
    return [(r.service, r.location, r.mark.line) for r in document.resources if isinstance(r, ServiceRegion)]


def test_a_location_passed_by_position_places_the_service():
    body = """\
    name = 'python-test'
    location = 'North Europe'
    sms.create_hosted_service(name, 'label', 'Python test', location)
    """
    assert _regions(body) == [("python-test", "North Europe", 6)]


def test_a_location_passed_by_keyword_places_the_service():
    assert _regions(
        "sms.create_hosted_service(service_name='svc1', label='l', location='West Europe')\n"
    ) == [("svc1", "West Europe", 4)]


def test_a_location_bound_alike_on_every_path_places_the_service():
    body = """\
    if sys.argv[1] == 'prod':
        where = 'East US'
    else:
        where = 'East US'
    sms.create_hosted_service('svc1', 'l', location=where)
    """
    assert _regions(body) == [("svc1", "East US", 8)]


def test_a_location_that_differs_by_path_places_it_nowhere():
    body = """\
    if sys.argv[1] == 'prod':
        where = 'East US'
    else:
        where = 'West US'
    sms.create_hosted_service('svc1', 'l', location=where)
    """
    assert _regions(body) == []


def test_a_location_the_script_does_not_state_is_a_stand_in_region():
    assert _regions("sms.create_hosted_service('svc1', 'l', location=sys.argv[1])\n") == [
        ("svc1", "<region name, deploy.py:4>", 4)
    ]
    # Beside an affinity group it may not state either, the call may place the service in neither.
    body = "sms.create_hosted_service('svc1', 'l', location=sys.argv[1], affinity_group=sys.argv[2])\n"
    assert _regions(body) == []


def test_a_location_the_caller_gives_is_named_by_the_option_or_variable_that_gives_it():
    body = """\
    import argparse, os
    parser = argparse.ArgumentParser()
    parser.add_argument('--location')
    args = parser.parse_args()
    sms.create_hosted_service('web', 'web', location=args.location)
    sms.create_hosted_service('api', 'api', location=os.environ.get('REGION'))
    """
    assert _regions(body) == [
        ("web", "<region the caller gives with --location>", 8),
        ("api", "<region the environment sets in REGION>", 9),
    ]


def test_a_service_in_an_affinity_group_is_in_the_group_s_region():
    text = HEAD + "sms.create_hosted_service('svc1', 'l', affinity_group='group1')\n"
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None
    regions = [r for r in document.resources if isinstance(r, ServiceRegion)]
    assert [(r.service, r.location, r.affinity_group) for r in regions] == [("svc1", "", "group1")]
    # The SDK refuses a location given with an affinity group: the call creates nothing.
    body = "sms.create_hosted_service('svc1', 'l', None, 'West US', 'group1')\n"
    assert _regions(body) == []


def test_each_call_of_a_function_places_its_own_service():
    body = """\
    def create(name, region):
        sms.create_hosted_service(name, name, location=region)
    create('web', 'Japan East')
    create('api', 'Japan West')
    """
    assert _regions(body) == [("web", "Japan East", 5), ("api", "Japan West", 5)]


def test_a_service_the_script_does_not_name_still_states_a_region():
    [(service, location, _)] = _regions(
        "sms.create_hosted_service(sys.argv[1], 'l', location='Brazil South')\n"
    )
    assert (service, location) == ("<cloud service name, deploy.py:4>", "Brazil South")


def test_a_storage_account_s_location_is_no_cloud_service_s():
    body = "sms.create_storage_account('svc1', 'd', 'l', None, 'West US', account_type='Standard_LRS')\n"
    assert _regions(body) == []


def test_step_0_checks_the_quotas_of_the_region_the_caller_gives(plan_of):
    script = HEAD + textwrap.dedent(
        """\
        import argparse
        from azure.servicemanagement import OSVirtualHardDisk, WindowsConfigurationSet
        parser = argparse.ArgumentParser()
        parser.add_argument('--location')
        args = parser.parse_args()
        sms.create_hosted_service('svc1', 'svc1', location=args.location)
        sms.create_virtual_machine_deployment(
            'svc1', 'dep1', 'production', 'dep1', 'vm1', WindowsConfigurationSet('vm1', 'P@ss'),
            OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/vm1.vhd'), role_size='Small')
        """
    )
    plan = plan_of({"deploy.py": script})
    [subscription] = plan.subscriptions
    region = "'<region the caller gives with --location>'"
    assert [line for line in subscription.preamble.powershell if line.startswith("Get-AzVMUsage")] == [
        f"Get-AzVMUsage -Location {region}; Get-AzNetworkUsage -Location {region}"
    ]


def test_the_plan_names_the_region_of_a_service_the_script_creates(plan_of):
    script = HEAD + textwrap.dedent(
        """\
        from azure.servicemanagement import ConfigurationSet, ConfigurationSetInputEndpoint
        from azure.servicemanagement import OSVirtualHardDisk, WindowsConfigurationSet
        sms.create_hosted_service('svc1', 'svc1', location='West Europe')
        network = ConfigurationSet()
        rdp = ConfigurationSetInputEndpoint('RDP', 'tcp', '3389', '3389')
        network.input_endpoints.input_endpoints.append(rdp)
        sms.create_virtual_machine_deployment(
            'svc1', 'dep1', 'production', 'dep1', 'vm1', WindowsConfigurationSet('vm1', 'P@ss'),
            OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/vm1.vhd'),
            network_config=network, role_size='Small')
        """
    )
    plan = plan_of({"deploy.py": script})
    [subscription] = plan.subscriptions
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in (
        subscription.preamble.powershell
    )
    [step] = [s for s in plan.steps if s.name.startswith("svc1/")]
    assert "New-AzureReservedIP -ReservedIPName '<name>' -Location 'West Europe' -ServiceName 'svc1'" in (
        step.downtime
    )
