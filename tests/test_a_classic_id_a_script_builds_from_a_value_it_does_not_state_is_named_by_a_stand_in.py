"""A classic id an `az` command or an Az cmdlet is given, built from a value the script does not state
(`"/subscriptions/$SUB/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/$VM"`, `$VM` a
parameter), is still an id of the classic type it states: each part not stated (the subscription, the resource
group, a name) is a stand-in that says what it names and where the id is written (`<VM name, setup.sh:2>`), as a
Terraform configuration's `${var.vm}` is; a part the script states is its value. An id of a Resource Manager type,
or one whose provider or type is not stated, is none of the migration's business."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "11111111-2222-3333-4444-555555555555"
VM_ID = "/subscriptions/{sub}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/{vm}"
VNET_ID = "/subscriptions/{sub}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/{vnet}"
ROLE = '"Virtual Machine Contributor"'

# (file, the command with {id}, the id's format, the rule, what the message says of the resource)
CASES = [
    (
        "setup.sh",
        f"az role assignment create --assignee ops@contoso.com --role {ROLE} --scope " + '"{id}"',
        VM_ID.format(sub=SUB, vm="$VM"),
        "MIG501",
        "on classic VM '<VM name, {file}:1>'",
    ),
    (
        "setup.sh",
        'az monitor metrics alert create -n cpu -g mon --scopes "{id}" --condition "avg Percentage CPU > 90"',
        VM_ID.format(sub=SUB, vm="$VM"),
        "MIG502",
        "watches classic VM '<VM name, {file}:1>'",
    ),
    (
        "setup.sh",
        'az network vnet peering create -g hub-rg --vnet-name hub -n to-classic --remote-vnet "{id}"',
        VNET_ID.format(sub=SUB, vnet="${CLASSIC_VNET}"),
        "MIG313",
        "classic virtual network '<network name, {file}:1>' is peered with Resource Manager network 'hub'",
    ),
    (
        "setup.sh",
        f"az role assignment create --assignee ops@contoso.com --role {ROLE} --scope " + '"{id}"',
        VM_ID.format(sub="$SUB", vm="web01"),
        "MIG501",
        "on classic VM 'web01'",
    ),
    (
        "setup.ps1",
        f"New-AzRoleAssignment -SignInName ops@contoso.com -RoleDefinitionName {ROLE} -Scope " + '"{id}"',
        VM_ID.format(sub=SUB, vm="$vmName"),
        "MIG501",
        "on classic VM '<VM name, {file}:1>'",
    ),
    (
        "setup.ps1",
        "Add-AzVirtualNetworkPeering -Name to-classic -VirtualNetwork $hub -RemoteVirtualNetworkId "
        + '"{id}"',
        VNET_ID.format(sub=SUB, vnet="$classicName"),
        "MIG313",
        "classic virtual network '<network name, {file}:1>' is peered",
    ),
    (
        "setup.ps1",
        f"az role assignment create --assignee ops@contoso.com --role {ROLE} --scope " + '"{id}"',
        VM_ID.format(sub=SUB, vm="$vmName"),
        "MIG501",
        "on classic VM '<VM name, {file}:1>'",
    ),
]
IDS = [
    "az role assignment",
    "az metric alert",
    "az peering",
    "az subscription not stated",
    "New-AzRoleAssignment",
    "Add-AzVirtualNetworkPeering",
    "az in PowerShell",
]


@pytest.mark.parametrize(("name", "command", "written", "code", "said"), CASES, ids=IDS)
def test_an_id_of_a_value_not_stated_names_a_stand_in(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    command: str,
    written: str,
    code: str,
    said: str,
) -> None:
    line = command.replace("{id}", written)
    result = lint_files(tmp_path, monkeypatch, {name: line + "\n"})
    found = [f for f in result.findings if f.code == code]
    assert where(found) == [f"{code} {name}:1:{line.index(written)}"]  # at the quoted id's quote
    assert said.format(file=name) in found[0].message


def test_a_subscription_not_stated_is_a_stand_in_in_the_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scope = VM_ID.format(sub="$SUB", vm="web01")
    line = f'az role assignment create --assignee ops@contoso.com --role {ROLE} --scope "{scope}"'
    [finding] = lint_files(tmp_path, monkeypatch, {"setup.sh": line + "\n"}, "MIG501").findings
    assert "on subscription" not in finding.message and "on classic VM 'web01'" in finding.message
    assert (
        "`az role assignment list --scope /subscriptions/<subscription id, setup.sh:1>/resourceGroups/shop/"
        in finding.fix
    )


def test_a_value_the_script_states_is_its_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scope = VM_ID.format(sub=SUB, vm="$VM")
    line = f'az role assignment create --assignee ops@contoso.com --role {ROLE} --scope "{scope}"'
    [finding] = lint_files(tmp_path, monkeypatch, {"setup.sh": f"VM=web01\n{line}\n"}, "MIG501").findings
    assert "on classic VM 'web01'" in finding.message


@pytest.mark.parametrize(
    "scope",
    [
        f"/subscriptions/{SUB}/resourceGroups/shop/providers/Microsoft.Compute/virtualMachines/$VM",
        f"/subscriptions/{SUB}/resourceGroups/shop/providers/$PROVIDER/virtualMachines/web01",
        f"/subscriptions/{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/$TYPE/web01",
        "$PREFIX/providers/Microsoft.ClassicCompute/virtualMachines/web01",
    ],
    ids=["resource manager type", "provider not stated", "type not stated", "start not stated"],
)
@pytest.mark.parametrize("name", ["setup.sh", "setup.ps1"])
def test_an_id_whose_type_is_not_a_stated_classic_one_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scope: str, name: str
) -> None:
    line = f'az role assignment create --assignee ops@contoso.com --role {ROLE} --scope "{scope}"'
    assert lint_files(tmp_path, monkeypatch, {name: line + "\n"}, "MIG501").findings == []
