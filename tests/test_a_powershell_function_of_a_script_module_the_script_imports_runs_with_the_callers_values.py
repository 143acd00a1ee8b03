"""A PowerShell script that loads a script module inside the root by a path it states (`Import-Module
.\\Contoso.Vm.psm1`) and calls one of its functions with the values it states runs the function's body
with those values, as it runs a dot-sourced file's (one level, a checked file inside the root): the
endpoint's ACL is reported for the VM and cloud service the call names (MIG201). They were stand-ins
(`<VM name, Contoso.Vm.psm1:4>`): the module was read once with values it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

MODULE = """\
function Add-ContosoAcl([string]$Service, [string]$Vm) {
    $acl = New-AzureAclConfig
    Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet '10.0.0.0/8' -Order 1
    Get-AzureVM -ServiceName $Service -Name $Vm |
        Set-AzureEndpoint -Name 'HTTP' -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl |
        Update-AzureVM
}
Export-ModuleMember -Function Add-ContosoAcl
"""

IMPORTS = {
    "a bare path": "Import-Module .\\Contoso.Vm.psm1",
    "a path from the script's folder": 'Import-Module "$PSScriptRoot\\Contoso.Vm.psm1"',
    "-Name and -Force": "Import-Module -Name '.\\Contoso.Vm.psm1' -Force",
    "Join-Path": "Import-Module (Join-Path $PSScriptRoot 'Contoso.Vm.psm1') -DisableNameChecking",
}


@pytest.mark.parametrize("how", IMPORTS)
def test_the_call_names_the_vm(how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main = f"{IMPORTS[how]}\nAdd-ContosoAcl -Service 'contoso-mod' -Vm 'web1'\n"
    files = {"Contoso.Vm.psm1": MODULE, "deploy.ps1": main}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    assert [(f.code, f.location.path if f.location else "") for f in result.findings] == [
        ("MIG201", "Contoso.Vm.psm1")
    ]
    assert "VM 'web1' in cloud service 'contoso-mod'" in result.findings[0].message


def test_a_module_imported_by_name_is_not_read_for_the_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = "Import-Module Contoso.Vm\nAdd-ContosoAcl -Service 'contoso-mod' -Vm 'web1'\n"
    files = {"Contoso.Vm.psm1": MODULE, "deploy.ps1": main}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    assert len(result.findings) == 1
    assert "<VM name, Contoso.Vm.psm1:4>" in result.findings[0].message
