"""What one file says of a deployment another file describes.

A reservation made in a file of its own (`New-AzureReservedIP -ServiceName`) is the VIP of the service's
deployment that another file creates or an export describes, as when both are in one file: MIG105 says the
VIP is kept, and the plan neither advises reserving it again nor lists the reserved IP as unattached. A VM a
script adds to an exported deployment counts in the readiness item of that deployment's network, as it does
in the plan. MIG102 reports the availability set a script puts a VM in, at the script, where the VMs that
exist agree on another."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.plugins import load_rules
from migcheck.report.readiness import ScopeKind, readiness

RULES = load_rules(entry_points=False)

# --- a VIP reserved in another file -------------------------------------------------------------------

CREATE_FTP = """\
Import-Module Azure
$vm = New-AzureVMConfig -Name "ftp01" -InstanceSize "Small" -ImageName "image" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "fabadmin" -Password "P@ssw0rd-2016!" |
    Add-AzureEndpoint -Name "ftp" -Protocol tcp -LocalPort 21 -PublicPort 21
New-AzureVM -ServiceName "fab-ftp" -Location "West Europe" -VMs $vm
"""
RESERVE_FTP = """\
Import-Module Azure
New-AzureReservedIP -ReservedIPName "fab-ftp-ip" -Location "West Europe" -ServiceName "fab-ftp"
"""
MAYBE_RESERVE_FTP = """\
param([switch] $Keep)
Import-Module Azure
if ($Keep) {
    New-AzureReservedIP -ReservedIPName "fab-ftp-ip" -Location "West Europe" -ServiceName "fab-ftp"
}
"""
KEPT = (
    "its VIP is reserved IP 'fab-ftp-ip' and is kept, as a Basic SKU public IP (Basic SKU was retired on "
    "2025-09-30: upgrade it to Standard)"
)
NOT_SAID = "its VIP changes unless it is a reserved IP (the files do not say whether it is)"
MAYBE_FTP_IP = (
    "its VIP changes unless it is reserved IP 'fab-ftp-ip', which a call that may not run associates with "
    "it (reserve.ps1:4)"
)


def _mig105(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return [(where([f])[0], f.message.split("; ", 1)[1]) for f in result.findings]


def test_a_reservation_in_another_file_keeps_the_vip(tmp_path, monkeypatch):
    files = {"ftp.ps1": CREATE_FTP, "reserve.ps1": RESERVE_FTP}
    assert _mig105(tmp_path, monkeypatch, files) == [("MIG105 ftp.ps1:5:1", KEPT)]


def test_a_reservation_in_a_file_read_first_keeps_the_vip_and_the_network(tmp_path, monkeypatch):
    # The reservation's file comes first: what the creating file says of the network still stands.
    files = {"a_reserve.ps1": RESERVE_FTP, "ftp.ps1": CREATE_FTP}
    assert _mig105(tmp_path, monkeypatch, files) == [("MIG105 ftp.ps1:5:1", KEPT)]


def test_a_reservation_that_may_not_run_leaves_it_unsaid(tmp_path, monkeypatch):
    files = {"ftp.ps1": CREATE_FTP, "reserve.ps1": MAYBE_RESERVE_FTP}
    assert _mig105(tmp_path, monkeypatch, files) == [("MIG105 ftp.ps1:5:1", MAYBE_FTP_IP)]


def test_the_reservation_is_no_deployment_of_its_own(tmp_path, monkeypatch):
    files = {"ftp.ps1": CREATE_FTP, "reserve.ps1": RESERVE_FTP}
    estate = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).estate
    [service] = estate.cloud_services
    assert [(p.mark.path, [r.name for r in p.reserved_ips]) for p in service.placements] == [
        ("ftp.ps1", ["fab-ftp-ip"])
    ]


def _get_azure_vm(service: str, vm: str, avset: str | None = None, vnet: str | None = None) -> dict:
    """One object of `Get-AzureVM | ConvertTo-Json`: VM `vm` of cloud service `service`, with a remote
    desktop endpoint, in availability set `avset` and network `vnet` (None for none)."""
    rdp = {"LocalPort": 3389, "Name": "RemoteDesktop", "Port": 53389, "Protocol": "tcp", "Vip": "40.113.1.10"}
    return {
        "AvailabilitySetName": avset,
        "DeploymentName": service,
        "Name": vm,
        "ServiceName": service,
        "VirtualNetworkName": vnet,
        "VM": {
            "AvailabilitySetName": avset,
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "InputEndpoints": [rdp],
                    "SubnetNames": ["web"] if vnet else [],
                }
            ],
            "RoleName": vm,
            "RoleSize": "Medium",
            "RoleType": "PersistentVMRole",
        },
    }


def _export(*vms: dict) -> str:
    return json.dumps(list(vms), indent=4)


def test_a_script_reserves_the_vip_of_an_exported_deployment(tmp_path, monkeypatch):
    files = {"vms.json": _export(_get_azure_vm("fab-ftp", "ftp01")), "reserve.ps1": RESERVE_FTP}
    assert _mig105(tmp_path, monkeypatch, files) == [("MIG105 vms.json:2:5", KEPT)]


def test_an_export_alone_does_not_say_whether_the_vip_is_reserved(tmp_path, monkeypatch):
    files = {"vms.json": _export(_get_azure_vm("fab-ftp", "ftp01"))}
    assert _mig105(tmp_path, monkeypatch, files) == [("MIG105 vms.json:2:5", NOT_SAID)]


def test_a_script_reserving_the_vip_of_another_service_changes_nothing(tmp_path, monkeypatch):
    files = {
        "vms.json": _export(_get_azure_vm("fab-ftp", "ftp01")),
        "reserve.ps1": RESERVE_FTP.replace('-ServiceName "fab-ftp"', '-ServiceName "fab-other"'),
    }
    assert _mig105(tmp_path, monkeypatch, files) == [("MIG105 vms.json:2:5", NOT_SAID)]


RESIZE_FTP01 = """\
Import-Module Azure
Get-AzureVM -ServiceName "fab-ftp" -Name "ftp01" | Set-AzureVMSize -InstanceSize "Large" | Update-AzureVM
"""


def test_a_change_to_an_exported_vm_does_not_say_whether_the_vip_is_reserved(tmp_path, monkeypatch):
    # The change states nothing of the deployment's VIP: the export is all that describes it.
    files = {"vms.json": _export(_get_azure_vm("fab-ftp", "ftp01")), "resize.ps1": RESIZE_FTP01}
    assert _mig105(tmp_path, monkeypatch, files) == [("MIG105 resize.ps1:2:1", NOT_SAID)]


def test_a_change_and_a_reservation_of_an_exported_deployment_keep_the_vip(tmp_path, monkeypatch):
    files = {
        "vms.json": _export(_get_azure_vm("fab-ftp", "ftp01")),
        "resize.ps1": RESIZE_FTP01,
        "reserve.ps1": RESERVE_FTP,
    }
    assert [message for _, message in _mig105(tmp_path, monkeypatch, files)] == [KEPT]


def test_the_plan_moves_the_reserved_ip_with_the_service_and_does_not_advise_reserving_it(
    tmp_path, monkeypatch
):
    files = {"vms.json": _export(_get_azure_vm("fab-ftp", "ftp01")), "reserve.ps1": RESERVE_FTP}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    steps = build_plan(result).subscriptions[0].steps
    [service] = [s for s in steps if s.id.startswith("service:fab-ftp/")]
    assert "reserved IP 'fab-ftp-ip'" in service.moves
    assert "New-AzureReservedIP" not in service.downtime
    assert [s.name for s in steps if s.name == "fab-ftp-ip"] == []


# --- a VM a script adds to an exported deployment, in readiness ----------------------------------------

ADD_WEB02 = """\
from azure.servicemanagement import ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("3f2a9c1e-5b7d-4e8f-9a01-2b3c4d5e6f70", "/etc/fabrikam/mgmt.pem")
net = ConfigurationSet()
net.subnet_names.append("web")
cfg = LinuxConfigurationSet("web02", "ops", "S3cret!pass", True)
disk = OSVirtualHardDisk("image", "https://fabdisks.blob.core.windows.net/vhds/web02.vhd")
sms.add_role("fab-web", "fab-web", "web02", cfg, disk, net, {avset}, None, "Medium")
"""


def test_a_vm_a_script_adds_counts_in_the_network_of_its_deployment(tmp_path, monkeypatch):
    files = {
        "web-vms.json": _export(_get_azure_vm("fab-web", "web01", "web-as", "fab-vnet")),
        "scale_out.py": ADD_WEB02.format(avset='"web-as"'),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [summary] = readiness(result)
    [scope] = [s for s in summary.scopes if s.scope is ScopeKind.IN_VNET]
    [network] = scope.items
    [service] = network.migrates["cloud_services"]
    assert sorted(service["vms"]) == ["web01", "web02"]


# --- MIG102 where a script puts a VM in another set --------------------------------------------------------


def test_a_vm_a_script_adds_to_another_set_is_reported_at_the_script(tmp_path, monkeypatch):
    files = {
        "web-vms.json": _export(_get_azure_vm("fab-web", "web01", "web-as", "fab-vnet")),
        "scale_out.py": ADD_WEB02.format(avset='"web-as2"'),
    }
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False).findings
    assert where([found]) == ["MIG102 scale_out.py:8:61"]
    assert found.message.endswith("'web-as2' holds 'web02'")


UPDATE_WEB02 = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("3f2a9c1e-5b7d-4e8f-9a01-2b3c4d5e6f70", "/etc/fabrikam/mgmt.pem")
sms.update_role("fab-web", "fab-web", "web02", availability_set_name="web-as-2")
"""


def test_a_vm_a_script_moves_to_another_set_is_reported_at_the_script(tmp_path, monkeypatch):
    exported = _export(
        _get_azure_vm("fab-web", "web01", "web-as", "fab-vnet"),
        _get_azure_vm("fab-web", "web02", "web-as", "fab-vnet"),
    )
    files = {"web-vms.json": exported, "fix_avset.py": UPDATE_WEB02}
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False).findings
    assert where([found]) == ["MIG102 fix_avset.py:4:70"]
    assert found.message == (
        "cloud service 'fab-web' has 2 availability sets ('web-as', 'web-as-2'); 'web-as-2' holds 'web02'"
    )


def test_sets_the_export_alone_shows_are_reported_at_the_export(tmp_path, monkeypatch):
    exported = _export(
        _get_azure_vm("fab-web", "web01", "web-as", "fab-vnet"),
        _get_azure_vm("fab-web", "web02", "web-as-2", "fab-vnet"),
    )
    files = {"web-vms.json": exported}
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False).findings
    assert found.message.endswith("'web-as-2' holds 'web02'")
    assert found.location is not None and found.location.path == "web-vms.json"


def test_a_script_that_agrees_with_the_export_is_silent(tmp_path, monkeypatch):
    files = {
        "web-vms.json": _export(_get_azure_vm("fab-web", "web01", "web-as", "fab-vnet")),
        "scale_out.py": ADD_WEB02.format(avset='"web-as"'),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False).findings == []


def test_lint_of_the_folder_runs(tmp_path, monkeypatch):
    # The readiness and plan of a reservation whose service no file describes still build.
    (tmp_path / "reserve.ps1").write_text(RESERVE_FTP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(), RULES)
    assert readiness(result)
    assert build_plan(result).subscriptions
