"""A PowerShell New-AzureQuickVM or New-AzureVM, or a Python create_virtual_machine_deployment, that creates
its deployment with a reserved IP (`-ReservedIPName`, `reserved_ip_name=`) the script surely removed before
it, and did not create again, names a reserved IP that does not exist when it runs: the platform refuses it,
so it creates no VM. MIG003 says so at the name, as for the classic CLI's `vm create -R`; no finding says
the deployment's VIP is that reserved IP and is kept, and no plan step moves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.engine import LintResult
from migcheck.plan import build_plan

QUICK_VM = """\
New-AzureReservedIP -ReservedIPName rip-old -Location "West Europe"
Remove-AzureReservedIP -ReservedIPName rip-old -Force
New-AzureReservedIP -ReservedIPName rip-new -Location "West Europe"
New-AzureQuickVM -Windows -ServiceName rsvc -Name rvm -ImageName img -AdminUsername ops -Password $pw -Location "West Europe" -ReservedIPName rip-old
"""

NEW_VM = """\
New-AzureReservedIP -ReservedIPName rip-old -Location "West Europe"
Remove-AzureReservedIP -ReservedIPName rip-old -Force
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img
New-AzureVM -ServiceName websvc -Location "West Europe" -VMs $vm -ReservedIPName rip-old
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
sms.create_reserved_ip_address("py-rip", location="West Europe")
sms.wait_for_operation_status(sms.delete_reserved_ip_address("py-rip").request_id)
sms.create_reserved_ip_address("py-new", location="West Europe")
sms.create_virtual_machine_deployment("pyr", "pyr", "production", "pyr", "pyrvm",
    LinuxConfigurationSet("h", "ops", "Pw!12345", True),
    OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/pyr.vhd"),
    reserved_ip_name="py-rip")
"""


def _moved(result: LintResult) -> str:
    """Every name the plan's steps move, as one text."""
    plan = build_plan(result)
    return " ".join(f"{step.name} {' '.join(step.moves)}" for step in plan.steps)


def _refused(result: LintResult, name: str) -> list[str]:
    unresolved = [f for f in result.findings if f.code == "MIG003"]
    assert all(
        f"reserved IP '{name}', which the file deletes before it, at line 2" in f.message for f in unresolved
    )
    assert not any(f.code == "MIG105" and name in f.message for f in result.findings)
    return where(unresolved)


@pytest.mark.parametrize(
    ("script", "at"),
    [(QUICK_VM, "MIG003 rip.ps1:4:143"), (NEW_VM, "MIG003 rip.ps1:4:82")],
    ids=["New-AzureQuickVM", "New-AzureVM"],
)
def test_a_powershell_vm_given_a_reserved_ip_the_script_removed_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, at: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"rip.ps1": script})
    assert _refused(result, "rip-old") == [at]
    assert "rip-old" not in _moved(result)
    assert "rsvc" not in _moved(result) and "websvc" not in _moved(result)


def test_a_reserved_ip_created_again_after_its_removal_is_the_vm_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    again = QUICK_VM.replace("-ReservedIPName rip-new", "-ReservedIPName rip-old")
    result = lint_files(tmp_path, monkeypatch, {"rip.ps1": again})
    assert not any(f.code == "MIG003" for f in result.findings)
    assert "rip-old" in _moved(result) and "rsvc" in _moved(result)


def test_a_removal_that_may_not_run_leaves_the_reserved_ip_to_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    maybe = QUICK_VM.replace(
        "Remove-AzureReservedIP -ReservedIPName rip-old -Force",
        "if ($Clean) { Remove-AzureReservedIP -ReservedIPName rip-old -Force }",
    )
    result = lint_files(tmp_path, monkeypatch, {"rip.ps1": maybe})
    assert not any(f.code == "MIG003" for f in result.findings)


def test_a_removal_in_another_subscription_leaves_the_reserved_ip_to_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = QUICK_VM.replace(
        "Remove-AzureReservedIP",
        'Select-AzureSubscription -SubscriptionName "dev"\nRemove-AzureReservedIP',
    ).replace(
        "New-AzureReservedIP -ReservedIPName rip-new",
        'Select-AzureSubscription -SubscriptionName "prod"\nNew-AzureReservedIP -ReservedIPName rip-new',
    )
    result = lint_files(tmp_path, monkeypatch, {"rip.ps1": other})
    assert not any(f.code == "MIG003" for f in result.findings)


def test_a_python_deployment_given_a_reserved_ip_the_script_deleted_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"rip.py": PYTHON})
    unresolved = [f for f in result.findings if f.code == "MIG003"]
    assert where(unresolved) == ["MIG003 rip.py:10:22"]
    assert "reserved IP 'py-rip', which the file deletes before it, at line 5" in unresolved[0].message
    assert not any(f.code == "MIG105" for f in result.findings)
    assert "py-rip" not in _moved(result) and "pyr" not in _moved(result).split()
    assert "py-new" in _moved(result)


def test_a_python_delete_after_the_deployment_leaves_it_its_reserved_ip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = PYTHON.splitlines(keepends=True)
    after = "".join([*lines[:4], *lines[5:], lines[4]])
    result = lint_files(tmp_path, monkeypatch, {"rip.py": after})
    assert not any(f.code == "MIG003" for f in result.findings)
    assert any(f.code == "MIG105" and "py-rip" in f.message for f in result.findings)
