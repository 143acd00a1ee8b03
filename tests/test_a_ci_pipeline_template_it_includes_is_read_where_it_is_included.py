"""A template an Azure Pipelines file includes (`- template: x.yml` with `parameters:`, `extends: template:`)
and a local file a `.gitlab-ci.yml` includes (`include: local:`) are read where they are included, with the
parameters bound (a template's own default where the caller gives none), each call shown where the template
writes it; a template from another repository, or one that includes itself, is said not read."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import READ_AGAIN_CUT, TEMPLATE_NOT_READ, Deployment, Script

IMAGE = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_2-LTS-amd64-server-20150610-en-us-30GB"
STEPS_TEMPLATE = f"""\
parameters:
- name: vmName
  default: web99
- name: location
  default: West US
steps:
- script: |
    azure config mode asm
    azure vm create ${{{{ parameters.vmName }}}} {IMAGE} u -l "${{{{ parameters.location }}}}"
"""


def _vms(result) -> list[str]:
    return sorted(r.name for d in result.documents for r in d.resources if isinstance(r, Deployment))


def _unread(result) -> list[tuple[str, int, int, str]]:
    return [
        (m.path, m.line, m.column, m.tag)
        for d in result.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]


def test_a_steps_template_s_call_is_found_in_the_template_with_the_parameter_the_pipeline_gives(
    tmp_path, monkeypatch
):
    pipeline = "steps:\n- template: templates/deploy.yml\n  parameters:\n    vmName: web01\n"
    files = {"azure-pipelines.yml": pipeline, "templates/deploy.yml": STEPS_TEMPLATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG105")
    assert where(result.findings) == ["MIG105 templates/deploy.yml:9:5", "MIG601 templates/deploy.yml:9:5"]
    assert _vms(result) == ["web01"]


def test_a_parameter_the_pipeline_does_not_give_is_the_template_s_default(tmp_path, monkeypatch):
    files = {
        "azure-pipelines.yml": "steps:\n- template: templates/deploy.yml\n",
        "templates/deploy.yml": STEPS_TEMPLATE,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert _vms(result) == ["web99"]


def test_a_jobs_template_a_stage_includes_runs_its_powershell_in_the_template(tmp_path, monkeypatch):
    pipeline = """\
stages:
- stage: deploy
  jobs:
  - template: jobs/classic.yml
    parameters:
      service: shopsvc
"""
    template = """\
parameters:
  service: ''
jobs:
- job: classic
  steps:
  - powershell: |
      New-AzureService -ServiceName ${{ parameters.service }} -Location 'West US'
"""
    files = {"azure-pipelines.yml": pipeline, "jobs/classic.yml": template}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 jobs/classic.yml:7:7"]


def test_a_template_a_template_includes_is_found_from_its_own_folder(tmp_path, monkeypatch):
    pipeline = "extends:\n  template: ci/main.yml\n  parameters:\n    vmName: app02\n"
    main = "parameters:\n- name: vmName\n  default: x\nsteps:\n- template: steps/deploy.yml\n  parameters:\n    vmName: ${{ parameters.vmName }}\n"
    files = {"azure-pipelines.yml": pipeline, "ci/main.yml": main, "ci/steps/deploy.yml": STEPS_TEMPLATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 ci/steps/deploy.yml:9:5"]
    assert _vms(result) == ["app02"]


def test_a_template_of_another_repository_is_said_not_read(tmp_path, monkeypatch):
    pipeline = f"steps:\n- template: deploy.yml@tools\n- script: |\n    azure config mode asm\n    azure vm create a1 {IMAGE} u -l 'West US'\n"
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG601")
    assert _unread(result) == [("azure-pipelines.yml", 2, 13, TEMPLATE_NOT_READ)]


def test_a_template_that_includes_itself_is_read_once_and_said_not_read_again(tmp_path, monkeypatch):
    template = STEPS_TEMPLATE + "- template: deploy.yml\n"
    files = {"azure-pipelines.yml": "steps:\n- template: t/deploy.yml\n", "t/deploy.yml": template}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 t/deploy.yml:9:5"]
    assert _unread(result) == [("t/deploy.yml", 10, 13, TEMPLATE_NOT_READ)]


def test_a_gitlab_job_a_local_include_holds_is_read_in_the_included_file(tmp_path, monkeypatch):
    pipeline = "include:\n  - local: /ci/deploy.yml\n  - remote: https://example.com/ci.yml\n"
    included = "deploy:\n  script:\n    - azure config mode asm\n    - azure service create mysvc --location 'West US'\n"
    files = {".gitlab-ci.yml": pipeline, "ci/deploy.yml": included}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 ci/deploy.yml:4:7"]
    assert _unread(result) == [(".gitlab-ci.yml", 3, 5, TEMPLATE_NOT_READ)]


def test_a_job_past_the_bound_on_shared_steps_read_again_is_said_read_without_them(tmp_path, monkeypatch):
    jobs = "".join(
        f"job{n}:\n  script:\n    - azure config mode asm\n    - azure service create svc{n} --location 'West US'\n"
        for n in range(12)
    )
    pipeline = f"before_script:\n  - echo {'x' * 70_000}\n" + jobs
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG601")
    tags = [tag for _, _, _, tag in _unread(result)]
    assert tags == [READ_AGAIN_CUT]


def test_a_remote_include_of_a_pipeline_that_names_no_azure_is_not_said(tmp_path, monkeypatch):
    pipeline = "include:\n  - remote: https://example.com/ci.yml\nbuild:\n  script:\n    - make\n"
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline})
    assert _unread(result) == []


def test_steps_a_pipeline_gives_a_template_s_step_list_parameter_run_where_the_template_inserts_them(
    tmp_path, monkeypatch
):
    pipeline = f"""\
steps:
- template: templates/wrap.yml
  parameters:
    deploySteps:
    - script: |
        azure config mode asm
        azure vm create given01 {IMAGE} u -l "West US"
"""
    template = (
        "parameters:\n- name: deploySteps\n  type: stepList\n  default: []\nsteps:\n- script: echo start\n"
    )
    template += "- ${{ parameters.deploySteps }}\n"
    files = {"azure-pipelines.yml": pipeline, "templates/wrap.yml": template}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 azure-pipelines.yml:7:9"]
    assert _vms(result) == ["given01"]


def test_steps_a_pipeline_gives_a_template_read_its_own_parameters_not_the_template_s(tmp_path, monkeypatch):
    pipeline = f"""\
parameters:
- name: vmName
  default: caller01
steps:
- template: templates/wrap.yml
  parameters:
    vmName: template01
    deploySteps:
    - script: |
        azure config mode asm
        azure vm create ${{{{ parameters.vmName }}}} {IMAGE} u -l "West US"
"""
    template = "parameters:\n- name: vmName\n  default: wrap01\n- name: deploySteps\n  type: stepList\n"
    template += "  default: []\nsteps:\n- ${{ parameters.deploySteps }}\n"
    files = {"azure-pipelines.yml": pipeline, "templates/wrap.yml": template}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert _vms(result) == ["caller01"]
