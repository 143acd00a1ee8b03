"""A Python function given a classic client (`def deploy(sms): sms.create_virtual_machine_deployment(...)`),
called with the client of subscription A and again with the client of B, creates what it creates through
each: its cloud service and deployment are one in each subscription, and a storage account, whose name is
unique across Azure, is the first call's, where all were of the subscription of the line the function is
written on."""

from __future__ import annotations

from migcheck.model import Deployment, ServiceRegion, StorageAccountType
from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-0000-0000-000000000001"
B = "bbbbbbbb-0000-0000-0000-000000000002"

DEPLOY = f"""\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

prod_sms = ServiceManagementService('{A}', 'prod.pem')
test_sms = ServiceManagementService('{B}', 'test.pem')


def deploy(sms):
    sms.create_hosted_service('web', 'web', location='West Europe')
    sms.create_storage_account('webstore', 'web', 'web', location='West Europe')
    linux = LinuxConfigurationSet('host', 'azureuser', 'pw', True)
    sms.create_virtual_machine_deployment('web', 'web', 'production', 'web', 'web01', linux,
                                          OSVirtualHardDisk('img', 'https://webstore.blob.core.windows.net/vhds/1.vhd'))


deploy(prod_sms)
deploy(test_sms)
"""


def kinds_by_subscription(script: str) -> dict[str, list[str]]:
    document = read_document("deploy.py", script.encode(), explicit=True)
    assert document is not None
    shown = (Deployment, ServiceRegion, StorageAccountType)
    return {
        name: sorted(type(r).__name__ for d in docs for r in d.resources if isinstance(r, shown))
        for name, docs in split_subscriptions((document,), {})
    }


def test_a_deployment_and_service_a_function_creates_through_each_client_are_one_in_each_subscription():
    assert kinds_by_subscription(DEPLOY) == {
        A: ["Deployment", "ServiceRegion", "StorageAccountType"],
        B: ["Deployment", "ServiceRegion"],
    }


def test_called_with_the_clients_the_other_way_round_they_are_placed_the_other_way_round():
    swapped = DEPLOY.replace("deploy(prod_sms)\ndeploy(test_sms)", "deploy(test_sms)\ndeploy(prod_sms)")
    assert kinds_by_subscription(swapped) == {
        A: ["Deployment", "ServiceRegion"],
        B: ["Deployment", "ServiceRegion", "StorageAccountType"],
    }
