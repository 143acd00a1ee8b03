"""A key both a `.gitlab-ci.yml` and a file it includes set is merged as GitLab CI merges them: mappings key by
key, the pipeline's values winning, any other value (a list of commands) replaced; an included file that is a
pipeline of its own name too (`sub/.gitlab-ci.yml`) is read where it is included, and not again on its own."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import ServiceRegion

INCLUDED = """\
deploy:
  variables:
    SVC: subsvc
    REGION: East US
  script:
    - azure config mode asm
    - azure service create "$SVC" --location "$REGION"
"""


def _read(tmp_path, monkeypatch, pipeline: str, included_as: str = "ci/deploy.yml"):
    files = {".gitlab-ci.yml": pipeline, included_as: INCLUDED}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    regions = sorted(
        (d.path, r.service, r.location)
        for d in result.documents
        for r in d.resources
        if isinstance(r, ServiceRegion)
    )
    return result, regions


def test_a_job_the_pipeline_sets_variables_of_keeps_the_included_job_s_script(tmp_path, monkeypatch):
    pipeline = "include:\n  - local: ci/deploy.yml\ndeploy:\n  variables:\n    REGION: West US\n"
    _, regions = _read(tmp_path, monkeypatch, pipeline)
    assert regions == [(".gitlab-ci.yml", "subsvc", "West US")]


def test_a_job_s_script_the_pipeline_sets_replaces_the_included_one(tmp_path, monkeypatch):
    pipeline = (
        "include:\n  - local: ci/deploy.yml\ndeploy:\n  script:\n    - azure config mode asm\n"
        '    - azure service create rootsvc --location "$REGION"\n'
    )
    _, regions = _read(tmp_path, monkeypatch, pipeline)
    assert regions == [(".gitlab-ci.yml", "rootsvc", "East US")]


def test_an_included_file_that_is_a_pipeline_of_its_own_name_is_not_read_again_on_its_own(
    tmp_path, monkeypatch
):
    pipeline = "include:\n  - local: sub/.gitlab-ci.yml\n"
    result, regions = _read(tmp_path, monkeypatch, pipeline, "sub/.gitlab-ci.yml")
    assert regions == [(".gitlab-ci.yml", "subsvc", "East US")]
    assert where(result.findings) == ["MIG601 sub/.gitlab-ci.yml:7:7"]
