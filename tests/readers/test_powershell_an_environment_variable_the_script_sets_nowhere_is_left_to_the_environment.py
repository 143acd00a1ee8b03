"""An environment variable a PowerShell script reads and nothing sets (`$env:VNET`,
`[Environment]::GetEnvironmentVariable("VNET")`) is empty where the environment that runs the script does
not set it and that value where it does, as the shell, CI and Python readers read one: a finding that
turns on it says which it assumes, as a warning naming the variable. `-VNetName $env:VNET` joins a network
without a subnet (MIG203) if the environment sets `VNET`, and unless it does the VM is in no virtual
network (MIG105). One the script sets (`$env:VNET = "hub"`) is the script's value, and one a dot-sourced
settings file may set is not left to the environment alone."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

CONFIG = (
    '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |\n'
    '    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"\n'
)
CREATE = 'New-AzureVM -ServiceName "cs1" -Location "West Europe" -VMs $vm -VNetName {network}\n'


def findings(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


@pytest.mark.parametrize(
    ("before", "network"),
    [
        ("", "$env:VNET"),
        ("", "${env:VNET}"),
        ("", '([Environment]::GetEnvironmentVariable("VNET"))'),
        ("$net = $env:VNET\n", "$net"),
    ],
    ids=["env-drive", "braced", "get-environment-variable", "copied"],
)
def test_an_environment_variable_set_nowhere_is_the_environment_s(tmp_path, monkeypatch, before, network):
    script = before + CONFIG + CREATE.format(network=network)
    line = script.count("\n")
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert where([no_network, no_subnet]) == [
        f"MIG105 deploy.ps1:{line}:1",
        f"MIG203 deploy.ps1:{line - 2}:7",
    ]
    assert (no_network.severity, no_subnet.severity) == (Severity.WARNING, Severity.WARNING)
    assert no_subnet.message == (
        "VM 'vm1' of cloud service 'cs1' joins a virtual network without a subnet if the "
        f"environment that runs the script sets `VNET` (line {line})"
    )
    assert no_network.message.startswith(
        "deployment 'cs1' of cloud service 'cs1': unless the environment that runs the script sets `VNET`, "
        "VM 'vm1' is in no virtual network"
    )


@pytest.mark.parametrize(
    "before",
    [
        '$env:VNET = "hub"\n',
        'Set-Item env:VNET "hub"\n',
        '[Environment]::SetEnvironmentVariable("VNET", "hub")\n',
    ],
)
def test_an_environment_variable_the_script_sets_is_its_value(tmp_path, monkeypatch, before):
    [no_subnet] = findings(
        tmp_path, monkeypatch, {"deploy.ps1": before + CONFIG + CREATE.format(network="$env:VNET")}
    )
    assert (no_subnet.code, no_subnet.severity) == ("MIG203", Severity.ERROR)
    assert "is in virtual network 'hub' but has no subnet" in no_subnet.message


def test_a_dot_sourced_file_may_set_it(tmp_path, monkeypatch):
    script = ". .\\settings.ps1\n" + CONFIG + CREATE.format(network="$env:VNET")
    [no_subnet] = findings(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert (no_subnet.code, no_subnet.severity) == ("MIG203", Severity.ERROR)
    assert "environment" not in no_subnet.message
