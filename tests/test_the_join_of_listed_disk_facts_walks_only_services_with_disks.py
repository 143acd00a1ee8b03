"""A listing of disks (a `Disks` list, a Get-AzureDisk export) gives a VM's disk the blob and IOType its own
description leaves out: the join walks the deployments of the services with a role that has disks (a VM's)
only. A web or worker role has none, and walking every role of every service was most of the join's cost on
an estate of 1,300 cloud services and 96 VMs."""

from __future__ import annotations

from pathlib import Path

from migcheck import estate
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Disk
from migcheck.plugins import load_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _has_disks(service: estate.CloudService) -> bool:
    return any(role.disks for placement in service.placements for role in placement.roles)


def test_the_services_without_disks_are_not_walked_and_kept_as_they_are(monkeypatch):
    result = lint([str(EXAMPLES)], Config(), load_rules(entry_points=False), jobs=1)
    services = tuple(s for e in result.estates for s in e.cloud_services)
    listed = [r for e in result.estates for d in e.documents for r in d.resources if isinstance(r, Disk)]
    assert any(d.media_link.strip() for d in listed)
    assert any(_has_disks(s) for s in services)
    assert any(not _has_disks(s) for s in services)
    walked: list[estate.CloudService] = []
    with_roles = estate._with_roles

    def recorded(service, change):
        walked.append(service)
        return with_roles(service, change)

    monkeypatch.setattr(estate, "_with_roles", recorded)
    joined = estate._with_listed_facts(services, listed)
    assert walked
    assert all(_has_disks(s) for s in walked)
    for before, after in zip(services, joined, strict=True):
        if not _has_disks(before):
            assert after is before
