"""A value a CI step hands on to the later steps of its job, or a job to the jobs that run after it, is what
those see: GitHub Actions' `name=value` written to `$GITHUB_OUTPUT`, read as `${{ steps.<id>.outputs.name }}`
and, through the job's `outputs:`, as `${{ needs.<job>.outputs.name }}`; Azure Pipelines' output variable
(`##vso[task.setvariable variable=x;isOutput=true]`), read as `$(<step>.x)` and, in a job that depends on it,
through a variable set to `$[ dependencies.<job>.outputs['<step>.x'] ]`; GitLab CI's variables a job writes
to its `artifacts: reports: dotenv:` file, read as `$X` in the jobs that need it. A job that may run before
the one that hands the value on sees none."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CLI_STEPS = """\
azure config mode asm
azure network vnet validate-migration {reference}
azure network vnet commit-migration {reference}
azure network vnet prepare-migration {reference}
"""


def _block(reference: str, indent: int) -> str:
    return "".join(" " * indent + line + "\n" for line in CLI_STEPS.format(reference=reference).splitlines())


def _networks_committed_first(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    """The networks named in quotes (stated) that a MIG602 finding says are committed before a Prepare."""
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    said = [
        f.message.partition("virtual network '")[2]
        for f in result.findings
        if "before any Prepare" in f.message
    ]
    return sorted(name.partition("'")[0] for name in said if name)


def _github(needs: str, reference: str) -> str:
    return (
        "on: workflow_dispatch\njobs:\n  pick:\n    runs-on: ubuntu-latest\n"
        "    outputs:\n      vnet: ${{ steps.choose.outputs.vnet }}\n"
        '    steps:\n      - id: choose\n        run: echo "vnet=spoke-vnet" >> "$GITHUB_OUTPUT"\n'
        "  move:\n    runs-on: ubuntu-latest\n"
        + (f"    needs: {needs}\n" if needs else "")
        + "    steps:\n      - run: |\n"
        + _block(reference, 10)
    )


@pytest.mark.parametrize(
    ("needs", "reference", "found"),
    [
        ("pick", "${{ needs.pick.outputs.vnet }}", ["spoke-vnet"]),
        ("[pick]", "${{ needs.pick.outputs.vnet }}", ["spoke-vnet"]),
        ("", "${{ needs.pick.outputs.vnet }}", []),  # not a job it needs: no value
    ],
    ids=["needs", "needs-list", "not-needed"],
)
def test_a_github_job_s_output_is_what_the_jobs_that_need_it_see(
    tmp_path, monkeypatch, needs, reference, found
):
    text = _github(needs, reference)
    assert _networks_committed_first(tmp_path, monkeypatch, ".github/workflows/m.yml", text) == found


def test_a_github_step_s_output_is_what_the_later_steps_of_its_job_see(tmp_path, monkeypatch):
    text = (
        "on: workflow_dispatch\njobs:\n  move:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - id: choose\n        run: echo "vnet=spoke-vnet" >> $GITHUB_OUTPUT\n'
        "      - run: |\n" + _block("${{ steps.choose.outputs.vnet }}", 10)
    )
    assert _networks_committed_first(tmp_path, monkeypatch, ".github/workflows/m.yml", text) == ["spoke-vnet"]


AZURE = """\
jobs:
- job: pick
  steps:
  - bash: echo "##vso[task.setvariable variable=vnet;isOutput=true]spoke-vnet"
    name: choose
- job: move
{depends}  variables:
    target: $[ dependencies.pick.outputs['choose.vnet'] ]
  steps:
  - bash: |
"""


@pytest.mark.parametrize(
    ("depends", "found"),
    [("  dependsOn: pick\n", ["spoke-vnet"]), ("", [])],
    ids=["depends-on", "parallel"],
)
def test_an_azure_output_variable_is_what_a_job_that_depends_on_it_sees(
    tmp_path, monkeypatch, depends, found
):
    text = AZURE.format(depends=depends) + _block("$(target)", 6)
    assert _networks_committed_first(tmp_path, monkeypatch, "azure-pipelines.yml", text) == found


def test_an_azure_output_variable_is_what_the_later_steps_see_by_the_step_s_name(tmp_path, monkeypatch):
    text = (
        'steps:\n- bash: echo "##vso[task.setvariable variable=vnet;isOutput=true]spoke-vnet"\n'
        "  name: choose\n- bash: |\n" + _block("$(choose.vnet)", 4)
    )
    assert _networks_committed_first(tmp_path, monkeypatch, "azure-pipelines.yml", text) == ["spoke-vnet"]


GITLAB = """\
stages: [pick, move]
pick:
  stage: pick
  script:
    - echo "VNET=spoke-vnet" >> build.env
  artifacts:
    reports:
      dotenv: {dotenv}
move:
  stage: {stage}
  script:
"""


@pytest.mark.parametrize(
    ("dotenv", "stage", "found"),
    [
        ("build.env", "move", ["spoke-vnet"]),
        ("other.env", "move", []),  # build.env is no dotenv report
        ("build.env", "pick", []),  # runs at once with the job that writes it
    ],
    ids=["later-stage", "not-a-report", "same-stage"],
)
def test_a_gitlab_dotenv_report_s_variables_are_what_the_later_jobs_see(
    tmp_path, monkeypatch, dotenv, stage, found
):
    text = GITLAB.format(dotenv=dotenv, stage=stage) + "".join(
        f"    - {line}\n" for line in CLI_STEPS.format(reference="$VNET").splitlines()
    )
    assert _networks_committed_first(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == found


@pytest.mark.parametrize(
    "writer",
    [
        "'{ echo X=1; echo VNET=spoke-vnet; } >> build.env'",
        "printf 'VNET=%s\\n' spoke-vnet | tee -a build.env",
    ],
    ids=["group", "printf | tee -a"],
)
def test_a_gitlab_dotenv_report_is_written_whatever_writes_its_lines(tmp_path, monkeypatch, writer):
    text = GITLAB.format(dotenv="build.env", stage="move").replace(
        '- echo "VNET=spoke-vnet" >> build.env', f"- {writer}"
    ) + "".join(f"    - {line}\n" for line in CLI_STEPS.format(reference="$VNET").splitlines())
    assert _networks_committed_first(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == ["spoke-vnet"]
