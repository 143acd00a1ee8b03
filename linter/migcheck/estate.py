"""The link stage: resources from every file become one `Estate`, grouped into cloud services and
virtual networks, with names resolved the way the platform resolves them (case-insensitively).

Grouping (see DESIGN.md): a `.csdef` and the `.cscfg` files beside it are one cloud service; a REST
deployment body is one deployment of one cloud service; Export-AzureVM files in one folder are one cloud
service unless the config groups them otherwise. A link that cannot be resolved is left unresolved:
rules that need it stay silent rather than guess."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from migcheck.model import (
    Deployment,
    Disk,
    Document,
    FileKind,
    Image,
    LocalNetworkSite,
    Mark,
    NameRef,
    NetworkConfiguration,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RouteTable,
    ServiceConfiguration,
    ServiceDefinition,
    VirtualNetwork,
)


def _key(name: str) -> str:
    return name.strip().casefold()


@dataclass(frozen=True, slots=True)
class CloudService:
    """One cloud service, from whichever files describe it.

    `network_known` says whether the files state the service's virtual network either way: a cscfg or a
    REST deployment does (no `VirtualNetworkSite` / `VirtualNetworkName` means none); Export-AzureVM files
    and bare role bodies do not, so rules about VNet membership must not guess for them."""

    kind = "CloudService"
    name: str
    mark: Mark
    definition: ServiceDefinition | None = None
    configurations: tuple[ServiceConfiguration, ...] = ()
    deployments: tuple[Deployment, ...] = ()
    loose_vms: tuple[Role, ...] = ()  # Export-AzureVM files and bare REST role bodies
    include_local: bool = False  # report deployment findings on ServiceConfiguration.Local.cscfg too

    @property
    def deployed_configurations(self) -> tuple[ServiceConfiguration, ...]:
        """The configurations that get deployed: all but the local emulator's, unless configured."""
        return tuple(c for c in self.configurations if self.include_local or not c.is_local)

    @property
    def roles(self) -> tuple[Role, ...]:
        """Web and worker roles (not VMs), from the definition and from deployment bodies."""
        defined = self.definition.roles if self.definition else ()
        deployed = (r for d in self.deployments for r in d.roles if not r.is_vm)
        return (*defined, *deployed)

    @property
    def vms(self) -> tuple[Role, ...]:
        deployed = (r for d in self.deployments for r in d.roles if r.is_vm)
        return (*deployed, *self.loose_vms)

    @property
    def label(self) -> str:
        """How messages name the service. A REST deployment body that does not name its hosted service is
        named by its deployment: say so rather than pass the deployment off as the service."""
        unnamed = self.deployments and not any(d.service_name for d in self.deployments)
        return f"deployment '{self.name}'" if unnamed else f"cloud service '{self.name}'"

    @property
    def network_known(self) -> bool:
        return bool(self.deployments or self.deployed_configurations)

    @property
    def virtual_network_refs(self) -> tuple[NameRef, ...]:
        """Every place that puts this service in a virtual network."""
        refs = [c.virtual_network for c in self.deployed_configurations]
        refs += [d.virtual_network for d in self.deployments]
        return tuple(r for r in refs if r is not None)


@dataclass(frozen=True, slots=True)
class Estate:
    """Everything migcheck knows, linked. Rules read this; they never see XML."""

    documents: tuple[Document, ...]
    cloud_services: tuple[CloudService, ...]
    network_configurations: tuple[NetworkConfiguration, ...]
    virtual_networks: tuple[VirtualNetwork, ...]
    local_sites: tuple[LocalNetworkSite, ...] = ()
    reserved_ips: tuple[ReservedIp, ...] = ()
    disks: tuple[Disk, ...] = ()  # disks listed on their own, not as part of a VM
    images: tuple[Image, ...] = ()
    network_security_groups: tuple[NetworkSecurityGroup, ...] = ()
    route_tables: tuple[RouteTable, ...] = ()
    _vnets_by_name: Mapping[str, VirtualNetwork] = field(default_factory=dict, repr=False)

    @property
    def knows_networks(self) -> bool:
        """True when some file defines virtual networks, so a VNet name that matches none is dangling."""
        return bool(self._vnets_by_name)

    def virtual_network(self, name: str) -> VirtualNetwork | None:
        return self._vnets_by_name.get(_key(name))

    def members(self, vnet: VirtualNetwork) -> tuple[CloudService, ...]:
        """The cloud services placed in `vnet`."""
        wanted = _key(vnet.name)
        return tuple(
            cs for cs in self.cloud_services if any(_key(r.name) == wanted for r in cs.virtual_network_refs)
        )

    def resources(self, type_: type) -> Iterator:
        """Every top-level resource of `type_` read from any file, in file order."""
        for doc in self.documents:
            yield from (r for r in doc.resources if isinstance(r, type_))


@dataclass(frozen=True, slots=True)
class Grouping:
    """How to group Export-AzureVM files: cloud service name → path globs. Files no glob matches are
    grouped by folder."""

    services: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include_local: bool = False

    def service_for(self, path: str) -> str | None:
        from migcheck.discover import glob_regex

        for name, globs in self.services.items():
            if any(glob_regex(g).search(path) for g in globs):
                return name
        return None


def link(documents: Iterable[Document], grouping: Grouping | None = None) -> Estate:
    docs = tuple(documents)
    grouping = grouping or Grouping()
    netcfgs = tuple(_of_type(docs, NetworkConfiguration))
    vnets = (*(v for n in netcfgs for v in n.virtual_networks), *_of_type(docs, VirtualNetwork))
    vnets_by_name: dict[str, VirtualNetwork] = {}
    for vnet in vnets:
        vnets_by_name.setdefault(_key(vnet.name), vnet)
    return Estate(
        documents=docs,
        cloud_services=tuple(_cloud_services(docs, grouping)),
        network_configurations=netcfgs,
        virtual_networks=vnets,
        local_sites=tuple(s for n in netcfgs for s in n.local_sites),
        reserved_ips=tuple(_of_type(docs, ReservedIp)),
        disks=tuple(_of_type(docs, Disk)),
        images=tuple(_of_type(docs, Image)),
        network_security_groups=tuple(_of_type(docs, NetworkSecurityGroup)),
        route_tables=tuple(_of_type(docs, RouteTable)),
        _vnets_by_name=vnets_by_name,
    )


def _of_type(docs: Iterable[Document], type_: type) -> Iterator:
    for doc in docs:
        yield from (r for r in doc.resources if isinstance(r, type_))


def _cloud_services(docs: tuple[Document, ...], grouping: Grouping) -> Iterator[CloudService]:
    yield from _packaged_services(docs, grouping)
    for doc in docs:
        for deployment in (r for r in doc.resources if isinstance(r, Deployment)):
            name = deployment.service_name or deployment.name
            yield CloudService(name, deployment.mark, deployments=(deployment,))
    yield from _loose_vm_services(docs, grouping)


def _packaged_services(docs: tuple[Document, ...], grouping: Grouping) -> Iterator[CloudService]:
    """A csdef and the cscfgs in its folder; cscfgs with no csdef beside them, grouped by folder."""
    definitions: dict[str, ServiceDefinition] = {}
    configurations: dict[str, list[ServiceConfiguration]] = defaultdict(list)
    for doc in docs:
        folder = posixpath.dirname(doc.path)
        for r in doc.resources:
            if isinstance(r, ServiceDefinition):
                definitions.setdefault(folder, r)
            elif isinstance(r, ServiceConfiguration):
                configurations[folder].append(r)
    for folder in sorted(definitions.keys() | configurations.keys()):
        definition = definitions.get(folder)
        configs = tuple(configurations.get(folder, ()))
        anchor = definition or configs[0]
        name = definition.name if definition else configs[0].name
        yield CloudService(
            name or posixpath.basename(folder) or ".",
            anchor.mark,
            definition=definition,
            configurations=configs,
            include_local=grouping.include_local,
        )


def _loose_vm_services(docs: tuple[Document, ...], grouping: Grouping) -> Iterator[CloudService]:
    """Export-AzureVM files in one folder (or one configured group) are one cloud service; a bare REST
    role body is a VM of a service the file does not name, so it stands alone."""
    groups: dict[tuple[str, str], list[Role]] = defaultdict(list)
    for doc in docs:
        vms = [r for r in doc.resources if isinstance(r, Role)]
        if not vms:
            continue
        if doc.kind is FileKind.VM_EXPORT:
            configured = grouping.service_for(doc.path)
            folder = posixpath.dirname(doc.path)
            key = ("", configured) if configured else (folder, posixpath.basename(folder) or ".")
            groups[key].extend(vms)
        else:
            yield CloudService(vms[0].name, vms[0].mark, loose_vms=tuple(vms))
    for key in sorted(groups):
        vms = groups[key]
        yield CloudService(key[1], vms[0].mark, loose_vms=tuple(vms))
