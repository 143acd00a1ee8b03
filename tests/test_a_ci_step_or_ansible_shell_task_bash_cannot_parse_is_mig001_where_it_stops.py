"""A CI step's script that bash cannot parse (a GitHub Actions `run: |` in its default shell, `bash -e
{0}`; an Azure Pipelines `bash:` step, or `script:` on a pool stated Linux or macOS; a GitLab CI job's
`script:` in an image not Windows'; Travis CI's on an `os:` not Windows; Bitbucket Pipelines'), or an
Ansible `shell: |` task's, is MIG001 where bash stops (at the `if` whose `fi` is missing), as the same
lines in a `.sh` file are: the runner refuses the step, and the file was said to hold nothing classic. A
step of other tools, one not run by bash (a `cmd` step, a Windows runner's or image's), or one whose shell
the file does not say (a pool chosen by name, a GitLab job with no image), is not this check's to parse."""

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
AZURE_SCRIPT = AZURE.replace("- bash: |", "- script: |")
ANSIBLE = "- hosts: localhost\n  tasks:\n    - name: create\n      shell: |\n" + _indented(BROKEN, 8)
GITLAB = "deploy:\n  image: ubuntu:22.04\n  script:\n    - |\n" + _indented(BROKEN, 6)
TRAVIS = "os: linux\nscript:\n  - |\n" + _indented(BROKEN, 4)
BITBUCKET = "pipelines:\n  default:\n    - step:\n        script:\n          - |\n" + _indented(BROKEN, 12)

CASES = {
    "shell script": ("a.sh", BROKEN, "1:1"),
    "github run": (".github/workflows/classic.yml", GITHUB, "7:11"),
    "azure pipelines bash": ("azure-pipelines.yml", AZURE, "5:7"),
    "azure pipelines script on a linux pool": ("azure-pipelines.yml", AZURE_SCRIPT, "5:7"),
    "azure pipelines script on a linux pool of the job": (
        "azure-pipelines.yml",
        "jobs:\n  - job: d\n    pool:\n      vmImage: macOS-14\n    steps:\n      - script: |\n"
        + _indented(BROKEN, 10),
        "7:11",
    ),
    "gitlab script in a linux image": (".gitlab-ci.yml", GITLAB, "5:7"),
    "gitlab script in the default image": (
        ".gitlab-ci.yml",
        GITLAB.replace("deploy:\n  image: ubuntu:22.04\n", "default:\n  image: {name: alpine}\ndeploy:\n"),
        "6:7",
    ),
    "travis script on linux": (".travis.yml", TRAVIS, "4:5"),
    "travis script on no os stated": (
        ".travis.yml",
        TRAVIS.replace("os: linux\n", "language: shell\n"),
        "4:5",
    ),
    "bitbucket script": ("bitbucket-pipelines.yml", BITBUCKET, "6:13"),
    "ansible shell": ("site.yml", ANSIBLE, "5:9"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_script_bash_cannot_parse_is_mig001_at_what_it_leaves_open(tmp_path, monkeypatch, case):
    path, text, at = CASES[case]
    [finding] = lint_files(tmp_path, monkeypatch, {path: text}, "MIG001", dedent=False).findings
    assert where([finding]) == [f"MIG001 {path}:{at}"]
    assert finding.message.startswith("the shell script opens something here that it never closes")


NOT_BASH = {
    "windows runner": (".github/workflows/classic.yml", GITHUB.replace("ubuntu-latest", "windows-latest")),
    "cmd shell": (
        ".github/workflows/classic.yml",
        GITHUB.replace("      - run: |\n", "      - shell: cmd\n        run: |\n"),
    ),
    "other tools": (
        ".github/workflows/classic.yml",
        GITHUB.replace("azure vm create shop img01 ops pw -w vnet1", "make build"),
    ),
    # Azure Pipelines runs `script:` in cmd on Windows, and a pool chosen by name may be either
    "azure pipelines script on a windows pool": (
        "azure-pipelines.yml",
        AZURE_SCRIPT.replace("ubuntu-latest", "windows-2022"),
    ),
    "azure pipelines script on a pool by name": (
        "azure-pipelines.yml",
        AZURE_SCRIPT.replace("pool:\n  vmImage: ubuntu-latest\n", "pool: Default\n"),
    ),
    "azure pipelines script on a job's pool by name": (
        "azure-pipelines.yml",
        "pool:\n  vmImage: ubuntu-latest\njobs:\n  - job: d\n    pool:\n      name: Default\n    steps:\n"
        "      - script: |\n" + _indented(BROKEN, 10),
    ),
    # a GitLab job with no image runs on an executor of a system the file does not say
    "gitlab script with no image": (".gitlab-ci.yml", GITLAB.replace("  image: ubuntu:22.04\n", "")),
    "gitlab script in a windows image": (
        ".gitlab-ci.yml",
        GITLAB.replace("ubuntu:22.04", "mcr.microsoft.com/windows/servercore:ltsc2022"),
    ),
    "gitlab script on a windows runner": (
        ".gitlab-ci.yml",
        GITLAB.replace(
            "  image: ubuntu:22.04\n", "  image: ubuntu:22.04\n  tags: [saas-windows-medium-amd64]\n"
        ),
    ),
    # GitLab joins the commands into one script: an `if` of one item is closed by the next
    "gitlab if closed by the next item": (
        ".gitlab-ci.yml",
        "deploy:\n  image: ubuntu:22.04\n  script:\n    - if true; then azure vm create shop img01 ops pw -w vnet1\n"
        "    - fi\n",
    ),
    "travis script on windows": (".travis.yml", TRAVIS.replace("os: linux", "os: windows")),
    "bitbucket script on a windows runner": (
        "bitbucket-pipelines.yml",
        BITBUCKET.replace("    - step:\n", "    - step:\n        runs-on: [self.hosted, windows]\n"),
    ),
}


@pytest.mark.parametrize("case", NOT_BASH)
def test_a_step_bash_does_not_run_or_of_other_tools_is_not_parsed_as_bash(tmp_path, monkeypatch, case):
    path, text = NOT_BASH[case]
    findings = lint_files(tmp_path, monkeypatch, {path: text}, "MIG001", dedent=False).findings
    assert not findings


def test_what_bash_runs_though_the_grammar_does_not_parse_it_is_no_fault_in_a_step(tmp_path, monkeypatch):
    braced = "for vm in web1 web2; { azure vm start $vm; }\n"  # bash runs a braced loop body
    files = {".github/workflows/classic.yml": GITHUB.replace(_indented(BROKEN, 10), _indented(braced, 10))}
    findings = lint_files(tmp_path, monkeypatch, {**files, "a.sh": braced}, "MIG001", dedent=False).findings
    assert not findings
