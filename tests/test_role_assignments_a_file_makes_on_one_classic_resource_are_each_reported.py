"""Role assignments a script, CI step or Terraform configuration makes may carry no GUID of their own: two of them
on one classic scope are told apart by the principal they grant and the role: each is MIG501 at its own scope, where
the second was taken for a copy of the first and went unreported. The same assignment written twice is one."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

VM = (
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/shop/providers/"
    "Microsoft.ClassicCompute/virtualMachines/web01"
)


def _az(assignee: str, role: str) -> str:
    return f"az role assignment create --assignee {assignee} --role '{role}' --scope {VM}\n"


@pytest.mark.parametrize(
    ("second", "lines"),
    [
        (_az("dev@contoso.com", "Virtual Machine Contributor"), [1, 2]),  # another principal
        (_az("ops@contoso.com", "Reader"), [1, 2]),  # another role
        (_az("ops@contoso.com", "Virtual Machine Contributor"), [1]),  # the same assignment again: one
    ],
)
def test_each_assignment_a_shell_script_makes_on_one_classic_vm_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str, lines: list[int]
) -> None:
    script = _az("ops@contoso.com", "Virtual Machine Contributor") + second
    result = lint_files(tmp_path, monkeypatch, {"ra.sh": script}, "MIG501", dedent=False)
    columns = [line.index("/subscriptions/") + 1 for line in script.splitlines()]
    assert where(result.findings) == [f"MIG501 ra.sh:{line}:{columns[line - 1]}" for line in lines]


def test_each_assignment_a_powershell_script_makes_on_one_classic_vm_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        f"New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName 'Virtual Machine Contributor' -Scope {VM}\n"
        f"New-AzRoleAssignment -SignInName dev@contoso.com -RoleDefinitionName 'Reader' -Scope {VM}\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"ra.ps1": script}, "MIG501", dedent=False)
    assert [f.location.line for f in result.findings if f.location] == [1, 2]
    assert ["ops@contoso.com" in f.message for f in result.findings] == [True, False]
