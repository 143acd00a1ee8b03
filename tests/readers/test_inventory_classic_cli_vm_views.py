"""The classic Azure CLI's VM views (`azure vm list --json`, `azure vm show --json`, in `azure config mode
asm`) are inventory exports of classic VMs: each view names the VM (`VMName`), its cloud service (the host
of `DNSName`), its state, size, disks and endpoints, and the rules about VMs read them as they read a
Get-AzureVM export.

The views are built as Azure/azure-xplat-cli `lib/commands/asm/vm/vmclient.js` (`createVMView`) writes them:
in CLI 0.7, disks and endpoints in the REST API's names (the first sample is a real `vm list --json`, of the
jeffwilcox.blog repository); in later versions, as the Node.js SDK names them, with `OSDisk` and ACLs."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.inventory_model import ClassicVm
from migcheck.model import FileKind
from migcheck.plan import build_plan
from migcheck.readers import inventory, read_document
from migcheck.report.plan_format import render_plan

BLOB = "https://california.blob.core.windows.net/vhds"


def _list_0_7(name: str, status: str = "ReadyRole", data_blob: str = "") -> dict:
    """One VM of `azure vm list --json` as CLI 0.7 writes it."""
    disks = []
    if data_blob:
        disks.append(
            {
                "HostCaching": "None",
                "DiskLabel": f"cloudmongo-cloudmongo-{name}-0",
                "DiskName": f"cloudmongo-{name}-0-201308092256550858",
                "LogicalDiskSizeInGB": "50",
                "MediaLink": f"{BLOB}/{data_blob}",
            }
        )
    return {
        "DNSName": "cloudmongo.cloudapp.net",
        "VMName": name,
        "IPAddress": "10.0.0.6",
        "InstanceStatus": status,
        "InstanceSize": "Medium",
        "InstanceStateDetails": "",
        "OSVersion": "",
        "Image": "5112500ae3b842c8b9c604889f8753c3__OpenLogic-CentOS-63APR20130415",
        "DataDisks": disks,
        "Network": {
            "Endpoints": [
                {"LocalPort": "22", "Name": "ssh", "Port": "22003", "Protocol": "tcp", "Vip": "138.91.168.48"}
            ]
        },
    }


def _show_later(acl: bool = False) -> dict:
    """`azure vm show web1 --json` as later CLI versions write it (the SDK's names below the view)."""
    endpoint = {
        "localPort": 80,
        "name": "http",
        "port": 80,
        "protocol": "tcp",
        "virtualIPAddress": "40.112.0.10",
        "enableDirectServerReturn": False,
    }
    if acl:
        endpoint["endpointAcl"] = {
            "rules": [
                {"order": 100, "action": "permit", "remoteSubnet": "203.0.113.0/24", "description": "office"}
            ]
        }
    return {
        "DNSName": "shop.cloudapp.net",
        "Location": "West Europe",
        "VMName": "web1",
        "IPAddress": "10.1.0.4",
        "InstanceStatus": "ReadyRole",
        "InstanceSize": "Small",
        "Image": "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201409.01-en.us-127GB.vhd",
        "OSDisk": {
            "hostCaching": "ReadWrite",
            "name": "shop-web1-0-201409091200",
            "mediaLink": "https://shopdisks.blob.core.windows.net/vhds/web1-os.vhd",
            "sourceImageName": "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201409.01-en.us-127GB.vhd",
            "operatingSystem": "Windows",
        },
        "DataDisks": [
            {
                "hostCaching": "None",
                "name": "shop-web1-1-201409091300",
                "logicalUnitNumber": 1,
                "logicalDiskSizeInGB": 100,
                "mediaLink": "https://shopdisks.blob.core.windows.net/vhds/web1-data.vhd",
            }
        ],
        "ReservedIPName": "",
        "VirtualIPAddresses": [
            {"address": "40.112.0.10", "name": "shopContractContract", "isDnsProgrammed": True}
        ],
        "Network": {"Endpoints": [endpoint]},
    }


def _vms(text: str) -> list[ClassicVm]:
    document = read_document("vms.json", text.encode(), explicit=False)
    assert document is not None and document.kind is FileKind.INVENTORY and document.problem is None
    return [r for r in document.resources if isinstance(r, ClassicVm)]


def test_a_real_vm_list_of_cli_0_7_is_read_as_the_vms_of_its_cloud_service():
    text = json.dumps(
        [_list_0_7("MongoArbiter"), _list_0_7("MongoNode1", data_blob="MongoNode1Data.vhd")], indent=2
    )
    arbiter, node = _vms(text)
    assert (arbiter.name, arbiter.service, node.service) == ("MongoArbiter", "cloudmongo", "cloudmongo")
    assert node.instance is not None and node.instance.status == "ReadyRole"
    assert [(d.name, d.media_link) for d in node.role.disks] == [
        ("cloudmongo-MongoNode1-0-201308092256550858", f"{BLOB}/MongoNode1Data.vhd")
    ]
    assert [(e.name, e.port, e.local_port) for e in arbiter.role.endpoints] == [("ssh", "22003", "22")]
    # What the view does not write is not taken for "none".
    assert {"availability_set", "subnets", "extensions"} <= arbiter.role.unknown
    assert not arbiter.network_known


def test_a_later_vm_show_is_read_with_its_os_disk_luns_and_acls():
    [vm] = _vms(json.dumps(_show_later(acl=True), indent=2))
    assert (vm.name, vm.service) == ("web1", "shop")
    assert [(d.name, d.lun != "") for d in vm.role.disks] == [
        ("shop-web1-0-201409091200", False),
        ("shop-web1-1-201409091300", True),
    ]
    [endpoint] = vm.role.endpoints
    assert endpoint.acl is not None and [r.remote_subnet for r in endpoint.acl.rules] == ["203.0.113.0/24"]


def test_the_deployment_a_view_does_not_name_is_left_to_fill_in_by_the_plan(tmp_path, monkeypatch):
    """The view names the cloud service (`DNSName`), not its deployment, which may be named otherwise: the
    plan's commands leave it to fill in and say how to find it, not take the service's name for it."""
    [vm] = _vms(json.dumps(_show_later(), indent=2))
    assert (vm.service, vm.deployment) == ("shop", "")
    result = lint_files(tmp_path, monkeypatch, {"web1.json": json.dumps(_show_later())}, dedent=False)
    text = render_plan(build_plan(result), "text")
    assert "Move-AzureService -Validate -ServiceName 'shop' -DeploymentName '<deployment name>'" in text
    assert "validate-migration 'shop' '<deployment name>'" in text
    assert "Get-AzureDeployment -ServiceName 'shop' -Slot Production gives it" in text
    assert "-DeploymentName 'shop'" not in text


def test_a_folder_walk_reads_a_vm_list_and_its_rules_find_the_vm_state(tmp_path, monkeypatch):
    text = json.dumps([_list_0_7("MongoArbiter", status="RoleStateUnknown")], indent=2)
    result = lint_files(tmp_path, monkeypatch, {"azure-vm-list.json": text}, "MIG208", dedent=False)
    assert where(result.findings) == ["MIG208 azure-vm-list.json:6:23"]


def test_an_endpoint_acl_of_a_vm_show_is_mig201_at_its_key(tmp_path, monkeypatch):
    text = json.dumps(_show_later(acl=True), indent=2)
    result = lint_files(tmp_path, monkeypatch, {"web1.json": text}, "MIG201", dedent=False)
    assert where(result.findings) == ["MIG201 web1.json:42:9"]


def test_a_data_disk_blob_with_a_slash_in_its_name_is_mig401(tmp_path, monkeypatch):
    text = json.dumps([_list_0_7("MongoNode1", data_blob="nodes/MongoNode1Data.vhd")], indent=2)
    result = lint_files(tmp_path, monkeypatch, {"azure-vm-list.json": text}, "MIG401", dedent=False)
    assert [f.code for f in result.findings] == ["MIG401"]
    assert "nodes/MongoNode1Data.vhd" in result.findings[0].message


def test_json_naming_a_vm_without_a_cloud_service_is_no_export(tmp_path, monkeypatch):
    """A parameters file or settings that name a `vmName` are not VM views: a view names its DNS name."""
    files = {"settings.json": json.dumps({"vmName": "web1", "InstanceSize": "Small"}, indent=2)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert result.findings == [] or all(f.code != "MIG208" for f in result.findings)
    document = read_document("settings.json", files["settings.json"].encode(), explicit=False)
    assert document is None or document.kind is not FileKind.INVENTORY


def test_a_vm_without_a_network_configuration_is_read_with_no_endpoints():
    """vmclient.js writes `Network.Endpoints` as `{}` for a VM with no network configuration set."""
    view = {"DNSName": "jump.cloudapp.net", "VMName": "jump01", "InstanceStatus": "ReadyRole", "Network": {}}
    [vm] = _vms(json.dumps([view], indent=4))
    assert (vm.name, vm.service, vm.role.endpoints) == ("jump01", "jump", ())


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_walk_keeps_a_vm_list_in_each_encoding_a_shell_writes(tmp_path, encoding):
    """`azure vm list --json > vms.json` in Windows PowerShell 5 writes UTF-16 with a byte order mark."""
    path = tmp_path / "vms.json"
    path.write_bytes(json.dumps([_list_0_7("MongoArbiter")], indent=2).encode(encoding))
    assert inventory.sniff(path.read_bytes())
