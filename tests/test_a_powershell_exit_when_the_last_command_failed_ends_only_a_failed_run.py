"""MIG601 said the create of a deployment script that stops when a command fails (`Set-AzureSubscription …`
then `if ($? -ne $true) { exit 1 }`, a build server's usual guard) "fail[s] today whenever they run (they
may not: they run only on some paths …)": the reader took the guard's `exit` for one that may end the run
before the create. An `if` that tests only whether the last command failed (`$?` false, `$LASTEXITCODE` not
zero) and ends the path ends only a failed run, as `cd "$dir" || exit 1` does in a shell script: the create
after it runs whenever the script runs as meant, and fails today. A guard on anything else (a switch, a
parameter), or one that stops when the command succeeded, still leaves what follows a path that may not
run."""

from __future__ import annotations

import pytest
from lint_support import lint_files

_DEPLOY = """\
Import-AzurePublishSettingsFile $settingsFile
Set-AzureSubscription $subscriptionName -CurrentStorageAccount "contosostore"
{guard}
New-AzureDeployment -ServiceName "contoso-web" -Slot Staging -Package $package -Configuration $config
"""

FAILURE_GUARDS = [
    "if ($? -ne $true) { exit 1 }",
    "if (-not $?) { throw 'the subscription could not be selected' }",
    "if (!$?) {\n    Write-Error 'no subscription'\n    exit\n}",
    "if ($? -eq $false) { exit 2 }",
    "if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }",
]

OTHER_GUARDS = [
    "if ($?) { exit 0 }",  # stops the run that succeeded
    "if ($DryRun) { exit 0 }",
    "if ($? -ne $true -or $DryRun) { exit 1 }",
]


def _message(tmp_path, monkeypatch, guard: str) -> str:
    script = _DEPLOY.replace("{guard}", guard)
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG601")
    (finding,) = result.findings
    return finding.message


@pytest.mark.parametrize("guard", FAILURE_GUARDS)
def test_a_create_after_an_exit_on_failure_fails_today(tmp_path, monkeypatch, guard):
    message = _message(tmp_path, monkeypatch, guard)
    assert "(New-AzureDeployment) fail today, since" in message
    assert "whenever" not in message


@pytest.mark.parametrize("guard", OTHER_GUARDS)
def test_a_create_after_any_other_exit_fails_whenever_it_runs(tmp_path, monkeypatch, guard):
    message = _message(tmp_path, monkeypatch, guard)
    assert "fail today whenever they run (they may not: they run only on some paths" in message
