"""A Resource Graph row of a classic VM whose `properties.hardwareProfile.deploymentLocked` is true: the VM's
deployment is locked. The field's name is the one classic compute GETs write; what it means is not
documented for them. It mirrors the Service Management deployment's `Locked` ("locked because an existing
operation is updating the deployment"), and a Prepare locks what it prepares until Commit or Abort. So the
plan and MIG602 say the deployment may be prepared already, or held by another operation, and to find which
before running anything: the plan keeps its Validate and Prepare (not known to be done), and a script's
change to the service or its network is a MIG602 warning, as for a VM an export says is prepared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.cli import main
from migcheck.model import Severity


def _row(locked: object) -> str:
    """One VM's row of `az graph query`, in virtual network vnet1."""
    hardware = {"size": "Small", "deploymentName": "svc1", "platformGuestAgent": True}
    if locked is not None:
        hardware["deploymentLocked"] = locked
    row = {
        "id": "/subscriptions/s1/resourceGroups/svc1/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.classiccompute/virtualmachines",
        "location": "westeurope",
        "subscriptionId": "s1",
        "properties": {
            "domainName": {"name": "svc1"},
            "hardwareProfile": hardware,
            "networkProfile": {
                "inputEndpoints": [],
                "virtualNetwork": {
                    "id": "/subscriptions/s1/resourceGroups/Default-Networking/providers/"
                    "Microsoft.ClassicNetwork/virtualNetworks/vnet1",
                    "name": "vnet1",
                    "subnetNames": ["Sub1"],
                },
            },
            "storageProfile": {"operatingSystemDisk": {"diskName": "vm1-os"}, "dataDisks": []},
            "instanceView": {"status": "ReadyRole", "powerState": "Started"},
            "extensions": [],
        },
    }
    return json.dumps({"count": 1, "data": [row], "skip_token": None, "total_records": 1}, indent=1)


def _plan(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str) -> str:
    (tmp_path / "vms.json").write_text(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["plan", *args, "vms.json"])
    return capsys.readouterr().out


def _locked_line() -> int:
    return next(n for n, line in enumerate(_row(True).splitlines(), 1) if '"deploymentLocked"' in line)


def test_the_plan_says_the_step_may_be_prepared_and_keeps_its_prepare(tmp_path, capsys):
    out = _plan(tmp_path, capsys, _row(True))
    assert (
        "Virtual network: vnet1 [wave 1] — may be prepared already: an export says its deployment is locked"
        in out
    )
    assert (
        f"An export says the deployment of this step's VMs is locked (VM 'vm1' "
        f"(vms.json:{_locked_line()})): it may be prepared for migration already" in out
    )
    assert "or another operation may be updating it; the export does not say which" in out
    assert "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'vnet1'" in out


@pytest.mark.parametrize("locked", [False, None])
def test_a_deployment_not_locked_or_not_said_is_in_no_migration(tmp_path, capsys, locked):
    out = _plan(tmp_path, capsys, _row(locked))
    assert "may be prepared" not in out and "deploymentLocked" not in out
    [network, *_] = json.loads(_plan(tmp_path, capsys, _row(locked), "--format", "json"))["subscriptions"][0][
        "steps"
    ]
    assert "migration_state" not in network


def test_a_script_that_changes_the_locked_service_is_warned(tmp_path, monkeypatch):
    script = 'Get-AzureVM -ServiceName "svc1" -Name "vm1" | Remove-AzureVMBGInfoExtension | Update-AzureVM\n'
    result = lint_files(tmp_path, monkeypatch, {"vms.json": _row(True), "update.ps1": script}, "MIG602")
    [finding] = result.findings
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "update.ps1: Update-AzureVM changes cloud service 'svc1', but an export says the deployment of VM "
        f"'vm1' of cloud service 'svc1' is locked (at vms.json:{_locked_line()}): it "
        "may be prepared for migration, which locks it against any change until Commit or Abort, or another "
        "operation may be updating it; while it is locked, the platform refuses the call"
    )
    assert "Find why it is locked first" in (finding.fix or "")
