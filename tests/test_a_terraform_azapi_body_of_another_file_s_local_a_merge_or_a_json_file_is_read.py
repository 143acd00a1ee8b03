"""An `azapi_resource`'s `body` is read wherever the module writes it: a local of another `.tf` file of the
folder (locals are the module's, not a file's), `merge(local.base, {...})` of objects the module states, and
the JSON a file of the repository holds (`jsondecode(file("body.json"))` in azapi 2.x, `file("body.json")`
as azapi 1.x's JSON text); each value found at the reference the resource's body writes. A name the module
does not state is a stand-in named where the resource writes it. These bodies were read as holding nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
DISK = {
    "operatingSystemDisk": {
        "diskName": "web01-os",
        "operatingSystem": "Windows",
        "vhdUri": "https://acct.blob.core.windows.net/vhds/sub/web01.vhd",
    }
}
NETWORK = {"virtualNetwork": {"name": "vnet1", "subnetNames": ["web"]}}
HCL_DISK = (
    '{ operatingSystemDisk = { diskName = "web01-os", operatingSystem = "Windows", '
    'vhdUri = "https://acct.blob.core.windows.net/vhds/sub/web01.vhd" } }'
)


def _resource(body: str, name: str = '"web01"') -> str:
    return (
        'resource "azapi_resource" "web01" {\n'
        '  type      = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"\n'
        f"  name      = {name}\n"
        f'  parent_id = "{SUB}/resourceGroups/shop"\n'
        f"  body      = {body}\n"
        "}\n"
    )


LOCALS = (
    "locals {\n"
    f"  vm_body = {{ properties = {{ storageProfile = {HCL_DISK} }} }}\n"
    '  base    = { properties = { networkProfile = { virtualNetwork = { name = "vnet1" } } } }\n'
    "}\n"
)


def _mig401(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False)
    found = zip(where(result.findings), result.findings, strict=True)
    return [f"{place} {finding.message.partition(' in ')[0]}" for place, finding in found]


MERGED = f"merge(local.base, {{ properties = {{ storageProfile = {HCL_DISK} }} }})"
BODY_JSON = json.dumps({"properties": {"storageProfile": DISK}})


@pytest.mark.parametrize(
    ("body", "extra", "column"),
    [
        ("local.vm_body", {"locals.tf": LOCALS}, 15),
        # merged one level deep: `properties` is the second object's, the disk where it writes it
        (MERGED, {"locals.tf": LOCALS}, 15 + MERGED.index('"https')),
        ('jsondecode(file("${path.module}/body.json"))', {"body.json": BODY_JSON}, 15),
        ('file("body.json")', {"body.json": BODY_JSON}, 15),
    ],
    ids=["other-file-local", "merge", "jsondecode-file", "file-json-text"],
)
def test_the_body_is_read_where_the_module_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, extra: dict[str, str], column: int
) -> None:
    files = {"main.tf": _resource(body), **extra}
    assert _mig401(tmp_path, monkeypatch, files) == [f"MIG401 main.tf:5:{column} VM 'web01'"]


def test_merge_takes_the_later_object_s_member_over_the_earlier_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = f'merge({{ properties = {{ storageProfile = {HCL_DISK} }} }}, {{ properties = {{ x = "y" }} }})'
    assert _mig401(tmp_path, monkeypatch, {"main.tf": _resource(body)}) == []


def test_a_name_not_stated_is_a_stand_in_named_where_the_resource_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "main.tf": 'variable "vm_name" {}\n'
        + _resource(f"{{ properties = {{ storageProfile = {HCL_DISK} }} }}", "var.vm_name")
    }
    found = _mig401(tmp_path, monkeypatch, files)
    assert len(found) == 1 and found[0].endswith("VM '<VM name, main.tf:4:15>'")
