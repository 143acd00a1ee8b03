"""A CI step's script that bash cannot parse (a GitHub Actions `run: |` in its default shell, `bash -e
{0}`; an Azure Pipelines `bash:` step), or an Ansible `shell: |` task's, is MIG001 where bash stops (at
the `if` whose `fi` is missing), as the same lines in a `.sh` file are: the runner refuses the step, and
the file was said to hold nothing classic. A step of other tools, or one not run by bash as a whole (a
`cmd` step, a Windows runner's), is not this check's to parse."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

BROKEN = "if true; then\n  azure vm create shop img01 ops pw -w vnet1\n"


def _indented(script: str, spaces: int) -> str:
    return "".join(" " * spaces + line + "\n" for line in script.splitlines())


GITHUB = (
    "on: workflow_dispatch\njobs:\n  classic:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
    + _indented(BROKEN, 10)
)
AZURE = "pool:\n  vmImage: ubuntu-latest\nsteps:\n  - bash: |\n" + _indented(BROKEN, 6)
ANSIBLE = "- hosts: localhost\n  tasks:\n    - name: create\n      shell: |\n" + _indented(BROKEN, 8)

CASES = {
    "shell script": ("a.sh", BROKEN, "1:1"),
    "github run": (".github/workflows/classic.yml", GITHUB, "7:11"),
    "azure pipelines bash": ("azure-pipelines.yml", AZURE, "5:7"),
    "ansible shell": ("site.yml", ANSIBLE, "5:9"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_script_bash_cannot_parse_is_mig001_at_what_it_leaves_open(tmp_path, monkeypatch, case):
    path, text, at = CASES[case]
    [finding] = lint_files(tmp_path, monkeypatch, {path: text}, "MIG001", dedent=False).findings
    assert where([finding]) == [f"MIG001 {path}:{at}"]
    assert finding.message.startswith("the shell script opens something here that it never closes")


NOT_BASH = {
    "windows runner": GITHUB.replace("ubuntu-latest", "windows-latest"),
    "cmd shell": GITHUB.replace("      - run: |\n", "      - shell: cmd\n        run: |\n"),
    "other tools": GITHUB.replace("azure vm create shop img01 ops pw -w vnet1", "make build"),
}


@pytest.mark.parametrize("case", NOT_BASH)
def test_a_step_bash_does_not_run_or_of_other_tools_is_not_parsed_as_bash(tmp_path, monkeypatch, case):
    files = {".github/workflows/classic.yml": NOT_BASH[case]}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG001", dedent=False).findings
    assert not findings


def test_what_bash_runs_though_the_grammar_does_not_parse_it_is_no_fault_in_a_step(tmp_path, monkeypatch):
    braced = "for vm in web1 web2; { azure vm start $vm; }\n"  # bash runs a braced loop body
    files = {".github/workflows/classic.yml": GITHUB.replace(_indented(BROKEN, 10), _indented(braced, 10))}
    findings = lint_files(tmp_path, monkeypatch, {**files, "a.sh": braced}, "MIG001", dedent=False).findings
    assert not findings
