"""The readiness summary (and `checked_at`) finds what each item owns by walking the resources it moves. A
role of a service's definition that a configuration deploys is walked through its copy in the deployment
(`model.configured_role` keeps every mark of the role): walked in the definition too, every deployed role
was walked twice. A role no deployment holds is still walked in the definition, and a finding on the role
is still the service's."""

from __future__ import annotations

from collections import Counter

from lint_support import lint_files
from test_texts import ACL

from migcheck.model import Role
from migcheck.report import readiness

DEFINITION = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpsIn" protocol="https" port="443"/></Endpoints>
  </WebRole>
</ServiceDefinition>
"""


def _walked_roles(result, monkeypatch) -> tuple[Counter[int], readiness.SubscriptionReadiness]:
    walked: Counter[int] = Counter()
    parts = readiness._parts(Role)
    assert parts is not None

    def counted(role):
        walked[id(role)] += 1
        return parts(role)

    monkeypatch.setitem(readiness._PARTS, Role, counted)
    (summary,) = readiness.readiness(result)
    return walked, summary


def test_a_deployed_role_is_walked_through_its_deployment_only(tmp_path, monkeypatch):
    files = {"shop/ServiceDefinition.csdef": DEFINITION, "shop/ServiceConfiguration.Cloud.cscfg": ACL}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    (service,) = result.estate.cloud_services
    assert service.definition is not None
    (defined,) = service.definition.roles
    (placement,) = service.placements
    (deployed,) = placement.roles
    assert deployed is not defined and deployed.mark is defined.mark  # the configuration's copy
    walked, summary = _walked_roles(result, monkeypatch)
    assert walked == {id(deployed): 1}
    (item,) = [item for item in summary.items if item.type == "CloudService"]
    assert {f.code for f in item.findings} == {"MIG201"}


def test_a_role_no_deployment_holds_is_walked_in_the_definition(tmp_path, monkeypatch):
    files = {"shop/ServiceDefinition.csdef": DEFINITION, "shop/ServiceConfiguration.Cloud.cscfg": ACL}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    (service,) = result.estate.cloud_services
    assert service.definition is not None
    (defined,) = service.definition.roles
    draft = readiness._Draft(readiness.ScopeKind.WEB_WORKER, "shop", "CloudService", {})
    draft.own_placed(service, (), ())
    draft.keep_pointed_at(frozenset({(defined.mark.path, defined.mark.line)}), frozenset({defined.mark.path}))
    assert defined.mark in draft.marks
