"""A service definition that defines no role (a stub, `<ServiceDefinition name="wiki"/>`) says no role's kind:
the roles the service configuration beside it names are a package's web and worker roles, as where there is
no definition at all, since only packages have configuration files. The readiness summary and the plan then
agree: a web/worker service that does not migrate, not a deployment of no VM the plan has no step for.
MIG003 still says the definition lacks the role."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, where

STUB_CSDEF = '<ServiceDefinition name="wiki" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition" />\n'
CSCFG = """\
<ServiceConfiguration serviceName="wiki" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="miniwiki">
    <Instances count="1" />
  </Role>
</ServiceConfiguration>
"""
FILES = {"ServiceDefinition.csdef": STUB_CSDEF, "ServiceConfiguration.Cloud.cscfg": CSCFG}


def test_the_role_is_a_web_or_worker_role_the_definition_lacks(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, FILES, "MIG003", "MIG101")
    assert where(result.findings) == [
        "MIG101 ServiceConfiguration.Cloud.cscfg:2:3",
        "MIG003 ServiceConfiguration.Cloud.cscfg:2:15",
    ]


def test_the_summary_and_the_plan_both_list_a_web_worker_service(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, FILES)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "Cloud services with web/worker roles" in out
    assert "    wiki (1 web/worker role)  " in out
    assert "VMs not in a virtual network" not in out and "0 VMs" not in out
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] != "prerequisites"]
    assert [(s["id"], s["name"]) for s in steps] == [("web-worker:wiki", "wiki")]


def test_a_definition_with_roles_keeps_the_configuration_s_other_roles_out(tmp_path, monkeypatch):
    """Near miss: the definition says what the package holds; a role only the configuration names is MIG003's."""
    csdef = STUB_CSDEF.replace(" />", '><WebRole name="web" /></ServiceDefinition>')
    result = lint_files(
        tmp_path, monkeypatch, {**FILES, "ServiceDefinition.csdef": csdef}, "MIG003", "MIG101"
    )
    assert sorted(where(result.findings)) == [
        "MIG003 ServiceConfiguration.Cloud.cscfg:2:15",
        "MIG101 ServiceDefinition.csdef:1:110",
    ]
