"""A CI step that states the folder it runs in (a GitHub Actions step's `working-directory:`, or its job's or
workflow's `defaults: run: working-directory:`; an Azure Pipelines step's `workingDirectory:`, or a task's
input of that name; a CircleCI `run:`'s `working_directory:`), from the repository's root or from the folder
the service checks it out to (`${{ github.workspace }}/scripts`, `$(Build.SourcesDirectory)/scripts`,
CircleCI's `~/project/scripts`, or `~/repo/scripts` in a job whose `working_directory:` is `~/repo`, which
were folders not stated), runs its script there: a script file it runs by a path from there (`bash migrate.sh hub`, `./migrate.sh hub`, `pwsh
./migrate.ps1 hub`, `python deploy.py hub`) is that folder's, read with the words the step gives it, and the
Python it runs inline (`python3 -c "..."`, a `shell: python` step) imports that folder's modules. The script
file was read on its own, without the step's words, and the inline code imported the root's modules. GitLab
CI, Travis CI, Bitbucket Pipelines and AppVeyor have no folder of a step's own: each runs its commands from the
folder it clones the repository to."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

MIGRATE_SH = """\
#!/bin/bash
azure config mode asm
azure network vnet validate-migration "$1"
azure network vnet commit-migration "$1"
azure network vnet prepare-migration "$1"
"""
MIGRATE_PS1 = """\
param($Vnet)
Move-AzureVirtualNetwork -Validate -VirtualNetworkName $Vnet
Move-AzureVirtualNetwork -Commit -VirtualNetworkName $Vnet
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName $Vnet
"""
DEPLOY_PY = """\
import subprocess
import sys

vnet = sys.argv[1]
subprocess.check_call(["azure", "network", "vnet", "validate-migration", vnet])
subprocess.check_call(["azure", "network", "vnet", "commit-migration", vnet])
subprocess.check_call(["azure", "network", "vnet", "prepare-migration", vnet])
"""
# By the script file a step runs: its text, and where its commit comes before any prepare.
SCRIPTS = {
    "migrate.sh": (MIGRATE_SH, "scripts/migrate.sh:4:1"),
    "migrate.ps1": (MIGRATE_PS1, "scripts/migrate.ps1:3:1"),
    "deploy.py": (DEPLOY_PY, "scripts/deploy.py:6:24"),
}
WORKFLOW = """\
on: push
jobs:
  move:
    runs-on: ubuntu-latest
{defaults}    steps:
      - uses: actions/checkout@v4
      - run: {command}
{step}"""
# By the case: the pipeline's path and text, with `{command}` the step's script.
PIPELINES = {
    "github step": (
        ".github/workflows/move.yml",
        WORKFLOW.format(defaults="", command="{command}", step="        working-directory: scripts\n"),
    ),
    "github job defaults": (
        ".github/workflows/move.yml",
        WORKFLOW.format(
            defaults="    defaults:\n      run:\n        working-directory: scripts\n",
            command="{command}",
            step="",
        ),
    ),
    "github workflow defaults": (
        ".github/workflows/move.yml",
        "defaults:\n  run:\n    working-directory: ./scripts/\n"
        + WORKFLOW.format(defaults="", command="{command}", step=""),
    ),
    "azure step": ("azure-pipelines.yml", "steps:\n- script: {command}\n  workingDirectory: scripts\n"),
    "azure checkout folder": (
        "azure-pipelines.yml",
        "steps:\n- script: {command}\n  workingDirectory: $(System.DefaultWorkingDirectory)/scripts\n",
    ),
    "github workspace": (
        ".github/workflows/move.yml",
        WORKFLOW.format(
            defaults="",
            command="{command}",
            step="        working-directory: ${{{{ github.workspace }}}}/scripts\n",
        ),
    ),
    "azure sources folder": (
        "azure-pipelines.yml",
        "steps:\n- script: {command}\n  workingDirectory: $(Build.SourcesDirectory)/scripts\n",
    ),
    "azure task input": (
        "azure-pipelines.yml",
        "steps:\n- task: Bash@3\n  inputs:\n    targetType: inline\n    script: {command}\n"
        "    workingDirectory: scripts\n",
    ),
    "circleci": (
        ".circleci/config.yml",
        "version: 2.1\njobs:\n  move:\n    docker:\n      - image: cimg/base:stable\n    steps:\n"
        "      - checkout\n      - run:\n          command: {command}\n          working_directory: scripts\n",
    ),
    "circleci checkout folder": (
        ".circleci/config.yml",
        "version: 2.1\njobs:\n  move:\n    docker:\n      - image: cimg/base:stable\n    steps:\n"
        "      - checkout\n      - run:\n          command: {command}\n"
        "          working_directory: ~/project/scripts\n",
    ),
    "circleci job folder": (
        ".circleci/config.yml",
        "version: 2.1\njobs:\n  move:\n    docker:\n      - image: cimg/base:stable\n"
        "    working_directory: ~/repo\n    steps:\n"
        "      - checkout\n      - run:\n          command: {command}\n"
        "          working_directory: ~/repo/scripts\n",
    ),
    "circleci job folder, step from it": (
        ".circleci/config.yml",
        "version: 2.1\njobs:\n  move:\n    docker:\n      - image: cimg/base:stable\n"
        "    working_directory: /home/circleci/app/\n    steps:\n"
        "      - checkout\n      - run:\n          command: {command}\n"
        "          working_directory: scripts\n",
    ),
}
COMMANDS = {
    "bash migrate.sh hub": "migrate.sh",
    "./migrate.sh hub": "migrate.sh",
    "pwsh ./migrate.ps1 hub": "migrate.ps1",
    "python deploy.py hub": "deploy.py",
}


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> list[str]:
    """`CODE path:line:column` of each finding, with the name of the network it is about."""
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return [
        f"{spot} {next((name for name in ('hub', 'web') if repr(name) in f.message), 'not stated')}"
        for f, spot in zip(result.findings, where(result.findings), strict=True)
    ]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", PIPELINES)
def test_a_script_file_run_by_a_path_from_the_step_s_folder_is_read_with_its_words(
    case: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline, text = PIPELINES[case]
    script, (script_text, commit) = COMMANDS[command], SCRIPTS[COMMANDS[command]]
    files = {pipeline: text.format(command=command), f"scripts/{script}": script_text}
    assert _findings(tmp_path, monkeypatch, files) == [f"MIG602 {commit} hub"]


@pytest.mark.parametrize(
    "pipeline, text",
    [
        (
            ".github/workflows/move.yml",
            WORKFLOW.format(defaults="", command="./migrate.ps1 hub", step="        shell: pwsh\n")
            + "        working-directory: scripts\n",
        ),
        ("azure-pipelines.yml", "steps:\n- pwsh: ./migrate.ps1 hub\n  workingDirectory: scripts\n"),
        (
            "azure-pipelines.yml",
            "steps:\n- task: PowerShell@2\n  inputs:\n    targetType: inline\n    script: ./migrate.ps1 hub\n"
            "    workingDirectory: scripts\n",
        ),
    ],
    ids=["github pwsh", "azure pwsh", "azure powershell task"],
)
def test_a_powershell_step_runs_a_script_file_from_its_folder(
    pipeline: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {pipeline: text, "scripts/migrate.ps1": MIGRATE_PS1}
    assert _findings(tmp_path, monkeypatch, files) == ["MIG602 scripts/migrate.ps1:3:1 hub"]


def test_the_next_step_runs_from_the_repository_s_root_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "steps:\n- pwsh: ./migrate.ps1 hub\n  workingDirectory: scripts\n- pwsh: ./scripts/migrate.ps1 web\n"
        "- script: bash migrate.sh hub\n  workingDirectory: scripts\n- script: bash scripts/migrate.sh web\n"
    )
    files = {
        "azure-pipelines.yml": text,
        "scripts/migrate.ps1": MIGRATE_PS1,
        "scripts/migrate.sh": MIGRATE_SH,
    }
    assert sorted(_findings(tmp_path, monkeypatch, files)) == [
        "MIG602 scripts/migrate.ps1:3:1 hub",
        "MIG602 scripts/migrate.ps1:3:1 web",
        "MIG602 scripts/migrate.sh:4:1 hub",
        "MIG602 scripts/migrate.sh:4:1 web",
    ]


WRAPPER = """\
import subprocess


def run(command):
    subprocess.check_call(command)
"""
CODE = "from lib import run; run(['azure', 'network', 'vnet', 'create', '--vnet', 'app-vnet'])"


@pytest.mark.parametrize(
    "step, expected",
    [
        (f'      - run: python3 -c "{CODE}"\n        working-directory: tools\n', "7:52"),
        (
            "      - shell: python\n        working-directory: tools\n        run: |\n          "
            + CODE.replace("; ", "\n          ")
            + "\n",
            "11:16",
        ),
        (
            f'      - run: python3 -c "{CODE}"\n        working-directory: ${{{{ github.workspace }}}}/tools\n',
            "7:52",
        ),
    ],
    ids=["-c", "shell python", "-c from the workspace"],
)
def test_python_a_step_runs_inline_imports_the_modules_of_its_folder(
    step: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workflow = "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
    files = {"tools/lib.py": WRAPPER, ".github/workflows/deploy.yml": workflow + step}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert where(result.findings) == [f"MIG601 .github/workflows/deploy.yml:{expected}"]


def test_a_folder_the_step_does_not_state_finds_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "steps:\n- script: bash migrate.sh hub\n  workingDirectory: $(folder)\n"
    files = {"azure-pipelines.yml": text, "migrate.sh": MIGRATE_SH}
    assert _findings(tmp_path, monkeypatch, files) == ["MIG602 migrate.sh:4:1 not stated"]
