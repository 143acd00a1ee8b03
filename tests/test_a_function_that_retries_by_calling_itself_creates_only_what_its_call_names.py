"""A script's function that retries by calling itself (`catch { New-ThingVm -Name $Name -Attempt ($Attempt +
1) }`) creates what its call names, in PowerShell as in Python: `New-ThingVm -Name web1` is VM web1, where
the call of itself, which is not run, also had the function read once with values it does not know, for a
made-up second VM `<VM name, One.ps1:4>`. A call of itself that passes other values (`New-Web -N ($N + 1)`)
may create what no run names: that function is still read once."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment


def _vms(text: str, path: str) -> list[str]:
    return sorted(v.name for d in script_resources(text, path) if isinstance(d, Deployment) for v in d.roles)


POWERSHELL_RETRY = """\
function New-ThingVm {
    param($Name, [int]$Attempt = 0)
    try {
        New-AzureQuickVM -Windows -ServiceName svc2 -Name $Name -ImageName img -Password 'x' -AdminUsername u
    } catch {
        if ($Attempt -lt 3) { New-ThingVm -Name $Name -Attempt ($Attempt + 1) }
    }
}
New-ThingVm -Name web1
"""

PYTHON_RETRY = """\
import subprocess

def new_thing_vm(name, attempt=0):
    try:
        subprocess.check_call(["azure", "vm", "create", "svc2", "img", "u", "p", "-n", name])
    except subprocess.CalledProcessError:
        if attempt < 3:
            new_thing_vm(name, attempt + 1)

new_thing_vm("web1")
"""


def test_a_powershell_function_retrying_by_calling_itself_creates_the_vm_its_call_names() -> None:
    assert _vms(POWERSHELL_RETRY, "One.ps1") == ["web1"]


def test_a_powershell_retry_without_a_count_creates_the_vm_its_call_names() -> None:
    script = POWERSHELL_RETRY.replace(
        "if ($Attempt -lt 3) { New-ThingVm -Name $Name -Attempt ($Attempt + 1) }", "New-ThingVm $Name"
    )
    assert _vms(script, "One.ps1") == ["web1"]


def test_a_python_function_retrying_by_calling_itself_creates_the_vm_its_call_names() -> None:
    assert _vms(PYTHON_RETRY, "one.py") == ["web1"]


def test_a_powershell_function_calling_itself_with_another_name_is_still_read_once() -> None:
    script = """\
function New-Web {
    param([int]$N)
    New-AzureQuickVM -Windows -ServiceName svc2 -Name "web$N" -ImageName img -Password 'x' -AdminUsername u
    if ($N -lt 3) { New-Web -N ($N + 1) }
}
New-Web -N 1
"""
    assert _vms(script, "Make.ps1") == ["<VM name, Make.ps1:3>", "web1"]
