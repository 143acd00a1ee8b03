"""Migration readiness by scope: the reported findings grouped the way the platform's Validate answers.

The platform validates one migration scope at a time, and so does this summary:

- **VMs not in a virtual network** — one item per cloud service whose files say it is in no virtual network
  (`Move-AzureService -Validate`): a cscfg or REST deployment without `VirtualNetworkSite` /
  `VirtualNetworkName`. Services with only web/worker roles are listed too: Validate runs on them and fails.
- **VMs in a virtual network** — one item per virtual network (`Move-AzureVirtualNetwork -Validate`): every
  VNet the files define, and every VNet name a service is placed in that no file defines. The item covers
  the VNet (subnets, gateway, the local network sites and DNS servers it refers to) and every cloud service
  in it.
- **Cloud services, virtual network not stated** — services known only from files that do not say whether
  they are in a virtual network (Export-AzureVM files, a lone .csdef). Which Validate covers them cannot be
  told from the files, and migcheck does not guess.
- **Storage accounts** — one item per account named by the host of a disk or image `MediaLink`
  (`acct.blob.core.windows.net`); disks and images move with their account.
- **Unattached resources** — network security groups and route tables (the files cannot show that one
  is associated with a subnet), and reserved IPs that no deployment or configuration uses and that name no
  cloud service (a reserved IP in use migrates with its cloud service, and counts there).
- **Files** — findings that belong to none of the above, one item per file (a file that does not parse
  yields no resource to attach them to).

How a finding is attached (rules need to know nothing about it): every item *owns* the source positions
(`Mark`s) of everything it is made of — found by walking the linked resources, so a new resource field
is covered without changing this module. A finding attaches to every item that owns the element it points
at (`Finding.mark`): an endpoint ACL of a VM in a VNet counts against that VNet; a disk whose blob name has
a `/` counts against its VNet (or cloud service) *and* its storage account, as the platform reports it for
both. A finding on an element the estate does not model attaches to the one item that owns the rest of its
file, if exactly one does; otherwise it is listed under Files.

Reported findings and those known from a baseline count (suppressed ones do not block), and the verdict is worded like Validate's
result: any error fails validation; warnings alone pass it with warnings; information does not change it.
This is a pure function of a `LintResult`: it groups findings, it never derives new ones.
"""

from __future__ import annotations

import dataclasses
import enum
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from migcheck.model import Finding, Mark, Severity

if TYPE_CHECKING:
    from migcheck.engine import LintResult
    from migcheck.estate import CloudService, Estate
    from migcheck.model import ReservedIp, VirtualNetwork

NO_VNET = "VMs not in a virtual network"
IN_VNET = "VMs in a virtual network"
NETWORK_NOT_STATED = "Cloud services, virtual network not stated"
STORAGE = "Storage accounts"
UNATTACHED = "Unattached resources"
FILES = "Files"
SCOPES = (NO_VNET, IN_VNET, NETWORK_NOT_STATED, STORAGE, UNATTACHED, FILES)


class Verdict(str, enum.Enum):
    """The result line of the platform's Validate operation."""

    FAILED = "Validation failed"
    WARNINGS = "Validation passed with warnings"
    PASSED = "Validation passed"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class ScopeItem:
    """One thing Validate would be run on: what it moves, and the findings that concern it."""

    name: str
    type: str  # CloudService, VirtualNetwork, StorageAccount, NetworkSecurityGroup, RouteTable, ...
    migrates: Mapping[str, object]
    findings: tuple[Finding, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def verdict(self) -> Verdict:
        worst = max((f.severity for f in self.findings), default=Severity.INFO)
        if worst is Severity.ERROR:
            return Verdict.FAILED
        return Verdict.WARNINGS if worst is Severity.WARNING else Verdict.PASSED


@dataclass(frozen=True, slots=True)
class ScopeSummary:
    scope: str
    items: tuple[ScopeItem, ...]


@dataclass(slots=True)
class _Draft:
    """An item being built: its description and the marks it owns."""

    scope: str
    name: str
    type: str
    migrates: dict[str, object]
    marks: set[Mark] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    def own(self, *resources: object) -> _Draft:
        for resource in resources:
            _collect_marks(resource, self.marks)
        return self


def readiness(result: LintResult) -> tuple[ScopeSummary, ...]:
    """The readiness summary of `result`, one entry per scope in `SCOPES` order (empty scopes included)."""
    drafts = list(_drafts(result.estate))
    files: dict[str, _Draft] = {}
    # Findings already accepted in a baseline still block: readiness is about the estate, not the diff.
    findings = [*result.findings, *result.known]
    for finding, owners in zip(findings, _attach(findings, drafts), strict=True):
        if not owners:
            owners = [files.setdefault(finding.mark.path, _Draft(FILES, finding.mark.path, "File", {}))]
        for draft in owners:
            draft.findings.append(finding)
    drafts += [files[path] for path in sorted(files)]
    return tuple(ScopeSummary(scope, tuple(_item(d) for d in drafts if d.scope == scope)) for scope in SCOPES)


def _item(draft: _Draft) -> ScopeItem:
    return ScopeItem(draft.name, draft.type, draft.migrates, tuple(draft.findings))


# --- attaching findings ------------------------------------------------------------------------------


def _attach(findings: Iterable[Finding], drafts: list[_Draft]) -> Iterator[list[_Draft]]:
    """For each finding, the items that own the element it points at (see the module docstring)."""
    by_mark: dict[Mark, list[_Draft]] = defaultdict(list)
    by_path: dict[str, set[int]] = defaultdict(set)
    for index, draft in enumerate(drafts):
        for mark in draft.marks:
            by_mark[mark].append(draft)
            by_path[mark.path].add(index)
    for finding in findings:
        owners = by_mark.get(finding.mark)
        if owners:
            yield owners
            continue
        in_file = by_path.get(finding.mark.path, set())
        yield [drafts[next(iter(in_file))]] if len(in_file) == 1 else []


@cache
def _field_names(type_: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(type_))


def _collect_marks(obj: object, out: set[Mark]) -> None:
    """Every `Mark` reachable from `obj` through dataclass fields and tuples."""
    if isinstance(obj, Mark):
        out.add(obj)
    elif isinstance(obj, (tuple, list)):
        for value in obj:
            _collect_marks(value, out)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for name in _field_names(type(obj)):
            _collect_marks(getattr(obj, name), out)


# --- the items of each scope -------------------------------------------------------------------------


def _key(name: str) -> str:
    """Names compare as the platform compares them (and as the estate links them)."""
    return name.strip().casefold()


def _drafts(estate: Estate) -> Iterator[_Draft]:
    reserved = _reserved_ips(estate)
    for service in estate.cloud_services:
        if service.network_known and not service.virtual_network_refs:
            yield _service_draft(NO_VNET, service, reserved)
    yield from _vnet_drafts(estate, reserved)
    for service in estate.cloud_services:
        if not service.network_known:
            yield _service_draft(NETWORK_NOT_STATED, service, reserved)
    yield from _storage_drafts(estate)
    yield from _unattached_drafts(estate, reserved)


def _service_contents(service: CloudService) -> dict[str, object]:
    roles = [r.name for r in service.roles]
    if service.definition is None:  # a cscfg alone names its roles without saying what they are
        roles += [r.name for c in service.deployed_configurations for r in c.roles]
    return {"vms": [vm.name for vm in service.vms], "roles": roles}


def _service_draft(scope: str, service: CloudService, reserved: _ReservedIps) -> _Draft:
    draft = _Draft(scope, service.name, "CloudService", _service_contents(service))
    return draft.own(service, *reserved.of(service))


def _vnet_drafts(estate: Estate, reserved: _ReservedIps) -> Iterator[_Draft]:
    """One item per VNet name: the definitions of it (a netcfg and a REST body may both hold one) and
    every cloud service placed in it, in the order the files define or first name them."""
    definitions: dict[str, list[VirtualNetwork]] = defaultdict(list)
    for vnet in estate.virtual_networks:
        definitions[_key(vnet.name)].append(vnet)
    members: dict[str, list[CloudService]] = defaultdict(list)
    names = {k: v[0].name for k, v in definitions.items()}
    for service in estate.cloud_services:
        for ref in _unique_refs(service):
            members[_key(ref)].append(service)
            names.setdefault(_key(ref), ref)
    for key, name in names.items():
        yield _vnet_draft(name, definitions.get(key, []), members.get(key, []), estate, reserved)


def _unique_refs(service: CloudService) -> list[str]:
    """The VNet names a service is placed in, once each (its cscfg and deployment may both say it)."""
    seen: dict[str, str] = {}
    for ref in service.virtual_network_refs:
        seen.setdefault(_key(ref.name), ref.name)
    return list(seen.values())


def _vnet_draft(
    name: str,
    definitions: list[VirtualNetwork],
    services: list[CloudService],
    estate: Estate,
    reserved: _ReservedIps,
) -> _Draft:
    subnets = list(dict.fromkeys(s.name for v in definitions for s in v.subnets))
    migrates: dict[str, object] = {
        "defined": bool(definitions),
        "subnets": subnets,
        "gateway": any(v.gateway is not None for v in definitions),
        "cloud_services": [{"name": s.name, **_service_contents(s)} for s in services],
    }
    draft = _Draft(IN_VNET, name, "VirtualNetwork", migrates).own(*definitions)
    draft.own(*_network_neighbours(definitions, estate))
    for service in services:
        draft.own(service, *reserved.of(service))
    return draft


def _network_neighbours(definitions: list[VirtualNetwork], estate: Estate) -> Iterator[object]:
    """The local network sites a VNet's gateway connects to and the DNS servers it uses: they are
    defined beside the VNets in a netcfg, and migrate with the VNet that uses them."""
    sites = {_key(c.local_site) for v in definitions if v.gateway for c in v.gateway.connections}
    dns = {_key(ref.name) for v in definitions for ref in v.dns_servers}
    yield from (s for s in estate.local_sites if _key(s.name) in sites)
    yield from (d for n in estate.network_configurations for d in n.dns_servers if _key(d.name) in dns)


def _storage_account(media_link: str) -> str:
    """`https://acct.blob.core.windows.net/vhds/x.vhd` → `acct` (any cloud's blob endpoint); "" if none."""
    host = media_link.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    labels = host.split(".")
    return labels[0].lower() if len(labels) > 2 and labels[1].lower() == "blob" else ""


def _storage_drafts(estate: Estate) -> Iterator[_Draft]:
    accounts: dict[str, _Draft] = {}
    vm_disks = (d for s in estate.cloud_services for vm in s.vms for d in vm.disks)
    for disk in (*vm_disks, *estate.disks):
        draft = _account_draft(accounts, disk.media_link)
        if draft is not None:
            draft.migrates["disks"].append(disk.name)  # type: ignore[attr-defined]
            draft.own(disk)
    for image in estate.images:
        draft = _account_draft(accounts, image.media_link)
        if draft is not None:
            draft.migrates["images"].append(image.name)  # type: ignore[attr-defined]
            draft.own(image)
    yield from (accounts[name] for name in sorted(accounts))


def _account_draft(accounts: dict[str, _Draft], media_link: str) -> _Draft | None:
    name = _storage_account(media_link)
    if not name:
        return None
    if name not in accounts:
        accounts[name] = _Draft(STORAGE, name, "StorageAccount", {"disks": [], "images": []})
    return accounts[name]


@dataclass(frozen=True, slots=True)
class _ReservedIps:
    """Declared reserved IPs by the name deployments use and by the service they say they belong to."""

    by_name: Mapping[str, list[ReservedIp]]
    by_service: Mapping[str, list[ReservedIp]]
    used: frozenset[str]  # names some deployment or deployed configuration uses

    def of(self, service: CloudService) -> list[ReservedIp]:
        """The reserved IPs a service uses or is associated with: they migrate with it."""
        found = [ip for ref in _reserved_refs(service) for ip in self.by_name.get(_key(ref), ())]
        found += [ip for ip in self.by_service.get(_key(service.name), ()) if ip not in found]
        return found


def _reserved_ips(estate: Estate) -> _ReservedIps:
    by_name: dict[str, list[ReservedIp]] = defaultdict(list)
    by_service: dict[str, list[ReservedIp]] = defaultdict(list)
    for ip in estate.reserved_ips:
        by_name[_key(ip.name)].append(ip)
        if ip.service_name:
            by_service[_key(ip.service_name)].append(ip)
    used = frozenset(_key(ref) for s in estate.cloud_services for ref in _reserved_refs(s))
    return _ReservedIps(by_name, by_service, used)


def _reserved_refs(service: CloudService) -> list[str]:
    names = [d.reserved_ip.name for d in service.deployments if d.reserved_ip is not None]
    return names + [r.name for c in service.deployed_configurations for r in c.reserved_ips]


def _unattached_drafts(estate: Estate, reserved: _ReservedIps) -> Iterator[_Draft]:
    # The files cannot say whether an NSG or route table is associated with a subnet, so each one
    # defined on its own is validated on its own, as the platform does for unattached resources.
    yield from _named_drafts(estate.network_security_groups, "NetworkSecurityGroup")
    yield from _named_drafts(estate.route_tables, "RouteTable")
    free = [ip for ip in estate.reserved_ips if not ip.service_name and _key(ip.name) not in reserved.used]
    for draft in _named_drafts(free, "ReservedIP"):
        draft.migrates["address"] = next(ip.address for ip in free if _key(ip.name) == _key(draft.name))
        yield draft


def _named_drafts(resources: Iterable[object], type_: str) -> Iterator[_Draft]:
    """One item per distinct name; a resource declared twice is still one resource."""
    drafts: dict[str, _Draft] = {}
    for resource in resources:
        name: str = resource.name  # type: ignore[attr-defined]
        draft = drafts.setdefault(_key(name), _Draft(UNATTACHED, name, type_, {}))
        draft.own(resource)
    yield from drafts.values()
