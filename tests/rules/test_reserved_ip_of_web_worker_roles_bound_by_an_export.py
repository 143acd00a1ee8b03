"""MIG602 on `Move-AzureReservedIP` of a reserved IP an inventory export binds to a cloud service of several
deployments (`CloudService.bound_reserved_ips`: the export names the service, not the slot). Of a service
with web/worker roles, which no migration moves (MIG101), the IP is to be freed first, as one a .cscfg names
is; of a service of VMs, it may still be left to the service's migration."""

from __future__ import annotations

from lint_support import graph_page, graph_reserved_ip, lint_files

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"


def _export(service: str, name: str) -> str:
    """A Resource Graph export of reserved IP `name`, attached to cloud service `service` (its domainNames
    id, which names no slot)."""
    return graph_page(graph_reserved_ip(SUBSCRIPTION, name, service), indent=4)


def _configuration(instances: int) -> str:
    return (
        '<ServiceConfiguration serviceName="shop" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
        f'  <Role name="Web"><Instances count="{instances}"/></Role>\n</ServiceConfiguration>\n'
    )


# Cloud service 'shop' of web roles, with a production and a staging configuration, neither of which
# names the reserved IP the export attaches to the service.
WEB_ROLES = {
    "shop/ServiceDefinition.csdef": (
        '<ServiceDefinition name="shop" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">\n'
        '  <WebRole name="Web" vmsize="Small" />\n</ServiceDefinition>\n'
    ),
    "shop/ServiceConfiguration.Cloud.cscfg": _configuration(2),
    "shop/ServiceConfiguration.Staging.cscfg": _configuration(1),
    "classic.json": _export("shop", "shop-ip"),
}

MOVE = """\
Move-AzureReservedIP -ReservedIPName "shop-ip" -Validate
Move-AzureReservedIP -ReservedIPName "shop-ip" -Prepare
Move-AzureReservedIP -ReservedIPName "shop-ip" -Commit
"""


def _vm_deployment(name: str, slot: str) -> str:
    return (
        f"<Deployment><Name>{name}</Name><DeploymentSlot>{slot}</DeploymentSlot><RoleList><Role>"
        f"<RoleName>{name}-vm</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList></Deployment>"
    )


# Cloud service 'shop' of VMs in two deployments (Get Hosted Service Properties, embed-detail).
VMS = {
    "shop.xml": '<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>shop</ServiceName>'
    f"<Deployments>{_vm_deployment('shop-prod', 'Production')}{_vm_deployment('shop-stage', 'Staging')}"
    "</Deployments></HostedService>\n",
    "classic.json": _export("shop", "shop-ip"),
}


def test_the_bound_ip_of_web_worker_roles_is_to_be_freed_first(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {**WEB_ROLES, "move.ps1": MOVE}, "MIG602", dedent=False)
    [service] = result.estates[0].cloud_services
    assert [ref.name for ref in service.bound_reserved_ips] == ["shop-ip"]
    [finding] = result.findings
    assert (finding.location.path, finding.location.line) == ("move.ps1", 1)
    assert "cloud service 'shop' uses it" in finding.message
    assert finding.message.endswith("move on their own (disassociate it first)")
    assert finding.fix.startswith("Free the reserved IP first (Remove-AzureReservedIPAssociation)")
    assert "Leave the reserved IP to its cloud service's migration" not in finding.fix


def test_a_runbook_that_frees_it_first_is_not_reported(tmp_path, monkeypatch):
    freed = 'Remove-AzureReservedIPAssociation -ReservedIPName "shop-ip" -ServiceName "shop"\n' + MOVE
    result = lint_files(tmp_path, monkeypatch, {**WEB_ROLES, "move.ps1": freed}, "MIG602", dedent=False)
    assert result.findings == []


def test_the_bound_ip_of_vms_may_still_be_left_to_the_service_s_migration(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {**VMS, "move.ps1": MOVE}, "MIG602", dedent=False)
    [service] = result.estates[0].cloud_services
    assert [ref.name for ref in service.bound_reserved_ips] == ["shop-ip"]
    [finding] = result.findings
    assert finding.message.endswith("(disassociate it first, or leave it to its cloud service's migration)")
    assert finding.fix.startswith("Leave the reserved IP to its cloud service's migration")
