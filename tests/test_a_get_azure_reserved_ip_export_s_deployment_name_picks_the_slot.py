"""A `Get-AzureReservedIP` export names the deployment whose VIP a reserved IP is by its name
(`DeploymentName`), not its slot. Of a cloud service whose files describe a production and a staging
deployment, the reserved IP joins the deployment of that name, in its slot, where it was bound to the
service with the slot unknown; a name the files give no deployment still binds it to the service."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, rest_vm_deployment

HTTPS = "<InputEndpoint><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol></InputEndpoint>"
SERVICE = (
    '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">\n'
    "  <ServiceName>svc</ServiceName>\n  <Deployments>\n"
    + rest_vm_deployment("svc-prod", "Production", "web01", HTTPS, "")
    + rest_vm_deployment("svc-stage", "Staging", "web02", HTTPS, "")
    + "  </Deployments>\n</HostedService>\n"
)


def _export(deployment: str) -> str:
    """`Get-AzureReservedIP | ConvertTo-Json` of reserved IP 'svc-ip', the VIP of `deployment` of 'svc'."""
    context = {
        "ReservedIPName": "svc-ip",
        "Address": "203.0.113.4",
        "Location": "West Europe",
        "State": "Created",
        "InUse": True,
        "ServiceName": "svc",
        "DeploymentName": deployment,
        "VirtualIPName": None,
        "OperationDescription": "Get-AzureReservedIP",
    }
    return json.dumps([context], indent=2)


@pytest.mark.parametrize(
    ("deployment", "held"), [("svc-stage", [[], ["svc-ip"]]), ("svc-prod", [["svc-ip"], []])]
)
def test_it_joins_the_deployment_it_names(tmp_path, monkeypatch, deployment: str, held: list) -> None:
    files = {"svc.xml": SERVICE, "reserved-ips.json": _export(deployment)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [service] = result.estates[0].cloud_services
    assert [[ref.name for ref in p.reserved_ips] for p in service.placements] == held
    assert service.bound_reserved_ips == ()


def test_a_deployment_the_files_do_not_describe_leaves_it_bound_to_the_service(tmp_path, monkeypatch) -> None:
    files = {"svc.xml": SERVICE, "reserved-ips.json": _export("svc-old")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [service] = result.estates[0].cloud_services
    assert [ref.name for ref in service.bound_reserved_ips] == ["svc-ip"]
    assert [p.reserved_ips for p in service.placements] == [(), ()]
