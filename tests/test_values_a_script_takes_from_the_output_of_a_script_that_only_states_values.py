"""A script that runs another by a path it states and keeps what it outputs (`$storage =
.\\..\\Config\\storage.ps1`, `$subnets = & "$PSScriptRoot\\subnets.ps1"`) holds those values when every
statement at the top level of the other script is a value it states whole (strings, numbers, flags, arrays
and tables: `@( @{ StorageAccountName = 'images' }, @{ … } )`): the one value, or an array of them when it
outputs several. A script that does more runs there as a call: what it builds from values it states (a
variable, a sum) is its output; one whose output a command makes or the environment gives gives a value the
reader does not know, as does one run by a name, dot-sourced, or outside the files checked."""

from __future__ import annotations

import pytest
from lint_support import lint_files

DEPLOY = """\
Import-Module Azure
{run}
$vm = New-AzureVMConfig -Name "app1" -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
$vm = $vm | Set-AzureSubnet -SubnetNames $subnets
New-AzureVM -ServiceName shop-svc -VMs $vm -VNetName hub -Location "West Europe"
"""

STORAGE = """\
Import-Module Azure
$storage = .\\..\\Config\\storage.ps1
$storage | % {{ $i = 1 }} {{
    New-AzureStorageAccount @_
}}
"""


def mig202(tmp_path, monkeypatch, run: str, subnets: str, name: str = "deploy/subnets.ps1") -> list[str]:
    files = {"deploy/deploy.ps1": DEPLOY.format(run=run), name: subnets}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


def storage_accounts(tmp_path, monkeypatch, storage: str) -> list[str]:
    files = {"IAC/src/New-BasicInfrastructure.ps1": STORAGE.format(), "IAC/Config/storage.ps1": storage}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return sorted(a.name for estate in result.estates for a in estate.standalone_storage_accounts())


@pytest.mark.parametrize(
    "run",
    [
        "$subnets = .\\subnets.ps1",
        "$subnets = ./subnets.ps1",
        '$subnets = & "$PSScriptRoot\\subnets.ps1"',
        "$subnets = & .\\subnets.ps1",
        "$subnets = & (Join-Path $PSScriptRoot 'subnets.ps1')",
    ],
)
def test_the_values_a_script_outputs_are_what_the_variable_holds(tmp_path, monkeypatch, run):
    subnets = '# the subnets of app1\n"Front"\n"Back"\n'
    assert mig202(tmp_path, monkeypatch, run, subnets) == ["deploy/subnets.ps1:3"]


@pytest.mark.parametrize(
    "subnets",
    [
        '@("Front", "Back")\n',
        '"Front", "Back"\n',
        '@(\n    "Front",\n    "Back"\n)\n',
    ],
)
def test_an_array_the_script_outputs_is_its_items(tmp_path, monkeypatch, subnets):
    assert mig202(tmp_path, monkeypatch, "$subnets = .\\subnets.ps1", subnets) != []


def test_tables_a_settings_script_outputs_are_splatted_item_by_item(tmp_path, monkeypatch):
    storage = '@(\n    @{StorageAccountName = "images"; AffinityGroup = "WPNE"},\n'
    storage += '    @{StorageAccountName = "dsc"; AffinityGroup = "WPNE"}\n)\n'
    assert storage_accounts(tmp_path, monkeypatch, storage) == ["dsc", "images"]


def test_one_table_a_settings_script_outputs_is_that_table(tmp_path, monkeypatch):
    storage = '@(\n    @{StorageAccountName = "images"; AffinityGroup = "WPNE"; Enabled = $true}\n)\n'
    assert storage_accounts(tmp_path, monkeypatch, storage) == ["images"]


@pytest.mark.parametrize(
    "storage",
    [
        # Output made by a command, read from a variable or the environment, or computed.
        '@(@{StorageAccountName = "images"})\nGet-AzureStorageAccount\n',
        "@(@{StorageAccountName = $env:ACCOUNT})\n",
        '@(@{StorageAccountName = "$(Get-Date)images"})\n',
        '@(@{StorageAccountName = "images"}) | Where-Object { $_ }\n',
        # Nothing output at all.
        "# no accounts yet\n",
    ],
)
def test_a_script_whose_output_is_not_only_stated_values_gives_none(tmp_path, monkeypatch, storage):
    assert storage_accounts(tmp_path, monkeypatch, storage) == []


@pytest.mark.parametrize(
    ("storage", "names"),
    [
        ('$name = "images"\n@(@{StorageAccountName = $name})\n', ["images"]),
        ('@(@{StorageAccountName = "images" + "2"})\n', ["images2"]),
    ],
)
def test_a_script_that_builds_its_output_from_values_it_states_gives_what_it_builds(
    tmp_path, monkeypatch, storage, names
):
    # Run there as a call (see test_a_powershell_script_run_by_its_path_runs_with_its_arguments.py).
    assert storage_accounts(tmp_path, monkeypatch, storage) == names


@pytest.mark.parametrize(
    ("run", "name"),
    [
        # Dot-sourced: it sets variables rather than giving its output to one.
        ("$subnets = . .\\subnets.ps1", "deploy/subnets.ps1"),
        # Looked up by name on the machine that runs it, or from a folder the caller gives.
        ("$subnets = subnets.ps1", "deploy/subnets.ps1"),
        ('$subnets = & "$($args[0])\\subnets.ps1"', "deploy/subnets.ps1"),
        # Not a file the run checks.
        ("$subnets = .\\subnets.txt", "deploy/subnets.txt"),
    ],
)
def test_a_script_not_run_by_a_path_the_script_states_gives_no_values(tmp_path, monkeypatch, run, name):
    assert mig202(tmp_path, monkeypatch, run, '"Front"\n"Back"\n', name) == []
