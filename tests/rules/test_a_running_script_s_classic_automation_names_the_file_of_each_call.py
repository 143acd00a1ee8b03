"""MIG601 of a script that runs script files of the repository (`bash scripts/create.sh`, `& .\\create-vms.ps1`,
`pwsh -File`, a CI step's command line) lists the classic calls those files make after the path of the file
that holds them (`azure vm list; in scripts/create.sh: azure vm create`), in the list of the calls it makes and
in that of the calls that fail today, so that each can be found; the finding stays where it was, with its code.
Before, the calls were listed as if the script made them itself. Calls the script makes itself are listed as
before."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CREATE_SH = (
    "#!/bin/bash\nazure config mode asm\n"
    "azure vm create \"$1\" img azureuser 'Passw0rd!' -l 'West Europe' -n \"$2\"\n"
)
CREATE_PS1 = (
    "param([string]$Service, [string]$Name)\n"
    '$vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName $Service -VMs $vm -Location "West Europe"\n'
)
CASES = {
    "shell-runs-shell": (
        {"deploy.sh": "#!/bin/bash\nazure vm list\nbash scripts/create.sh websvc web1\n"},
        "MIG601 deploy.sh:2:1",
        "Shell script 'deploy.sh' uses the classic Azure CLI in asm mode (azure vm list; in scripts/create.sh: "
        "azure vm create): its calls that create classic VMs (in scripts/create.sh: azure vm create) fail today",
    ),
    "ci-step-runs-shell": (
        {
            "azure-pipelines.yml": "steps:\n- script: ./scripts/create.sh websvc web1\n- script: azure vm list\n"
        },
        "MIG601 azure-pipelines.yml:3:11",
        "CI pipeline 'azure-pipelines.yml' uses the classic Azure CLI in asm mode (azure vm list; in "
        "scripts/create.sh: azure vm create): its calls that create classic VMs (in scripts/create.sh: azure vm create) fail",
    ),
    "powershell-runs-powershell": (
        {
            "deploy.ps1": "Get-AzureVM -ServiceName websvc\n& .\\scripts\\create-vms.ps1 -Service websvc -Name web1\n"
        },
        "MIG601 deploy.ps1:1:1",
        "PowerShell script 'deploy.ps1' uses the classic Azure PowerShell module (Get-AzureVM; in "
        "scripts/create-vms.ps1: New-AzureVMConfig, New-AzureVM): its calls that create classic VMs (in "
        "scripts/create-vms.ps1: New-AzureVM) fail today",
    ),
    "shell-runs-powershell-only": (
        {"deploy.sh": "#!/bin/bash\npwsh -File scripts/create-vms.ps1 websvc web1\n"},
        "MIG601 scripts/create-vms.ps1:2:7",
        "Shell script 'deploy.sh' uses the classic Azure PowerShell module (in scripts/create-vms.ps1: "
        "New-AzureVMConfig, New-AzureVM)",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_calls_of_a_file_run_are_listed_under_its_path(tmp_path, monkeypatch, case):
    files, spot, message = CASES[case]
    files = {**files, "scripts/create.sh": CREATE_SH, "scripts/create-vms.ps1": CREATE_PS1}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    found = [(s, f.message) for s, f in zip(where(result.findings), result.findings, strict=True)]
    assert [(s, m[: len(message)]) for s, m in found if s == spot] == [(spot, message)]


def test_a_script_s_own_calls_are_listed_as_before(tmp_path, monkeypatch):
    files = {
        "deploy.sh": "#!/bin/bash\nazure vm list\nazure vm create websvc img u 'P@ss1' -l 'West Europe'\n"
    }
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    assert (
        "(azure vm list, azure vm create): its calls that create classic VMs (azure vm create)"
        in finding.message
    )


def test_a_runbook_that_runs_a_file_creating_classic_vms_names_that_file(tmp_path, monkeypatch):
    files = {
        "migrate.ps1": (
            "& .\\scripts\\create-vms.ps1 -Service websvc -Name web1\n"
            "Move-AzureService -Validate -ServiceName websvc -DeploymentName d -CreateNewVirtualNetwork\n"
        ),
        "scripts/create-vms.ps1": CREATE_PS1,
    }
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    assert "(in scripts/create-vms.ps1: New-AzureVM)" in finding.message
