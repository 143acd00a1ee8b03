"""An Azure Pipelines PowerShell task that runs a script file (`filePath:` of PowerShell@2, `ScriptPath:` of
AzurePowerShell) runs it with its `arguments:` bound to the script's `param()` as a command line binds them:
a script that picks its stage by a `-Step` parameter runs the stage each task names, and the steps of two
tasks are judged in the order the tasks run. The calls are shown where the script writes them, and the
script's own read is not said again."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

MIGRATE = """\
param([string]$VNet, [string]$Step)
if ($Step -eq 'commit') {
  Move-AzureVirtualNetwork -Commit -VirtualNetworkName $VNet
} else {
  Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet
  Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $VNet
}
"""
TASK = """\
- task: {task}
  inputs:
    {path}: $(System.DefaultWorkingDirectory)/scripts/migrate.ps1
    {arguments}: -VNet hub-vnet -Step {step}
"""


def _pipeline(task: str, path: str, arguments: str, steps: list[str]) -> str:
    return "steps:\n" + "".join(
        TASK.format(task=task, path=path, arguments=arguments, step=step) for step in steps
    )


@pytest.mark.parametrize(
    ("task", "path", "arguments"),
    [("PowerShell@2", "filePath", "arguments"), ("AzurePowerShell@5", "ScriptPath", "ScriptArguments")],
)
@pytest.mark.parametrize(
    ("steps", "found"),
    [
        (["commit", "prepare"], ["MIG602 scripts/migrate.ps1:3:3"]),  # the Commit's task runs first
        (["prepare", "commit"], []),
    ],
    ids=["commit-first", "in-order"],
)
def test_a_task_s_script_file_runs_the_stage_its_arguments_pick(
    tmp_path, monkeypatch, task, path, arguments, steps, found
):
    files = {
        "azure-pipelines.yml": _pipeline(task, path, arguments, steps),
        "scripts/migrate.ps1": MIGRATE,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert where(result.findings) == found
