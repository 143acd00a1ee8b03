"""`Join-Path` given a method call's value as its path (`Join-Path $root.Trim() 'app01.xml'`) joins two
arguments, as PowerShell binds them: the call's `()` is part of its argument, not a third one. So the file
the joined path names is read, as it is with `Join-Path $PSScriptRoot 'app01.xml'`: the VM an Export-AzureVM
file describes is the one the script recreates in its service and network."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where
from test_estate_vm_imported_from_an_export_file import NETWORK, _export


@pytest.mark.parametrize(
    "path",
    [
        "(Join-Path $root.Trim() 'app01.xml')",
        "(Join-Path -Path $root.TrimEnd('\\') -ChildPath app01.xml)",
    ],
)
def test_the_vm_of_an_export_file_joined_to_a_method_call_s_value_is_the_script_s(
    tmp_path, monkeypatch, path
):
    script = f"$root = $PSScriptRoot\nImport-AzureVM -Path {path} | New-AzureVM -ServiceName app-svc -VNetName Shared-VNet\n"
    files = {"NetworkConfig.netcfg": NETWORK, "app/app01.xml": _export("app01"), "app/Restore.ps1": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    assert where(result.findings) == ["MIG203 app/app01.xml:2:1"]
    assert "cloud service 'app-svc'" in result.findings[0].message
