"""A reserved IP an inventory export binds to a cloud service (`attachedTo`) whose files show several
deployments (production and staging, or a deployment body of each) is bound to the service, not to one of
them: the export does not say which slot's VIP it is. It is the service's in the readiness summary (not an
unattached reserved IP, nor one of a service no file describes), and the plan's step for the service moves
it, saying it is bound to the service with the slot not known. Whether each deployment's VIP is reserved is
not known any more, and a script that moves it on its own is reported all the same (MIG602)."""

from __future__ import annotations

import dataclasses

from lint_support import graph_page, graph_reserved_ip, lint_files, rest_vm_deployment

from migcheck.model import Finding, Severity
from migcheck.plan import StepKind, build_plan
from migcheck.report.readiness import ScopeKind, readiness
from migcheck.retirements import BASIC_SKU

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"


def _export(service: str, name: str = "svc-ip") -> str:
    """A Resource Graph export of reserved IP `name`, attached to cloud service `service` (its domainNames
    id, which names no slot)."""
    return graph_page(graph_reserved_ip(SUBSCRIPTION, name, service), indent=4)


HTTPS = "<InputEndpoint><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol></InputEndpoint>"


def _service(network: str = "", endpoints: str = HTTPS) -> str:
    """Get Hosted Service Properties (embed-detail) of cloud service 'svc': two deployments of VMs."""
    return (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <ServiceName>svc</ServiceName>\n  <Deployments>\n"
        + rest_vm_deployment("svc-prod", "Production", "web01", endpoints, network)
        + rest_vm_deployment("svc-stage", "Staging", "web02", endpoints, network)
        + "  </Deployments>\n</HostedService>\n"
    )


DEFINITION = """\
<ServiceDefinition name="svc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="Jobs" vmsize="Small" />
</ServiceDefinition>
"""


def _configuration(instances: int) -> str:
    return (
        '<ServiceConfiguration serviceName="svc" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
        f'  <Role name="Jobs"><Instances count="{instances}"/></Role>\n</ServiceConfiguration>\n'
    )


# A web/worker service with a production and a staging configuration.
SLOTS = {
    "svc/ServiceDefinition.csdef": DEFINITION,
    "svc/ServiceConfiguration.Cloud.cscfg": _configuration(2),
    "svc/ServiceConfiguration.Staging.cscfg": _configuration(1),
}


def _lint(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, {**files, "classic.json": _export("svc")}, *codes, dedent=False)


def _scope_items(result, scope: ScopeKind) -> list:
    [summary] = readiness(result)
    return [item for s in summary.scopes if s.scope is scope for item in s.items]


def _steps(result) -> dict:
    return {step.id: step for step in build_plan(result).steps}


# --- the estate ------------------------------------------------------------------------------------------


def test_it_is_bound_to_the_service_and_no_deployment_s_vip_is_known_unreserved(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()})
    [service] = result.estates[0].cloud_services
    assert [ref.name for ref in service.bound_reserved_ips] == ["svc-ip"]
    assert service.bound_reserved_ips[0].mark.path == "classic.json"
    assert [p.reserved_ips for p in service.placements] == [(), ()]
    assert [p.reserved_ips_known for p in service.placements] == [False, False]


def test_a_deployment_that_names_it_keeps_it_and_nothing_is_bound(tmp_path, monkeypatch):
    named = _service().replace(
        "<DeploymentSlot>Staging</DeploymentSlot>",
        "<DeploymentSlot>Staging</DeploymentSlot><ReservedIPName>svc-ip</ReservedIPName>",
    )
    result = _lint(tmp_path, monkeypatch, {"svc.xml": named})
    [service] = result.estates[0].cloud_services
    assert service.bound_reserved_ips == ()
    assert [[ref.name for ref in p.reserved_ips] for p in service.placements] == [[], ["svc-ip"]]


def test_a_service_of_one_deployment_still_takes_it_on_that_deployment(tmp_path, monkeypatch):
    body = _service().split("    <Deployment>")
    one = "    <Deployment>".join(body[:2]) + "  </Deployments>\n</HostedService>\n"
    result = _lint(tmp_path, monkeypatch, {"svc.xml": one})
    [service] = result.estates[0].cloud_services
    assert [[ref.name for ref in p.reserved_ips] for p in service.placements] == [["svc-ip"]]


# --- the readiness summary -------------------------------------------------------------------------------


def test_it_is_neither_unattached_nor_of_an_undescribed_service(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()})
    assert _scope_items(result, ScopeKind.UNATTACHED) == []
    assert _scope_items(result, ScopeKind.RESERVED_FOR_UNDESCRIBED) == []


def test_a_script_s_reserved_ip_the_export_binds_to_the_service_is_not_unattached(tmp_path, monkeypatch):
    # The script creates it attached to nothing; the export shows it on the service since.
    script = 'New-AzureReservedIP -ReservedIPName "svc-ip" -Location "West Europe"\n'
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(), "reserve.ps1": script})
    assert _scope_items(result, ScopeKind.UNATTACHED) == []
    assert not any(step.kind is StepKind.UNATTACHED for step in build_plan(result).steps)


def _about_the_ip(result) -> Finding:
    """A finding about the reserved IP, at the export's row, as a rule of it would report it."""
    [service] = result.estates[0].cloud_services
    mark = service.bound_reserved_ips[0].mark
    return Finding("MIG999", "about-the-ip", Severity.ERROR, "m", "f", mark, "ReservedIP", "svc-ip")


def test_a_finding_about_it_counts_against_its_service_outside_networks(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()})
    result = dataclasses.replace(result, findings=[*result.findings, _about_the_ip(result)])
    [item] = _scope_items(result, ScopeKind.NO_VNET)
    assert item.name == "svc" and "MIG999" in [f.code for f in item.findings]
    assert _scope_items(result, ScopeKind.FILES) == []


def test_a_finding_about_it_counts_against_the_network_of_its_service(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service("fab-vnet")})
    result = dataclasses.replace(result, findings=[*result.findings, _about_the_ip(result)])
    [item] = _scope_items(result, ScopeKind.IN_VNET)
    assert item.name == "fab-vnet" and "MIG999" in [f.code for f in item.findings]
    assert _scope_items(result, ScopeKind.FILES) == []


# --- the plan --------------------------------------------------------------------------------------------

BOUND = "bound to the cloud service, slot not known"


def test_the_network_step_moves_it_bound_to_the_service(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service("fab-vnet")})
    step = _steps(result)["network:fab-vnet"]
    [moved] = [line for line in step.moves if "svc-ip" in line]
    assert moved.startswith("reserved IP 'svc-ip' of cloud service 'svc', " + BOUND)
    assert [line for line in step.becomes if "svc-ip" in line] == [
        "reserved IP 'svc-ip': a public IP address with static allocation, same address (Basic SKU, retired on "
        f"{BASIC_SKU}: upgrade it to Standard)"
    ]


def test_each_deployment_s_step_moves_it_if_it_is_that_deployment_s_vip(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()})
    steps = _steps(result)
    for deployment in ("svc-prod", "svc-stage"):
        step = steps[f"service:svc/{deployment}"]
        assert step.kind is StepKind.SERVICE
        [moved] = [line for line in step.moves if "svc-ip" in line]
        assert moved.startswith(f"reserved IP 'svc-ip' if it is this deployment's VIP: {BOUND}")
        assert any(
            line.startswith("reserved IP 'svc-ip', if it is this deployment's VIP") for line in step.becomes
        )
        # Not "its VIP is not reserved": it may be; the step says how to tell.
        assert "not reserved" not in step.downtime
        assert "Its VIP is kept if it is reserved IP 'svc-ip'" in step.downtime
        assert "Get-AzureReservedIP -ReservedIPName 'svc-ip'" in step.downtime


def test_no_step_moves_it_when_no_deployment_has_an_input_endpoint(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(endpoints="")})
    assert not any("svc-ip" in line for step in build_plan(result).steps for line in step.moves)


def test_the_web_worker_step_says_it_does_not_move_with_the_roles(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, SLOTS)
    step = _steps(result)["web-worker:svc"]
    [note] = [note for note in step.notes if "svc-ip" in note]
    assert BOUND in note and "Move-AzureReservedIP" in note
    assert _scope_items(result, ScopeKind.UNATTACHED) == []


def test_the_cli_plan_names_it(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    _lint(tmp_path, monkeypatch, {"svc.xml": _service("fab-vnet")})
    main(["plan", "."])
    assert f"moves: reserved IP 'svc-ip' of cloud service 'svc', {BOUND}" in capsys.readouterr().out


# --- the rules -------------------------------------------------------------------------------------------


def test_mig105_no_longer_says_either_vip_is_not_reserved(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()}, "MIG105")
    messages = [f.message for f in result.findings]
    assert len(messages) == 2
    assert all("its VIP changes unless it is a reserved IP" in message for message in messages)


def test_mig602_reports_a_script_that_moves_it_on_its_own(tmp_path, monkeypatch):
    script = 'Move-AzureReservedIP -ReservedIPName "svc-ip" -Validate\n'
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(), "move.ps1": script}, "MIG602")
    assert [f.code for f in result.findings] == ["MIG602"]
    assert "cloud service 'svc' uses it" in result.findings[0].message
