"""A backtick just before a parameter's dash (`Move-AzureService -Prepare -ServiceName $s `-DeploymentName
$d`) escapes the dash: PowerShell's tokenizer then reads a bare word, a value the cmdlet is given by
position, not the parameter, and the call does not run as its author meant. The grammar could not read the
word at all: the rest of the command was an unread part, "findings may be missing". It is now read as
PowerShell reads it, and each report says the slip at the backtick, and to remove it, as it says a shell
line's lost continuation. After a parameter that takes a value (`-Name `-vm1`) the word is that value,
which starts with a dash, as its author meant: nothing is said. Of a command that is not classic the reader
cannot tell which its author meant, and says nothing either. A classic cmdlet given such a word refuses the
call: it has no parameter left to take the word by position. So a migration step is not taken (no plan counts
a Prepare that never ran) and a VM or storage account is not created (no finding about a VM the call never
made); the slip is still said where it is written."""

from __future__ import annotations

import json

from lint_support import run_cli, script_resources, unread_marks

from migcheck.model import Deployment, Script, StorageAccountType

SLIP = """\
param($services, $deployment)
foreach ($service in $services) {
    Move-AzureService -Prepare -ServiceName $service `-DeploymentName $deployment.DeploymentName -CreateNewVirtualNetwork
}
"""
SAID = (
    "the backtick before `-DeploymentName` escapes its dash, so PowerShell gives the command the string "
    '"-DeploymentName" as a value, by position, not the parameter -DeploymentName: the call does not run as '
    "written; remove the backtick"
)


def _check(capsys, tmp_path, monkeypatch, text: str, *options: str) -> str:
    (tmp_path / "migrate.ps1").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "migrate.ps1", *options)
    return out


def test_check_says_the_slip_and_no_unread_part(capsys, tmp_path, monkeypatch) -> None:
    out = _check(capsys, tmp_path, monkeypatch, SLIP)
    assert f"Not read as written: migrate.ps1:3:54: {SAID}.\n" in out
    assert "parser cannot read" not in out


def test_the_json_report_and_sarif_name_it_escaped_parameter(capsys, tmp_path, monkeypatch) -> None:
    reported = json.loads(_check(capsys, tmp_path, monkeypatch, SLIP, "--format", "report-json"))[
        "unread_parts"
    ]
    assert reported == [{"path": "migrate.ps1", "line": 3, "column": 54, "why": "escaped-parameter"}]
    sarif = json.loads(_check(capsys, tmp_path, monkeypatch, SLIP, "--format", "sarif"))
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["properties"] == {"why": "escaped-parameter"}
    assert note["message"]["text"].startswith(SAID)


def test_a_vm_given_an_escaped_parameter_is_not_created() -> None:
    text = (
        "New-AzureQuickVM -Windows -ServiceName svc9 -Name vm1 -ImageName img `-Password p -VNetName appnet\n"
    )
    resources = script_resources(text, "deploy.ps1")
    assert [r for r in resources if isinstance(r, Deployment)] == []
    assert unread_marks(resources) == [(1, 70)]
    written = script_resources(text.replace("`-", "-"), "deploy.ps1")
    (deployment,) = [r for r in written if isinstance(r, Deployment)]
    assert [role.name for role in deployment.roles] == ["vm1"]


def test_a_storage_account_given_an_escaped_parameter_is_not_created() -> None:
    text = 'New-AzureStorageAccount -StorageAccountName shopdisks `-Location "West US"\n'
    resources = script_resources(text, "deploy.ps1")
    assert [r for r in resources if isinstance(r, StorageAccountType)] == []
    assert unread_marks(resources) == [(1, 55)]
    written = script_resources(text.replace("`-", "-"), "deploy.ps1")
    assert [r.name for r in written if isinstance(r, StorageAccountType)] == ["shopdisks"]


def test_a_value_that_starts_with_a_dash_is_the_parameter_s_value() -> None:
    text = 'New-AzureQuickVM -Windows -ServiceName svc9 -Name `-vm1 -ImageName img -Password p -Location "West US"\n'
    resources = script_resources(text, "deploy.ps1")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert [role.name for role in deployment.roles] == ["-vm1"]
    assert unread_marks(resources) == []


def test_an_escaped_dash_given_to_a_command_that_is_not_classic_is_said_nowhere(
    capsys, tmp_path, monkeypatch
) -> None:
    text = 'New-AzureService -ServiceName svc9 -Location "West US"\nWrite-Host "moving" `-NoNewline\n'
    out = _check(capsys, tmp_path, monkeypatch, text)
    assert "Not read" not in out


def _steps(text: str) -> list[tuple[str, str]]:
    resources = script_resources(text, "migrate.ps1")
    return [(step.step, step.target) for r in resources if isinstance(r, Script) for step in r.migration]


def test_a_migration_step_given_an_escaped_parameter_is_not_taken() -> None:
    text = "Move-AzureService -Prepare -ServiceName shop `-DeploymentName prod -CreateNewVirtualNetwork\n"
    assert _steps(text) == []
    assert unread_marks(script_resources(text, "migrate.ps1")) == [(1, 46)]
    assert _steps(text.replace("`-", "-")) == [("prepare", "shop")]
