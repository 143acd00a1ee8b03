"""A suppression comment on its own line inside a CI step's or an Ansible task's script covers the whole
command that follows it, its continuation lines too: a PowerShell pipeline whose lines end in `|` (an
Azure Pipelines AzurePowerShell task's inline script, a `win_shell: |` task), or a backtick, and a shell
pipeline whose lines end in `|` or `&&`, as in a `.ps1` or `.sh` file. It covered only the first line: the
finding on a later line was reported, and MIG006 said the comment silenced nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PIPELINE = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8" -Description "corp"
# migcheck: ignore[MIG201] removed by runbook
Get-AzureVM -ServiceName "shop" -Name "web01" |
  Set-AzureEndpoint -Name "HTTP" -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl |
  Update-AzureVM
"""
BACKTICK = PIPELINE.replace(
    '  Set-AzureEndpoint -Name "HTTP" -Protocol tcp -LocalPort',
    '  Set-AzureEndpoint -Name "HTTP" `\n    -Protocol tcp -LocalPort',
)


def _indented(script: str, spaces: int) -> str:
    return "".join(" " * spaces + line + "\n" for line in script.splitlines())


def _azure_pipelines(script: str) -> dict[str, str]:
    task = (
        "steps:\n  - task: AzurePowerShell@3\n    inputs:\n      ScriptType: InlineScript\n      Inline: |\n"
    )
    return {"azure-pipelines.yml": task + _indented(script, 8)}


def _win_shell(script: str) -> dict[str, str]:
    return {
        "site.yml": "- hosts: all\n  tasks:\n    - name: acl\n      win_shell: |\n" + _indented(script, 8)
    }


CASES = {
    "azure pipelines, pipe": _azure_pipelines(PIPELINE),
    "azure pipelines, backtick": _azure_pipelines(BACKTICK),
    "win_shell, pipe": _win_shell(PIPELINE),
    "a .ps1 file": {"acl.ps1": PIPELINE},
}


@pytest.mark.parametrize("case", CASES)
def test_the_comment_covers_every_line_of_the_pipeline(tmp_path, monkeypatch, case):
    findings = lint_files(tmp_path, monkeypatch, CASES[case], "MIG201", "MIG006", dedent=False).findings
    assert not findings


SHELL = """\
- hosts: localhost
  tasks:
    - name: create
      shell: |
        # migcheck: ignore[MIG201] the rule goes with the service
        azure vm create shop img01 ops pw --location "West US" &&
          azure vm endpoint acl-rule create web01 http 100 permit 10.0.0.0/8
"""


def test_a_shell_command_continued_by_and_is_covered_whole(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": SHELL}, "MIG201", "MIG006", dedent=False)
    assert not result.findings
