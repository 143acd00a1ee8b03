"""Two inventory exports of one classic VM (two Resource Graph exports, or a Resource Graph export and a
`Get-AzureVM` export of it) that disagree on its size, availability set, subnets, network or state are a
conflict (MIG004) at the export not used, naming the one used: the platform holds one VM, so one of the
exports is stale. Exports that agree are one VM, and no finding."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files, rest_vm_deployment
from test_a_get_azurevm_export_beside_exports_of_several_subscriptions_is_checked_whatever_the_file_order import (
    get_azurevm,
)

SUBSCRIPTION = "11111111-1111-4111-8111-111111111111"


def _graph_vm(
    size: str = "Small", availability_set: str = "", subnet: str = "web", vnet: str = "prod-vnet"
) -> str:
    """A Resource Graph export of VM web1 of cloud service svc, running."""
    row = graph_vm(SUBSCRIPTION, "svc", "web1", availability_set, vnet, subnet)
    row["properties"]["hardwareProfile"]["size"] = size
    row["properties"]["instanceView"] = {"status": "ReadyRole"}
    return graph_page(row, indent=2)


def _get_azurevm(size: str = "Small", availability_set: str = "", status: str = "ReadyRole") -> str:
    """A `Get-AzureVM` export of VM web1 of cloud service svc (in subnet 'web' of 'prod-vnet')."""
    [row] = json.loads(get_azurevm("svc", "web1"))
    row["VM"]["RoleSize"] = size
    row["VM"]["AvailabilitySetName"] = row["AvailabilitySetName"] = availability_set or None
    row["InstanceStatus"] = row["Status"] = status
    return json.dumps([row], indent=2)


@pytest.mark.parametrize(
    ("second", "difference"),
    [
        (_graph_vm(size="Large"), "size Large / Small"),
        (_graph_vm(availability_set="as1"), "availability set 'as1' / none"),
        (_graph_vm(subnet="data"), "subnets data / web"),
        (_graph_vm(vnet="test-vnet"), "virtual network 'test-vnet' / 'prod-vnet'"),
    ],
)
def test_two_resource_graph_exports_that_disagree_are_a_conflict(
    tmp_path, monkeypatch, second: str, difference: str
) -> None:
    files = {"a-first.json": _graph_vm(), "b-second.json": second}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert finding.location and finding.location.path == "b-second.json"
    assert "than at a-first.json:" in finding.message
    assert difference in finding.message


@pytest.mark.parametrize(
    ("get_azurevm_export", "difference"),
    [
        (_get_azurevm(size="Large"), "size Large / Small"),
        (_get_azurevm(availability_set="as1"), "availability set 'as1' / none"),
        (_get_azurevm(status="StoppedDeallocated"), "state StoppedDeallocated / ReadyRole"),
    ],
)
def test_a_get_azurevm_export_that_disagrees_with_a_resource_graph_export_is_a_conflict(
    tmp_path, monkeypatch, get_azurevm_export: str, difference: str
) -> None:
    files = {"a-graph.json": _graph_vm(), "b-get-azurevm.json": get_azurevm_export}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert finding.location and finding.location.path == "b-get-azurevm.json"
    assert difference in finding.message


@pytest.mark.parametrize("second", [_graph_vm(), _get_azurevm()], ids=["resource-graph", "get-azurevm"])
def test_exports_that_agree_are_one_vm_and_no_conflict(tmp_path, monkeypatch, second: str) -> None:
    files = {"a-first.json": _graph_vm(), "b-second.json": second}
    assert lint_files(tmp_path, monkeypatch, files, "MIG004").findings == []


OTHER = "22222222-2222-4222-8222-222222222222"


def _large_web1_of_other() -> str:
    row = graph_vm(OTHER, "svc", "web1")
    row["properties"]["hardwareProfile"]["size"] = "Large"
    return graph_page(row, indent=2)


@pytest.mark.parametrize(
    "second", [_large_web1_of_other(), _get_azurevm(size="Large")], ids=["resource-graph", "get-azurevm"]
)
def test_exports_of_a_vm_of_the_second_of_two_subscriptions_that_disagree_are_a_conflict(
    tmp_path, monkeypatch, second: str
) -> None:
    """The first export holds VMs of two subscriptions, OTHER's web1 of svc Small; the second says web1 of
    svc is Large: the estate of OTHER, checked on its own, reports it."""
    first = graph_page(graph_vm(SUBSCRIPTION, "shop", "web9"), graph_vm(OTHER, "svc", "web1"), indent=2)
    files = {"a-first.json": first, "b-second.json": second}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert finding.location and finding.location.path == "b-second.json"
    assert "size Large / Small" in finding.message


@pytest.mark.parametrize(
    "second", [_graph_vm(size="Large"), _get_azurevm(size="Large")], ids=["resource-graph", "get-azurevm"]
)
def test_exports_of_a_vm_the_files_describe_that_disagree_name_each_other(
    tmp_path, monkeypatch, second: str
) -> None:
    """The files' REST deployment of svc describes web1 without a size: the first export gives it Small,
    and the second, which says Large, is compared with the first export, not with the files."""
    files = {
        "svc/deployment.xml": rest_vm_deployment("svc", "Production", "web1", "", "prod-vnet"),
        "a-first.json": _graph_vm(subnet="app"),
        "b-second.json": second,
    }
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert finding.location and finding.location.path == "b-second.json"
    assert "than at a-first.json:" in finding.message
    assert "size Large / Small" in finding.message
