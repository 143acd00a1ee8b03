"""Environment variables are the process's: one a PowerShell script sets (`$env:SVC = 'web'`, `Set-Item
env:SVC web`, `[Environment]::SetEnvironmentVariable('SVC', 'web')`) is what every later read of it gives, in
the script's code and in its functions alike; one it never sets is a value the files do not state. A CI
pipeline's PowerShell step sees the variables its `env:` sets."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SETTERS = {
    "assigned": "$env:SVC = 'websvc'",
    "braced": "${env:SVC} = 'websvc'",
    "set-item": "Set-Item env:SVC websvc",
    "set-content": "Set-Content -Path Env:\\SVC -Value websvc",
    "dotnet": "[Environment]::SetEnvironmentVariable('SVC', 'websvc')",
    "dotnet process": "[System.Environment]::SetEnvironmentVariable('SVC', 'websvc', 'Process')",
    "dotnet process enum": (
        "[Environment]::SetEnvironmentVariable('SVC', 'websvc', [System.EnvironmentVariableTarget]::Process)"
    ),
}


def _services(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    return sorted(
        r.service for d in result.documents for r in d.resources if type(r).__name__ == "ServiceRegion"
    )


@pytest.mark.parametrize("name", sorted(SETTERS))
def test_a_service_named_by_an_environment_variable_the_script_set_is_that_service(
    tmp_path, monkeypatch, name
):
    script = f"{SETTERS[name]}\nNew-AzureService -ServiceName $env:SVC -Location 'West US'\n"
    assert _services(tmp_path, monkeypatch, {"deploy.ps1": script}) == ["websvc"]


def test_a_function_reads_the_variable_the_script_set_and_the_script_reads_what_a_function_set(
    tmp_path, monkeypatch
):
    script = """\
        function Set-Names { $env:API = 'apisvc' }
        function New-Web { New-AzureService -ServiceName ${env:WEB} -Location 'West US' }
        $env:WEB = 'websvc'
        New-Web
        Set-Names
        New-AzureService -ServiceName ([Environment]::GetEnvironmentVariable('API')) -Location 'West US'
        """
    assert _services(tmp_path, monkeypatch, {"deploy.ps1": script}) == ["apisvc", "websvc"]


def test_a_variable_set_for_the_user_only_or_never_set_is_not_stated(tmp_path, monkeypatch):
    script = """\
        [Environment]::SetEnvironmentVariable('SVC', 'usersvc', 'User')
        New-AzureService -ServiceName $env:SVC -Location 'West US'
        New-AzureService -ServiceName $env:OTHER -Location 'West US'
        """
    services = _services(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert len(services) == 2 and not any("usersvc" in s or s == "other" for s in services)


@pytest.mark.parametrize(
    "target", ["[EnvironmentVariableTarget]::User", "[System.EnvironmentVariableTarget]::Machine"]
)
def test_a_variable_set_for_the_user_or_the_machine_by_the_enum_is_not_stated(tmp_path, monkeypatch, target):
    script = f"""\
        [Environment]::SetEnvironmentVariable('SVC', 'usersvc', {target})
        New-AzureService -ServiceName $env:SVC -Location 'West US'
        """
    services = _services(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert len(services) == 1 and "usersvc" not in services[0]


def test_the_environment_variable_is_not_the_variable_of_its_name(tmp_path, monkeypatch):
    script = """\
        $SVC = 'plainsvc'
        $env:SVC = 'envsvc'
        New-AzureService -ServiceName $SVC -Location 'West US'
        """
    assert _services(tmp_path, monkeypatch, {"deploy.ps1": script}) == ["plainsvc"]


def test_a_pipeline_s_powershell_step_sees_its_env(tmp_path, monkeypatch):
    workflow = """\
        jobs:
          d:
            runs-on: windows-latest
            steps:
              - env:
                  SVC: envsvc
                shell: pwsh
                run: New-AzureService -ServiceName $env:SVC -Location 'West US'
        """
    assert _services(tmp_path, monkeypatch, {".github/workflows/d.yml": workflow}) == ["envsvc"]


@pytest.mark.parametrize(
    "runner",
    [
        "Start-Job -ScriptBlock { $env:SVC = 'jobsvc' } | Wait-Job",
        "Start-Job { $env:SVC = 'jobsvc' } | Receive-Job -Wait",
        "Invoke-Command -ComputerName web01 -ScriptBlock { $env:SVC = 'jobsvc' } -ArgumentList 1",
    ],
)
def test_a_job_or_remote_session_sets_its_own_process_s_variable_not_the_script_s(
    tmp_path, monkeypatch, runner
):
    script = f"""\
        $env:SVC = 'mainsvc'
        {runner}
        New-AzureService -ServiceName $env:SVC -Location 'West US'
        """
    assert _services(tmp_path, monkeypatch, {"deploy.ps1": script}) == ["mainsvc"]


@pytest.mark.parametrize(
    "runner",
    [
        "Start-ThreadJob -ScriptBlock { $env:SVC = 'jobsvc' } | Wait-Job",
        "Invoke-Command -ScriptBlock { $env:SVC = 'jobsvc' } -ArgumentList 1",
    ],
)
def test_a_thread_job_or_a_block_run_here_sets_the_script_s_process_variable(tmp_path, monkeypatch, runner):
    script = f"""\
        $env:SVC = 'mainsvc'
        {runner}
        New-AzureService -ServiceName $env:SVC -Location 'West US'
        """
    assert _services(tmp_path, monkeypatch, {"deploy.ps1": script}) == ["jobsvc"]
