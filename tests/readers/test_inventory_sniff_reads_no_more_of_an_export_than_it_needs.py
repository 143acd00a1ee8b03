"""Lower-casing an export's bytes costs about as much as decoding them, and a walk's sniff and the read each
did it for the whole file. An export whose first bytes name its shape in lower case (the types Resource
Graph writes) is sniffed without lower-casing it, and only a file with a `$` or a `\\` (which a
template's `$schema` key needs) is lower-cased to look for a template. What either finds is as before."""

from __future__ import annotations

import json

from migcheck.model import FileKind
from migcheck.readers import inventory

VM_ID = (
    "/subscriptions/00000000-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/shop/providers/"
    "Microsoft.ClassicCompute/virtualMachines/web1"
)
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


class _NotLowerCased(bytes):
    """Bytes that refuse to be lower-cased: what the sniff and the read did with them shows in a test."""

    def lower(self) -> bytes:
        raise AssertionError("lower-cased the whole file")


def _export(rtype: str) -> bytes:
    row = {"id": VM_ID, "name": "web1", "type": rtype, "properties": {"hardwareProfile": {"size": "Small"}}}
    return json.dumps({"count": 1, "data": [row]}, indent=2).encode()


def test_an_export_in_resource_graph_s_case_is_sniffed_and_read_without_lower_casing_it():
    data = _NotLowerCased(_export("microsoft.classiccompute/virtualmachines"))
    assert inventory.sniff(data)
    document = inventory.read("classic.json", data)
    assert document.kind is FileKind.INVENTORY and [r.name for r in document.resources] == ["web1"]


def test_an_export_that_names_its_type_in_another_case_is_still_sniffed():
    assert inventory.sniff(_export("Microsoft.ClassicCompute/virtualMachines"))
    assert inventory.sniff(_export("MICROSOFT.CLASSICCOMPUTE/VIRTUALMACHINES").decode().encode("utf-16"))


def test_a_template_whose_schema_key_is_written_with_an_escape_is_still_one():
    text = json.dumps(
        {"$schema": SCHEMA, "resources": [{"type": "Microsoft.Compute/cloudServices", "name": "shop"}]}
    )
    escaped = text.replace('"$schema"', '"\\u0024schema"').encode()
    assert b"$" not in escaped
    assert inventory.sniff(escaped)
    assert [r.name for r in inventory.read("t.json", escaped).resources] == ["shop"]
