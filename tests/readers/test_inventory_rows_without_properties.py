"""Resource rows an export writes without properties (`"properties": null`, as `az resource list` writes
them, or a query's `project` that leaves the column out): a resource whose rules read none of its properties
(a classic network security group, moved by its name, whose plan step says what is not known of it) is
read whole; for the others the file's one warning
names each resource left unchecked and what the rules would have read of it."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.inventory_model import ClassicNetworkSecurityGroup
from migcheck.plan import build_plan
from migcheck.readers import read_document
from migcheck.readers.inventory_shapes import BUILDERS, READ_WITHOUT_PROPERTIES, UNKNOWN_WITHOUT_PROPERTIES

SUB = "11111111-2222-3333-4444-555555555555"
NETWORKING = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork"
_UNSET = object()


def _row(kind: str, name: str, properties: object = None) -> dict:
    row = {
        "id": f"{NETWORKING}/{kind}/{name}",
        "name": name,
        "type": f"microsoft.classicnetwork/{kind.lower()}",
        "subscriptionId": SUB,
    }
    return row if properties is _UNSET else {**row, "properties": properties}


def _graph(*rows: dict) -> str:
    return json.dumps(
        {"count": len(rows), "data": list(rows), "skip_token": None, "total_records": len(rows)}
    )


def test_a_security_group_without_properties_is_read_by_its_name_with_no_warning(tmp_path, monkeypatch):
    files = {"classic.json": _graph(_row("networkSecurityGroups", "spare-nsg"))}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert result.findings == []
    assert [g.name for g in result.estate.network_security_groups] == ["spare-nsg"]
    steps = [s.id for sub in build_plan(result).subscriptions for s in sub.steps]
    assert "unattached:NetworkSecurityGroup:spare-nsg" in steps


def test_a_security_group_of_a_projection_without_the_column_is_read_too():
    text = _graph(_row("networkSecurityGroups", "spare-nsg", _UNSET))
    document = read_document("classic.json", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    [group] = document.resources
    assert isinstance(group, ClassicNetworkSecurityGroup) and (group.name, group.subscription) == (
        "spare-nsg",
        SUB,
    )


def test_a_reserved_ip_without_properties_is_named_with_what_is_unknown_of_it(tmp_path, monkeypatch):
    """Whether the reserved IP moves with a cloud service or on its own is its `attachedTo`: unknown, it is
    neither planned on its own nor counted as a service's, and the warning says so, by name."""
    rows = [_row("networkSecurityGroups", "spare-nsg"), _row("reservedIps", "web-vip")]
    text = _graph(*rows)
    result = lint_files(tmp_path, monkeypatch, {"classic.json": text}, dedent=False)
    at = text.index('"properties"', text.index('"web-vip"')) + 1
    assert where(result.findings) == [f"MIG001 classic.json:1:{at}"]
    message = result.findings[0].message
    assert "1 resource was not checked" in message
    assert "reserved IP 'web-vip' (the cloud service it is attached to" in message
    assert "spare-nsg" not in message
    steps = [s.id for sub in build_plan(result).subscriptions for s in sub.steps]
    assert not any("web-vip" in step for step in steps)


def test_the_warning_names_a_few_resources_of_each_type_and_counts_the_rest(tmp_path, monkeypatch):
    rows = [_row("reservedIps", f"vip{n}") for n in range(5)] + [_row("virtualNetworks", "prod-vnet")]
    result = lint_files(tmp_path, monkeypatch, {"classic.json": _graph(*rows)}, dedent=False)
    [finding] = result.findings
    assert "6 resources were not checked" in finding.message
    assert finding.message.endswith(
        "reserved IPs 'vip0', 'vip1', 'vip2', 2 more (the cloud service it is attached to (whether it moves "
        "with one or on its own), address); classic virtual network 'prod-vnet' (address space, subnets)"
    )


def test_every_type_whose_properties_are_read_says_what_is_read_of_it():
    read = {rtype for rtype in BUILDERS if rtype not in READ_WITHOUT_PROPERTIES}
    assert set(UNKNOWN_WITHOUT_PROPERTIES) == read


def test_a_service_in_a_network_is_named_as_its_other_findings_name_it(tmp_path, monkeypatch):
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/identity/providers/Microsoft.AAD/domainServices/corp.example",
        "name": "corp.example",
        "type": "microsoft.aad/domainservices",
        "subscriptionId": SUB,
        "properties": None,
    }
    export = _graph(_row("virtualNetworks", "corp-vnet"), row)
    [finding] = lint_files(tmp_path, monkeypatch, {"classic.json": export}, dedent=False).findings
    assert finding.message.endswith(
        "; Microsoft Entra Domain Services managed domain 'corp.example' (the network it is deployed in)"
    )
