"""A reserved IP an inventory export attaches to one slot of a cloud service (`.../slots/Staging`) whose
files describe one deployment, which they state is in another slot (Production), is not that deployment's
VIP: it is the VIP of a deployment the files do not describe, and it is bound to the service. Where the
only deployment states no slot, or the same one, it still joins that deployment."""

from __future__ import annotations

from lint_support import graph_page, graph_reserved_ip, lint_files

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"


def _files(export_slot: str, deployment_slot: str) -> dict[str, str]:
    stated = f"<DeploymentSlot>{deployment_slot}</DeploymentSlot>" if deployment_slot else ""
    service = f"""\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>svc</ServiceName>
  <Deployments>
    <Deployment>
      <Name>svc-prod</Name>
      {stated}
      <RoleList>
        <Role>
          <RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
          <ConfigurationSets>
            <ConfigurationSet>
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints></InputEndpoints>
            </ConfigurationSet>
          </ConfigurationSets>
        </Role>
      </RoleList>
    </Deployment>
  </Deployments>
</HostedService>
"""
    export = graph_page(graph_reserved_ip(SUBSCRIPTION, "svc-ip", "svc", slot=export_slot), indent=4)
    return {"svc.xml": service, "classic.json": export}


def _held(result) -> dict[str, list[str]]:
    [service] = result.estates[0].cloud_services
    held = {p.name: [ref.name for ref in p.reserved_ips] for p in service.placements}
    return {**held, "": [ref.name for ref in service.bound_reserved_ips]}


def test_an_ip_of_another_slot_is_bound_to_the_service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _files("Staging", "Production"), dedent=False)
    assert _held(result) == {"svc-prod": [], "": ["svc-ip"]}
    [service] = result.estates[0].cloud_services
    # The export says whose VIP it is: the production deployment's VIP is known not to be reserved.
    assert [p.reserved_ips_known for p in service.placements] == [True]


def test_mig106_does_not_judge_it_by_the_endpoints_of_the_deployment_of_another_slot(tmp_path, monkeypatch):
    # The production deployment has no input endpoint, but the IP is the staging deployment's VIP.
    result = lint_files(tmp_path, monkeypatch, _files("Staging", "Production"), "MIG106", dedent=False)
    assert result.findings == []


def test_mig106_still_reports_it_on_the_only_deployment_of_its_slot(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _files("Staging", "Staging"), "MIG106", dedent=False)
    assert [f.code for f in result.findings] == ["MIG106"]


def test_an_ip_of_the_same_slot_joins_the_only_deployment(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _files("production", "Production"), dedent=False)
    assert _held(result) == {"svc-prod": ["svc-ip"], "": []}


def test_an_ip_of_a_slot_joins_the_only_deployment_that_states_none(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _files("Staging", ""), dedent=False)
    assert _held(result) == {"svc-prod": ["svc-ip"], "": []}
