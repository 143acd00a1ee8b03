"""A dot-sourced file's own parameter with no default, given no argument, holds nothing after the
dot-source, as PowerShell binds it in the scope the file runs in: `$ServiceName = "mine"` then `.
.\\lib.ps1`, where lib.ps1 declares `param([string] $ServiceName)`, leaves `$ServiceName` not stated, so the
service the script creates in it after the dot-source is not 'mine'. An argument the dot-source passes binds
it, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

LIB = "param([string] $ServiceName, [string] $Location)\n"
CREATE = (
    '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName $ServiceName -VMs $vm -Location "West Europe"\n'
)


@pytest.mark.parametrize(
    ("dot_source", "service"),
    [
        (". .\\lib.ps1", ""),
        (". .\\lib.ps1 -ServiceName shopsvc", "shopsvc"),
        (". .\\lib.ps1 shopsvc", "shopsvc"),
    ],
    ids=["no-argument", "named", "positional"],
)
def test_the_caller_s_variable_holds_what_the_dot_source_binds(tmp_path, monkeypatch, dot_source, service):
    deploy = f'$ServiceName = "mine"\n{dot_source}\n{CREATE}'
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": deploy}, dedent=False)
    found = [r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment)]
    assert found == [service]
