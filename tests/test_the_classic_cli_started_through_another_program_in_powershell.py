"""A PowerShell script that starts the classic CLI through another program (`Start-Process azure.cmd
-ArgumentList ...`, `cmd /c azure ...`) uses it as one that runs `azure ...` itself: its command is a
classic call (MIG601) and what it creates is described. The argument list, a string or an array
Start-Process joins with blanks, is split as the CLI receives it on Windows (double quotes group, single
quotes do not); a word the script does not state, or that cmd.exe reads first, is left unknown."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Deployment, Script, ServiceRegion

STARTED = {
    "a string in a variable": (
        '$vmCreateArgs = "vm create svc1 img user Passw0rd! --location `"West US`" -r"\n'
        'Start-Process "azure.cmd" -ArgumentList $vmCreateArgs -NoNewWindow\n'
    ),
    "an array": 'Start-Process azure -ArgumentList "vm","create","svc1","img","user","pass","-l",\'"West US"\'\n',
    "an array in @()": (
        'Start-Process -FilePath "C:\\Program Files\\azure.cmd" -ArgumentList @("vm", "create", "svc1", "img",'
        ' "user", "pass", "-l", \'"West US"\') -Wait\n'
    ),
    "cmd /c with its words": 'cmd /c azure vm create svc1 img user pass --location "West US"\n',
    "cmd /c with one string": 'cmd.exe /c "azure vm create svc1 img user pass --location ""West US"""\n',
}


@pytest.mark.parametrize("how", sorted(STARTED))
def test_the_vm_the_started_cli_creates_is_described(how) -> None:
    resources = script_resources(STARTED[how], "deploy.ps1")
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert [call.name for call in script.calls] == ["azure vm create"]
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert (deployment.service_name, [role.name for role in deployment.roles]) == ("svc1", ["svc1"])
    assert [(r.service, r.location) for r in resources if isinstance(r, ServiceRegion)] == [
        ("svc1", "West US")
    ]


def test_the_started_cli_is_classic_automation(tmp_path, monkeypatch) -> None:
    files = {"deploy.ps1": STARTED["a string in a variable"]}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings
    assert "azure vm create" in finding.message


def test_a_word_the_script_does_not_state_or_single_quotes_are_not_known() -> None:
    script = (
        "param($Name)\nStart-Process azure.cmd -ArgumentList \"vm create $Name img user pass -l 'West US'\"\n"
    )
    resources = script_resources(script, "deploy.ps1")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert deployment.service_name.startswith("<DNS name, deploy.ps1:2")
    # `'West` and `US'` are what the CLI would get: no region is taken from them.
    assert [r for r in resources if isinstance(r, ServiceRegion)] == []


def test_another_program_started_is_no_classic_call() -> None:
    script = 'Start-Process notepad.exe -ArgumentList "vm create svc1"\ncmd /c dir vm create\n'
    resources = script_resources(script, "deploy.ps1")
    assert [r for r in resources if isinstance(r, (Script, Deployment))] == []
