"""An estate whose export says its VMs are prepared already (Get-AzureVM's `VM.MigrationState`): the
platform has run Validate and Prepare, and what is left is Commit or Abort (walkthroughs), while every
change to it is refused (errors 2023: "... is in the process of being migrated and hence cannot be
changed"). The plan's step says so and drops Validate and Prepare; `check`'s readiness summary says so too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.inventory_model import ClassicVm
from migcheck.readers import read_document


def _export(state: object, network: str | None = "vnet1") -> str:
    vm = {
        "ServiceName": "svc1",
        "Name": "vm1",
        "DeploymentName": "svc1",
        "AvailabilitySetName": None,
        "InstanceStatus": "ReadyRole",
        "GuestAgentStatus": {"Status": "Ready"},
        "VM": {
            "RoleName": "vm1",
            "AvailabilitySetName": None,
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "SubnetNames": ["Sub1"] if network else [],
                    "InputEndpoints": [{"Name": "RDP", "LocalPort": 3389, "Port": 3389, "Protocol": "tcp"}],
                }
            ],
            "OSVirtualHardDisk": {
                "DiskName": "vm1-os",
                "MediaLink": "https://acct1.blob.core.windows.net/vhds/vm1.vhd",
            },
            "DataVirtualHardDisks": [],
            "ResourceExtensionReferences": [],
            "MigrationState": state,
        },
        "VirtualNetworkName": network,
    }
    return json.dumps([vm], indent=1)


def _state(state: object) -> tuple[str, int] | None:
    document = read_document("vms.json", _export(state).encode(), explicit=True)
    assert document is not None
    [vm] = [r for r in document.resources if isinstance(r, ClassicVm)]
    ref = vm.role.migration_state
    return None if ref is None else (ref.name, ref.mark.line)


def test_the_export_s_migration_state_is_kept_on_the_vm():
    assert _state("Prepared") == ("Prepared", 36)
    assert _state(None) is None
    assert _state("None") is None


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str) -> str:
    (tmp_path / "vms.json").write_text(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main([*args, "vms.json"])
    return capsys.readouterr().out


def _steps(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> list[dict]:
    plan = json.loads(_run(tmp_path, capsys, text, "plan", "--format", "json"))
    return plan["subscriptions"][0]["steps"]


def test_a_prepared_network_s_step_is_commit_or_abort(tmp_path, capsys):
    out = _run(tmp_path, capsys, _export("Prepared"), "plan")
    assert "1. Virtual network: vnet1 [wave 1] — prepared already: Commit or Abort next" in out
    assert (
        "note: The files say this step is prepared already (MigrationState: VM 'vm1' Prepared (vms.json:36))"
        in out
    )
    assert "is in the process of being migrated and hence cannot be changed" in out
    assert "Move-AzureVirtualNetwork -Validate" not in out
    assert "Move-AzureVirtualNetwork -Prepare" not in out
    assert "prepare-migration 'vnet1'" not in out
    assert "Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'vnet1'" in out
    assert "Move-AzureVirtualNetwork -Abort -VirtualNetworkName 'vnet1'" in out


def test_the_json_plan_gives_the_state_and_no_prepare(tmp_path, capsys):
    [network, _account] = _steps(tmp_path, capsys, _export("Prepared"))
    assert network["migration_state"] == "Prepared"
    powershell = network["commands"]["powershell"]
    assert powershell["validate"] == [
        "# prepared already (the files say MigrationState Prepared): no Validate or Prepare"
    ]
    assert powershell["prepare"] == []
    assert powershell["commit"] == ["Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'vnet1'"]


def test_a_vm_in_no_migration_keeps_every_step(tmp_path, capsys):
    [network, _account] = _steps(tmp_path, capsys, _export(None))
    assert "migration_state" not in network
    assert network["commands"]["powershell"]["prepare"] == [
        "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'vnet1'"
    ]


def test_a_prepared_cloud_service_outside_networks_is_commit_or_abort(tmp_path, capsys):
    [service, _account] = _steps(tmp_path, capsys, _export("Prepared", network=None))
    assert service["kind"] == "service"
    assert service["commands"]["powershell"]["prepare"] == []
    assert service["commands"]["cli"]["prepare"] == []
    assert service["commands"]["powershell"]["commit"] == [
        "Move-AzureService -Commit -ServiceName 'svc1' -DeploymentName 'svc1'"
    ]


def test_a_state_the_documents_do_not_describe_keeps_the_commands_and_says_to_look(tmp_path, capsys):
    out = _run(tmp_path, capsys, _export("Preparing"), "plan")
    assert "— migration under way (MigrationState Preparing)" in out
    assert "has started (MigrationState: VM 'vm1' Preparing (vms.json:36)), in a state the documents" in out
    assert "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'vnet1'" in out


def test_check_s_readiness_summary_says_prepared_already(tmp_path, capsys):
    out = _run(tmp_path, capsys, _export("Prepared"), "check")
    assert "Validation passed (prepared already: Commit or Abort next)" in out
    assert "prepared already" not in _run(tmp_path, capsys, _export(None), "check")
