"""A file dot-sourced with no argument for a parameter of its own `param (…)` runs with the parameter's
default, as PowerShell binds it: `. .\\lib.ps1` where lib.ps1 starts `param([string] $ServiceName =
"websvc")` leaves `$ServiceName` holding 'websvc' in the script, so the cloud service a function of lib.ps1
creates when the script calls it is websvc, where it was a stand-in (`<cloud service name, lib.ps1:4>`).
An argument the dot-source passes, by name or by position, binds over the default."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

LIB = (
    'param([string] $ServiceName = "websvc", [string] $Location = "West Europe")\n'
    "function New-Web {\n"
    '    $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"\n'
    "    New-AzureVM -ServiceName $ServiceName -VMs $vm -Location $Location\n"
    "}\n"
)


def services(tmp_path, monkeypatch, deploy: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": deploy}, dedent=False)
    return [
        resource.service_name
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Deployment)
    ]


@pytest.mark.parametrize(
    ("deploy", "service"),
    [
        (". .\\lib.ps1\nNew-Web\n", "websvc"),
        ('. "$PSScriptRoot\\lib.ps1" -Location "North Europe"\nNew-Web\n', "websvc"),
        (". .\\lib.ps1 -ServiceName shopsvc\nNew-Web\n", "shopsvc"),
        (". .\\lib.ps1 shopsvc\nNew-Web\n", "shopsvc"),
    ],
    ids=["no-arguments", "another-parameter-given", "named", "positional"],
)
def test_the_service_a_dot_sourced_function_creates_is_the_parameter_s_default_or_the_value_passed(
    tmp_path, monkeypatch, deploy, service
):
    assert services(tmp_path, monkeypatch, deploy) == [service]


def test_a_table_splatted_that_the_reader_cannot_see_leaves_the_parameter_unknown(tmp_path, monkeypatch):
    deploy = "$params = Get-Params\n. .\\lib.ps1 @params\nNew-Web\n"
    (service,) = services(tmp_path, monkeypatch, deploy)
    assert service != "websvc"
