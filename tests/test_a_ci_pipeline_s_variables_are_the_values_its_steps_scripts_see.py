"""A CI pipeline's variables are the values its steps' scripts see: Azure Pipelines' `variables:` (a mapping
or a list of `name:`/`value:` items, at the pipeline's, a stage's or a job's level) replace each `$(name)`
before the step runs and are the environment variables named in capitals, `.` made `_`; GitLab CI's
`variables:` and GitHub Actions' `env:` are environment variables, read as `$NAME` in the shell and as
`$env:NAME` in PowerShell. A variable the file does not state (a secret, a variable group's) stays a value
the file does not state."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import ServiceRegion


def _services(result, name: str) -> list[tuple[str, str]]:
    document = next(d for d in result.documents if d.path == name)
    return [(r.service, r.location) for r in document.resources if isinstance(r, ServiceRegion)]


def test_azure_pipelines_variables_at_each_level_are_replaced_and_given_as_environment_variables(
    tmp_path, monkeypatch
):
    pipeline = """\
        variables:
          serviceName: rootsvc
          deploy.region: West US
        stages:
          - stage: deploy
            variables:
              - name: stage.service
                value: stagesvc
              - group: shared-secrets
            jobs:
              - job: publish
                variables:
                  jobService: jobsvc
                steps:
                  - script: |
                      azure config mode asm
                      azure service create $(serviceName) --location "$(deploy.region)"
                      azure service create $STAGE_SERVICE --location "$DEPLOY_REGION"
                      azure service create $(secretService) --location 'West US'
                  - pwsh: New-AzureService -ServiceName $env:JOBSERVICE -Location '$(Deploy.Region)'
        """
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG601")
    # the service named by a secret is not stated: no service of that name
    assert _services(result, "azure-pipelines.yml") == [
        ("rootsvc", "West US"),
        ("stagesvc", "West US"),
        ("jobsvc", "West US"),
    ]
    assert where(result.findings) == ["MIG601 azure-pipelines.yml:17:15", "MIG601 azure-pipelines.yml:20:19"]


def test_a_macro_in_another_service_s_pipeline_is_the_shell_s_command_substitution(tmp_path, monkeypatch):
    pipeline = """\
        variables:
          SVC: gitsvc
          hostname: notamacro
        deploy:
          variables:
            REGION:
              value: West US
              description: where the service runs
          script:
            - azure config mode asm
            - azure service create $SVC --location "$REGION"
            - azure service create $(hostname) --location "$REGION"
        """
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG601")
    assert _services(result, ".gitlab-ci.yml") == [("gitsvc", "West US")]  # not `notamacro`


def test_a_workflow_s_env_is_read_by_its_powershell_steps(tmp_path, monkeypatch):
    workflow = """\
        env:
          SVC: envsvc
        jobs:
          d:
            runs-on: windows-latest
            steps:
              - run: New-AzureService -ServiceName $env:SVC -Location 'West US'
        """
    result = lint_files(tmp_path, monkeypatch, {".github/workflows/d.yml": workflow}, "MIG601")
    assert _services(result, ".github/workflows/d.yml") == [("envsvc", "West US")]


def test_a_large_value_repeated_by_many_macros_is_not_read_past_a_bound(tmp_path, monkeypatch):
    large = "x" * 20_000
    macros = "$(large)" * 200
    pipeline = f"variables:\n  large: {large}\nsteps:\n  - script: azure service create {macros} --location 'West US'\n"
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 azure-pipelines.yml:4:13"]
    assert not [name for name, _ in _services(result, "azure-pipelines.yml") if large in name]


def test_an_azure_pipelines_variables_template_states_the_variables_it_holds(tmp_path, monkeypatch):
    """`- template: x.yml` among `variables:` items gives the steps the variables of that file's `variables:`
    (a mapping or a list), in the order of the items: a later item's value over an earlier one's."""
    pipeline = """\
        variables:
          - name: service.two
            value: overridden
          - template: vars/common.yml
          - name: region
            value: West US
        steps:
          - script: |
              azure config mode asm
              azure service create $(serviceName) --location "$(region)"
              azure service create $SERVICE_TWO --location "$REGION"
        """
    common = """\
        variables:
          - name: serviceName
            value: templatesvc
          - template: more.yml
        """
    more = "variables:\n  service.two: othersvc\n"
    files = {"azure-pipelines.yml": pipeline, "vars/common.yml": common, "vars/more.yml": more}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert _services(result, "azure-pipelines.yml") == [("templatesvc", "West US"), ("othersvc", "West US")]
