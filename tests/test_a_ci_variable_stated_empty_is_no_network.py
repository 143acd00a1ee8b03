"""A variable a CI file states empty (GitHub Actions' `env: VNET: ""`, GitLab CI's and Azure Pipelines'
`variables:`) is empty in the step's script, as a value written in its command is: a VM given it as its
network (`--virtual-network-name "$VNET"`) is in no virtual network (MIG105), never in
a network the file leaves to fill in (which, without a subnet, was a false MIG203 error). A shell script's own
blank at its top level (`VNET=""`) is still a blank left to fill in."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

_CLI_VM = (
    'azure vm create shop img ops x --vm-name web1 --location "North Europe" --virtual-network-name "$VNET"'
    " --blob-url https://shopdisks.blob.core.windows.net/vhds/web1.vhd"
)

_PIPELINES = {
    "github-env-shell": (
        ".github/workflows/vm.yml",
        f'on: push\nenv:\n  VNET: ""\njobs:\n  vm:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {_CLI_VM}\n',
    ),
    "github-step-env-shell": (
        ".github/workflows/vm.yml",
        "on: push\njobs:\n  vm:\n    runs-on: ubuntu-latest\n    steps:\n"
        f"      - run: {_CLI_VM}\n        env:\n          VNET: ''\n",
    ),
    "gitlab-variables": (
        ".gitlab-ci.yml",
        f'variables:\n  VNET: ""\ndeploy:\n  script:\n    - azure config mode asm\n    - {_CLI_VM}\n',
    ),
    "azure-pipelines-variables": (
        "azure-pipelines.yml",
        f"variables:\n  vnet: ''\nsteps:\n  - script: |\n      azure config mode asm\n      {_CLI_VM}\n",
    ),
}


@pytest.mark.parametrize("case", sorted(_PIPELINES))
def test_a_vm_given_a_ci_variable_stated_empty_as_its_network_is_in_none(tmp_path, monkeypatch, case):
    path, text = _PIPELINES[case]
    result = lint_files(tmp_path, monkeypatch, {path: text}, "MIG105", "MIG203")
    assert [f.split()[0] for f in where(result.findings)] == ["MIG105"]


def test_a_shell_script_s_own_blank_is_still_left_to_fill_in(tmp_path, monkeypatch):
    script = f'#!/bin/bash\nVNET=""\nazure config mode asm\n{_CLI_VM}\n'
    assert where(lint_files(tmp_path, monkeypatch, {"create.sh": script}, "MIG105").findings) == []
