"""A network security group a script creates, sets on a VM and then surely takes off it again
(`Remove-AzureNetworkSecurityGroupConfig`, `Remove-AzureNetworkSecurityGroupAssociation -VM`) is used by no VM
at the end: with no subnet using it either, it is unattached, and the plan gives it its own step, where it
was read as cloned with a VM and had none. One another VM still uses, or whose removal may not run, still
moves with its VM."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

CREATE = "New-AzureNetworkSecurityGroup -Name 'nsg-web' -Location 'North Europe'\n"
SET_CONFIG = (
    "Get-AzureVM -ServiceName 'shop-svc' -Name '{vm}' | "
    "Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-web' | Update-AzureVM\n"
)
REMOVE_CONFIG = (
    "Get-AzureVM -ServiceName 'shop-svc' -Name '{vm}' | "
    "Remove-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-web' | Update-AzureVM\n"
)
SET_ASSOCIATION = (
    "Set-AzureNetworkSecurityGroupAssociation -Name 'nsg-web' -ServiceName 'shop-svc' "
    "-VM (Get-AzureVM -ServiceName 'shop-svc' -Name '{vm}')\n"
)
REMOVE_ASSOCIATION = (
    "Remove-AzureNetworkSecurityGroupAssociation -Name 'nsg-web' -ServiceName 'shop-svc' "
    "-VM (Get-AzureVM -ServiceName 'shop-svc' -Name '{vm}') -Force\n"
)


def _group_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"nsg.ps1": script}, dedent=False)
    return [s.id for sub in build_plan(result).subscriptions for s in sub.steps if "nsg-web" in s.id]


@pytest.mark.parametrize(
    ("set_on", "take_off"),
    [
        (SET_CONFIG, REMOVE_CONFIG),
        (SET_ASSOCIATION, REMOVE_ASSOCIATION),
        (SET_CONFIG, REMOVE_ASSOCIATION),
        (SET_ASSOCIATION, REMOVE_CONFIG),
    ],
    ids=["config", "association", "config-then-association", "association-then-config"],
)
def test_a_group_taken_off_the_only_vm_it_was_set_on_has_its_own_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, set_on: str, take_off: str
) -> None:
    script = CREATE + set_on.format(vm="web01") + take_off.format(vm="web01")
    assert len(_group_steps(tmp_path, monkeypatch, script)) == 1


def test_a_group_another_vm_still_uses_moves_with_that_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        CREATE
        + SET_CONFIG.format(vm="web01")
        + SET_CONFIG.format(vm="web02")
        + REMOVE_CONFIG.format(vm="web01")
    )
    assert _group_steps(tmp_path, monkeypatch, script) == []


def test_a_group_set_again_after_it_was_taken_off_moves_with_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        CREATE
        + SET_CONFIG.format(vm="web01")
        + REMOVE_CONFIG.format(vm="web01")
        + SET_CONFIG.format(vm="web01")
    )
    assert _group_steps(tmp_path, monkeypatch, script) == []


def test_a_group_whose_removal_may_not_run_moves_with_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    removal = "if ($Cleanup) {\n    " + REMOVE_CONFIG.format(vm="web01") + "}\n"
    script = "param([switch]$Cleanup)\n" + CREATE + SET_CONFIG.format(vm="web01") + removal
    assert _group_steps(tmp_path, monkeypatch, script) == []
