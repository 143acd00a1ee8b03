"""A CI step (or a job, or a stage) whose `condition:` or `if:` is literally false never runs: its calls
create nothing, as code under `if false` does. One under any other condition may run or not, as an Ansible
task under a `when:` the reader cannot decide; `true` and the default conditions (`succeeded()`, `success()`)
let it run as a step without one runs. In the shell's steps and in PowerShell's alike."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script, ServiceRegion

SHELL = "azure service create {name} --location 'West US'"
POWERSHELL = "New-AzureService -ServiceName {name} -Location 'West US'"


def _read(tmp_path, monkeypatch, name: str, text: str):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601")
    document = next(d for d in result.documents if d.path == name)
    services = [r.service for r in document.resources if isinstance(r, ServiceRegion)]
    runs = {c.mark.line: c.runs for r in document.resources if isinstance(r, Script) for c in r.calls}
    return services, runs


@pytest.mark.parametrize(("key", "command"), [("script", SHELL), ("pwsh", POWERSHELL)])
def test_an_azure_pipelines_step_under_a_false_condition_never_runs(tmp_path, monkeypatch, key, command):
    pipeline = f"""\
        jobs:
          - job: skipped
            condition: false
            steps:
              - {key}: {command.format(name="jobsvc")}
          - job: deploy
            steps:
              - {key}: {command.format(name="neversvc")}
                condition: false
              - {key}: {command.format(name="maybesvc")}
                condition: eq(variables['Build.SourceBranch'], 'refs/heads/main')
              - {key}: {command.format(name="surelysvc")}
                condition: succeeded()
        """
    services, runs = _read(tmp_path, monkeypatch, "azure-pipelines.yml", pipeline)
    assert services == ["maybesvc", "surelysvc"]
    assert (runs[5], runs[8], runs[10], runs[12]) == ("never", "never", "maybe", "")


@pytest.mark.parametrize("condition", ["false", "${{ false }}"])
def test_a_github_actions_step_whose_if_is_false_never_runs(tmp_path, monkeypatch, condition):
    workflow = f"""\
        jobs:
          d:
            runs-on: ubuntu-latest
            steps:
              - if: {condition}
                run: {SHELL.format(name="neversvc")}
              - if: github.ref == 'refs/heads/main'
                run: {SHELL.format(name="maybesvc")}
        """
    services, runs = _read(tmp_path, monkeypatch, ".github/workflows/d.yml", workflow)
    assert services == ["maybesvc"]
    assert (runs[6], runs[8]) == ("never", "maybe")


def test_a_gitlab_job_whose_when_or_every_rule_says_never_never_runs(tmp_path, monkeypatch):
    pipeline = f"""\
        never:
          when: never
          script:
            - {SHELL.format(name="neversvc")}
        ruled-out:
          rules:
            - when: never
          script:
            - {SHELL.format(name="ruledsvc")}
        maybe:
          rules:
            - if: $CI_COMMIT_BRANCH == "main"
            - when: never
          script:
            - {SHELL.format(name="maybesvc")}
        deploy:
          script:
            - {SHELL.format(name="surelysvc")}
        """
    services, _ = _read(tmp_path, monkeypatch, ".gitlab-ci.yml", pipeline)
    assert services == ["maybesvc", "surelysvc"]
