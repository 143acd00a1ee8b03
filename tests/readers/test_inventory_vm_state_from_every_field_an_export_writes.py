"""A classic VM's runtime state in every export shape that can state it: a Resource Graph row's
`instanceView.status`, else its `instanceView.powerState`; a `Get-AzureVM | ConvertTo-Json` context's
`InstanceStatus`, else `Status`, else `PowerState`. The instance status comes first where both are written
(`StoppedDeallocated` says more than `Stopped`); the power state alone still says that a VM is stopped or
on its way somewhere, which MIG105, MIG208 and the plan then say of it, rather than taking it as running."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.inventory_model import ClassicVm
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
VMS = f"/subscriptions/{SUB}/resourceGroups/batch/providers/Microsoft.ClassicCompute/virtualMachines"


def _properties(view: dict) -> dict:
    """A VM of cloud service `batch` in no virtual network, with an RDP endpoint, in the state `view` says."""
    return {
        "domainName": {"name": "batch"},
        "hardwareProfile": {"size": "Small", "deploymentName": "batch", "availabilitySet": ""},
        "networkProfile": {
            "inputEndpoints": [
                {"endpointName": "RDP", "privatePort": 3389, "publicPort": 50001, "protocol": "tcp"}
            ]
        },
        "instanceView": view,
    }


def _row(name: str, view: dict) -> dict:
    """A Resource Graph row of the VM."""
    return {
        "id": f"{VMS}/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": _properties(view),
    }


def _graph(*rows: dict) -> str:
    return json.dumps({"count": len(rows), "data": list(rows), "skip_token": None}, indent=2)


def _get_az_resource(name: str, view: dict) -> dict:
    """The VM as `Get-AzResource -ExpandProperties | ConvertTo-Json` writes it: PascalCase keys, the
    resource type as the provider spells it."""
    properties = _properties({k[0].upper() + k[1:]: v for k, v in view.items()})
    return {
        "Name": name,
        "ResourceGroupName": "batch",
        "ResourceType": "Microsoft.ClassicCompute/virtualMachines",
        "ResourceId": f"{VMS}/{name}",
        "Properties": properties,
    }


def _flattened(name: str, view: dict) -> dict:
    """A row that writes the VM's properties at its top (`| project id, name, type, domainName=...`)."""
    return {"id": f"{VMS}/{name}", "name": name, "type": "microsoft.classiccompute/virtualmachines"} | (
        _properties(view)
    )


def _context(name: str, **state: str | None) -> dict:
    """A `PersistentVMRoleContext` of VM `name` of cloud service `batch`, its state fields as given (each
    written, null unless given, as ConvertTo-Json writes every property)."""
    return {
        "DeploymentName": "batch",
        "Name": name,
        "VM": {"RoleName": name, "RoleType": "PersistentVMRole", "ConfigurationSets": []},
        "InstanceStatus": state.get("InstanceStatus"),
        "PowerState": state.get("PowerState"),
        "Status": state.get("Status"),
        "GuestAgentStatus": None,
        "ResourceExtensionStatusList": None,
        "VirtualNetworkName": None,
        "ServiceName": "batch",
    }


def _states(path: str, text: str) -> list[str]:
    document = read_document(path, text.encode(), explicit=True)
    assert document is not None and document.problem is None
    vms = [r for r in document.resources if isinstance(r, ClassicVm)]
    return [vm.instance.status if vm.instance else "" for vm in vms]


def test_a_resource_graph_row_that_writes_only_the_power_state_states_it():
    text = _graph(_row("batch01", {"powerState": "Stopped"}), _row("batch02", {"powerState": "Started"}))
    assert _states("inventory/classic.json", text) == ["Stopped", "Started"]


def test_the_instance_status_comes_before_the_power_state():
    text = _graph(_row("batch01", {"status": "StoppedDeallocated", "powerState": "Stopped"}))
    assert _states("inventory/classic.json", text) == ["StoppedDeallocated"]


def test_get_az_resource_and_a_row_with_its_properties_at_its_top_state_it_alike():
    listed = json.dumps([_get_az_resource("batch01", {"powerState": "Stopped"})])
    flattened = json.dumps([_flattened("batch01", {"powerState": "Stopped"})])
    assert _states("inventory/resources.json", listed) == ["Stopped"]
    assert _states("inventory/flat.json", flattened) == ["Stopped"]


def test_a_get_azure_vm_context_states_its_instance_status_then_status_then_power_state():
    contexts = [
        _context("batch01", InstanceStatus="StoppedVM", Status="StoppedVM", PowerState="Stopped"),
        _context("batch02", Status="StoppedDeallocated", PowerState="Stopped"),
        _context("batch03", PowerState="Stopped"),
        _context("batch04"),
    ]
    assert _states("inventory/vms.json", json.dumps(contexts, indent=4)) == [
        "StoppedVM",
        "StoppedDeallocated",
        "Stopped",
        "",
    ]


def test_mig105_does_not_say_a_vm_stopped_by_its_power_state_is_restarted(tmp_path, monkeypatch):
    text = _graph(_row("batch01", {"powerState": "Stopped"}), _row("batch02", {"powerState": "Started"}))
    [finding] = lint_files(tmp_path, monkeypatch, {"inventory/classic.json": text}, "MIG105").findings
    assert (
        "stops, deallocates and restarts 'batch02'; deallocates 'batch01', stopped, without starting it;"
        in (finding.message)
    )


def test_the_plan_says_the_same_of_a_get_azure_vm_export_that_writes_only_the_power_state(plan_of):
    contexts = [_context("batch01", PowerState="Stopped"), _context("batch02", PowerState="Started")]
    plan = plan_of({"inventory/vms.json": json.dumps(contexts, indent=4)})
    [step] = [s for s in plan.steps if s.id.startswith("service:")]
    assert step.downtime.startswith(
        "'batch02' is stopped, deallocated and started again during Prepare; 'batch01', stopped, is "
        "deallocated during Prepare and not started"
    )


def test_a_power_state_validate_refuses_is_reported_at_its_value(tmp_path, monkeypatch):
    text = _graph(_row("batch01", {"powerState": "Unknown"}), _row("batch02", {"powerState": "Starting"}))
    findings = lint_files(tmp_path, monkeypatch, {"inventory/classic.json": text}, "MIG208").findings
    lines = text.splitlines()
    assert [(f.message, lines[f.location.line - 1].strip()) for f in findings if f.location] == [
        (
            "VM 'batch01' of cloud service 'batch' is in state Unknown: the platform migrates VMs only when "
            "running, stopped or stopped (deallocated)",
            '"powerState": "Unknown"',
        ),
        (
            "VM 'batch02' of cloud service 'batch' is in state Starting: the platform migrates VMs only when "
            "running, stopped or stopped (deallocated)",
            '"powerState": "Starting"',
        ),
    ]


def test_a_vm_the_instance_status_shows_stopped_is_not_read_by_its_power_state(tmp_path, monkeypatch):
    text = _graph(_row("batch01", {"status": "StoppedDeallocated", "powerState": "Unknown"}))
    assert lint_files(tmp_path, monkeypatch, {"inventory/classic.json": text}, "MIG208").findings == []
