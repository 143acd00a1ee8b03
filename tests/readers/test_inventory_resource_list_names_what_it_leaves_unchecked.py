"""A resource list without properties (`az resource list`, `Get-AzResource` without `-ExpandProperties`, a
Resource Graph query whose `project` leaves the column out) that names classic VMs, cloud services and
storage accounts: its warning (MIG001) names every classic resource it leaves unchecked, its cloud services
included, and a plan with no step says that the export names them without their properties and what to
export instead, rather than that the files describe no classic resource.

A cloud service's own properties (a label, a host name, a status) say nothing the rules read: its VMs' rows
describe it. So a Resource Graph row of one with its properties is read as before, into nothing."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.cli import main
from migcheck.inventory_model import UncheckedResource
from migcheck.readers import read_document

SUB = "00000000-0000-0000-0000-000000000001"
GROUP = f"/subscriptions/{SUB}/resourceGroups/rg1/providers"


def _row(rtype: str, name: str, **more: object) -> dict:
    """A row of `az resource list --query "[].{id:id, name:name, type:type, location:location}"`."""
    return {"id": f"{GROUP}/{rtype}/{name}", "name": name, "type": rtype, "location": "westus", **more}


SERVICE = _row("Microsoft.ClassicCompute/domainNames", "web1")
VM = _row("Microsoft.ClassicCompute/virtualMachines", "web1")
ACCOUNT = _row("Microsoft.ClassicStorage/storageAccounts", "st1")


def _get_azresource(row: dict) -> dict:
    """The row as `Get-AzResource | ConvertTo-Json` writes it: PascalCase, `Properties` null."""
    return {
        "Name": row["name"],
        "ResourceGroupName": "rg1",
        "ResourceType": row["type"],
        "Location": row["location"],
        "ResourceId": row["id"],
        "Properties": None,
    }


EXPORTS = {
    "a projection without the column": [SERVICE, VM, ACCOUNT],
    "az resource list": [{**row, "properties": None} for row in (SERVICE, VM, ACCOUNT)],
    "Get-AzResource": [_get_azresource(row) for row in (SERVICE, VM, ACCOUNT)],
}


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_the_warning_names_the_cloud_service_with_the_vm_and_the_account(export, tmp_path, monkeypatch):
    text = json.dumps(EXPORTS[export], indent=2)
    result = lint_files(tmp_path, monkeypatch, {"resources.json": text}, dedent=False)
    [finding] = result.findings
    # At the cloud service, the first resource left unchecked: its `properties`, or its `{` without them.
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines, 1) if '"properties"' in line.lower()), 2)
    assert finding.code == "MIG001" and finding.location is not None and finding.location.line == first
    assert first < lines.index("  {", 2) + 1  # in the first object
    assert "3 resources were not checked" in finding.message
    assert "cloud service 'web1' (which VMs it holds" in finding.message
    assert "classic VM 'web1' (cloud service," in finding.message
    assert "classic storage account 'st1' (account type" in finding.message


def test_a_cloud_service_named_only_by_its_id_is_named_too(tmp_path, monkeypatch):
    """`| project id, name`: no `type` column, the type is the one its id names."""
    row = {"id": SERVICE["id"], "name": "web1"}
    [finding] = lint_files(tmp_path, monkeypatch, {"graph.json": json.dumps([row])}, dedent=False).findings
    assert finding.code == "MIG001" and "1 resource was not checked: " not in finding.message
    assert finding.message.endswith(
        "cloud service 'web1' (which VMs it holds, as only their rows' properties say)"
    )


def test_a_cloud_service_row_with_its_properties_is_read_into_nothing():
    """Resource Graph writes a cloud service's label, host name and status: nothing to check, nothing left
    unchecked, as before."""
    row = {**SERVICE, "properties": {"label": "web1", "hostName": "web1.cloudapp.net", "status": "Created"}}
    document = read_document("graph.json", json.dumps([row]).encode(), explicit=True)
    assert document is not None and document.problem is None and document.resources == ()


def test_the_export_keeps_what_it_left_unchecked_in_file_order():
    text = json.dumps(EXPORTS["az resource list"], indent=2)
    document = read_document("resources.json", text.encode(), explicit=True)
    assert document is not None
    assert [(type(r), r.noun, r.name) for r in document.resources] == [
        (UncheckedResource, "cloud service", "web1"),
        (UncheckedResource, "classic VM", "web1"),
        (UncheckedResource, "classic storage account", "st1"),
    ]


def _plan(capsys, *args: str) -> str:
    capsys.readouterr()
    assert main(["plan", ".", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_plan_names_what_the_export_leaves_unchecked_and_what_to_export(
    fmt, tmp_path, monkeypatch, capsys
):
    (tmp_path / "resources.json").write_text(
        json.dumps(EXPORTS["az resource list"], indent=2), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    out = _plan(capsys, "--format", fmt)
    assert "describe no classic resource" not in out and "Nothing to migrate" not in out
    closing = (
        "No step to plan: the exports checked name cloud service &#x27;web1&#x27;, classic VM &#x27;web1&#x27; "
        "and classic storage account &#x27;st1&#x27; without their properties"
        if fmt == "html"
        else "No step to plan: the exports checked name cloud service 'web1', classic VM 'web1' and classic "
        "storage account 'st1' without their properties"
    )
    assert closing in out
    assert "export them from Azure Resource Graph with their `properties` (`az graph query`" in out


def test_one_resource_is_named_in_the_singular(tmp_path, monkeypatch, capsys):
    (tmp_path / "resources.json").write_text(
        json.dumps([_get_azresource(SERVICE)], indent=2), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    last = _plan(capsys).rstrip().splitlines()[-1]
    assert last.startswith(
        "No step to plan: the exports checked name cloud service 'web1' without its properties, so nothing of "
        "it could be checked or planned: export it from Azure Resource Graph with its `properties`"
    )
    assert last.endswith("Until then, this plan holds only what the notes above are about.")


def test_an_export_of_no_classic_resource_without_properties_keeps_the_closing_line(
    tmp_path, monkeypatch, capsys
):
    """A Resource Manager network without its peerings is left unchecked too, but it is no classic resource
    to move: the plan says what it said."""
    network = {**_row("Microsoft.Network/virtualNetworks", "hub"), "properties": None}
    (tmp_path / "resources.json").write_text(json.dumps([network], indent=2), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    last = _plan(capsys).rstrip().splitlines()[-1]
    assert last == (
        "No step to plan: the files checked describe no classic resource to move, only what the notes above "
        "are about."
    )


def test_where_the_warning_points_is_the_first_resource_left_unchecked(tmp_path, monkeypatch):
    """The cloud service comes first in the export: the warning is at its row, where the export starts to
    leave resources unchecked."""
    text = json.dumps(EXPORTS["a projection without the column"], indent=2)
    result = lint_files(tmp_path, monkeypatch, {"resources.json": text}, dedent=False)
    assert where(result.findings) == ["MIG001 resources.json:2:3"]


# The classic types Resource Graph's `resources` table lists (INVENTORY.md), which resource lists list too.
CLASSIC_TYPES = (
    "Microsoft.ClassicCompute/domainNames",
    "Microsoft.ClassicCompute/virtualMachines",
    "Microsoft.ClassicNetwork/networkSecurityGroups",
    "Microsoft.ClassicNetwork/reservedIps",
    "Microsoft.ClassicNetwork/virtualNetworks",
    "Microsoft.ClassicStorage/storageAccounts",
)


@pytest.mark.parametrize("rtype", CLASSIC_TYPES)
def test_every_classic_resource_of_a_resource_list_is_read_or_named_unchecked(rtype):
    """None is dropped unsaid: a security group is read by its name alone, every other is named in the
    warning and kept for the plan."""
    text = json.dumps([{**_row(rtype, "x1"), "properties": None}])
    document = read_document("resources.json", text.encode(), explicit=True)
    assert document is not None and len(document.resources) == 1
    [resource] = document.resources
    if isinstance(resource, UncheckedResource):
        assert document.problem is not None and f"{resource.noun} 'x1' (" in document.problem.message
    else:
        assert rtype.endswith("networkSecurityGroups") and document.problem is None
