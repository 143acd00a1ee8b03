"""The script blocks of parameter attributes (`[ValidateScript({ Get-AzureService -ServiceName $_ })]`) are
the script's code: PowerShell runs a validation block each time the parameter is given, so a script whose
only classic calls are there depends on the classic module all the same (MIG601, at the first of them)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script
from migcheck.readers import read_document

SCRIPT_PARAMETERS = """\
param(
    [Parameter(Mandatory=$true)]
    [ValidateScript({Get-AzureService -ServiceName $_})]
    [string]$ServiceName
)
Write-Output "service $ServiceName exists"
"""

FUNCTION_PARAMETERS = """\
function Test-Group {
    param([ValidateScript({ if (Get-AzureAffinityGroup -Name $_) { $true } })][string]$Group)
    Write-Output $Group
}
"""

DECLARED_PARAMETERS = """\
function Test-Group([ValidateNotNullOrEmpty()][ValidateScript({Get-AzureAffinityGroup -Name $_})]$Group) {
    Write-Output $Group
}
Test-Group "ag1"
"""

SCRIPT_BLOCK_PARAMETERS = """\
$check = { param([ValidateScript({Get-AzureStorageAccount -StorageAccountName $_})]$Account) $Account }
& $check "acct1"
"""

CASES = {
    "the script's own parameters": (SCRIPT_PARAMETERS, ["Get-AzureService"]),
    "a function's param block, never called": (FUNCTION_PARAMETERS, ["Get-AzureAffinityGroup"]),
    "a function's declared parameters, called": (DECLARED_PARAMETERS, ["Get-AzureAffinityGroup"]),
    "a script block's parameters": (SCRIPT_BLOCK_PARAMETERS, ["Get-AzureStorageAccount"]),
}


@pytest.mark.parametrize("case", CASES)
def test_the_classic_calls_of_attribute_blocks_are_the_script_s(case):
    text, calls = CASES[case]
    doc = read_document("tools/check.ps1", text.encode(), explicit=True)
    assert doc is not None and doc.problem is None
    (script,) = [r for r in doc.resources if isinstance(r, Script)]
    assert [call.name for call in script.calls] == calls


def test_mig601_points_at_the_first_of_them(tmp_path, monkeypatch):
    text = SCRIPT_PARAMETERS + 'New-AzureService -ServiceName "svc1" -Location "West US"\n'
    result = lint_files(tmp_path, monkeypatch, {"check-service.ps1": text}, "MIG601", dedent=False)
    (finding,) = result.findings
    assert (finding.location.line, finding.location.column) == (3, 22)
    assert "(Get-AzureService, New-AzureService)" in finding.message
