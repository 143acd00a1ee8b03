"""A file dot-sourced with arguments for its own `param (…)` runs its top-level commands with them, as
PowerShell binds them: `. .\\lib.ps1 -ServiceName shopsvc` (or `. .\\lib.ps1 shopsvc`), where lib.ps1 creates a
VM in `$ServiceName`, creates it in shopsvc, where it was read only on its own, with its default (websvc). The
file's own read on its defaults is then not said again: the VM is one, in the service the dot-source gives. A
dot-source with no argument runs them with the defaults. The functions such a file defines are the script's
after it, called with the values the script passes; one no call runs is read once, at the file's positions,
as is one a script file run by its path defines (`& .\\lib.ps1`), which the reader failed on before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

LIB = (
    'param([string] $ServiceName = "websvc")\n'
    "function New-Other($svc) {\n"
    '    $vm = New-AzureVMConfig -Name "vm2" -InstanceSize Small -ImageName "img"\n'
    '    New-AzureVM -ServiceName $svc -VMs $vm -Location "West Europe"\n'
    "}\n"
    '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName $ServiceName -VMs $vm -Location "West Europe"\n'
)


def deployments(tmp_path, monkeypatch, deploy: str) -> list[tuple[str, str, str]]:
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": deploy}, dedent=False)
    assert all(document.problem is None for document in result.documents)
    return sorted(
        (document.path, resource.service_name, role.name)
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Deployment)
        for role in resource.roles
    )


@pytest.mark.parametrize(
    ("deploy", "service"),
    [
        (". .\\lib.ps1 -ServiceName shopsvc\nNew-Other othersvc\n", "shopsvc"),
        (". .\\lib.ps1 shopsvc\nNew-Other othersvc\n", "shopsvc"),
        ('. "$PSScriptRoot\\lib.ps1" -ServiceName shopsvc\nNew-Other othersvc\n', "shopsvc"),
        (". .\\lib.ps1\nNew-Other othersvc\n", "websvc"),
    ],
    ids=["named", "positional", "script-root", "no-argument"],
)
def test_the_file_s_own_commands_run_with_the_arguments_of_the_dot_source(
    tmp_path, monkeypatch, deploy, service
):
    assert deployments(tmp_path, monkeypatch, deploy) == [
        ("deploy.ps1", "othersvc", "vm2"),
        ("deploy.ps1", service, "vm1"),
    ]


@pytest.mark.parametrize("operator", [".", "&"])
def test_a_function_the_file_defines_that_no_call_runs_is_read_once_at_its_positions(
    tmp_path, monkeypatch, operator
):
    found = deployments(tmp_path, monkeypatch, f"{operator} .\\lib.ps1 -ServiceName shopsvc\n")
    assert found == [("deploy.ps1", "", "vm2"), ("deploy.ps1", "shopsvc", "vm1")]
