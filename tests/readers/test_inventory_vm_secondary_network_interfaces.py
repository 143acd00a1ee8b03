"""A classic VM's secondary network interfaces in a Resource Graph export: the subnets of
`virtualNetwork.networkInterfaces[].ipConfigurations[].subnetName` count among the VM's subnets (MIG202), as
the `NetworkInterfaces` of a REST body, an Export-AzureVM file or a Get-AzureVM export do. An interface
written in another shape leaves the VM's subnets unknown."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_vm, lint_files, where

from migcheck.inventory_model import ClassicVm
from migcheck.readers import read_document

SUB = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"


def _vm(interfaces: object, subnets: list[str] | None = None) -> dict:
    row = graph_vm(SUB, "svc1", "vm1", subnet="FrontEnd")
    network = row["properties"]["networkProfile"]["virtualNetwork"]
    if subnets is not None:
        network["subnetNames"] = subnets
    network["networkInterfaces"] = interfaces
    return row


def _nic(*subnets: str, name: str = "nic2") -> dict:
    return {"name": name, "ipConfigurations": [{"subnetName": s, "address": "10.0.2.5"} for s in subnets]}


def _read(row: dict) -> ClassicVm:
    document = read_document("inventory/classic.json", graph_page(row, indent=2).encode(), explicit=True)
    assert document is not None and document.problem is None
    [vm] = [r for r in document.resources if isinstance(r, ClassicVm)]
    return vm


def test_a_secondary_interface_in_another_subnet_puts_the_vm_in_two(tmp_path, monkeypatch):
    text = graph_page(_vm([_nic("BackEnd")]), indent=2)
    result = lint_files(tmp_path, monkeypatch, {"classic.json": text}, "MIG202", dedent=False)
    [(line, column)] = [
        (n, row.index('"BackEnd"') + 1) for n, row in enumerate(text.splitlines(), 1) if '"subnetName"' in row
    ]
    assert where(result.findings) == [f"MIG202 classic.json:{line}:{column}"]
    assert (
        result.findings[0].message == "VM 'vm1' of cloud service 'svc1' is in 2 subnets (FrontEnd, BackEnd) "
        "(its secondary network interfaces read from networkInterfaces[].ipConfigurations[].subnetName, the "
        "shape Resource Graph is believed to write)"
    )


def test_the_interfaces_are_read_with_their_subnets_apart_from_the_primary_ones():
    role = _read(_vm([_nic("BackEnd"), _nic("Data", "Backup", name="nic3")])).role
    assert [s.name for s in role.subnets] == ["FrontEnd", "BackEnd", "Data", "Backup"]
    assert [s.name for s in role.primary_subnets] == ["FrontEnd"]
    assert [(nic, [s.name for s in refs]) for nic, refs, _ in role.interfaces] == [
        ("nic2", ["BackEnd"]),
        ("nic3", ["Data", "Backup"]),
    ]
    assert "subnets" not in role.unknown


def test_a_secondary_interface_in_the_same_subnet_is_one_subnet(tmp_path, monkeypatch):
    files = {"classic.json": graph_page(_vm([_nic("frontend")]))}
    assert not lint_files(tmp_path, monkeypatch, files, "MIG202").findings


def test_no_secondary_interface_is_written_as_none():
    for written in ([], None):
        role = _read(_vm(written)).role
        assert [s.name for s in role.subnets] == ["FrontEnd"] and not role.interfaces
        assert "subnets" not in role.unknown


def test_an_interface_whose_subnet_is_not_read_leaves_the_subnets_unknown(tmp_path, monkeypatch):
    for nic in ({"name": "nic2"}, {"name": "nic2", "ipConfigurations": [{"subnet": "BackEnd"}]}, "nic2"):
        assert "subnets" in _read(_vm([nic])).role.unknown
    # A VM in no subnet of its own but with an interface in one that is not read: not said to have none.
    files = {"classic.json": graph_page(_vm([{"name": "nic2"}], subnets=[]))}
    assert not lint_files(tmp_path, monkeypatch, files, "MIG203").findings


def test_an_interface_a_script_removes_takes_its_subnet_off_the_exported_vm(tmp_path, monkeypatch):
    files = {
        "classic.json": graph_page(_vm([_nic("BackEnd")])),
        "fix.ps1": 'Get-AzureVM -ServiceName "svc1" -Name "vm1" | Remove-AzureNetworkInterfaceConfig -Name '
        '"nic2" | Update-AzureVM\n',
    }
    assert not lint_files(tmp_path, monkeypatch, files, "MIG202").findings


def test_an_interface_cut_short_by_convertto_json_is_reported_as_read_in_part(tmp_path, monkeypatch):
    row = _vm([{"name": "nic2", "ipConfigurations": ["@{subnetName=BackEnd; address=10.0.2.5}"]}])
    result = lint_files(tmp_path, monkeypatch, {"classic.json": json.dumps([row], indent=2)}, dedent=False)
    assert [f.code for f in result.findings if f.code == "MIG001"] == ["MIG001"]
    assert "networkInterfaces" in next(f.message for f in result.findings if f.code == "MIG001")
