"""A cloud service keeps the placements of its configurations (`configured`) and those deployed
(`placements`): without a local configuration a deployment names, they are the same, and the service holds
one tuple of them, not two alike (one per service at 40,000 files). So does a service of one placement
hold its roles: as the placement does, where it deploys each once."""

from __future__ import annotations

from lint_support import lint_files

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
</ServiceConfiguration>
"""


def _service(tmp_path, monkeypatch, files):
    (estate,) = lint_files(tmp_path, monkeypatch, files).estates
    (service,) = estate.cloud_services
    return service


def test_a_service_of_one_deployed_configuration_holds_one_tuple_of_its_placements(tmp_path, monkeypatch):
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": CSCFG}
    service = _service(tmp_path, monkeypatch, files)
    assert [p.name for p in service.placements] == ["ServiceConfiguration.Cloud.cscfg"]
    assert service.placements is service.configured


def test_the_local_configuration_is_left_out_of_the_placements(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": CSDEF,
        "shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "shop/ServiceConfiguration.Local.cscfg": CSCFG,
    }
    service = _service(tmp_path, monkeypatch, files)
    assert [p.name for p in service.placements] == ["ServiceConfiguration.Cloud.cscfg"]


def test_a_service_of_one_placement_holds_its_roles_as_the_placement_does(tmp_path, monkeypatch):
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": CSCFG}
    service = _service(tmp_path, monkeypatch, files)
    (placement,) = service.placements
    assert [r.name for r in service.roles] == ["Web"]
    assert service.roles is placement.web_worker_roles


def test_a_role_two_configurations_deploy_is_one_role_of_the_service(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": CSDEF,
        "shop/ServiceConfiguration.Cloud.cscfg": CSCFG,
        "shop/ServiceConfiguration.Test.cscfg": CSCFG,
    }
    service = _service(tmp_path, monkeypatch, files)
    assert len(service.placements) == 2
    assert [r.name for r in service.roles] == ["Web"]
