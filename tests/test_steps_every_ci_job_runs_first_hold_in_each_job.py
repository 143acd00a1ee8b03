"""The lists of commands every job of a CI pipeline runs before its own (GitLab CI's top and `default:`
`before_script:`, Travis CI's top phases that each job of `jobs: include:` runs) are read in each job, first:
`azure config mode arm` there holds for each job's classic CLI, unless the job sets that list itself
(GitLab CI: a job's `before_script:` replaces the default one; Travis CI: a job's `install:` replaces the
top one). A classic call they make is reported once, where it is written, however many jobs run it."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

ARM = "azure config mode arm"
VM = "azure vm create myvm img user pass"
SERVICE = "azure service create mysvc --location 'West US'"


def check(tmp_path, monkeypatch, name: str, pipeline: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: pipeline}, "MIG601", dedent=False)
    return where(result.findings)


@pytest.mark.parametrize(
    "shared", [f"before_script:\n  - {ARM}\n", f"default:\n  before_script:\n    - {ARM}\n"]
)
def test_resource_manager_mode_the_default_before_script_sets_holds_in_each_job(
    tmp_path, monkeypatch, shared
):
    pipeline = shared + f"vms:\n  script:\n    - {VM}\nservices:\n  script:\n    - {SERVICE}\n"
    assert check(tmp_path, monkeypatch, ".gitlab-ci.yml", pipeline) == []


def test_a_job_s_own_before_script_replaces_the_default_one(tmp_path, monkeypatch):
    pipeline = (
        f"before_script:\n  - {ARM}\nvms:\n  script:\n    - {VM}\n"
        f"services:\n  before_script:\n    - echo own\n  script:\n    - {SERVICE}\n"
    )
    assert check(tmp_path, monkeypatch, ".gitlab-ci.yml", pipeline) == ["MIG601 .gitlab-ci.yml:10:7"]


def test_a_job_that_inherits_no_default_runs_in_its_own_mode(tmp_path, monkeypatch):
    pipeline = (
        f"default:\n  before_script:\n    - {ARM}\n"
        f"services:\n  inherit:\n    default: false\n  script:\n    - {SERVICE}\n"
    )
    assert check(tmp_path, monkeypatch, ".gitlab-ci.yml", pipeline) == ["MIG601 .gitlab-ci.yml:8:7"]


def test_the_travis_top_install_runs_in_each_included_job_that_sets_none(tmp_path, monkeypatch):
    pipeline = (
        f"install:\n  - {ARM}\njobs:\n  include:\n    - script:\n        - {VM}\n"
        f"    - script:\n        - {SERVICE}\n    - install: skip\n      script:\n        - {SERVICE}\n"
    )
    assert check(tmp_path, monkeypatch, ".travis.yml", pipeline) == ["MIG601 .travis.yml:11:11"]


@pytest.mark.parametrize(
    ("name", "pipeline", "at"),
    [
        (
            ".gitlab-ci.yml",
            f"before_script:\n  - {SERVICE}\none:\n  script:\n    - echo 1\ntwo:\n  script:\n    - echo 2\n",
            "2:5",
        ),
        (
            ".travis.yml",
            f"install:\n  - {SERVICE}\njobs:\n  include:\n    - script: echo 1\n    - script: echo 2\n",
            "2:5",
        ),
    ],
)
def test_a_classic_call_every_job_runs_is_reported_once_where_it_is_written(
    tmp_path, monkeypatch, name, pipeline, at
):
    assert check(tmp_path, monkeypatch, name, pipeline) == [f"MIG601 {name}:{at}"]
