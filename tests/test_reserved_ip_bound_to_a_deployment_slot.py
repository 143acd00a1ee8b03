"""A reserved IP an inventory export attaches to a slot of a cloud service (`attachedTo.id` ending in
`/slots/Staging`) whose files show several deployments joins the one deployment the files state is in that
slot (a REST body's `DeploymentSlot`, a script's `-Slot` or `deployment_slot`), as it joins the only
deployment of a service of one: MIG106 and MIG105 judge that deployment's VIP, the readiness summary counts
the IP where that deployment is, and the plan's step for that deployment moves it. Where the export names
no slot, or the files state the slot of no deployment (a .cscfg says nothing of slots) or of several in
it, the IP stays bound to the service (`CloudService.bound_reserved_ips`)."""

from __future__ import annotations

import dataclasses

from lint_support import graph_page, graph_reserved_ip, lint_files, rest_vm_deployment

from migcheck.inventory_model import ClassicReservedIp
from migcheck.model import Finding, Severity
from migcheck.plan import build_plan
from migcheck.report.readiness import ScopeKind, readiness

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"

HTTPS = "<InputEndpoint><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol></InputEndpoint>"


def _export(slot: str = "Staging") -> str:
    """A Resource Graph export of reserved IP 'svc-ip', attached to `slot` of cloud service 'svc' (to
    the service itself when `slot` is "")."""
    return graph_page(graph_reserved_ip(SUBSCRIPTION, "svc-ip", "svc", slot=slot), indent=4)


def _service(
    production: str = HTTPS,
    staging: str = HTTPS,
    networks: tuple[str, str] = ("", ""),
    slots: tuple[str, str] = ("Production", "Staging"),
) -> str:
    """Get Hosted Service Properties (embed-detail) of cloud service 'svc': a deployment of VM web01 in
    the first of `slots`, with input endpoints `production`, and one of web02 in the second, with
    `staging`, each in its network of `networks` ("" for none)."""
    return (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <ServiceName>svc</ServiceName>\n  <Deployments>\n"
        + rest_vm_deployment("svc-prod", slots[0], "web01", production, networks[0])
        + rest_vm_deployment("svc-stage", slots[1], "web02", staging, networks[1])
        + "  </Deployments>\n</HostedService>\n"
    )


def _lint(tmp_path, monkeypatch, files: dict[str, str], *codes: str, slot: str = "Staging"):
    return lint_files(tmp_path, monkeypatch, {**files, "classic.json": _export(slot)}, *codes, dedent=False)


def _held(result) -> dict[str, list[str]]:
    """The reserved IPs each deployment of the one cloud service holds, by deployment, and those bound
    to the service ("")."""
    [service] = result.estates[0].cloud_services
    held = {p.name: [ref.name for ref in p.reserved_ips] for p in service.placements}
    return {**held, "": [ref.name for ref in service.bound_reserved_ips]}


# --- the export ------------------------------------------------------------------------------------------


def test_the_export_keeps_the_slot_its_id_names(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()})
    [ip] = result.estates[0].resources(ClassicReservedIp)
    assert (ip.service, ip.slot) == ("svc", "Staging")


def test_an_id_of_the_service_names_no_slot(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()}, slot="")
    [ip] = result.estates[0].resources(ClassicReservedIp)
    assert (ip.service, ip.slot) == ("svc", "")


# --- the estate ------------------------------------------------------------------------------------------


def test_it_joins_the_deployment_in_the_slot_the_export_names(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()})
    assert _held(result) == {"svc-prod": [], "svc-stage": ["svc-ip"], "": []}
    [service] = result.estates[0].cloud_services
    # The production deployment's VIP is known not to be reserved: the export says whose it is.
    assert [p.reserved_ips_known for p in service.placements] == [True, True]
    assert service.placements[1].reserved_ips[0].mark.path == "classic.json"


def test_the_slot_is_matched_without_regard_to_case(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()}, slot="production")
    assert _held(result) == {"svc-prod": ["svc-ip"], "svc-stage": [], "": []}


def test_without_a_slot_in_the_id_it_stays_bound_to_the_service(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()}, slot="")
    assert _held(result) == {"svc-prod": [], "svc-stage": [], "": ["svc-ip"]}


def test_a_slot_no_deployment_is_stated_in_keeps_it_bound_to_the_service(tmp_path, monkeypatch):
    # A Create Deployment body states no slot (it is in the request's address): nothing is guessed.
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(slots=("", ""))})
    assert _held(result) == {"svc-prod": [], "svc-stage": [], "": ["svc-ip"]}


def test_a_slot_several_deployments_are_stated_in_keeps_it_bound_to_the_service(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(slots=("Staging", "Staging"))})
    assert _held(result) == {"svc-prod": [], "svc-stage": [], "": ["svc-ip"]}


def test_service_configurations_alone_keep_it_bound_to_the_service(tmp_path, monkeypatch):
    # A .cscfg says nothing of slots, whatever its file is named.
    definition = (
        '<ServiceDefinition name="svc"><WorkerRole name="Jobs" vmsize="Small" /></ServiceDefinition>\n'
    )
    configuration = (
        '<ServiceConfiguration serviceName="svc"><Role name="Jobs"><Instances count="{count}"/></Role>'
        "</ServiceConfiguration>\n"
    )
    files = {
        "svc/ServiceDefinition.csdef": definition,
        "svc/ServiceConfiguration.Cloud.cscfg": configuration.format(count=2),
        "svc/ServiceConfiguration.Staging.cscfg": configuration.format(count=1),
    }
    result = _lint(tmp_path, monkeypatch, files)
    [service] = result.estates[0].cloud_services
    assert len(service.placements) == 2
    assert [ref.name for ref in service.bound_reserved_ips] == ["svc-ip"]
    assert all(p.reserved_ips == () for p in service.placements)


def test_a_script_s_slot_counts_as_a_rest_body_s(tmp_path, monkeypatch):
    # New-AzureVM creates the production deployment; the staging one is a REST body's.
    script = (
        'New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image |\n'
        "    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |\n"
        '    New-AzureVM -ServiceName "svc" -Location "West Europe"\n'
    )
    staging = _service().split("    <Deployment>")
    body = staging[0] + "    <Deployment>" + staging[2]
    result = _lint(tmp_path, monkeypatch, {"vm.ps1": script, "stage.xml": body}, slot="Production")
    assert _held(result) == {"svc": ["svc-ip"], "svc-stage": [], "": []}


def test_a_python_script_s_deployment_slot_counts_too(tmp_path, monkeypatch):
    script = (
        "from azure.servicemanagement import ConfigurationSet, ServiceManagementService\n\n"
        'sms = ServiceManagementService("subscription-id", "management.pem")\n'
        "sms.create_virtual_machine_deployment(\n"
        '    "svc", "svc-stage", "staging", "svc", "web02", None, None, ConfigurationSet(),\n'
        ")\n"
    )
    production = _service().split("    <Deployment>")
    body = production[0] + "    <Deployment>" + production[1] + "  </Deployments>\n</HostedService>\n"
    result = _lint(tmp_path, monkeypatch, {"create.py": script, "prod.xml": body})
    assert _held(result) == {"svc-prod": [], "svc-stage": ["svc-ip"], "": []}


# --- the rules -------------------------------------------------------------------------------------------


def test_mig106_reports_it_when_its_deployment_has_no_input_endpoint(tmp_path, monkeypatch):
    # The production deployment's endpoint is on its own VIP, not on the staging deployment's.
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(staging="")}, "MIG106")
    assert [(f.code, f.mark.path, f.mark.line) for f in result.findings] == [("MIG106", "classic.json", 4)]
    assert "reserved IP 'svc-ip' of cloud service 'svc'" in result.findings[0].message


def test_mig106_is_silent_when_its_deployment_has_one_and_the_other_does_not(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(production="")}, "MIG106")
    assert result.findings == []


def test_mig106_without_a_slot_in_the_id_is_silent_while_one_deployment_has_an_endpoint(
    tmp_path, monkeypatch
):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(staging="")}, "MIG106", slot="")
    assert result.findings == []


def test_mig105_says_which_deployment_s_vip_is_reserved(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()}, "MIG105")
    messages = {f.message.split("'")[1]: f.message for f in result.findings}
    assert "its VIP is not reserved and will change" in messages["svc-prod"]
    assert "its VIP is reserved IP 'svc-ip' and is kept" in messages["svc-stage"]


# --- the readiness summary and the plan ------------------------------------------------------------------


def test_a_finding_about_it_counts_against_the_network_of_its_deployment_only(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service(networks=("net-prod", "net-stage"))})
    [service] = result.estates[0].cloud_services
    [ref] = [ref for p in service.placements for ref in p.reserved_ips]
    about = Finding("MIG999", "about-the-ip", Severity.ERROR, "m", "f", ref.mark, "ReservedIP", "svc-ip")
    result = dataclasses.replace(result, findings=[*result.findings, about])
    [summary] = readiness(result)
    items = [item for s in summary.scopes if s.scope is ScopeKind.IN_VNET for item in s.items]
    holding = [item.name for item in items if "MIG999" in [f.code for f in item.findings]]
    assert holding == ["net-stage"]


def test_the_plan_moves_it_with_its_deployment_and_not_with_the_other(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"svc.xml": _service()})
    steps = {step.id: step for step in build_plan(result).steps}
    staging, production = steps["service:svc/svc-stage"], steps["service:svc/svc-prod"]
    assert [line for line in staging.moves if "svc-ip" in line] == ["reserved IP 'svc-ip'"]
    assert "Its VIP is reserved IP 'svc-ip' and is kept" in staging.downtime
    assert not any("svc-ip" in line for line in (*production.moves, *production.becomes))
    assert "Its VIP is not reserved and will change" in production.downtime
