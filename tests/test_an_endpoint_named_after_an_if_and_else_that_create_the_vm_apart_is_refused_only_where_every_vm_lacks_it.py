"""A script that creates one VM differently in an `if` and its `else` (-Linux with SSH in one, -Windows with
RemoteDesktop and PowerShell in the other) and then names an endpoint of it (`Set-AzureEndpoint`, `azure vm
endpoint acl-rule create`) is refused only where every VM of that name the command may run on lacks the
endpoint: in the branch that created the VM, that one; after both, either. MIG003 says what the refused
command does not do, as the command states it: a Set-AzureEndpoint without -ACL changes no endpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

QUICK_WINDOWS = (
    "New-AzureQuickVM -Windows -ServiceName svc1 -Name vm1 -ImageName img -Password p -AdminUsername u "
    '-Location "West US" -MediaLocation "https://acct.blob.core.windows.net/vhds/a.vhd"'
)
QUICK_LINUX = (
    "New-AzureQuickVM -Linux -ServiceName svc1 -Name vm1 -ImageName img -Password p -LinuxUser u "
    '-Location "West US" -MediaLocation "https://acct.blob.core.windows.net/vhds/a.vhd"'
)
CONFIG_WINDOWS = (
    'New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img -MediaLocation "https://acct.blob.core.'
    'windows.net/vhds/a.vhd" | Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p | '
    'New-AzureVM -ServiceName svc1 -Location "West US"'
)
CONFIG_LINUX = CONFIG_WINDOWS.replace("-Windows -AdminUsername", "-Linux -LinuxUser")
SET = (
    "Get-AzureVM -ServiceName svc1 -Name vm1 | Set-AzureEndpoint -Name {} -PublicPort {} -LocalPort {} "
    "-Protocol tcp | Update-AzureVM"
)
SSH, RDP, WEB = SET.format("SSH", 22, 22), SET.format("RemoteDesktop", 3389, 3389), SET.format("web", 80, 80)


def _branches(windows: str, linux: str, in_windows: str, in_linux: str, after: str = "") -> str:
    return (
        f'if ($os -eq "windows") {{\n    {windows}\n    {in_windows}\n}} else {{\n    {linux}\n'
        f"    {in_linux}\n}}\n{after}\n"
    )


def _refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {name: script}, "MIG003").findings)


@pytest.mark.parametrize("creates", ["New-AzureQuickVM", "New-AzureVMConfig"])
def test_each_branch_names_the_endpoint_its_own_vm_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, creates: str
) -> None:
    windows, linux = (
        (QUICK_WINDOWS, QUICK_LINUX) if creates == "New-AzureQuickVM" else (CONFIG_WINDOWS, CONFIG_LINUX)
    )
    script = _branches(windows, linux, RDP, SSH)
    assert _refused(tmp_path, monkeypatch, "vm.ps1", script) == []


def test_an_endpoint_only_the_other_branch_s_vm_has_is_refused_in_this_branch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _branches(QUICK_WINDOWS, QUICK_LINUX, SSH, "")
    assert _refused(tmp_path, monkeypatch, "vm.ps1", script) == ["MIG003 vm.ps1:3:47"]


def test_after_both_branches_an_endpoint_either_vm_has_is_not_refused_and_one_neither_has_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _branches(QUICK_WINDOWS, QUICK_LINUX, "", "", f"{SSH}\n{WEB}")
    result = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG003")
    assert where(result.findings) == ["MIG003 vm.ps1:9:43"]
    assert (
        "names endpoint 'web', which VM 'vm1' the file creates at line 2 does not have"
        in result.findings[0].message
    )


def test_a_refused_set_azure_endpoint_without_acl_is_said_to_change_no_endpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = f"{QUICK_WINDOWS}\n{SSH}\n"
    refused = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG003").findings
    assert len(refused) == 1
    assert refused[0].message.endswith(
        "the platform refuses the command, which fails and changes no endpoint"
    )


def test_a_refused_set_azure_endpoint_with_ports_and_an_acl_is_said_to_do_neither(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        f"$acl = New-AzureAclConfig\n{QUICK_WINDOWS}\n{SSH.replace(' -Protocol', ' -ACL $acl -Protocol')}\n"
    )
    refused = lint_files(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG003").findings
    assert len(refused) == 1
    assert refused[0].message.endswith("which fails and changes no endpoint and sets no ACL")


CLI_BRANCHES = """\
azure config mode asm
if [ "$1" = linux ]; then
  azure vm create svc1 img user 'P@ss1' -l "West US" -e 22 -u https://acct.blob.core.windows.net/vhds/a.vhd
else
  azure vm create svc1 img user 'P@ss1' -l "West US" {} -u https://acct.blob.core.windows.net/vhds/a.vhd
fi
azure vm endpoint acl-rule create svc1 ssh 100 permit 10.0.0.0/8
"""


def test_a_classic_cli_acl_rule_after_both_branches_is_on_the_endpoint_of_the_vm_that_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = CLI_BRANCHES.format("-r 3389")
    result = lint_files(tmp_path, monkeypatch, {"vm.sh": script}, "MIG003", "MIG201")
    assert where(result.findings) == ["MIG201 vm.sh:7:40"]


def test_a_classic_cli_acl_rule_on_an_endpoint_neither_branch_s_vm_has_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = CLI_BRANCHES.replace("-e 22", "-r 3389").format("-r 3389")
    result = lint_files(tmp_path, monkeypatch, {"vm.sh": script}, "MIG003", "MIG201")
    assert where(result.findings) == ["MIG003 vm.sh:7:40"]
