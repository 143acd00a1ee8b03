"""A CI pipeline's YAML (Azure Pipelines, Travis CI, GitLab CI, AppVeyor, GitHub Actions) whose steps run the
classic CLI is YAML migcheck reads only as an Ansible playbook: `--verbose` says it is not read and its
steps not checked, where it said the file held nothing classic."""

from __future__ import annotations

import pytest
from lint_support import run_cli

SERVICE = "azure service create mysvc --location 'West US'"
PIPELINES = {
    "azure-pipelines.yml": f"steps:\n  - script: |\n      azure config mode asm\n      {SERVICE}\n",
    ".travis.yml": f"script:\n  - azure config mode asm\n  - {SERVICE}\n",
    ".gitlab-ci.yml": f"deploy:\n  script:\n    - azure config mode asm\n    - {SERVICE}\n",
    "appveyor.yml": "build_script:\n  - ps: New-AzureService -ServiceName mysvc -Location 'West US'\n",
    ".github/workflows/deploy.yml": f"jobs:\n  d:\n    steps:\n      - run: |\n          azure config mode asm\n          {SERVICE}\n",
}


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_verbose_says_the_pipeline_is_not_read(tmp_path, monkeypatch, capsys, name):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(PIPELINES[name])
    monkeypatch.chdir(tmp_path)
    _, _, err = run_cli(capsys, "check", "-v", name)
    assert f"migcheck: 1 CI pipeline file not read ({name}): YAML that is not an Ansible playbook" in err
    assert "hold nothing classic" not in err and "holds nothing classic" not in err


def test_other_yaml_with_nothing_classic_still_holds_nothing_classic(tmp_path, monkeypatch, capsys):
    (tmp_path / "site.yml").write_text("- hosts: all\n  tasks:\n    - command: echo hello\n")
    monkeypatch.chdir(tmp_path)
    _, _, err = run_cli(capsys, "check", "-v", "site.yml")
    assert "1 file read holds nothing classic" in err and "CI pipeline" not in err
