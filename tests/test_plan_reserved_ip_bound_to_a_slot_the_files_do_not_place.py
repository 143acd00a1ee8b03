"""A reserved IP an inventory export attaches to a slot of a cloud service (`.../slots/Staging`) stays
bound to the service where the files do not say which deployment is in that slot (they state no slot, the
same slot of several, or another slot of the only one). The estate keeps the slot the export names
(`BoundReservedIp.slot`), and the plan says what is true: the export names the slot, and the files do not
say which deployment is in it. Where the export's id names no slot, the slot is not known."""

from __future__ import annotations

from lint_support import graph_page, graph_reserved_ip, lint_files, rest_vm_deployment

from migcheck.plan import build_plan

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"
HTTPS = "<InputEndpoint><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol></InputEndpoint>"
IN_STAGING = (
    "bound to the Staging slot of the cloud service (an inventory export names the slot, and the files do "
    "not say which deployment is in it)"
)
NOT_KNOWN = "bound to the cloud service, slot not known"


def _export(slot: str) -> str:
    return graph_page(graph_reserved_ip(SUBSCRIPTION, "svc-ip", "svc", slot=slot), indent=4)


def _service(slots: tuple[str, ...] = ("", ""), network: str = "") -> str:
    """Get Hosted Service Properties of cloud service 'svc': a deployment of VMs in each of `slots` ("" for
    one whose body states no slot, as a Create Deployment body does), each in `network` ("" for none)."""
    deployments = "".join(
        rest_vm_deployment(f"svc-{n}", slot, f"web{n}", HTTPS, network) for n, slot in enumerate(slots)
    )
    return (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">\n'
        f"  <ServiceName>svc</ServiceName>\n  <Deployments>\n{deployments}  </Deployments>\n</HostedService>\n"
    )


def _plan(tmp_path, monkeypatch, files: dict[str, str], slot: str = "Staging"):
    result = lint_files(tmp_path, monkeypatch, {**files, "classic.json": _export(slot)}, dedent=False)
    return result, {step.id: step for step in build_plan(result).steps}


def _lines(step) -> list[str]:
    return [line for line in (*step.moves, *step.notes, step.downtime) if "svc-ip" in str(line)]


def test_the_estate_keeps_the_slot_the_export_names(tmp_path, monkeypatch):
    result, _ = _plan(tmp_path, monkeypatch, {"svc.xml": _service()})
    [service] = result.estates[0].cloud_services
    assert [(ref.name, ref.slot) for ref in service.bound_reserved_ips] == [("svc-ip", "Staging")]


def test_each_deployment_s_step_says_the_export_names_the_slot(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, {"svc.xml": _service()})
    for step in (steps["service:svc/svc-0"], steps["service:svc/svc-1"]):
        assert f"reserved IP 'svc-ip' if it is this deployment's VIP: {IN_STAGING}" in step.moves
        assert not any(NOT_KNOWN in line for line in step.moves)
        assert (
            "which an inventory export binds to the Staging slot of the cloud service, while the files do not "
            "say which deployment is in it; otherwise it changes"
        ) in step.downtime


def test_several_deployments_stated_in_the_slot_are_said_alike(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, {"svc.xml": _service(("Staging", "Staging"))})
    assert (
        f"reserved IP 'svc-ip' if it is this deployment's VIP: {IN_STAGING}"
        in steps["service:svc/svc-0"].moves
    )


def test_the_only_deployment_stated_in_another_slot(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, {"svc.xml": _service(("Production",))})
    [step] = [step for step in steps.values() if step.id.startswith("service:svc")]
    assert any(IN_STAGING in line for line in _lines(step))
    assert not any(NOT_KNOWN in line for line in _lines(step))


def test_the_network_s_step_says_it_too(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, {"svc.xml": _service(network="net")})
    assert f"reserved IP 'svc-ip' of cloud service 'svc', {IN_STAGING}" in steps["network:net"].moves


def test_without_a_slot_in_the_export_s_id_the_slot_is_not_known(tmp_path, monkeypatch):
    _, steps = _plan(tmp_path, monkeypatch, {"svc.xml": _service()}, slot="")
    moves = steps["service:svc/svc-0"].moves
    assert any(NOT_KNOWN in line for line in moves)
    assert not any("names the slot" in line for line in moves)
    assert "without saying which deployment's VIP it is" in steps["service:svc/svc-0"].downtime


def test_web_worker_roles_keep_it_with_the_slot_named(tmp_path, monkeypatch):
    definition = (
        '<ServiceDefinition name="svc"><WorkerRole name="Jobs" vmsize="Small" /></ServiceDefinition>\n'
    )
    configuration = (
        '<ServiceConfiguration serviceName="svc"><Role name="Jobs"><Instances count="1"/></Role>'
        "</ServiceConfiguration>\n"
    )
    files = {
        "svc/ServiceDefinition.csdef": definition,
        "svc/ServiceConfiguration.Cloud.cscfg": configuration,
        "svc/ServiceConfiguration.Staging.cscfg": configuration,
    }
    _, steps = _plan(tmp_path, monkeypatch, files)
    [step] = [step for step in steps.values() if step.id.startswith("web-worker:svc")]
    assert f"Reserved IP 'svc-ip', {IN_STAGING}, does not move: the roles do not." in " ".join(
        str(note) for note in step.notes
    )
