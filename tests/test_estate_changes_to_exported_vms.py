"""A script's change to a VM that exists (`Get-AzureVM -ServiceName s -Name n | … | Update-AzureVM`) made to
the VM an inventory export describes.

The change is made only to the VM of the cloud service it names: a VM of the same name in another service
keeps what the export says (its endpoint ACL, MIG201; its lack of an input endpoint, MIG106). A change whose
service the script does not state may be of any service, and is still made to the only exported VM of that
name. Once made, the export states the VM's endpoints: only a change that adds one keeps a reserved IP of
the deployment from MIG106, not one that resizes the VM or attaches a data disk."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"

# --- an endpoint ACL on an exported VM, and a script that removes an ACL -----------------------------------

OFFICE_ACL = {"Rules": [{"Order": 100, "Action": "permit", "RemoteSubnet": "203.0.113.0/24"}]}
RDP = {"LocalPort": 3389, "Name": "RemoteDesktop", "Port": 53389, "Protocol": "tcp", "Vip": "40.113.1.10"}


def _get_azure_vm_with_acl() -> str:
    """`Get-AzureVM | ConvertTo-Json` of VM jump01 of cloud service fab-jump, whose remote desktop endpoint
    has an ACL."""
    context = {
        "DeploymentName": "fab-jump",
        "Name": "jump01",
        "ServiceName": "fab-jump",
        "VirtualNetworkName": "fab-vnet",
        "VM": {
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "InputEndpoints": [{**RDP, "EndpointAccessControlList": OFFICE_ACL}],
                    "SubnetNames": ["mgmt"],
                }
            ],
            "RoleName": "jump01",
            "RoleSize": "Medium",
            "RoleType": "PersistentVMRole",
        },
    }
    return json.dumps([context], indent=4)


# Where the export writes the ACL (`EndpointAccessControlList`).
AT_ACL = "MIG201 jump-vms.json:18:29"

REMOVE_ACL = """\
Import-Module Azure
Get-AzureVM -ServiceName {service} -Name "jump01" | Remove-AzureAclConfig -EndpointName "RemoteDesktop" | Update-AzureVM
"""


def _mig201(tmp_path, monkeypatch, service: str) -> list[str]:
    files = {"jump-vms.json": _get_azure_vm_with_acl(), "fix.ps1": REMOVE_ACL.format(service=service)}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False).findings)


def test_an_acl_removed_from_the_vm_of_the_service_is_gone(tmp_path, monkeypatch):
    assert _mig201(tmp_path, monkeypatch, '"fab-jump"') == []


def test_the_service_is_compared_as_the_platform_compares_names(tmp_path, monkeypatch):
    assert _mig201(tmp_path, monkeypatch, '" FAB-Jump"') == []


def test_an_acl_removed_from_a_vm_of_the_same_name_in_another_service_stays(tmp_path, monkeypatch):
    assert _mig201(tmp_path, monkeypatch, '"fab-other"') == [AT_ACL]


def test_the_vm_of_another_service_stays_apart_from_the_exported_one(tmp_path, monkeypatch):
    files = {"jump-vms.json": _get_azure_vm_with_acl(), "fix.ps1": REMOVE_ACL.format(service='"fab-other"')}
    estate = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False).estate
    assert sorted((s.name, [vm.name for vm in s.vms]) for s in estate.cloud_services) == [
        ("fab-jump", ["jump01"]),
        ("fab-other", ["jump01"]),
    ]


def test_a_removal_whose_service_the_script_does_not_state_is_not_taken_as_made(tmp_path, monkeypatch):
    # The service may be the exported VM's, or another one's: a removal that may be of another VM does not
    # take the exported VM's ACL away, as one that may not run does not.
    assert _mig201(tmp_path, monkeypatch, "$service") == [AT_ACL]


# --- a reserved IP on an exported deployment with no input endpoint, and a script that changes its VM ------


def _export_without_endpoints() -> str:
    """A Resource Graph export of VM sftp01 of cloud service fab-sftp, with no input endpoint, and of the
    reserved IP attached to that service."""
    reserved_ip = {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/reservedIps/fab-sftp-ip",
        "name": "fab-sftp-ip",
        "type": "microsoft.classicnetwork/reservedips",
        "subscriptionId": SUBSCRIPTION,
        "properties": {
            "ipAddress": "40.113.9.9",
            "attachedTo": {
                "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/fab-sftp/providers/"
                "Microsoft.ClassicCompute/domainNames/fab-sftp/slots/Production"
            },
        },
    }
    vm = {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/fab-sftp/providers/"
        "Microsoft.ClassicCompute/virtualMachines/sftp01",
        "name": "sftp01",
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUBSCRIPTION,
        "properties": {
            "domainName": {"name": "fab-sftp"},
            "hardwareProfile": {"size": "Small", "deploymentName": "fab-sftp"},
            "networkProfile": {
                "inputEndpoints": [],
                "virtualNetwork": {"name": "fab-vnet", "subnetNames": ["app"]},
            },
        },
    }
    return json.dumps(
        {"count": 2, "data": [reserved_ip, vm], "skip_token": None, "total_records": 2}, indent=4
    )


# Where the export writes the reserved IP's name.
AT_EXPORT = "MIG106 classic.json:6:21"

CHANGE = """\
Import-Module Azure
Get-AzureVM -ServiceName {service} -Name "{vm}" |
    {change} |
    Update-AzureVM
"""
ADD_SFTP = "Add-AzureEndpoint -Name SFTP -Protocol tcp -LocalPort 22 -PublicPort 22"


def _mig106(tmp_path, monkeypatch, change: str, service: str = '"fab-sftp"', vm: str = "sftp01") -> list[str]:
    files = {
        "classic.json": _export_without_endpoints(),
        "change.ps1": CHANGE.format(service=service, vm=vm, change=change),
    }
    return where(lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings)


def test_the_export_alone_is_reported(tmp_path, monkeypatch):
    files = {"classic.json": _export_without_endpoints()}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings) == [AT_EXPORT]


def test_an_endpoint_a_script_adds_to_the_vm_carries_the_reserved_ip(tmp_path, monkeypatch):
    assert _mig106(tmp_path, monkeypatch, ADD_SFTP) == []


def test_an_endpoint_of_a_name_the_script_does_not_state_may_carry_it(tmp_path, monkeypatch):
    assert _mig106(tmp_path, monkeypatch, ADD_SFTP.replace("SFTP", "$name")) == []


def test_an_endpoint_added_to_a_vm_of_the_same_name_in_another_service_carries_nothing(tmp_path, monkeypatch):
    assert _mig106(tmp_path, monkeypatch, ADD_SFTP, service='"fab-ftp"') == [AT_EXPORT]


def test_a_resize_of_a_vm_of_the_same_name_in_another_service_changes_nothing(tmp_path, monkeypatch):
    change = "Set-AzureVMSize -InstanceSize Large"
    assert _mig106(tmp_path, monkeypatch, change, service='"fab-ftp"') == [AT_EXPORT]


def test_a_resize_of_the_vm_adds_no_endpoint(tmp_path, monkeypatch):
    assert _mig106(tmp_path, monkeypatch, "Set-AzureVMSize -InstanceSize Large") == [AT_EXPORT]


def test_a_data_disk_attached_to_the_vm_adds_no_endpoint(tmp_path, monkeypatch):
    change = 'Add-AzureDataDisk -CreateNew -DiskSizeInGB 128 -DiskLabel "data" -LUN 0'
    assert _mig106(tmp_path, monkeypatch, change) == [AT_EXPORT]


def test_a_resize_in_a_service_the_script_does_not_state_adds_no_endpoint(tmp_path, monkeypatch):
    assert _mig106(tmp_path, monkeypatch, "Set-AzureVMSize -InstanceSize Large", service="$service") == [
        AT_EXPORT
    ]


def test_a_change_to_a_vm_the_export_does_not_list_leaves_the_endpoints_unknown(tmp_path, monkeypatch):
    # sftp02 is in the deployment too, and nothing says which endpoints it has.
    script = CHANGE.format(service='"fab-sftp"', vm="sftp01", change="Set-AzureVMSize -InstanceSize Large")
    script += CHANGE.format(service='"fab-sftp"', vm="sftp02", change="Set-AzureVMSize -InstanceSize Large")
    files = {"classic.json": _export_without_endpoints(), "change.ps1": script}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings) == []
