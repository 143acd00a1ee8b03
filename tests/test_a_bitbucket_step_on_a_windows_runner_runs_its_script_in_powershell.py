"""A Bitbucket Pipelines step on a Windows runner (`runs-on: [self.hosted, windows]`) runs its `script:` in
PowerShell, as a GitLab CI job on a Windows runner does: a classic cmdlet there is read (the cloud service
`New-AzureService` creates, MIG601 for the classic module), where the lines were read as bash's and said
nothing; on a Linux runner, the same lines are not PowerShell's."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import ServiceRegion

PIPELINE = """\
pipelines:
  default:
    - step:
        runs-on:
          - self.hosted
          - {system}
        script:
          - New-AzureService -ServiceName winsvc -Location "West US"
"""


def _services(tmp_path, monkeypatch, system: str) -> list[str]:
    files = {"bitbucket-pipelines.yml": PIPELINE.format(system=system)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [r.service for d in result.documents for r in d.resources if isinstance(r, ServiceRegion)]


def test_the_script_of_a_step_on_a_windows_runner_is_powershell(tmp_path, monkeypatch):
    assert _services(tmp_path, monkeypatch, "windows") == ["winsvc"]


def test_the_script_of_a_step_on_a_linux_runner_is_not(tmp_path, monkeypatch):
    assert _services(tmp_path, monkeypatch, "linux") == []
