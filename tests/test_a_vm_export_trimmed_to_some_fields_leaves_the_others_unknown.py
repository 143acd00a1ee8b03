"""A VM export trimmed to some fields (`Get-AzureVM | Select-Object Name, ServiceName, ...`, `azure vm list --json |
jq '[.[] | {VMName, DNSName, InstanceStatus}]'`) is read for what it says, and what a field it leaves out would
state stays unknown: a CLI view without `Network` does not say the VM has no endpoints (a reserved IP on its
cloud service was MIG106, "no input endpoint on its public VIP"), and a view or context without its disks does
not say it has none."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_reserved_ip, lint_files, where

from migcheck.inventory_model import ClassicVm
from migcheck.readers import inventory

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"
RESERVED_IP = graph_page(graph_reserved_ip(SUBSCRIPTION, "shop-ip", "shop"), indent=2)


def _cli_view(**fields: object) -> str:
    return json.dumps(
        [{"VMName": "web01", "DNSName": "shop.cloudapp.net", "InstanceStatus": "ReadyRole", **fields}]
    )


def test_a_cli_view_without_its_network_does_not_say_the_vm_has_no_endpoint(tmp_path, monkeypatch) -> None:
    files = {"vms.json": _cli_view(), "ips.json": RESERVED_IP}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG106").findings) == []


def test_a_cli_view_that_lists_no_endpoint_still_says_so(tmp_path, monkeypatch) -> None:
    files = {"vms.json": _cli_view(Network={"Endpoints": []}), "ips.json": RESERVED_IP}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG106").findings) == ["MIG106 ips.json:6:15"]


def _vm_of(export: object) -> ClassicVm:
    [vm] = [
        r
        for r in inventory.read("vms.json", json.dumps(export).encode()).resources
        if isinstance(r, ClassicVm)
    ]
    return vm


def test_what_a_trimmed_export_leaves_out_is_unknown_and_what_it_writes_is_known() -> None:
    cli = _vm_of([{"VMName": "web01", "DNSName": "shop.cloudapp.net", "InstanceSize": "Small"}])
    assert {"endpoints", "disks"} <= cli.role.unknown
    assert cli.role.size == "Small"
    selected = _vm_of([{"Name": "web01", "ServiceName": "shop", "InstanceStatus": "ReadyRole"}])
    assert {"endpoints", "subnets", "disks", "static_ips"} <= selected.role.unknown
    assert selected.service == "shop"
    listed = _vm_of([{"VMName": "web01", "DNSName": "shop.cloudapp.net", "Network": {}, "DataDisks": []}])
    assert not {"endpoints", "disks"} & listed.role.unknown
