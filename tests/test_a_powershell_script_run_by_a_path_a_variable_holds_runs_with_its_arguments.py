"""A PowerShell script file another script runs by a path it builds from its own folder runs there as a call,
as one run by a path written out does: `pwsh -File "$PSScriptRoot/steps/migrate.ps1" -VNet hub-vnet`, and
`& "$here\\steps\\migrate.ps1"`, `pwsh -File $step`, `& $step` where the script set `$here` to its folder
(`Split-Path -Parent $MyInvocation.MyCommand.Path`, `$PSScriptRoot`) or `$step` to the file's path (`Join-Path
$PSScriptRoot 'steps/migrate.ps1'`). Before, PowerShell's program was given only a path written out, and the
call operator no variable holding the file's path, so each such file was read alone, its `$VNet` unknown.

The script that runs it makes the file's calls: its MIG601 lists them, where before they were in no finding
(the file's own read is not reported once every run of it is followed), and a script whose only classic
commands are the migration steps of the file it runs is read (it failed to be read before)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

MIGRATE = """\
param([string]$VNet)
Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -Commit -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNet
"""
HERE = "$here = Split-Path -Parent $MyInvocation.MyCommand.Path\n"
STEP = "$step = Join-Path $PSScriptRoot 'steps/migrate.ps1'\n"
RUNS = {
    "pwsh-file-script-root": 'pwsh -File "$PSScriptRoot/steps/migrate.ps1" -VNet hub-vnet\n',
    "powershell-file-script-root": 'powershell.exe -File "$PSScriptRoot\\steps\\migrate.ps1" hub-vnet\n',
    "pwsh-file-here": HERE + 'pwsh -NoProfile -File "$here/steps/migrate.ps1" -VNet hub-vnet\n',
    "call-here": HERE + '& "$here\\steps\\migrate.ps1" -VNet hub-vnet\n',
    "call-here-script-root": '$here = $PSScriptRoot\n& "$here\\steps\\migrate.ps1" -VNet hub-vnet\n',
    "call-joined-here": HERE + '& (Join-Path $here "steps\\migrate.ps1") -VNet hub-vnet\n',
    "call-step": STEP + "& $step -VNet hub-vnet\n",
    "pwsh-file-step": STEP + "pwsh -File $step -VNet hub-vnet\n",
    "call-step-string": '$step = "$PSScriptRoot\\steps\\migrate.ps1"\n& $step hub-vnet\n',
}


def _messages(tmp_path, monkeypatch, deploy: str, *codes: str) -> list[str]:
    files = {"deploy.ps1": deploy, "steps/migrate.ps1": MIGRATE}
    return [f.message for f in lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings]


@pytest.mark.parametrize("deploy", list(RUNS.values()), ids=list(RUNS))
def test_the_file_runs_with_the_words_given(tmp_path, monkeypatch, deploy):
    (found,) = _messages(tmp_path, monkeypatch, "Get-AzureVM\n" + deploy, "MIG602")
    assert found.startswith("deploy.ps1: ") and "'hub-vnet'" in found


@pytest.mark.parametrize("deploy", list(RUNS.values()), ids=list(RUNS))
def test_a_script_whose_classic_commands_are_all_in_the_file_it_runs_is_read(tmp_path, monkeypatch, deploy):
    (found,) = _messages(tmp_path, monkeypatch, deploy, "MIG001", "MIG602")
    assert found.startswith("deploy.ps1: ") and "'hub-vnet'" in found


def test_a_variable_the_script_sets_to_another_file_runs_no_file(tmp_path, monkeypatch):
    deploy = "$step = Join-Path $PSScriptRoot 'steps/other.ps1'\n& $step -VNet hub-vnet\n"
    (found,) = _messages(tmp_path, monkeypatch, deploy, "MIG602")
    assert found.startswith("migrate.ps1: ") and "$VNet" in found


CREATE = (
    "param([string]$Service, [string]$Name)\n"
    '$vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName $Service -VMs $vm -Location "West Europe"\n'
)


@pytest.mark.parametrize("own", ["", "Get-AzureVM -ServiceName websvc\n"], ids=["alone", "with-its-own"])
def test_the_calls_of_the_file_run_are_the_running_script_s(tmp_path, monkeypatch, own):
    files = {"deploy.ps1": own + "& .\\create-vms.ps1 -Service websvc -Name web1\n", "create-vms.ps1": CREATE}
    (found,) = [f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings]
    assert found.startswith("PowerShell script 'deploy.ps1' uses") and "New-AzureVM)" in found


NESTED = {
    "here": '$here = Split-Path -Parent $MyInvocation.MyCommand.Path\n& "$here\\migrate.ps1" -VNet hub-vnet\n',
    "step": "$step = Join-Path $PSScriptRoot 'migrate.ps1'\n& $step -VNet hub-vnet\n",
}
RUNNERS = {
    "powershell": ("deploy.ps1", "& ./steps/run.ps1\n"),
    "ci-step": ("azure-pipelines.yml", "steps:\n- pwsh: ./steps/run.ps1\n"),
    "shell": ("deploy.sh", "#!/bin/bash\npwsh -File steps/run.ps1\n"),
    "ci-step-pwsh-file": ("azure-pipelines.yml", "steps:\n- script: pwsh -File steps/run.ps1\n"),
    "powershell-task": (
        "azure-pipelines.yml",
        "steps:\n- task: PowerShell@2\n  inputs:\n    filePath: steps/run.ps1\n",
    ),
}


@pytest.mark.parametrize("runner", list(RUNNERS))
@pytest.mark.parametrize("nested", list(NESTED))
def test_a_file_run_runs_another_by_a_path_its_own_variable_holds(tmp_path, monkeypatch, nested, runner):
    name, text = RUNNERS[runner]
    files = {name: text, "steps/run.ps1": NESTED[nested], "steps/migrate.ps1": MIGRATE}
    (found,) = [f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings]
    assert found.startswith(f"{name}: ") and "'hub-vnet'" in found
