"""A cloud service's deployment is in one virtual network, all its VMs with it (MIG004: a VM deployment whose
descriptions name two networks). An export whose rows placed two VMs of one deployment in two networks passed
silently, the deployment placed in the first row's network; it is now MIG004 at the second VM's network, as a
deployment whose configuration and own description name two networks is."""

from __future__ import annotations

from lint_support import graph_page, graph_vm, lint_files, where

SUB = "11111111-2222-3333-4444-555555555555"


def _line_of(text: str, value: str) -> tuple[int, int]:
    before = text[: text.index(f'"{value}"')]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def test_the_second_vm_s_other_network_is_mig004_at_its_value(tmp_path, monkeypatch):
    export = graph_page(
        graph_vm(SUB, "shop", "web01", vnet="prod-vnet"),
        graph_vm(SUB, "shop", "web02", vnet="test-vnet"),
        indent=2,
    )
    result = lint_files(tmp_path, monkeypatch, {"classic.json": export}, "MIG004", dedent=False)
    line, column = _line_of(export, "test-vnet")
    assert where(result.findings) == [f"MIG004 classic.json:{line}:{column}"]
    kept_line, _ = _line_of(export, "prod-vnet")
    assert result.findings[0].message == (
        f"deployment 'shop' of cloud service 'shop' is described differently here than at classic.json:{kept_line}: "
        "virtual network 'test-vnet' (VM 'web02') / 'prod-vnet' (VM 'web01') (here / there)"
    )


def test_vms_of_one_deployment_in_one_network_are_no_finding(tmp_path, monkeypatch):
    export = graph_page(graph_vm(SUB, "shop", "web01"), graph_vm(SUB, "shop", "web02"), indent=2)
    assert lint_files(tmp_path, monkeypatch, {"classic.json": export}, "MIG004", dedent=False).findings == []


def test_vms_of_two_cloud_services_may_be_in_two_networks(tmp_path, monkeypatch):
    export = graph_page(
        graph_vm(SUB, "shop", "web01", vnet="prod-vnet"),
        graph_vm(SUB, "test", "web02", vnet="test-vnet"),
        indent=2,
    )
    assert lint_files(tmp_path, monkeypatch, {"classic.json": export}, "MIG004", dedent=False).findings == []


def test_two_exports_of_one_vm_in_two_networks_are_one_finding_of_that_vm(tmp_path, monkeypatch):
    files = {
        "a.json": graph_page(graph_vm(SUB, "shop", "web01", vnet="prod-vnet"), indent=2),
        "b.json": graph_page(graph_vm(SUB, "shop", "web01", vnet="test-vnet"), indent=2),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).findings
    assert [f.message.split(" is described")[0] for f in found] == ["VM 'web01' of cloud service 'shop'"]
