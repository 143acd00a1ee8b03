"""A VM a script creates from a file the files checked lack (PowerShell's `Import-AzureVM -Path
exports/app01.xml | New-AzureVM`, the classic CLI's `azure vm create-from legacy exports/app01.json`) may
have endpoints, subnets, an availability set or extensions that block its migration: nothing the files
show does, but the plan's step is "not decided" in every format (never ready), the readiness summary says
"Not decided" and the badge never reads "ready". With that file beside the script, its VM is the file's
and the step is decided as before."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli as run
from test_estate_vm_imported_from_an_export_file import NETWORK, _export

SCRIPTS = {
    "import.ps1": 'Import-AzureVM -Path "c:\\temp\\sftp01.xml" | New-AzureVM -ServiceName "sftp-svc" -VNetName "Shared-VNet"\n',
    "create.sh": "azure config mode asm\nazure vm create-from sftp-svc exports/sftp01.json -w Shared-VNet -l 'West Europe'\n",
}
UNDECIDED = "not decided: the file a VM is created from is not in the files"


def _run(tmp_path, monkeypatch, capsys, script: str, *args: str) -> str:
    (tmp_path / "network.netcfg").write_text(NETWORK, encoding="utf-8")
    (tmp_path / script).write_text(SCRIPTS[script], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run(capsys, *args)[1]


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_step_of_the_network_is_not_decided_in_text_and_markdown(tmp_path, monkeypatch, capsys, script):
    text = _run(tmp_path, monkeypatch, capsys, script, "plan", ".")
    [step] = [line for line in text.splitlines() if line.startswith("1. Virtual network: Shared-VNet")]
    assert step.endswith(f"NOT READY ({UNDECIDED})")
    markdown = _run(tmp_path, monkeypatch, capsys, script, "plan", ".", "--format", "markdown")
    assert f"⛔ not ready ({UNDECIDED})" in markdown


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_json_step_is_not_ready_and_says_why(tmp_path, monkeypatch, capsys, script):
    data = json.loads(_run(tmp_path, monkeypatch, capsys, script, "plan", ".", "--format", "json"))
    [step] = [s for sub in data["subscriptions"] for s in sub["steps"] if s["id"] == "network:Shared-VNet"]
    assert step["ready"] is False
    assert step["unseen_export"] is True
    assert any("which is not among the files checked" in note for note in step["notes"])


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_summary_and_the_badge_do_not_say_all_clear(tmp_path, monkeypatch, capsys, script):
    out = _run(tmp_path, monkeypatch, capsys, script, "check", ".")
    [row] = [line for line in out.splitlines() if line.lstrip().startswith("Shared-VNet")]
    assert row.endswith("Not decided: the service may have VMs the files do not describe")
    badge = _run(tmp_path, monkeypatch, capsys, script, "badge", ".")
    assert "1 service not decided" in badge and "migration: ready" not in badge


def test_with_the_export_beside_the_script_the_step_is_decided(tmp_path, monkeypatch, capsys):
    (tmp_path / "sftp01.xml").write_text(_export("sftp01", subnet="Web"), encoding="utf-8")
    data = json.loads(_run(tmp_path, monkeypatch, capsys, "import.ps1", "plan", ".", "--format", "json"))
    [step] = [s for sub in data["subscriptions"] for s in sub["steps"] if s["id"] == "network:Shared-VNet"]
    assert "unseen_export" not in step


def test_only_the_deployment_that_holds_the_vm_is_not_decided(tmp_path, monkeypatch, capsys):
    (tmp_path / "legacy.xml").write_text(
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>legacy</ServiceName>'
        "<Deployments><Deployment><Name>legacy-prod</Name><DeploymentSlot>Production</DeploymentSlot>"
        "<RoleList><Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>"
        "</Deployment></Deployments></HostedService>\n",
        encoding="utf-8",
    )
    (tmp_path / "restore.ps1").write_text(
        'Import-AzureVM -Path "exports/app01.xml" | New-AzureVM -ServiceName "legacy" -Location "West Europe" '
        '-DeploymentName "legacy-staging"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    data = json.loads(run(capsys, "plan", ".", "--format", "json")[1])
    steps = {s["name"]: s for sub in data["subscriptions"] for s in sub["steps"]}
    production, staging = steps["legacy/legacy-prod"], steps["legacy/legacy-staging"]
    assert production["ready"] is True and "unseen_export" not in production
    assert not any("Export-AzureVM file 'app01.xml'" in note for note in production["notes"])
    assert staging["ready"] is False and staging["unseen_export"] is True
    assert any("Export-AzureVM file 'app01.xml'" in note for note in staging["notes"])
