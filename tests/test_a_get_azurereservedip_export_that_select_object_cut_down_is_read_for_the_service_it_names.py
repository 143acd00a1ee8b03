"""`Get-AzureReservedIP | Select-Object ReservedIPName, ServiceName | ConvertTo-Json` (or with `Address`, or
`InUse`) keeps a reserved IP's name and the cloud service whose VIP it is, and leaves out what the whole object
is told by: it is read for what it keeps, as the whole export is, so the reserved IP of a service whose VMs
have no input endpoint is MIG106. It used to be passed over as holding nothing classic. A VM's view or a
deployment, which name a reserved IP too, are still read as what they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where
from test_a_get_azure_reserved_ip_export_names_the_service_whose_vip_it_is import RDP, _vm

KEPT = (
    {"ReservedIPName": "rip1", "ServiceName": "svc"},
    {"ReservedIPName": "rip1", "Address": "203.0.113.4", "ServiceName": "svc"},
    {"ReservedIPName": "rip1", "InUse": True, "ServiceName": "svc", "DeploymentName": "svc"},
    {"ReservedIPName": "rip1", "ServiceName": "svc", "OperationDescription": "Get-AzureReservedIP"},
)


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vm: dict, reserved_ip: dict) -> list[str]:
    files = {
        "vms.json": json.dumps([vm], indent=2),
        "reservedips.json": json.dumps([reserved_ip], indent=2),
    }
    return where(lint_files(tmp_path, monkeypatch, files, "MIG106").findings)


@pytest.mark.parametrize("reserved_ip", KEPT)
def test_the_cut_down_reserved_ip_of_a_service_whose_vms_have_no_endpoint_is_mig106(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reserved_ip: dict
) -> None:
    assert _lint(tmp_path, monkeypatch, _vm([]), reserved_ip) == ["MIG106 reservedips.json:3:23"]


@pytest.mark.parametrize("reserved_ip", KEPT)
def test_the_cut_down_reserved_ip_of_a_service_with_an_endpoint_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reserved_ip: dict
) -> None:
    assert _lint(tmp_path, monkeypatch, _vm([RDP]), reserved_ip) == []


def test_a_name_alone_or_a_vm_s_view_naming_one_is_no_reserved_ip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = {"ReservedIPName": "rip1"}
    assert _lint(tmp_path, monkeypatch, _vm([]), alone) == []
    # The classic CLI's `azure vm show --json` names the reserved IP of the VM's service: a VM, not an export
    # of reserved IPs (its service and network are the VM's).
    view = {
        "DNSName": "svc.cloudapp.net",
        "VMName": "web1",
        "InstanceStatus": "ReadyRole",
        "ReservedIPName": "rip1",
    }
    assert _lint(tmp_path, monkeypatch, _vm([]), view | {"ServiceName": "svc"}) == []
