"""A script that imports every export file of a folder (`Get-ChildItem $ExportPath -Filter *.xml |
ForEach-Object { $imported += Import-AzureVM -Path $_.FullName }`, then `New-AzureVM -VMs $imported`; a
shell or Python loop running `azure vm create-from` for each file of `exports/*.json`) creates one VM per
file, however many the folder holds: the plan says "VMs created in a loop over ... (<VM name, ...>, 1 or
more)", as for a loop over names the script does not state, where it said one VM. One file the script
names is one VM."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, Role


def _roles(text: str, path: str) -> list[Role]:
    return [role for d in script_resources(text, path) if isinstance(d, Deployment) for role in d.roles]


POWERSHELL = {
    "ForEach-Object": """\
param([string]$ExportPath)
$imported = @()
Get-ChildItem $ExportPath -Filter *.xml | ForEach-Object {
    $imported += Import-AzureVM -Path $_.FullName
}
New-AzureVM -ServiceName svc6 -VMs $imported -Location "West US"
""",
    "pipeline": """\
$imported = Get-ChildItem "$PSScriptRoot\\*.xml" | ForEach-Object { Import-AzureVM -Path $_.FullName }
New-AzureVM -ServiceName svc6 -VMs $imported -Location "West US"
""",
}


@pytest.mark.parametrize("form", sorted(POWERSHELL))
def test_powershell_vms_imported_from_each_listed_file_are_one_or_more(form: str) -> None:
    [vm] = _roles(POWERSHELL[form], "move.ps1")
    assert vm.looped_over == "the files *.xml"


def test_a_powershell_vm_imported_from_one_named_file_is_one() -> None:
    script = 'Import-AzureVM -Path "c:\\temp\\web1.xml" | New-AzureVM -ServiceName svc6 -Location "West US"\n'
    [vm] = _roles(script, "move.ps1")
    assert vm.looped_over == ""


def test_shell_vms_created_from_each_role_file_of_a_glob_are_one_or_more() -> None:
    script = 'for f in exports/*.json; do\n  azure vm create-from svc8 "$f" -l "West US"\ndone\n'
    [vm] = _roles(script, "import.sh")
    assert vm.looped_over == "exports/*.json"


def test_a_shell_vm_created_from_one_role_file_is_one() -> None:
    script = 'for f in exports/web1.json; do\n  azure vm create-from svc8 "$f" -l "West US"\ndone\n'
    [vm] = _roles(script, "import.sh")
    assert vm.looped_over == ""


def test_python_vms_created_from_each_role_file_of_a_glob_are_one_or_more() -> None:
    script = """\
import glob
import subprocess

for path in glob.glob("exports/*.json"):
    subprocess.check_call(["azure", "vm", "create-from", "svc9", path, "-l", "West US"])
"""
    [vm] = _roles(script, "import.py")
    assert vm.looped_over == "glob.glob('exports/*.json')"
