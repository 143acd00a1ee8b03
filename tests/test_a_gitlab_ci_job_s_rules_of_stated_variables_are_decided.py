"""A GitLab CI job's `rules:` are taken as GitLab CI takes them: the first rule that matches decides (`when:
never` never runs, `manual` may not, any other runs), a rule's `if:` of variables the pipeline states decided,
one of a variable it does not state (`$CI_COMMIT_BRANCH`) maybe matching; a job no rule matches is not added.
A job under `only:`/`except:` may run or not: branches and pipeline sources are not in the file."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Script

PIPELINE = """\
variables:
  TARGET: prod
prod:
  rules:
    - if: $TARGET == "prod"
  script:
    - azure service create prodsvc --location 'West US'
dev:
  rules:
    - if: $TARGET == 'dev' && $CI_COMMIT_BRANCH == "main"
  script:
    - azure service create devsvc --location 'West US'
stopped:
  rules:
    - if: $TARGET != "dev"
      when: never
    - when: always
  script:
    - azure service create stoppedsvc --location 'West US'
branch:
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
  script:
    - azure service create branchsvc --location 'West US'
job-variable:
  variables:
    TARGET: dev
  rules:
    - if: $TARGET == "dev"
      when: manual
  script:
    - azure service create manualsvc --location 'West US'
main-only:
  only:
    - main
  script:
    - azure service create onlysvc --location 'West US'
"""


def test_gitlab_rules_of_stated_variables_are_decided(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": PIPELINE}, "MIG601", dedent=False)
    document = next(d for d in result.documents if d.path == ".gitlab-ci.yml")
    lines = PIPELINE.splitlines()
    calls = [c for r in document.resources if isinstance(r, Script) for c in r.calls]
    runs = {lines[c.mark.line - 1].split("create ")[1].split()[0]: c.runs for c in calls}
    assert runs == {
        "prodsvc": "",
        "devsvc": "never",
        "stoppedsvc": "never",
        "branchsvc": "maybe",
        "manualsvc": "maybe",
        "onlysvc": "maybe",
    }


def _runs(tmp_path, monkeypatch, pipeline: str) -> dict[str, str]:
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG601", dedent=False)
    document = next(d for d in result.documents if d.path == ".gitlab-ci.yml")
    lines = pipeline.splitlines()
    calls = [c for r in document.resources if isinstance(r, Script) for c in r.calls]
    return {lines[c.mark.line - 1].split("create ")[1].split()[0]: c.runs for c in calls}


def test_a_variable_as_a_rule_is_true_wherever_it_is_not_empty(tmp_path, monkeypatch):
    pipeline = """\
variables:
  DEPLOY: "false"
  SKIP: ""
deploy:
  rules:
    - if: $DEPLOY
  script:
    - azure service create deploysvc --location 'West US'
skip:
  rules:
    - if: $SKIP
  script:
    - azure service create skipsvc --location 'West US'
"""
    assert _runs(tmp_path, monkeypatch, pipeline) == {"deploysvc": "", "skipsvc": "never"}


def test_a_job_named_only_leaves_the_other_jobs_running(tmp_path, monkeypatch):
    pipeline = """\
only:
  script:
    - azure service create onlysvc --location 'West US'
prod:
  script:
    - azure service create prodsvc --location 'West US'
"""
    assert _runs(tmp_path, monkeypatch, pipeline) == {"onlysvc": "", "prodsvc": ""}


def test_gitlab_compares_texts_in_a_rule_with_their_case(tmp_path, monkeypatch):
    # GitLab CI's `==` and `!=` compare the text character for character: `Prod` is not `prod`
    pipeline = """\
variables:
  TARGET: Prod
equal:
  rules:
    - if: $TARGET == "prod"
  script:
    - azure service create equalsvc --location 'West US'
unequal:
  rules:
    - if: $TARGET != "prod"
  script:
    - azure service create unequalsvc --location 'West US'
same:
  rules:
    - if: $TARGET == "Prod"
  script:
    - azure service create samesvc --location 'West US'
pattern:
  rules:
    - if: $TARGET =~ /^prod$/i
  script:
    - azure service create patternsvc --location 'West US'
"""
    assert _runs(tmp_path, monkeypatch, pipeline) == {
        "equalsvc": "never",
        "unequalsvc": "",
        "samesvc": "",
        "patternsvc": "maybe",  # a pattern, case ignored by its /i: not decided here
    }
