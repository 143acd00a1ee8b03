"""A reserved IP whose export row writes neither `attachedTo` nor `inUse` (a projection of its address, a
body trimmed by hand) names no cloud service without saying that nothing uses it: whether it is attached is
unknown, in every shape that writes a reserved IP (a Resource Graph page, a list call's `{"value": [...]}`,
`Get-AzResource -ExpandProperties`, a row that writes its properties at its top). The plan moves it on its
own only "if nothing uses it", and says how to check; a row that writes `inUse` false is free."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.inventory_model import ClassicReservedIp
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
IPS = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/reservedIps"
UNSAID = {"ipAddress": "40.1.1.1", "status": "Created", "provisioningState": "Succeeded"}


def _row(name: str, properties: dict) -> dict:
    return {
        "id": f"{IPS}/{name}",
        "name": name,
        "type": "microsoft.classicnetwork/reservedips",
        "subscriptionId": SUB,
        "properties": properties,
    }


def _graph(*rows: dict) -> str:
    return json.dumps({"count": len(rows), "data": list(rows), "skip_token": None}, indent=2)


def _ips(text: str) -> list[ClassicReservedIp]:
    document = read_document("inventory/classic.json", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, ClassicReservedIp)]


def test_a_row_that_writes_neither_attached_to_nor_in_use_leaves_its_use_unknown():
    rows = [
        _row("unsaid", UNSAID),
        _row("null-attachment", {"ipAddress": "40.1.1.2", "attachedTo": None}),
        _row("free", {"ipAddress": "40.1.1.3", "inUse": False}),
        _row("in-use", {"ipAddress": "40.1.1.4", "inUse": True}),
    ]
    ips = _ips(_graph(*rows))
    assert [(ip.name, ip.use_known, ip.attachment_unknown) for ip in ips] == [
        ("unsaid", False, True),
        ("null-attachment", False, True),
        ("free", True, False),
        ("in-use", True, True),
    ]


def test_every_shape_of_a_row_leaves_it_unknown_alike():
    listed = json.dumps({"value": [_row("unsaid", UNSAID)]})
    expanded = json.dumps(
        [
            {
                "Name": "unsaid",
                "ResourceType": "Microsoft.ClassicNetwork/ReservedIps",
                "ResourceId": f"{IPS}/unsaid",
                "Properties": {"IpAddress": "40.1.1.1", "Status": "Created"},
            }
        ]
    )
    flattened = json.dumps(
        [{"id": f"{IPS}/unsaid", "name": "unsaid", "type": "microsoft.classicnetwork/reservedips", **UNSAID}]
    )
    for text in (listed, expanded, flattened):
        [ip] = _ips(text)
        assert (ip.name, ip.address, ip.service, ip.attachment_unknown) == ("unsaid", "40.1.1.1", "", True)


def _unattached_step(plan: object, name: str) -> object:
    [step] = [s for s in plan.steps if s.id.startswith("unattached:") and name in s.name]  # type: ignore[attr-defined]
    return step


def test_the_plan_does_not_say_nothing_uses_it_and_says_how_to_check(plan_of):
    plan = plan_of({"inventory/classic.json": _graph(_row("unsaid", UNSAID), _row("free", {"inUse": False}))})
    unsaid, free = _unattached_step(plan, "unsaid"), _unattached_step(plan, "free")
    assert (unsaid.moves, unsaid.downtime) == (
        ("reserved IP 'unsaid', if nothing uses it",),
        "None if nothing uses it.",
    )
    assert unsaid.notes[0] == (
        "Unattached if no cloud service uses it: the export does not say whether it is attached. Check with "
        "Get-AzureReservedIP -ReservedIPName 'unsaid' (ServiceName, DeploymentName, InUse): one that is a "
        "deployment's VIP moves with its cloud service, not on its own."
    )
    assert (free.moves, free.downtime, free.notes) == (("reserved IP 'free'",), "None: nothing uses it.", ())


def test_mig105_does_not_say_the_vip_of_an_exported_vm_is_not_reserved(tmp_path, monkeypatch):
    vm = {
        "id": f"/subscriptions/{SUB}/resourceGroups/batch/providers/Microsoft.ClassicCompute/virtualMachines/b1",
        "name": "b1",
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": {
            "domainName": {"name": "batch"},
            "hardwareProfile": {"deploymentName": "batch", "availabilitySet": ""},
            "networkProfile": {
                "inputEndpoints": [{"endpointName": "RDP", "publicPort": 3389, "protocol": "tcp"}]
            },
        },
    }
    files = {"inventory/classic.json": _graph(vm, _row("unsaid", UNSAID))}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG105").findings
    assert finding.message.endswith(
        "its VIP changes unless it is a reserved IP (the files do not say whether it is)"
    )
