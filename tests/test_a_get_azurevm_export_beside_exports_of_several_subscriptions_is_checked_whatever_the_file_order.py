"""A `Get-AzureVM` export names no subscription: a VM in it is of the subscription whose other exports hold
its cloud service, and is checked with the files when none does. Which that is, and what is found, does not
depend on the names of the files (the order they are read in): a VM that a Resource Graph export of the
second of two subscriptions also lists is the one VM, whose endpoint ACL only the `Get-AzureVM` export
shows, and a VM of a service no other export holds joins the one subscription the other exports name, whose
Premium storage account holds its disk."""

from __future__ import annotations

import itertools
import json

import pytest
from lint_support import graph_network, graph_page, graph_vm, lint_files, where

FIRST = "11111111-1111-4111-8111-111111111111"
SECOND = "22222222-2222-4222-8222-222222222222"
ACL_RULE = {"Order": 100, "Action": "permit", "RemoteSubnet": "10.1.0.0/16", "Description": "corp"}


def get_azurevm(
    service: str, name: str, acl: bool = False, boot_diagnostics: bool = False, account: str = "svcstd"
) -> str:
    """`Get-AzureVM -ServiceName SERVICE -Name NAME | ConvertTo-Json -Depth 8` of a VM in subnet 'web' of
    'prod-vnet', with an RDP endpoint (with one ACL rule if `acl`) and its OS disk in `account`."""
    endpoint = {
        "Name": "RDP",
        "LocalPort": 3389,
        "Port": 3389,
        "Protocol": "tcp",
        "EndpointAccessControlList": {"Rules": [ACL_RULE]} if acl else None,
    }
    vm = {
        "AvailabilitySetName": None,
        "ConfigurationSets": [
            {
                "ConfigurationSetType": "NetworkConfiguration",
                "InputEndpoints": [endpoint],
                "SubnetNames": ["web"],
                "PublicIPs": [],
            }
        ],
        "DataVirtualHardDisks": [],
        "OSVirtualHardDisk": {
            "DiskName": f"{name}-os",
            "MediaLink": f"https://{account}.blob.core.windows.net/vhds/{name}-os.vhd",
            "OS": "Windows",
        },
        "RoleName": name,
        "RoleSize": "Small",
        "ProvisionGuestAgent": True,
        "ResourceExtensionReferences": [],
        "DebugSettings": {"BootDiagnosticsEnabled": boot_diagnostics},
    }
    row = {
        "AvailabilitySetName": None,
        "DeploymentName": service,
        "InstanceStatus": "ReadyRole",
        "Name": name,
        "ServiceName": service,
        "Status": "ReadyRole",
        "VirtualNetworkName": "prod-vnet",
        "VM": vm,
    }
    return json.dumps([row], indent=2)


def premium_account(subscription: str, name: str) -> dict:
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/Default-Storage-WestEurope/providers/"
        f"Microsoft.ClassicStorage/storageAccounts/{name}",
        "name": name,
        "type": "microsoft.classicstorage/storageaccounts",
        "subscriptionId": subscription,
        "properties": {"accountType": "Premium-LRS"},
    }


def acl_line(text: str) -> int:
    return (
        text.splitlines().index(
            next(line for line in text.splitlines() if "EndpointAccessControlList" in line)
        )
        + 1
    )


def boot_diagnostics_line(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if "BootDiagnosticsEnabled" in line)


NAMES = list(itertools.permutations(["a.json", "m.json", "z.json"]))


@pytest.mark.parametrize(("first", "second", "vms"), NAMES)
def test_the_acl_only_get_azurevm_shows_on_a_vm_of_the_second_subscription_is_found(
    tmp_path, monkeypatch, first, second, vms
):
    shown = get_azurevm("dbsvc", "db1", acl=True)
    files = {
        first: graph_page(graph_vm(FIRST, "websvc", "web1", vnet="prod-vnet"), indent=2),
        second: graph_page(graph_vm(SECOND, "dbsvc", "db1", vnet="prod-vnet"), indent=2),
        vms: shown,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    column = shown.splitlines()[acl_line(shown) - 1].index('"') + 1
    assert where(result.findings) == [f"MIG201 {vms}:{acl_line(shown)}:{column}"]
    assert "of VM 'db1' in cloud service 'dbsvc'" in result.findings[0].message
    # The files' own estate, then one per subscription, by id whatever the names of their files.
    services = [
        (e.subscription, [(s.name, [vm.name for vm in s.vms]) for s in e.cloud_services])
        for e in result.estates
    ]
    assert services == [("default", []), (FIRST, [("websvc", ["web1"])]), (SECOND, [("dbsvc", ["db1"])])]


@pytest.mark.parametrize(("first", "second", "vms"), NAMES)
def test_without_an_acl_the_same_exports_are_clear(tmp_path, monkeypatch, first, second, vms):
    files = {
        first: graph_page(graph_vm(FIRST, "websvc", "web1", vnet="prod-vnet"), indent=2),
        second: graph_page(graph_vm(SECOND, "dbsvc", "db1", vnet="prod-vnet"), indent=2),
        vms: get_azurevm("dbsvc", "db1"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    assert result.findings == []


def one_subscription() -> str:
    """The subscription's network and Premium storage account; no VM rows."""
    return graph_page(
        graph_network(FIRST, "prod-vnet", subnet="web"), premium_account(FIRST, "svcprem"), indent=2
    )


@pytest.mark.parametrize(("classic", "vms"), [("classic.json", "vms.json"), ("vms.json", "classic.json")])
def test_a_vm_of_a_service_no_other_export_holds_has_its_disk_in_the_subscription_s_premium_account(
    tmp_path, monkeypatch, classic, vms
):
    shown = get_azurevm("svc", "web1", boot_diagnostics=True, account="svcprem")
    files = {classic: one_subscription(), vms: shown}
    result = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False)
    line = boot_diagnostics_line(shown)
    column = shown.splitlines()[line - 1].index(": ") + 3
    assert where(result.findings) == [f"MIG205 {vms}:{line}:{column}"]
    assert (
        "VM 'web1' has boot diagnostics enabled and Premium storage disks (web1-os)"
        in result.findings[0].message
    )
    # Of the one subscription the other export names, with the files: not of a subscription of its own.
    [estate] = result.estates
    assert [(s.name, [vm.name for vm in s.vms]) for s in estate.cloud_services] == [("svc", ["web1"])]


@pytest.mark.parametrize(("classic", "vms"), [("classic.json", "vms.json"), ("vms.json", "classic.json")])
def test_with_boot_diagnostics_off_that_vm_is_clear(tmp_path, monkeypatch, classic, vms):
    files = {classic: one_subscription(), vms: get_azurevm("svc", "web1", account="svcprem")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False)
    assert result.findings == []


def with_boot_diagnostics_off(row: dict) -> dict:
    """A Resource Graph VM row that says boot diagnostics are off (`debugProfile`)."""
    row["properties"]["debugProfile"] = {"bootDiagnosticsEnabled": False}
    return row


@pytest.mark.parametrize(("classic", "vms"), [("classic.json", "vms.json"), ("vms.json", "classic.json")])
@pytest.mark.parametrize("enabled", [True, False], ids=["on", "off"])
def test_a_vm_the_resource_graph_export_and_get_azurevm_both_list_is_one_vm_with_what_either_shows(
    tmp_path, monkeypatch, classic, vms, enabled
):
    """The Resource Graph row says boot diagnostics are off; the Get-AzureVM object, of the same VM, that
    they are on: either may be the VM as it stands, so MIG205 is reported, read in either order."""
    rows = graph_page(
        graph_network(FIRST, "prod-vnet", subnet="web"),
        premium_account(FIRST, "svcprem"),
        with_boot_diagnostics_off(graph_vm(FIRST, "svc", "web1", vnet="prod-vnet")),
        indent=2,
    )
    shown = get_azurevm("svc", "web1", boot_diagnostics=enabled, account="svcprem")
    result = lint_files(tmp_path, monkeypatch, {classic: rows, vms: shown}, "MIG205", dedent=False)
    line = boot_diagnostics_line(shown)
    column = shown.splitlines()[line - 1].index(": ") + 3
    assert where(result.findings) == ([f"MIG205 {vms}:{line}:{column}"] if enabled else [])
    [estate] = result.estates
    assert [(s.name, [vm.name for vm in s.vms]) for s in estate.cloud_services] == [("svc", ["web1"])]


def azure_vm_list(service: str, name: str, account: str) -> str:
    """`azure vm list --json` of the classic CLI, which names no deployment, of a VM with its OS disk in
    `account`."""
    disk = {
        "DiskName": f"{name}-os",
        "MediaLink": f"https://{account}.blob.core.windows.net/vhds/{name}-os.vhd",
    }
    row = {
        "DNSName": f"{service}.cloudapp.net",
        "VMName": name,
        "InstanceStatus": "ReadyRole",
        "OSDisk": disk,
    }
    return json.dumps([row], indent=2)


@pytest.mark.parametrize(("classic", "vms"), [("classic.json", "vms.json"), ("vms.json", "classic.json")])
@pytest.mark.parametrize("account", ["svcprem", "elsewhere"])
def test_a_vm_the_classic_cli_lists_without_its_deployment_is_the_vm_of_the_deployment_another_export_names(
    tmp_path, monkeypatch, classic, vms, account
):
    """The classic CLI's row names no deployment; the Resource Graph row of the same VM names it and says
    nothing of its disks: the row's disk is that VM's, checked against the subscription's list of storage
    accounts in either order (MIG003 where the list does not hold its account)."""
    rows = graph_page(
        graph_network(FIRST, "prod-vnet", subnet="web"),
        premium_account(FIRST, "svcprem"),
        graph_vm(FIRST, "svc", "web1", vnet="prod-vnet"),
        indent=2,
    )
    listed = azure_vm_list("svc", "web1", account)
    result = lint_files(tmp_path, monkeypatch, {classic: rows, vms: listed}, "MIG003", dedent=False)
    line = next(n for n, text in enumerate(listed.splitlines(), 1) if "MediaLink" in text)
    column = listed.splitlines()[line - 1].index('"https') + 1
    assert where(result.findings) == ([f"MIG003 {vms}:{line}:{column}"] if account == "elsewhere" else [])
    [estate] = result.estates
    [service] = estate.cloud_services
    assert [(p.name, [vm.name for vm in p.vms]) for p in service.placements] == [("svc", ["web1"])]
