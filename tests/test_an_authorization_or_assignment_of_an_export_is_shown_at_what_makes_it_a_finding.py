"""An export's MIG311 points at the `Used` count of the link authorization, and MIG501 at the classic scope
of the role assignment (or at the classic role, on a subscription), where they pointed at the record's `{`;
MIG311 says how many links use it in words that agree with the number."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

SUB = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"


def _authorization(used: int) -> str:
    return json.dumps(
        [
            {
                "Description": "analytics",
                "Limit": 3,
                "LinkAuthorizationId": "6f0a",
                "MicrosoftIds": "a@b",
                "Used": used,
            }
        ],
        indent=4,
    )


@pytest.mark.parametrize(
    ("used", "said"),
    [
        (1, "is used by 1 link of the 3 it allows, from another subscription's network: that network cannot"),
        (
            2,
            "is used by 2 links of the 3 it allows, from other subscriptions' networks: those networks cannot",
        ),
    ],
)
def test_a_used_authorization_is_shown_at_its_use(tmp_path, monkeypatch, used, said):
    result = lint_files(tmp_path, monkeypatch, {"auth.json": _authorization(used)}, "MIG311", dedent=False)
    assert where(result.findings) == ["MIG311 auth.json:7:17"]  # "Used": N
    (finding,) = result.findings
    assert finding.message.startswith(f"ExpressRoute link authorization '6f0a', 'analytics', {said} migrate")
    assert "((" not in finding.message and "))" not in finding.message


def _assignment(scope: str, definition: str = "d73bb868-a0df-4d4d-bd69-98a00b01fccb") -> dict:
    return {
        "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/0f4a",
        "name": "0f4a",
        "properties": {
            "principalId": "3b9d",
            "principalType": "Group",
            "roleDefinitionId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/{definition}",
            "scope": scope,
        },
        "type": "microsoft.authorization/roleassignments",
    }


def test_an_assignment_on_a_classic_vm_is_shown_at_its_scope(tmp_path, monkeypatch):
    vm = f"/subscriptions/{SUB}/resourceGroups/jump/providers/Microsoft.ClassicCompute/virtualMachines/jump01"
    rows = json.dumps({"count": 1, "data": [_assignment(vm)]}, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"rbac.json": rows}, "MIG501", dedent=False)
    assert where(result.findings) == ["MIG501 rbac.json:11:18"]  # "scope": "/subscriptions/..."
