"""A `for` loop whose body is in braces (`for vm in web1 web2; { azure vm create $vm …; }`), which bash runs
as `do …; done`, in a CI step's script (GitHub Actions, Azure Pipelines, GitLab CI, Travis CI, Bitbucket
Pipelines, CircleCI) or an Ansible `shell:` task, runs once per item, as the same line in a `.sh` file
does: it was not read at all (the grammar does not parse it), and the VMs it creates were missing. A
documentation placeholder left in a step (`<service name>`) is read as a value not stated, as in a file."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

LOOP = 'for vm in web1 web2; { azure vm create $vm img user pass -l "West Europe"; }'


def _files(line: str) -> dict[str, tuple[str, str]]:
    return {
        "shell script": ("a.sh", f"{line}\n"),
        "github run": (
            ".github/workflows/d.yml",
            f"on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {line}\n",
        ),
        "azure pipelines bash": ("azure-pipelines.yml", f"steps:\n  - bash: {line}\n"),
        "gitlab script": (".gitlab-ci.yml", f"deploy:\n  script:\n    - {line}\n"),
        "travis script": (".travis.yml", f"script:\n  - {line}\n"),
        "bitbucket script": (
            "bitbucket-pipelines.yml",
            f"pipelines:\n  default:\n    - step:\n        script:\n          - {line}\n",
        ),
        "circleci run": (".circleci/config.yml", f"jobs:\n  d:\n    steps:\n      - run: {line}\n"),
        "ansible shell": ("site.yml", f"- hosts: localhost\n  tasks:\n    - name: d\n      shell: {line}\n"),
    }


def _services(result) -> list[str]:
    return sorted(r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment))


@pytest.mark.parametrize("case", _files(LOOP))
def test_the_loop_runs_once_per_item(tmp_path, monkeypatch, case):
    path, text = _files(LOOP)[case]
    assert _services(lint_files(tmp_path, monkeypatch, {path: text}, dedent=False)) == ["web1", "web2"]
