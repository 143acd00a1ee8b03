"""A value ConvertTo-Json cut short is found in an object that also holds strings that only look like one
(an extension's publisher, `Microsoft.Azure.Security.Monitoring`, starts as a .NET type name does): those
strings are passed over before any object is walked, the values cut short are not, however their keys
are written."""

from __future__ import annotations

import json

import pytest

from migcheck.readers import read_document
from migcheck.readers.inventory_shapes import cut_short_values

SUB = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
MONITORING = {"publisher": "Microsoft.Azure.Security.Monitoring", "extension": "AzureSecurityWindowsAgent"}


def _vm(**properties: object) -> dict:
    props: dict[str, object] = {
        "domainName": {"name": "svc1"},
        "hardwareProfile": {"size": "Small", "deploymentName": "svc1"},
        "extensions": [MONITORING],
        **properties,
    }
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/svc1/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": props,
    }


def test_a_publisher_that_looks_like_a_type_name_is_passed_over():
    text = json.dumps([_vm()], indent=2)
    assert cut_short_values(text) == []
    doc = read_document("x.json", text.encode(), explicit=True)
    assert doc is not None and doc.problem is None
    [vm] = [r for r in doc.resources if type(r).__name__ == "ClassicVm"]
    assert [e.publisher for e in vm.role.extensions] == ["Microsoft.Azure.Security.Monitoring"]


@pytest.mark.parametrize("indent", [None, 2, "\t"])
def test_a_value_cut_short_beside_a_lookalike_is_found(indent):
    text = json.dumps([_vm(hardwareProfile="@{size=Small; deploymentName=svc1}")], indent=indent)
    assert cut_short_values(text) == [text.index('"@{size')]
    doc = read_document("x.json", text.encode(), explicit=True)
    assert doc is not None and doc.problem is not None
    assert "'properties.hardwareProfile'" in doc.problem.message


def test_an_item_cut_short_in_an_array_is_found():
    text = json.dumps([_vm(storageProfile={"dataDisks": ["System.Collections.Hashtable"]})], indent=2)
    doc = read_document("x.json", text.encode(), explicit=True)
    assert doc is not None and doc.problem is not None
    assert "'properties.storageProfile.dataDisks'" in doc.problem.message


def test_a_value_cut_short_under_a_key_written_with_escapes_is_found():
    """`hardware\\u0050rofile` is `hardwareProfile`, which the walk reads: the key's text is not decoded
    when strings are passed over, so it is kept."""
    text = json.dumps([_vm(hardwareProfile="@{size=Small}")], indent=2)
    text = text.replace('"hardwareProfile"', '"hardware\\u0050rofile"')
    doc = read_document("x.json", text.encode(), explicit=True)
    assert doc is not None and doc.problem is not None
    assert "'properties.hardwareProfile'" in doc.problem.message


def test_a_key_in_another_case_is_read_as_the_walk_reads_it():
    text = json.dumps([_vm(HardwareProfile="@{size=Small}")], indent=2).replace(
        '"hardwareProfile": {', '"x": {'
    )
    doc = read_document("x.json", text.encode(), explicit=True)
    assert doc is not None and doc.problem is not None
    assert "cut short by ConvertTo-Json" in doc.problem.message
