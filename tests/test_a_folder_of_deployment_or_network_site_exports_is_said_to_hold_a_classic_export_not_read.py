"""A folder whose only file is what `Get-AzureVNetSite | ConvertTo-Json` (or Get-AzureRole's,
Get-AzureVNetGateway's) wrote holds a classic export: `check` says, at
the file, that migcheck does not read that cmdlet's objects and what to export in their place, and the
readiness summary says the file was not checked. It used to pass the file over and warn that the folder
held no classic Azure files; then to say that no rule reads what the file says, where the rules read a
role or a gateway from other files."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

# Get-AzureVNetSite of every network of the subscription.
SITES = [
    {
        "AddressSpacePrefixes": ["10.0.0.0/16"],
        "DnsServers": [{"Name": "dc1", "Address": "10.0.0.4"}],
        "GatewayProfile": None,
        "Id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "InUse": True,
        "Name": name,
        "State": "Created",
        "Subnets": [{"Name": "frontend", "AddressPrefix": "10.0.1.0/24"}],
        "OperationDescription": "Get-AzureVNetSite",
        "OperationId": "7c6b5a49-3827-4615-a4b3-c2d1e0f9a8b7",
        "OperationStatus": "Succeeded",
    }
    for name in ("prod-vnet", "dev-vnet")
]

# Get-AzureRole of a cloud service's web role, and Get-AzureVNetGateway of a network's gateway: the roles and
# gateways the rules read from a .csdef, a Get-AzureVM export or a network configuration.
ROLE = {
    "RoleName": "web",
    "InstanceCount": 2,
    "DeploymentID": "9f0c2a7b3e5d4c1a8b6e2f4d0a9c7e5b",
    "ServiceName": "shop",
    "OperationDescription": "Get-AzureRole",
    "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
    "OperationStatus": "Succeeded",
}
GATEWAY = {
    "State": "Provisioned",
    "VIPAddress": "40.112.0.30",
    "GatewaySKU": "Default",
    "OperationDescription": "Get-AzureVNetGateway",
    "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
    "OperationStatus": "Succeeded",
}


@pytest.mark.parametrize(
    ("output", "at", "said", "instead"),
    [
        (SITES, "2:5", "2 objects of Get-AzureVNetSite", "Get-AzureVNetConfig | ConvertTo-Json"),
        (ROLE, "1:1", "1 object of Get-AzureRole", "the service's .csdef and .cscfg for its web and worker"),
        (
            GATEWAY,
            "1:1",
            "1 object of Get-AzureVNetGateway",
            "Get-AzureVNetConfig | ConvertTo-Json` for each",
        ),
    ],
)
def test_the_export_is_named_as_one_not_read(tmp_path, monkeypatch, capsys, output, at, said, instead):
    """Marked at the first object of the cmdlet."""
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "classic.json").write_text(json.dumps(output, indent=4, separators=(",", ":  ")))
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "check", "exports")
    assert code == 0
    assert "no classic Azure files" not in err
    assert (
        f"exports/classic.json:{at}: MIG001 [info] a classic export that migcheck does not read: {said} written "
        "by ConvertTo-Json, so what the file says of them is not checked"
    ) in out
    assert instead in out
    assert "exports/classic.json  Not checked: a classic export migcheck does not read" in out
