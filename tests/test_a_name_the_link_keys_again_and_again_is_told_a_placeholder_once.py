"""What names join by (`estate.join_key`) asks of each name whether it is its file's own (`estate.file_own`:
a pipeline token, a stand-in that says where, a placeholder), which is a dozen string tests. The link and
the readiness summary key the same few names again and again (each network's name for every placement in
it, each service's): a name is told once for each kind it is asked as, with the same answer every time;
and the roles of a service deployed once with one role are that deployment's, not keyed by name."""

from __future__ import annotations

import pytest

from migcheck import estate as estate_module
from migcheck.estate import SERVICE_KIND, file_own, join_key, link
from migcheck.model import Mark
from migcheck.readers import read_document


@pytest.fixture(autouse=True)
def _asked_afresh() -> None:
    file_own.cache_clear()


def test_a_name_keyed_again_is_told_a_placeholder_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    told = estate_module.is_placeholder

    def counted(name: str, kind: str = "") -> bool:
        asked.append(name)
        return told(name, kind)

    monkeypatch.setattr(estate_module, "is_placeholder", counted)
    keys = {join_key("vnet-prod", Mark(f"svc{n}/ServiceConfiguration.Cloud.cscfg", 3)) for n in range(100)}
    assert keys == {"vnet-prod"}
    assert asked == ["vnet-prod"]


def test_a_name_is_told_as_the_kind_it_is_asked_as_says() -> None:
    # No cloud service can be named with a space: asked as one, the name is a placeholder; asked as a
    # network's (which may hold spaces), it is a name.
    a, b = Mark("a.ps1", 1), Mark("b.ps1", 1)
    assert file_own("Cloud Service Name", SERVICE_KIND)
    assert not file_own("Cloud Service Name")
    assert join_key("Cloud Service Name", a, SERVICE_KIND) != join_key("Cloud Service Name", b, SERVICE_KIND)
    assert join_key("Cloud Service Name", a) == join_key("Cloud Service Name", b) == "cloud service name"
    assert file_own("Cloud Service Name", SERVICE_KIND)


CSDEF = '<ServiceDefinition name="shop"><WebRole name="Web"/>{more}</ServiceDefinition>'
CSCFG = '<ServiceConfiguration serviceName="shop"><Role name="Web"/>{more}</ServiceConfiguration>'


def _service(more_def: str = "", more_cfg: str = "", configurations: int = 1):
    files = {"shop/ServiceDefinition.csdef": CSDEF.format(more=more_def)}
    files |= {
        f"shop/ServiceConfiguration.{n}.cscfg": CSCFG.format(more=more_cfg) for n in range(configurations)
    }
    docs = [read_document(path, text.encode(), explicit=False) for path, text in files.items()]
    [estate] = link([d for d in docs if d is not None])
    [service] = estate.cloud_services
    return service


def test_the_one_role_of_a_service_deployed_once_is_its_deployments_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keyed: list[object] = []
    unique = estate_module.unique_by_name

    def counted(roles):  # type: ignore[no-untyped-def]
        keyed.append(roles)
        return unique(roles)

    monkeypatch.setattr(estate_module, "unique_by_name", counted)
    service = _service()
    [placement] = service.placements
    assert service.roles is placement.web_worker_roles
    assert [role.name for role in service.roles] == ["Web"]
    assert service.vms == ()
    assert keyed == []


def test_roles_of_several_deployments_or_of_one_with_several_are_each_once() -> None:
    assert [role.name for role in _service(configurations=2).roles] == ["Web"]
    two = _service('<WorkerRole name="Jobs"/>', '<Role name="Jobs"/>')
    assert [role.name for role in two.roles] == ["Web", "Jobs"]
