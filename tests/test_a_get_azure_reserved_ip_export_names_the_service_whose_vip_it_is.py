"""`Get-AzureReservedIP | ConvertTo-Json` writes a `ReservedIPContext` per reserved IP: its name and address,
whether it is in use, and the cloud service and deployment whose VIP it is (`ServiceName`,
`DeploymentName`). Read as a Resource Graph row of a reserved IP is, it is the VIP of that service's
deployment: beside a `Get-AzureVM` export of that service whose VMs have no input endpoint it is MIG106, as
the same reserved IP in a REST body is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.inventory_model import ClassicReservedIp
from migcheck.readers import read_document


def _reserved_ip(service: str | None = "svc", in_use: bool = True) -> dict:
    return {
        "ReservedIPName": "rip1",
        "Address": "203.0.113.4",
        "Id": "6f9e0a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
        "Label": None,
        "Location": "West Europe",
        "State": "Created",
        "InUse": in_use,
        "ServiceName": service,
        "DeploymentName": service,
        "VirtualIPName": None,
        "OperationDescription": "Get-AzureReservedIP",
        "OperationId": "x",
        "OperationStatus": "Succeeded",
    }


def _vm(endpoints: list[dict]) -> dict:
    """A `Get-AzureVM` context of VM web1 in cloud service svc with `endpoints`."""
    return {
        "DeploymentName": "svc",
        "InstanceStatus": "ReadyRole",
        "Name": "web1",
        "ServiceName": "svc",
        "Status": "ReadyRole",
        "VM": {
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "InputEndpoints": endpoints,
                    "SubnetNames": [],
                }
            ],
            "DataVirtualHardDisks": [],
            "OSVirtualHardDisk": {
                "DiskName": "web1-os",
                "MediaLink": "https://svcstd.blob.core.windows.net/vhds/web1-os.vhd",
                "OS": "Windows",
            },
            "RoleName": "web1",
            "RoleType": "PersistentVMRole",
            "ResourceExtensionReferences": [],
        },
        "OperationDescription": "Get-AzureVM",
    }


RDP = {"LocalPort": 3389, "Name": "RDP", "Port": 3389, "Protocol": "tcp", "Vip": "203.0.113.4"}


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vm: dict, reserved_ip: dict) -> list[str]:
    files = {
        "vms.json": json.dumps([vm], indent=2),
        "reservedips.json": json.dumps([reserved_ip], indent=2),
    }
    return where(lint_files(tmp_path, monkeypatch, files, "MIG106").findings)


def test_the_reserved_ip_of_a_service_whose_vms_have_no_endpoint_is_mig106(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _lint(tmp_path, monkeypatch, _vm([]), _reserved_ip()) == [
        "MIG106 reservedips.json:3:23"
    ]  # its ReservedIPName


def test_the_reserved_ip_of_a_service_whose_vm_has_an_endpoint_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _lint(tmp_path, monkeypatch, _vm([RDP]), _reserved_ip()) == []


def test_a_free_reserved_ip_is_no_deployments_vip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _lint(tmp_path, monkeypatch, _vm([]), _reserved_ip(service=None, in_use=False)) == []


def test_the_export_is_read_as_reserved_ips_with_their_service() -> None:
    text = json.dumps([_reserved_ip(), _reserved_ip(service=None, in_use=False)])
    document = read_document("reservedips.json", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    found = [r for r in document.resources if isinstance(r, ClassicReservedIp)]
    assert [(ip.name, ip.address, ip.service, ip.attachment_unknown) for ip in found] == [
        ("rip1", "203.0.113.4", "svc", False),
        ("rip1", "203.0.113.4", "", False),
    ]


def test_one_in_use_that_names_no_service_is_not_known_to_be_free() -> None:
    text = json.dumps([_reserved_ip(service=None, in_use=True)])
    document = read_document("reservedips.json", text.encode(), explicit=True)
    assert document is not None
    [ip] = [r for r in document.resources if isinstance(r, ClassicReservedIp)]
    assert ip.attachment_unknown
