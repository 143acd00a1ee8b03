"""A role assignment a script makes without a scope id is on what the command names instead: `az role assignment
create` without `--scope` assigns on the resource group `--resource-group` names, else on the subscription the
CLI is logged into; `New-AzRoleAssignment` without `-Scope` on the resource `-ResourceName`/`-ResourceType`
name in `-ResourceGroupName`, on that group, else on the subscription of the signed-in context. A subscription the
script does not state is one left to fill in, the one of the files' classic resources, for every such command. A
classic-only role there, or any role on a classic VM named so, is MIG501, as it is with the scope's id written out;
two assignments on one scope are two."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

CLASSIC_VM_SH = "azure vm create shop img01 ops pw -w vnet1 -b web\n"
CLASSIC_VM_PS = "New-AzureVM -ServiceName shop -VMs $vm -VNetName vnet1\n"
ROLE = '"Classic Virtual Machine Contributor"'


def _mig501(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str) -> tuple[str, str]:
    result = lint_files(tmp_path, monkeypatch, {name: script})
    found = [f for f in result.findings if f.code == "MIG501"]
    assert len(found) == 1, [f.code for f in result.findings]
    place = f"{found[0].location.line}:{found[0].location.column}"
    return f"{found[0].message} {found[0].fix}", place


def _column(line: str, text: str) -> int:
    return line.index(text) + 1


def test_az_without_a_scope_assigns_on_the_subscription_the_cli_is_logged_into(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = f"az role assignment create --assignee ops@contoso.com --role {ROLE}"
    message, place = _mig501(tmp_path, monkeypatch, "setup.sh", CLASSIC_VM_SH + command + "\n")
    assert place == f"2:{_column(command, ROLE)}"  # at the role's opening quote: the role is what is classic
    assert "on subscription <subscription az is logged into>:" in message
    assert "-Scope /subscriptions/<subscription az is logged into>`" in message


def test_az_given_a_resource_group_assigns_on_that_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = f"az role assignment create --assignee ops@contoso.com --role {ROLE} --resource-group shop"
    message, _ = _mig501(tmp_path, monkeypatch, "setup.sh", CLASSIC_VM_SH + command + "\n")
    assert "on resource group 'shop' of subscription <subscription az is logged into>:" in message
    assert "-Scope /subscriptions/<subscription az is logged into>/resourceGroups/shop-Migrated`" in message
    assert "into resource group 'shop-Migrated'" in message


def test_az_given_a_subscription_assigns_on_that_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    command = (
        f"az role assignment create --assignee ops@contoso.com --role {ROLE} "
        "--subscription 11111111-2222-3333-4444-555555555555"
    )
    message, _ = _mig501(tmp_path, monkeypatch, "setup.sh", CLASSIC_VM_SH + command + "\n")
    assert "on subscription 11111111-2222-3333-4444-555555555555" in message


def test_a_ci_step_s_az_without_a_scope_is_read_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workflow = (
        "on: workflow_dispatch\njobs:\n  ops:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
        f"          {CLASSIC_VM_SH}"
        f"          az role assignment create --assignee ops@contoso.com --role {ROLE} -g shop\n"
    )
    message, _ = _mig501(tmp_path, monkeypatch, ".github/workflows/ops.yml", workflow)
    assert "on resource group 'shop' of subscription <subscription az is logged into>:" in message


def test_new_azroleassignment_given_a_resource_group_assigns_on_that_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = (
        f"New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName {ROLE} -ResourceGroupName shop"
    )
    message, place = _mig501(tmp_path, monkeypatch, "setup.ps1", CLASSIC_VM_PS + call + "\n")
    assert place == f"2:{_column(call, ROLE)}"
    assert "on resource group 'shop' of subscription <subscription of the signed-in context>:" in message
    assert (
        "-Scope /subscriptions/<subscription of the signed-in context>/resourceGroups/shop-Migrated`"
        in message
    )
    assert "into resource group 'shop-Migrated'" in message


def test_new_azroleassignment_without_a_scope_assigns_on_the_subscription(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = f"New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName {ROLE}"
    message, _ = _mig501(tmp_path, monkeypatch, "setup.ps1", CLASSIC_VM_PS + call + "\n")
    assert "on subscription <subscription of the signed-in context>:" in message


def test_new_azroleassignment_on_a_classic_vm_named_by_its_type_is_on_that_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = (
        'New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName "Virtual Machine Contributor" '
        "-ResourceGroupName shop -ResourceName web01 -ResourceType Microsoft.ClassicCompute/virtualMachines"
    )
    message, place = _mig501(tmp_path, monkeypatch, "setup.ps1", call + "\n")
    assert place == f"1:{_column(call, 'web01')}"  # where the resource's name is written
    assert "on classic VM 'web01'; after migration it is /subscriptions/" in message
    assert "/resourceGroups/shop-Migrated/providers/Microsoft.Compute/virtualMachines/web01" in message


def test_new_azroleassignment_on_a_group_the_script_does_not_state_is_not_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = (
        f"New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName {ROLE} -ResourceGroupName $rg"
    )
    result = lint_files(tmp_path, monkeypatch, {"setup.ps1": CLASSIC_VM_PS + call + "\n"})
    assert "MIG501" not in [f.code for f in result.findings]


@pytest.mark.parametrize(
    ("name", "script"),
    [
        (
            "setup.sh",
            CLASSIC_VM_SH
            + f"az role assignment create --assignee ops@contoso.com --role {ROLE}\n"
            + "az role assignment create --assignee dba@contoso.com --role 'Classic Network Contributor'\n",
        ),
        (
            "setup.ps1",
            CLASSIC_VM_PS
            + f"New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName {ROLE}\n"
            + "New-AzRoleAssignment -SignInName dba@contoso.com -RoleDefinitionName 'Classic Network Contributor'\n",
        ),
    ],
    ids=["az", "New-AzRoleAssignment"],
)
def test_two_assignments_on_one_scope_are_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: script})
    found = [f for f in result.findings if f.code == "MIG501"]
    assert [f.location.line for f in found] == [2, 3]
    assert "principal dba@contoso.com" in found[1].message


def test_az_given_a_scope_the_script_does_not_state_is_not_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = f'az role assignment create --assignee ops@contoso.com --role {ROLE} --scope "$SCOPE"'
    result = lint_files(tmp_path, monkeypatch, {"setup.sh": CLASSIC_VM_SH + command + "\n"})
    assert "MIG501" not in [f.code for f in result.findings]
