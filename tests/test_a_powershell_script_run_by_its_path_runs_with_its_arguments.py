"""A PowerShell script file that another script runs by its path (`& .\\create-vms.ps1 -Service websvc -Name
web1`, `.\\configure.ps1 ...`, `& "$PSScriptRoot\\step.ps1" @params`, `pwsh -File x.ps1 ...`) runs there as a
call: its `param()` holds the arguments given, its `$PSScriptRoot` is its own folder, and what it does comes
in order with the rest of the script. A repository of one script per step, where deploy.ps1 runs
create-vms.ps1 and then configure-vms.ps1 with the same service and VM, describes one VM: the second subnet
the first script gives it and the second takes off is not reported. Before, each script was read alone with
stand-ins for its parameters (`<VM name, create-vms.ps1:2>`) and the blocker stayed."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = (
    "param([string]$Service, [string]$Name)\n"
    '$vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img" -MediaLocation '
    '"https://acct1.blob.core.windows.net/vhds/$Name.vhd"\n'
    "$vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p\n"
    '$vm = Set-AzureSubnet -VM $vm -SubnetNames "Subnet-1","Subnet-2"\n'
    'New-AzureVM -ServiceName $Service -VMs $vm -VNetName "prodnet" -Location "West Europe"\n'
)
CONFIGURE = (
    "param([string]$Service, [string]$Name)\n"
    'Get-AzureVM -ServiceName $Service -Name $Name | Set-AzureSubnet -SubnetNames "Subnet-1" | Update-AzureVM\n'
)
DEPLOYS = {
    "call-operator": (
        "& .\\create-vms.ps1 -Service websvc -Name web1\n& .\\configure-vms.ps1 -Service websvc -Name web1\n"
    ),
    "bare-path": ".\\create-vms.ps1 websvc web1\n./configure-vms.ps1 -Service websvc -Name web1\n",
    "script-root-splatted": (
        "$params = @{ Service = 'websvc'; Name = 'web1' }\n"
        '& "$PSScriptRoot\\create-vms.ps1" @params\n'
        "& (Join-Path $PSScriptRoot 'configure-vms.ps1') @params\n"
    ),
    "pwsh-file": (
        "pwsh -NoProfile -File ./create-vms.ps1 -Service websvc -Name web1\n"
        "powershell.exe -File .\\configure-vms.ps1 websvc web1\n"
    ),
}


def _found(tmp_path, monkeypatch, deploy: str, configure: bool = True) -> list[str]:
    files = {"deploy.ps1": deploy, "create-vms.ps1": CREATE}
    if configure:
        files["configure-vms.ps1"] = CONFIGURE
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG202", dedent=False)
    return [f"{f.code} {f.message}" for f in result.findings]


@pytest.mark.parametrize("deploy", list(DEPLOYS.values()), ids=list(DEPLOYS))
def test_the_second_script_takes_off_what_the_first_gives(tmp_path, monkeypatch, deploy):
    assert _found(tmp_path, monkeypatch, deploy) == []


@pytest.mark.parametrize("deploy", list(DEPLOYS.values()), ids=list(DEPLOYS))
def test_the_first_script_alone_is_read_with_the_values_given(tmp_path, monkeypatch, deploy):
    kept = "\n".join(line for line in deploy.splitlines() if "configure" not in line) + "\n"
    (found,) = _found(tmp_path, monkeypatch, kept, configure=False)
    assert found.startswith("MIG202") and "'web1'" in found and "'websvc'" in found


def test_a_script_run_by_its_path_finds_files_from_its_own_folder(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": "& .\\steps\\create-vms.ps1 -Name web1\n",
        "steps/create-vms.ps1": CREATE.replace("[string]$Service, ", "").replace(
            "\n", "\n. $PSScriptRoot\\settings.ps1\n", 1
        ),
        "steps/settings.ps1": "$Service = 'websvc'\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    (found,) = [f.message for f in result.findings]
    assert "'web1'" in found and "'websvc'" in found


def test_exit_in_the_script_run_ends_it_alone(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": DEPLOYS["call-operator"],
        "create-vms.ps1": CREATE + "exit 0\n",
        "configure-vms.ps1": CONFIGURE,
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG202", dedent=False).findings == []


PIPELINES = {
    "github": (
        ".github/workflows/deploy.yml",
        "on: push\njobs:\n  deploy:\n    runs-on: windows-latest\n    defaults:\n      run:\n"
        "        shell: pwsh\n    steps:\n      - uses: actions/checkout@v4\n"
        "      - run: '{first}'\n      - run: '{second}'\n",
    ),
    "azure-pwsh": ("azure-pipelines.yml", "steps:\n- pwsh: '{first}'\n- powershell: '{second}'\n"),
    "gitlab-windows": (
        ".gitlab-ci.yml",
        "deploy:\n  tags: [windows]\n  script:\n    - '{first}'\n    - '{second}'\n",
    ),
}


@pytest.mark.parametrize("pipeline", list(PIPELINES))
@pytest.mark.parametrize(
    "how",
    [
        ("& ./create-vms.ps1 -Service websvc -Name web1", "./configure-vms.ps1 websvc web1"),
        ("pwsh -File create-vms.ps1 -Service websvc -Name web1", "& .\\configure-vms.ps1 websvc web1"),
    ],
    ids=["call-operator", "pwsh-file"],
)
def test_a_powershell_ci_step_runs_the_script_files_in_order(tmp_path, monkeypatch, pipeline, how):
    name, text = PIPELINES[pipeline]
    files = {
        name: text.format(first=how[0], second=how[1]),
        "create-vms.ps1": CREATE,
        "configure-vms.ps1": CONFIGURE,
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG202", dedent=False).findings == []
