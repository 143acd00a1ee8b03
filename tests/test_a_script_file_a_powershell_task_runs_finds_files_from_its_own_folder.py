"""A script file an Azure Pipelines PowerShell task runs (`filePath:` of PowerShell@2, `ScriptPath:` of
AzurePowerShell) is run as a script of its own: its `$PSScriptRoot` is its own folder, not the pipeline's,
so the settings file it dot-sources from there (`. "$PSScriptRoot\\settings.ps1"`, in the script or in a
function it defines) is the one beside it, whichever file of that name the pipeline's folder holds."""

from __future__ import annotations

import pytest
from lint_support import lint_files

TASK = """\
steps:
- task: {task}
  inputs:
    {path}: scripts/migrate.ps1
- task: {task}
  inputs:
    {path}: tools/other.ps1
"""
STEPS = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -Commit -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNet
"""


def _committed_first(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    """The networks named in quotes that a MIG602 finding says are committed before a Prepare."""
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    said = [
        f.message.partition("virtual network '")[2]
        for f in result.findings
        if "before any Prepare" in f.message
    ]
    return sorted(name.partition("'")[0] for name in said if name)


@pytest.mark.parametrize(
    ("task", "path"),
    [("PowerShell@2", "filePath"), ("AzurePowerShell@5", "ScriptPath")],
    ids=["powershell", "azure"],
)
@pytest.mark.parametrize(
    "script",
    [
        '. "$PSScriptRoot\\settings.ps1"\n' + STEPS,
        ". (Join-Path $PSScriptRoot 'settings.ps1')\n" + STEPS,
        'function Move-Network {\n  . "$PSScriptRoot\\settings.ps1"\n' + STEPS + "}\nMove-Network\n",
    ],
    ids=["dot-source", "join-path", "in-a-function"],
)
def test_a_task_s_script_file_dot_sources_the_settings_beside_it(tmp_path, monkeypatch, task, path, script):
    files = {
        "azure-pipelines.yml": TASK.format(task=task, path=path),
        "scripts/migrate.ps1": script,
        "scripts/settings.ps1": "$VNet = 'spoke-vnet'\n",
        "tools/other.ps1": '. "$PSScriptRoot\\settings.ps1"\nMove-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet\n',
        "tools/settings.ps1": "$VNet = 'tools-vnet'\n",
        "settings.ps1": "$VNet = 'hub-vnet'\n",
    }
    assert _committed_first(tmp_path, monkeypatch, files) == ["spoke-vnet"]


@pytest.mark.parametrize(
    ("working", "found"),
    [
        ("", ["hub-vnet"]),  # from the repository's root, where the task runs it
        ("    workingDirectory: $(Build.SourcesDirectory)/scripts\n", ["spoke-vnet"]),
        ("    workingDirectory: scripts\n", ["spoke-vnet"]),
    ],
    ids=["root", "checkout-folder", "relative"],
)
def test_a_task_s_script_file_names_files_from_where_the_task_runs_it(tmp_path, monkeypatch, working, found):
    pipeline = "steps:\n- task: PowerShell@2\n  inputs:\n    filePath: scripts/migrate.ps1\n" + working
    files = {
        "azure-pipelines.yml": pipeline,
        "scripts/migrate.ps1": ". .\\settings.ps1\n" + STEPS,
        "scripts/settings.ps1": "$VNet = 'spoke-vnet'\n",
        "settings.ps1": "$VNet = 'hub-vnet'\n",
    }
    assert _committed_first(tmp_path, monkeypatch, files) == found
