"""A classic VM row whose `properties` is a value that is no object (`[]`, a string, a number) is a row
edited by hand: no export writes one. It was passed over without a word, the file "All clear" though it
names a VM; it is now left unchecked with the export's MIG001 warning, as a row of `{}` is. A row whose
properties ConvertTo-Json cut short (`"@{...}"`) keeps its own finding."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files, where

SUB = "11111111-2222-3333-4444-555555555555"


def _vm_stating(properties: object) -> dict:
    return {**graph_vm(SUB, "shop", "web01"), "properties": properties}


@pytest.mark.parametrize("properties", [[], ["domainName"], "prod", 7, True])
def test_a_vm_row_whose_properties_are_no_object_is_named_as_not_checked(tmp_path, monkeypatch, properties):
    export = graph_page(_vm_stating(properties))
    result = lint_files(tmp_path, monkeypatch, {"classic.json": export}, dedent=False)
    at = export.index('"properties"') + 1
    assert where(result.findings) == [f"MIG001 classic.json:1:{at}"]
    [finding] = result.findings
    assert finding.message.startswith(
        "the export has properties that hold nothing the rules read for its resources (written as `{}`, as a "
        "value that is no object,"
    )
    assert finding.message.endswith(
        "1 resource was not checked, for want of what the rules read: classic VM 'web01' "
        "(cloud service, deployment, availability set, network and subnets, endpoints, disks, extensions, state)"
    )


def test_properties_cut_short_by_convertto_json_keep_their_own_finding(tmp_path, monkeypatch):
    export = json.dumps([_vm_stating("@{domainName=; hardwareProfile=}")])
    [finding] = lint_files(tmp_path, monkeypatch, {"classic.json": export}, dedent=False).findings
    assert finding.code == "MIG001"
    assert finding.message.startswith("nested properties were cut short by ConvertTo-Json")
