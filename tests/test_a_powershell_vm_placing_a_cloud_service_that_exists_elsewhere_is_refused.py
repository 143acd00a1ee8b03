"""A PowerShell New-AzureQuickVM or New-AzureVM that gives `-Location` or `-AffinityGroup` for a cloud
service the script surely made before it (New-AzureService, or a VM call that made it) in another place is
refused by the module (New-AzureQuickVM's ServiceExistsLocationCanNotBeSpecified and ServiceExistsAffinity-
GroupCanNotBeSpecified; New-AzureVM's "Location or AffinityGroup name is not matched with the existing
service"): it creates no VM. MIG003 says so at the place the call gives, with where the service was made.
A call that gives the place the service has is not refused (the module compares the two), nor one after a
creation that may not run, nor one after the script surely removed the service."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, script_resources, where

from migcheck.engine import LintResult
from migcheck.model import Deployment

QUICK = (
    "New-AzureQuickVM -Windows -ServiceName app -Name web1 -ImageName img -AdminUsername ops -Password $pw"
)
MADE = 'New-AzureService -ServiceName app -Location "West US"\n'
CONFIG = "$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img\n"


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> LintResult:
    return lint_files(tmp_path, monkeypatch, {"make.ps1": script})


def _refused(result: LintResult) -> list[str]:
    return where(f for f in result.findings if f.code == "MIG003")


def _vms(script: str) -> list[str]:
    """The VMs named web1 the script creates: none where the call that would is refused."""
    deployments = [r for r in script_resources(script, "make.ps1") if isinstance(r, Deployment)]
    return [role.name for d in deployments for role in d.roles if role.name == "web1"]


@pytest.mark.parametrize(
    ("script", "at"),
    [
        (f'{MADE}{QUICK} -Location "East US"\n', "MIG003 make.ps1:2:113"),
        (f"{MADE}{QUICK} -AffinityGroup ag\n", "MIG003 make.ps1:2:118"),
        (
            f'{MADE}{CONFIG}New-AzureVM -ServiceName app -Location "East US" -VMs $vm\n',
            "MIG003 make.ps1:3:40",
        ),
        (
            f'{QUICK.replace("web1", "web0")} -Location "West US"\n{QUICK} -Location "East US"\n',
            "MIG003 make.ps1:2:113",
        ),
    ],
    ids=["quick-vm-location", "quick-vm-affinity-group", "new-azurevm-location", "made-by-a-vm-call"],
)
def test_a_vm_call_placing_a_service_made_elsewhere_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, at: str
) -> None:
    result = _lint(tmp_path, monkeypatch, script)
    assert _refused(result) == [at]
    [finding] = [f for f in result.findings if f.code == "MIG003"]
    assert "cloud service 'app', which exists then, made in location West US at line 1" in finding.message
    assert finding.message.endswith("creates no VM")
    assert _vms(script) == []


SECOND = f"{QUICK.replace('web1', 'web2')} -Location"


@pytest.mark.parametrize(
    "script",
    [
        # the place the service has, however written, or none: taken; then another place: refused
        f'{MADE}{SECOND} "West US"\n{SECOND} "westus"\n{QUICK}\n{SECOND} "East US"\n',
        # made where that may not run, then by the VM call: either may have placed it, and nothing is refused
        f'if ($New) {{ {MADE.strip()} }}\n{QUICK} -Location "East US"\n{SECOND} "West US"\n',
        # removed, then made again by the VM call
        f'{MADE}Remove-AzureService -ServiceName app -Force\n{QUICK} -Location "East US"\n{SECOND} "West US"\n',
        # made in an affinity group: a location beside it is not decided, another group is refused
        f'New-AzureService -ServiceName app -AffinityGroup ag\n{QUICK} -Location "East US"\n'
        f"{SECOND.replace('-Location', '-AffinityGroup')} other\n",
    ],
    ids=["same-place", "maybe-made", "removed", "in-a-group"],
)
def test_only_the_vm_call_placing_the_service_elsewhere_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    result = _lint(tmp_path, monkeypatch, script)
    last = script.count("\n")
    assert [at.split(":")[1] for at in _refused(result)] == ([] if "$New" in script else [str(last)])
    assert _vms(script) == ["web1"]  # the first call is taken
