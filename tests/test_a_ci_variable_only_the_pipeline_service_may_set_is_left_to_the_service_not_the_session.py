"""A variable a CI step reads that the file sets nowhere, where the pipeline service may set it from a source
the file does not list (an Azure Pipelines variable group, `- group: infra`; a variables template of another
repository, `- template: vars.yml@tools`; GitLab CI's project and group CI/CD variables, and the files an
`include:` of a project or a remote file brings), is set by the pipeline service, as a `${{ secrets.X }}`
value is: a value the file does not state, not the session's. A VM given it as its network is in a network
to name (MIG203, without a subnet), never in no network (MIG105). It was said to be the session's, as in a
script run by hand. Where no such source is (a GitHub Actions workflow, an Azure pipeline of no group) it
still is."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Severity

CREATE = 'azure vm create svc img u p --vm-name vm1 --location "West US" -w "$VNET"'
AZURE_STEPS = f"steps:\n- bash: |\n    azure config mode asm\n    {CREATE}\n"

BY_THE_SERVICE = {
    "azure-group": ("azure-pipelines.yml", "variables:\n- group: infra\n" + AZURE_STEPS),
    "azure-remote-template": (
        "azure-pipelines.yml",
        "resources:\n  repositories:\n  - repository: tools\n    type: git\n    name: ops/tools\n"
        "variables:\n- template: vars.yml@tools\n" + AZURE_STEPS,
    ),
    "azure-job-group": (
        "azure-pipelines.yml",
        "jobs:\n- job: vms\n  variables:\n  - group: infra\n  steps:\n  - bash: |\n"
        f"      azure config mode asm\n      {CREATE}\n",
    ),
    "gitlab": (".gitlab-ci.yml", f"deploy:\n  script:\n    - azure config mode asm\n    - {CREATE}\n"),
    "gitlab-include": (
        ".gitlab-ci.yml",
        "include:\n  - project: ops/ci\n    file: vars.yml\n"
        f"deploy:\n  script:\n    - azure config mode asm\n    - {CREATE}\n",
    ),
}

BY_THE_SESSION = {
    "github": (
        ".github/workflows/vm.yml",
        "on: push\njobs:\n  vm:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
        f"          azure config mode asm\n          {CREATE}\n",
    ),
    "azure-no-group": ("azure-pipelines.yml", "variables:\n- name: other\n  value: x\n" + AZURE_STEPS),
}


@pytest.mark.parametrize("case", sorted(BY_THE_SERVICE))
def test_a_network_only_the_service_may_set_is_one_to_name(tmp_path, monkeypatch, case):
    path, text = BY_THE_SERVICE[case]
    result = lint_files(tmp_path, monkeypatch, {path: text}, "MIG105", "MIG203", dedent=False)
    assert [(f.code, f.severity) for f in result.findings] == [("MIG203", Severity.ERROR)]
    assert "'<virtual network name" in result.findings[0].message
    assert "session" not in result.findings[0].message


@pytest.mark.parametrize("case", sorted(BY_THE_SESSION))
def test_a_network_no_listed_source_sets_is_still_the_session_s(tmp_path, monkeypatch, case):
    path, text = BY_THE_SESSION[case]
    result = lint_files(tmp_path, monkeypatch, {path: text}, "MIG105", "MIG203", dedent=False)
    assert sorted(f.code for f in result.findings) == ["MIG105", "MIG203"]
    assert all("the session that runs the script sets `$VNET`" in f.message for f in result.findings)
