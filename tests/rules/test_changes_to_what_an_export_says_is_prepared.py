"""MIG602: a script that changes a cloud service (or the virtual network it is in) whose VM an export says is
prepared already (Get-AzureVM's `VM.MigrationState` Prepared): the platform refuses the change until Commit or
Abort (errors 2023), whoever ran the Prepare. A warning, since the export is a snapshot."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.model import Severity

_folders = itertools.count()


def _export(state: object, network: str | None = "vnet1") -> str:
    vm = {
        "ServiceName": "svc1",
        "Name": "vm1",
        "DeploymentName": "svc1",
        "AvailabilitySetName": None,
        "InstanceStatus": "ReadyRole",
        "VM": {
            "RoleName": "vm1",
            "AvailabilitySetName": None,
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "SubnetNames": ["Sub1"] if network else [],
                }
            ],
            "OSVirtualHardDisk": {
                "DiskName": "vm1-os",
                "MediaLink": "https://acct1.blob.core.windows.net/vhds/vm1.vhd",
            },
            "DataVirtualHardDisks": [],
            "MigrationState": state,
        },
        "VirtualNetworkName": network,
    }
    return json.dumps([vm], indent=1)


def _found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> list[tuple[str, int, Severity, str, str]]:
    """(file, line, severity, message, fix) of the MIG602 findings of some files, in a folder of their own."""
    folder = tmp_path / f"case{next(_folders)}"
    folder.mkdir()
    result = lint_files(folder, monkeypatch, files, "MIG602")
    return [
        (Path(f.location.path).name, f.location.line, f.severity, f.message, f.fix)
        for f in result.findings
        if f.location
    ]


_POWERSHELL = 'Get-AzureVM -ServiceName "svc1" -Name "vm1" | Remove-AzureVMBGInfoExtension | Update-AzureVM\n'
_PYTHON = (
    "from azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService('sub', 'cert.pem')\n"
    "sms.shutdown_role('svc1', 'svc1', 'vm1')\n"
)


@pytest.mark.parametrize(
    ("script", "text", "call", "line"),
    [("update.ps1", _POWERSHELL, "Update-AzureVM", 1), ("update.py", _PYTHON, "shutdown_role", 3)],
)
def test_a_change_to_a_service_an_export_says_is_prepared_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, text: str, call: str, line: int
) -> None:
    found = _found(tmp_path, monkeypatch, {"vms.json": _export("Prepared"), script: text})
    assert [(name, at, severity) for name, at, severity, _, _ in found] == [(script, line, Severity.WARNING)]
    message, fix = found[0][3], found[0][4]
    assert (
        f"{call} changes cloud service 'svc1', but an export says VM 'vm1' of cloud service 'svc1'" in message
    )
    assert "(MigrationState Prepared at vms.json:" in message
    assert "is in the process of being migrated and hence cannot be changed" in message
    assert "Management operations on VM are disallowed because migration is in progress" in message
    assert fix.startswith("Commit or Abort the migration first")
    assert "in Resource Manager" in fix


@pytest.mark.parametrize("state", [None, "None"])
def test_a_vm_the_export_does_not_say_is_prepared_gives_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: object
) -> None:
    for script, text in (("update.ps1", _POWERSHELL), ("update.py", _PYTHON)):
        assert _found(tmp_path, monkeypatch, {"vms.json": _export(state), script: text}) == []


def test_a_change_of_another_service_gives_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _POWERSHELL.replace('"svc1"', '"other"')
    assert _found(tmp_path, monkeypatch, {"vms.json": _export("Prepared"), "update.ps1": text}) == []


def test_a_change_after_the_script_s_own_commit_is_not_said_to_meet_the_exported_prepare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "vnet1"\n' + _POWERSHELL
    found = _found(tmp_path, monkeypatch, {"vms.json": _export("Prepared"), "update.ps1": text})
    # It fails for another reason: after the Commit, the service is no longer classic.
    assert found and all("the Commit completed" in message for _, _, _, message, _ in found)


def test_a_network_configuration_upload_while_a_network_is_prepared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'Set-AzureVNetConfig -ConfigurationPath "net.xml"\n'
    found = _found(tmp_path, monkeypatch, {"vms.json": _export("Prepared"), "net.ps1": text})
    assert [(name, severity) for name, _, severity, _, _ in found] == [("net.ps1", Severity.WARNING)]
    assert "Set-AzureVNetConfig changes the network configuration of the subscription" in found[0][3]


def test_a_change_the_script_s_own_prepare_locks_is_told_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        'Move-AzureService -Validate -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork\n'
        'Move-AzureService -Prepare -ServiceName "svc1" -DeploymentName "svc1" -CreateNewVirtualNetwork\n'
        + _POWERSHELL
        + 'Move-AzureService -Commit -ServiceName "svc1" -DeploymentName "svc1"\n'
    )
    found = _found(tmp_path, monkeypatch, {"vms.json": _export("Prepared", None), "migrate.ps1": text})
    assert [(line, severity) for _, line, severity, _, _ in found if line == 3] == [(3, Severity.ERROR)]


def test_changes_after_many_commits_of_other_services_cost_time_linear_in_the_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every change was once weighed against every Commit before it: commits of other services, none of
    # which ends the export's Prepare, made each change look through all of them.
    from growth import assert_linear

    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.plugins import load_rules

    rules = load_rules(entry_points=False)

    def make(n: int):
        folder = tmp_path / f"growth{n}"
        folder.mkdir()
        commits = "".join(
            f'Move-AzureService -Commit -ServiceName "other{i}" -DeploymentName "d"\n' for i in range(n)
        )
        (folder / "vms.json").write_text(_export("Prepared"), encoding="utf-8")
        (folder / "runbook.ps1").write_text(commits + _POWERSHELL * n, encoding="utf-8")

        def work():
            monkeypatch.chdir(folder)
            assert lint(["."], Config(select=("MIG602",)), rules).findings

        return work

    assert_linear(make, 1500)
