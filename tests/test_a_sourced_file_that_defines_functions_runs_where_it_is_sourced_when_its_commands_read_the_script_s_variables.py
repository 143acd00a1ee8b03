"""A file a shell script sources that defines functions and whose top-level commands read a variable of the
script (`azure vm create "$SERVICE" …` in lib.sh, sourced after `SERVICE=svc1`) runs where it is sourced,
as bash runs it: the VM is in svc1, where it was read alone, in a cloud service it does not know
(`<cloud service name, lib.sh:4>`). Its functions are the script's from there, as PowerShell makes a
dot-sourced file's: one no call runs is read once in the script, one the script calls runs with the
words it passes, and the file's own read is not said again. So for a CI step's `run:` and an Ansible
task's `shell:` that source it. A library whose commands read nothing of the script keeps its own read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

LIB = (
    'deploy_vm() {\n  azure vm create "$1" img user pass -l "West Europe"\n}\n'
    'azure vm create "$SERVICE" img user pass -l "West Europe"\n'
)
WORKFLOW = """\
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: source ./lib.sh
        env:
          SERVICE: svc1
"""
PLAYBOOK = """\
- hosts: localhost
  vars:
    svc: svc1
  tasks:
    - name: deploy
      shell: SERVICE={{ svc }}; source ./lib.sh
      args:
        executable: /bin/bash
"""


def _services(result) -> list[tuple[str, str]]:
    return sorted(
        (document.path, resource.service_name)
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Deployment)
    )


def test_read_alone_the_file_creates_in_a_service_it_does_not_know(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.sh": LIB}, dedent=False)
    assert _services(result) == [
        ("lib.sh", "<DNS name, lib.sh:2>"),
        ("lib.sh", "<DNS name, lib.sh:4>"),
    ]


@pytest.mark.parametrize(
    ("runner", "text"),
    [
        ("main.sh", "#!/bin/bash\nSERVICE=svc1\nsource ./lib.sh\n"),
        (".github/workflows/deploy.yml", WORKFLOW),
        ("deploy.yml", PLAYBOOK),
    ],
)
def test_sourced_after_the_variable_is_set_it_runs_there(tmp_path, monkeypatch, runner, text):
    result = lint_files(tmp_path, monkeypatch, {"lib.sh": LIB, runner: text}, dedent=False)
    assert _services(result) == [(runner, "<DNS name, lib.sh:2>"), (runner, "svc1")]
    said = [(f.code, f.location.path, f.location.line) for f in result.findings if f.location]
    assert len(said) == len(set(said))  # each said once, where lib.sh states it


def test_its_function_the_script_calls_runs_with_the_words_it_passes(tmp_path, monkeypatch):
    main = "#!/bin/bash\nSERVICE=svc1\nsource ./lib.sh\ndeploy_vm web9\n"
    result = lint_files(tmp_path, monkeypatch, {"lib.sh": LIB, "main.sh": main}, dedent=False)
    assert _services(result) == [("main.sh", "svc1"), ("main.sh", "web9")]
    (said,) = [f.message for f in result.findings if f.code == "MIG601"]
    assert "Shell script 'main.sh'" in said


def test_a_library_whose_commands_read_nothing_of_the_script_keeps_its_own_read(tmp_path, monkeypatch):
    lib = LIB.replace('"$SERVICE"', "libsvc")
    main = "#!/bin/bash\nSERVICE=svc1\nsource ./lib.sh\ndeploy_vm web9\n"
    result = lint_files(tmp_path, monkeypatch, {"lib.sh": lib, "main.sh": main}, dedent=False)
    assert _services(result) == [("lib.sh", "libsvc"), ("main.sh", "web9")]
