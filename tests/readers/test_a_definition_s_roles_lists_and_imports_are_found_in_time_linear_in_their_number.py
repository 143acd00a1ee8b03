"""A definition's roles, endpoint lists, endpoints and imports are found by one pass over the file: a role
written with many endpoint lists or `Imports` (each holding its own endpoint or module) costs what its size
does, and each endpoint or module still belongs to the role whose list holds it."""

from __future__ import annotations

from growth import assert_linear

from migcheck.model import Role
from migcheck.readers import read_document


def _definition(lists: str) -> bytes:
    return f'<ServiceDefinition name="s"><WebRole name="r">{lists}</WebRole></ServiceDefinition>'.encode()


def _roles(data: bytes) -> list[Role]:
    document = read_document("ServiceDefinition.csdef", data, explicit=True)
    assert document is not None and document.problem is None
    return [r for d in document.resources for r in getattr(d, "roles", ())]


def _lists(n: int) -> str:
    return "".join(
        f'<Endpoints><InputEndpoint name="e{i}" protocol="tcp" port="{i}"/></Endpoints>'
        f'<Imports><Import moduleName="RemoteForwarder"/></Imports>'
        for i in range(n)
    )


def test_many_endpoint_lists_and_imports_of_one_role_cost_linear_time():
    def make(n: int):
        data = _definition(_lists(n))
        return lambda: _roles(data)

    assert_linear(make, 4000)


def test_every_list_s_endpoints_and_every_import_s_module_are_the_role_s():
    (role,) = _roles(_definition(_lists(3)))
    names = [e.name for e in role.endpoints]
    assert names == ["e0", "e1", "e2", "Microsoft.WindowsAzure.Plugins.RemoteForwarder.RdpInput"]


def test_an_endpoint_or_import_nested_deeper_is_not_the_role_s():
    nested = (
        '<Endpoints><InputEndpoint name="kept" protocol="tcp" port="1"/></Endpoints>'
        '<Sites><Site name="w"><Endpoints><InputEndpoint name="nested" protocol="tcp" port="2"/></Endpoints>'
        '<Imports><Import moduleName="RemoteForwarder"/></Imports></Site></Sites>'
    )
    (role,) = _roles(_definition(nested))
    assert [e.name for e in role.endpoints] == ["kept"]
