"""MIG501 on a classic VM, in a Resource Graph export whose subscription ids a team has zeroed before committing it
(`00000000-0000-0000-0000-000000000000`, which names no subscription): the id the VM has after migration keeps the
subscription as the export writes it, where it read `/subscriptions//resourceGroups/...`."""

from __future__ import annotations

import json

from lint_support import lint_files

ZEROS = "00000000-0000-0000-0000-000000000000"
VM = f"/subscriptions/{ZEROS}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
CONTRIBUTOR = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c"  # Virtual Machine Contributor


def _export(subscription_of_the_scope: str) -> str:
    scope = VM.replace(ZEROS, subscription_of_the_scope)
    row = {
        "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/6f1c2b3a-1111-4222-8333-944455556666",
        "name": "6f1c2b3a-1111-4222-8333-944455556666",
        "type": "microsoft.authorization/roleassignments",
        "properties": {
            "scope": scope,
            "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "roleDefinitionId": f"/subscriptions/{ZEROS}/providers/Microsoft.Authorization/roleDefinitions/{CONTRIBUTOR}",
            "principalType": "User",
        },
    }
    return json.dumps({"count": 1, "data": [row]}, indent=2)


def test_the_migrated_id_keeps_the_zeroed_subscription_the_export_writes(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"rbac.json": _export(ZEROS)}, "MIG501").findings
    migrated = f"/subscriptions/{ZEROS}/resourceGroups/shop-Migrated/providers/Microsoft.Compute/virtualMachines/web01"
    assert finding.message.endswith(f"after migration it is {migrated}")
    assert f"on {migrated}, then remove this assignment" in finding.fix
    assert "/subscriptions//" not in finding.message + finding.fix


def test_a_subscription_id_in_upper_case_is_kept_as_before(tmp_path, monkeypatch):
    written = "3F2C1A7E-5B6D-4E8F-9A0B-1C2D3E4F5A6B"
    [finding] = lint_files(tmp_path, monkeypatch, {"rbac.json": _export(written)}, "MIG501").findings
    assert (
        f"after migration it is /subscriptions/{written.lower()}/resourceGroups/shop-Migrated/"
        in finding.message
    )
