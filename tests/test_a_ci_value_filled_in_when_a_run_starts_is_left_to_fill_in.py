"""A value someone fills in when starting a pipeline's run, whose form default is empty (a GitHub Actions
`workflow_dispatch` input's `default: ""`, an Azure Pipelines runtime parameter's `default: ''`, a GitLab CI
variable prefilled in the manual-run form by its `description:`), is a blank left to fill in: a VM given it
as its network is in a network to name (without a subnet, MIG203), never in no network (MIG105). A plain
`VNET: ""` the file states is still empty (see test_a_ci_variable_stated_empty_is_no_network)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

_CLI_VM = (
    'azure vm create shop img ops x --vm-name web1 --location "North Europe" --virtual-network-name {network}'
)

_BY_VARIABLE = _CLI_VM.format(network='"$VNET"')
_BY_INPUT = _CLI_VM.format(network='"${{ inputs.vnet }}"')
_BY_PARAMETER = _CLI_VM.format(network='"${{ parameters.vnet }}"')
_GITHUB_INPUT = 'on:\n  workflow_dispatch:\n    inputs:\n      vnet:\n        default: ""\n'
_AZURE_PARAMETER = "parameters:\n- name: vnet\n  type: string\n  default: ''\n"

_PIPELINES = {
    "github-input-in-env": (
        ".github/workflows/vm.yml",
        _GITHUB_INPUT
        + "env:\n  VNET: ${{ github.event.inputs.vnet }}\njobs:\n  vm:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: |\n          azure config mode asm\n"
        f"          {_BY_VARIABLE}\n",
    ),
    "github-input-in-command": (
        ".github/workflows/vm.yml",
        _GITHUB_INPUT + "jobs:\n  vm:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
        f"          azure config mode asm\n          {_BY_INPUT}\n",
    ),
    "azure-parameter-in-variables": (
        "azure-pipelines.yml",
        _AZURE_PARAMETER + "variables:\n  VNET: ${{ parameters.vnet }}\nsteps:\n- bash: |\n"
        f"    azure config mode asm\n    {_BY_VARIABLE}\n",
    ),
    "azure-parameter-in-command": (
        "azure-pipelines.yml",
        _AZURE_PARAMETER + f"steps:\n- bash: |\n    azure config mode asm\n    {_BY_PARAMETER}\n",
    ),
    "gitlab-prefilled-variable": (
        ".gitlab-ci.yml",
        'variables:\n  VNET:\n    value: ""\n    description: "The network to deploy into"\n'
        f"deploy:\n  script:\n    - azure config mode asm\n    - {_BY_VARIABLE}\n",
    ),
}


@pytest.mark.parametrize("case", sorted(_PIPELINES))
def test_a_vm_given_an_empty_run_form_default_as_its_network_is_in_one_to_name(tmp_path, monkeypatch, case):
    path, text = _PIPELINES[case]
    result = lint_files(tmp_path, monkeypatch, {path: text}, "MIG105", "MIG203", dedent=False)
    assert [f.code for f in result.findings] == ["MIG203"]
    assert "'<virtual network name" in result.findings[0].message
