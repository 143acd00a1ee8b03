"""A role of a service definition is copied for each configuration that deploys it (`model.configured_role`):
its instance count, its endpoints with the ACLs the configuration binds, its instances' subnets and where
it is described set, every other field as the definition's role has it. The copy sets those four fields by
their places in `Role.__init__`, found once a run, not through `_replaced`, which checked and looked up the
names of the fields it changes on each copy: the same role either way."""

from __future__ import annotations

import dataclasses

import pytest

from migcheck import model
from migcheck.model import (
    EndpointAcl,
    InputEndpoint,
    InstanceAddress,
    Mark,
    NameRef,
    Role,
    RoleSettings,
    RoleType,
    configured_role,
)

DEFINITION = "shop/ServiceDefinition.csdef"
CLOUD = "shop/ServiceConfiguration.Cloud.cscfg"


def _role() -> Role:
    http = InputEndpoint("HttpIn", "http", "80", "80", None, Mark(DEFINITION, 4))
    return Role("Web", RoleType.WEB, Mark(DEFINITION, 2), "Standard_D2_v2", 1, "", (http,))


SETTINGS = RoleSettings("Web", 6, Mark(CLOUD, 3))
ACL = EndpointAcl("Web", "HttpIn", "office", (), Mark(CLOUD, 9))
STRAY_ACL = EndpointAcl("Web", "Admin", "office", (), Mark(CLOUD, 10))
ADDRESS = InstanceAddress("Web", (NameRef("FrontEnd", Mark(CLOUD, 12)),), Mark(CLOUD, 11))
BACK = InstanceAddress("Web", (NameRef("BackEnd", Mark(CLOUD, 14)),), Mark(CLOUD, 13))


@pytest.mark.parametrize(
    ("settings", "acls", "addresses"),
    [
        (SETTINGS, (), ()),
        (None, (ACL,), ()),
        (SETTINGS, (ACL, STRAY_ACL), (ADDRESS,)),
        (None, (), (ADDRESS, BACK)),
    ],
)
def test_the_copy_is_the_role_with_what_the_configuration_says_of_it(
    settings: RoleSettings | None, acls: tuple[EndpointAcl, ...], addresses: tuple[InstanceAddress, ...]
) -> None:
    role = _role()
    copied = configured_role(role, settings, acls, addresses)
    endpoints = model._with_acls(role.endpoints, acls) if acls else role.endpoints
    expected = dataclasses.replace(
        role,
        instances=settings.instances if settings else role.instances,
        endpoints=endpoints,
        subnets=tuple(s for a in addresses for s in a.subnets) or role.subnets,
        sources=(role.mark, *((settings.mark,) if settings else ()), *(a.mark for a in addresses)),
    )
    assert copied == expected
    assert all(getattr(copied, f.name) == getattr(expected, f.name) for f in dataclasses.fields(Role))
    assert copied.mark is role.mark and copied.name is role.name


def test_a_role_the_configuration_says_nothing_of_is_not_copied() -> None:
    role = _role()
    assert configured_role(role, None, (), ()) is role


def test_the_role_is_copied_without_its_changes_looked_up_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    replaced: list[object] = []
    by_name = model._replaced

    def counted(record, **changes):  # type: ignore[no-untyped-def]
        replaced.append(record)
        return by_name(record, **changes)

    monkeypatch.setattr(model, "_replaced", counted)
    for _ in range(10):
        configured_role(_role(), SETTINGS, (), (ADDRESS,))
    assert replaced == []
