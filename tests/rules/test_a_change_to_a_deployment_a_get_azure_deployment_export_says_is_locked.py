"""MIG602: a script that changes a cloud service (or the virtual network it is in) whose Get-AzureDeployment
export says `"Locked": true` was not told, though the same lock in a Resource Graph row
(`deploymentLocked`) was: the export's roles are of a kind it does not say (or web and worker roles), and
only VMs were looked at. A Prepare locks the whole deployment against any change until Commit or Abort,
whatever its roles are, so the change is now a warning that the deployment may be prepared, shown with the
line of the export that says it is locked; an unlocked deployment is no finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.model import Severity


def _deployment(locked: bool, sdk: str = "") -> str:
    context = {
        "ServiceName": "svc1",
        "Slot": "Production",
        "DeploymentName": "svc1",
        "VNetName": "vnet1",
        "Locked": locked,
        "SdkVersion": sdk,
        "RoleInstanceList": [{"RoleName": "vm1", "InstanceName": "vm1", "InstanceStatus": "ReadyRole"}],
    }
    return json.dumps(context, indent=1)


_POWERSHELL = 'Get-AzureVM -ServiceName "svc1" -Name "vm1" | Remove-AzureVMBGInfoExtension | Update-AzureVM\n'
_CLI = "azure vm start vm1 -d svc1\n"


def _locked_line(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if '"Locked"' in line)


@pytest.mark.parametrize(
    ("script", "text", "line"),
    [("update.ps1", _POWERSHELL, 1), ("start.sh", _CLI, 1)],
)
@pytest.mark.parametrize("sdk", ["", "2.9.6"], ids=["kind-not-said", "package"])
def test_a_change_to_a_locked_deployment_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, text: str, line: int, sdk: str
) -> None:
    export = _deployment(True, sdk)
    result = lint_files(tmp_path, monkeypatch, {"deployment.json": export, script: text}, "MIG602")
    [finding] = result.findings
    assert (finding.mark.path.rsplit("/", 1)[-1], finding.mark.line) == (script, line)
    assert finding.severity is Severity.WARNING
    assert (
        "an export says the deployment of role 'vm1' of cloud service 'svc1' is locked "
        f"(at deployment.json:{_locked_line(export)}): it may be prepared for migration" in finding.message
    )


def test_a_change_to_a_deployment_not_locked_is_no_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = {"deployment.json": _deployment(False), "update.ps1": _POWERSHELL}
    assert lint_files(tmp_path, monkeypatch, files, "MIG602").findings == []


def test_the_plan_names_where_the_export_says_the_deployment_is_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plan's note and verdict say an export says so, without a Resource Graph row's field name, which a
    Get-AzureDeployment export does not write."""
    from migcheck.cli import main

    export = _deployment(True)
    (tmp_path / "deployment.json").write_text(export, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    out = capsys.readouterr().out
    assert "may be prepared already: an export says its deployment is locked" in out
    assert f"is locked (role 'vm1' (deployment.json:{_locked_line(export)})): it may be prepared" in out
    assert "deploymentLocked" not in out
