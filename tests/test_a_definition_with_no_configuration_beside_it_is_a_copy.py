"""A service definition is deployed with a configuration: a folder that holds a `.csdef` and no `.cscfg` (an
old `ServiceDefinition.csdef` kept in a subfolder, a copy of the project) deploys nothing by itself. When one
folder holds both for its service, the lone definition joins that service as a copy, as a
`ServiceDefinition.Original.csdef` beside it does: the service is checked once, at the deployed definition
(each MIG101 once, one plan step), and a copy that differs in what the rules read is MIG004. Without such a
folder, or beside two of them, it stays a service of its own, as before."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli, where

WORKER = '<WorkerRole name="{name}" vmsize="{size}"/>'


def _definition(*roles: str, name: str = "svc") -> str:
    return (
        f'<ServiceDefinition name="{name}" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">\n  '
        + "\n  ".join(roles)
        + "\n</ServiceDefinition>\n"
    )


def _worker(name: str = "Worker", size: str = "Small") -> str:
    return WORKER.format(name=name, size=size)


CONFIGURATION = """\
<ServiceConfiguration serviceName="svc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Worker"><Instances count="2" /></Role>
</ServiceConfiguration>
"""

DEPLOYED = {
    "Cloud/ServiceDefinition.csdef": _definition(_worker()),
    "Cloud/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
}


@pytest.mark.parametrize("lone", ["Cloud/old/ServiceDefinition.csdef", "backup/ServiceDefinition.csdef"])
def test_a_lone_definition_joins_the_service_deployed_with_a_configuration(
    tmp_path, monkeypatch, capsys, lone: str
) -> None:
    files = {**DEPLOYED, lone: _definition(_worker(size="ExtraLarge"))}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG101")
    found = {f.code: f for f in result.findings}
    assert sorted(where(result.findings)) == [
        f"MIG004 {lone}:1:1",
        "MIG101 Cloud/ServiceDefinition.csdef:2:3",
    ]
    assert found["MIG004"].message == (
        "service definition 'svc' is described differently here than at Cloud/ServiceDefinition.csdef:1: "
        "role 'Worker' size: 'ExtraLarge' / 'Small' (here / there)"
    )
    (service,) = [s for s in result.estates[0].cloud_services if s.name == "svc"]
    assert [d.mark.path for d in service.definition_copies] == [lone]
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] != "prerequisites"]
    assert [s["name"] for s in steps] == ["svc"]


def test_a_lone_definition_of_a_service_no_folder_deploys_stays_apart(tmp_path, monkeypatch) -> None:
    files = {
        "Cloud/ServiceDefinition.csdef": _definition(_worker()),
        "old/ServiceDefinition.csdef": _definition(_worker()),
        "other/ServiceDefinition.csdef": _definition(_worker("Jobs"), name="other"),
        "other/ServiceConfiguration.Cloud.cscfg": CONFIGURATION.replace('"svc"', '"other"'),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    assert where(result.findings) == [
        "MIG101 Cloud/ServiceDefinition.csdef:2:3",
        "MIG101 old/ServiceDefinition.csdef:2:3",
        "MIG101 other/ServiceDefinition.csdef:2:3",
    ]


def test_a_lone_definition_of_a_service_two_folders_deploy_stays_apart(tmp_path, monkeypatch) -> None:
    files = {
        **DEPLOYED,
        "lab2/ServiceDefinition.csdef": _definition(_worker()),
        "lab2/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
        "old/ServiceDefinition.csdef": _definition(_worker()),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    assert len(result.findings) == 3


def test_a_configuration_folder_still_joins_the_lone_definition_it_configures(tmp_path, monkeypatch) -> None:
    # A pipeline's Configs/ folder: the definition's folder holds no configuration, and is the one deployed.
    files = {
        "Cloud/ServiceDefinition.csdef": _definition(_worker()),
        "Configs/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
    }
    result = lint_files(tmp_path, monkeypatch, files)
    (service,) = [s for s in result.estates[0].cloud_services if s.name == "svc"]
    assert [c.mark.path for c in service.configurations] == ["Configs/ServiceConfiguration.Cloud.cscfg"]
    assert service.definition_copies == ()
