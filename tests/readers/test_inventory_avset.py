"""Availability sets in Resource Graph rows of classic VMs: a `hardwareProfile` that leaves `availabilitySet`
out, or writes it as null, puts the VM in no set (as `""` does); a row without a `hardwareProfile` says
nothing of it, unless another row of the same cloud service in the same export states its own, since the
rows of one export share a projection."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files as _lint
from lint_support import where as _where

from migcheck.inventory_model import ClassicVm
from migcheck.readers import read_document

SUB = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
ABSENT = object()  # a key the row leaves out


def _vm(
    name: str, service: str = "svc1", *, availability_set: object = ABSENT, hardware: bool = True
) -> dict:
    """A classic VM row of `az graph query` in cloud service `service`, network `prod-vnet`, subnet `web`;
    its `hardwareProfile` holds `availability_set` unless that is ABSENT, and is left out unless
    `hardware`."""
    props: dict[str, object] = {
        "domainName": {"name": service},
        "networkProfile": {"virtualNetwork": {"name": "prod-vnet", "subnetNames": ["web"]}},
        "instanceView": {"status": "ReadyRole"},
    }
    if hardware:
        profile: dict[str, object] = {"size": "Small", "deploymentName": service}
        if availability_set is not ABSENT:
            profile["availabilitySet"] = availability_set
        props["hardwareProfile"] = profile
    group = f"/subscriptions/{SUB}/resourceGroups/{service}"
    return {
        "id": f"{group}/providers/Microsoft.ClassicCompute/virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": props,
    }


def _export(*rows: dict) -> str:
    return json.dumps(list(rows), indent=2) + "\n"


def _at_row(code: str, path: str, text: str, name: str) -> str:
    """A finding of `code` at the `{` of the row of VM `name` in the export `text`."""
    at = text.rindex("{", 0, text.index(f'"name": "{name}"'))
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


def _at_value(code: str, path: str, text: str, name: str, key: str) -> str:
    """A finding of `code` at the value of `key` in the row of VM `name` (written after its name)."""
    colon = text.index(f'"{key}":', text.index(f'"name": "{name}"')) + len(key) + 3
    at = colon + len(text[colon:]) - len(text[colon:].lstrip())
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


def _vms(text: str) -> dict[str, ClassicVm]:
    doc = read_document("classic.json", text.encode(), explicit=True)
    assert doc is not None
    return {r.name: r for r in doc.resources if isinstance(r, ClassicVm)}


@pytest.mark.parametrize(
    "availability_set", [None, ABSENT, "", "  "], ids=["null", "absent", "empty", "blank"]
)
def test_a_hardware_profile_without_a_set_puts_the_vm_in_none(tmp_path, monkeypatch, availability_set):
    text = _export(_vm("a", availability_set="app-as"), _vm("b", availability_set=availability_set))
    vm = _vms(text)["b"]
    assert vm.role.availability_set == "" and "availability_set" not in vm.role.unknown
    assert not vm.availability_set_left_out
    result = _lint(tmp_path, monkeypatch, {"classic.json": text}, "MIG103")
    # At the value that says "none" where the row writes one, else at the row.
    expected = (
        _at_row("MIG103", "classic.json", text, "b")
        if availability_set is ABSENT
        else _at_value("MIG103", "classic.json", text, "b", "availabilitySet")
    )
    assert _where(result.findings) == [expected]
    assert "VM 'b' is in no availability set" in result.findings[0].message


@pytest.mark.parametrize("availability_set", [None, ABSENT], ids=["null", "absent"])
def test_vms_in_no_set_at_all_are_not_reported(tmp_path, monkeypatch, availability_set):
    text = _export(_vm("a", availability_set=availability_set), _vm("b", availability_set=availability_set))
    vms = _vms(text).values()
    assert all(vm.role.availability_set == "" and "availability_set" not in vm.role.unknown for vm in vms)
    assert _lint(tmp_path, monkeypatch, {"classic.json": text}, "MIG102", "MIG103").findings == []


def test_a_set_named_in_one_row_and_null_in_another_is_one_set(tmp_path, monkeypatch):
    """A null is no second availability set: MIG102 counts names only."""
    text = _export(
        _vm("a", availability_set="app-as"),
        _vm("b", availability_set=None),
        _vm("c", availability_set="APP-AS"),
    )
    result = _lint(tmp_path, monkeypatch, {"classic.json": text}, "MIG102", "MIG103")
    assert _where(result.findings) == [_at_value("MIG103", "classic.json", text, "b", "availabilitySet")]


def test_a_row_without_a_hardware_profile_is_in_none_when_another_row_of_its_service_says(
    tmp_path, monkeypatch
):
    """The rows of one export share a projection: a row of the same cloud service writes its
    `hardwareProfile`, so this VM's would be written too if it had one."""
    text = _export(_vm("a", availability_set="app-as"), _vm("b", hardware=False))
    vm = _vms(text)["b"]
    assert vm.availability_set_left_out and vm.role.availability_set == ""
    assert "availability_set" not in vm.role.unknown
    result = _lint(tmp_path, monkeypatch, {"classic.json": text}, "MIG103")
    assert _where(result.findings) == [_at_row("MIG103", "classic.json", text, "b")]


def test_a_row_without_a_hardware_profile_says_nothing_on_its_own(tmp_path, monkeypatch):
    """Unknown when no other row of its cloud service in the same export states a set: the only one that
    does is in another export (another projection), or of another service."""
    elsewhere = _export(_vm("b", hardware=False), _vm("x", "svc2", availability_set="other-as"))
    vms = _vms(elsewhere)
    assert vms["b"].availability_set_left_out and "availability_set" in vms["b"].role.unknown
    files = {"inventory/a.json": _export(_vm("a", availability_set="app-as")), "inventory/b.json": elsewhere}
    assert _lint(tmp_path, monkeypatch, files, "MIG103").findings == []
    # The same two rows in one export: the first states the service's set.
    together = _export(_vm("a", availability_set="app-as"), _vm("b", hardware=False))
    result = _lint(tmp_path, monkeypatch, {"inventory/a.json": together, "inventory/b.json": "[]"}, "MIG103")
    assert _where(result.findings) == [_at_row("MIG103", "inventory/a.json", together, "b")]


def test_a_value_that_is_no_name_says_nothing(tmp_path, monkeypatch):
    """A number or an object where the set's name belongs is not read as a name, nor as none, whatever
    the other rows say."""
    text = _export(_vm("a", availability_set="app-as"), _vm("b", availability_set={"name": "app-as"}))
    vm = _vms(text)["b"]
    assert "availability_set" in vm.role.unknown and not vm.availability_set_left_out
    assert _lint(tmp_path, monkeypatch, {"classic.json": text}, "MIG103").findings == []


def test_two_sets_are_reported_at_the_name_of_the_second(tmp_path, monkeypatch):
    """MIG102 points at the value it is about: the second set's name, not its key."""
    text = _export(_vm("a", availability_set="app-as"), _vm("b", availability_set="batch-as"))
    result = _lint(tmp_path, monkeypatch, {"classic.json": text}, "MIG102")
    at = text.index('"batch-as"')
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    assert _where(result.findings) == [f"MIG102 classic.json:{line}:{column}"]
